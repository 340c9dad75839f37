/**
 * What every cost-line function gets: the scenario, its covered headcount and payroll, and the
 * costs already computed for items it depends on. Each line function is pure.
 */
import { Decimal, sum } from "../decimal";
import { leaf, type Explanation } from "../explain";
import type { CostItem, Param, Scenario } from "../scenario/types";

export interface ItemCell {
  exact: Decimal;
  explanation: Explanation;
}

/** Item id -> fiscal year -> cost. */
export type ItemCosts = Map<string, Map<number, ItemCell>>;

export interface LineContext {
  scenario: Scenario;
  costs: ItemCosts;
}

/**
 * Parsed input values, shared: Decimals are immutable, and re-parsing the same few dozen strings
 * on every costing was a visible share of a sensitivity sweep's time.
 */
const parsed = new Map<string, Decimal>();
export function dec(param: Param): Decimal {
  let d = parsed.get(param.value);
  if (d === undefined) {
    d = new Decimal(param.value);
    if (parsed.size > 50_000) parsed.clear();
    parsed.set(param.value, d);
  }
  return d;
}

export function paramLeaf(param: Param, path: string): Explanation {
  return leaf(param.label, param.value, param.unit, path, param.source);
}

export function coveredGroups(scenario: Scenario, item: CostItem) {
  return item.groupIds ? scenario.groups.filter((g) => item.groupIds!.includes(g.id)) : scenario.groups;
}

/** Members covered by an item, with its explanation (a sum when there are several groups). */
export function coveredMembers(scenario: Scenario, item: CostItem): ItemCell {
  const groups = coveredGroups(scenario, item);
  const leaves = groups.map((g) => paramLeaf(g.members, `groups.${g.id}.members`));
  const total = sum(groups.map((g) => dec(g.members)));
  if (groups.length === 1) return { exact: total, explanation: leaves[0]! };
  return {
    exact: total,
    explanation: {
      label: "Members covered",
      value: total.toString(),
      unit: "members",
      formula: "sum of the covered groups' members",
      children: leaves,
    },
  };
}

export function moneyText(d: Decimal): string {
  return d.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);
}

/** A cost in dollars with its explanation: the shape every line function returns. */
export function usdCell(label: string, exact: Decimal, formula: string, children: Explanation[] = [], symbols?: string): ItemCell {
  return {
    exact,
    explanation: { label, value: exact.toString(), unit: "USD", formula, ...(symbols === undefined ? {} : { symbols }), children },
  };
}
