/**
 * The autosave document: the user scenarios of this window and, while the recovery banner is still
 * unanswered, the earlier work it offers, carried along unchanged so that neither is lost:
 *
 *   { "version": 1, "scenarios": [...], "earlier": [{ "savedAt": ISO, "scenarios": [...] }, ...] }
 *
 * `earlier` is absent once the user has answered. An earlier autosave that cannot be read at all is
 * carried as its text (`"unreadable"`), so answering is still the only thing that deletes it. On
 * start the whole document is offered back, never applied silently. When it is written:
 * autosave-writer.ts.
 */
import { validateDraft } from "../../model/engine/scenario/drafts";
import type { Scenario } from "../../model/engine/scenario/types";
import { formatInputError } from "../../model/engine/errors";
import type { AutosaveContent } from "./autosave-writer";
import type { AppState } from "./store";

/** Earlier, unanswered work as stored: scenarios kept as they were read (unvalidated), so nothing is dropped. */
export interface CarriedWork {
  savedAt: string;
  scenarios: unknown[];
  /** The text of an autosave that could not be read at all, kept as it was. */
  unreadable?: string;
}

/** A set of scenarios saved together, validated one by one. */
export interface SavedWork {
  savedAt: string;
  scenarios: Scenario[];
  /** Why each unreadable scenario is skipped. */
  skipped: string[];
}

export type ParsedAutosave =
  | {
      ok: true;
      /** The last session's own work (savedAt: the snapshot's). */
      scenarios: Scenario[];
      skipped: string[];
      /** Older work that was still on offer when the last session ended, newest first. */
      earlier: SavedWork[];
      /** What to carry while this snapshot is on offer: itself, then what it carried. */
      carry: CarriedWork[];
    }
  | { ok: false; error: string; carry: CarriedWork[] };

function validateAll(list: unknown[], what: string): { scenarios: Scenario[]; skipped: string[] } {
  const scenarios: Scenario[] = [];
  const skipped: string[] = [];
  for (const [i, s] of list.entries()) {
    // A new agreement with inputs still to fill is recovered as it was, blanks and all.
    const checked = validateDraft(s, `${what} ${i + 1}`);
    if (checked.ok) scenarios.push(checked.value);
    else skipped.push(checked.errors.slice(0, 3).map(formatInputError).join("; "));
  }
  return { scenarios, skipped };
}

function carriedList(value: unknown): CarriedWork[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((g): CarriedWork[] => {
    const { savedAt, scenarios, unreadable } = (g ?? {}) as Record<string, unknown>;
    if (typeof savedAt !== "string" || !Array.isArray(scenarios)) return [];
    return [{ savedAt, scenarios, ...(typeof unreadable === "string" ? { unreadable } : {}) }];
  });
}

/**
 * Autosave text -> the scenarios it holds, each validated on its own: one that no longer validates
 * (say, written before a stricter check) is skipped with its reason instead of costing the user
 * every other scenario. Not ok only when nothing at all can be recovered. `savedAt` is the
 * snapshot's own time (the platform stores it beside the text).
 */
export function parseAutosave(text: string, savedAt = ""): ParsedAutosave {
  const keepText: CarriedWork[] = [{ savedAt, scenarios: [], unreadable: text }];
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, error: "The autosave is not valid JSON.", carry: keepText };
  }
  const doc = (data ?? {}) as { scenarios?: unknown; earlier?: unknown };
  if (!Array.isArray(doc.scenarios)) return { ok: false, error: "The autosave holds no scenarios.", carry: keepText };
  const own = validateAll(doc.scenarios, "autosave scenario");
  const carried = carriedList(doc.earlier);
  const earlier = carried.map((g, i) => ({ savedAt: g.savedAt, ...validateAll(g.scenarios, `earlier autosave ${i + 1}, scenario`) }));
  const carry: CarriedWork[] = [...(doc.scenarios.length ? [{ savedAt, scenarios: doc.scenarios }] : []), ...carried];
  const found = own.scenarios.length + earlier.reduce((n, g) => n + g.scenarios.length, 0);
  if (found === 0) {
    const skipped = [...own.skipped, ...earlier.flatMap((g) => g.skipped)];
    const unreadable = carried.filter((g) => g.unreadable !== undefined).length;
    return {
      ok: false,
      error: skipped.length
        ? `No scenario in the autosave could be read: ${skipped.join(" | ")}`
        : unreadable
          ? "An earlier autosave it carries could not be read."
          : "The autosave holds no scenarios.",
      carry,
    };
  }
  return { ok: true, scenarios: own.scenarios, skipped: own.skipped, earlier, carry };
}

/** The autosave text for `scenarios`, carrying `earlier` work (if any) beside them. */
export function autosaveDocument(scenarios: readonly Scenario[], earlier: readonly CarriedWork[] = []): string {
  return JSON.stringify({ version: 1, scenarios, ...(earlier.length ? { earlier } : {}) });
}

/**
 * What the autosave should hold now: every user scenario while any has unsaved changes (else the
 * slot is cleared). While a recovery offer is unanswered (`carry`), the offered work rides along
 * and the slot is never cleared: without unsaved work of this window it is left as it is.
 */
export function autosaveContent(state: AppState, carry: readonly CarriedWork[] | null): AutosaveContent {
  const users = state.entries.filter((e) => !e.builtIn);
  const unsaved = users.some((e) => e.dirty);
  if (!unsaved) return carry ? { kind: "keep" } : { kind: "clear" };
  return {
    kind: "write",
    text: autosaveDocument(
      users.map((e) => e.scenario),
      carry ?? [],
    ),
  };
}
