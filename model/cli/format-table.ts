/** Text renderings of results for the terminal: the FIS layout in $ thousands, the JSON contract. */
import type { TableResult } from "../engine/compute";
import { formatThousands } from "../engine/rounding";

const LABEL_WIDTH = 52;
const COL_WIDTH = 12;

const columnTitle = (c: string) => (c === "Total" ? "4-Yr Total" : c.replace("FY", "FY "));

export function formatTable(result: TableResult, title?: string): string {
  const out: string[] = [];
  out.push(title ?? `Cost of the agreement ($ in thousands) - scenario: ${result.scenarioName}`);
  out.push("".padEnd(LABEL_WIDTH) + result.columns.map((c) => columnTitle(c).padStart(COL_WIDTH)).join(""));
  for (const line of result.lines) {
    if (line.id === "totalCost") out.push("");
    const label = line.kind === "total" ? line.label.toUpperCase() : line.label;
    out.push(
      label.slice(0, LABEL_WIDTH - 1).padEnd(LABEL_WIDTH) +
        result.columns.map((c) => formatThousands(line.cells[c]!.display).padStart(COL_WIDTH)).join(""),
    );
  }
  out.push("");
  out.push(`Rounding: ${result.roundingRule}.`);
  return out.join("\n");
}

export interface FisJson {
  units: "USD thousands";
  scenario: string;
  columns: string[];
  lines: { id: string; label: string; values: Record<string, number>; exact: Record<string, string> }[];
}

/** The command-line JSON contract of DESIGN.md: displayed integers and unrounded dollars as strings. */
export function tableJson(result: TableResult): FisJson {
  return {
    units: result.units,
    scenario: result.scenarioName,
    columns: result.columns,
    lines: result.lines.map((line) => ({
      id: line.id,
      label: line.label,
      // Displayed values are whole thousands, so a JS number holds them exactly.
      values: Object.fromEntries(result.columns.map((c) => [c, line.cells[c]!.display.toNumber()])),
      exact: Object.fromEntries(result.columns.map((c) => [c, line.cells[c]!.exact.toDecimalPlaces(2).toFixed(2)])),
    })),
  };
}
