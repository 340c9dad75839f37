/** The figures a scenario's published note prints (table.published), for the Published and Variance columns. */
import type { TableResult } from "../../model/engine/compute";
import type { Scenario } from "../../model/engine/scenario/types";

/** Whether the scenario carries the figures of a published note. */
export function hasPublished(s: Scenario): boolean {
  return s.table.published !== undefined;
}

export function publishedCell(result: TableResult, line: string, column: string): number | undefined {
  return result.published?.values[line]?.[column];
}
