/**
 * The recovery offer: the work an earlier session left in the autosave beside the work of this
 * window, each with when it was saved and each scenario's total in the table's unit, and what each answer
 * keeps and replaces. Until the user answers, both are in the autosave (use-autosave.ts).
 */
import type { Census } from "../../model/engine/schedule/types";
import type { Scenario } from "../../model/engine/scenario/types";
import { totalLineId } from "../../model/engine/compute";
import { formatDisplayed } from "../../model/engine/table/display";
import type { SavedWork } from "../state/autosave";
import { tableIfReady } from "../state/compute-cache";
import { lastAutosavedAt, useAutosaveStatus, type AutosaveStatusSource, type RecoveryOffer } from "../state/use-autosave";

const SHOWN = 5;
const when = (at: string | number) => {
  const d = new Date(at);
  return Number.isNaN(d.getTime()) ? "an unknown time" : d.toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
};

/** "TOTAL COST $238,980K (FY2025–FY2028)": the table's total line, its all-years column, in $K. */
export function totalText(scenario: Scenario, _census: Census | null): string {
  try {
    // A heavy table is not costed on the UI thread for this line: it is costed when the scenario is shown.
    const result = tableIfReady(scenario);
    if (!result) return "total costed when opened (a heavy scenario)";
    const id = totalLineId(result);
    const line = result.lines.find((l) => l.id === id);
    const column = result.columns[result.columns.length - 1];
    const cell = line && column ? line.cells[column] : undefined;
    if (!line || !cell) return "no total";
    const years = result.columns.slice(0, -1);
    const span = years.length > 1 ? ` (${years[0]}–${years[years.length - 1]})` : "";
    const suffix = { dollars: "", thousands: "K", millions: "M" }[result.display.unit];
    return `${line.label} ${formatDisplayed(cell.display, result.display.decimals)}${suffix}${span}`;
  } catch {
    return "total not computable";
  }
}

const described = (scenarios: readonly Scenario[], census: Census | null) =>
  scenarios.map((s) => `"${s.name}", ${totalText(s, census)}`).join("; ");

function ScenarioLines({ scenarios, census }: { scenarios: readonly Scenario[]; census: Census | null }) {
  return (
    <ul>
      {scenarios.slice(0, SHOWN).map((s, i) => (
        <li key={i}>
          <span className="recover-name">{s.name}</span> — <span className="recover-total">{totalText(s, census)}</span>
        </li>
      ))}
      {scenarios.length > SHOWN && <li className="muted">and {scenarios.length - SHOWN} more</li>}
    </ul>
  );
}

export interface RecoveryBannerProps {
  offer: RecoveryOffer;
  /** This window's user scenarios (what the autosave holds beside the offer). */
  current: readonly Scenario[];
  /** The autosave's status: when this window's work was last autosaved. */
  autosave: AutosaveStatusSource;
  census: Census | null;
  onRecover: (scenarios: Scenario[], skipped: string[]) => void;
  onDiscard: () => void;
}

export function RecoveryBanner({ offer, current, autosave, census, onRecover, onDiscard }: RecoveryBannerProps) {
  const currentSavedAt = lastAutosavedAt(useAutosaveStatus(autosave));
  const { parsed, snapshot } = offer;
  const groups: SavedWork[] = parsed.ok
    ? [{ savedAt: snapshot.savedAt, scenarios: parsed.scenarios, skipped: parsed.skipped }, ...parsed.earlier]
    : [];
  const offered = groups.flatMap((g) => g.scenarios);
  const skipped = groups.flatMap((g) => g.skipped);
  const newest = when(snapshot.savedAt);
  const savedNote = currentSavedAt === null ? ", not yet autosaved" : `, autosaved ${when(currentSavedAt)}`;
  const here = current.length ? `this window's work (${described(current, census)}${savedNote})` : null;
  const recoverTitle = `Adds the ${offered.length} autosaved scenario(s) to this window. Nothing in this window is replaced.`;
  const deleted = `The autosaved work from ${newest} (${described(offered, census) || "unreadable"}) is deleted`;
  const discardTitle = here
    ? `${deleted} and replaced by ${here}.`
    : `${deleted}. This window has no unsaved work, so the autosave is emptied.`;

  return (
    <section className="notice notice-recover" data-testid="recover-banner" aria-label="Recover unsaved work">
      <p className="recover-lead">
        {parsed.ok ? (
          <strong>Recover unsaved work from {newest}?</strong>
        ) : (
          <strong>
            Unsaved work from {newest} cannot be recovered: {parsed.error}
          </strong>
        )}{" "}
        It stays in the autosave until you choose; what you do in this window meanwhile is autosaved beside it.
      </p>
      <div className="recover-sides">
        <div className="recover-side" data-testid="recover-offered">
          <h3>In the autosave</h3>
          {groups.map((g, i) => (
            <div key={i}>
              <p className="recover-when">
                Saved {when(g.savedAt)}
                {i > 0 ? " (offered before and not yet answered)" : ""}
              </p>
              <ScenarioLines scenarios={g.scenarios} census={census} />
            </div>
          ))}
          {!parsed.ok && <p className="recover-when">Saved {newest}; kept as it was written.</p>}
          {skipped.length > 0 && (
            <p className="muted small">{skipped.length} scenario(s) in it can no longer be read and will be skipped.</p>
          )}
        </div>
        <div className="recover-side" data-testid="recover-current">
          <h3>In this window</h3>
          <p className="recover-when">
            {current.length === 0
              ? "No unsaved work yet."
              : currentSavedAt === null
                ? "Not yet autosaved."
                : `Autosaved ${when(currentSavedAt)}`}
          </p>
          {current.length > 0 && <ScenarioLines scenarios={current} census={census} />}
        </div>
      </div>
      <div className="recover-actions">
        {parsed.ok && (
          <p>
            <button type="button" data-testid="recover-accept" title={recoverTitle} onClick={() => onRecover(offered, skipped)}>
              Recover
            </button>{" "}
            adds {offered.length === 1 ? "it" : `all ${offered.length}`} to this window; nothing here is replaced.
          </p>
        )}
        <p>
          <button type="button" data-testid="recover-discard" title={discardTitle} onClick={onDiscard}>
            Discard
          </button>{" "}
          {here ? "deletes the autosaved work; the autosave then holds this window's work instead." : "deletes the autosaved work."}
        </p>
      </div>
    </section>
  );
}
