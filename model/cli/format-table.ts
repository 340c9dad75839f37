/** Text renderings of results for the terminal: the table in the scenario's display unit, and the JSON contract. */
import { formatDisplayed, unitsHeading, type ScenarioComparison, type TableResult } from "../engine/index";

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

/** The command-line JSON contract of DESIGN.md: displayed numbers in the display unit, and unrounded dollars as decimal strings (never cut). */
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

export function formatComparison(cmp: ScenarioComparison): string {
  const out: string[] = [];
  const { a, b } = cmp;
  const title = (c: string) => a.columnLabels[c] ?? c;
  out.push(`Comparison ${unitsHeading(a.display.unit)}: A = ${a.scenarioName}, B = ${b.scenarioName}`);
  out.push("".padEnd(36) + a.columns.map((c) => `${title(c)} A`.padStart(13) + "B".padStart(9) + "B-A".padStart(7)).join(""));
  for (const line of a.lines) {
    const lineB = b.lines.find((l) => l.id === line.id);
    const cols = a.columns.map((c) => {
      const va = line.cells[c]!.display;
      const vb = lineB?.cells[c]?.display;
      if (!vb) return formatDisplayed(va, a.display.decimals, false).padStart(13) + "-".padStart(9) + "".padStart(7);
      const d = vb.minus(va);
      return (
        formatDisplayed(va, a.display.decimals, false).padStart(13) +
        formatDisplayed(vb, b.display.decimals, false).padStart(9) +
        (d.isZero() ? "" : (d.isPositive() ? "+" : "") + d.toString()).padStart(7)
      );
    });
    out.push(line.label.slice(0, 35).padEnd(36) + cols.join(""));
  }
  out.push("");
  out.push(`${cmp.cells.length} of ${a.lines.length * a.columns.length} displayed cells differ.`);
  out.push("");
  out.push("Differences between the scenarios' inputs (and why A has its value):");
  for (const d of cmp.differences) {
    const moved = cmp.cells.filter((c) => c.causes.includes(d.id)).map((c) => `${c.line}.${c.column}`);
    out.push(`- [${d.id}] ${d.what}`);
    out.push(`    A: ${d.reasonA}`);
    out.push(`    B: ${d.reasonB}`);
    out.push(`    moves ${moved.length ? moved.join(", ") : "no displayed cell on its own"}`);
  }
  const unexplained = cmp.cells.filter((c) => c.causes.length === 0);
  if (unexplained.length) {
    out.push("");
    out.push(`Cells that move only through several differences together: ${unexplained.map((c) => `${c.line}.${c.column}`).join(", ")}`);
  }
  return out.join("\n");
}
