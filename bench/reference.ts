/** The reference scenario and the edit every "single-input" case makes, shared by Node and browser cases. */
import { computeTable, fisAsPublished, PUBLISHED_FIS_TABLE, type Scenario, type TableResult } from "../model/engine/index";

/** The FY2026 raise (3% in the agreement): the input the edit cases type over. */
export const FY2026_RAISE_PATH = "items.baseSalary.steps.1.amount";

export function raisePathFor(scenario: Scenario, fiscalYear: number): string {
  for (const item of scenario.items) {
    if (item.kind !== "raises") continue;
    const i = item.steps.findIndex((s) => s.fiscalYear === fiscalYear);
    if (i >= 0) return `items.${item.id}.steps.${i}.amount`;
  }
  throw new Error(`the scenario has no raise for FY${fiscalYear}`);
}

/** Cells of the table that differ from the published FIS (empty for "FIS as published"). */
export function publishedMismatches(result: TableResult): string[] {
  const out: string[] = [];
  for (const [lineId, columns] of Object.entries(PUBLISHED_FIS_TABLE)) {
    const line = result.lines.find((l) => l.id === lineId);
    for (const [column, published] of Object.entries(columns)) {
      const cell = line?.cells[column];
      if (!cell || !cell.display.equals(published))
        out.push(`${lineId}.${column}: ${cell?.display.toString() ?? "missing"} vs ${published}`);
    }
  }
  return out;
}

export function publishedCellCount(): number {
  return Object.values(PUBLISHED_FIS_TABLE).reduce((n, columns) => n + Object.keys(columns).length, 0);
}

export function referenceScenario(): Scenario {
  return fisAsPublished();
}

export function withScheduleMethod(scenario: Scenario): Scenario {
  return { ...scenario, settings: { ...scenario.settings, salaryMethod: "schedule" } };
}

export { computeTable };
