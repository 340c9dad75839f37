/**
 * A state AFSCME unit (fiscal year from July 1) with flat-dollar raises that accumulate:
 * $1,200 in FY2026, $1,000 in FY2027, nothing in FY2028, $800 in FY2029; an 11.5% pension
 * contribution on the raises; the state pays 60% (local share 0.6); cells truncated to $1K, as
 * some states print them, which differs from half-up in the marked cells.
 */
import { describe, expect, it } from "vitest";
import { agreement, expectCells, flat, group, payRate, table } from "./build";

const afscme = (rounding: "truncate" | "halfUp" = "truncate") =>
  agreement({
    id: "afscme-unit",
    fiscalYears: [2026, 2027, 2028, 2029],
    fiscalYearStartMonth: 7,
    firstPayPeriodStart: "2025-07-06",
    effectiveFrom: "2025-07-01",
    effectiveTo: "2029-06-30",
    rounding,
    groups: [group("clerical", "289", "45000")],
    lines: ["salary", "pension"],
    items: [
      {
        kind: "raises",
        id: "raise",
        label: "Flat raise",
        line: "salary",
        steps: [
          flat(2026, "1200", "2025-07-01"),
          flat(2027, "1000", "2026-07-01"),
          flat(2028, "0", "2027-07-01"),
          flat(2029, "800", "2028-07-01"),
        ],
      },
      payRate("pension", "0.115", ["raise"], { line: "pension" }),
    ],
    localShare: "0.6",
  });

describe("AFSCME: flat-dollar raises accumulate; truncation", () => {
  const result = table(afscme());

  it("flat raises add up year over year (no compounding on the base)", () => {
    expectCells(result, "salary", {
      // 289 x 1,200 = 346,800 -> truncated 346 (half-up would be 347)
      FY2026: { exact: "346800.0000", display: 346 },
      // 289 x (1,200 + 1,000 = 2,200) = 635,800 -> 635 (half-up 636)
      FY2027: { exact: "635800.0000", display: 635 },
      // $0 in FY2028: still 2,200 a member, 635,800
      FY2028: { exact: "635800.0000", display: 635 },
      // 289 x (2,200 + 800 = 3,000) = 867,000
      FY2029: { exact: "867000.0000", display: 867 },
      // 346,800 + 635,800 + 635,800 + 867,000 = 2,485,400
      Total: { exact: "2485400.0000", display: 2485 },
    });
  });

  it("pension 11.5% of the raise, truncated", () => {
    expectCells(result, "pension", {
      // 0.115 x 346,800 = 39,882 -> 39 (half-up 40)
      FY2026: { exact: "39882.0000", display: 39 },
      // 0.115 x 635,800 = 73,117 -> 73
      FY2027: { exact: "73117.0000", display: 73 },
      FY2028: { exact: "73117.0000", display: 73 },
      // 0.115 x 867,000 = 99,705 -> 99 (half-up 100)
      FY2029: { exact: "99705.0000", display: 99 },
      // 39,882 + 73,117 + 73,117 + 99,705 = 285,821 -> 285 (half-up 286)
      Total: { exact: "285821.0000", display: 285 },
    });
  });

  it("TOTAL and the 60% share; the total is truncated from unrounded parts, not summed from truncated cells", () => {
    expectCells(result, "totalCost", {
      // 346,800 + 39,882 = 386,682 -> 386
      FY2026: { exact: "386682.0000", display: 386 },
      // 635,800 + 73,117 = 708,917 -> 708
      FY2027: { exact: "708917.0000", display: 708 },
      // 867,000 + 99,705 = 966,705 -> 966
      FY2029: { exact: "966705.0000", display: 966 },
      // 2,485,400 + 285,821 = 2,771,221 -> 2,771 (truncated cells would sum to 2,485 + 285 = 2,770)
      Total: { exact: "2771221.0000", display: 2771 },
    });
    expectCells(result, "localPortion", {
      // 0.6 x 386,682 = 232,009.20 -> 232
      FY2026: { exact: "232009.2000", display: 232 },
      // 0.6 x 2,771,221 = 1,662,732.60 -> 1,662 (half-up 1,663)
      Total: { exact: "1662732.6000", display: 1662 },
    });
  });

  it("the same agreement rounded half-up shows the cells truncation cut", () => {
    const halfUp = table(afscme("halfUp"));
    const d = (line: string, col: string) => halfUp.lines.find((l) => l.id === line)!.cells[col]!.display.toNumber();
    expect([
      d("salary", "FY2026"),
      d("salary", "FY2027"),
      d("pension", "FY2026"),
      d("pension", "FY2029"),
      d("totalCost", "FY2026"),
      d("localPortion", "Total"),
    ]).toEqual([347, 636, 40, 100, 387, 1663]);
  });
});
