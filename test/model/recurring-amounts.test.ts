/**
 * An amount a note states once "each year" (Texas HB3497's $X annually, a grant of $50,000 a year
 * growing 3%): one entry with `recurring`, not one per year. Five fiscal years FY2025-FY2029,
 * Equipment entered once, $50,000 in FY2026:
 *   recurring:              0 | 50,000 | 50,000 | 50,000 | 50,000  total 200,000
 *   growing 3% a year:      0 | 50,000 | 51,500 | 53,045 | 54,636.35  total 209,181.35
 *     (50,000 x 1.03 = 51,500; x 1.03 = 53,045; x 1.03 = 54,636.35)
 *   through FY2028:         0 | 50,000 | 51,500 | 53,045 | 0  total 154,545
 *   a new amount in FY2028 ($60,000), growing 3%: ... | 60,000 | 61,800 (60,000 x 1.03)
 * The annualized column is the last year's amount. The workbook's formulas recompute (HyperFormula)
 * to the same figures, and the fast path gives them to the cent.
 */
import { describe, expect, it } from "vitest";
import * as XLSX from "xlsx";
import { computeTable, validateScenario, type Scenario } from "../../model/engine";
import { Plan } from "../../model/engine/fast/plan";
import { exportWorkbook } from "../../model/io/xlsx-export";
import { hyperFormulaRecalc, poisonCachedValues } from "../io/recalc-engines";
import { check, type Tally } from "../fast/property-check";

const src = { kind: "fis", ref: "note" };
const p = (value: string, label: string) => ({ value, label, source: src });
const YEARS = ["FY2025", "FY2026", "FY2027", "FY2028", "FY2029"];

function json(item: object, annualized = false) {
  return {
    schemaVersion: 2,
    id: "recurring",
    name: "Recurring amount",
    description: "an amount stated once each year",
    agreement: { name: "A", employer: "State", union: "U", effectiveFrom: "2024-07-01", effectiveTo: "2029-06-30" },
    calendar: { fiscalYearStartMonth: 7, payFrequency: "monthly", payPeriodAnchor: "2024-07-01" },
    settings: { proration: "months", calendarToFiscal: "monthsInForce", salaryMethod: "averageSalary" },
    funds: [],
    groups: [],
    items: [{ kind: "fixedAmounts", id: "gear", label: "Equipment", line: "equipment", ...item }],
    table: {
      lines: [{ id: "equipment", label: "Equipment" }],
      columns: { fiscalYears: [2025, 2026, 2027, 2028, 2029], ...(annualized ? { annualized: true } : {}) },
      display: { unit: "dollars", decimals: 2, rounding: "halfUp", totals: "roundedExact" },
    },
  };
}

function scenario(item: object, annualized = false): Scenario {
  const checked = validateScenario(json(item, annualized));
  if (!checked.ok) throw new Error(JSON.stringify(checked.errors));
  return checked.value;
}

function errors(item: object): (string | undefined)[][] {
  const checked = validateScenario(json(item));
  return checked.ok ? [] : checked.errors.map((e) => [e.field, e.message]);
}

const row = (s: Scenario) =>
  Object.fromEntries(
    Object.entries(computeTable(s).lines.find((l) => l.id === "equipment")!.cells).map(([c, cell]) => [c, cell.exact.toFixed()]),
  );

/** The line's year cells on the Calculation sheet, recomputed from the workbook's formulas alone. */
function recomputed(s: Scenario): unknown[] {
  const bytes = poisonCachedValues(exportWorkbook([s]));
  const wb = XLSX.read(bytes);
  const sheet = wb.SheetNames.find((n) => n.startsWith("Calculation"))!;
  const ws = wb.Sheets[sheet]!;
  const range = XLSX.utils.decode_range(ws["!ref"]!);
  const hf = hyperFormulaRecalc(bytes);
  for (let r = 0; r <= range.e.r; r++)
    if (ws[XLSX.utils.encode_cell({ r, c: 0 })]?.v === "line:equipment")
      return YEARS.map((_, i) => hf.value(sheet, XLSX.utils.encode_cell({ r, c: 2 + i })));
  throw new Error("no row line:equipment");
}

describe("an amount recurring each year", () => {
  it("one entry, $50,000 in FY2026, counts in every later year: 200,000 over the table", () => {
    const s = scenario({ amounts: { FY2026: p("50000", "Equipment a year") }, recurring: true });
    expect(row(s)).toEqual({ FY2025: "0", FY2026: "50000", FY2027: "50000", FY2028: "50000", FY2029: "50000", Total: "200000" });
    expect(recomputed(s)).toEqual([0, 50000, 50000, 50000, 50000]);
  });

  it("growing 3% a year: 50,000, 51,500, 53,045, 54,636.35", () => {
    const s = scenario({ amounts: { FY2026: p("50000", "Equipment a year") }, recurring: true, growthRate: p("0.03", "Growth") });
    expect(row(s)).toEqual({
      FY2025: "0",
      FY2026: "50000",
      FY2027: "51500",
      FY2028: "53045",
      FY2029: "54636.35",
      Total: "209181.35",
    });
    const wb = recomputed(s) as number[];
    expect(wb.map((v) => v.toFixed(2))).toEqual(["0.00", "50000.00", "51500.00", "53045.00", "54636.35"]);
  });

  it("through FY2028: FY2029 costs nothing, and its explanation says why", () => {
    const s = scenario({
      amounts: { FY2026: p("50000", "Equipment a year") },
      recurring: true,
      growthRate: p("0.03", "Growth"),
      throughFiscalYear: 2028,
    });
    expect(row(s)).toMatchObject({ FY2027: "51500", FY2028: "53045", FY2029: "0", Total: "154545" });
    const cell = computeTable(s).lines.find((l) => l.id === "equipment")!.cells["FY2029"]!;
    expect(JSON.stringify(cell.explanation)).toContain("recurs through FY2028 only");
  });

  it("a new amount entered later takes over, and grows from its own year: 60,000 then 61,800", () => {
    const s = scenario({
      amounts: { FY2026: p("50000", "Equipment a year"), FY2028: p("60000", "Equipment from FY2028") },
      recurring: true,
      growthRate: p("0.03", "Growth"),
    });
    expect(row(s)).toMatchObject({ FY2027: "51500", FY2028: "60000", FY2029: "61800" });
  });

  it("the annualized column is the last year's amount, carried and grown: 54,636.35", () => {
    const s = scenario({ amounts: { FY2026: p("50000", "Equipment a year") }, recurring: true, growthRate: p("0.03", "Growth") }, true);
    expect(row(s)["Annualized"]).toBe("54636.35");
  });

  it("the explanation of a carried year names the entry and the growth", () => {
    const s = scenario({ amounts: { FY2026: p("50000", "Equipment a year") }, recurring: true, growthRate: p("0.03", "Growth") });
    const e = computeTable(s).lines.find((l) => l.id === "equipment")!.cells["FY2028"]!.explanation;
    const text = JSON.stringify(e);
    expect(text).toContain("the FY2026 amount x (1 + growth)^2");
    expect(text).toContain("items.gear.amounts.FY2026");
    expect(text).toContain("items.gear.growthRate");
  });

  it("without recurring, nothing changes: years left out cost nothing", () => {
    const s = scenario({ amounts: { FY2026: p("50000", "Equipment") } });
    expect(row(s)).toEqual({ FY2025: "0", FY2026: "50000", FY2027: "0", FY2028: "0", FY2029: "0", Total: "50000" });
  });

  it("the fast path gives the same cells to the cent", () => {
    const s = scenario({
      amounts: { FY2026: p("50000.01", "Equipment a year"), FY2028: p("-7000", "Saving from FY2028") },
      recurring: true,
      growthRate: p("0.0275", "Growth"),
      throughFiscalYear: 2029,
    });
    const t: Tally = { scenarios: 0, cells: 0, centNearTies: 0, displayFallbacks: 0, unstable: 0, worstBound: 0 };
    check(Plan.compile(s).evaluator(), computeTable(s), t, "recurring");
    expect(t.unstable).toBe(0);
    expect(t.cells).toBeGreaterThan(0);
  });
});

describe("refused", () => {
  it("a growth rate or a last year without recurring", () => {
    expect(errors({ amounts: { FY2026: p("1", "a") }, growthRate: p("0.03", "g"), throughFiscalYear: 2028 })).toEqual([
      ["items.gear.growthRate", 'a growth rate applies to a recurring amount only; add "recurring": true'],
      ["items.gear.throughFiscalYear", 'a last year applies to a recurring amount only; add "recurring": true'],
    ]);
  });
  it("a last year before the first amount", () => {
    expect(errors({ amounts: { FY2027: p("1", "a") }, recurring: true, throughFiscalYear: 2026 })).toEqual([
      ["items.gear.throughFiscalYear", "FY2026 is before the first amount entered (FY2027); nothing would recur"],
    ]);
  });
  it("a recurring amount with no amount entered", () => {
    expect(errors({ amounts: {}, recurring: true })).toEqual([
      ["items.gear.amounts", "a recurring amount needs the amount of its first year"],
    ]);
  });
});
