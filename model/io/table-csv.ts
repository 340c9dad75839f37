/**
 * The computed FIS table as CSV: one row per line, displayed $ thousands per column, then the
 * unrounded dollars per column (so a reader can check the rounding rule themselves).
 */
import type { TableResult } from "../engine/index";
import { csvField } from "./text-escape";

export function exportTableCsv(result: TableResult): string {
  const header = ["Line id", "Line", ...result.columns.map((c) => `${c} ($K)`), ...result.columns.map((c) => `${c} exact ($)`)];
  const rows = result.lines.map((line) => [
    line.id,
    line.label,
    ...result.columns.map((c) => line.cells[c]?.display.toFixed(0) ?? ""),
    ...result.columns.map((c) => line.cells[c]?.exact.toFixed(2) ?? ""),
  ]);
  // Numbers such as "-21437" start with "-" but are numbers, not text: only labels are escaped.
  const csvRow = (fields: string[], textColumns: number) => fields.map((f, i) => (i < textColumns ? csvField(f) : f)).join(",");
  return [csvRow(header, header.length), ...rows.map((r) => csvRow(r, 2))].join("\r\n") + "\r\n";
}
