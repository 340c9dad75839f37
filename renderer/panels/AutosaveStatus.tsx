/**
 * The autosave's state in the top bar: when it last wrote, or why it could not and when it tries
 * again (with a button to try now). A failure stays visible until a write succeeds.
 */
import { useEffect, useState } from "react";
import type { AutosaveStatus as Status } from "../state/autosave-writer";
import { useAutosaveStatus, type AutosaveStatusSource } from "../state/use-autosave";

const time = (at: number) => new Date(at).toLocaleTimeString();
/** After this many failures in a row the message also says what to do meanwhile. */
const ADVISE_AFTER = 3;

export function autosaveStatusText(status: Status, now: number): string {
  switch (status.kind) {
    case "idle":
      return "No unsaved changes";
    case "pending":
      return status.lastSavedAt === null ? "Autosaving…" : `Autosaved at ${time(status.lastSavedAt)}`;
    case "saved":
      return status.cleared ? "No unsaved changes" : `Autosaved at ${time(status.at)}`;
    case "retrying": {
      const seconds = Math.max(0, Math.ceil((status.retryAt - now) / 1000));
      const last = status.lastSavedAt === null ? "" : ` Last autosaved at ${time(status.lastSavedAt)}.`;
      const advice =
        status.attempt >= ADVISE_AFTER ? " Your latest changes are not in the autosave yet; Save As keeps them in a file." : "";
      return `Autosave failed: ${status.error} ${seconds > 0 ? `Retrying in ${seconds} s.` : "Retrying now."}${last}${advice}`;
    }
  }
}

export function AutosaveStatus({ source, onRetry }: { source: AutosaveStatusSource; onRetry: () => Promise<void> }) {
  const status = useAutosaveStatus(source);
  const failing = status.kind === "retrying";
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!failing) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [failing, status]);
  return (
    <div className={failing ? "autosave-status failing" : "autosave-status"} role="status" aria-live="polite" data-testid="autosave-status">
      <span>{autosaveStatusText(status, now)}</span>
      {failing && (
        <button type="button" data-testid="autosave-retry" onClick={() => void onRetry()}>
          Retry now
        </button>
      )}
    </div>
  );
}
