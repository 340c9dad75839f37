/** The reference scenario and the edit every "single-input" case makes, shared by Node and browser cases. */
import { fisAsPublished } from "../model/built-ins";
import { computeTable, stepPath, withScheduleMethod as scheduleMethodOf, type Scenario, type TableResult } from "../model/engine/index";

/** The FY2026 raise (3% in the agreement): the input the edit cases type over. */
export const FY2026_RAISE_PATH = "items.baseSalary.steps.2025-10-01.amount";

export function raisePathFor(scenario: Scenario, fiscalYear: number): string {
  for (const item of scenario.items) {
    if (item.kind !== "raises") continue;
    const step = item.steps.find((s) => s.fiscalYear === fiscalYear);
    if (step) return stepPath(item, step);
  }
  throw new Error(`the scenario has no raise for FY${fiscalYear}`);
}

/** Cells of the table that differ from the scenario's published figures (empty for "FIS as published"). */
export function publishedMismatches(result: TableResult): string[] {
  const out: string[] = [];
  for (const [lineId, columns] of Object.entries(result.published?.values ?? {})) {
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
  return Object.values(fisAsPublished().table.published!.values).reduce((n, columns) => n + Object.keys(columns).length, 0);
}

export function referenceScenario(): Scenario {
  return fisAsPublished();
}

/** The scenario costed by the schedule method, with its own census block (the reference census, named). */
export function withScheduleMethod(scenario: Scenario): Scenario {
  return scheduleMethodOf(scenario);
}

export { computeTable };
