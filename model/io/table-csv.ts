/**
 * The computed FIS table as CSV: one row per line, the figures the table shows per column (in its
 * display unit, at its decimals, under a header naming that unit), then the unrounded dollars per
 * column (so a reader can check the rounding rule themselves).
 */
import { printedLines, type Display, type TableResult } from "../engine/index";
import { csvField } from "./text-escape";

/** "dollars", "$ thousands", "$ millions": the unit as the app's headers name it. */
const unitWords = (unit: Display["unit"]): string => (unit === "dollars" ? "dollars" : `$ ${unit}`);

export function exportTableCsv(result: TableResult): string {
  const { unit, decimals } = result.display;
  const header = [
    "Line id",
    "Line",
    ...result.columns.map((c) => `${c} (${unitWords(unit)})`),
    ...result.columns.map((c) => `${c} exact ($)`),
  ];
  const rows = printedLines(result).map((line) => [
    line.id,
    line.label,
    ...result.columns.map((c) => line.cells[c]?.display.toFixed(decimals) ?? ""),
    ...result.columns.map((c) => line.cells[c]?.exact.toFixed(2) ?? ""),
  ]);
  // Numbers such as "-21437" start with "-" but are numbers, not text: only labels are escaped.
  const csvRow = (fields: string[], textColumns: number) => fields.map((f, i) => (i < textColumns ? csvField(f) : f)).join(",");
  return [csvRow(header, header.length), ...rows.map((r) => csvRow(r, 2))].join("\r\n") + "\r\n";
}
