/**
 * Scenario edits the analyses share: set or bump the across-the-board raise of one fiscal year
 * (or of every year) in every raises item. Edits are immutable and touch only the raises items,
 * so a sweep of hundreds of variants does not deep-copy the whole scenario each time.
 */
import { Decimal } from "../decimal";
import type { Source } from "../explain";
import { fiscalYearStart } from "../calendar";
import { stepPath } from "../kinds/raises";
import type { RaiseStep, RaisesItem, Scenario } from "../scenario/types";

export type RaiseYear = number | "all";

const isRaises = (i: Scenario["items"][number]): i is RaisesItem => i.kind === "raises";

/** Fiscal years that have at least one percent raise step, in order. */
export function percentRaiseYears(scenario: Scenario): number[] {
  const years = new Set<number>();
  for (const item of scenario.items) if (isRaises(item)) for (const s of item.steps) if (s.type === "percent") years.add(s.fiscalYear);
  return [...years].sort((a, b) => a - b);
}

/** The percent raise of a year as the scenario has it (the first raises item's first percent step that year). */
export function percentRaiseOf(scenario: Scenario, fy: number): Decimal | undefined {
  for (const item of scenario.items)
    if (isRaises(item)) for (const s of item.steps) if (s.type === "percent" && s.fiscalYear === fy) return new Decimal(s.amount.value);
  return undefined;
}

function mapRaises(scenario: Scenario, edit: (item: RaisesItem) => RaisesItem): Scenario {
  return { ...scenario, items: scenario.items.map((i) => (isRaises(i) ? edit(i) : i)) };
}

/** Input paths of the percent raise steps withPercentRaise sets; throws, as it does, when there are none. */
export function percentRaisePaths(scenario: Scenario, year: RaiseYear): string[] {
  const paths = scenario.items
    .filter(isRaises)
    .flatMap((item) =>
      item.steps.filter((s) => s.type === "percent" && (year === "all" || s.fiscalYear === year)).map((s) => stepPath(item, s)),
    );
  if (paths.length === 0)
    throw new Error(
      year === "all" ? "the scenario has no percent raise to vary" : `the scenario has no percent raise in FY${year} to vary`,
    );
  return paths;
}

/**
 * Every percent raise step in `year` (or in every year) set to `rate`. Throws when there is no
 * such step, because an analysis that silently changed nothing would report a zero cost.
 */
export function withPercentRaise(scenario: Scenario, year: RaiseYear, rate: Decimal, source: Source): Scenario {
  let changed = 0;
  const value = rate.toString();
  const out = mapRaises(scenario, (item) => ({
    ...item,
    steps: item.steps.map((s): RaiseStep => {
      if (s.type !== "percent" || (year !== "all" && s.fiscalYear !== year)) return s;
      changed++;
      return { ...s, amount: { ...s.amount, value, source } };
    }),
  }));
  if (changed === 0)
    throw new Error(
      year === "all" ? "the scenario has no percent raise to vary" : `the scenario has no percent raise in FY${year} to vary`,
    );
  return out;
}

/**
 * One more raise in fiscal year `fy` for every raises item: a percent step that year gets
 * `extra` added (the first one, if the year is split); a flat step is added at the fiscal year's
 * start, after the year's other raises, so a percent extra compounds into later years and a flat
 * one accumulates. An item with no percent step that year gets a new one at the year's start.
 */
export function withExtraRaise(scenario: Scenario, fy: number, type: "percent" | "flat", extra: Decimal, source: Source): Scenario {
  const start = fiscalYearStart(fy, scenario.calendar.fiscalYearStartMonth);
  const effective = start < scenario.agreement.effectiveFrom ? scenario.agreement.effectiveFrom : start;
  const added = (label: string): RaiseStep => ({
    id: `extra-${type}-FY${fy}`,
    fiscalYear: fy,
    type,
    amount: { value: extra.toString(), label, source },
    effective,
    source,
  });
  return mapRaises(scenario, (item) => {
    if (type === "flat") return { ...item, steps: [...item.steps, added(`Extra flat raise FY${fy}`)] };
    const at = item.steps.findIndex((s) => s.type === "percent" && s.fiscalYear === fy);
    if (at < 0) return { ...item, steps: [...item.steps, added(`Extra percent raise FY${fy}`)] };
    return {
      ...item,
      steps: item.steps.map((s, i) =>
        i === at ? { ...s, amount: { ...s.amount, value: new Decimal(s.amount.value).plus(extra).toString(), source } } : s,
      ),
    };
  });
}
