/** Text renderings of results for the terminal: the table in the scenario's display unit, and the JSON contract. */
import { formatDisplayed, unitsHeading, type TableResult } from "../engine/index";

const LABEL_WIDTH = 52;

const colWidth = (result: TableResult) => Math.max(12, ...result.columns.map((c) => (result.columnLabels[c] ?? c).length + 2));

export function formatTable(result: TableResult, title?: string): string {
  const out: string[] = [];
  const width = colWidth(result);
  const d = result.display.decimals;
  out.push(title ?? `Cost of the agreement ${unitsHeading(result.display.unit)} - scenario: ${result.scenarioName}`);
  out.push("".padEnd(LABEL_WIDTH) + result.columns.map((c) => (result.columnLabels[c] ?? c).padStart(width)).join(""));
  for (const line of result.lines) {
    if (line.style === "total") out.push("");
    const label = line.style === "total" ? line.label.toUpperCase() : line.label;
    out.push(
      label.slice(0, LABEL_WIDTH - 1).padEnd(LABEL_WIDTH) +
        result.columns.map((c) => formatDisplayed(line.cells[c]!.display, d).padStart(width)).join(""),
    );
  }
  out.push("");
  out.push(`Rounding: ${result.roundingRule}.`);
  return out.join("\n");
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
    lines: result.lines.map((line) => ({
      id: line.id,
      label: line.label,
      // Displayed values have a few decimals at most, which a JS number holds exactly.
      values: Object.fromEntries(result.columns.map((c) => [c, line.cells[c]!.display.toNumber()])),
      exact: Object.fromEntries(result.columns.map((c) => [c, line.cells[c]!.exact.toFixed()])),
    })),
  };
}
