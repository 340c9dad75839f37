/** Rates of pay and rates on payroll on the fast path: the twins of pay-rate.ts's and payroll-rate.ts's costs. */
import { defineFast, fastOf, partForGroupsReg, payrollReg, type CompileContext } from "../fast/context";
import type { Reg } from "../fast/tape";
import { coveredGroups, payRateInForce, rateGroups } from "./common";
import type { PayRateItem } from "./pay-rate";
import type { PayrollRateItem } from "./payroll-rate";

/** chargedCells, compiled: each target and its companion parts, limited to the groups. */
export function chargedRegs(
  targets: readonly string[],
  groups: readonly string[] | undefined,
  ctx: CompileContext,
  fy: number | "annualized",
): Reg[] {
  const last = ctx.years[ctx.years.length - 1]!;
  return targets.flatMap((id) => {
    const target = ctx.itemById(id);
    return [id, ...(ctx.companions.get(id) ?? [])].flatMap((partId) => {
      const whole =
        fy === "annualized"
          ? partId === id && target
            ? fastOf(ctx.kindOf(target)).annualized(target, ctx)
            : ctx.costs.get(partId)?.get(last)
          : ctx.costs.get(partId)?.get(fy);
      if (whole === undefined) return [];
      return [groups && target ? partForGroupsReg(target, whole, groups, ctx, fy, partId) : whole];
    });
  });
}

export const payRateFast = defineFast<PayRateItem>({
  cost(item, ctx, fy, only) {
    const { b } = ctx;
    if (!payRateInForce(item, fy)) return b.zero;
    return b.mul(ctx.param(item.rate), b.sum(chargedRegs(item.appliesTo, rateGroups(item, ctx, only), ctx, fy)));
  },
  annualized: (item, ctx, only) =>
    ctx.b.mul(ctx.param(item.rate), ctx.b.sum(chargedRegs(item.appliesTo, rateGroups(item, ctx, only), ctx, "annualized"))),
});

function payrollBase(item: PayrollRateItem, ctx: CompileContext, fy: number | "annualized", only?: readonly string[]): Reg {
  const groups = coveredGroups(ctx.scenario, item, only);
  const raises = chargedRegs(
    item.raisesItemIds ?? [],
    groups.map((g) => g.id),
    ctx,
    fy,
  );
  return ctx.b.add(payrollReg(ctx, groups), ctx.b.sum(raises));
}

export const payrollRateFast = defineFast<PayrollRateItem>({
  cost(item, ctx, fy, only) {
    if (!payRateInForce(item, fy)) return ctx.b.zero;
    return ctx.b.mul(ctx.param(item.rate), payrollBase(item, ctx, fy, only));
  },
  annualized: (item, ctx, only) => ctx.b.mul(ctx.param(item.rate), payrollBase(item, ctx, "annualized", only)),
});
