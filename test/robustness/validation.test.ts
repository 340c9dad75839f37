/**
 * Every kind of bad input is refused before anything is computed, with a message naming the field.
 * Each case starts from "FIS as published" as JSON and breaks one thing.
 */
import { describe, expect, it } from "vitest";
import { Decimal } from "../../model/engine/decimal";
import type { InputError } from "../../model/engine/errors";
import { fisAsPublished } from "../../model/engine/scenario/reference";
import { setInputValue } from "../../model/engine/scenario/paths";
import {
  checkCensus,
  checkScenario,
  duplicateKeyErrors,
  parseScenarioJson,
  SCENARIO_LIMITS,
  serializeScenario,
  validateScenario,
} from "../../model/engine/scenario/schema";
import { parseCensusCsv } from "../../model/engine/schedule/census";
import type { CensusCell } from "../../model/engine/schedule/types";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;
const base = (): Json => JSON.parse(serializeScenario(fisAsPublished()));
const item = (s: Json, id: string): Json => s.items.find((i: Json) => i.id === id);

interface Case {
  name: string;
  breakIt: (s: Json) => void;
  field: string;
  message: RegExp;
}

const CASES: Case[] = [
  {
    name: "negative headcount",
    breakIt: (s) => (s.groups[0].members.value = "-5776"),
    field: "groups.wtu.members",
    message: /cannot be negative/,
  },
  {
    name: "a raise over 100%",
    breakIt: (s) => (item(s, "baseSalary").steps[0].amount.value = "1.5"),
    field: "items.baseSalary.steps.0.amount",
    message: /not a rate between -100% and 100%/,
  },
  {
    name: "a raise of -100% (divides by zero in the bonus base)",
    breakIt: (s) => (item(s, "baseSalary").steps[0].amount.value = "-1"),
    field: "items.baseSalary.steps.0.amount.value",
    message: /cut pay to nothing/,
  },
  {
    name: "a local share over 1",
    breakIt: (s) => (s.localShare.value = "1.01"),
    field: "localShare",
    message: /not a share between 0 and 1/,
  },
  {
    name: "NaN",
    breakIt: (s) => (s.groups[0].averageSalary.value = "NaN"),
    field: "groups.wtu.averageSalary",
    message: /"NaN" is not a number/,
  },
  {
    name: "Infinity",
    breakIt: (s) => (s.groups[0].averageSalary.value = "Infinity"),
    field: "groups.wtu.averageSalary",
    message: /"Infinity" is not a number/,
  },
  {
    name: "-Infinity",
    breakIt: (s) => (item(s, "medicare").rate.value = "-Infinity"),
    field: "items.medicare.rate",
    message: /is not a number/,
  },
  {
    name: "1e400",
    breakIt: (s) => (s.groups[0].averageSalary.value = "1e400"),
    field: "groups.wtu.averageSalary",
    message: /too large \(limit 1e15\)/,
  },
  { name: "hex", breakIt: (s) => (s.groups[0].members.value = "0x10"), field: "groups.wtu.members", message: /is not a number/ },
  {
    name: "thousands separators",
    breakIt: (s) => (s.groups[0].members.value = "5,776"),
    field: "groups.wtu.members",
    message: /is not a number/,
  },
  {
    name: "more digits than stay exact",
    breakIt: (s) => (s.groups[0].averageSalary.value = "105271.5000000000000000000000001"),
    field: "groups.wtu.averageSalary",
    message: /more than 30 significant digits/,
  },
  { name: "an empty string", breakIt: (s) => (s.localShare.value = ""), field: "localShare", message: /is empty/ },
  { name: "only whitespace", breakIt: (s) => (s.localShare.value = " \t "), field: "localShare", message: /is empty/ },
  {
    name: "spaces around a number",
    breakIt: (s) => (s.localShare.value = " 0.99 "),
    field: "localShare",
    message: /spaces around the number/,
  },
  {
    name: "a number instead of a decimal string",
    breakIt: (s) => (s.localShare.value = 0.99),
    field: "localShare.value",
    message: /expected string/,
  },
  {
    name: "a raise effective after the agreement",
    breakIt: (s) => (item(s, "baseSalary").steps[3].effective = "2029-10-01"),
    field: "items.baseSalary.steps.3.effective",
    message: /outside the agreement/,
  },
  {
    name: "a raise effective after its fiscal year",
    breakIt: (s) => (item(s, "baseSalary").steps[0].effective = "2025-10-01"),
    field: "items.baseSalary.steps.0.effective",
    message: /after FY2025 ends/,
  },
  {
    name: "a date that does not exist",
    breakIt: (s) => (item(s, "baseSalary").steps[1].effective = "2025-02-30"),
    field: "items.0.steps.1.effective",
    message: /real date/,
  },
  {
    name: "a date in another format",
    breakIt: (s) => (s.agreement.effectiveFrom = "10/01/2023"),
    field: "agreement.effectiveFrom",
    message: /real date/,
  },
  {
    name: "a benefit count-from date outside the agreement",
    breakIt: (s) => (item(s, "optical").countFrom.date = "2040-01-01"),
    field: "items.optical.countFrom.date",
    message: /outside the agreement/,
  },
  {
    name: "an agreement that ends before it starts",
    breakIt: (s) => (s.agreement.effectiveTo = "2022-09-30"),
    field: "agreement.effectiveTo",
    message: /ends before it starts/,
  },
  {
    name: "duplicate item ids",
    breakIt: (s) => (item(s, "dentalFamily").id = "dentalSelf"),
    field: "items.dentalSelf",
    message: /duplicate item id/,
  },
  { name: "duplicate group ids", breakIt: (s) => s.groups.push({ ...s.groups[0] }), field: "groups.wtu", message: /duplicate group id/ },
  {
    name: "duplicate line ids",
    breakIt: (s) => s.lines.push({ ...s.lines[0] }),
    field: "lines.baseSalaryIncreases",
    message: /duplicate line id/,
  },
  {
    name: "a benefit year given twice",
    breakIt: (s) => item(s, "optical").amounts.push(item(s, "optical").amounts[1]),
    field: "items.optical.amounts.2025",
    message: /duplicate year/,
  },
  {
    name: "a rate charged twice on one item",
    breakIt: (s) => item(s, "medicare").appliesTo.push("baseSalary"),
    field: "items.medicare.appliesTo.baseSalary",
    message: /charged twice/,
  },
  {
    name: "an item on a line that does not exist",
    breakIt: (s) => (item(s, "otherNps").line = "nowhere"),
    field: "items.otherNps.line",
    message: /line "nowhere" does not exist/,
  },
  {
    name: "an item on a derived line",
    breakIt: (s) => s.lines.push({ id: "totalCost", label: "Total" }),
    field: "lines.totalCost",
    message: /derived line/,
  },
  {
    name: "a group that does not exist",
    breakIt: (s) => (item(s, "bonus").groupIds = ["nobody"]),
    field: "items.bonus.groupIds",
    message: /group "nobody" does not exist/,
  },
  {
    name: "a rate applied to an item that does not exist",
    breakIt: (s) => (item(s, "medicare").appliesTo = ["ghost"]),
    field: "items.medicare.appliesTo",
    message: /item "ghost" does not exist/,
  },
  {
    name: "a rate applied to a rate",
    breakIt: (s) => (item(s, "medicare").appliesTo = ["medicare"]),
    field: "items.medicare.appliesTo",
    message: /cannot apply to another rate of pay/,
  },
  {
    name: "a premium loaded by a non-rate",
    breakIt: (s) => (item(s, "coveragePremium").loadingItemIds = ["bonus"]),
    field: "items.coveragePremium.loadingItemIds",
    message: /not a rate-of-pay item/,
  },
  {
    name: "a cycle: the loading rate charged on the premium it loads",
    breakIt: (s) => item(s, "medicare").appliesTo.push("coveragePremium"),
    field: "items.coveragePremium.loadingItemIds",
    message: /cycle: "medicare" loads this premium/,
  },
  {
    name: "bonus earnings from a non-raises item",
    breakIt: (s) => (item(s, "bonus").earningsFromRaisesItem = "optical"),
    field: "items.bonus.earningsFromRaisesItem",
    message: /not a raises item/,
  },
  {
    name: "a bonus paid outside the costed years",
    breakIt: (s) => (item(s, "bonus").paidInFiscalYear = 2031),
    field: "items.bonus.paidInFiscalYear",
    message: /would never be costed/,
  },
  {
    name: "fiscal years not consecutive",
    breakIt: (s) => (s.agreement.fiscalYears = [2025, 2026, 2028]),
    field: "agreement.fiscalYears",
    message: /consecutive and ascending/,
  },
  {
    name: "fiscal years descending",
    breakIt: (s) => (s.agreement.fiscalYears = [2028, 2027, 2026, 2025]),
    field: "agreement.fiscalYears",
    message: /consecutive and ascending/,
  },
  {
    name: "a fiscal year outside the agreement",
    breakIt: (s) => (s.agreement.fiscalYears = [2025, 2026, 2027, 2028, 2029]),
    field: "agreement.fiscalYears",
    message: /FY2029 .* lies outside the agreement/,
  },
  { name: "no fiscal years", breakIt: (s) => (s.agreement.fiscalYears = []), field: "agreement.fiscalYears", message: /Too small/ },
  {
    name: "a fractional fiscal year",
    breakIt: (s) => (s.agreement.fiscalYears = [2025.5]),
    field: "agreement.fiscalYears.0",
    message: /int/i,
  },
  {
    name: "funding for a year outside the agreement",
    breakIt: (s) => (s.fundingAvailable.FY2031 = s.fundingAvailable.FY2025),
    field: "fundingAvailable.FY2031",
    message: /outside the agreement's fiscal years/,
  },
  {
    name: "Other NPS for a year outside the agreement",
    breakIt: (s) => (item(s, "otherNps").amounts.FY2019 = item(s, "otherNps").amounts.FY2025),
    field: "items.otherNps.amounts.FY2019",
    message: /outside the agreement's fiscal years/,
  },
  { name: "an unknown item kind", breakIt: (s) => (item(s, "otherNps").kind = "magic"), field: "items.8.kind", message: /./ },
  { name: "an unknown unit", breakIt: (s) => (s.localShare.unit = "percent"), field: "localShare.unit", message: /./ },
  { name: "an unknown top-level key", breakIt: (s) => (s.result = { trusted: true }), field: "(root)", message: /result/ },
  {
    name: "an id with a path separator",
    breakIt: (s) => (item(s, "otherNps").id = "../x"),
    field: "items.8.id",
    message: /must start with a letter/,
  },
  {
    name: "10^6 items",
    breakIt: (s) => (s.items = Array.from({ length: 1_000_000 }, () => s.items[0])),
    field: "items",
    message: /holds 1,000,000 entries; a scenario is limited to 200,000 values/,
  },
  {
    name: "10^6 funding years",
    breakIt: (s) => (s.fundingAvailable = Object.fromEntries(Array.from({ length: 1_000_000 }, (_, i) => [`FY${i}`, s.localShare]))),
    field: "fundingAvailable",
    message: /holds too many entries; a scenario is limited to 200,000 values/,
  },
  {
    name: "501 items (the schema's own limit)",
    breakIt: (s) => (s.items = Array.from({ length: 501 }, (_, i) => ({ ...s.items[8], id: `x${i}` }))),
    field: "items",
    message: /<=500/,
  },
  {
    name: "nesting 100,000 levels deep",
    breakIt: (s) => (s.description = JSON.parse("[".repeat(100_000) + "]".repeat(100_000))),
    field: ["description", ...Array(31).fill("0")].join("."),
    message: /nested more than 32 levels/,
  },
];

function fieldsOf(errors: InputError[]): string[] {
  return errors.map((e) => e.field ?? "");
}

describe("validateScenario refuses bad input, naming the field", () => {
  it("accepts the unbroken scenario (the cases below each break one thing)", () => {
    expect(validateScenario(base())).toMatchObject({ ok: true });
  });

  for (const c of CASES) {
    it(c.name, () => {
      const s = base();
      c.breakIt(s);
      const result = validateScenario(s, "case.json");
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(fieldsOf(result.errors)).toContain(c.field);
      const hit = result.errors.find((e) => e.field === c.field)!;
      expect(hit.message).toMatch(c.message);
      for (const e of result.errors) {
        expect(e.file).toBe("case.json");
        expect(e.message.length).toBeGreaterThan(0);
      }
    });
  }
});

describe("text-level limits and JSON errors", () => {
  it("refuses text over the size limit before parsing it", () => {
    const text = `{"pad":"${"x".repeat(SCENARIO_LIMITS.textLength)}"}`;
    expect(parseScenarioJson(text, "huge.json")).toEqual({
      ok: false,
      errors: [{ file: "huge.json", field: "(root)", message: expect.stringContaining("a scenario is limited to 5,000,000") }],
    });
  });

  it.each(["", "{", "[1,2", "nul", '{"a":1,}', "\u0000"])("reports not-JSON %j as an error, not an exception", (text) => {
    const result = parseScenarioJson(text, "broken.json");
    expect(result).toMatchObject({
      ok: false,
      errors: [{ file: "broken.json", field: "(root)", message: expect.stringMatching(/^not valid JSON/) }],
    });
  });

  it("refuses a key given twice in one object (JSON.parse would silently keep the last), naming where", () => {
    const text = serializeScenario(fisAsPublished())
      .replace('"localShare": {\n    "value": "0.993582",', '"localShare": {\n    "value": "0.993582",\n    "value": "0.5",')
      .replace('"kind": "raises",', '"kind": "raises",\n      "kind": "oneTime",');
    expect(parseScenarioJson(text, "merged.json")).toEqual({
      ok: false,
      errors: [
        { file: "merged.json", field: "items.0.kind", message: '"kind" appears twice in the same object; keep one' },
        { file: "merged.json", field: "localShare.value", message: '"value" appears twice in the same object; keep one' },
      ],
    });
  });

  it("tells equal keys from equal text: escapes, nesting and arrays do not confuse the scan", () => {
    expect(duplicateKeyErrors('{"a":{"b":1},"c":{"b":2},"d":[{"e":1},{"e":2}],"f":"\\"a\\":1","\\u0061x":0}')).toEqual([]);
    expect(duplicateKeyErrors('{"a":1,"\\u0061":2}')).toEqual([{ field: "a", message: '"a" appears twice in the same object; keep one' }]);
    expect(duplicateKeyErrors('[{"x":[{"y":1,"y":2}]}]')).toEqual([
      { field: "0.x.0.y", message: '"y" appears twice in the same object; keep one' },
    ]);
  });

  it.each(["[]", "null", "42", '"scenario"'])("refuses a JSON %s that is not an object", (text) => {
    expect(parseScenarioJson(text)).toMatchObject({
      ok: false,
      errors: [{ field: "(root)", message: "a scenario must be a JSON object" }],
    });
  });
});

describe("edits are checked the same way (checkScenario after setInputValue)", () => {
  it.each([
    ["groups.wtu.members", "-1", /cannot be negative/],
    ["items.medicare.rate", "2", /not a rate/],
    ["localShare", "abc", /not a number/],
    ["fundingAvailable.FY2026", " 1", /spaces around/],
  ])("%s = %j", (path, value, message) => {
    const errors = checkScenario(setInputValue(fisAsPublished(), path, value));
    expect(errors).toContainEqual({ field: path, message: expect.stringMatching(message) });
  });
});

describe("a census must fit the schedules", () => {
  const cell = (over: Partial<CensusCell>): CensusCell => ({
    schedule: "ET15-10M",
    lane: "Bachelors",
    step: 3,
    headcount: new Decimal(5),
    ...over,
  });
  const census = (...cells: CensusCell[]) => ({ label: "test", asOfFiscalYear: 2024, cells });

  it("accepts a cell that exists", () => {
    expect(checkCensus(census(cell({})))).toEqual([]);
  });

  it.each([
    [{ lane: "Doctorate" }, "census.cells.0.lane", /lane "Doctorate" does not exist on ET15-10M/],
    [{ step: 17 }, "census.cells.0.step", /step 17 does not exist on ET15-10M \(1..16\)/],
    [{ step: 0 }, "census.cells.0.step", /step 0 does not exist/],
    [{ step: 2.5 }, "census.cells.0.step", /step 2.5 does not exist/],
    [{ schedule: "ET99" as CensusCell["schedule"] }, "census.cells.0.schedule", /unknown schedule "ET99"/],
    [{ headcount: new Decimal(-3) }, "census.cells.0.headcount", /must be a number of members/],
    [{ headcount: new Decimal(NaN) }, "census.cells.0.headcount", /must be a number of members/],
    [{ yearsOfService: -1 }, "census.cells.0.yearsOfService", /not a whole number of years/],
  ])("refuses %o", (over, field, message) => {
    expect(checkCensus(census(cell(over)))).toContainEqual({ field, message: expect.stringMatching(message) });
  });

  it("the CSV importer refuses lanes and steps the schedules do not have, naming file, row and column", () => {
    const csv = [
      "schedule,lane,step,headcount",
      "ET15-10M,Bachelors,3,10",
      "ET15-10M,Doctorate,3,1",
      "ET15-10M,Bachelors,17,1",
      "EG09,Bachelors,3,-2",
    ].join("\n");
    const result = parseCensusCsv(csv, "census.csv");
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => [e.file, e.row, e.column])).toEqual([
      ["census.csv", 3, "B"],
      ["census.csv", 4, "C"],
      ["census.csv", 5, "D"],
    ]);
  });
});
