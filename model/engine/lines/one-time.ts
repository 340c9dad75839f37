/**
 * One-time payments kept out of the base (Art. 36.2.3: 4% bonus on FY2024 earnings, paid in
 * FY2025): rate x earnings in the fiscal year of payment, zero in every other year.
 */
import { Decimal, ONE, ZERO, sum } from "../decimal";
import type { OneTimeItem, RaisesItem } from "../scenario/types";
import { coveredGroups, coveredMembers, dec, paramLeaf, type ItemCell, type LineContext, usdCell } from "./context";
import { basePayroll } from "./raises";

function earnings(item: OneTimeItem, ctx: LineContext): ItemCell {
  if (item.earnings) return { exact: dec(item.earnings), explanation: paramLeaf(item.earnings, `items.${item.id}.earnings`) };
  const raises = ctx.scenario.items.find((i): i is RaisesItem => i.kind === "raises" && i.id === item.earningsFromRaisesItem);
  if (raises) {
    const payroll = basePayroll({ ...raises, groupIds: item.groupIds ?? raises.groupIds }, ctx);
    const firstIndex = raises.steps.findIndex((s) => s.type === "percent");
    const first = raises.steps[firstIndex];
    const divisor = first ? ONE.plus(dec(first.amount)) : ONE;
    const value = payroll.exact.div(divisor);
    return {
      exact: value,
      explanation: {
        label: "Earnings the rate applies to (derived)",
        value: value.toString(),
        unit: "USD",
        formula:
          "payroll before the first raise / (1 + first raise): the tool derives prior-year earnings because the documents state none",
        symbols: `${payroll.exact} / ${divisor}`,
        source: { kind: "derived", ref: "derived", note: "no earnings figure is stated; taken as the payroll one raise earlier" },
        children: [payroll.explanation, ...(first ? [paramLeaf(first.amount, `items.${raises.id}.steps.${firstIndex}.amount`)] : [])],
      },
    };
  }
  const groups = coveredGroups(ctx.scenario, item);
  const total = sum(groups.map((g) => dec(g.members).times(dec(g.averageSalary))));
  return {
    exact: total,
    explanation: {
      label: "Earnings the rate applies to",
      value: total.toString(),
      unit: "USD",
      formula: "members x average salary",
      children: groups.flatMap((g) => [
        paramLeaf(g.members, `groups.${g.id}.members`),
        paramLeaf(g.averageSalary, `groups.${g.id}.averageSalary`),
      ]),
    },
  };
}

export function oneTimeCost(item: OneTimeItem, ctx: LineContext, fy: number): ItemCell {
  if (fy !== item.paidInFiscalYear) {
    return usdCell(`${item.label} FY${fy}`, ZERO, `one-time payment, paid in FY${item.paidInFiscalYear} only`);
  }
  const rate = dec(item.rate);
  // A flat lump sum with rate 0 needs no earnings base; skipping it keeps its explanation short.
  const base = item.amountPerMember && rate.isZero() ? undefined : earnings(item, ctx);
  const rateCost: Decimal = base ? rate.times(base.exact) : ZERO;
  if (!item.amountPerMember) {
    return usdCell(
      `${item.label} FY${fy}`,
      rateCost,
      "rate x earnings",
      [paramLeaf(item.rate, `items.${item.id}.rate`), base!.explanation],
      `${rate} x ${base!.exact}`,
    );
  }
  const members = coveredMembers(ctx.scenario, item);
  const perMember = dec(item.amountPerMember);
  const cost = rateCost.plus(members.exact.times(perMember));
  return {
    exact: cost,
    explanation: {
      label: `${item.label} FY${fy}`,
      value: cost.toString(),
      unit: "USD",
      formula: base ? "rate x earnings + members x amount per member" : "members x amount per member",
      symbols: base ? `${rate} x ${base.exact} + ${members.exact} x ${perMember}` : `${members.exact} x ${perMember}`,
      children: [
        ...(base ? [paramLeaf(item.rate, `items.${item.id}.rate`), base.explanation] : []),
        members.explanation,
        paramLeaf(item.amountPerMember, `items.${item.id}.amountPerMember`),
      ],
    },
  };
}
