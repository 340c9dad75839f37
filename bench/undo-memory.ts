/**
 * Memory kept by a long editing session, measured in-process: the store's reducer driven as the
 * app drives it (each edit dispatched, then the active scenario's table read through the compute
 * cache, as the table on screen does), on several scenarios, then a forced GC and the heap
 * compared with the same store before the edits. What is left is the undo history and whatever
 * the compute cache still holds for it.
 *
 * A number, not a timing: used by the bench's memory group and by a unit test with a wide bound.
 */
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { tableFor } from "../renderer/state/compute-cache";
import { activeEntry, initialState, reducer, type AppState } from "../renderer/state/store";

export interface UndoMemory {
  scenarios: number;
  editsPerScenario: number;
  /** Heap after GC, after the edits minus before them. */
  retainedMB: number;
  perScenarioMB: number;
  /** Undo steps each scenario can still take at the end. */
  undoDepths: number[];
}

let gc: (() => void) | undefined;

/**
 * Node's gc() without the --expose-gc flag on the command line, after the current job ends: objects
 * a WeakRef was made for or deref'ed in this job stay alive until then (the compute cache uses them).
 */
export async function collectGarbage(): Promise<void> {
  if (!gc) {
    setFlagsFromString("--expose-gc");
    gc = runInNewContext("gc") as () => void;
  }
  await new Promise((resolve) => setImmediate(resolve));
  for (let i = 0; i < 3; i++) gc();
}

async function heapMB(): Promise<number> {
  await collectGarbage();
  return process.memoryUsage().heapUsed / 1024 / 1024;
}

const RAISES = ["2024-10-01", "2025-10-01", "2026-10-01", "2027-10-01"].map((d) => `items.baseSalary.steps.${d}.amount`);

export async function measureUndoMemory(scenarios = 5, editsPerScenario = 200): Promise<UndoMemory> {
  // The user scenarios exist before the baseline, so only what the edits add is counted.
  let state: AppState = initialState();
  for (let s = 0; s < scenarios; s++) state = reducer(state, { type: "newFrom", key: "fis" });
  const keys = state.entries.filter((e) => !e.builtIn).map((e) => e.key);
  for (const key of keys) tableFor(state.entries.find((e) => e.key === key)!.scenario);
  const before = await heapMB();
  for (const key of keys) {
    state = reducer(state, { type: "select", key });
    for (let i = 0; i < editsPerScenario; i++) {
      // 2.00%, 2.01%, ...: every edit changes a value, so every edit is an undo step.
      const text = `${(2 + (i % 400) / 100).toFixed(2)}%`;
      state = reducer(state, { type: "edit", edits: [{ path: RAISES[i % RAISES.length]!, text }] });
      tableFor(activeEntry(state).scenario);
      // One task per edit, as in the app (and as WeakRef semantics assume).
      if (i % 50 === 49) await new Promise((resolve) => setImmediate(resolve));
    }
  }
  const after = await heapMB();
  const undoDepths = keys.map((key) => {
    let s = reducer(state, { type: "select", key });
    let n = 0;
    while (n < editsPerScenario + 1) {
      const next = reducer(s, { type: "undo" });
      if (next.notice?.text === "Nothing to undo.") break;
      s = next;
      n++;
    }
    return n;
  });
  // Keeps the state alive until after the measurement.
  if (state.entries.length < 0) throw new Error("unreachable");
  const retainedMB = after - before;
  return { scenarios, editsPerScenario, retainedMB, perScenarioMB: retainedMB / scenarios, undoDepths };
}
