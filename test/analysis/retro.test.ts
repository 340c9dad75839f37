/**
 * Retroactive pay on the reference: raises effective Oct 1, implemented 120 days after Council
 * approval (Art. 36.2.2). FY2025 pay periods start Sun 2024-10-06 and every 14 days (26 in all);
 * FY2026's start 2025-10-05.
 */
import { describe, expect, it } from "vitest";
import { retroPay } from "../../model/engine/analysis";
import { computeTable } from "../../model/engine/compute";
import { Decimal } from "../../model/engine/decimal";
import { fisAsPublished } from "../../model/built-ins";

const baseSalary = (col: string) => computeTable(fisAsPublished()).lines[0]!.cells[col]!.exact;

describe("retro pay", () => {
  it("approved 2025-01-07: implemented 2025-05-07, 16 of 26 FY2025 pay periods owed, paid in FY2025", () => {
    const r = retroPay(fisAsPublished(), { approved: "2025-01-07" });
    if (!r.ok) throw new Error(r.message);
    expect([r.value.implementation, r.value.paidInFiscalYear]).toEqual(["2025-05-07", 2025]);
    // Periods starting before May 7: Oct 6, 20; Nov 3, 17; Dec 1, 15, 29; Jan 12, 26; Feb 9, 23; Mar 9, 23; Apr 6, 20; May 4 = 16
    expect(r.value.earned.map((e) => e.counted)).toEqual(["16 of 26 pay periods"]);
    // wages: 12,160,963.68 x 16/26 = 7,483,669.9569...; with Medicare x 1.0145 = 7,592,183.1713...
    expect(r.value.earned[0]!.wages.toFixed(4)).toBe("7483669.9569");
    expect(r.value.total.toFixed(4)).toBe("7592183.1713");
    expect(r.value.earned[0]!.wages.times(26).toFixed(6)).toBe(new Decimal("12160963.68").times(16).toFixed(6));
    // earned and paid in the same fiscal year: no cash moves between years
    expect(Object.values(r.value.cashShift).every((d) => d.isZero())).toBe(true);
  });

  it("approved 2025-12-01: implemented 2026-03-31 (FY2026); all of FY2025 and 13 of 26 FY2026 periods owed", () => {
    const r = retroPay(fisAsPublished(), { approved: "2025-12-01" });
    if (!r.ok) throw new Error(r.message);
    expect([r.value.implementation, r.value.paidInFiscalYear]).toEqual(["2026-03-31", 2026]);
    const [fy25, fy26] = r.value.earned;
    // FY2025 in full = the table's FY2025 base salary cell, 12,160,963.68
    expect(fy25!.wages.equals(baseSalary("FY2025"))).toBe(true);
    expect(fy25!.counted).toBe("26 of 26 pay periods");
    // FY2026: periods 2025-10-05 + 14k before 2026-03-31 are k = 0..12: 13 of 26; 30,767,238.11 x 13/26
    expect(fy26!.counted).toBe("13 of 26 pay periods");
    expect(fy26!.wages.equals(baseSalary("FY2026").div(2))).toBe(true);
    // Medicare on both: 0.0145 x wages
    expect(fy25!.ratesOfPay.equals(fy25!.wages.times("0.0145"))).toBe(true);
    // cash: FY2025's retro (12,160,963.68 x 1.0145 = 12,337,297.65336) moves from FY2025 to FY2026
    expect(r.value.cashShift.FY2025!.toFixed(5)).toBe("-12337297.65336");
    expect(r.value.cashShift.FY2026!.toFixed(5)).toBe("12337297.65336");
    expect(r.value.explanation.children.length).toBe(2);
  });

  it("a raise effective mid-year owes only the periods from its own date: Apr 1 2025 to May 7 = 3 periods", () => {
    const s = fisAsPublished();
    s.items = s.items.map((i) =>
      i.kind === "raises" ? { ...i, steps: [{ ...i.steps[0]!, effective: "2025-04-01" }, ...i.steps.slice(1)] } : i,
    );
    const r = retroPay(s, { approved: "2025-01-07" });
    if (!r.ok) throw new Error(r.message);
    // periods starting Apr 6, Apr 20, May 4: 608,048,184 x 0.02 x 3/26 = 1,403,188.1169...
    expect(r.value.earned[0]!.wages.toFixed(4)).toBe("1403188.1169");
    expect(r.value.earned[0]!.counted).toBe("3 of 26 pay periods");
  });

  it("nothing is owed when implementation comes before the first raise", () => {
    const r = retroPay(fisAsPublished(), { approved: "2024-06-01" });
    if (!r.ok) throw new Error(r.message);
    expect([r.value.implementation, r.value.earned.length, r.value.total.isZero()]).toEqual(["2024-09-29", 0, true]);
  });

  it("a lag of 0 days and bad input", () => {
    const r = retroPay(fisAsPublished(), { approved: "2025-01-07", implementationLagDays: 0 });
    expect(r.ok && r.value.implementation).toBe("2025-01-07");
    expect(retroPay(fisAsPublished(), { approved: "2025-02-30" })).toEqual({
      ok: false,
      message: 'approval date "2025-02-30" is not a real date written YYYY-MM-DD',
    });
    expect(retroPay(fisAsPublished(), { approved: "2025-01-07", implementationLagDays: -3 }).ok).toBe(false);
  });

  it("a raise paid in stated payrolls (periodsPaid) is refused, not owed by the periods it was in force", () => {
    // The table costs a flat $1,000 paid in 7 of 24 payrolls; counting 13 of 26 periods owed gave $50,725.
    const s = fisAsPublished();
    const item = s.items.find((i) => i.kind === "raises")!;
    if (item.kind !== "raises") throw new Error("no raises item");
    const step = item.steps[0]!;
    item.steps[0] = { ...step, periodsPaid: { count: { ...step.amount, value: "7" }, perYear: { ...step.amount, value: "24" } } };
    const r = retroPay(s, { approved: "2025-03-01", implementationLagDays: 30 });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toMatch(/^retro pay is not computed for a raise paid in stated payrolls \(periodsPaid\): /);
    expect(!r.ok && r.message).toMatch(/effective 2024-10-01/);
  });
});

describe("retro pay by days", () => {
  it("a July 1 raise on a calendar fiscal year, implemented Aug 31: 61 of 365 days", async () => {
    const { agreement, group, payRate, percent } = await import("../agreements/build");
    const s = agreement({
      id: "nurses-retro",
      fiscalYears: [2025, 2026],
      fiscalYearStartMonth: 1,
      firstPayPeriodStart: "2025-01-05",
      effectiveFrom: "2025-01-01",
      effectiveTo: "2026-12-31",
      settings: { proration: "days" },
      groups: [group("rn", "200", "90000")],
      lines: ["salary", "benefits"],
      items: [
        {
          kind: "raises",
          id: "raise",
          label: "Raise",
          line: "salary",
          steps: [percent(2025, "0.04", "2025-07-01"), percent(2026, "0", "2026-01-01")],
        },
        payRate("medicare", "0.0145", ["raise"]),
      ],
    });
    const r = retroPay(s, { approved: "2025-08-01", implementationLagDays: 30 });
    if (!r.ok) throw new Error(r.message);
    expect(r.value.implementation).toBe("2025-08-31");
    expect(r.value.earned[0]!.counted).toBe("61 of 365 days");
    // Jul 1 .. Aug 30 = 61 days: 200 x 90,000 x 0.04 x 61/365 = 43,920,000/365 = 120,328.7671...
    expect(r.value.earned[0]!.wages.times(365).toFixed(6)).toBe("43920000.000000");
    // with Medicare: x 1.0145
    expect(r.value.total.equals(r.value.earned[0]!.wages.times("1.0145"))).toBe(true);
  });
});
