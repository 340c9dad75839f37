/**
 * Which scenarios the Compare tab shows, the first being the baseline every other one is
 * attributed against. By default it follows the active scenario: the active one against its own
 * baseline (the scenario it was copied from, as it was then, or the file as opened). A built-in is
 * its own baseline, so it is compared with the other built-in instead, never with itself.
 */
import { inputsToFill } from "../../model/engine/scenario/drafts";
import type { Scenario } from "../../model/engine/scenario/types";
import { BASELINE_KEY, activeEntry, type AppState, type ScenarioEntry } from "./store";

export interface CompareChoice {
  key: string;
  name: string;
  scenario: Scenario;
}

export interface CompareSelection {
  /** The baseline first, then the scenarios compared with it. */
  chosen: CompareChoice[];
  /** Every scenario that may be picked (entries, and the active one's baseline when it is not an entry). */
  choices: CompareChoice[];
  /** Whether the selection follows the active scenario (nothing picked by hand). */
  following: boolean;
  /** Why there is nothing to compare, when there is not. */
  note?: string;
}

/** A new agreement with inputs still to fill cannot be costed, so it is never offered for comparison. */
const costable = (s: Scenario) => inputsToFill(s).length === 0;

const choiceOf = (e: ScenarioEntry): CompareChoice => ({ key: e.key, name: e.scenario.name, scenario: e.scenario });

/** An entry's baseline as a choice: the entry holding that very scenario, or the baseline itself. */
function baselineChoice(state: AppState, e: ScenarioEntry): CompareChoice {
  const holder = state.entries.find((x) => x.scenario === e.baseline);
  if (holder) return choiceOf(holder);
  const taken = state.entries.some((x) => x.scenario.name === e.baselineName);
  return { key: `${BASELINE_KEY}${e.key}`, name: taken ? `${e.baselineName} (as copied)` : e.baselineName, scenario: e.baseline };
}

function resolve(state: AppState, key: string): CompareChoice | undefined {
  if (key.startsWith(BASELINE_KEY)) {
    const owner = state.entries.find((e) => `${BASELINE_KEY}${e.key}` === key);
    return owner ? baselineChoice(state, owner) : undefined;
  }
  const entry = state.entries.find((e) => e.key === key);
  return entry ? choiceOf(entry) : undefined;
}

export function compareSelection(state: AppState): CompareSelection {
  const active = activeEntry(state);
  const choices = state.entries.filter((e) => costable(e.scenario)).map(choiceOf);
  const addChoice = (c: CompareChoice) => {
    if (!choices.some((x) => x.key === c.key)) choices.push(c);
  };
  const ownBaseline = active.baseline !== active.scenario && costable(active.baseline);
  if (ownBaseline) addChoice(baselineChoice(state, active));

  if (state.compareKeys !== null) {
    const chosen = state.compareKeys
      .map((k) => resolve(state, k))
      .filter((c) => c !== undefined)
      .filter((c) => costable(c.scenario));
    chosen.forEach(addChoice);
    return { chosen, choices, following: false };
  }
  if (ownBaseline) return { chosen: [baselineChoice(state, active), choiceOf(active)], choices, following: true };
  const other = state.entries.find((e) => e.builtIn && e.key !== active.key);
  if (other) return { chosen: [choiceOf(other), choiceOf(active)], choices, following: true };
  return {
    chosen: [choiceOf(active)],
    choices,
    following: true,
    note: `“${active.scenario.name}” is its own baseline and there is no other scenario to compare it with yet.`,
  };
}
