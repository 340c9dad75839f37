/**
 * Where a heavy table stands while it is not ready: its progress with Cancel (the analyses' own
 * JobProgress), "not costed" with a Cost the table button after a Cancel, or the worker's error.
 * Each end is announced through the app's live region; the ticks are not.
 */
import { useEffect, useState } from "react";
import type { Scenario } from "../../model/engine/scenario/types";
import { JobProgress } from "../analysis/JobProgress";
import { cancelTableJob, restartTableJob, type JobProgressState } from "../state/table-jobs";
import type { TableView } from "../state/use-table";
import { announce } from "./LiveRegions";

export function TableJobStatus({ scenario, view, name }: { scenario: Scenario; view: TableView; name?: string }) {
  const job = view.status === "computing" ? view.job : undefined;
  const [progress, setProgress] = useState<JobProgressState | null>(job?.progress ?? null);
  useEffect(() => {
    if (!job) return;
    setProgress(job.progress);
    job.onProgress.add(setProgress);
    return () => void job.onProgress.delete(setProgress);
  }, [job]);
  const what = name ? `the table of "${name}"` : "the table";
  useEffect(() => {
    if (view.status === "cancelled") announce(`Cancelled: ${what} was not costed.`);
    if (view.status === "error") announce(`${what[0]!.toUpperCase()}${what.slice(1)} could not be costed: ${view.message}`, "assertive");
    // Once per end of a job.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [view.status, job]);
  const again = (
    <button type="button" className="small" data-testid="cost-table" onClick={() => restartTableJob(scenario)}>
      Cost the table
    </button>
  );
  if (view.status === "computing")
    return (
      <JobProgress
        // A new job is a new progress bar (announced once per job).
        key={job?.seq ?? 0}
        what={what}
        progress={progress}
        steps="steps"
        cancellable={job ? job.state.status === "computing" && job.state.cancellable : true}
        onCancel={() => cancelTableJob(scenario)}
        testid="table-progress"
      />
    );
  if (view.status === "cancelled")
    return (
      <div className="notice notice-warning table-status" role="status" data-testid="table-not-costed">
        <span>
          <strong>The table was not costed</strong> (cancelled). Its figures, explanations, charts and comparisons appear once it is.
        </span>{" "}
        {again}
      </div>
    );
  if (view.status === "error")
    return (
      <div className="notice notice-error table-status" role="alert" data-testid="table-error">
        <span>
          <strong>The table could not be costed:</strong> {view.message}
        </span>{" "}
        {again}
      </div>
    );
  return null;
}
