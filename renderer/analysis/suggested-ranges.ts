/**
 * Suggested ranges for a scenario that has none: the schedule method's two unpublished assumptions
 * (the annual separation rate and the share held on step) and each group's membership, which a
 * fiscal note gives only approximately. Every one is an ASSUMPTION, marked so in its source; the
 * ranges match examples/dc-dcps-wtu-2023/schedule-method-ranges.json. The separation rate and held
 * share only act in the schedule method, so a scenario costed by average salary is switched to it.
 */
import { Decimal } from "../../model/engine/decimal";
import type { Distribution } from "../../model/engine/risk/distributions";
import { listInputs } from "../../model/engine/scenario/paths";
import { checkScenario } from "../../model/engine/scenario/schema";
import type { Scenario } from "../../model/engine/scenario/types";
import { countText } from "../format/number";

export interface SuggestedRanges {
  scenario: Scenario;
  /** What was done, one sentence each, for the notice and the card. */
  changes: string[];
}

const SEPARATION: Distribution = {
  distribution: "uniform",
  min: "0.06",
  max: "0.12",
  note: "ASSUMED: no attrition figure is published; 6% to 12% a year spans typical teacher attrition.",
  source: { kind: "assumed", ref: "separations" },
};
const HELD: Distribution = {
  distribution: "triangular",
  min: "0.02",
  mode: "0.05",
  max: "0.10",
  note: "ASSUMED: the share rated below effective and held on step is not published.",
  source: { kind: "assumed", ref: "step holds" },
};

/** The scenario with suggested ranges, or the reasons it cannot take them (as the engine's checks word them). */
export function withSuggestedRanges(scenario: Scenario): { ok: true; value: SuggestedRanges } | { ok: false; errors: string[] } {
  const paths = new Set(listInputs(scenario).map((e) => e.path));
  const inputs: Record<string, Distribution> = { ...(scenario.uncertainty?.inputs ?? {}) };
  const changes: string[] = [];
  if (paths.has("scheduleMethod.separationRate") && !inputs["scheduleMethod.separationRate"]) {
    inputs["scheduleMethod.separationRate"] = SEPARATION;
    changes.push("Annual separation rate: 6%–12%, every value equally likely (ASSUMED).");
  }
  if (paths.has("scheduleMethod.heldShare") && !inputs["scheduleMethod.heldShare"]) {
    inputs["scheduleMethod.heldShare"] = HELD;
    changes.push("Share held on step: 2%–10%, most likely 5% (ASSUMED).");
  }
  for (const g of scenario.groups) {
    const path = `groups.${g.id}.members`;
    if (!g.members || !paths.has(path) || inputs[path]) continue;
    const m = new Decimal(g.members.value);
    if (m.isZero()) continue;
    const spread = m.times("0.02");
    inputs[path] = {
      distribution: "uniform",
      min: m.minus(spread).toSignificantDigits(15).toString(),
      max: m.plus(spread).toSignificantDigits(15).toString(),
      note: `ASSUMED: ${countText(g.members.value)} members, plus or minus 2% (a published headcount is approximate).`,
      source: { kind: "assumed", ref: "membership ± 2%" },
    };
    changes.push(`${g.members.label} (${g.label}): ${countText(g.members.value)} ± 2% (ASSUMED).`);
  }
  if (changes.length === 0) return { ok: false, errors: ["This scenario has no inputs that the suggested ranges apply to."] };
  let next: Scenario = { ...scenario, uncertainty: { ...(scenario.uncertainty ?? {}), inputs } };
  if (scenario.settings.salaryMethod !== "schedule" && scenario.scheduleMethod) {
    next = { ...next, settings: { ...next.settings, salaryMethod: "schedule" } };
    changes.unshift(
      "Base salary is costed by the schedule method (step by step on the census), where the separation rate and the held share act; " +
        "the average-salary method does not use them.",
    );
  }
  const errors = checkScenario(next);
  if (errors.length) return { ok: false, errors: errors.map((e) => `${e.field}: ${e.message}`) };
  return { ok: true, value: { scenario: next, changes } };
}
