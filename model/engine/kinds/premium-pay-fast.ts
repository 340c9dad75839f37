/** Premium pay on the fast path: the twin of premium-pay.ts's cost. */
import { defineFast, type CompileContext } from "../fast/context";
import type { Reg } from "../fast/tape";
import { payRateInForce } from "./common";
import type { PayRateItem } from "./pay-rate";
import type { PremiumPayItem } from "./premium-pay";

function annualAmount(item: PremiumPayItem, ctx: CompileContext, fy: number): Reg {
  const { b } = ctx;
  if (item.annualAmount) return ctx.param(item.annualAmount);
  const rates = item.payRateIds
    .map((id) => ctx.itemById(id))
    .filter((i): i is PayRateItem => i?.kind === "payRate" && payRateInForce(i as PayRateItem, fy));
  const rateSum = b.sum(rates.map((r) => ctx.param(r.rate)));
  return b.mul(b.mul(b.mul(ctx.param(item.units), ctx.param(item.hoursPerUnit)), ctx.param(item.hourlyRate)), b.add(b.one, rateSum));
}

function yearCost(item: PremiumPayItem, ctx: CompileContext, fy: number, retro: boolean): Reg {
  const { b } = ctx;
  const annual = annualAmount(item, ctx, fy);
  const years = fy - item.firstFiscalYear;
  // (1 + growth)^years by repeated products: exact-integer powers, as decimal.js computes them.
  const grow = b.add(b.one, ctx.param(item.growthRate));
  let factor = b.one;
  for (let k = 0; k < years; k++) factor = b.mul(factor, grow);
  const multiplier = years === 0 && retro ? ctx.param(item.yearsPaidInFirstYear) : b.one;
  return b.mul(b.mul(annual, factor), multiplier);
}

export const premiumPayFast = defineFast<PremiumPayItem>({
  cost: (item, ctx, fy) => (fy < item.firstFiscalYear ? ctx.b.zero : yearCost(item, ctx, fy, true)),
  annualized: (item, ctx) => yearCost(item, ctx, Math.max(ctx.years[ctx.years.length - 1]!, item.firstFiscalYear), false),
});
