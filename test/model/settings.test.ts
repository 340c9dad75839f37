/**
 * The schedule method's settings (replacement step, lane, years of service, step date): listed
 * with their values and sources, defaults shown when the file names none, each set by path with
 * the value checked and refused in the user's terms, the scenario copied only where it changed,
 * and the turnover line moving the way a higher entry step must move it.
 */
import { describe, expect, it } from "vitest";
import { fisAsPublished } from "../../model/built-ins";
import {
  checkScenario,
  computeTable,
  isSettingPath,
  listInputs,
  listSettings,
  setSettingValue,
  settingRowPath,
  type Scenario,
  type SettingResult,
} from "../../model/engine";

const bySchedule = (s: Scenario = fisAsPublished()): Scenario => ({ ...s, settings: { ...s.settings, salaryMethod: "schedule" } });
/** The same scenario with no placement and no step date: every setting at the engine's default. */
function bare(): Scenario {
  const s = bySchedule();
  const { entry: _e, anniversary: _a, anniversarySource: _s, ...block } = s.scheduleMethod!;
  return { ...s, scheduleMethod: block };
}
const values = (s: Scenario) => listSettings(s).map((e) => [e.label, e.value, e.isDefault, e.source.kind]);
function ok(r: SettingResult<Scenario>): Scenario {
  if (!r.ok) throw new Error(r.message);
  return r.scenario;
}
function refused(r: SettingResult<Scenario>): string {
  if (r.ok) throw new Error("accepted");
  return r.message;
}
const turnover = (s: Scenario, column: string) =>
  computeTable(s)
    .lines.find((l) => l.id === "baseSalaryIncreasesTurnover")!
    .cells[column]!.exact.toNumber();

describe("listing the settings", () => {
  it("shows the engine's defaults when the file names none: step 1, the first lane, 1 year, the year's first day; all ASSUMED", () => {
    // The DC calendar starts its fiscal year in October, so steps move on 10-01 by default.
    expect(values(bare())).toEqual([
      ["Replacement step", "1", true, "assumed"],
      ["Replacement lane", "Bachelors", true, "assumed"],
      ["Replacement years of service", "1", true, "assumed"],
      ["Step date", "10-01", true, "assumed"],
    ]);
  });

  it("shows the file's placement, still ASSUMED when the file gives no source", () => {
    // fis-as-published.json names {"step": 1, "lane": "Bachelors", "yearsOfService": 1} without a source.
    expect(values(bySchedule())).toEqual([
      ["Replacement step", "1", false, "assumed"],
      ["Replacement lane", "Bachelors", false, "assumed"],
      ["Replacement years of service", "1", false, "assumed"],
      ["Step date", "10-01", true, "assumed"],
    ]);
  });

  it("offers the schedules' lanes and steps 1 to 16, and are never inputs of the fast path", () => {
    const [step, lane] = listSettings(bySchedule());
    // The printed ET-15 tables' lanes; their columns run 1..11, 12-15, 16 (EG-09: 1..9, 10-16): the top step is 16.
    expect(lane!.choices).toEqual(["Bachelors", "Bachelors+15", "Bachelors+30/Masters", "Masters+30", "Masters+60/PhD"]);
    expect(step!.allowed).toBe("a whole step from 1 to 16");
    const inputs = new Set(listInputs(bySchedule()).map((e) => e.path));
    for (const e of listSettings(bySchedule())) expect(inputs.has(e.path), e.path).toBe(false);
  });

  it("none without a schedule-method block; the entry placement's link lands on the step row", () => {
    const { scheduleMethod: _m, ...s } = fisAsPublished();
    expect(listSettings(s as Scenario)).toEqual([]);
    expect(settingRowPath("scheduleMethod.entry")).toBe("scheduleMethod.entry.step");
    expect(settingRowPath("scheduleMethod.anniversary")).toBe("scheduleMethod.anniversary");
    expect(isSettingPath("scheduleMethod.entry.lane")).toBe(true);
    expect(isSettingPath("scheduleMethod.separationRate")).toBe(false);
  });
});

describe("setting a value", () => {
  it("the step: a new scenario with the placement's source now the user's; the old one untouched, the census shared", () => {
    const s = bySchedule();
    const next = ok(setSettingValue(s, "scheduleMethod.entry.step", " 3 "));
    expect(next.scheduleMethod!.entry).toEqual({
      step: 3,
      lane: "Bachelors",
      yearsOfService: 1,
      source: { kind: "user", ref: "edited", note: "was step 1, assumed entry placement" },
    });
    expect(s.scheduleMethod!.entry!.step).toBe(1);
    expect(next.scheduleMethod!.census).toBe(s.scheduleMethod!.census);
    expect(next.items).toBe(s.items);
    expect(checkScenario(next)).toEqual([]);
    expect(values(next)[0]).toEqual(["Replacement step", "3", false, "user"]);
  });

  it("the lane (matched whatever its case), years of service and step date", () => {
    const lane = ok(setSettingValue(bare(), "scheduleMethod.entry.lane", "masters+30"));
    // The file named no placement: the others keep the defaults, now written out.
    expect(lane.scheduleMethod!.entry).toMatchObject({ step: 1, lane: "Masters+30", yearsOfService: 1 });
    expect(lane.scheduleMethod!.entry!.source!.note).toBe("was lane Bachelors, assumed entry placement");
    const years = ok(setSettingValue(bare(), "scheduleMethod.entry.yearsOfService", "0"));
    expect(years.scheduleMethod!.entry).toMatchObject({ step: 1, yearsOfService: 0 });
    expect(years.scheduleMethod!.entry!.lane).toBeUndefined();
    const date = ok(setSettingValue(bare(), "scheduleMethod.anniversary", "1/15"));
    expect(date.scheduleMethod!.anniversary).toBe("01-15");
    expect(date.scheduleMethod!.anniversarySource).toEqual({ kind: "user", ref: "edited", note: "was 10-01, assumed step date" });
    expect(values(date)[3]).toEqual(["Step date", "01-15", false, "user"]);
    for (const s of [lane, years, date]) expect(checkScenario(s)).toEqual([]);
  });

  it("an unchanged value (also the default typed out) returns the same scenario object", () => {
    const s = bySchedule();
    expect(ok(setSettingValue(s, "scheduleMethod.entry.step", "1"))).toBe(s);
    expect(ok(setSettingValue(s, "scheduleMethod.entry.lane", "Bachelors"))).toBe(s);
    const b = bare();
    expect(ok(setSettingValue(b, "scheduleMethod.entry.yearsOfService", "1"))).toBe(b);
    expect(ok(setSettingValue(b, "scheduleMethod.anniversary", "10-1"))).toBe(b);
  });

  it("refuses what is not a placement or a day, saying what is allowed", () => {
    const s = bySchedule();
    const step = (t: string) => refused(setSettingValue(s, "scheduleMethod.entry.step", t));
    expect(step("0")).toBe("step 0 is below 1; replacements enter at step 1 to 16");
    expect(step("17")).toBe("step 17 is above 16, the schedules' top step; replacements enter at step 1 to 16");
    expect(step("2.5")).toBe('"2.5" is not a whole number; replacements enter at step 1 to 16');
    expect(step("")).toBe('"" is not a whole number; replacements enter at step 1 to 16');
    const years = (t: string) => refused(setSettingValue(s, "scheduleMethod.entry.yearsOfService", t));
    expect(years("-1")).toBe("-1 years is below 0; replacements enter with 0 to 60 years of service");
    expect(years("61")).toBe("61 years is above 60; replacements enter with 0 to 60 years of service");
    expect(refused(setSettingValue(s, "scheduleMethod.entry.lane", "PhD"))).toBe(
      '"PhD" is not a lane of the salary schedules; choose Bachelors, Bachelors+15, Bachelors+30/Masters, Masters+30, Masters+60/PhD',
    );
    const date = (t: string) => refused(setSettingValue(s, "scheduleMethod.anniversary", t));
    expect(date("02-30")).toBe('"02-30": February has days 1 to 28; write the step date as MM-DD, e.g. 10-01');
    expect(date("13-01")).toBe('"13-01": month 13 is not 1 to 12; write the step date as MM-DD, e.g. 10-01');
    expect(date("02-29")).toBe("02-29 is not in every year and steps move on one date each year; choose 02-28 or 03-01");
    expect(date("Oct 1")).toBe('"Oct 1" is not a month and day; write the step date as MM-DD, e.g. 10-01');
    expect(refused(setSettingValue(s, "scheduleMethod.separationRate", "3"))).toBe(
      "scheduleMethod.separationRate is not a setting of this scenario",
    );
  });
});

describe("the costing follows the settings", () => {
  it("replacements entering at step 3 instead of 1 cost more, so the turnover savings shrink in every year", () => {
    const s = bySchedule();
    const at3 = ok(setSettingValue(s, "scheduleMethod.entry.step", "3"));
    for (const fy of ["FY2025", "FY2026", "FY2027", "FY2028"]) {
      const before = turnover(s, fy);
      const after = turnover(at3, fy);
      // Savings are negative: a dearer replacement leaves less saved, a smaller magnitude.
      expect(before, fy).toBeLessThan(0);
      expect(after, fy).toBeGreaterThan(before);
      expect(after, fy).toBeLessThan(0);
    }
  });

  it("a later step date moves the step line; the step line does not depend on the replacement placement", () => {
    const s = bySchedule();
    const later = ok(setSettingValue(s, "scheduleMethod.anniversary", "04-01"));
    const steps = (x: Scenario) =>
      computeTable(x)
        .lines.find((l) => l.id === "baseSalaryIncreasesSteps")!
        .cells["FY2026"]!.exact.toNumber();
    // Half a year on the old step before moving up: the FY2026 step cost is lower.
    expect(steps(later)).toBeLessThan(steps(s));
    expect(steps(ok(setSettingValue(s, "scheduleMethod.entry.step", "3")))).toBe(steps(s));
  });
});
