/** Amounts per year on the fast path: the twin of fixed-amounts.ts's cost, from the same `amountOrigin`. */
import { defineFast, type CompileContext } from "../fast/context";
import type { Reg } from "../fast/tape";
import type { FixedAmountsItem } from "./fixed-amounts";
import { amountOrigin } from "./fixed-amounts-origin";

function yearCost(item: FixedAmountsItem, ctx: CompileContext, fy: number): Reg {
  const { b } = ctx;
  const origin = amountOrigin(item, fy);
  if (origin.kind === "none") return b.zero;
  const amount = ctx.param(origin.p);
  if (origin.kind === "entered" || !item.growthRate) return amount;
  // (1 + growth)^years by repeated products: exact-integer powers, as decimal.js computes them.
  const grow = b.add(b.one, ctx.param(item.growthRate));
  let factor = b.one;
  for (let k = 0; k < origin.years; k++) factor = b.mul(factor, grow);
  return b.mul(amount, factor);
}

export const fixedAmountsFast = defineFast<FixedAmountsItem>({
  cost: (item, ctx, fy) => yearCost(item, ctx, fy),
  annualized: (item, ctx) => yearCost(item, ctx, ctx.years[ctx.years.length - 1]!),
});
