import { describe, expect, it } from "vitest";
import { fisAsPublished } from "../../model/built-ins";
import { setInputValue } from "../../model/engine/scenario/paths";
import { setSettingValue } from "../../model/engine/scenario/settings";
import { inputRows, reuseUnchangedRows } from "../../renderer/grid/InputsGrid";
import { averageGroup, floorScenario, percentStep } from "../fixtures/raise-floor-scenario";

const FY2026_RAISE = "items.baseSalary.steps.2025-10-01.amount";

describe("reuseUnchangedRows", () => {
  it("keeps every row object but the edited one, so the grid redraws one row", () => {
    const base = fisAsPublished();
    const before = inputRows(base, base, () => undefined);
    const edited = setInputValue(base, FY2026_RAISE, "0.04");
    const after = reuseUnchangedRows(
      before,
      inputRows(edited, base, () => undefined),
    );
    const changed = after.filter((r, i) => r !== before[i]).map((r) => r.path);
    expect(changed).toEqual([FY2026_RAISE]);
    const row = after.find((r) => r.path === FY2026_RAISE)!;
    expect([row.value, row.edited, row.sourceKind]).toEqual(["0.04", true, "user"]);
  });

  it("a new error on a row is a change; rows are new when nothing came before", () => {
    const base = fisAsPublished();
    const before = reuseUnchangedRows(
      [],
      inputRows(base, base, () => undefined),
    );
    const error = { text: "abc", message: "not a number" } as never;
    const after = reuseUnchangedRows(
      before,
      inputRows(base, base, (p) => (p === FY2026_RAISE ? error : undefined)),
    );
    expect(after.filter((r, i) => r !== before[i]).map((r) => r.path)).toEqual([FY2026_RAISE]);
  });
});

describe("setting rows", () => {
  it("follow the separation rate and held share in the Schedule method section, ASSUMED, shown as written", () => {
    const base = fisAsPublished();
    const rows = inputRows(base, base, () => undefined);
    const schedule = rows.filter((r) => r.section === "Schedule method");
    expect(schedule.map((r) => [r.label, r.value, r.unit, r.setting ?? "input", r.sourceKind])).toEqual([
      ["Annual separation rate", "0.10", "share", "input", "assumed"],
      ["Share held on step each year (Art. 36.6.1)", "0.05", "share", "input", "assumed"],
      ["Replacement step", "1", "step", "whole number", "assumed"],
      ["Replacement lane", "Bachelors", "lane", "choice", "assumed"],
      ["Replacement years of service", "1", "years", "whole number", "assumed"],
      ["Step date", "10-01", "month-day (MM-DD)", "month-day", "assumed"],
    ]);
    expect(schedule.filter((r) => r.firstInSection)).toHaveLength(1);
    expect(schedule[3]!.choices!.split("\n")).toContain("Masters+30");
    expect(schedule[2]!.source).toMatch(/^ASSUMED: entry placement/);
  });

  it("an edited setting is marked edited against the baseline, the others kept as they were", () => {
    const base = fisAsPublished();
    const before = inputRows(base, base, () => undefined);
    const r = setSettingValue(base, "scheduleMethod.entry.step", "3");
    if (!r.ok) throw new Error(r.message);
    const after = reuseUnchangedRows(
      before,
      inputRows(r.scenario, base, () => undefined),
    );
    const step = after.find((x) => x.path === "scheduleMethod.entry.step")!;
    expect([step.value, step.baseline, step.edited, step.sourceKind]).toEqual(["3", "1", true, "user"]);
    // The placement's one source is now the user's: the lane and years rows say so too; no input row changed.
    expect(after.filter((x, i) => x !== before[i]).map((x) => x.path)).toEqual([
      "scheduleMethod.entry.step",
      "scheduleMethod.entry.lane",
      "scheduleMethod.entry.yearsOfService",
    ]);
  });
});

describe("the Source column in words", () => {
  it("names the kind only where the reference does not ('FIS p.2', not 'fis · FIS p.2'; 'Contract · Art. 36.2')", () => {
    const rows = inputRows(fisAsPublished(), fisAsPublished(), () => undefined);
    const sources = rows.map((r) => r.source);
    expect(sources.some((t) => /^fis\b/.test(t))).toBe(false);
    expect(sources.some((t) => /^FIS p\.\d/.test(t))).toBe(true);
    const members = rows.find((r) => r.path === "groups.wtu.members")!;
    expect(members.source).toMatch(/^FIS p\.\d/);
    const raise = rows.find((r) => r.path === FY2026_RAISE)!;
    expect(raise.source).toMatch(/^Contract · Art\. 36/);
  });
});

describe("an edited input's source", () => {
  it("reads as the edit, the value it replaced in its unit and where that came from, once each", () => {
    const base = fisAsPublished();
    const twice = setInputValue(setInputValue(base, FY2026_RAISE, "0.037"), FY2026_RAISE, "0.041");
    const row = inputRows(twice, base, () => undefined).find((r) => r.path === FY2026_RAISE)!;
    expect(row.source).toBe("edited by you · was 3.7%, Art. 36.2.1");
  });
});

describe("a raise's dollar floor and cap", () => {
  it("are rows of the Raises section, with the file's labels and their unit, after the step's rate", () => {
    const s = floorScenario([averageGroup("100", "30000")], [percentStep(2025, "0.03", { atLeast: "1000", atMost: "2000" })]);
    const rows = inputRows(s, s, () => undefined).filter((r) => r.path.startsWith("items.cola."));
    expect(rows.map((r) => [r.path, r.label, r.unit, r.section, r.value])).toEqual([
      ["items.cola.steps.2024-10-01.amount", "FY2025 raise", "rate", "Raises", "0.03"],
      ["items.cola.steps.2024-10-01.atLeast", "FY2025 raise floor", "USD/year", "Raises", "1000"],
      ["items.cola.steps.2024-10-01.atMost", "FY2025 raise cap", "USD/year", "Raises", "2000"],
    ]);
  });
});
