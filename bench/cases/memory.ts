/**
 * Memory of a long session, in-process (bench/undo-memory.ts): heap kept by 200 edits on each of 5
 * scenarios (undo history plus whatever the compute cache holds for it), after a forced GC.
 */
import { failed, type CaseResult } from "../results";
import { measureUndoMemory } from "../undo-memory";
import type { BenchContext } from "./context";

const GROUP = "memory";

export async function memoryCases(ctx: BenchContext): Promise<CaseResult[]> {
  const id = "memory.undoHistory";
  const label = "Heap kept by 200 edits on each of 5 scenarios (undo history + compute cache), after GC";
  try {
    const m = await measureUndoMemory(5, 200);
    ctx.log(`undo history: ${m.retainedMB.toFixed(2)} MB for ${m.scenarios} x ${m.editsPerScenario} edits`);
    return [
      {
        id,
        group: GROUP,
        label,
        status: "ok",
        note: "A size, not a time: MB of heap still used after the edits, measured against the same store before them.",
        details: {
          retainedMB: +m.retainedMB.toFixed(2),
          perScenarioMB: +m.perScenarioMB.toFixed(3),
          undoDepths: m.undoDepths,
        },
      },
    ];
  } catch (e) {
    return [failed(id, GROUP, label, e)];
  }
}
