/**
 * Cost of 1% on the reference ("FIS as published"), by hand from P = 5,776 x 105,271.50 =
 * 608,048,184 and the raises 2%, 3%, 3%, 4%. Medicare (1.45%) rides on base salary, so each
 * change in TOTAL COST is the base-salary change x 1.0145.
 */
import { describe, expect, it } from "vitest";
import { costOfOnePercent } from "../../model/engine/analysis";
import { fisAsPublished } from "../../model/built-ins";
import { agreement, group, payRate, percent } from "../agreements/build";

describe("cost of one more point of raise, FIS as published", () => {
  const r = costOfOnePercent(fisAsPublished());
  const line = (fy: number) => r.onePercent.find((l) => l.fiscalYear === fy)!;

  it("FY2028: P x (1.02 x 1.03 x 1.03) x 0.01 x 1.0145, in FY2028 only", () => {
    // 608,048,184 x 1.082118 x 0.01 = 6,579,798.84773712; x 1.0145 = 6,675,205.93102930824
    expect(line(2028).ownYear.toFixed(8)).toBe("6675205.93102931");
    expect(line(2028).allYears.toFixed(8)).toBe("6675205.93102931");
    // Medicare part alone: 0.0145 x 6,579,798.84773712 = 95,407.0832921882
    expect(line(2028).byLine.benefits!.FY2028!.toFixed(6)).toBe("95407.083292");
    expect(line(2028).byLine.baseSalaryIncreases!.FY2028!.toFixed(8)).toBe("6579798.84773712");
    expect(line(2028).cells.FY2027!.isZero()).toBe(true);
    expect(line(2028).display.FY2028!.toNumber()).toBe(6675);
  });

  it("FY2025: compounds into every later year: P x 0.01 x (1 + 1.03 + 1.03^2 + 1.03^2 x 1.04) x 1.0145", () => {
    // own year: 608,048,184 x 0.01 x 1.0145 = 6,168,648.82668
    expect(line(2025).ownYear.toFixed(5)).toBe("6168648.82668");
    // 1 + 1.03 + 1.0609 + 1.103336 = 4.194236; 6,080,481.84 x 4.194236 x 1.0145 = 25,872,768.98021901648
    expect(line(2025).allYears.toFixed(6)).toBe("25872768.980219");
    // FY2026 alone: 6,168,648.82668 x 1.03 = 6,353,708.2914804
    expect(line(2025).cells.FY2026!.toFixed(7)).toBe("6353708.2914804");
  });

  it("$1,000 flat per member from FY2025: 5,776 x 1,000 x 1.0145 a year, compounded by the later percent raises", () => {
    const flat = r.flatPerMember.find((l) => l.fiscalYear === 2025)!;
    // 5,776,000 x 1.0145 = 5,859,752
    expect(flat.ownYear.toFixed(4)).toBe("5859752.0000");
    // 5,776,000 x 4.194236 x 1.0145 = 24,577,182.789472
    expect(flat.allYears.toFixed(6)).toBe("24577182.789472");
    const last = r.flatPerMember.find((l) => l.fiscalYear === 2028)!;
    expect(last.allYears.toFixed(4)).toBe("5859752.0000");
  });

  it("explains itself: the tree's value is the all-years cost and its children are the years that change", () => {
    const e = line(2026).explanation;
    expect(e.value).toBe(line(2026).allYears.toString());
    expect(e.children.map((c) => c.label)).toEqual(["TOTAL COST FY2026 change", "TOTAL COST FY2027 change", "TOTAL COST FY2028 change"]);
    expect(e.children[0]!.children.map((c) => c.label)).toEqual(["Base Salary Increases FY2026 change", "Benefits FY2026 change"]);
  });
});

describe("cost of 1% with a pension rate that starts later and a group-only loading", () => {
  it("a point in FY2026 costs the pension only from FY2027, and FICA only on the civilians' share", () => {
    const s = agreement({
      id: "police-small",
      fiscalYears: [2026, 2027],
      fiscalYearStartMonth: 7,
      firstPayPeriodStart: "2025-07-06",
      effectiveFrom: "2025-07-01",
      effectiveTo: "2027-06-30",
      groups: [group("sworn", "100", "80000"), group("civilian", "50", "40000")],
      lines: ["salary", "benefits"],
      items: [
        {
          kind: "raises",
          id: "raise",
          label: "Raise",
          line: "salary",
          steps: [percent(2026, "0.03", "2025-07-01"), percent(2027, "0", "2026-07-01")],
        },
        payRate("fica", "0.0765", ["raise"], { groupIds: ["civilian"] }),
        payRate("pension", "0.2", ["raise"], { groupIds: ["sworn"], startFiscalYear: 2027 }),
      ],
    });
    const l = costOfOnePercent(s).onePercent.find((x) => x.fiscalYear === 2026)!;
    // sworn 8,000,000 x 0.01 = 80,000; civilian 2,000,000 x 0.01 = 20,000; FICA 0.0765 x 20,000 = 1,530
    // FY2026: 100,000 + 1,530 = 101,530
    expect(l.ownYear.toFixed(4)).toBe("101530.0000");
    // FY2027 (0% raise, the point carries): 100,000 + 1,530 + pension 0.2 x 80,000 = 16,000 -> 117,530
    expect(l.cells.FY2027!.toFixed(4)).toBe("117530.0000");
    expect(l.allYears.toFixed(4)).toBe("219060.0000");
  });
});
