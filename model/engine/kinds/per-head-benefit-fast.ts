/** Per-head benefits on the fast path: the twin of per-head-benefit.ts's cost. */
import { PERIODS_PER_YEAR, periodBuckets } from "../calendar";
import { defineFast, membersReg, type CompileContext } from "../fast/context";
import type { Reg } from "../fast/tape";
import type { Param } from "../fields";
import { coveredGroups } from "./common";
import type { PerHeadBenefitItem } from "./per-head-benefit";

function amountInForce(item: PerHeadBenefitItem, year: number): Param | undefined {
  let best: { year: number; p: Param } | undefined;
  for (const [key, p] of Object.entries(item.amounts)) {
    const y = Number.parseInt(key, 10);
    if (y <= year && (best === undefined || y > best.year)) best = { year: y, p };
  }
  return best?.p;
}

const heads = (item: PerHeadBenefitItem, ctx: CompileContext, only?: readonly string[]): Reg =>
  item.headcount ? ctx.param(item.headcount) : membersReg(ctx, coveredGroups(ctx.scenario, item, only));

export const perHeadBenefitFast = defineFast<PerHeadBenefitItem>({
  cost(item, ctx, fy, only) {
    const { b } = ctx;
    const h = heads(item, ctx, only);
    const baselineP = amountInForce(item, item.baselineYear);
    const baseline = baselineP ? ctx.param(baselineP) : b.zero;
    const buckets = periodBuckets(fy, ctx.calendar, {
      periods: item.frequency === "monthly" ? "monthly" : "payPeriod",
      basis: item.basis,
      calendarToFiscal: ctx.scenario.settings.calendarToFiscal,
      ...(item.countFrom ? { countFrom: item.countFrom.date } : {}),
    });
    const perHead = b.sum(
      buckets.map((bucket) => {
        const inForce = amountInForce(item, bucket.rateYear);
        const increase = inForce ? b.sub(ctx.param(inForce), baseline) : b.zero;
        return b.mul(increase, b.exact(bucket.count));
      }),
    );
    return b.mul(h, perHead);
  },
  annualized(item, ctx, only) {
    const { b } = ctx;
    const h = heads(item, ctx, only);
    const final = amountInForce(item, Math.max(...Object.keys(item.amounts).map(Number)))!;
    const baselineP = amountInForce(item, item.baselineYear);
    const periods = item.frequency === "monthly" ? 12 : PERIODS_PER_YEAR[ctx.calendar.payFrequency];
    const increase = b.sub(ctx.param(final), baselineP ? ctx.param(baselineP) : b.zero);
    return b.mul(b.mul(h, increase), b.exact(periods));
  },
});
