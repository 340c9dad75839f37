/**
 * computeTable memoized by scenario object: scenarios are immutable, so identity is the cache key.
 * A scenario prices the census it carries (scheduleMethod.census, embedded with its hash or the
 * named reference census): an imported census enters a scenario by being embedded in it (store.ts),
 * never by standing in for another scenario's census, so what is saved, autosaved and recovered is
 * what was shown. The `census` arguments below are kept for callers that still pass the imported one.
 *
 * The cache never keeps a scenario (or its result) alive: results hang off the scenario in a
 * WeakMap, so a state that nothing else holds (an undone or superseded edit) takes its result with
 * it. It is also bounded: at most MAX_CACHED_RESULTS results, the oldest forgotten first (tracked by
 * WeakRef, which pins nothing).
 *
 * A scenario whose work estimate is above APP_WORKER_WORK is costed in the table worker
 * (table-jobs.ts), whose answer lands here through rememberTable: Compare, Charts, Ranges and the
 * exports then find it like any other. tableFor still computes on the spot when asked for a heavy
 * table not yet here (a caller that cannot wait); the screens ask tableIfReady and show the job.
 */
import { DEFAULT_REGISTRY, kindIndex } from "../../model/engine/kinds/registry";
import { APP_WORKER_WORK, workEstimate } from "../../model/engine/scenario/work";
import { computeTable, type ComputeOptions, type TableResult } from "../../model/engine/compute";
import type { Census } from "../../model/engine/schedule/types";
import type { Scenario } from "../../model/engine/scenario/types";

export const MAX_CACHED_RESULTS = 128;

const cache = new WeakMap<Scenario, TableResult>();
/** Insertion order of cached results, oldest first. */
const order: WeakRef<Scenario>[] = [];

export function computeOptionsFor(_scenario: Scenario, _census?: Census | null): ComputeOptions {
  return {};
}

export function tableFor(scenario: Scenario, _census?: Census | null): TableResult {
  return cache.get(scenario) ?? rememberTable(scenario, computeTable(scenario));
}

/** Keeps a table computed elsewhere (the table worker) as this scenario's. */
export function rememberTable(scenario: Scenario, result: TableResult): TableResult {
  if (cache.has(scenario)) return cache.get(scenario)!;
  cache.set(scenario, result);
  order.push(new WeakRef(scenario));
  while (order.length > MAX_CACHED_RESULTS) {
    const scenario = order.shift()!.deref();
    if (scenario) cache.delete(scenario);
  }
  return result;
}

/** The table if it is known already, or cheap enough to compute now; undefined for a heavy table still to cost. */
export function tableIfReady(scenario: Scenario): TableResult | undefined {
  return cache.get(scenario) ?? (needsWorker(scenario) ? undefined : tableFor(scenario));
}

const kinds = kindIndex(DEFAULT_REGISTRY);
const heavy = new WeakMap<Scenario, boolean>();

/** Whether the scenario's table is costed in the worker (its work estimate is above APP_WORKER_WORK). */
export function needsWorker(scenario: Scenario): boolean {
  let h = heavy.get(scenario);
  if (h === undefined) heavy.set(scenario, (h = workEstimate(scenario, (i) => kinds.get(i.kind)).units > APP_WORKER_WORK));
  return h;
}

/** How many results the cache could still return (tests: the bound and what history pins). */
export function cachedResultCount(): number {
  return order.filter((o) => {
    const s = o.deref();
    return s !== undefined && cache.has(s);
  }).length;
}
