/** What the Compare tab opens on: the active scenario against its own baseline, never a built-in against itself. */
import { describe, expect, it } from "vitest";
import { listInputs } from "../../model/engine/scenario/paths";
import { fisAsPublished } from "../../model/built-ins";
import { compareSelection } from "../../renderer/state/compare-selection";
import { initialState, reducer, type Action, type AppState } from "../../renderer/state/store";

const RAISE = listInputs(fisAsPublished()).find((e) => e.param.label === "FY2026 base salary increase")!.path;
const run = (actions: Action[], state: AppState = initialState()) => actions.reduce(reducer, state);
const names = (s: AppState) => compareSelection(s).chosen.map((c) => c.name);

describe("compare selection", () => {
  it("a built-in is compared with the other built-in, never with itself", () => {
    expect(names(initialState())).toEqual(["Contract terms as stated", "FIS as published"]);
    expect(names(run([{ type: "select", key: "stated" }]))).toEqual(["FIS as published", "Contract terms as stated"]);
  });

  it("an edited copy is compared with the scenario it was copied from", () => {
    const s = run([{ type: "edit", edits: [{ path: RAISE, text: "4%" }] }]);
    const selection = compareSelection(s);
    expect(selection.following).toBe(true);
    expect(selection.chosen.map((c) => c.key)).toEqual(["fis", s.activeKey]);
    expect(names(s)).toEqual(["FIS as published", "FIS as published (copy)"]);
  });

  it("a baseline that is no longer in the list is still offered, under its own name", () => {
    const opened = { ...fisAsPublished(), id: "mine", name: "My file" };
    const s = run([{ type: "opened", scenario: opened }]);
    const selection = compareSelection(s);
    expect(selection.chosen.map((c) => c.name)).toEqual(["My file (as opened)", "My file"]);
    expect(selection.chosen[0]!.scenario).toBe(opened);
    expect(selection.choices.map((c) => c.name)).toContain("My file (as opened)");
  });

  it("a choice by hand stays until another scenario becomes active; then Compare follows it again", () => {
    let s = run([{ type: "edit", edits: [{ path: RAISE, text: "4%" }] }]);
    const copy = s.activeKey;
    s = run([{ type: "compareKeys", keys: ["stated", "fis", copy] }], s);
    expect(compareSelection(s).following).toBe(false);
    expect(names(s)).toEqual(["Contract terms as stated", "FIS as published", "FIS as published (copy)"]);
    s = run([{ type: "select", key: "stated" }], s);
    expect(compareSelection(s).following).toBe(true);
    expect(names(s)).toEqual(["FIS as published", "Contract terms as stated"]);
  });

  it("deleting a compared scenario drops it from the choice", () => {
    let s = run([{ type: "edit", edits: [{ path: RAISE, text: "4%" }] }]);
    const first = s.activeKey;
    s = run([{ type: "newFrom", key: "stated", name: "Second" }], s);
    s = run(
      [
        { type: "compareKeys", keys: ["fis", first, s.activeKey] },
        { type: "delete", key: first },
      ],
      s,
    );
    expect(names(s)).toEqual(["FIS as published", "Second"]);
  });
});
