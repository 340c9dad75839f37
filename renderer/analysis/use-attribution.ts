/**
 * The attribution of one scenario pair as React state, computed in the analysis worker: the rows
 * and interaction first (n + 2 costings), the Shapley split only when asked for (up to 2^n).
 * Answers are cached by the (immutable) scenario pair, so switching views or tabs costs nothing.
 */
import { useEffect, useState } from "react";
import type { Census } from "../../model/engine/schedule/types";
import type { Scenario } from "../../model/engine/scenario/types";
import { runInBackground } from "./client";
import { censusToJson, type AttributionData } from "./jobs";

export type AttributionState =
  | { status: "computing" }
  | { status: "done"; data: AttributionData; where: "worker" | "main thread" }
  | { status: "error"; message: string };

const NO_CENSUS = {};
type Answer = Promise<{ data: AttributionData; where: "worker" | "main thread" }>;
const cache = new WeakMap<Scenario, WeakMap<Scenario, WeakMap<object, Map<boolean, Answer>>>>();

function request(baseline: Scenario, scenario: Scenario, census: Census | null, shapley: boolean): Answer {
  const relevant = census && [baseline, scenario].some((s) => s.settings.salaryMethod === "schedule") ? census : null;
  let byScenario = cache.get(baseline);
  if (!byScenario) cache.set(baseline, (byScenario = new WeakMap()));
  let byCensus = byScenario.get(scenario);
  if (!byCensus) byScenario.set(scenario, (byCensus = new WeakMap()));
  let byView = byCensus.get(relevant ?? NO_CENSUS);
  if (!byView) byCensus.set(relevant ?? NO_CENSUS, (byView = new Map()));
  let answer = byView.get(shapley);
  if (!answer) {
    answer = runInBackground({
      kind: "attribution",
      baseline: JSON.stringify(baseline),
      scenario: JSON.stringify(scenario),
      shapley,
      ...(relevant ? { census: censusToJson(relevant) } : {}),
    }).then(({ data, where }) => {
      if (data.kind !== "attribution") throw new Error("unexpected answer");
      return { data, where };
    });
    // A failed request is not kept: the next render may ask again.
    answer.catch(() => byView!.delete(shapley));
    byView.set(shapley, answer);
  }
  return answer;
}

export function useAttribution(baseline: Scenario, scenario: Scenario, census: Census | null, shapley: boolean): AttributionState {
  const [state, setState] = useState<AttributionState>({ status: "computing" });
  useEffect(() => {
    let live = true;
    setState({ status: "computing" });
    request(baseline, scenario, census, shapley).then(
      ({ data, where }) => live && setState({ status: "done", data, where }),
      (e: Error) => live && setState({ status: "error", message: e.message }),
    );
    return () => {
      live = false;
    };
  }, [baseline, scenario, census, shapley]);
  return state;
}
