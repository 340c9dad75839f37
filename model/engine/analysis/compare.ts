/**
 * Two scenarios compared: their differences (diff.ts) and what each one moves in every cell of the
 * table (attribution.ts), costed with the engine and checked with its rules, so a difference that
 * cannot stand on its own (an item on a table line only the other scenario has) is never costed
 * as if it could.
 */
import { computeTable, type ComputeOptions } from "../compute";
import { formatInputError } from "../errors";
import { checkScenario } from "../scenario/schema";
import type { Scenario } from "../scenario/types";
import { attribute, type Attribution, type AttributionOptions } from "./attribution";
import { diffScenarios, type ScenarioDifference } from "./diff";

export interface ScenarioAttribution extends Attribution {
  baselineName: string;
  scenarioName: string;
  /** The differences with their reasons (calibration notes, sources), in the attribution's order. */
  found: ScenarioDifference[];
}

export type CompareOptions = Pick<AttributionOptions<Scenario>, "shapley" | "exactLimit" | "permutations" | "seed"> & {
  compute?: ComputeOptions;
};

export function attributeScenarios(baseline: Scenario, scenario: Scenario, options: CompareOptions = {}): ScenarioAttribution {
  const found = diffScenarios(baseline, scenario);
  // Errors either side already has are not the differences' doing; only new ones refuse a combination.
  const known = new Set([...checkScenario(baseline), ...checkScenario(scenario)].map(formatInputError));
  const attribution = attribute(baseline, scenario, found, {
    ...options,
    compute: (s) => computeTable(s, options.compute),
    isValid: (s) => checkScenario(s).every((e) => known.has(formatInputError(e))),
  });
  return { ...attribution, baselineName: baseline.name, scenarioName: scenario.name, found };
}
