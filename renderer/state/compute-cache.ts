/** computeTable memoized by scenario object: scenarios are immutable, so identity is the cache key. */
import { computeTable, type TableResult } from "../../model/compute";
import type { Scenario } from "../../model/scenario/types";

const cache = new WeakMap<Scenario, TableResult>();

export function tableFor(scenario: Scenario): TableResult {
  let result = cache.get(scenario);
  if (!result) {
    result = computeTable(scenario);
    cache.set(scenario, result);
  }
  return result;
}
