/**
 * An edited input's source says what it was, in its unit as the inputs grid shows it (3%, not
 * 0.03), and where the value came from before any edit: a second edit keeps the contract or FIS
 * reference instead of pointing at the first edit ("was 0.037, edited").
 */
import { describe, expect, it } from "vitest";
import { fisAsPublished } from "../../model/built-ins";
import { getInputEntry, setInputValue } from "../../model/engine/scenario/paths";
import { setSettingValue } from "../../model/engine/scenario/settings";

const FY2026_RAISE = "items.baseSalary.steps.2025-10-01.amount";
const AVERAGE_SALARY = "groups.wtu.averageSalary";
const MEMBERS = "groups.wtu.members";

const sourceOf = (scenario: ReturnType<typeof fisAsPublished>, path: string) => getInputEntry(scenario, path)!.param.source;

describe("the source of an edited input", () => {
  it("names the value it replaced in its unit, and the reference it first came from, edit after edit", () => {
    const base = fisAsPublished();
    const contract = sourceOf(base, FY2026_RAISE);
    expect(contract.kind).toBe("contract");
    const once = setInputValue(base, FY2026_RAISE, "0.037");
    expect(sourceOf(once, FY2026_RAISE)).toEqual({ kind: "user", ref: "edited", note: `was 3%, ${contract.ref}` });
    const twice = setInputValue(once, FY2026_RAISE, "0.041");
    expect(sourceOf(twice, FY2026_RAISE)).toEqual({ kind: "user", ref: "edited", note: `was 3.7%, ${contract.ref}` });
  });

  it("writes money with $ and thousands separators, counts grouped, and a calibration as calibrated", () => {
    const base = fisAsPublished();
    expect(sourceOf(base, AVERAGE_SALARY).kind).toBe("calibrated");
    const once = setInputValue(base, AVERAGE_SALARY, "106000");
    expect(sourceOf(once, AVERAGE_SALARY).note).toBe("was $105,271.5, calibrated");
    const salary = setInputValue(once, AVERAGE_SALARY, "107000");
    expect(sourceOf(salary, AVERAGE_SALARY).note).toBe("was $106,000, calibrated");
    const fis = sourceOf(base, MEMBERS);
    const members = setInputValue(base, MEMBERS, "6000");
    expect(sourceOf(members, MEMBERS).note).toBe(`was 5,776, ${fis.ref}`);
  });

  it("keeps a setting's first source too", () => {
    const base = fisAsPublished();
    // The settings are the schedule method's.
    const bySchedule = { ...base, settings: { ...base.settings, salaryMethod: "schedule" as const } };
    const first = setSettingValue(bySchedule, "scheduleMethod.entry.step", "3");
    if (!first.ok) throw new Error(first.message);
    const second = setSettingValue(first.scenario, "scheduleMethod.entry.step", "4");
    if (!second.ok) throw new Error(second.message);
    expect(second.scenario.scheduleMethod!.entry!.source).toEqual({
      kind: "user",
      ref: "edited",
      note: "was step 3, assumed entry placement",
    });
  });
});
