/**
 * The FIS grid's rows, read off a table result: one per printed line (a helper line, not printed,
 * is no row; its figures reach the screen through the lines that use it and their explanations).
 */
import type { Decimal } from "../../model/engine/decimal";
import type { LineResult, TableResult } from "../../model/engine/compute";
import { printedLines } from "../../model/engine/table/printed";

/** What a row shows: labels and each column's display value (the explanation stays in the result). */
export interface FisRow {
  id: string;
  label: string;
  kind: LineResult["kind"];
  style?: LineResult["style"];
  note?: string;
  display: Record<string, Decimal>;
}

function sameRow(a: FisRow, b: FisRow): boolean {
  if (a.id !== b.id || a.label !== b.label || a.kind !== b.kind || a.style !== b.style || a.note !== b.note) return false;
  const keys = Object.keys(b.display);
  return (
    keys.length === Object.keys(a.display).length && keys.every((k) => a.display[k] !== undefined && a.display[k]!.equals(b.display[k]!))
  );
}

/** Rows for `result`, reusing the previous row object wherever nothing shown in it changed (AG Grid then leaves that row alone). */
export function rowsFor(result: TableResult, previous: ReadonlyMap<string, FisRow> = new Map()): FisRow[] {
  return printedLines(result).map((l) => {
    const display: Record<string, Decimal> = {};
    for (const c of result.columns) display[c] = l.cells[c]!.display;
    const row: FisRow = {
      id: l.id,
      label: l.label,
      kind: l.kind,
      ...(l.style ? { style: l.style } : {}),
      ...(l.note ? { note: l.note } : {}),
      display,
    };
    const old = previous.get(l.id);
    return old && sameRow(old, row) ? old : row;
  });
}
