/**
 * The Monte Carlo run of the Ranges card, kept outside React so it outlives the card: leaving the
 * Analysis tab neither stops a run nor loses its answer. One run at a time, in its own worker lane
 * (client.ts), so Cancel stops it alone; the last run of each scenario is remembered by the
 * scenario's identity (scenarios are immutable).
 */
import { useSyncExternalStore } from "react";
import type { Census } from "../../model/engine/schedule/types";
import type { Scenario } from "../../model/engine/scenario/types";
import { isJobCancelled } from "../workers/worker-job-client";
import { canCancelBackground, cancelBackground, runInBackground, type AnalysisAnswer } from "./client";
import { censusToJson, type MonteCarloData } from "./jobs";

export interface ExceedParams {
  lineId: string;
  column: string;
  /** The limit in dollars, a decimal string. */
  dollars: string;
}

export interface RangesParams {
  draws: number;
  seed: number;
  exceed: ExceedParams | null;
}

export type RangesRun =
  | { status: "running"; params: RangesParams; progress: { done: number; total: number } | null; cancellable: boolean }
  | { status: "done"; params: RangesParams; data: MonteCarloData; where: AnalysisAnswer["where"]; wallMs: number }
  | { status: "error"; params: RangesParams; message: string }
  | { status: "cancelled"; params: RangesParams };

const runs = new WeakMap<Scenario, RangesRun>();
const listeners = new Set<() => void>();
let version = 0;
let current: { scenario: Scenario; seq: number } | null = null;
let seq = 0;

function set(scenario: Scenario, run: RangesRun): void {
  runs.set(scenario, run);
  version++;
  for (const l of listeners) l();
}

/** Starts a run for the scenario (a run still going, for any scenario, is cancelled first). */
export function startRanges(scenario: Scenario, census: Census | null, params: RangesParams): void {
  if (current) cancelRanges();
  const mine = { scenario, seq: ++seq };
  current = mine;
  const relevant = census && scenario.settings.salaryMethod === "schedule" ? census : null;
  const answer = runInBackground(
    {
      kind: "monteCarlo",
      scenario: JSON.stringify(scenario),
      ...(relevant ? { census: censusToJson(relevant) } : {}),
      draws: params.draws,
      seed: params.seed,
      ...(params.exceed ? { exceed: [params.exceed] } : {}),
    },
    {
      onProgress: (done, total) => {
        const run = runs.get(scenario);
        if (current === mine && run?.status === "running") set(scenario, { ...run, progress: { done, total } });
      },
    },
    "ranges",
  );
  // Asked after the run started: only then is it known whether a worker could start.
  set(scenario, { status: "running", params, progress: null, cancellable: canCancelBackground("ranges") });
  answer.then(
    (answer) => {
      if (current !== mine) return;
      current = null;
      if (answer.data.kind === "monteCarlo")
        set(scenario, { status: "done", params, data: answer.data, where: answer.where, wallMs: answer.wallMs });
    },
    (e: unknown) => {
      if (current === mine) current = null;
      // A newer run of the same scenario owns its state now.
      else if (current?.scenario === scenario) return;
      if (runs.get(scenario)?.status !== "running") return;
      set(
        scenario,
        isJobCancelled(e)
          ? { status: "cancelled", params }
          : { status: "error", params, message: e instanceof Error ? e.message : String(e) },
      );
    },
  );
}

/** Stops the run going on; false when it runs on the main thread, which cannot be stopped. */
export function cancelRanges(): boolean {
  return cancelBackground("ranges");
}

const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};

/** The scenario's last run (going on or finished), if any. */
export function runOf(scenario: Scenario): RangesRun | null {
  return runs.get(scenario) ?? null;
}

/** The scenario's last run (going on or finished), as React state. */
export function useRangesRun(scenario: Scenario): RangesRun | null {
  useSyncExternalStore(subscribe, () => version);
  return runs.get(scenario) ?? null;
}
