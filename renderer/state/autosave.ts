/**
 * Autosave: every few seconds while user scenarios changed since the last write, the user scenarios
 * go to the platform's autosave slot. On start a snapshot is offered back, never applied silently.
 */
import { validateDraft } from "../../model/engine/scenario/drafts";
import type { Scenario } from "../../model/engine/scenario/types";
import { formatInputError } from "../../model/engine/errors";

export const AUTOSAVE_INTERVAL_MS = 5000;

export type ParsedAutosave = { ok: true; scenarios: Scenario[]; skipped: string[] } | { ok: false; error: string };

/**
 * Autosave text -> the scenarios it holds, each validated on its own: one snapshot that no longer
 * validates (say, written before a stricter check) is skipped with its reason instead of costing
 * the user every other scenario. Not ok only when nothing at all can be recovered.
 */
export function parseAutosave(text: string): ParsedAutosave {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, error: "The autosave is not valid JSON." };
  }
  const list = (data as { scenarios?: unknown } | null)?.scenarios;
  if (!Array.isArray(list)) return { ok: false, error: "The autosave holds no scenarios." };
  const scenarios: Scenario[] = [];
  const skipped: string[] = [];
  for (const [i, s] of list.entries()) {
    // A new agreement with inputs still to fill is recovered as it was, blanks and all.
    const checked = validateDraft(s, `autosave scenario ${i + 1}`);
    if (checked.ok) scenarios.push(checked.value);
    else skipped.push(checked.errors.slice(0, 3).map(formatInputError).join("; "));
  }
  if (scenarios.length === 0)
    return {
      ok: false,
      error: skipped.length ? `No scenario in the autosave could be read: ${skipped.join(" | ")}` : "The autosave holds no scenarios.",
    };
  return { ok: true, scenarios, skipped };
}
