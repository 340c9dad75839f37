/**
 * Memory an editing session keeps (bench/undo-memory.ts drives the reducer and the compute cache the
 * way the app does). Before undo kept patches, 200 edits on each of 5 scenarios kept ~99 MB (every
 * undo state held a full scenario and, through the compute cache, its whole table result). The
 * bounds here are wide, so heap noise cannot fail them; the bench reports the exact figure.
 */
import { describe, expect, it } from "vitest";
import { collectGarbage, measureUndoMemory } from "../../bench/undo-memory";
import { cachedResultCount, MAX_CACHED_RESULTS, tableFor } from "../../renderer/state/compute-cache";
import { activeEntry, initialState, reducer, type AppState } from "../../renderer/state/store";

describe("undo history memory", () => {
  it("200 edits on each of 5 scenarios keep less than 5 MB of heap, undo history and cached results included", async () => {
    const m = await measureUndoMemory(5, 200);
    expect(m.undoDepths).toEqual([199, 199, 199, 199, 199]);
    expect(m.retainedMB).toBeLessThan(5);
  });

  it("the compute cache keeps no result for undo states, and never more than MAX_CACHED_RESULTS", async () => {
    let s: AppState = reducer(initialState(), { type: "newFrom", key: "fis" });
    await collectGarbage();
    const before = cachedResultCount();
    for (let i = 0; i < 300; i++) {
      s = reducer(s, {
        type: "edit",
        edits: [{ path: "items.baseSalary.steps.2025-10-01.amount", text: `${(3 + i / 1000).toFixed(3)}%` }],
      });
      tableFor(activeEntry(s).scenario);
      if (i % 20 === 19) await new Promise((resolve) => setImmediate(resolve));
    }
    expect(cachedResultCount()).toBeLessThanOrEqual(MAX_CACHED_RESULTS);
    await collectGarbage();
    // Only the live state's result (and whatever earlier tests left alive) can remain.
    expect(cachedResultCount() - before).toBeLessThanOrEqual(2);
    // 3.000% is the value already there, so 299 of the 300 edits are steps.
    expect(activeEntry(s).past).toHaveLength(299);
  });
});
