/**
 * computeTable memoized by scenario object: scenarios are immutable, so identity is the cache key.
 * An imported census only changes scenarios costed by the schedule method, so only those key on it.
 */
import { computeTable, type ComputeOptions, type TableResult } from "../../model/engine/compute";
import type { Census } from "../../model/engine/schedule/types";
import type { CheckedCensus } from "../../model/engine/schedule/census-check";
import type { Scenario } from "../../model/engine/scenario/types";

const NO_CENSUS = {};
const cache = new WeakMap<Scenario, WeakMap<object, TableResult>>();

export function computeOptionsFor(scenario: Scenario, census: Census | null | undefined): ComputeOptions {
  // An imported census was checked when it was read (census-import-job); it stands in for the scenario's own.
  return census && scenario.settings.salaryMethod === "schedule" ? { scheduleMethod: { census: census as CheckedCensus } } : {};
}

export function tableFor(scenario: Scenario, census?: Census | null): TableResult {
  const key: object = census && scenario.settings.salaryMethod === "schedule" ? census : NO_CENSUS;
  let byCensus = cache.get(scenario);
  if (!byCensus) cache.set(scenario, (byCensus = new WeakMap()));
  let result = byCensus.get(key);
  if (!result) {
    result = computeTable(scenario, computeOptionsFor(scenario, census));
    byCensus.set(key, result);
  }
  return result;
}
