/**
 * What an edit moved: the displayed cells whose value changed between two tables (for the lasting
 * ▲/▼ markers) and the one-sentence announcement a screen reader hears after a recompute, taken
 * from the table's own total line, column labels and units.
 */
import type { Decimal } from "../../model/engine/decimal";
import type { TableResult } from "../../model/engine/compute";
import { printedLines } from "../../model/engine/table/printed";
import { amountInWords, changeInWords, columnLabelOf, unitsOfResult } from "../format/number";

export type ChangedCells = ReadonlyMap<string, { direction: "up" | "down"; by: Decimal }>;

/** Cells (by `${line}|${column}`) whose displayed value differs; lines or columns missing on one side are skipped. */
export function changedCells(before: TableResult, after: TableResult): ChangedCells {
  const out = new Map<string, { direction: "up" | "down"; by: Decimal }>();
  const old = new Map(before.lines.map((l) => [l.id, l]));
  for (const line of after.lines) {
    const prev = old.get(line.id);
    if (!prev) continue;
    for (const c of after.columns) {
      const a = prev.cells[c]?.display;
      const b = line.cells[c]?.display;
      if (!a || !b || a.equals(b)) continue;
      const by = b.minus(a);
      out.set(`${line.id}|${c}`, { direction: by.isNegative() ? "down" : "up", by });
    }
  }
  return out;
}

/**
 * "TOTAL COST FY 2026 now $46,158 thousand, up $6,292 thousand; 4-Yr Total now …": the total line in
 * the first year it moved and in the total column. Empty when the total did not move.
 */
export function recomputeAnnouncement(before: TableResult, after: TableResult): string {
  // Said of a row the table shows, never of a helper line.
  const shown = printedLines(after);
  const total = shown.find((l) => l.style === "total") ?? shown[shown.length - 1];
  const prev = total ? before.lines.find((l) => l.id === total.id) : undefined;
  if (!total || !prev) return "";
  const units = unitsOfResult(after);
  const moved = after.columns.filter((c) => {
    const a = prev.cells[c]?.display;
    const b = total.cells[c]?.display;
    return a && b && !a.equals(b);
  });
  if (moved.length === 0) return "";
  const say = (c: string) => {
    const now = total.cells[c]!.display;
    return `${columnLabelOf(after, c)} now ${amountInWords(now, units)}, ${changeInWords(now.minus(prev.cells[c]!.display), units)}`;
  };
  const year = moved.find((c) => c !== "Total");
  const parts = [year ? `${total.label} ${say(year)}` : "", moved.includes("Total") ? say("Total") : ""].filter(Boolean);
  return `${parts.join("; ")}.`;
}
