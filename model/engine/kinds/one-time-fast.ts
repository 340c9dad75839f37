/** One-time payments on the fast path: the twin of one-time.ts's cost. */
import { defineFast, membersReg, payrollReg, type CompileContext } from "../fast/context";
import type { Reg } from "../fast/tape";
import { coveredGroups } from "./common";
import type { OneTimeItem } from "./one-time";
import type { RaisesItem } from "./raises";

function earnings(item: OneTimeItem, ctx: CompileContext, only?: readonly string[]): Reg {
  if (item.earnings) return ctx.param(item.earnings);
  const r = item.earningsFromRaisesItem ? ctx.itemById(item.earningsFromRaisesItem) : undefined;
  if (r?.kind === "raises") {
    const raises = r as RaisesItem;
    const payroll = payrollReg(ctx, coveredGroups(ctx.scenario, { groupIds: item.groupIds ?? raises.groupIds }, only));
    const first = [...raises.steps]
      .sort((a, b) => a.fiscalYear - b.fiscalYear || a.effective.localeCompare(b.effective))
      .find((s) => s.type === "percent");
    return ctx.b.div(payroll, first ? ctx.b.add(ctx.b.one, ctx.param(first.amount)) : ctx.b.one);
  }
  return payrollReg(ctx, coveredGroups(ctx.scenario, item, only));
}

export const oneTimeFast = defineFast<OneTimeItem>({
  cost(item, ctx, fy, only) {
    const { b } = ctx;
    if (fy !== item.paidInFiscalYear) return b.zero;
    if (!item.amountPerMember) return b.mul(ctx.param(item.rate), earnings(item, ctx, only));
    // The exact engine skips the earnings when the rate is 0 (flatOnly), and its groups may then state no payroll:
    // the same choice on the rate's current value, re-checked on every evaluation.
    const flat = ctx.guard(`${item.id}:flatOnly`, [item.rate], ([rate]) => rate === 0);
    const rateCost = flat ? b.zero : b.mul(ctx.param(item.rate), earnings(item, ctx, only));
    return b.add(rateCost, b.mul(membersReg(ctx, coveredGroups(ctx.scenario, item, only)), ctx.param(item.amountPerMember)));
  },
  annualized: (_item, ctx) => ctx.b.zero,
});
