/**
 * A county hospital nurses' contract on a calendar fiscal year (FY = CY): raises mid-year on
 * July 1, prorated by days (184 of 365 days from Jul 1 to Dec 31), then two years at 0%; a
 * night-shift differential as premium pay loaded with Medicare and growing 2% a year; Medicare
 * 1.45% on the raises.
 */
import { describe, expect, it } from "vitest";
import { agreement, expectCells, group, p, payRate, percent, table } from "./build";

const nurses = () =>
  agreement({
    id: "county-nurses",
    fiscalYears: [2025, 2026, 2027, 2028],
    fiscalYearStartMonth: 1,
    firstPayPeriodStart: "2025-01-05",
    effectiveFrom: "2025-01-01",
    effectiveTo: "2028-12-31",
    settings: { proration: "days" },
    groups: [group("rn", "200", "90000")],
    lines: ["salary", "differential", "benefits"],
    items: [
      {
        kind: "raises",
        id: "raise",
        label: "Raise",
        line: "salary",
        steps: [
          percent(2025, "0.04", "2025-07-01"),
          percent(2026, "0.03", "2026-07-01"),
          percent(2027, "0", "2027-01-01"),
          percent(2028, "0", "2028-01-01"),
        ],
      },
      {
        kind: "premiumPay",
        id: "nightDifferential",
        label: "Night-shift differential",
        line: "differential",
        units: p("10000", "count", "night shifts a year"),
        hoursPerUnit: p("8", "hours"),
        hourlyRate: p("4", "USD/hour"),
        payRateIds: ["medicare"],
        growthRate: p("0.02", "rate"),
        firstFiscalYear: 2026,
        yearsPaidInFirstYear: p("1", "count"),
      },
      payRate("medicare", "0.0145", ["raise"]),
    ],
  });

describe("nurses: mid-year raises prorated by days, 0% years, premium pay with loading", () => {
  const result = table(nurses());

  it("salary by days: 184 of 365 days of the July 1 raise in its first year", () => {
    expectCells(result, "salary", {
      // P = 200 x 90,000 = 18,000,000; FY2025: 18,000,000 x 0.04 x 184/365 = 132,480,000 / 365 = 362,958.9041...
      FY2025: { exact: "362958.9041", display: 363 },
      // FY2026: full 4% (720,000) + the 3% on 93,600 (2,808 per nurse) for 184/365:
      // 720,000 + 200 x 2,808 x 184/365 = 720,000 + 103,334,400/365 = 720,000 + 283,107.9452 = 1,003,107.9452
      FY2026: { exact: "1003107.9452", display: 1003 },
      // FY2027 at 0%: 18,000,000 x (1.04 x 1.03 - 1) = 18,000,000 x 0.0712 = 1,281,600
      FY2027: { exact: "1281600.0000", display: 1282 },
      // FY2028 at 0% again: 1,281,600
      FY2028: { exact: "1281600.0000", display: 1282 },
    });
    // exactly 132,480,000 / 365: times 365 gives the whole number back
    expect(result.lines[0]!.cells.FY2025!.exact.times(365).toFixed(6)).toBe("132480000.000000");
  });

  it("premium pay: units x hours x rate x (1 + Medicare), from FY2026, growing 2%", () => {
    expectCells(result, "differential", {
      FY2025: { exact: "0.0000", display: 0 },
      // 10,000 x 8 x 4 x 1.0145 = 324,640
      FY2026: { exact: "324640.0000", display: 325 },
      // 324,640 x 1.02 = 331,132.80
      FY2027: { exact: "331132.8000", display: 331 },
      // 324,640 x 1.02^2 = 324,640 x 1.0404 = 337,755.456
      FY2028: { exact: "337755.4560", display: 338 },
    });
  });

  it("Medicare on the raises", () => {
    expectCells(result, "benefits", {
      // 0.0145 x 132,480,000/365 = 1,920,960/365 = 5,262.9041...
      FY2025: { exact: "5262.9041", display: 5 },
      // 0.0145 x 1,003,107.9452... = 14,545.0652...
      FY2026: { exact: "14545.0652", display: 15 },
      // 0.0145 x 1,281,600 = 18,583.20
      FY2027: { exact: "18583.2000", display: 19 },
      FY2028: { exact: "18583.2000", display: 19 },
    });
  });

  it("by pay periods instead: the July 1 raise counts the periods starting on or after July 1", () => {
    const s = nurses();
    s.settings = { ...s.settings, proration: "payPeriods" };
    // Biweekly from Sun 2025-01-05: 26 periods start in 2025; those from 2025-07-13 on (k = 13..25) are 13 of 26.
    // 18,000,000 x 0.04 x 13/26 = 360,000
    expect(table(s).lines[0]!.cells.FY2025!.exact.toFixed(4)).toBe("360000.0000");
  });
});
