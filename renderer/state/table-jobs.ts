/**
 * Heavy tables costed in the table worker, one job per scenario object. A scenario whose work
 * estimate is above APP_WORKER_WORK (about 100 ms of costing) would hold the UI thread for up to
 * a second or more; in the worker it leaves the app usable, with progress and Cancel.
 *
 * Each job has a worker of its own, so stopping one (Cancel, or an edit that supersedes it) stops
 * exactly that job. A job lives while something holds it: the screen showing the scenario, an
 * export waiting on it. When the last holder lets go (the user edited, undid or picked another
 * scenario) the job is stopped and forgotten, so a later hold starts it afresh. Cancel, by
 * contrast, is remembered: the scenario shows "not costed" until the user asks again.
 *
 * An answer is kept for the scenario it was computed from (compute-cache.ts, keyed by the scenario
 * object), so it can never be shown as another scenario's figures.
 */
import type { TableResult } from "../../model/engine/compute";
import { decodeTableResultInSteps, type TableResultData } from "../../model/engine/result-transfer";
import { computeTable } from "../../model/engine/compute";
import type { Scenario } from "../../model/engine/scenario/types";
import { createWorkerJobClient, isJobCancelled, JobCancelled, type JobWhere } from "../workers/worker-job-client";
import { rememberTable, tableIfReady } from "./compute-cache";

export interface TableJobMessage {
  /** The scenario as JSON text (one string clones faster than its object tree). */
  scenario: string;
}
/** From the worker: the encoded table; on the main thread (no worker here): the table itself. */
export type TableJobAnswer = { encoded: TableResultData } | { result: TableResult };

export interface JobProgressState {
  done: number;
  total: number;
}

export type TableJobStatus =
  | { status: "computing"; cancellable: boolean }
  | { status: "done"; result: TableResult; where: JobWhere; wallMs: number; reviveMs: number }
  | { status: "cancelled" }
  | { status: "error"; message: string };

export interface TableJob {
  /** Numbers jobs in the order started (a progress bar per job). */
  seq: number;
  scenario: Scenario;
  state: TableJobStatus;
  progress: JobProgressState | null;
  /** Settles with the table, or rejects (JobCancelled when stopped). */
  promise: Promise<TableResult>;
  /** Told of each progress report. */
  onProgress: Set<(p: JobProgressState) => void>;
  holds: number;
  stop(): void;
}

const jobs = new WeakMap<Scenario, TableJob>();
const listeners = new Set<() => void>();
let version = 0;
let lastSeq = 0;

function changed(): void {
  version++;
  for (const l of [...listeners]) l();
}

/** For useSyncExternalStore: told when any job starts, ends, is cancelled or fails (not of progress). */
export function subscribeTableJobs(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
export const tableJobsVersion = () => version;

export const tableJob = (scenario: Scenario): TableJob | undefined => jobs.get(scenario);

/** Longest slice of reviving before the UI thread is given back (a frame is about 16 ms; a long task is over 50). */
const REVIVE_SLICE_MS = 30;

/** Revives the worker's answer in slices between which the page can paint and answer input. */
async function revive(data: TableResultData): Promise<{ result: TableResult; busyMs: number }> {
  const steps = decodeTableResultInSteps(data, 2_000);
  let busyMs = 0;
  for (;;) {
    const sliceStart = performance.now();
    let step = steps.next();
    while (!step.done && performance.now() - sliceStart < REVIVE_SLICE_MS) step = steps.next();
    busyMs += performance.now() - sliceStart;
    if (step.done) return { result: step.value, busyMs };
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}

function start(scenario: Scenario): TableJob {
  const client = createWorkerJobClient<Scenario, TableJobAnswer, TableJobMessage>({
    createWorker: () => new Worker(new URL("./table.worker.ts", import.meta.url), { type: "module" }),
    runOnMainThread: (s, progress) => ({ result: computeTable(s, { onProgress: progress }) }),
    toMessage: (s) => ({ message: { scenario: JSON.stringify(s) } }),
  });
  let stopped = false;
  const job: TableJob = {
    seq: ++lastSeq,
    scenario,
    state: { status: "computing", cancellable: client.canCancel() },
    progress: null,
    promise: Promise.resolve(null as unknown as TableResult),
    onProgress: new Set(),
    holds: 0,
    stop: () => {
      stopped = true;
      client.cancel();
    },
  };
  const run = async (): Promise<TableResult> => {
    const { value, where, wallMs } = await client.run(scenario, {
      onProgress: (done, total) => {
        job.progress = { done, total };
        for (const l of [...job.onProgress]) l(job.progress);
      },
      // The screen stops offering Cancel: a job on the main thread cannot be stopped.
      onFallback: () => {
        if (job.state.status !== "computing") return;
        job.state = { status: "computing", cancellable: false };
        if (jobs.get(scenario) === job) changed();
      },
    });
    // The worker is not needed once it has answered.
    client.cancel();
    const revived = "encoded" in value ? await revive(value.encoded) : { result: value.result, busyMs: 0 };
    // Stopped while the answer was being revived: it is not wanted.
    if (stopped) throw new JobCancelled();
    rememberTable(scenario, revived.result);
    job.state = { status: "done", result: revived.result, where, wallMs, reviveMs: revived.busyMs };
    return revived.result;
  };
  job.promise = run().then(
    (result) => {
      if (jobs.get(scenario) === job) changed();
      return result;
    },
    (e: unknown) => {
      job.state = isJobCancelled(e) ? { status: "cancelled" } : { status: "error", message: e instanceof Error ? e.message : String(e) };
      if (jobs.get(scenario) === job) changed();
      throw e;
    },
  );
  // Whoever holds the job handles its failure; nothing is left unhandled when no one does.
  job.promise.catch(() => {});
  jobs.set(scenario, job);
  changed();
  return job;
}

/**
 * Holds the scenario's job (starting it unless the user cancelled it, or it failed); returns the
 * release. The last release of a running job stops it, a moment later (a screen that lets go and
 * takes hold again in the same update, as React may do, keeps it).
 */
export function holdTableJob(scenario: Scenario): () => void {
  let job = jobs.get(scenario);
  if (!job || (job.state.status === "done" && !tableIfReady(scenario))) job = start(scenario);
  const held = job;
  held.holds++;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    held.holds--;
    setTimeout(() => {
      if (held.holds > 0 || held.state.status !== "computing") return;
      // Nobody wants this table any more: stop it and forget it, so it starts afresh if wanted again.
      if (jobs.get(scenario) === held) jobs.delete(scenario);
      held.stop();
    }, 0);
  };
}

/** "Cost the table" after a Cancel or a failure: a new job. */
export function restartTableJob(scenario: Scenario): void {
  const old = jobs.get(scenario);
  if (old?.state.status === "computing") return;
  jobs.delete(scenario);
  start(scenario);
}

/**
 * Cancel: stops the job; the scenario then shows "not costed" until restarted. The screen shows
 * its progress (and Cancel) from the render that wants the table, before its hold has started the
 * job: a Cancel then still counts, as a job stopped at once, so the hold does not start one.
 */
export function cancelTableJob(scenario: Scenario): void {
  const job = jobs.get(scenario) ?? start(scenario);
  if (job.state.status === "computing") job.stop();
}

/**
 * The table of a scenario for a caller that can wait (exports): at once when known or light,
 * else the same job the screen shows (started if need be, even after a Cancel: the user asked for it).
 */
export async function tableWhenReady(scenario: Scenario): Promise<TableResult> {
  const ready = tableIfReady(scenario);
  if (ready) return ready;
  const job = jobs.get(scenario);
  if (job && job.state.status !== "computing") jobs.delete(scenario);
  const release = holdTableJob(scenario);
  try {
    return await jobs.get(scenario)!.promise;
  } finally {
    release();
  }
}

export { JobCancelled, isJobCancelled };
