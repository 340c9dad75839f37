/**
 * A city police contract (fiscal year from July 1): sworn officers and civilians under one
 * across-the-board raise, each group with its own loading: sworn officers pay Medicare only
 * (no Social Security, as in most police plans) and join a 20% pension contribution from
 * FY2027; civilians pay FICA 7.65%. A $1,500 ratification payment per sworn officer is one-time
 * and stays out of the base. Raises: 3% FY2026, 0% FY2027, 2% FY2028, all on July 1.
 */
import { describe, expect, it } from "vitest";
import { agreement, expectCells, group, p, payRate, percent, table } from "./build";

const police = () =>
  agreement({
    id: "riverton-police",
    fiscalYears: [2026, 2027, 2028],
    fiscalYearStartMonth: 7,
    firstPayPeriodStart: "2025-07-06",
    effectiveFrom: "2025-07-01",
    effectiveTo: "2028-06-30",
    groups: [group("sworn", "120", "80000"), group("civilian", "40", "50000")],
    lines: ["salary", "ratification", "benefits"],
    items: [
      {
        kind: "raises",
        id: "raise",
        label: "Across-the-board raise",
        line: "salary",
        steps: [percent(2026, "0.03", "2025-07-01"), percent(2027, "0", "2026-07-01"), percent(2028, "0.02", "2027-07-01")],
      },
      {
        kind: "oneTime",
        id: "ratification",
        label: "Ratification payment",
        line: "ratification",
        groupIds: ["sworn"],
        paidInFiscalYear: 2026,
        rate: p("0", "rate"),
        amountPerMember: p("1500", "USD", "per sworn officer"),
      },
      payRate("medicare", "0.0145", ["raise"], { groupIds: ["sworn"] }),
      payRate("fica", "0.0765", ["raise"], { groupIds: ["civilian"] }),
      payRate("pension", "0.20", ["raise"], { groupIds: ["sworn"], startFiscalYear: 2027 }),
    ],
  });

describe("police: two groups, per-group loadings, a pension rate from FY2027, a one-time payment", () => {
  const result = table(police());

  it("salary: 3%, then 0% (no new cost but the FY2026 raise carries), then 2% compounding", () => {
    expectCells(result, "salary", {
      // sworn 120 x 80,000 = 9,600,000; civilian 40 x 50,000 = 2,000,000; P = 11,600,000
      // FY2026: 11,600,000 x 0.03 = 348,000
      FY2026: { exact: "348000.0000", display: 348 },
      // FY2027: 0% raise, the FY2026 level stays: 11,600,000 x (1.03 x 1.00 - 1) = 348,000
      FY2027: { exact: "348000.0000", display: 348 },
      // FY2028: 11,600,000 x (1.03 x 1.02 - 1) = 11,600,000 x 0.0506 = 586,960
      FY2028: { exact: "586960.0000", display: 587 },
      // 348,000 + 348,000 + 586,960 = 1,282,960
      Total: { exact: "1282960.0000", display: 1283 },
    });
  });

  it("the one-time payment is paid once and never enters the base", () => {
    expectCells(result, "ratification", {
      // 120 sworn x $1,500 = 180,000, FY2026 only
      FY2026: { exact: "180000.0000", display: 180 },
      FY2027: { exact: "0.0000", display: 0 },
      FY2028: { exact: "0.0000", display: 0 },
    });
    // no rate of pay applies to it and the raises do not see it: FY2027 salary is still 348,000
    expect(result.lines.find((l) => l.id === "salary")!.cells.FY2027!.exact.toFixed(2)).toBe("348000.00");
  });

  it("each group's loading applies only to its own share of the raise", () => {
    const item = (id: string, col: string) => result.items.find((i) => i.id === id)!.cells[col]!.exact.toFixed(4);
    // Medicare, sworn only: 0.0145 x (9,600,000 x 0.03 = 288,000) = 4,176
    expect(item("medicare", "FY2026")).toBe("4176.0000");
    // FY2028: 0.0145 x (9,600,000 x 0.0506 = 485,760) = 7,043.52
    expect(item("medicare", "FY2028")).toBe("7043.5200");
    // FICA, civilians only: 0.0765 x (2,000,000 x 0.03 = 60,000) = 4,590
    expect(item("fica", "FY2026")).toBe("4590.0000");
    // FY2028: 0.0765 x (2,000,000 x 0.0506 = 101,200) = 7,741.80
    expect(item("fica", "FY2028")).toBe("7741.8000");
  });

  it("the pension rate starts in FY2027: zero before, 20% of the sworn raise after", () => {
    const item = (col: string) => result.items.find((i) => i.id === "pension")!.cells[col]!.exact.toFixed(4);
    expect(item("FY2026")).toBe("0.0000");
    // 0.20 x 288,000 = 57,600
    expect(item("FY2027")).toBe("57600.0000");
    // 0.20 x 485,760 = 97,152
    expect(item("FY2028")).toBe("97152.0000");
  });

  it("benefits and TOTAL cell by cell", () => {
    expectCells(result, "benefits", {
      // 4,176 + 4,590 + 0 = 8,766
      FY2026: { exact: "8766.0000", display: 9 },
      // 4,176 + 4,590 + 57,600 = 66,366
      FY2027: { exact: "66366.0000", display: 66 },
      // 7,043.52 + 7,741.80 + 97,152 = 111,937.32
      FY2028: { exact: "111937.3200", display: 112 },
      // 8,766 + 66,366 + 111,937.32 = 187,069.32
      Total: { exact: "187069.3200", display: 187 },
    });
    expectCells(result, "totalCost", {
      // 348,000 + 180,000 + 8,766 = 536,766
      FY2026: { exact: "536766.0000", display: 537 },
      // 348,000 + 0 + 66,366 = 414,366
      FY2027: { exact: "414366.0000", display: 414 },
      // 586,960 + 111,937.32 = 698,897.32
      FY2028: { exact: "698897.3200", display: 699 },
      // 1,282,960 + 180,000 + 187,069.32 = 1,650,029.32
      Total: { exact: "1650029.3200", display: 1650 },
    });
  });

  it("a rate with groupIds covering every group of its target is the plain rate", () => {
    const s = police();
    s.items = s.items.map((i) => (i.id === "medicare" ? { ...i, groupIds: ["sworn", "civilian"] } : i));
    // 0.0145 x 348,000 = 5,046
    expect(
      table(s)
        .items.find((i) => i.id === "medicare")!
        .cells.FY2026!.exact.toFixed(4),
    ).toBe("5046.0000");
  });
});
