/**
 * The table of a scenario as a screen sees it. A light scenario (work estimate at most
 * APP_WORKER_WORK) is computed right here during render, exactly as before: no extra render, no
 * flicker, no latency. A heavy one is "computing" while the table worker costs it (the screen
 * holds its job; letting go stops it), then "ready" from the shared cache; "cancelled" or
 * "error" until the user asks again.
 */
import { useEffect, useSyncExternalStore } from "react";
import type { TableResult } from "../../model/engine/compute";
import type { Scenario } from "../../model/engine/scenario/types";
import { tableIfReady } from "./compute-cache";
import { holdTableJob, subscribeTableJobs, tableJob, tableJobsVersion, type TableJob } from "./table-jobs";

export type TableView =
  | { status: "none" }
  | { status: "ready"; result: TableResult }
  /** `job` is missing for the moment before the screen's hold starts it. */
  | { status: "computing"; job?: TableJob }
  | { status: "cancelled"; job: TableJob }
  | { status: "error"; job: TableJob; message: string };

export function viewOf(scenario: Scenario | null): TableView {
  if (!scenario) return { status: "none" };
  const ready = tableIfReady(scenario);
  if (ready) return { status: "ready", result: ready };
  const job = tableJob(scenario);
  // A job done but its table no longer cached (the cache's bound) is costed again.
  if (!job || job.state.status === "done") return { status: "computing" };
  if (job.state.status === "computing") return { status: "computing", job };
  if (job.state.status === "cancelled") return { status: "cancelled", job };
  return { status: "error", job, message: job.state.message };
}

const ids = new WeakMap<object, number>();
let nextId = 1;
const idOf = (o: object) => ids.get(o) ?? (ids.set(o, nextId), nextId++);
const jobIdOf = (job: TableJob | undefined) => (job ? idOf(job) : 0);

/** `scenario` null: no table wanted (a draft with inputs still to fill). */
export function useTable(scenario: Scenario | null): TableView {
  useSyncExternalStore(subscribeTableJobs, tableJobsVersion);
  const view = viewOf(scenario);
  const wanted = view.status !== "ready" && view.status !== "none" ? scenario : null;
  const job = scenario ? tableJob(scenario) : undefined;
  useEffect(() => (wanted ? holdTableJob(wanted) : undefined), [wanted, job]);
  return view;
}

/** The tables of several scenarios (Compare): each ready one, undefined for one still costing; holds the jobs of those. */
export function useTables(scenarios: readonly Scenario[]): (TableResult | undefined)[] {
  useSyncExternalStore(subscribeTableJobs, tableJobsVersion);
  const results = scenarios.map((s) => tableIfReady(s));
  const waiting = scenarios.filter((_, i) => results[i] === undefined);
  const key = waiting.map((s) => `${idOf(s)}:${jobIdOf(tableJob(s))}`).join();
  useEffect(() => {
    const releases = waiting.map((s) => holdTableJob(s));
    return () => releases.forEach((r) => r());
    // Held again whenever the set of scenarios still costing, or one's job, changes (the key says which).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return results;
}
