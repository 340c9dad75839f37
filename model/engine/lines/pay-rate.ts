/**
 * Rates of pay (Medicare 1.45% per FIS note (f); FICA, pension, OPEB in other agreements):
 * rate x the cost of the items it applies to, from its start year on. A rate with groupIds is a
 * per-group loading and applies only to those groups' part of each target item's cost.
 */
import { Decimal, ZERO, sum } from "../decimal";
import type { CostItem, PayRateItem, Scenario } from "../scenario/types";
import { STEP_SUFFIX, TURNOVER_SUFFIX } from "./schedule-raises";
import { coveredGroups, dec, paramLeaf, type ItemCell, type LineContext, usdCell } from "./context";
import { raisesCost } from "./raises";
import { oneTimeCost } from "./one-time";
import { perHeadBenefitCost } from "./per-head-benefit";

export function payRateInForce(item: PayRateItem, fy: number): boolean {
  return item.startFiscalYear === undefined || fy >= item.startFiscalYear;
}

function payroll(scenario: Scenario, groupIds: readonly string[]): Decimal {
  return sum(scenario.groups.filter((g) => groupIds.includes(g.id)).map((g) => dec(g.members).times(dec(g.averageSalary))));
}

/**
 * The part of a target item's cost that falls on the rate's groups. Items whose cost is built per
 * group (raises, derived-earnings one-time payments, per-head benefits) are recomputed for the
 * shared groups, so the split is exact; an item with one undivided amount (an explicit earnings
 * figure, premium pay, fixed amounts, schedule-method costs) is split by the groups' payroll share.
 */
function groupPart(rateItem: PayRateItem, target: CostItem, whole: ItemCell, ctx: LineContext, fy: number): ItemCell {
  const targetGroups = coveredGroups(ctx.scenario, target).map((g) => g.id);
  const shared = targetGroups.filter((id) => rateItem.groupIds!.includes(id));
  if (shared.length === targetGroups.length) return whole;
  const label = `${target.label}: part for ${shared.length ? shared.join(", ") : "no covered group"} FY${fy}`;
  if (shared.length === 0) return usdCell(label, ZERO, `${target.label} covers none of the rate's groups`);
  const bySchedule = ctx.scenario.settings.salaryMethod === "schedule";
  if (target.kind === "raises" && !bySchedule) return raisesCost({ ...target, groupIds: shared }, ctx, fy);
  if (target.kind === "oneTime" && !target.earnings) return oneTimeCost({ ...target, groupIds: shared }, ctx, fy);
  if (target.kind === "perHeadBenefit" && !target.headcount) return perHeadBenefitCost({ ...target, groupIds: shared }, ctx, fy);
  const all = payroll(ctx.scenario, targetGroups);
  const share = all.isZero() ? ZERO : payroll(ctx.scenario, shared).div(all);
  const value = whole.exact.times(share);
  return {
    exact: value,
    explanation: {
      label,
      value: value.toString(),
      unit: "USD",
      formula: "item cost x the groups' share of the item's covered payroll (members x average salary)",
      symbols: `${whole.exact} x ${share}`,
      children: [whole.explanation],
    },
  };
}

export function payRateCost(item: PayRateItem, ctx: LineContext, fy: number): ItemCell {
  if (!payRateInForce(item, fy)) {
    return usdCell(`${item.label} FY${fy}`, ZERO, `starts in FY${item.startFiscalYear}`);
  }
  // Under the schedule method a raises item also has step and turnover parts; the rate is due on all of them.
  const parts = item.appliesTo.flatMap((id) =>
    [id, id + STEP_SUFFIX, id + TURNOVER_SUFFIX].map((partId) => ({ targetId: id, cell: ctx.costs.get(partId)?.get(fy) })),
  );
  const bases = parts
    .filter((p): p is { targetId: string; cell: ItemCell } => p.cell !== undefined)
    .map(({ targetId, cell }) => {
      const target = item.groupIds ? ctx.scenario.items.find((i) => i.id === targetId) : undefined;
      return target ? groupPart(item, target, cell, ctx, fy) : cell;
    });
  const base = sum(bases.map((b) => b.exact));
  const rate = dec(item.rate);
  const cost = rate.times(base);
  return usdCell(
    `${item.label} FY${fy}`,
    cost,
    `rate x (${item.appliesTo.join(" + ")})${item.groupIds ? ` for ${item.groupIds.join(", ")} only` : ""}`,
    [paramLeaf(item.rate, `items.${item.id}.rate`), ...bases.map((b) => b.explanation)],
    `${rate} x ${base}`,
  );
}
