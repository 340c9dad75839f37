/**
 * Typing into the inputs grid, through the store: formulas evaluated exactly and kept beside their
 * value (through autosave and a saved file), their result validated like a typed number, and
 * rejections worded in the units the user typed.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { computeTable } from "../../model/engine/compute";
import { withScheduleMethod } from "../../model/engine/schedule/with-method";
import { importCensus } from "../../model/io/census-import";
import { getInput } from "../../model/engine/scenario/paths";
import { parseScenarioJson, serializeScenario } from "../../model/engine/scenario/schema";
import { parseAutosave } from "../../renderer/state/autosave";
import {
  activeEntry,
  autosaveText,
  cellErrorKey,
  initialState,
  reducer,
  windowTitle,
  type Action,
  type AppState,
} from "../../renderer/state/store";

const RAISE = "items.baseSalary.steps.2025-10-01.amount";
const SALARY = "groups.wtu.averageSalary";
const MEMBERS = "groups.wtu.members";
const run = (actions: Action[], state: AppState = initialState()) => actions.reduce(reducer, state);
const edit = (path: string, text: string): Action => ({ type: "edit", edits: [{ path, text }] });

describe("formulas typed into inputs", () => {
  it("evaluates =105000*1.01, =5776-200 and =3%+0.5% exactly and keeps each formula", () => {
    const s = run([edit(SALARY, "=105000*1.01"), edit(MEMBERS, "=5776-200"), edit(RAISE, "=3%+0.5%")]);
    const scenario = activeEntry(s).scenario;
    expect(getInput(scenario, SALARY)).toMatchObject({ value: "106050", formula: "=105000*1.01" }); // 105,000 + 1,050
    expect(getInput(scenario, MEMBERS)).toMatchObject({ value: "5576", formula: "=5776-200" });
    expect(getInput(scenario, RAISE)).toMatchObject({ value: "0.035", formula: "=3%+0.5%" }); // 3.5% as a fraction
    expect(s.notice?.kind).not.toBe("error");
  });

  it("keeps the formula through autosave and a saved file, and the loader checks it", () => {
    const s = run([edit(SALARY, "=105000*1.01")]);
    const recovered = parseAutosave(autosaveText(s));
    expect(recovered.ok && getInput(recovered.scenarios[0]!, SALARY)).toMatchObject({ value: "106050", formula: "=105000*1.01" });
    const text = serializeScenario(activeEntry(s).scenario);
    const reopened = parseScenarioJson(text);
    expect(reopened.ok && getInput(reopened.value, SALARY)?.formula).toBe("=105000*1.01");
    // A file whose value is not its formula's result is refused, naming the field.
    const tampered = parseScenarioJson(text.replace('"value": "106050"', '"value": "106051"'));
    expect(tampered.ok).toBe(false);
    if (!tampered.ok)
      expect(tampered.errors.map((e) => e.message).join("\n")).toMatch(/106051 is not what its formula =105000\*1\.01 gives \(106050\)/);
  });

  it("a plain number typed over a formula drops the formula", () => {
    const s = run([edit(SALARY, "=105000*1.01"), edit(SALARY, "107000")]);
    expect(getInput(activeEntry(s).scenario, SALARY)).toMatchObject({ value: "107000" });
    expect(getInput(activeEntry(s).scenario, SALARY)?.formula).toBeUndefined();
  });

  it("validates the result against the field, and names what a formula did not understand", () => {
    const s = run([edit(RAISE, "=3+0.5")]);
    expect(s.entries).toHaveLength(2); // nothing applied, no copy made
    expect(s.cellErrors[cellErrorKey("fis", RAISE)]?.message).toMatch(/=3\+0\.5 gives 350% is above 100%/);
    const t = run([edit(SALARY, "=SUM(1,2)")]);
    expect(t.cellErrors[cellErrorKey("fis", SALARY)]?.message).toMatch(/"SUM\(" is not understood/);
    const u = run([edit(MEMBERS, "=100/3")]);
    expect(u.cellErrors[cellErrorKey("fis", MEMBERS)]?.message).toMatch(/100 \/ 3 does not come out as an exact decimal/);
  });
});

describe("rejections speak in the units the user typed", () => {
  it.each([
    [RAISE, "-500%", /-500% is below -100%/],
    [MEMBERS, "1e400", /1e400 is too large/],
    [MEMBERS, "-5", /-5 is below 0, the lowest this input takes \(it cannot be negative\)/],
    ["table.lines.localPortion.rate", "150%", /150% is above 100%/],
  ])("%s = %s", (path, text, message) => {
    const s = run([edit(path, text)]);
    const error = s.cellErrors[cellErrorKey("fis", path)]?.message ?? "";
    expect(error).toMatch(message);
    // Never the file's notation.
    expect(error).not.toMatch(/write 3% as 0\.03|outside .* the range of this field/);
  });
});

describe("messages belong to their scenario", () => {
  it("a message clears when another scenario is picked", () => {
    const s = run([edit(RAISE, "abc")]);
    expect(s.notice?.kind).toBe("error");
    const t = run([{ type: "select", key: "stated" }], s);
    expect(t.notice).toBeNull();
    // Picking the scenario already active keeps its message.
    expect(run([{ type: "select", key: "fis" }], s).notice?.kind).toBe("error");
  });

  it("the window title names the scenario and says in words that it has unsaved changes", () => {
    expect(windowTitle({ name: "FIS as published", dirty: false, builtIn: true })).toBe("FIS as published — Fiscal Impact Studio");
    const edited = windowTitle({ name: "Untitled scenario", dirty: true, builtIn: false });
    expect(edited).toBe("Untitled scenario (unsaved changes) — Fiscal Impact Studio");
    expect(edited).not.toMatch(/•|\s{2}/);
  });
});

describe("an imported census belongs to the scenario it prices", () => {
  const sample = () => {
    const parsed = importCensus(new Uint8Array(readFileSync("examples/census/sample-census.csv")), "sample-census.csv");
    if (!parsed.ok) throw new Error("the sample census does not import");
    return parsed.value;
  };

  it("imported into a schedule-method scenario, it is embedded with its hash and survives autosave", () => {
    const census = sample();
    let s = run([{ type: "replaceScenario", scenario: withScheduleMethod(initialState().entries[0]!.scenario), what: "Schedule." }]);
    s = run([{ type: "census", census, fileName: "sample-census.csv" }], s);
    const block = activeEntry(s).scenario.scheduleMethod!;
    expect("sha256" in block.census && block.census.label).toBe("sample-census.csv");
    expect(s.notice?.text).toContain("saved with the scenario");
    const recovered = parseAutosave(autosaveText(s));
    const back = recovered.ok ? recovered.scenarios[0]! : undefined;
    expect(
      back &&
        computeTable(back)
          .lines.find((l) => l.id === "totalCost")!
          .cells.Total!.display.toString(),
    ).toBe(
      computeTable(withScheduleMethod(initialState().entries[0]!.scenario, census))
        .lines.find((l) => l.id === "totalCost")!
        .cells.Total!.display.toString(),
    );
    // One undo step takes it out again.
    const undone = run([{ type: "undo" }], s);
    expect("reference" in activeEntry(undone).scenario.scheduleMethod!.census).toBe(true);
  });

  it("imported while an average-salary scenario is on screen, it changes no scenario and says how to use it", () => {
    const s = run([{ type: "census", census: sample(), fileName: "sample-census.csv" }]);
    expect(s.entries).toHaveLength(2);
    expect(activeEntry(s).past).toEqual([]);
    expect(s.notice?.text).toContain("choose the schedule method");
  });
});

describe("a whole-scenario change that would leave the scenario invalid", () => {
  it("the schedule method on a COLA in FY2026-FY2027 (census of FY2024) is not applied, and the message says why", () => {
    const parsed = parseScenarioJson(readFileSync("examples/sparks-nv-2024-cola/scenario.json", "utf8"));
    if (!parsed.ok) throw new Error("the example does not parse");
    let s = run([{ type: "addScenario", scenario: parsed.value, from: initialState().entries[0]!.key, what: "Opened." }]);
    const before = activeEntry(s).scenario;
    s = run([{ type: "replaceScenario", scenario: withScheduleMethod(before), what: "Salary method: schedule. Priced on the census." }], s);
    expect(activeEntry(s).scenario).toBe(before);
    expect(s.notice?.kind).toBe("error");
    expect(s.notice?.text).toBe("Nothing was applied: Salary method: schedule would leave the scenario invalid.");
    expect(s.notice?.details?.[0]).toMatch(/^field items\.cola\.steps: the schedule method prices the census \(as of FY2024\)/);
  });
});
