/**
 * A budget constraint the analyses test a costed table against: a line (e.g. localPortion,
 * totalCost) must not exceed a limit in each fiscal year, in one year, or over the total.
 * The limit is a fixed amount, or the funding available plus a named amount (both in dollars).
 */
import { Decimal, ZERO } from "../decimal";
import { TOTAL_COLUMN, type TableResult } from "../compute";
import { fyKey, type Scenario } from "../scenario/types";

export type ConstraintScope = "eachYear" | "total" | { fiscalYear: number };

export type BudgetLimit = { kind: "amount"; dollars: Decimal } | { kind: "fundingAvailablePlus"; dollars: Decimal };

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

export function describeConstraint(c: BudgetConstraint): string {
  const limit =
    c.limit.kind === "amount"
      ? `$${c.limit.dollars.toFixed(2)}`
      : `funding available${c.limit.dollars.isZero() ? "" : ` ${c.limit.dollars.isNegative() ? "-" : "+"} $${c.limit.dollars.abs().toFixed(2)}`}`;
  const scope =
    c.scope === "eachYear" ? "in every fiscal year" : c.scope === "total" ? "over the total of all years" : `in FY${c.scope.fiscalYear}`;
  return `${c.lineId} <= ${limit} ${scope}`;
}

function columnsOf(c: BudgetConstraint, scenario: Scenario): string[] {
  if (c.scope === "eachYear") return scenario.agreement.fiscalYears.map(fyKey);
  if (c.scope === "total") return [TOTAL_COLUMN];
  return [fyKey(c.scope.fiscalYear)];
}

/** The funding available for a column, as a positive amount (the table shows it negative). */
function fundingFor(scenario: Scenario, column: string): Decimal {
  if (column !== TOTAL_COLUMN) {
    const p = scenario.fundingAvailable[column];
    return p ? new Decimal(p.value) : ZERO;
  }
  return scenario.agreement.fiscalYears.reduce((acc, fy) => acc.plus(fundingFor(scenario, fyKey(fy))), ZERO);
}

/**
 * The check of every column the constraint covers. A named amount added to funding available is
 * per column, so "each year" allows it every year and "total" allows it once.
 */
export function checkConstraint(c: BudgetConstraint, scenario: Scenario, table: TableResult): ColumnCheck[] {
  const line = table.lines.find((l) => l.id === c.lineId);
  if (!line) throw new Error(`no line "${c.lineId}"; lines are ${table.lines.map((l) => l.id).join(", ")}`);
  return columnsOf(c, scenario).map((column) => {
    const cell = line.cells[column];
    if (!cell) throw new Error(`line "${c.lineId}" has no column ${column}`);
    const limit = c.limit.kind === "amount" ? c.limit.dollars : fundingFor(scenario, column).plus(c.limit.dollars);
    return { column, value: cell.exact, limit, headroom: limit.minus(cell.exact) };
  });
}

export const satisfies = (checks: readonly ColumnCheck[]): boolean => checks.every((k) => !k.headroom.isNegative());

/** "fundingAvailable+5000000", "fundingAvailable", "fundingAvailable-1e6" or "250000000" -> a limit; null when unreadable. */
export function parseLimit(text: string): BudgetLimit | null {
  const t = text.replace(/[\s,_$]/g, "");
  const m = /^fundingAvailable(?:([+-])(\d+(?:\.\d+)?))?$/i.exec(t);
  if (m) return { kind: "fundingAvailablePlus", dollars: m[2] ? new Decimal(m[2]).times(m[1] === "-" ? -1 : 1) : ZERO };
  if (/^-?\d+(?:\.\d+)?$/.test(t)) return { kind: "amount", dollars: new Decimal(t) };
  return null;
}
