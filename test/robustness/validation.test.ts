/**
 * Every kind of bad input is refused before anything is computed, with a message naming the field.
 * Each case starts from "FIS as published" as JSON and breaks one thing.
 */
import { describe, expect, it } from "vitest";
import { Decimal } from "../../model/engine/decimal";
import type { InputError } from "../../model/engine/errors";
import { fisAsPublished } from "../../model/built-ins";
import { setInputValue } from "../../model/engine/scenario/paths";
import {
  checkScenario,
  duplicateKeyErrors,
  nestingErrors,
  parseScenarioJson,
  SCENARIO_LIMITS,
  serializeScenario,
  validateScenario,
} from "../../model/engine/scenario/schema";
import { parseCensusCsv } from "../../model/engine/schedule/census";
import { checkCensus } from "../../model/engine/schedule";
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

const line = (s: Json, id: string): Json => s.table.lines.find((l: Json) => l.id === id);
const step = (s: Json, effective: string): Json => item(s, "baseSalary").steps.find((x: Json) => x.effective === effective);

const CASES: Case[] = [
  {
    // Zod said "Invalid input: expected object, received undefined".
    name: "a required field left out says so",
    breakIt: (s) => delete item(s, "coveragePremium").growthRate,
    field: "items.coveragePremium.growthRate",
    message: /^required, and missing \(docs\/scenario-format\.md lists each kind's fields\)$/,
  },
  {
    // Zod said "Invalid key in record".
    name: "a fiscal-year key written without FY gives the rule",
    breakIt: (s) => (item(s, "otherNps").amounts["2026"] = item(s, "otherNps").amounts.FY2026),
    field: "items.otherNps.amounts.2026",
    message: /^not a valid key: keys must look like FY2025$/,
  },
  {
    // Zod said "Invalid input: expected string, received number" (an outside audit wrote the rate 0.0447 bare).
    name: "a rate written as a JSON number says to quote it",
    breakIt: (s) => (item(s, "medicare").rate.value = 0.0145),
    field: "items.medicare.rate.value",
    message: /^0\.0145 is a JSON number; write it as a string, "0\.0145", so every digit is kept exactly$/,
  },
  {
    name: "a JSON number past a float's digits is not echoed back wrong",
    // 1e20 parses to a float that JSON would print as 100000000000000000000.
    breakIt: (s) => (s.groups[0].members.value = 1e20),
    field: "groups.wtu.members.value",
    message: /^a JSON number too long to be read exactly; write it as a string in quotes, as the documents print it$/,
  },
  {
    // Zod said "Invalid input" (no form of the union fits, and none got into the value).
    name: "a value no form of the field takes says what each form takes",
    breakIt: (s) => (s.table.columns.total = true),
    field: "table.columns.total",
    message: /^not a form this field takes: expected false; or expected object, received boolean$/,
  },
  {
    // It said only 'line "totalcost" does not exist' (an outside audit's typo in a fund id read the same).
    name: "a misspelt line id suggests the line and lists the scenario's lines",
    breakIt: (s) => (line(s, "totalCost").sum[0] = "baseSalaryIncrease"),
    field: "table.lines.totalCost",
    message: new RegExp(
      '^line "baseSalaryIncrease" does not exist; did you mean "baseSalaryIncreases"\\? \\(lines: baseSalaryIncreases, bonus, ' +
        "additionalPay, benefits, otherNps, totalCost, localPortion, fundingAvailable, costFundedByWia\\)$",
    ),
  },
  {
    name: "a fund share naming no fund of a scenario without funds says it has none",
    breakIt: (s) => (item(s, "otherNps").fundShares = { generalFund: { value: "1", label: "GF", source: { kind: "user", ref: "x" } } }),
    field: "items.otherNps.fundShares.generalFund",
    message: /^fund "generalFund" is not one of the scenario's funds \(the scenario has no funds\)$/,
  },
  {
    // Zod said "Invalid discriminator value. Expected 'monthly' | 'payPeriod'".
    name: "a value the form-choosing field does not take names the value and the ones it takes",
    breakIt: (s) => (item(s, "optical").frequency = "annual"),
    field: "items.optical.frequency",
    message: /^"annual" is not one of "monthly", "payPeriod"$/,
  },
  {
    name: "negative headcount",
    breakIt: (s) => (s.groups[0].members.value = "-5776"),
    field: "groups.wtu.members.value",
    message: /cannot be negative/,
  },
  {
    name: "a raise over 100%",
    breakIt: (s) => (step(s, "2024-10-01").amount.value = "1.5"),
    field: "items.baseSalary.steps.2024-10-01.amount.value",
    message: /outside -1 \(excluded\) to 1/,
  },
  {
    name: "a raise of -100% (divides by zero in the bonus base)",
    breakIt: (s) => (step(s, "2024-10-01").amount.value = "-1"),
    field: "items.baseSalary.steps.2024-10-01.amount.value",
    message: /outside -1 \(excluded\) to 1/,
  },
  {
    name: "a local share over 1",
    breakIt: (s) => (line(s, "localPortion").share.rate.value = "1.01"),
    field: "table.lines.localPortion.rate.value",
    message: /outside 0 to 1/,
  },
  {
    name: "NaN",
    breakIt: (s) => (s.groups[0].averageSalary.value = "NaN"),
    field: "groups.wtu.averageSalary.value",
    message: /"NaN" is not a number/,
  },
  {
    name: "Infinity",
    breakIt: (s) => (s.groups[0].averageSalary.value = "Infinity"),
    field: "groups.wtu.averageSalary.value",
    message: /"Infinity" is not a number/,
  },
  {
    name: "-Infinity",
    breakIt: (s) => (item(s, "medicare").rate.value = "-Infinity"),
    field: "items.medicare.rate.value",
    message: /is not a number/,
  },
  {
    name: "1e400",
    breakIt: (s) => (s.groups[0].averageSalary.value = "1e400"),
    field: "groups.wtu.averageSalary.value",
    message: /too large \(limit 1e15\)/,
  },
  { name: "hex", breakIt: (s) => (s.groups[0].members.value = "0x10"), field: "groups.wtu.members.value", message: /is not a number/ },
  {
    name: "thousands separators",
    breakIt: (s) => (s.groups[0].members.value = "5,776"),
    field: "groups.wtu.members.value",
    message: /is not a number/,
  },
  {
    name: "more digits than stay exact",
    breakIt: (s) => (s.groups[0].averageSalary.value = "105271.5000000000000000000000001"),
    field: "groups.wtu.averageSalary.value",
    message: /more than 30 significant digits/,
  },
  {
    name: "an empty string",
    breakIt: (s) => (line(s, "localPortion").share.rate.value = ""),
    field: "table.lines.localPortion.rate.value",
    message: /is empty/,
  },
  {
    name: "only whitespace",
    breakIt: (s) => (line(s, "localPortion").share.rate.value = " \t "),
    field: "table.lines.localPortion.rate.value",
    message: /is empty/,
  },
  {
    name: "spaces around a number",
    breakIt: (s) => (line(s, "localPortion").share.rate.value = " 0.99 "),
    field: "table.lines.localPortion.rate.value",
    message: /spaces around the number/,
  },
  {
    name: "a number instead of a decimal string",
    breakIt: (s) => (line(s, "localPortion").share.rate.value = 0.99),
    field: "table.lines.localPortion.rate.value",
    message: /^0\.99 is a JSON number; write it as a string, "0\.99"/,
  },
  {
    name: "a raise effective after the agreement",
    breakIt: (s) => (step(s, "2027-10-01").effective = "2029-10-01"),
    field: "items.baseSalary.steps.2029-10-01.effective",
    message: /outside the agreement/,
  },
  {
    name: "a raise effective after its fiscal year",
    breakIt: (s) => (step(s, "2024-10-01").effective = "2025-10-02"),
    field: "items.baseSalary.steps.2025-10-02.effective",
    message: /after FY2025 ends/,
  },
  {
    name: "a raise effective before its fiscal year starts (the months before it would be dropped)",
    breakIt: (s) => (step(s, "2025-10-01").effective = "2025-04-01"),
    field: "items.baseSalary.steps.2025-04-01.effective",
    message: /^2025-04-01 is before FY2026 starts \(2025-10-01\); put the raise in the fiscal year it takes effect \(FY2025\)$/,
  },
  {
    name: "two raises on one date without ids (they would share an input path)",
    breakIt: (s) => (step(s, "2024-10-01").effective = "2025-10-01"),
    field: "items.baseSalary.steps.2025-10-01",
    message: /give one of them an "id"/,
  },
  {
    name: "a date that does not exist",
    breakIt: (s) => (step(s, "2025-10-01").effective = "2025-02-30"),
    field: "items.baseSalary.steps.2025-02-30.effective",
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
    breakIt: (s) => s.table.lines.push({ ...s.table.lines[0] }),
    field: "table.lines.baseSalaryIncreases",
    message: /duplicate line id/,
  },
  {
    name: "a rate charged twice on one item",
    breakIt: (s) => item(s, "medicare").appliesTo.push("baseSalary"),
    field: "items.medicare.appliesTo",
    message: /charged twice/,
  },
  {
    name: "a raises item counted twice in a rate on payroll",
    breakIt: (s) =>
      s.items.push({
        kind: "payrollRate",
        id: "pension",
        label: "Pension",
        line: "benefits",
        rate: { value: "0.01", label: "Pension rate", source: { kind: "assumed", ref: "test" } },
        raisesItemIds: ["baseSalary", "baseSalary"],
      }),
    field: "items.pension.raisesItemIds",
    message: /^"baseSalary" is listed twice \(its cost would be added to the payroll twice\)$/,
  },
  {
    name: "a group listed twice on an item",
    breakIt: (s) => (item(s, "bonus").groupIds = ["wtu", "wtu"]),
    field: "items.bonus.groupIds",
    message: /^"wtu" is listed twice; list each group once$/,
  },
  {
    name: "a line added twice in a sum",
    breakIt: (s) => line(s, "totalCost").sum.push("bonus"),
    field: "table.lines.totalCost.sum",
    message: /^"bonus" is listed twice \(it would be added twice\)$/,
  },
  {
    name: "a line subtracted twice",
    breakIt: (s) => (line(s, "costFundedByWia").minus = ["otherNps", "otherNps"]),
    field: "table.lines.costFundedByWia.minus",
    message: /^"otherNps" is listed twice \(it would be subtracted twice\)$/,
  },
  {
    name: "a line counted twice in a fund line",
    breakIt: (s) => {
      s.funds = [{ id: "gf", label: "General Fund" }];
      s.table.lines.push({ id: "gfPart", label: "General Fund part", fund: { fund: "gf", of: ["totalCost", "totalCost"] } });
    },
    field: "table.lines.gfPart.fund.of",
    message: /^"totalCost" is listed twice \(it would be counted twice\)$/,
  },
  {
    name: "a benefit baseline year with no contribution at or before it (the whole contribution would be costed)",
    breakIt: (s) => (item(s, "optical").baselineYear = 2020),
    field: "items.optical.baselineYear",
    message:
      /^no contribution is entered for CY2020 or earlier \(the first is CY2024\); enter the contribution of at least the baseline year$/,
  },
  {
    name: "a rate of pay that starts after the table's last year",
    breakIt: (s) => (item(s, "medicare").startFiscalYear = 2029),
    field: "items.medicare.startFiscalYear",
    message: /^FY2029 is after the table's last fiscal year FY2028; the rate would never be costed$/,
  },
  {
    name: "a rate on payroll that starts after the table's last year",
    breakIt: (s) =>
      s.items.push({
        kind: "payrollRate",
        id: "pension",
        label: "Pension",
        line: "benefits",
        rate: { value: "0.01", label: "Pension rate", source: { kind: "assumed", ref: "test" } },
        startFiscalYear: 2030,
      }),
    field: "items.pension.startFiscalYear",
    message: /^FY2030 is after the table's last fiscal year FY2028; the rate would never be costed$/,
  },
  {
    name: "a premium first paid after the table's last year",
    breakIt: (s) => (item(s, "coveragePremium").firstFiscalYear = 2029),
    field: "items.coveragePremium.firstFiscalYear",
    message: /^FY2029 is after the table's last fiscal year FY2028; the premium would never be costed$/,
  },
  {
    name: "a rate of pay applied to nothing",
    breakIt: (s) => (item(s, "medicare").appliesTo = []),
    field: "items.medicare.appliesTo",
    message: /^lists no items; the rate would never be costed$/,
  },
  {
    name: "a bonus with both stated earnings and earnings from a raises item (one would be ignored)",
    breakIt: (s) => (item(s, "bonus").earningsFromRaisesItem = "baseSalary"),
    field: "items.bonus.earningsFromRaisesItem",
    message: /^give either earnings or earningsFromRaisesItem, not both; with earnings stated, earningsFromRaisesItem would be ignored$/,
  },
  {
    name: "an item on a line that does not exist",
    breakIt: (s) => (item(s, "otherNps").line = "nowhere"),
    field: "items.otherNps.line",
    message: /line "nowhere" does not exist/,
  },
  {
    name: "an item on a derived line",
    breakIt: (s) => (item(s, "otherNps").line = "totalCost"),
    field: "items.otherNps.line",
    message: /"totalCost" is a sum line; items feed cost lines/,
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
    breakIt: (s) => (item(s, "coveragePremium").payRateIds = ["bonus"]),
    field: "items.coveragePremium.payRateIds",
    message: /not a rate-of-pay item/,
  },
  {
    name: "a loop: the rate of pay charged on the premium it loads",
    breakIt: (s) => item(s, "medicare").appliesTo.push("coveragePremium"),
    field: "items.coveragePremium.payRateIds",
    message: /loop: "medicare" loads this premium/,
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
    breakIt: (s) => (s.table.columns.fiscalYears = [2025, 2026, 2028]),
    field: "table.columns.fiscalYears",
    message: /consecutive and ascending/,
  },
  {
    name: "fiscal years descending",
    breakIt: (s) => (s.table.columns.fiscalYears = [2028, 2027, 2026, 2025]),
    field: "table.columns.fiscalYears",
    message: /consecutive and ascending/,
  },
  {
    name: "a fiscal year after the agreement ends, under the schedule method (its schedules are the agreement's years')",
    breakIt: (s) => {
      s.table.columns.fiscalYears = [2025, 2026, 2027, 2028, 2029];
      s.settings.salaryMethod = "schedule";
    },
    field: "table.columns.fiscalYears",
    message: /FY2029 .* starts after the agreement ends .*the schedule method prices only the agreement's own years/,
  },
  {
    // Accepted before: 5,776 typed with six zeros too many was costed, $2.4 trillion of base salary increases.
    name: "more members than any bargaining unit has",
    breakIt: (s) => (s.groups[0].members.value = "57760000000"),
    field: "groups.wtu.members.value",
    message: /^Active members: 57760000000 is outside 0 to 10000000, the range of this field \(in members\)$/,
  },
  {
    // Accepted before, and costed as nothing: no count, rate or amount means anything at 1e-400.
    name: "a value too small to mean anything",
    breakIt: (s) => (s.groups[0].members.value = "1e-400"),
    field: "groups.wtu.members.value",
    message: /^Active members: 1e-400 is too small to mean anything \(nonzero values start at 1e-12\)$/,
  },
  { name: "no fiscal years", breakIt: (s) => (s.table.columns.fiscalYears = []), field: "table.columns.fiscalYears", message: /Too small/ },
  {
    name: "a fractional fiscal year",
    breakIt: (s) => (s.table.columns.fiscalYears = [2025.5]),
    field: "table.columns.fiscalYears.0",
    message: /int/i,
  },
  {
    name: "funding for a year outside the table",
    breakIt: (s) => (line(s, "fundingAvailable").amounts.FY2031 = line(s, "fundingAvailable").amounts.FY2025),
    field: "table.lines.fundingAvailable.amounts.FY2031",
    message: /not one of the table's fiscal years/,
  },
  {
    name: "Other NPS for a year outside the table",
    breakIt: (s) => (item(s, "otherNps").amounts.FY2019 = item(s, "otherNps").amounts.FY2025),
    field: "items.otherNps.amounts.FY2019",
    message: /not one of the table's fiscal years/,
  },
  {
    name: "an unknown item kind",
    breakIt: (s) => (item(s, "otherNps").kind = "magic"),
    field: "items.otherNps.kind",
    message: /unknown kind of item; the kinds are raises, /,
  },
  {
    name: "a unit that is not the field's",
    breakIt: (s) => (line(s, "localPortion").share.rate.unit = "percent"),
    field: "table.lines.localPortion.rate.unit",
    message: /labelled "percent" but this field is a share/,
  },
  {
    name: "an unknown top-level key",
    breakIt: (s) => (s.result = { trusted: true }),
    field: "result",
    message: /unknown key "result"/,
  },
  {
    name: "a derived line referring to a line that does not exist",
    breakIt: (s) => (line(s, "costFundedByWia").sum = ["localPortion", "fundingAvailible"]),
    field: "table.lines.costFundedByWia",
    message: /line "fundingAvailible" does not exist/,
  },
  {
    name: "derived lines in a loop, named",
    breakIt: (s) => (line(s, "totalCost").sum = ["baseSalaryIncreases", "costFundedByWia"]),
    field: "table.lines.totalCost",
    message: /loop: totalCost -> costFundedByWia -> localPortion -> totalCost/,
  },
  {
    name: "a line with two formulas",
    breakIt: (s) => (line(s, "totalCost").change = { of: "bonus" }),
    field: "table.lines.totalCost",
    message: /has sum and change/,
  },
  {
    name: "published figures for a line the table does not have",
    breakIt: (s) => (s.table.published.values.noSuchLine = { FY2025: 1 }),
    field: "table.published.values.noSuchLine",
    message: /not in the table/,
  },
  {
    name: "an id with a path separator",
    breakIt: (s) => (item(s, "otherNps").id = "../x"),
    field: "items.../x.id",
    message: /must start with a letter/,
  },
  {
    name: "10^6 items",
    breakIt: (s) => (s.items = Array.from({ length: 1_000_000 }, () => s.items[0])),
    field: "items",
    message: /holds 1,000,000 entries; a scenario is limited to 1,000,000 values/,
  },
  {
    name: "2 x 10^6 funding years",
    breakIt: (s) =>
      (line(s, "fundingAvailable").amounts = Object.fromEntries(
        Array.from({ length: 2_000_000 }, (_, i) => [`FY${i}`, line(s, "localPortion").share.rate]),
      )),
    field: "table.lines.fundingAvailable.amounts",
    message: /holds too many entries; a scenario is limited to 1,000,000 values/,
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

describe("an item that starts after the table is costed only in an annualized column", () => {
  it("accepts a rate of pay, a rate on payroll and a premium starting after the last year when the table has one", () => {
    const s = base();
    s.table.columns.annualized = true;
    item(s, "medicare").startFiscalYear = 2029;
    item(s, "coveragePremium").firstFiscalYear = 2029;
    s.items.push({
      kind: "payrollRate",
      id: "pension",
      label: "Pension",
      line: "benefits",
      rate: { value: "0.01", label: "Pension rate", source: { kind: "assumed", ref: "test" } },
      startFiscalYear: 2030,
    });
    expect(validateScenario(s)).toMatchObject({ ok: true });
  });
});

describe("text-level limits and JSON errors", () => {
  it("refuses text over the size limit before parsing it", () => {
    const text = `{"pad":"${"x".repeat(SCENARIO_LIMITS.textLength)}"}`;
    expect(parseScenarioJson(text, "huge.json")).toEqual({
      ok: false,
      errors: [{ file: "huge.json", field: "(root)", message: expect.stringContaining("a scenario is limited to 20,000,000") }],
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
      .replace('"value": "0.993582",', '"value": "0.993582",\n    "value": "0.5",')
      .replace('"kind": "raises",', '"kind": "raises",\n      "kind": "oneTime",');
    expect(parseScenarioJson(text, "merged.json")).toEqual({
      ok: false,
      errors: [
        { file: "merged.json", field: "items.baseSalary.kind", message: '"kind" appears twice in the same object; keep one' },
        {
          file: "merged.json",
          field: "table.lines.localPortion.rate.value",
          message: '"value" appears twice in the same object; keep one',
        },
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

  it("refuses a lone UTF-16 surrogate in any string or key (no report could print it), naming the field and the character", () => {
    const text = serializeScenario(fisAsPublished())
      .replace('"label": "Base salary increases"', '"label": "Sal\\udc00aries"')
      .replace('"union": "Washington Teachers\' Union, Local #6, AFT"', '"union": "WTU \\ud83d"')
      .replace('"ref": "Art. 36.2.1"', '"ref": "\\udc00Art. 36.2.1"')
      .replace('"baseSalaryIncreases": {', '"base\\ud800Salary": {');
    expect(parseScenarioJson(text, "surrogate.json")).toEqual({
      ok: false,
      errors: [
        {
          file: "surrogate.json",
          field: "agreement.union",
          message: "has a lone UTF-16 surrogate (\\ud83d) at character 5; it is not text any report can print, so retype or remove it",
        },
        {
          file: "surrogate.json",
          field: "items.baseSalary.label",
          message: "has a lone UTF-16 surrogate (\\udc00) at character 4; it is not text any report can print, so retype or remove it",
        },
        {
          file: "surrogate.json",
          field: "items.baseSalary.steps.2024-10-01.amount.source.ref",
          message: "has a lone UTF-16 surrogate (\\udc00) at character 1; it is not text any report can print, so retype or remove it",
        },
        {
          file: "surrogate.json",
          field: "table.published.values.base\\ud800Salary",
          message:
            "the key has a lone UTF-16 surrogate (\\ud800) at character 5; it is not text any report can print, so retype or remove it",
        },
      ],
    });
  });

  it("accepts a character outside the BMP written as a surrogate pair", () => {
    const text = serializeScenario(fisAsPublished()).replace('"label": "Base salary increases"', '"label": "Salaries \\ud83d\\ude00"');
    const parsed = parseScenarioJson(text, "emoji.json");
    expect(parsed.ok && parsed.value.items[0]!.label).toBe("Salaries \u{1F600}");
  });

  it.each(["[]", "null", "42", '"scenario"'])("refuses a JSON %s that is not an object", (text) => {
    expect(parseScenarioJson(text)).toMatchObject({
      ok: false,
      errors: [{ field: "(root)", message: "a scenario must be a JSON object" }],
    });
  });
});

/** `value` under an own key "__proto__" of `into`, as JSON.parse makes it (an assignment would set the prototype instead). */
function protoKey(into: Json, value: Json): void {
  Object.defineProperty(into, "__proto__", { value, enumerable: true, writable: true, configurable: true });
}

describe("a key JSON.parse keeps but an object cannot hold", () => {
  // The audit: zod's records copy entries by assignment, so "__proto__" set a prototype and the entry vanished without a word.
  it('refuses "__proto__" among an item\'s amounts, naming the field (its FY2026 amount had vanished)', () => {
    const s = base();
    const amounts = item(s, "otherNps").amounts;
    protoKey(amounts, { FY2026: amounts.FY2026 });
    delete amounts.FY2026;
    expect(parseScenarioJson(JSON.stringify(s), "proto.json")).toEqual({
      ok: false,
      errors: [
        {
          file: "proto.json",
          field: "items.otherNps.amounts.__proto__",
          message: 'the key "__proto__" cannot be read as a key of an object (JavaScript takes it for the object\'s prototype); rename it',
        },
      ],
    });
  });

  it('refuses "__proto__" among the published figures (--check had counted 45 of 45 without it)', () => {
    const s = base();
    protoKey(s.table.published.values, { FY2025: 1 });
    const result = validateScenario(JSON.parse(JSON.stringify(s)), "proto.json");
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(fieldsOf(result.errors)).toEqual(["table.published.values.__proto__"]);
  });
});

describe("nesting is refused from the text, before JSON.parse builds it", () => {
  // 9,999,999 levels took 22 s and 2.2 GB to parse before sizeErrors refused them; a million is enough to show the path.
  it("refuses a million nested arrays with the depth limit's message and path", () => {
    const deep = 1_000_000;
    expect(parseScenarioJson("[".repeat(deep) + "]".repeat(deep), "deep.json")).toEqual({
      ok: false,
      errors: [
        {
          file: "deep.json",
          field: Array(32).fill("0").join("."),
          message: "nested more than 32 levels deep; a scenario is never this deep",
        },
      ],
    });
  });

  it("refuses a million nested objects, naming the keys on the way down", () => {
    const deep = 1_000_000;
    const text = '{"a":'.repeat(deep) + "1" + "}".repeat(deep);
    expect(parseScenarioJson(text, "deep.json")).toMatchObject({
      ok: false,
      errors: [{ field: Array(32).fill("a").join("."), message: /^nested more than 32 levels deep/ }],
    });
  });

  it("does not count brackets inside strings, escaped quotes included, nor refuse 32 levels", () => {
    const inString = '{"d":"' + "[".repeat(40) + '\\"' + "{".repeat(40) + '\\\\"}';
    expect(nestingErrors(inString)).toEqual([]);
    expect(nestingErrors("[".repeat(32) + "]".repeat(32))).toEqual([]);
    expect(nestingErrors("[".repeat(33) + "]".repeat(33))).toHaveLength(1);
    expect(nestingErrors('{"k\\"[":[{"x":' + "[".repeat(31))).toMatchObject([{ field: 'k"[.0.x' + ".0".repeat(29) }]);
  });

  it("keeps an unterminated string or bracket for JSON.parse to report", () => {
    for (const text of ['{"a":"[[[', "[[[", '"\\']) expect(nestingErrors(text)).toEqual([]);
  });
});

describe("a published figure must be held exactly by the float it is read as", () => {
  const published = (breakIt: (text: string) => string) => {
    const s = base();
    s.table.published.expectedDisagreements = [
      { cell: "baseSalaryIncreases.FY2025", published: 12161, fromStatedInputs: 12160, reason: "test" },
    ];
    return parseScenarioJson(breakIt(JSON.stringify(s)), "figures.json");
  };

  it.each([
    ["9007199254740993", "9007199254740992"],
    ["23853.99999999999999999", "23854"],
    ["1e400", "Infinity"],
  ])("refuses %s in table.published.values (it would be read as %s)", (written, read) => {
    const result = published((t) => t.replace('"FY2025":12161', `"FY2025":${written}`));
    expect(result).toEqual({
      ok: false,
      errors: [
        {
          file: "figures.json",
          field: "table.published.values.baseSalaryIncreases.FY2025",
          message:
            `${written} is not held exactly by a JSON number, which would read it as ${read}; ` +
            "a published figure has at most 15 significant digits",
        },
      ],
    });
  });

  it("refuses one in an expected disagreement, and elsewhere says to quote a decimal value", () => {
    const result = published((t) =>
      t
        .replace('"fromStatedInputs":12160', '"fromStatedInputs":12160.0000000000000001')
        .replace('"schemaVersion":2', '"schemaVersion":2.00000000000000001'),
    );
    expect(result.ok || result.errors.map((e) => [e.field, e.message])).toEqual([
      [
        "schemaVersion",
        "2.00000000000000001 is not held exactly by a JSON number, which would read it as 2; write a decimal value as a string in quotes",
      ],
      [
        "table.published.expectedDisagreements.0.fromStatedInputs",
        "12160.0000000000000001 is not held exactly by a JSON number, which would read it as 12160; " +
          "a published figure has at most 15 significant digits",
      ],
    ]);
  });

  it("accepts figures a float holds as written: trailing zeros, exponents, 15 digits", () => {
    for (const written of ["12161.0", "1.2161e4", "12161.00000000000", "0.1", "123456789012345", "-0"]) {
      const result = published((t) => t.replace('"FY2025":12161', `"FY2025":${written}`));
      expect(result.ok ? [] : result.errors.filter((e) => /not held exactly/.test(e.message))).toEqual([]);
    }
  });
});

describe("an over-long value is quoted by its start and length, once", () => {
  // The audit: a 500,000-character value was echoed whole (one 500,103-character line), after a second, generic "Too big".
  it("a value of 500,000 digits: one message, its first 60 characters and its length", () => {
    const s = base();
    s.groups[0].members.value = "5".repeat(500_000);
    const result = validateScenario(s, "long.json");
    expect(!result.ok && result.errors).toEqual([
      {
        file: "long.json",
        field: "groups.wtu.members.value",
        message: `${"5".repeat(60)}… (500,000 characters) is longer than a value may be (64 characters)`,
      },
    ]);
  });

  it("an unknown key of 100,000 characters is quoted the same way, in the message and its field", () => {
    const s = base();
    s.agreement["k".repeat(100_000)] = 1;
    const result = validateScenario(s, "long.json");
    expect(!result.ok && result.errors.map((e) => [e.field, e.message])).toEqual([
      [
        `agreement.${"k".repeat(60)}… (100,000 characters)`,
        `unknown key "${"k".repeat(60)}… (100,000 characters)" (a scenario refuses keys it does not know)`,
      ],
    ]);
  });

  it("a value that is merely not a number is quoted whole up to 80 characters", () => {
    const s = base();
    s.groups[0].members.value = "about five thousand";
    const result = validateScenario(s);
    expect(!result.ok && result.errors.map((e) => e.message)).toEqual(['Active members: "about five thousand" is not a number']);
  });
});

describe("edits are checked the same way (checkScenario after setInputValue)", () => {
  it.each([
    ["groups.wtu.members", "-1", /cannot be negative/],
    ["items.medicare.rate", "2", /outside 0 to 1/],
    ["table.lines.localPortion.rate", "abc", /not a number/],
    ["table.lines.fundingAvailable.amounts.FY2026", " 1", /spaces around/],
  ])("%s = %j", (path, value, message) => {
    const errors = checkScenario(setInputValue(fisAsPublished(), path, value));
    expect(errors).toContainEqual({ field: `${path}.value`, message: expect.stringMatching(message) });
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
