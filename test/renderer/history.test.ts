/**
 * Undo history as patches: a step recorded between two states turns either one back into the
 * other exactly, shares what did not change, and the history stays within its count and size caps.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { getInput, getInputEntry, listInputs, setInputValue } from "../../model/engine/scenario/paths";
import { fisAsPublished } from "../../model/built-ins";
import { addCostLine } from "../../model/engine/scenario/cost-lines";
import { capHistory, diff, HISTORY_LIMITS, redoStep, stepBetween, undoStep, type Step } from "../../renderer/state/history";
import { activeEntry, initialState, reducer, type AppState } from "../../renderer/state/store";

const RAISE = "items.baseSalary.steps.2025-10-01.amount";

describe("patches", () => {
  it("an input edit is recorded as the few values that changed, not the scenario", () => {
    const a = fisAsPublished();
    const b = setInputValue(a, RAISE, "0.045");
    const step = stepBetween(a, b)!;
    // The value and its source (kind, ref, note) changed; nothing else.
    expect(step.changes.map((c) => c.path.join(".")).sort()).toEqual(
      ["value", "source.kind", "source.ref", "source.note"].map((k) => `items.0.steps.1.amount.${k}`).sort(),
    );
    // Under 600 characters, against ~14,000 for the scenario itself.
    expect(step.size).toBeLessThan(600);
    expect(step.size * 20).toBeLessThan(JSON.stringify(a).length);
    expect(undoStep(b, step)).toEqual(a);
    expect(redoStep(a, step)).toEqual(b);
  });

  it("applying a step copies only the changed path and shares the rest", () => {
    const a = fisAsPublished();
    const b = setInputValue(a, RAISE, "0.045");
    const back = undoStep(b, stepBetween(a, b)!);
    expect(back.groups).toBe(b.groups);
    expect(back.items[1]).toBe(b.items[1]);
    expect(back.items[0]).not.toBe(b.items[0]);
  });

  it("keys added or removed, arrays that grow or shrink, and type changes round-trip", () => {
    const a = { x: 1, list: [1, 2, 3], nested: { keep: "k", drop: "d" }, t: [1] };
    const b = { x: 1, list: [1, 2], nested: { keep: "k", add: { deep: true } }, t: { now: "object" }, extra: null };
    const step = stepBetween(a, b)!;
    expect(redoStep(a, step)).toEqual(b);
    expect(undoStep(b, step)).toEqual(a);
    expect(stepBetween(a, structuredClone(a))).toBeNull();
  });

  it("property: for random edits to the reference scenario, redo(a) = b and undo(b) = a", () => {
    const paths = listInputs(fisAsPublished()).map((e) => e.path);
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...paths), fc.integer({ min: 0, max: 99_999 })), { minLength: 1, maxLength: 6 }),
        (edits) => {
          const a = fisAsPublished();
          let b = a;
          for (const [path, n] of edits) b = setInputValue(b, path, getInputEntry(b, path)!.unit === "rate" ? `0.${n}` : String(n));
          const step = stepBetween(a, b);
          // An edit to the value already there changes nothing (fast-check reads a returned false as a failure, so nothing is returned).
          if (!step) {
            expect(diff(a, b)).toEqual([]);
            return;
          }
          expect(redoStep(a, step)).toEqual(b);
          expect(undoStep(b, step)).toEqual(a);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("a structural change (a cost line added) round-trips too", () => {
    const a = fisAsPublished();
    const added = addCostLine(a, { label: "Stipends", item: { kind: "fixedAmounts", amounts: { FY2025: "1000" } } });
    if (!added.ok) throw new Error(added.errors.map((e) => e.message).join("; "));
    expect(added.scenario.items.length).toBe(a.items.length + 1);
    const step = stepBetween(a, added.scenario)!;
    expect(redoStep(a, step)).toEqual(added.scenario);
    expect(undoStep(added.scenario, step)).toEqual(a);
  });
});

describe("history caps", () => {
  const step = (size: number): Step => ({ changes: [], size });

  it("keeps at most HISTORY_LIMITS.steps steps, dropping the oldest", () => {
    const steps = Array.from({ length: HISTORY_LIMITS.steps + 5 }, (_, i) => step(i));
    const kept = capHistory(steps);
    expect(kept).toHaveLength(HISTORY_LIMITS.steps);
    expect(kept[0]).toBe(steps[5]);
  });

  it("keeps at most HISTORY_LIMITS.size characters of changes, but always the newest step", () => {
    const big = HISTORY_LIMITS.size / 4;
    const kept = capHistory([step(big), step(big), step(big), step(big), step(big)]);
    expect(kept).toHaveLength(4);
    expect(capHistory([step(HISTORY_LIMITS.size * 3)])).toHaveLength(1);
  });

  it("undo goes back 1,000 edits on one scenario, and no further", () => {
    let s: AppState = reducer(initialState(), { type: "newFrom", key: "fis" });
    const first = activeEntry(s).scenario;
    const texts: string[] = [];
    for (let i = 0; i < HISTORY_LIMITS.steps + 20; i++) {
      // 2.000% .. 3.019%: every edit changes the value.
      const text = `${(2 + i / 1000).toFixed(3)}%`;
      texts.push(text);
      s = reducer(s, { type: "edit", edits: [{ path: RAISE, text }] });
    }
    expect(activeEntry(s).past).toHaveLength(HISTORY_LIMITS.steps);
    for (let i = 0; i < HISTORY_LIMITS.steps; i++) s = reducer(s, { type: "undo" });
    // 1,020 edits, 1,000 undone: the value of edit 20 (index 19), never the copy's first state.
    expect(getInput(activeEntry(s).scenario, RAISE)!.value).toBe("0.02019");
    expect(activeEntry(s).scenario).not.toEqual(first);
    expect(reducer(s, { type: "undo" }).notice?.text).toBe("Nothing to undo.");
    for (let i = 0; i < HISTORY_LIMITS.steps; i++) s = reducer(s, { type: "redo" });
    expect(getInput(activeEntry(s).scenario, RAISE)!.value).toBe("0.03019");
  });
});
