/**
 * The census belongs to the scenario: embedded with a content hash checked on open, or the
 * reference census named explicitly. A changed census is reported with its field path; a
 * schedule-method scenario without a census is refused, never silently given the reference one.
 */
import { describe, expect, it } from "vitest";
import { fisAsPublished } from "../../model/built-ins";
import {
  assertCensus,
  censusHash,
  computeTable,
  embedCensus,
  parseScenarioJson,
  referenceCensus,
  serializeScenario,
  syntheticCensus,
  validateScenario,
  withScheduleMethod,
} from "../../model/engine";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;
const bySchedule = (): Json => JSON.parse(serializeScenario(withScheduleMethod(fisAsPublished())));

describe("the census in the scenario", () => {
  it("the DC files name the reference census explicitly, and a schedule-method copy keeps it", () => {
    expect(fisAsPublished().scheduleMethod?.census).toEqual({ reference: "synthetic" });
    expect(validateScenario(bySchedule()).ok).toBe(true);
  });

  it("a schedule-method scenario without a census is refused", () => {
    const s = bySchedule();
    delete s.scheduleMethod;
    const r = validateScenario(s);
    expect(!r.ok && r.errors).toContainEqual({
      field: "scheduleMethod",
      message: expect.stringMatching(/needs a scheduleMethod block with its census/),
    });
  });

  it("an embedded census round-trips through save and open and costs the same as passing it in", () => {
    const census = assertCensus(syntheticCensus(800, 3));
    const s = withScheduleMethod(fisAsPublished(), census);
    const reopened = parseScenarioJson(serializeScenario(s), "saved.json");
    expect(reopened.ok, JSON.stringify(!reopened.ok && reopened.errors)).toBe(true);
    if (!reopened.ok) return;
    const fromFile = computeTable(reopened.value).lines.map((l) => l.cells.Total!.exact.toString());
    const passed = computeTable(withScheduleMethod(fisAsPublished()), { scheduleMethod: { census } }).lines.map((l) =>
      l.cells.Total!.exact.toString(),
    );
    expect(fromFile).toEqual(passed);
    // and it differs from the reference census's table, so the check above could tell them apart
    expect(fromFile).not.toEqual(computeTable(withScheduleMethod(fisAsPublished())).lines.map((l) => l.cells.Total!.exact.toString()));
  });

  it("a census changed after it was saved is reported at its hash, with the hash it now has", () => {
    const s = JSON.parse(serializeScenario(withScheduleMethod(fisAsPublished(), syntheticCensus(800, 3))));
    s.scheduleMethod.census.cells[0].headcount = String(Number(s.scheduleMethod.census.cells[0].headcount) + 1);
    const now = censusHash(s.scheduleMethod.census);
    const r = validateScenario(s, "edited.json");
    expect(!r.ok && r.errors).toContainEqual({
      file: "edited.json",
      field: "scheduleMethod.census.sha256",
      message: expect.stringContaining(`its SHA-256 is ${now}`),
    });
  });

  // An audit: a census in a file took 1e30 members, 5776.5, "5.776e3" and 999 years of service, which the import refuses.
  it("a census in a file is held to the import's rules: whole members up to 10,000,000, years of service 0 to 60, one message each", () => {
    const withCell = (cell: Partial<Record<"headcount" | "yearsOfService" | "step", unknown>>) => {
      const s = JSON.parse(serializeScenario(withScheduleMethod(fisAsPublished(), syntheticCensus(800, 3))));
      Object.assign(s.scheduleMethod.census.cells[0], cell);
      try {
        s.scheduleMethod.census.sha256 = censusHash(s.scheduleMethod.census);
      } catch {
        // An unreadable headcount has no canonical form to hash; validation must answer all the same (it threw).
      }
      const r = validateScenario(s, "census.json");
      return r.ok
        ? []
        : r.errors.filter((e) => e.field?.startsWith("scheduleMethod.census.cells.0")).map((e) => `${e.field}: ${e.message}`);
    };
    const members = 'must be a whole number of members from 0 to 10,000,000, written as a string of digits ("5776")';
    for (const headcount of ["1e30", "10000001", "5776.5", "5.776e3", " 5", "abc"])
      expect(withCell({ headcount }), headcount).toEqual([`scheduleMethod.census.cells.0.headcount: ${members}`]);
    expect(withCell({ headcount: "10000000" })).toEqual([]);
    expect(withCell({ yearsOfService: 999 })).toEqual([
      "scheduleMethod.census.cells.0.yearsOfService: a whole number of years from 0 to 60",
    ]);
    expect(withCell({ yearsOfService: 60 })).toEqual([]);
    // Zod said only "scheduleMethod.census: Invalid input" (the census is one of two forms).
    expect(withCell({ step: 1.5 })).toEqual(["scheduleMethod.census.cells.0.step: a step is a whole number"]);
  });

  it("the hash is of the census's content: cell order, label and headcount spelling do not change it", () => {
    const e = embedCensus(referenceCensus());
    const shuffled = { ...e, label: "renamed", cells: [...e.cells].reverse().map((c) => ({ ...c, headcount: `${c.headcount}.0` })) };
    expect(censusHash(shuffled)).toBe(e.sha256);
    expect(censusHash({ ...e, asOfFiscalYear: 2023 })).not.toBe(e.sha256);
  });

  it("the schedule method's assumptions are inputs with paths, marked assumed, and edits move the table", () => {
    const s = withScheduleMethod(fisAsPublished());
    expect(s.scheduleMethod!.separationRate.source.kind).toBe("assumed");
    const before = computeTable(s).lines.find((l) => l.id === "baseSalaryIncreasesTurnover")!.cells.Total!.exact;
    const r = validateScenario({
      ...JSON.parse(serializeScenario(s)),
      scheduleMethod: { ...s.scheduleMethod, separationRate: { ...s.scheduleMethod!.separationRate, value: "0.2" } },
    });
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    const after = computeTable(r.value).lines.find((l) => l.id === "baseSalaryIncreasesTurnover")!.cells.Total!.exact;
    // More separations replaced at the entry step save more: the turnover line falls further below zero.
    expect(after.lessThan(before)).toBe(true);
  });
});
