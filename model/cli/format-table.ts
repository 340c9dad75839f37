/** Text renderings of results for the terminal: the FIS layout in $ thousands, the JSON contract. */
import type { TableResult } from "../engine/compute";
import { formatThousands } from "../engine/rounding";
import type { ScenarioComparison } from "../engine/analysis/diff";

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

export function formatComparison(cmp: ScenarioComparison): string {
  const out: string[] = [];
  const { a, b } = cmp;
  out.push(`Comparison ($ in thousands): A = ${a.scenarioName}, B = ${b.scenarioName}`);
  out.push("".padEnd(36) + a.columns.map((c) => `${columnTitle(c)} A`.padStart(13) + "B".padStart(9) + "B-A".padStart(7)).join(""));
  for (const line of a.lines) {
    const lineB = b.lines.find((l) => l.id === line.id)!;
    const cols = a.columns.map((c) => {
      const va = line.cells[c]!.display;
      const vb = lineB.cells[c]!.display;
      const d = vb.minus(va);
      return (
        formatThousands(va, false).padStart(13) +
        formatThousands(vb, false).padStart(9) +
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
