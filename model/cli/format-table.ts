/** Text renderings of results for the terminal: the table in the scenario's display unit, and the JSON contract. */
import { formatDisplayed, printedLines, unitsHeading, type TableResult } from "../engine/index";
import { textTable, type TextColumn } from "./text-table";

const LABEL_WIDTH = 52;
const MIN_COLUMN_WIDTH = 12;

/** `text` in lines of at most `width` characters, broken at spaces (a word longer than that is split). */
export function wrapLabel(text: string, width: number): string[] {
  const out: string[] = [];
  let current = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    for (let w = word; w.length > 0;) {
      const room = current ? width - current.length - 1 : width;
      if (w.length <= room) {
        current = current ? `${current} ${w}` : w;
        w = "";
      } else if (current) {
        out.push(current);
        current = "";
      } else {
        out.push(w.slice(0, width));
        w = w.slice(width);
      }
    }
  }
  return [...out, current];
}

export function formatTable(result: TableResult, title?: string): string {
  const d = result.display.decimals;
  const rows: (string[] | null)[] = [["", ...result.columns.map((c) => result.columnLabels[c] ?? c)]];
  for (const line of printedLines(result)) {
    if (line.style === "total") rows.push(null);
    // The label as the scenario writes it (the DC table's "TOTAL COST" is upper case in the file); a total stands apart by its rule.
    // A long label wraps at word breaks, never cut: its figures stand on its last line, as a printed statement sets them.
    const label = wrapLabel(line.label, LABEL_WIDTH - 1);
    for (const part of label.slice(0, -1)) rows.push([part, ...result.columns.map(() => "")]);
    rows.push([label[label.length - 1]!, ...result.columns.map((c) => formatDisplayed(line.cells[c]!.display, d))]);
  }
  const columns: TextColumn[] = [
    { align: "left", minWidth: LABEL_WIDTH },
    ...result.columns.map((): TextColumn => ({ align: "right", minWidth: MIN_COLUMN_WIDTH })),
  ];
  return [
    title ?? `Cost of the agreement ${unitsHeading(result.display.unit)} - scenario: ${result.scenarioName}`,
    ...textTable(columns, rows),
    "",
    `Rounding: ${result.roundingRule}.`,
  ].join("\n");
}

export interface FisJson {
  /** The display unit in words: "USD thousands", "USD", "USD millions". */
  units: string;
  scenario: string;
  columns: string[];
  columnLabels: Record<string, string>;
  lines: { id: string; label: string; values: Record<string, number>; exact: Record<string, string> }[];
}

/**
 * The command-line JSON contract of DESIGN.md: displayed numbers in the display unit, and unrounded
 * dollars as decimal strings (never cut).
 */
export function tableJson(result: TableResult): FisJson {
  return {
    units: result.units,
    scenario: result.scenarioName,
    columns: result.columns,
    columnLabels: result.columnLabels,
    lines: printedLines(result).map((line) => ({
      id: line.id,
      label: line.label,
      // Displayed values have a few decimals at most, which a JS number holds exactly.
      values: Object.fromEntries(result.columns.map((c) => [c, line.cells[c]!.display.toNumber()])),
      exact: Object.fromEntries(result.columns.map((c) => [c, line.cells[c]!.exact.toFixed()])),
    })),
  };
}
