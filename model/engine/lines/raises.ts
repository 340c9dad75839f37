/**
 * Base Salary Increases (Art. 36.2; FIS p.2): for each covered group,
 * members x (average salary in force during the fiscal year - base average salary).
 * Percent raises compound, flat-dollar raises accumulate; a raise effective after the fiscal
 * year's first day is prorated by pay periods or days (settings.proration). With every raise on
 * Oct 1 this is the CFO's P x (cumulative raise factor - 1).
 */
import { fractionOfFiscalYear } from "../calendar";
import { Decimal, ONE, ZERO, sum } from "../decimal";
import type { Explanation } from "../explain";
import type { RaisesItem, RaiseStep } from "../scenario/types";
import { coveredGroups, dec, moneyText, paramLeaf, type ItemCell, type LineContext } from "./context";

interface Segment {
  /** Salary level in force. */
  level: Decimal;
  /** Share of the fiscal year it is in force. */
  share: Decimal;
}

/** Salary level after every raise effective up to and including fiscal year `fy`, from `base`. */
export function levelAfter(base: Decimal, steps: readonly RaiseStep[], fy: number): Decimal {
  let level = base;
  for (const s of steps) if (s.fiscalYear <= fy) level = applyStep(level, s);
  return level;
}

export function applyStep(level: Decimal, step: RaiseStep): Decimal {
  const amount = dec(step.amount);
  return step.type === "percent" ? level.times(ONE.plus(amount)) : level.plus(amount);
}

export function sortedSteps(item: RaisesItem): RaiseStep[] {
  return [...item.steps].sort((a, b) => a.fiscalYear - b.fiscalYear || a.effective.localeCompare(b.effective));
}

/** The salary levels in force during `fy`, each with its share of the year. */
function segmentsOfYear(ctx: LineContext, base: Decimal, steps: readonly RaiseStep[], fy: number): Segment[] {
  const { fiscalYearStartMonth, firstPayPeriodStart } = ctx.scenario.agreement;
  let level = levelAfter(base, steps, fy - 1);
  const inYear = steps.filter((s) => s.fiscalYear === fy);
  const segments: Segment[] = [];
  let shareBefore = ONE;
  for (const s of inYear) {
    const after = fractionOfFiscalYear(s.effective, fy, fiscalYearStartMonth, ctx.scenario.settings.proration, firstPayPeriodStart);
    segments.push({ level, share: shareBefore.minus(after) });
    level = applyStep(level, s);
    shareBefore = after;
  }
  segments.push({ level, share: shareBefore });
  return segments.filter((seg) => !seg.share.isZero());
}

export function raisesCost(item: RaisesItem, ctx: LineContext, fy: number): ItemCell {
  const steps = sortedSteps(item);
  const groupCells = coveredGroups(ctx.scenario, item).map((g): ItemCell => {
    const base = dec(g.averageSalary);
    const members = dec(g.members);
    const segments = segmentsOfYear(ctx, base, steps, fy);
    const average = sum(segments.map((s) => s.level.times(s.share)));
    const cost = members.times(average.minus(base));
    const stepLeaves: Explanation[] = steps
      .map((s, i) => ({ s, i }))
      .filter(({ s }) => s.fiscalYear <= fy)
      .map(({ s, i }) => ({
        ...paramLeaf(s.amount, `items.${item.id}.steps.${i}.amount`),
        label: `${s.amount.label} (${s.type}, effective ${s.effective})`,
      }));
    const allFullYear = segments.length === 1;
    const factor = base.isZero() ? ZERO : average.div(base);
    const pctOnly = steps.filter((s) => s.fiscalYear <= fy).every((s) => s.type === "percent");
    return {
      exact: cost,
      explanation: {
        label: `${g.label}: base salary increase FY${fy}`,
        value: cost.toString(),
        unit: "USD",
        formula:
          allFullYear && pctOnly
            ? "members x average salary x (cumulative raise factor - 1)"
            : "members x (average salary in force during the fiscal year - base average salary); mid-year raises prorated by " +
              ctx.scenario.settings.proration,
        symbols:
          allFullYear && pctOnly ? `${members} x ${base} x (${factor.toString()} - 1)` : `${members} x (${moneyText(average)} - ${base})`,
        children: [
          paramLeaf(g.members, `groups.${g.id}.members`),
          paramLeaf(g.averageSalary, `groups.${g.id}.averageSalary`),
          ...stepLeaves,
        ],
      },
    };
  });
  return combine(`${item.label} FY${fy}`, groupCells);
}

/** One group's cell as is; several groups summed under one node. */
export function combine(label: string, cells: ItemCell[]): ItemCell {
  if (cells.length === 1) return cells[0]!;
  const total = sum(cells.map((c) => c.exact));
  return {
    exact: total,
    explanation: {
      label,
      value: total.toString(),
      unit: "USD",
      formula: "sum over employee groups",
      children: cells.map((c) => c.explanation),
    },
  };
}

/** Covered payroll before the first raise: sum of members x average salary. */
export function basePayroll(item: RaisesItem, ctx: LineContext): ItemCell {
  const groups = coveredGroups(ctx.scenario, item);
  const total = sum(groups.map((g) => dec(g.members).times(dec(g.averageSalary))));
  return {
    exact: total,
    explanation: {
      label: "Payroll before the first raise (P)",
      value: total.toString(),
      unit: "USD",
      formula: "P = members x average salary",
      children: groups.flatMap((g) => [
        paramLeaf(g.members, `groups.${g.id}.members`),
        paramLeaf(g.averageSalary, `groups.${g.id}.averageSalary`),
      ]),
    },
  };
}
