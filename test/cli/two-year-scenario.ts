/**
 * A two-year scenario small enough to cost by hand, with the knobs the output tests turn: head
 * count (how big the figures get), the display unit and decimals, and an optional fund share.
 *
 *   members x $50,000 = payroll P; a 2% raise from FY2025's first day, 3% more from FY2026's:
 *   salaries FY2025 = 0.02 P, FY2026 = (1.02 x 1.03 - 1) P = 0.0506 P; Medicare 1.45% of those;
 *   equipment $1,000 in FY2025 only.
 * With 100 members (P = $5,000,000): salaries 100,000 / 253,000, benefits 1,450 / 3,668.50,
 * other 1,000 / 0, TOTAL 102,450 / 256,668.50, all years 359,118.50.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";

export interface TwoYearOptions {
  members?: string;
  unit?: "dollars" | "thousands" | "millions";
  decimals?: number;
  /** Share of the equipment item paid by the "GF" fund. */
  equipmentFundShare?: string;
}

const input = (value: string) => ({ value, label: "x", source: { kind: "assumed", ref: "r", note: "n" } });

export function twoYearScenario(o: TwoYearOptions = {}): Record<string, unknown> {
  const step = (fiscalYear: number, rate: string, effective: string) => ({
    fiscalYear,
    type: "percent",
    amount: input(rate),
    effective,
    source: { kind: "contract", ref: "a" },
  });
  return {
    schemaVersion: 2,
    id: "two-year",
    name: "Two-year test",
    description: "d",
    agreement: { name: "Test agreement", employer: "City", union: "Union", effectiveFrom: "2024-10-01", effectiveTo: "2026-09-30" },
    calendar: { fiscalYearStartMonth: 10, payFrequency: "biweekly", payPeriodAnchor: "2024-10-06" },
    settings: { proration: "payPeriods", calendarToFiscal: "monthsInForce", salaryMethod: "averageSalary" },
    ...(o.equipmentFundShare ? { funds: [{ id: "gf", label: "GF" }] } : {}),
    groups: [{ id: "g", label: "Group", members: input(o.members ?? "100"), averageSalary: input("50000") }],
    items: [
      {
        kind: "raises",
        id: "cola",
        label: "COLA",
        line: "salaries",
        steps: [step(2025, "0.02", "2024-10-01"), step(2026, "0.03", "2025-10-01")],
      },
      { kind: "payRate", id: "medicare", label: "Medicare", line: "benefits", rate: input("0.0145"), appliesTo: ["cola"] },
      {
        kind: "fixedAmounts",
        id: "equip",
        label: "Equipment",
        line: "other",
        amounts: { FY2025: input("1000") },
        ...(o.equipmentFundShare ? { fundShares: { gf: input(o.equipmentFundShare) } } : {}),
      },
    ],
    table: {
      lines: [
        { id: "salaries", label: "Salaries" },
        { id: "benefits", label: "Benefits" },
        { id: "other", label: "Other" },
        { id: "total", label: "TOTAL", style: "total", sum: ["salaries", "benefits", "other"] },
      ],
      columns: { fiscalYears: [2025, 2026], total: { label: "Total" }, annualized: false },
      display: { unit: o.unit ?? "dollars", decimals: o.decimals ?? 2, rounding: "halfUp", totals: "roundedExact" },
    },
  };
}

/** The scenario written into `dir` as NAME.json, for --scenario. */
export function writeTwoYearScenario(dir: string, name: string, o: TwoYearOptions = {}): string {
  const file = join(dir, `${name}.json`);
  writeFileSync(file, JSON.stringify(twoYearScenario(o), null, 1));
  return file;
}
