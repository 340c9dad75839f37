/**
 * A note whose total column stops early ("Two-year" total through FY2011 in a five-year table):
 * the analyses that speak of "all years" still weigh every year. Payroll $1,000,000; 5% from the
 * start of FY2024, 2% more from the start of FY2026; total column through FY2024 only.
 *   FY2024 50,000; FY2025 50,000; FY2026 1,000,000 x (1.05 x 1.02 - 1) = 71,000: all years 171,000.
 *   The FY2026 raise moved by 1 point: 1,000,000 x 1.05 x 0.01 = 10,500 either way, a swing of 21,000.
 */
import { describe, expect, it } from "vitest";
import { tornado } from "../../model/engine/analysis/sensitivity";
import { validateScenario, type Scenario } from "../../model/engine";

const src = { kind: "assumed", ref: "test" };
const p = (value: string, label: string) => ({ value, label, source: src });
const step = (fiscalYear: number, rate: string, effective: string) => ({
  fiscalYear,
  type: "percent",
  amount: p(rate, `FY${fiscalYear} raise`),
  effective,
  source: src,
});

function scenario(): Scenario {
  const checked = validateScenario({
    schemaVersion: 2,
    id: "through",
    name: "Total through FY2024",
    description: "a total column that stops before the last year",
    agreement: { name: "A", employer: "X", union: "U", effectiveFrom: "2023-07-01", effectiveTo: "2026-06-30" },
    calendar: { fiscalYearStartMonth: 7, payFrequency: "monthly", payPeriodAnchor: "2023-07-01" },
    settings: { proration: "months", calendarToFiscal: "monthsInForce", salaryMethod: "averageSalary" },
    groups: [{ id: "staff", label: "Staff", payroll: p("1000000", "payroll") }],
    items: [
      {
        kind: "raises",
        id: "raise",
        label: "Raise",
        line: "exp",
        steps: [step(2024, "0.05", "2023-07-01"), step(2026, "0.02", "2025-07-01")],
      },
    ],
    table: {
      lines: [
        { id: "exp", label: "Salaries" },
        { id: "total", label: "Total", style: "total", sum: ["exp"] },
      ],
      columns: { fiscalYears: [2024, 2025, 2026], total: { label: "One-year", through: 2024 } },
      display: { unit: "dollars", decimals: 0, rounding: "halfUp", totals: "roundedExact" },
    },
  });
  if (!checked.ok) throw new Error(JSON.stringify(checked.errors));
  return checked.value;
}

describe("a tornado over a table whose total column stops early", () => {
  it("weighs all three years: base 171,000; the FY2026 raise swings 21,000", () => {
    for (const path of ["fast", "exact"] as const) {
      const t = tornado(scenario(), {}, { path });
      const bar = t.bars.find((b) => b.label.includes("FY2026"))!;
      expect(t.baseTotal.toFixed(), path).toBe("171000");
      expect(bar.swing.toFixed(), path).toBe("21000");
    }
  });
});
