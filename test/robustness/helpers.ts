/** Shared by the robustness tests: fixture loading and cell-by-cell table comparison. */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { TableResult } from "../../model/engine/compute";

export const FIXTURES = fileURLToPath(new URL("../fixtures/scenarios/", import.meta.url));

export function fixtureText(name: string): string {
  return readFileSync(FIXTURES + name, "utf8");
}

/** Every cell of a table as "line.column" -> "exact|display" strings, so two tables compare with one toEqual and a diff names the cell. */
export function tableCells(result: TableResult): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of result.lines)
    for (const [column, cell] of Object.entries(line.cells))
      out[`${line.id}.${column}`] = `${cell.exact.toString()}|${cell.display.toString()}`;
  return out;
}
