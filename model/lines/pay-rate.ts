/**
 * Rates of pay (Medicare 1.45% per FIS note (f); FICA, pension, OPEB in other agreements):
 * rate x the cost of the items it applies to, from its start year on.
 */
import { ZERO, sum } from "../decimal";
import type { PayRateItem } from "../scenario/types";
import { STEP_SUFFIX, TURNOVER_SUFFIX } from "./schedule-raises";
import { dec, paramLeaf, type ItemCell, type LineContext } from "./context";

export function payRateInForce(item: PayRateItem, fy: number): boolean {
  return item.startFiscalYear === undefined || fy >= item.startFiscalYear;
}

export function payRateCost(item: PayRateItem, ctx: LineContext, fy: number): ItemCell {
  if (!payRateInForce(item, fy)) {
    return { exact: ZERO, explanation: { label: `${item.label} FY${fy}`, value: "0", unit: "USD", formula: `starts in FY${item.startFiscalYear}`, children: [] } };
  }
  // Under the schedule method a raises item also has step and turnover parts; the rate is due on all of them.
  const ids = item.appliesTo.flatMap((id) => [id, id + STEP_SUFFIX, id + TURNOVER_SUFFIX]);
  const bases = ids.map((id) => ctx.costs.get(id)?.get(fy)).filter((c): c is ItemCell => c !== undefined);
  const base = sum(bases.map((b) => b.exact));
  const rate = dec(item.rate);
  const cost = rate.times(base);
  return {
    exact: cost,
    explanation: {
      label: `${item.label} FY${fy}`,
      value: cost.toString(),
      unit: "USD",
      formula: `rate x (${item.appliesTo.join(" + ")})`,
      symbols: `${rate} x ${base}`,
      children: [paramLeaf(item.rate, `items.${item.id}.rate`), ...bases.map((b) => b.explanation)],
    },
  };
}
