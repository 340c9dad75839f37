/**
 * Another school district (fiscal year from July 1, biweekly pay from Sun 2024-07-07):
 * certificated teachers and classified staff with their own pension systems (teachers' STRS 18%;
 * classified PERS 25% from FY2026), FICA 7.65% on the raises and on a one-time 2% payment, a
 * 2.5% raise effective Feb 1, 2025 (mid-year, by pay periods), 3% on July 1, 2025, then 0%.
 * The state grant pays 15% (local share 0.85).
 */
import { describe, expect, it } from "vitest";
import { agreement, expectCells, group, p, payRate, percent, table } from "./build";

const district = () =>
  agreement({
    id: "unified-school-district",
    fiscalYears: [2025, 2026, 2027],
    fiscalYearStartMonth: 7,
    firstPayPeriodStart: "2024-07-07",
    effectiveFrom: "2024-07-01",
    effectiveTo: "2027-06-30",
    groups: [group("teachers", "500", "60000"), group("classified", "150", "35000")],
    lines: ["salary", "oneTimePayment", "benefits"],
    items: [
      {
        kind: "raises",
        id: "raise",
        label: "Salary schedule increase",
        line: "salary",
        steps: [percent(2025, "0.025", "2025-02-01"), percent(2026, "0.03", "2025-07-01"), percent(2027, "0", "2026-07-01")],
      },
      {
        kind: "oneTime",
        id: "lumpSum",
        label: "One-time 2% payment",
        line: "oneTimePayment",
        paidInFiscalYear: 2026,
        rate: p("0.02", "rate"),
        earnings: p("35250000", "USD", "FY2025 base payroll"),
      },
      payRate("fica", "0.0765", ["raise", "lumpSum"]),
      payRate("strs", "0.18", ["raise"], { groupIds: ["teachers"] }),
      payRate("pers", "0.25", ["raise"], { groupIds: ["classified"], startFiscalYear: 2026 }),
    ],
    localShare: "0.85",
  });

describe("school district: mid-year raise by pay periods, FICA on base and one-time pay, two pension systems", () => {
  const result = table(district());
  const item = (id: string, col: string) => result.items.find((i) => i.id === id)!.cells[col]!.exact.toFixed(4);

  it("the Feb 1 raise counts 11 of FY2025's 26 pay periods", () => {
    // Periods start 2024-07-07 + 14k; 26 start in FY2025 (k = 0..25, last 2025-06-22);
    // those on or after 2025-02-01 are k = 15..25 (first 2025-02-09): 11 of 26.
    // P = 500 x 60,000 + 150 x 35,000 = 30,000,000 + 5,250,000 = 35,250,000
    // FY2025: 35,250,000 x 0.025 x 11/26 = 9,693,750 / 26 = 372,836.5385
    expectCells(result, "salary", {
      FY2025: { exact: "372836.5385", display: 373 },
      // FY2026: 35,250,000 x (1.025 x 1.03 - 1) = 35,250,000 x 0.05575 = 1,965,187.50
      FY2026: { exact: "1965187.5000", display: 1965 },
      // FY2027 at 0%: 1,965,187.50
      FY2027: { exact: "1965187.5000", display: 1965 },
    });
    expect(result.lines[0]!.cells.FY2025!.exact.times(26).toFixed(6)).toBe("9693750.000000");
  });

  it("the one-time payment is paid in FY2026 only and is not in FY2027's base", () => {
    expectCells(result, "oneTimePayment", {
      // 0.02 x 35,250,000 = 705,000
      FY2026: { exact: "705000.0000", display: 705 },
      FY2027: { exact: "0.0000", display: 0 },
    });
  });

  it("FICA 7.65% on base increase and one-time pay", () => {
    // FY2025: 0.0765 x 9,693,750/26 = 741,571.875/26 = 28,521.9952
    expect(item("fica", "FY2025")).toBe("28521.9952");
    // FY2026: 0.0765 x (1,965,187.50 + 705,000 = 2,670,187.50) = 204,269.34375
    expect(item("fica", "FY2026")).toBe("204269.3438");
    // FY2027: 0.0765 x 1,965,187.50 = 150,336.84375
    expect(item("fica", "FY2027")).toBe("150336.8438");
  });

  it("each group's pension on its own raise; PERS from FY2026", () => {
    // STRS FY2025: 0.18 x (30,000,000 x 0.025 x 11/26 = 317,307.6923) = 1,485,000/26 = 57,115.3846
    expect(item("strs", "FY2025")).toBe("57115.3846");
    // STRS FY2026: 0.18 x (30,000,000 x 0.05575 = 1,672,500) = 301,050
    expect(item("strs", "FY2026")).toBe("301050.0000");
    expect(item("pers", "FY2025")).toBe("0.0000");
    // PERS FY2026: 0.25 x (5,250,000 x 0.05575 = 292,687.50) = 73,171.875
    expect(item("pers", "FY2026")).toBe("73171.8750");
  });

  it("benefits, TOTAL and local portion cell by cell", () => {
    expectCells(result, "benefits", {
      // 28,521.9952 + 57,115.3846 + 0 = 2,226,571.875/26 = 85,637.3798
      FY2025: { exact: "85637.3798", display: 86 },
      // 204,269.34375 + 301,050 + 73,171.875 = 578,491.21875
      FY2026: { exact: "578491.2188", display: 578 },
      // 150,336.84375 + 301,050 + 73,171.875 = 524,558.71875
      FY2027: { exact: "524558.7188", display: 525 },
    });
    expectCells(result, "totalCost", {
      // (9,693,750 + 2,226,571.875)/26 = 11,920,321.875/26 = 458,473.9183
      FY2025: { exact: "458473.9183", display: 458 },
      // 1,965,187.50 + 705,000 + 578,491.21875 = 3,248,678.71875
      FY2026: { exact: "3248678.7188", display: 3249 },
      // 1,965,187.50 + 524,558.71875 = 2,489,746.21875
      FY2027: { exact: "2489746.2188", display: 2490 },
    });
    expectCells(result, "localPortion", {
      // 0.85 x 3,248,678.71875 = 2,761,376.9109375
      FY2026: { exact: "2761376.9109", display: 2761 },
    });
  });
});
