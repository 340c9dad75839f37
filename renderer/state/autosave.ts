/**
 * Autosave: every few seconds while user scenarios changed since the last write, the user scenarios
 * go to the platform's autosave slot. On start a snapshot is offered back, never applied silently.
 */
import { validateScenario } from "../../model/scenario/schema";
import type { Scenario } from "../../model/scenario/types";
import { formatInputError } from "../../model/errors";

export const AUTOSAVE_INTERVAL_MS = 5000;

/** Autosave text -> the scenarios it holds (each validated), or why it cannot be used. */
export function parseAutosave(text: string): { ok: true; scenarios: Scenario[] } | { ok: false; error: string } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, error: "The autosave is not valid JSON." };
  }
  const list = (data as { scenarios?: unknown } | null)?.scenarios;
  if (!Array.isArray(list)) return { ok: false, error: "The autosave holds no scenarios." };
  const scenarios: Scenario[] = [];
  for (const [i, s] of list.entries()) {
    const checked = validateScenario(s, `autosave scenario ${i + 1}`);
    if (!checked.ok) return { ok: false, error: checked.errors.slice(0, 3).map(formatInputError).join("; ") };
    scenarios.push(checked.value);
  }
  return { ok: true, scenarios };
}
