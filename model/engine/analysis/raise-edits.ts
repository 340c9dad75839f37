/**
 * Scenario edits the analyses share: set or bump the across-the-board raise of one fiscal year
 * (or of every year). Edits are immutable and touch only the raises items, so a sweep of hundreds
 * of variants does not deep-copy the whole scenario each time.
 *
 * A group covered by two raises items (a raise for everyone and a second one for some classes, a
 * COLA and a step) is raised once: the edit goes to the first item that covers the group, items
 * with a percent step in the year first. Editing every item would count the extra point, or the
 * extra $1,000, twice for those groups.
 */
import { Decimal } from "../decimal";
import type { Source } from "../explain";
import { fiscalYearStart } from "../calendar";
import { coveredGroups } from "../kinds/common";
import { stepPath } from "../kinds/raises";
import { dollarsText } from "../words";
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

const hasPercentIn = (item: RaisesItem, fy: number) => item.steps.some((s) => s.type === "percent" && s.fiscalYear === fy);

/**
 * The ids of the raises items an across-the-board change reaches, each group once. Candidates are
 * taken in the scenario's order, those `preferred` first; one whose groups an earlier choice covers
 * entirely is left as it is. One that shares only some of its groups with an earlier choice cannot
 * be edited for the rest alone, so the analysis is refused with the reason.
 */
export function acrossTheBoardItems(
  scenario: Scenario,
  candidates: (item: RaisesItem) => boolean,
  preferred: (item: RaisesItem) => boolean,
) {
  const items = scenario.items.filter(isRaises).filter(candidates);
  const ordered = [...items.filter(preferred), ...items.filter((i) => !preferred(i))];
  const coveredBy = new Map<string, string>();
  const chosen = new Set<string>();
  for (const item of ordered) {
    const groups = coveredGroups(scenario, item).map((g) => g.id);
    const taken = groups.filter((g) => coveredBy.has(g));
    if (groups.length > 0 && taken.length === groups.length) continue;
    if (taken.length > 0) {
      const other = coveredBy.get(taken[0]!)!;
      throw new Error(
        `raises items "${other}" and "${item.id}" both cover group "${taken[0]}", and "${item.id}" also covers groups ` +
          `"${other}" does not: the across-the-board raise cannot be changed once per group. Give each group's ` +
          "across-the-board raise to one item (groupIds) to run this analysis",
      );
    }
    for (const g of groups) coveredBy.set(g, item.id);
    chosen.add(item.id);
  }
  return chosen;
}

/** The items whose percent steps in `fy` an across-the-board edit of that year changes. */
const percentItemsOf = (scenario: Scenario, fy: number) =>
  acrossTheBoardItems(
    scenario,
    (i) => hasPercentIn(i, fy),
    () => true,
  );

/** Whether step `s` of `item` is one an edit of `year`'s percent raise changes. */
function variedStep(scenario: Scenario, year: RaiseYear): (item: RaisesItem, s: RaiseStep) => boolean {
  const byYear = new Map<number, Set<string>>();
  const itemsOf = (fy: number) => byYear.get(fy) ?? byYear.set(fy, percentItemsOf(scenario, fy)).get(fy)!;
  return (item, s) => s.type === "percent" && (year === "all" || s.fiscalYear === year) && itemsOf(s.fiscalYear).has(item.id);
}

function mapRaises(scenario: Scenario, edit: (item: RaisesItem) => RaisesItem): Scenario {
  return { ...scenario, items: scenario.items.map((i) => (isRaises(i) ? edit(i) : i)) };
}

/**
 * What holds a varied raise's cost whatever its percent: "Raise (FY2026) pays at least $1,000 a year
 * whatever its percent" for each varied step with a dollar floor (`bound` "atLeast", which sets the
 * cost of a low percent) or cap ("atMost", of a high one), and with "atLeast" each minimum salary
 * on or after a varied step. A goal seek that finds no answer says so.
 */
export function raiseBoundsHolding(scenario: Scenario, year: RaiseYear, bound: "atLeast" | "atMost"): string[] {
  const varied = variedStep(scenario, year);
  const what = bound === "atLeast" ? "at least" : "at most";
  const order = (s: RaiseStep) => `${s.fiscalYear} ${s.effective}`;
  return scenario.items.filter(isRaises).flatMap((item) => {
    const bounds = item.steps.flatMap((s) => {
      const limit = s.type === "percent" && varied(item, s) ? s[bound] : undefined;
      return limit ? [`${item.label} (FY${s.fiscalYear}) pays ${what} ${dollarsText(limit.value)} a year whatever its percent`] : [];
    });
    // A minimum salary on or after a varied raise lifts salaries a low percent leaves below it, whatever the percent.
    const firstVaried = item.steps
      .filter((s) => varied(item, s))
      .map(order)
      .sort()[0];
    const minimums =
      bound === "atLeast" && firstVaried !== undefined
        ? item.steps
            .filter((s) => s.type === "minimum" && order(s) >= firstVaried)
            .map(
              (s) =>
                `${item.label} (FY${s.fiscalYear}) raises salaries below ${dollarsText(s.amount.value)} to ${dollarsText(s.amount.value)} whatever the percent`,
            )
        : [];
    return [...bounds, ...minimums];
  });
}

/** Input paths of the percent raise steps withPercentRaise sets; throws, as it does, when there are none. */
export function percentRaisePaths(scenario: Scenario, year: RaiseYear): string[] {
  const varied = variedStep(scenario, year);
  const paths = scenario.items.filter(isRaises).flatMap((item) => item.steps.filter((s) => varied(item, s)).map((s) => stepPath(item, s)));
  if (paths.length === 0)
    throw new Error(
      year === "all" ? "the scenario has no percent raise to vary" : `the scenario has no percent raise in FY${year} to vary`,
    );
  return paths;
}

/**
 * The across-the-board percent raise steps in `year` (or in every year) set to `rate`, each group's
 * once (acrossTheBoardItems). Throws when there is no such step, because an analysis that silently
 * changed nothing would report a zero cost.
 */
export function withPercentRaise(scenario: Scenario, year: RaiseYear, rate: Decimal, source: Source): Scenario {
  let changed = 0;
  const value = rate.toString();
  const varied = variedStep(scenario, year);
  const out = mapRaises(scenario, (item) => ({
    ...item,
    steps: item.steps.map((s): RaiseStep => {
      if (!varied(item, s)) return s;
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
 * One more raise in fiscal year `fy` for every group, through one raises item per group
 * (acrossTheBoardItems, items with a percent step that year first): a percent step that year gets
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
  const chosen = acrossTheBoardItems(
    scenario,
    () => true,
    (i) => hasPercentIn(i, fy),
  );
  return mapRaises(scenario, (item) => {
    if (!chosen.has(item.id)) return item;
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
