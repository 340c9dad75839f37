/**
 * Derived lines over other lines: sum/minus, share, entered amounts, a fund's part, the change over
 * the prior year. Each cell keeps its unrounded value and an explanation naming the lines it uses.
 */
import { Decimal, ZERO, sum } from "../decimal";
import type { Explanation } from "../explain";
import { dec, paramLeaf } from "../scenario/groups";
import { ANNUALIZED_COLUMN, fyKey, type TableLine } from "./schema";

export interface RawCell {
  exact: Decimal;
  explanation: Explanation;
}

/** Line id -> column -> unrounded cell, for the lines computed so far. */
export type LineCells = Map<string, Record<string, RawCell>>;

const cell = (label: string, exact: Decimal, formula: string, children: Explanation[], symbols?: string): RawCell => ({
  exact,
  explanation: { label, value: exact.toString(), unit: "USD", formula, ...(symbols ? { symbols } : {}), children },
});

/** sum - minus, each reference expanded to the lines it stands for (a cost line and the parts the schedule method adds to it). */
export function sumCell(
  line: TableLine,
  column: string,
  label: string,
  lines: LineCells,
  expand: (id: string) => string[],
  labelOf: (id: string) => string,
): RawCell {
  const plus = (line.sum ?? []).flatMap(expand);
  const minus = (line.minus ?? []).flatMap(expand);
  const parts = [...plus.map((id) => ({ id, sign: 1 })), ...minus.map((id) => ({ id, sign: -1 }))].map((p) => ({
    ...p,
    cell: lines.get(p.id)![column]!,
  }));
  const exact = sum(parts.map((p) => (p.sign > 0 ? p.cell.exact : p.cell.exact.negated())));
  const words = `${plus.map(labelOf).join(" + ")}${minus.length ? ` - ${minus.map(labelOf).join(" - ")}` : ""}`;
  return cell(
    label,
    exact,
    `sum of the unrounded lines: ${words}`,
    parts.map((p) => (p.sign > 0 ? p.cell.explanation : { ...p.cell.explanation, subtracted: true })),
  );
}

export function shareCell(line: TableLine, column: string, label: string, lines: LineCells, ofLabel: string): RawCell {
  const share = line.share!;
  const of = lines.get(share.of)![column]!;
  const rate = dec(share.rate);
  return cell(
    label,
    rate.times(of.exact),
    `share x ${ofLabel}`,
    [paramLeaf(share.rate, `table.lines.${line.id}.rate`, "share"), of.explanation],
    `${rate} x ${of.exact}`,
  );
}

export function amountsCell(line: TableLine, column: string, label: string): RawCell {
  const key = column.startsWith("FY") ? column : "annualized";
  const p = line.amounts![key];
  const v = p ? (line.negate ? dec(p).negated() : dec(p)) : ZERO;
  const words = line.negate ? "minus the amount entered (shown negative)" : "the amount entered";
  return cell(
    label,
    v,
    p ? words : "no amount entered for this column",
    p ? [paramLeaf(p, `table.lines.${line.id}.amounts.${key}`, "USD")] : [],
  );
}

export function changeCell(line: TableLine, fy: number, first: number, label: string, lines: LineCells, ofLabel: string): RawCell {
  const of = lines.get(line.change!.of)!;
  const now = of[fyKey(fy)]!;
  if (fy === first)
    return cell(label, now.exact, `${ofLabel} in the first fiscal year (its addition over the base year)`, [now.explanation]);
  const before = of[fyKey(fy - 1)]!;
  return cell(
    label,
    now.exact.minus(before.exact),
    `${ofLabel} this year - the year before`,
    [now.explanation, { ...before.explanation, subtracted: true }],
    `${now.exact} - ${before.exact}`,
  );
}

/**
 * The annualized column of a change line: the full-year cost less the last fiscal year's, what full
 * implementation still adds (a note's "needed to annualize"). Zero when the last year already runs
 * a full year of every step.
 */
export function annualizedChangeCell(line: TableLine, last: number, label: string, lines: LineCells, ofLabel: string): RawCell {
  const of = lines.get(line.change!.of)!;
  const full = of[ANNUALIZED_COLUMN]!;
  const before = of[fyKey(last)]!;
  return cell(
    label,
    full.exact.minus(before.exact),
    `${ofLabel} annualized - ${ofLabel} in FY${last} (what a full year adds over the last fiscal year)`,
    [full.explanation, { ...before.explanation, subtracted: true }],
    `${full.exact} - ${before.exact}`,
  );
}

export const zeroCell = (label: string, why: string): RawCell => cell(label, ZERO, why, []);
