/** Amounts per year on the fast path: the twin of fixed-amounts.ts's cost. */
import { defineFast } from "../fast/context";
import { fyKey } from "../table/schema";
import type { FixedAmountsItem } from "./fixed-amounts";

export const fixedAmountsFast = defineFast<FixedAmountsItem>({
  cost(item, ctx, fy) {
    const p = item.amounts[fyKey(fy)];
    return p ? ctx.param(p) : ctx.b.zero;
  },
  annualized(item, ctx) {
    const p = item.amounts[fyKey(ctx.years[ctx.years.length - 1]!)];
    return p ? ctx.param(p) : ctx.b.zero;
  },
});
