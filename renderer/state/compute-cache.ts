/**
 * computeTable memoized by scenario object: scenarios are immutable, so identity is the cache key.
 * An imported census only changes scenarios costed by the schedule method, so only those key on it.
 *
 * The cache never keeps a scenario (or its result) alive: results hang off the scenario in a
 * WeakMap, so a state that nothing else holds (an undone or superseded edit) takes its result with
 * it. It is also bounded: at most MAX_CACHED_RESULTS results, the oldest forgotten first (tracked by
 * WeakRef, which pins nothing).
 */
import { computeTable, type ComputeOptions, type TableResult } from "../../model/engine/compute";
import type { Census } from "../../model/engine/schedule/types";
import type { CheckedCensus } from "../../model/engine/schedule/census-check";
import type { Scenario } from "../../model/engine/scenario/types";

export const MAX_CACHED_RESULTS = 128;

const NO_CENSUS = {};
const cache = new WeakMap<Scenario, WeakMap<object, TableResult>>();
/** Insertion order of cached results, oldest first. */
const order: { scenario: WeakRef<Scenario>; key: object }[] = [];

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
    order.push({ scenario: new WeakRef(scenario), key });
    while (order.length > MAX_CACHED_RESULTS) {
      const oldest = order.shift()!;
      const scenario = oldest.scenario.deref();
      if (scenario) cache.get(scenario)?.delete(oldest.key);
    }
  }
  return result;
}

/** How many results the cache could still return (tests: the bound and what history pins). */
export function cachedResultCount(): number {
  return order.filter((o) => {
    const s = o.scenario.deref();
    return s !== undefined && cache.get(s)?.has(o.key) === true;
  }).length;
}
