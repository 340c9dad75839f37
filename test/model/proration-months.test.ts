/**
 * Proration by months, two ways. "months" counts the months of the fiscal year starting on or
 * after the raise's date; "monthsCountingFirst" counts the month the date falls in as well, as the
 * Wyoming LSO note on HB0240 (2009) does: "effective January 3, 2011 ... in effect for the last six
 * months of FY 2011". Five officials at $5,955.40 a year (29,777 / 5, the note's FY2012):
 *   months:              January 3 misses January: 5 of 12, 5 x 5,955.40 x 5/12 = 12,407.08333...
 *   monthsCountingFirst: January counts: 6 of 12, 5 x 5,955.40 x 6/12 = 14,888.50 (the note prints 14,888).
 */
import { describe, expect, it } from "vitest";
import * as XLSX from "xlsx";
import { computeTable, shareOfFiscalYearAfter, validateScenario, type PayCalendar, type Scenario } from "../../model/engine";
import { diffScenarios } from "../../model/engine/analysis/diff";
import { exportWorkbook } from "../../model/io/xlsx-export";

const JULY: PayCalendar = { fiscalYearStartMonth: 7, payFrequency: "monthly", payPeriodAnchor: "2010-07-01" };
const src = { kind: "document", ref: "fiscal note" };
const p = (value: string, label: string) => ({ value, label, source: src });

function wyoming(proration: string, step: object = {}): Scenario {
  const checked = validateScenario({
    schemaVersion: 2,
    id: "wy",
    name: "Elected officials",
    description: "five officials, a raise effective January 3",
    agreement: { name: "HB0240", employer: "State", union: "none", effectiveFrom: "2011-01-03", effectiveTo: "2012-06-30" },
    calendar: JULY,
    settings: { proration, calendarToFiscal: "monthsInForce", salaryMethod: "averageSalary" },
    groups: [{ id: "officials", label: "Officials", members: p("5", "officials"), averageSalary: p("100000", "salary") }],
    items: [
      {
        kind: "raises",
        id: "salary",
        label: "Salary increase",
        line: "gf",
        steps: [{ fiscalYear: 2011, type: "flat", amount: p("5955.40", "increase a year"), effective: "2011-01-03", source: src, ...step }],
      },
    ],
    table: {
      lines: [{ id: "gf", label: "General Fund", style: "total" }],
      columns: { fiscalYears: [2011, 2012], total: false },
      display: { unit: "dollars", decimals: 0, rounding: "halfUp", totals: "roundedExact" },
    },
  });
  if (!checked.ok) throw new Error(JSON.stringify(checked.errors));
  return checked.value;
}

const fy2011 = (s: Scenario) => computeTable(s).lines[0]!.cells["FY2011"]!;

describe("the share of a July fiscal year a raise is paid, by months", () => {
  it("January 3: 5 of 12 counting months that start on or after it; 6 of 12 counting its own month", () => {
    expect(shareOfFiscalYearAfter("2011-01-03", 2011, JULY, "months")).toEqual({ num: 5, den: 12 });
    expect(shareOfFiscalYearAfter("2011-01-03", 2011, JULY, "monthsCountingFirst")).toEqual({ num: 6, den: 12 });
  });

  it("on the first of a month both count it; on the year's first day 12; on its last day 0 or 1", () => {
    expect(shareOfFiscalYearAfter("2011-01-01", 2011, JULY, "months")).toEqual({ num: 6, den: 12 });
    expect(shareOfFiscalYearAfter("2011-01-01", 2011, JULY, "monthsCountingFirst")).toEqual({ num: 6, den: 12 });
    expect(shareOfFiscalYearAfter("2010-07-01", 2011, JULY, "monthsCountingFirst")).toEqual({ num: 12, den: 12 });
    expect(shareOfFiscalYearAfter("2011-06-30", 2011, JULY, "months")).toEqual({ num: 0, den: 12 });
    expect(shareOfFiscalYearAfter("2011-06-30", 2011, JULY, "monthsCountingFirst")).toEqual({ num: 1, den: 12 });
  });
});

describe("the Wyoming officials' raise of January 3, 2011", () => {
  it("months: 5 x 5,955.40 x 5/12 = 12,407.08; counting January: 5 x 5,955.40 x 6/12 = 14,888.50", () => {
    expect(fy2011(wyoming("months")).exact.toFixed(2)).toBe("12407.08");
    const cell = fy2011(wyoming("monthsCountingFirst"));
    expect(cell.exact.toFixed(2)).toBe("14888.50");
    expect(JSON.stringify(cell.explanation)).toContain("the months of FY2011 from the month of 2011-01-03 on, of the year's 12");
  });

  it("Compare names the setting in words", () => {
    const d = diffScenarios(wyoming("months"), wyoming("monthsCountingFirst")).find((x) => x.id === "settings.proration")!;
    expect(d.label).toBe("Mid-year raises: prorated by months → prorated by months, the month of the date counted");
  });
});

describe("a raise with a dollar floor, prorated by months, in the workbook", () => {
  it("names its counts in months, never pay periods", () => {
    const s = wyoming("monthsCountingFirst", { type: "percent", amount: p("0.02", "raise"), atLeast: p("2500", "floor") });
    // 2% of 100,000 = 2,000, held at the floor 2,500: 5 x 2,500 x 6/12 = 6,250.
    expect(fy2011(s).exact.toFixed(2)).toBe("6250.00");
    const wb = XLSX.read(exportWorkbook([s]));
    const texts = wb.SheetNames.flatMap((n) => Object.values(wb.Sheets[n]!).map((c) => String((c as XLSX.CellObject).v ?? "")));
    expect(texts.some((t) => /^Months of FY2011/.test(t))).toBe(true);
    expect(texts.some((t) => /^Pay periods of FY/.test(t))).toBe(false);
  });
});
