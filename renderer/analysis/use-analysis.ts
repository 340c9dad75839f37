/**
 * An analysis answer for the active scenario as React state: "computing" until the worker answers.
 * Answers are cached by scenario identity (scenarios are immutable), like the table's computeTable
 * cache, so coming back to the tab or undoing to an earlier scenario costs nothing.
 */
import { useEffect, useState } from "react";
import type { Census } from "../../model/engine/schedule/types";
import type { Scenario } from "../../model/engine/scenario/types";
import { runInBackground, type AnalysisAnswer } from "./client";
import { censusToJson, type AnalysisRequest } from "./jobs";

export type AnalysisParams = { kind: "costOfOnePercent" } | { kind: "tornado" } | { kind: "twoWay"; rowYear: number; columnYear: number };
export type AnalysisState = { status: "computing" } | { status: "done"; answer: AnalysisAnswer } | { status: "error"; message: string };

const NO_CENSUS = {};
const cache = new WeakMap<Scenario, WeakMap<object, Map<string, Promise<AnalysisAnswer>>>>();

function request(scenario: Scenario, census: Census | null, params: AnalysisParams): Promise<AnalysisAnswer> {
  const relevant = census && scenario.settings.salaryMethod === "schedule" ? census : null;
  let byCensus = cache.get(scenario);
  if (!byCensus) cache.set(scenario, (byCensus = new WeakMap()));
  let byKey = byCensus.get(relevant ?? NO_CENSUS);
  if (!byKey) byCensus.set(relevant ?? NO_CENSUS, (byKey = new Map()));
  const key = JSON.stringify(params);
  let answer = byKey.get(key);
  if (!answer) {
    const req = {
      ...params,
      scenario: JSON.stringify(scenario),
      ...(relevant ? { census: censusToJson(relevant) } : {}),
    } as AnalysisRequest;
    answer = runInBackground(req);
    byKey.set(key, answer);
  }
  return answer;
}

export function useAnalysis(scenario: Scenario, census: Census | null, params: AnalysisParams | null): AnalysisState | null {
  const [state, setState] = useState<AnalysisState | null>(null);
  const key = params ? JSON.stringify(params) : "";
  useEffect(() => {
    if (!params) {
      setState(null);
      return;
    }
    let live = true;
    setState({ status: "computing" });
    request(scenario, census, params).then(
      (answer) => live && setState({ status: "done", answer }),
      (e: Error) => live && setState({ status: "error", message: e.message }),
    );
    return () => {
      live = false;
    };
    // params is compared by its JSON (key): a new object with the same content is the same request.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [scenario, census, key]);
  return state;
}
