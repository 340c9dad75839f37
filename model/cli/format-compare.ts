/**
 * The comparison of two scenarios for the terminal: the JSON contract of DESIGN.md (unrounded
 * dollars as decimal strings) and a text table per line that differs, in dollars to the cent.
 */
import { Exact, printedLines, type CellValues, type Decimal, type ScenarioAttribution } from "../engine/index";
import { textTable, type TextColumn } from "./text-table";

export type AttributionView = "alone" | "shapley";

export interface CompareJson {
  baseline: string;
  scenario: string;
  differences: { id: string; label: string; cells: Record<string, Record<string, string>> }[];
  interaction: Record<string, Record<string, string>>;
  total: Record<string, Record<string, string>>;
}

/** Every digit: the rows of a cell add up to its total exactly, which cut strings would not. */
const dollars = (d: Decimal): string => (d.isZero() ? "0" : d.toFixed());

/** The printed lines' cells only: a helper line is no row of a comparison. */
const strings = (cells: CellValues, shown: ReadonlySet<string>): Record<string, Record<string, string>> =>
  Object.fromEntries(
    Object.entries(cells)
      .filter(([line]) => shown.has(line))
      .map(([line, byColumn]) => [line, Object.fromEntries(Object.entries(byColumn).map(([c, v]) => [c, dollars(v)]))]),
  );

/**
 * The rows as the chosen view has them: "alone" (each difference made on its own, the interaction
 * row what they add only together) or "shapley" (the interaction shared out, that row zero).
 */
export function viewRows(
  a: ScenarioAttribution,
  view: AttributionView,
): { rows: { id: string; label: string; cells: CellValues }[]; interaction: CellValues } {
  if (view === "shapley" && a.shapley) {
    const zero = Object.fromEntries(a.lines.map((l) => [l.id, Object.fromEntries(a.columns.map((c) => [c.id, new Exact(0)]))]));
    return { rows: a.differences.map((d) => ({ id: d.id, label: d.label, cells: a.shapley!.values[d.id]! })), interaction: zero };
  }
  return { rows: a.differences.map((d) => ({ id: d.id, label: d.label, cells: d.alone })), interaction: a.interaction };
}

export function compareJson(a: ScenarioAttribution, view: AttributionView = "alone"): CompareJson {
  const { rows, interaction } = viewRows(a, view);
  const shown = new Set(printedLines(a).map((l) => l.id));
  return {
    baseline: a.baselineName,
    scenario: a.scenarioName,
    differences: rows.map((r) => ({ id: r.id, label: r.label, cells: strings(r.cells, shown) })),
    interaction: strings(interaction, shown),
    total: strings(a.total, shown),
  };
}

const LABEL_WIDTH = 48;
const COL_WIDTH = 17;

/** Dollars to the cent, grouped, negatives in parentheses (the FIS convention). */
export function centsText(d: Decimal): string {
  const cents = d.toDecimalPlaces(2);
  if (cents.isZero()) return "0.00";
  const [int, frac] = cents.abs().toFixed(2).split(".");
  const text = `${int!.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}.${frac}`;
  return cents.isNegative() ? `(${text})` : text;
}

const columnTitle = (c: string) => c.replace(/^FY(\d{4})$/, "FY $1");
/** A label wrapped at word boundaries to the label column, so no part of it (a year, a value) is cut off. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  lines.push(line);
  return lines;
}

export function formatAttribution(a: ScenarioAttribution, view: AttributionView = "alone"): string {
  const out: string[] = [];
  const { rows, interaction } = viewRows(a, view);
  const shared = view === "shapley" && a.shapley !== null;
  out.push(`Comparison: baseline “${a.baselineName}”, scenario “${a.scenarioName}” (dollars; scenario − baseline)`);
  out.push(
    shared
      ? "Each difference's Shapley value: its average effect over every order the differences can be made in; " +
          "the interaction is shared out among them."
      : `Each difference is costed alone on the baseline; "Interaction" is what the differences add only in combination.`,
  );
  if (shared) {
    const s = a.shapley!;
    out.push(
      s.method === "exact"
        ? `Shapley values exact over all ${2 ** a.differences.length} subsets of the ${a.differences.length} differences.`
        : `Shapley values sampled over ${s.permutations} random orders (seed ${s.seed}): more than 8 differences; ` +
            `largest standard error ${centsText(largestError(a))} dollars.`,
    );
  }
  for (const c of a.columns.filter((c) => c.side !== "both"))
    out.push(`${columnTitle(c.id)} (only in the ${c.side}): compared with zero on the other side.`);
  out.push(`${a.evaluations} scenarios costed.`);

  const differing = printedLines(a).filter((l) => a.columns.some((c) => !a.total[l.id]![c.id]!.isZero()));
  if (differing.length === 0) out.push("", "No cell differs.");
  for (const line of differing) {
    out.push("");
    out.push(line.side === "both" ? line.label : `${line.label} (only in the ${line.side}; compared with zero)`);
    // A long label wraps onto lines of its own (the figures on its last line); notes span the row (null).
    const table: (string[] | null)[] = [["", ...a.columns.map((c) => columnTitle(c.id))]];
    const notes = new Map<number, string>();
    const row = (label: string, cells: CellValues) => {
      const labelLines = wrap(label, LABEL_WIDTH - 2);
      table.push(...labelLines.slice(0, -1).map((l) => [l]));
      table.push([labelLines[labelLines.length - 1]!, ...a.columns.map((c) => centsText(cells[line.id]![c.id]!))]);
    };
    const moving = rows.filter((r) => a.columns.some((c) => !r.cells[line.id]![c.id]!.isZero()));
    for (const r of moving) row(r.label, r.cells);
    if (moving.length < rows.length) {
      notes.set(
        table.length,
        `(${rows.length - moving.length} other difference${rows.length - moving.length === 1 ? "" : "s"}: no effect on this line)`,
      );
      table.push(null);
    }
    row(shared ? "Interaction (shared out above)" : "Interaction (only together)", interaction);
    row("Total difference", a.total);
    const columns: TextColumn[] = [
      { align: "left", minWidth: LABEL_WIDTH },
      ...a.columns.map((): TextColumn => ({ align: "right", minWidth: COL_WIDTH })),
    ];
    out.push(...textTable(columns, table).map((text, i) => notes.get(i) ?? text));
  }

  if (a.found.length) {
    out.push("");
    out.push("The differences, and why each side has its value:");
    for (const d of a.found) {
      const alone = a.differences.find((r) => r.id === d.id)?.appliesAlone !== false;
      out.push(`- ${d.label}${alone ? "" : " (cannot be made alone: counted in the interaction)"}`);
      out.push(`    baseline: ${d.reasonA || "—"}`);
      out.push(`    scenario: ${d.reasonB || "—"}`);
    }
  }
  if (a.differences.some((d) => d.id === "notItemised"))
    out.push(
      "",
      "Differences not itemised: making every difference found did not reproduce the scenario; the gap is shown as its own row.",
    );
  return out.join("\n");
}

function largestError(a: ScenarioAttribution): Decimal {
  let largest: Decimal | null = null;
  for (const byLine of Object.values(a.shapley?.standardError ?? {}))
    for (const byColumn of Object.values(byLine))
      for (const e of Object.values(byColumn)) if (!largest || e.greaterThan(largest)) largest = e;
  return largest ?? new Exact(0);
}
