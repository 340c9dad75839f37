/**
 * Under the schedule method the salary lines are costed from the census while bonus, benefits and
 * every other per-member line are costed from the scenario's members. When the two headcounts
 * disagree the table mixes two workforces without saying so; this names the gap when it is more
 * than 1% of the scenario's members, for the CLI (stderr), the app (the census notice and screen)
 * and the workbook's Notes sheet.
 */
import { Decimal } from "../decimal";
import { groupMembers } from "../scenario/groups";
import type { Scenario } from "../scenario/types";
import { censusHeadcount } from "./census";
import type { Census } from "./types";

export const CENSUS_MEMBERS_TOLERANCE = new Decimal("0.01");

export interface CensusMembersGap {
  census: Decimal;
  scenario: Decimal;
  /** The groups counted, as input paths (groups.<id>.members). */
  paths: string[];
  /** (census - scenario) / scenario. */
  share: Decimal;
  message: string;
}

const count = (d: Decimal) => d.toNumber().toLocaleString("en-US", { maximumFractionDigits: 2 });

/** The groups the schedule method prices: those the raises items cover (all groups when one covers all). */
function pricedGroups(scenario: Scenario): Scenario["groups"] {
  const raises = scenario.items.filter((i) => i.kind === "raises");
  if (raises.length === 0 || raises.some((i) => !i.groupIds)) return scenario.groups;
  const ids = new Set(raises.flatMap((i) => i.groupIds ?? []));
  return scenario.groups.filter((g) => ids.has(g.id));
}

/** The census-vs-members gap when it exceeds 1% (or the scenario has no members and the census has some). */
export function censusMembersGap(scenario: Scenario, census: Census): CensusMembersGap | undefined {
  // A group stating only a payroll has no headcount to compare with: it is left out of both sides' meaning.
  const groups = pricedGroups(scenario).filter((g) => groupMembers(g) !== undefined);
  if (groups.length === 0) return undefined;
  const members = groups.reduce((s, g) => s.plus(groupMembers(g)!.exact), new Decimal(0));
  const headcount = censusHeadcount(census);
  const gap = headcount.minus(members);
  if (gap.abs().lte(members.times(CENSUS_MEMBERS_TOLERANCE))) return undefined;
  const share = members.isZero() ? new Decimal(1) : gap.div(members);
  const paths = groups.map((g) => (g.members ? `groups.${g.id}.members` : `groups.${g.id}.positions`));
  const pct = `${share.isNegative() ? "" : "+"}${share.times(100).toDecimalPlaces(1).toFixed(1)}%`;
  const labels = groups.map((g) => `"${g.members?.label ?? `${g.label}: positions`}"`);
  const scenarioSays =
    labels.length === 1
      ? `the scenario's ${labels[0]} is ${count(members)}`
      : `the scenario's members (${labels.join(" + ")}) add up to ${count(members)}`;
  return {
    census: headcount,
    scenario: members,
    paths,
    share,
    message:
      `the census "${census.label}" has ${count(headcount)} members but ${scenarioSays} (${pct}, more than 1% apart): ` +
      "the salary lines are costed from the census and bonus, benefits and the other per-member lines from the scenario's members, " +
      "so the table mixes two workforces. Check the census or the members input.",
  };
}
