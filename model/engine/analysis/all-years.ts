/**
 * Analyses weigh a change by its all-years figure (the tornado's swing, the cost of 1% over the
 * agreement, a fund's share). A table that prints no total column (a state fiscal note: its fiscal
 * years and an annualized column) is analysed as if it printed one: the same lines and years, with
 * the total of its fiscal years beside them, so no analysis reads a column the table lacks.
 */
import type { Scenario } from "../scenario/types";

export function withTotalColumn(scenario: Scenario): Scenario {
  if (scenario.table.columns.total !== false) return scenario;
  return { ...scenario, table: { ...scenario.table, columns: { ...scenario.table.columns, total: {} } } };
}
