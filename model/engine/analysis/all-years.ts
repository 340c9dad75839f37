/**
 * Analyses weigh a change by its all-years figure (the tornado's swing, the cost of 1% over the
 * agreement, a fund's share). A table that prints no total column (a state fiscal note: its fiscal
 * years and an annualized column), or a total that stops early (a "two-year" total in a five-year
 * table), is analysed as if it printed a total of every fiscal year: the same lines and years, so
 * no analysis reads a column the table lacks, and no input acting only in a later year shows no effect.
 */
import type { Scenario } from "../scenario/types";

export function withTotalColumn(scenario: Scenario): Scenario {
  const total = scenario.table.columns.total;
  if (total !== false && total?.through === undefined) return scenario;
  return { ...scenario, table: { ...scenario.table, columns: { ...scenario.table.columns, total: {} } } };
}
