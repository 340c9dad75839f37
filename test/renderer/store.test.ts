import { describe, expect, it } from "vitest";
import { getInput, setInputValue } from "../../model/engine/scenario/paths";
import { activeEntry, cellErrorKey, initialState, reducer, type Action, type AppState } from "../../renderer/state/store";
import { parseAutosave } from "../../renderer/state/autosave";
import { autosaveText } from "../../renderer/state/store";

const RAISE = "items.baseSalary.steps.2025-10-01.amount";
const run = (actions: Action[], state: AppState = initialState()) => actions.reduce(reducer, state);

describe("store", () => {
  it("opens on the read-only FIS as published", () => {
    const s = initialState();
    expect(activeEntry(s).scenario.name).toBe("FIS as published");
    expect(activeEntry(s).builtIn).toBe(true);
  });

  it("an edit on a built-in lands in a named copy, leaving the built-in as it was", () => {
    const s = run([{ type: "edit", edits: [{ path: RAISE, text: "4%" }] }]);
    const copy = activeEntry(s);
    expect(copy.builtIn).toBe(false);
    expect(copy.scenario.name).toBe("FIS as published (copy)");
    expect(getInput(copy.scenario, RAISE)?.value).toBe("0.04");
    expect(getInput(copy.scenario, RAISE)?.source.kind).toBe("user");
    expect(getInput(s.entries[0]!.scenario, RAISE)?.value).toBe("0.03");
    expect(s.notice?.text).toContain("read-only");
    expect(copy.dirty).toBe(true);
  });

  it("undo and redo step through edits", () => {
    let s = run([
      { type: "edit", edits: [{ path: RAISE, text: "4%" }] },
      { type: "edit", edits: [{ path: RAISE, text: "5%" }] },
    ]);
    expect(getInput(activeEntry(s).scenario, RAISE)?.value).toBe("0.05");
    s = run([{ type: "undo" }], s);
    expect(getInput(activeEntry(s).scenario, RAISE)?.value).toBe("0.04");
    s = run([{ type: "undo" }], s);
    expect(getInput(activeEntry(s).scenario, RAISE)?.value).toBe("0.03");
    s = run([{ type: "redo" }, { type: "redo" }], s);
    expect(getInput(activeEntry(s).scenario, RAISE)?.value).toBe("0.05");
  });

  it("rejects junk and out-of-range values, marking the cell and keeping the scenario", () => {
    const s0 = initialState();
    const s = run([{ type: "edit", edits: [{ path: RAISE, text: "abc" }] }], s0);
    expect(activeEntry(s).scenario).toBe(activeEntry(s0).scenario);
    expect(s.entries).toHaveLength(2);
    expect(s.cellErrors[cellErrorKey("fis", RAISE)]?.message).toContain("not a number");
    expect(s.notice?.kind).toBe("error");
    const t = run([{ type: "edit", edits: [{ path: "groups.wtu.members", text: "-5" }] }]);
    expect(t.entries).toHaveLength(2);
    expect(t.notice?.text).toContain("cannot be negative");
  });

  it("a pasted column applies the good values as one undo step and reports the bad", () => {
    const s = run([
      {
        type: "edit",
        edits: [
          { path: "items.baseSalary.steps.2024-10-01.amount", text: "2.5%" },
          { path: "items.baseSalary.steps.2025-10-01.amount", text: "x" },
          { path: "items.baseSalary.steps.2026-10-01.amount", text: "3.5%" },
        ],
      },
    ]);
    const e = activeEntry(s);
    expect(getInput(e.scenario, "items.baseSalary.steps.2024-10-01.amount")?.value).toBe("0.025");
    expect(getInput(e.scenario, "items.baseSalary.steps.2026-10-01.amount")?.value).toBe("0.035");
    expect(e.past).toHaveLength(1);
    expect(s.notice?.text).toContain('Rejected "x"');
    expect(s.notice?.text).toContain("new copy");
  });

  it("creates, renames and deletes user scenarios but never a built-in", () => {
    let s = run([{ type: "newFrom", key: "stated" }]);
    const key = s.activeKey;
    expect(activeEntry(s).scenario.name).toBe("Contract terms as stated (copy)");
    s = run(
      [
        { type: "rename", key, name: "Mine" },
        { type: "delete", key: "fis" },
      ],
      s,
    );
    expect(activeEntry(s).scenario.name).toBe("Mine");
    expect(s.entries).toHaveLength(3);
    s = run([{ type: "delete", key }], s);
    expect(s.entries.map((e) => e.key)).toEqual(["fis", "stated"]);
  });

  it("autosave text round-trips the user scenarios", () => {
    const s = run([{ type: "edit", edits: [{ path: RAISE, text: "4%" }] }]);
    const back = parseAutosave(autosaveText(s));
    expect(back.ok && back.scenarios.map((x) => x.name)).toEqual(["FIS as published (copy)"]);
    expect(parseAutosave("{").ok).toBe(false);
    const good = activeEntry(s).scenario;
    const mixed = parseAutosave(
      JSON.stringify({ version: 1, scenarios: [good, setInputValue(good, "table.lines.localPortion.rate", "lots")] }),
    );
    expect(mixed.ok && mixed.scenarios.length).toBe(1);
    expect(mixed.ok && mixed.skipped[0]).toContain("autosave scenario 2");
  });
});

describe("store: cost lines and added scenarios", () => {
  const FICA = {
    label: "FICA 7.65% on base salary",
    item: { kind: "payRate" as const, rate: "0.0765", appliesTo: ["baseSalary"], startFiscalYear: 2027 },
  };

  it("adding a line to a built-in lands in a copy, one undo step, its input editable and jumped to", () => {
    let s = run([{ type: "addCostLine", line: FICA }]);
    const copy = activeEntry(s);
    expect(copy.builtIn).toBe(false);
    expect(copy.scenario.table.lines.map((l) => l.id)).toContain("ficaOnBaseSalary");
    expect(s.entries[0]!.scenario.table.lines.map((l) => l.id)).not.toContain("ficaOnBaseSalary");
    expect(s.notice?.text).toContain('Added the line "FICA 7.65% on base salary"');
    expect(s.jump?.path).toBe("items.ficaOnBaseSalary.rate");
    s = run([{ type: "edit", edits: [{ path: "items.ficaOnBaseSalary.rate", text: "6.2%" }] }], s);
    expect(getInput(activeEntry(s).scenario, "items.ficaOnBaseSalary.rate")?.value).toBe("0.062");
    s = run([{ type: "undo" }, { type: "undo" }], s);
    expect(activeEntry(s).scenario.table.lines.map((l) => l.id)).not.toContain("ficaOnBaseSalary");
    s = run([{ type: "redo" }], s);
    expect(getInput(activeEntry(s).scenario, "items.ficaOnBaseSalary.rate")?.value).toBe("0.0765");
  });

  it("a refused change leaves the scenario alone and says why", () => {
    const before = run([{ type: "newFrom", key: "fis" }]);
    const s = run([{ type: "addCostLine", line: { ...FICA, item: { ...FICA.item, rate: "2" } } }], before);
    expect(activeEntry(s).scenario).toBe(activeEntry(before).scenario);
    expect(activeEntry(s).past).toHaveLength(0);
    expect(s.notice?.kind).toBe("error");
    expect(s.notice?.text).toMatch(/outside 0 to 1/);
  });

  it("removing a line is one undo step; removing a line others depend on names them", () => {
    let s = run([
      { type: "newFrom", key: "fis" },
      { type: "addCostLine", line: FICA },
      { type: "removeCostLine", lineId: "ficaOnBaseSalary" },
    ]);
    expect(activeEntry(s).scenario.table.lines.map((l) => l.id)).not.toContain("ficaOnBaseSalary");
    s = run([{ type: "undo" }], s);
    expect(activeEntry(s).scenario.table.lines.map((l) => l.id)).toContain("ficaOnBaseSalary");
    // Medicare and FICA apply to base salary alone: removing it would leave both rates on nothing, so it is refused, naming them.
    s = run([{ type: "removeCostLine", lineId: "baseSalaryIncreases" }], s);
    expect(s.notice?.text).toContain('"Medicare (employer)" applies only to its items');
    expect(s.notice?.details?.join("\n")).toContain('"FICA 7.65% on base salary" applies only to its items');
    expect(activeEntry(s).scenario.table.lines.map((l) => l.id)).toContain("baseSalaryIncreases");
  });

  it("addScenario adds a user scenario with the source as its baseline and makes it active", () => {
    const base = initialState();
    const made = { ...base.entries[0]!.scenario, id: "solved", name: "Goal seek: uniform raise 2.10% (FIS as published)" };
    const s = run([{ type: "addScenario", scenario: made, from: "fis", what: "Created the goal-seek scenario" }], base);
    const e = activeEntry(s);
    expect(e.builtIn).toBe(false);
    expect(e.scenario.name).toBe(made.name);
    expect(e.baselineName).toBe("FIS as published");
    expect(s.notice?.text).toBe(`Created the goal-seek scenario "${made.name}".`);
  });
});

describe("settings of the schedule method in the store", () => {
  const STEP = "scheduleMethod.entry.step";
  it("an edit of the replacement step lands in a copy as one undo step; undo restores the placement", () => {
    let s = run([{ type: "edit", edits: [{ path: STEP, text: "3" }] }]);
    const copy = activeEntry(s);
    expect(copy.builtIn).toBe(false);
    expect(copy.scenario.scheduleMethod!.entry!.step).toBe(3);
    expect(copy.scenario.scheduleMethod!.entry!.source?.kind).toBe("user");
    expect(copy.past).toHaveLength(1);
    s = run([{ type: "undo" }], s);
    expect(activeEntry(s).scenario.scheduleMethod!.entry).toEqual({ step: 1, lane: "Bachelors", yearsOfService: 1 });
  });

  it("a refused setting marks its cell with the reason, named by the setting's label", () => {
    const s = run([{ type: "edit", edits: [{ path: STEP, text: "0" }] }]);
    expect(s.entries).toHaveLength(2);
    expect(s.cellErrors[cellErrorKey("fis", STEP)]).toEqual({
      text: "0",
      message: "Replacement step: step 0 is below 1; replacements enter at step 1 to 16",
    });
    expect(s.notice?.text).toBe('Rejected "0": Replacement step: step 0 is below 1; replacements enter at step 1 to 16');
  });

  it("the same value again is no edit: no copy is made", () => {
    const s = run([{ type: "edit", edits: [{ path: STEP, text: "1" }] }]);
    expect(s.entries).toHaveLength(2);
    expect(s.notice).toBeNull();
  });

  it("the explanation's link to the entry placement jumps to the replacement step's row", () => {
    expect(run([{ type: "jump", path: "scheduleMethod.entry" }]).jump?.path).toBe(STEP);
    expect(run([{ type: "jump", path: "scheduleMethod.anniversary" }]).jump?.path).toBe("scheduleMethod.anniversary");
  });
});
