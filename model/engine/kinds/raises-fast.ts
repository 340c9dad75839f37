/**
 * Raises on the fast path: the twin of raises.ts's cost (members x (salary level in force during
 * the year - base), segments weighted by their share of the year) and, under the schedule method,
 * of raises-schedule.ts (raises-schedule-fast.ts).
 */
import { periodsInFiscalYear, shareOfFiscalYearAfter } from "../calendar";
import { defineFast, filledReg, groupMembersReg, groupPayrollReg, type CompileContext } from "../fast/context";
import type { Reg } from "../fast/tape";
import type { Group } from "../scenario/groups";
import { coveredGroups } from "./common";
import type { Param } from "../fields";
import type { RaisesItem, RaiseStep } from "./raises";
import { scheduleRaisesFast } from "./raises-schedule-fast";

interface FastBase {
  multiplier: Reg;
  base: Reg;
  flatScale?: Reg;
}

/** salaryBases, compiled: the filled share of each headcount (or of a whole payroll and its members). */
function bases(ctx: CompileContext, g: Group): FastBase[] {
  if (g.positions) return g.positions.map((p) => ({ multiplier: filledReg(ctx, g, ctx.param(p.count)), base: ctx.param(p.salary) }));
  if (g.payroll) {
    const members = groupMembersReg(ctx, g);
    return [{ multiplier: ctx.b.one, base: groupPayrollReg(ctx, g), ...(members !== undefined ? { flatScale: members } : {}) }];
  }
  const members = groupMembersReg(ctx, g)!;
  // Headcount alone: flat steps add dollars per member to a salary the note does not state.
  if (!g.averageSalary) return [{ multiplier: members, base: ctx.b.zero }];
  return [{ multiplier: members, base: ctx.param(g.averageSalary) }];
}

/**
 * raises.ts's applyStep, compiled: a minimum step as max(level, minimum), a clamped percent step as
 * level + min(max(level x percent, floor), cap).
 */
function apply(ctx: CompileContext, level: Reg, step: RaiseStep, flatScale?: Reg): Reg {
  const { b } = ctx;
  const amount = ctx.param(step.amount);
  if (step.type === "flat") return b.add(level, flatScale !== undefined ? b.mul(amount, flatScale) : amount);
  if (step.type === "minimum") return b.max(level, flatScale !== undefined ? b.mul(amount, flatScale) : amount);
  if (step.atLeast === undefined && step.atMost === undefined) return b.mul(level, b.add(b.one, amount));
  const perMember = (p: Param) => (flatScale !== undefined ? b.mul(ctx.param(p), flatScale) : ctx.param(p));
  let raise = b.mul(level, amount);
  if (step.atLeast) raise = b.max(raise, perMember(step.atLeast));
  if (step.atMost) raise = b.min(raise, perMember(step.atMost));
  return b.add(level, raise);
}

function levelAfter(ctx: CompileContext, base: Reg, steps: readonly RaiseStep[], fy: number, flatScale?: Reg): Reg {
  let level = base;
  for (const s of steps) if (s.fiscalYear <= fy) level = apply(ctx, level, s, flatScale);
  return level;
}

function baseCost(ctx: CompileContext, fb: FastBase, steps: readonly RaiseStep[], fy: number): Reg {
  const { b } = ctx;
  let level = levelAfter(ctx, fb.base, steps, fy - 1, fb.flatScale);
  const inYear = steps.filter((x) => x.fiscalYear === fy);
  let average = level;
  if (inYear.some((s) => s.periodsPaid)) average = statedPeriodsAverage(ctx, fb, level, inYear, fy);
  else if (inYear.length > 0) {
    // Each level weighted by its share of the year: (periods or days) / the year's, from the calendar.
    const afters = inYear.map((s) => shareOfFiscalYearAfter(s.effective, fy, ctx.calendar, ctx.scenario.settings.proration));
    const den = afters[0]!.den;
    const segments: { level: Reg; num: number }[] = [];
    let before = den;
    inYear.forEach((s, k) => {
      segments.push({ level, num: before - afters[k]!.num });
      level = apply(ctx, level, s, fb.flatScale);
      before = afters[k]!.num;
    });
    segments.push({ level, num: before });
    average = b.sum(segments.filter((seg) => seg.num !== 0).map((seg) => b.mul(seg.level, b.div(b.exact(seg.num), b.exact(den)))));
  }
  return b.mul(fb.multiplier, b.sub(average, fb.base));
}

/**
 * The year's average level when a step states the periods it is paid (7 of 24 payrolls): each
 * step's share of the year from it on is count / periods (stated, or the calendar's), the others'
 * counted from their dates, and each level weighted by the difference, as raises.ts's shareAfter.
 */
function statedPeriodsAverage(ctx: CompileContext, fb: FastBase, start: Reg, inYear: readonly RaiseStep[], fy: number): Reg {
  const { b } = ctx;
  const method = ctx.scenario.settings.proration;
  const after = (s: RaiseStep): Reg => {
    if (s.periodsPaid) {
      const per = s.periodsPaid.perYear ? ctx.param(s.periodsPaid.perYear) : b.exact(periodsInFiscalYear(fy, ctx.calendar, method));
      return b.div(ctx.param(s.periodsPaid.count), per);
    }
    const { num, den } = shareOfFiscalYearAfter(s.effective, fy, ctx.calendar, method);
    return num === den ? b.one : b.div(b.exact(num), b.exact(den));
  };
  let level = start;
  let before: Reg = b.one;
  const terms: Reg[] = [];
  for (const s of inYear) {
    const a = after(s);
    terms.push(b.mul(level, b.sub(before, a)));
    level = apply(ctx, level, s, fb.flatScale);
    before = a;
  }
  terms.push(b.mul(level, before));
  return b.sum(terms);
}

const sorted = (item: RaisesItem) => [...item.steps].sort((a, b) => a.fiscalYear - b.fiscalYear || a.effective.localeCompare(b.effective));
const bySchedule = (ctx: CompileContext) => ctx.scenario.settings.salaryMethod === "schedule";

export const raisesFast = defineFast<RaisesItem>({
  cost(item, ctx, fy, only) {
    const steps = sorted(item);
    return ctx.b.sum(coveredGroups(ctx.scenario, item, only).flatMap((g) => bases(ctx, g).map((fb) => baseCost(ctx, fb, steps, fy))));
  },
  annualized(item, ctx, only) {
    const { b } = ctx;
    if (bySchedule(ctx)) return ctx.costs.get(item.id)?.get(ctx.years[ctx.years.length - 1]!) ?? b.zero;
    const steps = sorted(item);
    return b.sum(
      coveredGroups(ctx.scenario, item, only).flatMap((g) =>
        bases(ctx, g).map((fb) =>
          b.mul(fb.multiplier, b.sub(levelAfter(ctx, fb.base, steps, Number.POSITIVE_INFINITY, fb.flatScale), fb.base)),
        ),
      ),
    );
  },
  companions: (item, ctx) => (bySchedule(ctx) ? scheduleRaisesFast(item, ctx) : undefined),
});
