/**
 * An analysis answer for the active scenario as React state: "computing" (with its progress) until
 * the worker answers. Answers are cached by scenario identity (scenarios are immutable), like the
 * table's computeTable cache, so coming back to the tab or undoing to an earlier scenario costs
 * nothing. A cancelled job is forgotten, so asking again computes it afresh.
 */
import { useEffect, useState } from "react";
import type { Census } from "../../model/engine/schedule/types";
import type { Scenario } from "../../model/engine/scenario/types";
import { isJobCancelled } from "../workers/worker-job-client";
import { runInBackground, type AnalysisAnswer } from "./client";
import { censusToJson, type AnalysisRequest } from "./jobs";

export type AnalysisParams = { kind: "costOfOnePercent" } | { kind: "tornado" } | { kind: "twoWay"; rowYear: number; columnYear: number };
export interface JobProgressState {
  done: number;
  total: number;
}
export type AnalysisState =
  | { status: "computing"; progress: JobProgressState | null }
  | { status: "done"; answer: AnalysisAnswer }
  | { status: "error"; message: string }
  | { status: "cancelled"; retry: () => void };

interface Running {
  answer: Promise<AnalysisAnswer>;
  progress: JobProgressState | null;
  listeners: Set<(p: JobProgressState) => void>;
}

const NO_CENSUS = {};
const cache = new WeakMap<Scenario, WeakMap<object, Map<string, Running>>>();

function request(scenario: Scenario, census: Census | null, params: AnalysisParams): Running {
  const relevant = census && scenario.settings.salaryMethod === "schedule" ? census : null;
  let byCensus = cache.get(scenario);
  if (!byCensus) cache.set(scenario, (byCensus = new WeakMap()));
  let byKey = byCensus.get(relevant ?? NO_CENSUS);
  if (!byKey) byCensus.set(relevant ?? NO_CENSUS, (byKey = new Map()));
  const key = JSON.stringify(params);
  let running = byKey.get(key);
  if (!running) {
    const req = {
      ...params,
      scenario: JSON.stringify(scenario),
      ...(relevant ? { census: censusToJson(relevant) } : {}),
    } as AnalysisRequest;
    const r: Running = { answer: Promise.resolve(null as unknown as AnalysisAnswer), progress: null, listeners: new Set() };
    r.answer = runInBackground(req, {
      onProgress: (done, total) => {
        r.progress = { done, total };
        for (const l of r.listeners) l(r.progress);
      },
    });
    const map = byKey;
    // A cancelled job is not an answer: the next request computes it again.
    r.answer.catch((e: unknown) => {
      if (isJobCancelled(e) && map.get(key) === r) map.delete(key);
    });
    byKey.set(key, (running = r));
  }
  return running;
}

export function useAnalysis(scenario: Scenario, census: Census | null, params: AnalysisParams | null): AnalysisState | null {
  const [state, setState] = useState<AnalysisState | null>(null);
  const [attempt, setAttempt] = useState(0);
  const key = params ? JSON.stringify(params) : "";
  useEffect(() => {
    if (!params) {
      setState(null);
      return;
    }
    let live = true;
    const running = request(scenario, census, params);
    setState({ status: "computing", progress: running.progress });
    const onProgress = (progress: JobProgressState) => live && setState({ status: "computing", progress });
    running.listeners.add(onProgress);
    running.answer.then(
      (answer) => live && setState({ status: "done", answer }),
      (e: Error) =>
        live &&
        setState(
          isJobCancelled(e) ? { status: "cancelled", retry: () => setAttempt((n) => n + 1) } : { status: "error", message: e.message },
        ),
    );
    return () => {
      live = false;
      running.listeners.delete(onProgress);
    };
    // params is compared by its JSON (key): a new object with the same content is the same request.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [scenario, census, key, attempt]);
  return state;
}
