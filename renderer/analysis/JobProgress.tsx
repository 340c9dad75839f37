/**
 * Progress of a long background job: nothing for the first 100 ms (most jobs answer sooner), then a
 * progress bar with its text ("4,500 of 10,000 draws, 45%") and a Cancel button. The start is
 * announced politely once through the app's live region; the ticks are not (a screen reader would
 * read nothing else). A job on the main thread (no worker here) cannot be stopped, and says so.
 */
import { useEffect, useRef, useState } from "react";
import { countText } from "../format/number";
import { announce } from "../panels/LiveRegions";

/** Below this a job shows no progress at all: a flash of a bar reads as a glitch. */
export const SHOW_AFTER_MS = 100;

export function JobProgress({
  what,
  progress,
  steps,
  cancellable,
  onCancel,
  testid = "job-progress",
}: {
  /** "the tornado", "ranges (2,000 draws)". */
  what: string;
  progress: { done: number; total: number } | null;
  /** What a step is, plural: "draws", "inputs", "rows". */
  steps: string;
  cancellable: boolean;
  onCancel: () => void;
  testid?: string;
}) {
  // On the main thread the job takes the thread in a moment: say so at once, while the page can still paint.
  const [shown, setShown] = useState(!cancellable);
  useEffect(() => {
    const timer = setTimeout(
      () => {
        setShown(true);
        announce(`Computing ${what}…${cancellable ? " Cancel stops it." : " It cannot be cancelled."}`);
      },
      cancellable ? SHOW_AFTER_MS : 0,
    );
    return () => clearTimeout(timer);
    // Announced once per job: the component is mounted for the job's lifetime.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  // The worker died mid-job (renderer/workers/worker-job-client.ts): the job goes on here, and Cancel goes.
  const startedCancellable = useRef(cancellable);
  useEffect(() => {
    if (!startedCancellable.current || cancellable) return;
    startedCancellable.current = false;
    setShown(true);
    announce(`The background worker stopped: computing ${what} goes on here and cannot be cancelled.`);
  }, [cancellable, what]);
  if (!shown) return null;
  const pct = progress && progress.total > 0 ? Math.floor((100 * progress.done) / progress.total) : null;
  const text = progress
    ? `Computing ${what}: ${countText(progress.done)} of ${countText(progress.total)} ${steps} (${pct}%)`
    : `Computing ${what}…`;
  return (
    <div className="job-progress" data-testid={testid}>
      <progress
        max={progress?.total ?? undefined}
        value={progress?.done ?? undefined}
        aria-label={`Progress of ${what}`}
        aria-valuetext={text}
      />
      <span className="computing small" data-testid="computing">
        {text}
      </span>
      {cancellable ? (
        <button type="button" className="small" data-testid={`${testid}-cancel`} onClick={onCancel}>
          Cancel
        </button>
      ) : (
        <span className="muted small" data-testid={`${testid}-no-cancel`}>
          Running on the main thread (no background worker here), so it cannot be cancelled; the app answers again when it is done.
        </span>
      )}
    </div>
  );
}
