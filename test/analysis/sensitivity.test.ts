/** Tornado and two-way tables on the reference, with the biggest bars checked by hand. */
import { describe, expect, it } from "vitest";
import { raiseGrid, tornado, twoWayTable } from "../../model/engine/analysis";
import { computeTable } from "../../model/engine/compute";
import { Decimal } from "../../model/engine/decimal";
import { fisAsPublished } from "../../model/built-ins";
import { setInputValue, listInputs } from "../../model/engine/scenario/paths";
import { withScheduleMethod } from "../../model/engine/schedule/with-method";
import { stepText } from "../../renderer/analysis/tornado-words";

const total = (s = fisAsPublished()) => computeTable(s).lines.find((l) => l.id === "totalCost")!.cells.Total!.exact;

describe("tornado, FIS as published (every variant an exact costing)", () => {
  const t = tornado(fisAsPublished(), {}, { path: "exact" });
  const bar = (path: string) => t.bars.find((b) => b.path === path)!;

  it("has one bar per input, sorted by swing", () => {
    expect(t.bars.length).toBe(listInputs(fisAsPublished()).length);
    for (let i = 1; i < t.bars.length; i++) expect(t.bars[i - 1]!.swing.greaterThanOrEqualTo(t.bars[i]!.swing)).toBe(true);
    expect(t.baseTotal.equals(total())).toBe(true);
  });

  it("the FY2025 raise leads: +/-1 point moves four years of compounded pay: P x 0.02 x 4.194236 x 1.0145", () => {
    expect(t.bars[0]!.path).toBe("items.baseSalary.steps.2024-10-01.amount");
    expect([t.bars[0]!.low.toString(), t.bars[0]!.high.toString(), t.bars[0]!.move]).toEqual(["0.01", "0.03", "±0.01"]);
    // 608,048,184 x 0.02 x (1 + 1.03 + 1.0609 + 1.103336) x 1.0145 = 51,745,537.96043803296
    expect(t.bars[0]!.swing.toFixed(6)).toBe("51745537.960438");
  });

  it("members move by 10% (5,198.4 to 6,353.6) and the swing is 20% of everything headcount drives", () => {
    const b = bar("groups.wtu.members");
    expect([b.low.toString(), b.high.toString(), b.move]).toEqual(["5198.4", "6353.6", "±10%"]);
    expect(b.total.high.minus(t.baseTotal).equals(t.baseTotal.minus(b.total.low))).toBe(true);
  });

  it("the local share moves the local portion (the first share line) only, and is kept inside 0..1 (0.993582 + 0.01 -> 1)", () => {
    const b = bar("table.lines.localPortion.rate");
    expect(b.swing.isZero()).toBe(true);
    expect([b.low.toString(), b.high.toString()]).toEqual(["0.983582", "1"]);
    // Down a point, up only 0.006418 to its highest, and the move says so.
    expect(b.move).toBe("-0.01 / +0.006418");
    expect(stepText({ ...b, value: b.value.toString(), low: b.low.toString(), high: b.high.toString() })).toBe(
      "−1 / +0.6418 points; its highest is 100%",
    );
    // local portion at share 1 is the TOTAL itself; at 0.983582 it is 0.983582 x TOTAL
    expect(b.share!.high.equals(t.baseTotal)).toBe(true);
    expect(b.share!.low.equals(t.baseTotal.times("0.983582"))).toBe(true);
  });

  it("each bar equals a costing of the edited scenario", () => {
    const b = bar("items.coveragePremium.growthRate");
    expect(b.total.high.equals(total(setInputValue(fisAsPublished(), b.path, "0.03")))).toBe(true);
  });
});

describe("two-way table FY2026 x FY2027 raises (every variant an exact costing)", () => {
  const w = twoWayTable(fisAsPublished(), { rowYear: 2026, columnYear: 2027 }, {}, { path: "exact" });

  it("is 21 x 21 over 0%..10% by 0.5%", () => {
    expect(w.rowRates.length).toBe(21);
    expect(w.values.length).toBe(21);
    expect(w.values.every((r) => r.length === 21)).toBe(true);
    expect([w.rowRates[0]!.toString(), w.rowRates[6]!.toString(), w.rowRates[20]!.toString()]).toEqual(["0", "0.03", "0.1"]);
    expect(w.evaluations).toBe(441);
  });

  it("at (3%, 3%) it is the reference total; at (0%, 0%) a costing with both raises at 0", () => {
    expect(w.values[6]![6]!.equals(total())).toBe(true);
    const zero = setInputValue(
      setInputValue(fisAsPublished(), "items.baseSalary.steps.2025-10-01.amount", "0"),
      "items.baseSalary.steps.2026-10-01.amount",
      "0",
    );
    expect(w.values[0]![0]!.equals(total(zero))).toBe(true);
  });

  it("one more 0.5% in FY2027 at FY2026 = 0% costs P x 1.02 x 0.005 x (1 + 1.04) x 1.0145 over FY2027-FY2028", () => {
    // 608,048,184 x 1.02 x 0.005 x 2.04 x 1.0145 = 12,834,880.498...; by hand:
    const expected = new Decimal("608048184").times("1.02").times("0.005").times("2.04").times("1.0145");
    expect(w.values[0]![1]!.minus(w.values[0]![0]!).minus(expected).abs().lessThan("0.000001")).toBe(true);
  });

  it("rejects the same year twice and a non-positive grid step", () => {
    expect(() => twoWayTable(fisAsPublished(), { rowYear: 2026, columnYear: 2026 })).toThrow(/two different/);
    expect(() => raiseGrid(new Decimal(0), new Decimal(1), new Decimal(0))).toThrow(/positive/);
  });
});

describe("on the fast path (the default), the same answers to the cent", () => {
  const cents = (d: Decimal) => d.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);

  it("tornado: every bar's totals equal the exact costing's, to the cent", () => {
    for (const scenario of [fisAsPublished(), withScheduleMethod(fisAsPublished())]) {
      const fast = tornado(scenario);
      const exact = tornado(scenario, {}, { path: "exact" });
      expect(fast.path).toBe("fast");
      expect(fast.bars.length).toBe(exact.bars.length);
      const byPath = new Map(exact.bars.map((b) => [b.path, b]));
      for (const b of fast.bars) {
        const e = byPath.get(b.path)!;
        expect([b.low.toString(), b.high.toString()]).toEqual([e.low.toString(), e.high.toString()]);
        expect([cents(b.total.low), cents(b.total.high)], b.path).toEqual([cents(e.total.low), cents(e.total.high)]);
        expect([cents(b.share!.low), cents(b.share!.high)], b.path).toEqual([cents(e.share!.low), cents(e.share!.high)]);
      }
      expect(fast.bars[0]!.path).toBe(exact.bars[0]!.path);
    }
  }, 120_000);

  it("two-way: every cell equals the exact costing's to the cent, and shows the same $K", () => {
    const fast = twoWayTable(fisAsPublished(), { rowYear: 2026, columnYear: 2027 });
    const exact = twoWayTable(fisAsPublished(), { rowYear: 2026, columnYear: 2027 }, {}, { path: "exact" });
    expect(fast.path).toBe("fast");
    expect(fast.evaluations).toBe(441);
    expect(fast.values.map((r) => r.map(cents))).toEqual(exact.values.map((r) => r.map(cents)));
    expect(fast.display.map((r) => r.map(String))).toEqual(exact.display.map((r) => r.map(String)));
  });
});
