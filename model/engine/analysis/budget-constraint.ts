/**
 * A budget constraint the analyses test a costed table against: a line (a total, a local portion)
 * must not exceed a limit in each fiscal year, in one year, or over the total. The limit is a
 * fixed amount, or the amounts entered on a table line (funding available) plus a named amount.
 */
import { Decimal, ZERO } from "../decimal";
import { TOTAL_COLUMN, type TableResult } from "../compute";
import { fyKey, type Scenario, type TableLine } from "../scenario/types";
import { lineKind as kindOfLine } from "../table/schema";
import { dollarsText } from "../words";

export type ConstraintScope = "eachYear" | "total" | { fiscalYear: number };

export type BudgetLimit =
  | { kind: "amount"; dollars: Decimal }
  /** The amounts entered on a line (as positive dollars) plus `dollars`; the line defaults to the table's first amounts line. */
  | { kind: "amountsPlus"; lineId?: string; dollars: Decimal };

export interface BudgetConstraint {
  lineId: string;
  limit: BudgetLimit;
  scope: ConstraintScope;
}

export interface ColumnCheck {
  column: string;
  value: Decimal;
  limit: Decimal;
  /** limit - value: negative when the constraint is broken. */
  headroom: Decimal;
}

/**
 * The constraint in words, with the table's line labels and dollars grouped as a reader writes them:
 * "Local Portion of Total Cost <= $500,000,000.00 over the total of all years". `money` writes the
 * amounts (the app's: in the table's unit, as the user typed the limit).
 */
export function describeConstraint(
  c: BudgetConstraint,
  scenario: Scenario,
  money: (dollars: Decimal) => string = (d) => dollarsText(d, 2),
): string {
  const labelOf = (lineId: string | undefined): string =>
    scenario.table.lines.find((l) => l.id === lineId)?.label ?? (lineId === undefined ? "the amounts available" : `"${lineId}"`);
  const limit =
    c.limit.kind === "amount"
      ? money(c.limit.dollars)
      : `${labelOf(amountsLine(scenario, c.limit.lineId)?.id ?? c.limit.lineId)}${c.limit.dollars.isZero() ? "" : ` ${c.limit.dollars.isNegative() ? "-" : "+"} ${money(c.limit.dollars.abs())}`}`;
  const scope =
    c.scope === "eachYear" ? "in every fiscal year" : c.scope === "total" ? "over the total of all years" : `in FY${c.scope.fiscalYear}`;
  return `${labelOf(c.lineId)} <= ${limit} ${scope}`;
}

function columnsOf(c: BudgetConstraint, scenario: Scenario): string[] {
  if (c.scope === "eachYear") return scenario.table.columns.fiscalYears.map(fyKey);
  if (c.scope === "total") return [TOTAL_COLUMN];
  return [fyKey(c.scope.fiscalYear)];
}

/** The amounts line a limit refers to: the one named, else the table's first line of entered amounts. */
export function amountsLine(scenario: Scenario, lineId?: string): TableLine | undefined {
  return scenario.table.lines.find((l) => (lineId ? l.id === lineId : kindOfLine(l) === "amounts") && l.amounts);
}

/** The amount entered for a column, as a positive amount (a negated line shows it negative). */
function amountsFor(line: TableLine | undefined, scenario: Scenario, column: string): Decimal {
  if (!line) return ZERO;
  if (column !== TOTAL_COLUMN) {
    const p = line.amounts?.[column];
    return p ? new Decimal(p.value) : ZERO;
  }
  return scenario.table.columns.fiscalYears.reduce((acc, fy) => acc.plus(amountsFor(line, scenario, fyKey(fy))), ZERO);
}

/**
 * The limit of every column the constraint covers, for a table with these lines and columns. A
 * named amount added to funding available is per column, so "each year" allows it every year and
 * "total" allows it once.
 */
export function constraintLimits(
  c: BudgetConstraint,
  scenario: Scenario,
  lineIds: readonly string[],
  columns: readonly string[],
): { column: string; limit: Decimal }[] {
  if (!lineIds.includes(c.lineId)) throw new Error(`no line "${c.lineId}"; lines are ${lineIds.join(", ")}`);
  const limitLine = c.limit.kind === "amountsPlus" ? amountsLine(scenario, c.limit.lineId) : undefined;
  if (c.limit.kind === "amountsPlus" && !limitLine)
    throw new Error(
      c.limit.lineId ? `no line "${c.limit.lineId}" with amounts entered` : "the table has no line of entered amounts to limit against",
    );
  return columnsOf(c, scenario).map((column) => {
    if (!columns.includes(column)) throw new Error(`line "${c.lineId}" has no column ${column}`);
    const limit = c.limit.kind === "amount" ? c.limit.dollars : amountsFor(limitLine, scenario, column).plus(c.limit.dollars);
    return { column, limit };
  });
}

/** The check of every column the constraint covers, on a costed table. */
export function checkConstraint(c: BudgetConstraint, scenario: Scenario, table: TableResult): ColumnCheck[] {
  const line = table.lines.find((l) => l.id === c.lineId);
  return constraintLimits(
    c,
    scenario,
    table.lines.map((l) => l.id),
    table.columns,
  ).map(({ column, limit }) => {
    const value = line!.cells[column]!.exact;
    return { column, value, limit, headroom: limit.minus(value) };
  });
}

export const satisfies = (checks: readonly ColumnCheck[]): boolean => checks.every((k) => !k.headroom.isNegative());

/**
 * "funds+5000000" (a line of entered amounts, by id), "funds" or "250000000" -> a limit; null when
 * unreadable, or when `amountLines` is given and the name is not one of them.
 */
export function parseLimit(text: string, amountLines?: readonly string[]): BudgetLimit | null {
  const t = text.replace(/[\s,_$]/g, "");
  const m = /^([A-Za-z][A-Za-z0-9_-]*?)(?:([+-])(\d+(?:\.\d+)?))?$/.exec(t);
  if (m && amountLines && !amountLines.includes(m[1]!)) return null;
  if (m) return { kind: "amountsPlus", lineId: m[1]!, dollars: m[3] ? new Decimal(m[3]).times(m[2] === "-" ? -1 : 1) : ZERO };
  if (/^-?\d+(?:\.\d+)?$/.test(t)) return { kind: "amount", dollars: new Decimal(t) };
  return null;
}
