/**
 * What the Charts tab draws, read off a table result and nothing else: which lines stack as bars
 * (the cost lines), which line their stack adds up to (the table's total), which derived lines are
 * drawn over them as lines (funding, a local portion, the net: whatever the scenario declares),
 * and the steps from a scenario's published figures to its computed ones. No line id is assumed.
 * Values stay Decimals in the display unit; charts turn them into numbers only to draw.
 */
import type { LineResult, TableResult } from "../../model/engine/compute";
import { Decimal } from "../../model/engine/decimal";
import { printedLines } from "../../model/engine/table/printed";
import { TOTAL_COLUMN } from "../../model/engine/table/schema";

export interface ChartLines {
  /** Cost lines, bottom of the stack first (the table's order). */
  stacked: LineResult[];
  /** The line the stack adds up to (the table's first total), if it has one. */
  total?: LineResult;
  /** Every other derived line, in the table's order. */
  drawn: LineResult[];
}

export function chartLines(result: TableResult): ChartLines {
  // The chart draws the table as printed: a helper line is no bar and no line.
  const lines = printedLines(result);
  const stacked = lines.filter((l) => l.kind === "cost");
  const total = lines.find((l) => l.kind !== "cost" && l.style === "total");
  const drawn = lines.filter((l) => l.kind !== "cost" && l !== total);
  return { stacked, ...(total ? { total } : {}), drawn };
}

/** The columns a chart runs along: the fiscal years (not the total or annualized columns). */
export const yearColumns = (result: TableResult): string[] => result.columns.filter((c) => /^FY\d{4}$/.test(c));

/** The figure on top of a year's bar: the total line's cell, else the sum of the stacked cells. */
export function barTotal(result: TableResult, lines: ChartLines, column: string): Decimal {
  if (lines.total?.cells[column]) return lines.total.cells[column]!.display;
  return lines.stacked.reduce((s, l) => s.plus(l.cells[column]?.display ?? 0), new Decimal(0));
}

/**
 * The stacked line costing the most over the table's span, for the chart's summary: by its total
 * cell where the table has a total column, else by the sum of its displayed fiscal-year cells (a
 * state fiscal note prints its years and an annualized column, no total).
 */
export function largestLine(result: TableResult, lines: ChartLines): { line: LineResult; amount: Decimal } | undefined {
  const years = yearColumns(result);
  const hasTotal = result.columns.includes(TOTAL_COLUMN);
  const sumOfYears = (l: LineResult) => years.reduce((s, y) => s.plus(l.cells[y]?.display ?? 0), new Decimal(0));
  const amountOf = (l: LineResult) => (hasTotal ? (l.cells[TOTAL_COLUMN]?.display ?? new Decimal(0)) : sumOfYears(l));
  let best: { line: LineResult; amount: Decimal } | undefined;
  for (const line of lines.stacked) {
    const amount = amountOf(line);
    if (!best || amount.greaterThan(best.amount)) best = { line, amount };
  }
  return best;
}

export interface PublishedStep {
  label: string;
  /** In the display unit: the total itself for a total, the change for a change. */
  value: Decimal;
  kind: "total" | "change";
}

/**
 * Published -> scenario for one column of the total line: the published total, each stacked line's
 * change (computed minus published; a line the note does not print counts from zero), the total's
 * own rounding where the displayed total is not the sum of the displayed lines, then the computed
 * total. Null when the scenario carries no published figures for the total line in that column.
 */
export function publishedSteps(result: TableResult, column: string): PublishedStep[] | null {
  const published = result.published;
  const lines = chartLines(result);
  const total = lines.total;
  const printed = total ? published?.values[total.id]?.[column] : undefined;
  if (!published || !total || printed === undefined || !total.cells[column]) return null;
  const start = new Decimal(printed);
  const changes: PublishedStep[] = lines.stacked
    .map((l) => {
      const was = published.values[l.id]?.[column];
      const now = l.cells[column]?.display ?? new Decimal(0);
      return {
        label: was === undefined ? `${l.label} (not in the published table)` : l.label,
        value: now.minus(was ?? 0),
        kind: "change" as const,
      };
    })
    .filter((s) => !s.value.isZero());
  const end = total.cells[column]!.display;
  const rounding = end.minus(start).minus(changes.reduce((s, c) => s.plus(c.value), new Decimal(0)));
  return [
    { label: `Published (${published.source})`, value: start, kind: "total" },
    ...changes,
    ...(rounding.isZero()
      ? []
      : [{ label: "Rounding of the total (each cell is rounded on its own)", value: rounding, kind: "change" as const }]),
    { label: `${result.scenarioName} (computed)`, value: end, kind: "total" },
  ];
}
