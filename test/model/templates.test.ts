/**
 * The templates a new agreement starts from (model/templates/*.json): each is a file the JSON
 * Schema accepts, whose inputs to fill are empty and listed by path and label; the engine refuses
 * to cost it until they are filled; filled with test values, each costs to figures derived by hand
 * below; and moved to other fiscal years and another fiscal-year start, its dated inputs follow.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import Ajv2020 from "ajv/dist/2020";
import { describe, expect, it } from "vitest";
import {
  computeTable,
  InputRejectedError,
  inputsToFill,
  scenarioFromTemplate,
  setInputValue,
  validateDraft,
  type Scenario,
} from "../../model/engine";
import { TEMPLATES, templateById } from "../../model/templates/index";

const schema = JSON.parse(readFileSync(join(process.cwd(), "docs", "scenario.schema.json"), "utf8"));
const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);

function filled(id: string, values: Record<string, string>): Scenario {
  let s = templateById(id)!.scenario();
  for (const [path, value] of Object.entries(values)) s = setInputValue(s, path, value);
  expect(inputsToFill(s)).toEqual([]);
  return s;
}
const shown = (s: Scenario, line: string) =>
  Object.fromEntries(Object.entries(computeTable(s).lines.find((l) => l.id === line)!.cells).map(([c, v]) => [c, v.display.toNumber()]));

describe("templates", () => {
  it("are dc-fis, state-fiscal-note and city-council-costing", () => {
    expect(TEMPLATES.map((t) => t.id)).toEqual(["dc-fis", "state-fiscal-note", "city-council-costing"]);
  });

  for (const t of TEMPLATES) {
    describe(t.id, () => {
      it("is valid against the JSON Schema, with its inputs to fill written as empty values", () => {
        const json = JSON.parse(readFileSync(join(process.cwd(), "model", "templates", `${t.id}.json`), "utf8"));
        expect(validate(json), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
        const draft = validateDraft(json);
        expect(draft.ok).toBe(true);
        expect(draft.ok && draft.toFill.length).toBeGreaterThan(0);
      });
      it("is refused by the engine, naming every input to fill by its path", () => {
        const s = t.scenario();
        let error: unknown;
        try {
          computeTable(s);
        } catch (e) {
          error = e;
        }
        expect(error).toBeInstanceOf(InputRejectedError);
        expect((error as InputRejectedError).errors.map((e) => e.field)).toEqual(t.toFill().map((x) => x.path));
      });
    });
  }

  it("dc-fis filled: 1,000 members at $100,000, raises 2/3/3/4%, local share 90%, $1,000,000 available a year", () => {
    const s = filled("dc-fis", {
      "groups.unit.members": "1000",
      "groups.unit.averageSalary": "100000",
      "items.baseSalary.steps.2025-10-01.amount": "0.02",
      "items.baseSalary.steps.2026-10-01.amount": "0.03",
      "items.baseSalary.steps.2027-10-01.amount": "0.03",
      "items.baseSalary.steps.2028-10-01.amount": "0.04",
      "table.lines.localPortion.rate": "0.9",
      "table.lines.fundingAvailable.amounts.FY2026": "1000000",
      "table.lines.fundingAvailable.amounts.FY2027": "1000000",
      "table.lines.fundingAvailable.amounts.FY2028": "1000000",
      "table.lines.fundingAvailable.amounts.FY2029": "1000000",
    });
    // FY2026: 100,000,000 x 0.02 = 2,000,000 -> $2,000K; Medicare 1.45% = 29,000 -> $29K; total 2,029,000
    // FY2027: 100,000,000 x (1.02 x 1.03 - 1) = 5,060,000; Medicare 73,370; total 5,133,370 -> $5,133K
    expect(shown(s, "totalCost").FY2026).toBe(2029);
    expect(shown(s, "totalCost").FY2027).toBe(5133);
    // local portion 0.9 x 2,029,000 = 1,826,100 -> 1,826; less 1,000,000 available = 826,100 -> 826
    expect(shown(s, "localPortion").FY2026).toBe(1826);
    expect(shown(s, "netCost").FY2026).toBe(826);
    // FY2027: 0.9 x 5,133,370 = 4,620,033 - 1,000,000 = 3,620,033 -> 3,620
    expect(shown(s, "netCost").FY2027).toBe(3620);
  });

  it("state-fiscal-note filled: 618 positions, $20,000 each, FICA 7.65% inside Personal Services", () => {
    const s = filled("state-fiscal-note", { "groups.employees.members": "618", "items.raise.steps.2026-07-01.amount": "20000" });
    // 618 x 20,000 = 12,360,000; x 1.0765 = 13,305,540; FY2026 is before the July 1, 2026 effective date
    expect(shown(s, "personalServices")).toEqual({ FY2026: 0, FY2027: 13305540, Annualized: 13305540 });
    expect(shown(s, "totalCost")).toEqual({ FY2026: 0, FY2027: 13305540, Annualized: 13305540 });
    expect(shown(s, "currentExpenses")).toEqual({ FY2026: 0, FY2027: 0, Annualized: 0 });
  });

  it("city-council-costing filled: $1,000,000 payroll, COLAs 3/2/2%, employees pay 1 point more, $5,000 saved once", () => {
    const s = filled("city-council-costing", {
      "groups.unit.payroll": "1000000",
      "items.cola.steps.2025-07-01.amount": "0.03",
      "items.cola.steps.2026-07-01.amount": "0.02",
      "items.cola.steps.2027-07-01.amount": "0.02",
      "items.pensionShift.rate": "-0.01",
      "items.oneTimeSaving.amounts.FY2026": "-5000",
    });
    // COLAs: 30,000; 1,000,000 x (1.03 x 1.02 - 1) = 50,600; x (1.03 x 1.02 x 1.02 - 1) = 71,612; total 152,212
    expect(shown(s, "cola")).toEqual({ FY2026: 30000, FY2027: 50600, FY2028: 71612, Total: 152212 });
    // additions over the prior year: 30,000; 20,600; 21,012
    expect(shown(s, "colaAdditions")).toMatchObject({ FY2026: 30000, FY2027: 20600, FY2028: 21012 });
    // pension saving 0.01 x payroll in force: 10,300; 10,506; 10,716.12 -> printed positive as savings
    expect(shown(s, "pensionSavings")).toMatchObject({ FY2026: 10300, FY2027: 10506, FY2028: 10716 });
    // net: 30,000 - 10,300 - 5,000 = 14,700; 50,600 - 10,506 = 40,094; 71,612 - 10,716.12 = 60,895.88; total 115,689.88
    expect(shown(s, "net")).toEqual({ FY2026: 14700, FY2027: 40094, FY2028: 60896, Total: 115690 });
  });

  it("moved to FY2030-FY2033 with a July year, the dc-fis raises fall on July 1 and the funding keys follow", () => {
    const moved = scenarioFromTemplate(templateById("dc-fis")!.scenario(), {
      id: "moved",
      name: "Moved",
      agreementName: "A new agreement",
      firstFiscalYear: 2030,
      lastFiscalYear: 2033,
      fiscalYearStartMonth: 7,
    });
    expect(moved.table.columns.fiscalYears).toEqual([2030, 2031, 2032, 2033]);
    expect(moved.agreement).toMatchObject({ name: "A new agreement", effectiveFrom: "2029-07-01", effectiveTo: "2033-06-30" });
    const paths = inputsToFill(moved).map((t) => t.path);
    expect(paths).toContain("items.baseSalary.steps.2029-07-01.amount");
    expect(paths).toContain("items.baseSalary.steps.2032-07-01.amount");
    expect(paths).toContain("table.lines.fundingAvailable.amounts.FY2033");
    expect(paths).toHaveLength(11);
    const checked = validateDraft(JSON.parse(JSON.stringify(moved)));
    expect(checked.ok, checked.ok ? "" : JSON.stringify(checked.errors)).toBe(true);
  });

  it("six years add a raise and a funding amount to fill for each new year; two years drop the later ones", () => {
    const base = templateById("dc-fis")!.scenario();
    const opts = { id: "m", name: "M", firstFiscalYear: 2026, fiscalYearStartMonth: 10 };
    const six = scenarioFromTemplate(base, { ...opts, lastFiscalYear: 2031 });
    const sixPaths = inputsToFill(six).map((t) => t.path);
    expect(sixPaths).toHaveLength(11 + 2 + 2);
    expect(sixPaths).toEqual(
      expect.arrayContaining(["items.baseSalary.steps.2030-10-01.amount", "table.lines.fundingAvailable.amounts.FY2031"]),
    );
    expect(inputsToFill(six).find((t) => t.path === "table.lines.fundingAvailable.amounts.FY2031")!.label).toBe("Funding available FY2031");
    const two = scenarioFromTemplate(base, { ...opts, lastFiscalYear: 2027 });
    expect(inputsToFill(two)).toHaveLength(11 - 2 - 2);
    expect(validateDraft(JSON.parse(JSON.stringify(two))).ok).toBe(true);
  });
});
