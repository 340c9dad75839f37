/**
 * A rate of pay limited to some groups (groupIds) applies to those groups' part of each target
 * item's cost: recomputed for the groups when the item is costed per group, else split by the
 * groups' share of covered payroll. Groups: A 10 x 100,000 = 1,000,000; B 30 x 50,000 = 1,500,000.
 */
import { describe, expect, it } from "vitest";
import type { CostItem } from "../../model/engine/scenario/types";
import { agreement, group, p, payRate, table } from "./build";

const scenario = (items: CostItem[]) =>
  agreement({
    id: "loadings",
    fiscalYears: [2026],
    fiscalYearStartMonth: 7,
    firstPayPeriodStart: "2025-07-06",
    effectiveFrom: "2025-07-01",
    effectiveTo: "2026-06-30",
    groups: [group("A", "10", "100000"), group("B", "30", "50000")],
    lines: ["pay", "benefits"],
    items,
  });
const rateCost = (items: CostItem[]) =>
  table(scenario(items))
    .items.find((i) => i.id === "pension")!
    .cells.FY2026!.exact.toFixed(4);

/** $100,000 of uniforms for group A alone. */
const onlyA: CostItem = {
  kind: "fixedAmounts",
  id: "uniforms",
  label: "Uniforms",
  line: "pay",
  groupIds: ["A"],
  amounts: { FY2026: p("100000", "USD") },
};

describe("per-group rates of pay on items that are not raises", () => {
  it("one-time pay on an explicit earnings figure is split by payroll share", () => {
    const bonus: CostItem = {
      kind: "oneTime",
      id: "bonus",
      label: "Bonus",
      line: "pay",
      paidInFiscalYear: 2026,
      rate: p("0.02", "rate"),
      earnings: p("2500000", "USD"),
    };
    // 0.02 x 2,500,000 = 50,000; A's share 1,000,000 / 2,500,000 = 0.4 -> 20,000; pension 0.1 x 20,000 = 2,000
    expect(rateCost([bonus, payRate("pension", "0.1", ["bonus"], { groupIds: ["A"] })])).toBe("2000.0000");
  });

  it("one-time pay on covered payroll is recomputed for the group", () => {
    const bonus: CostItem = { kind: "oneTime", id: "bonus", label: "Bonus", line: "pay", paidInFiscalYear: 2026, rate: p("0.02", "rate") };
    // A: 0.02 x 1,000,000 = 20,000; pension 0.1 x 20,000 = 2,000
    expect(rateCost([bonus, payRate("pension", "0.1", ["bonus"], { groupIds: ["A"] })])).toBe("2000.0000");
  });

  it("a flat per-member one-time amount counts the group's members", () => {
    const lump: CostItem = {
      kind: "oneTime",
      id: "lump",
      label: "Lump sum",
      line: "pay",
      paidInFiscalYear: 2026,
      rate: p("0", "rate"),
      amountPerMember: p("500", "USD"),
    };
    const t = table(scenario([lump, payRate("pension", "0.1", ["lump"], { groupIds: ["B"] })]));
    // all: 40 x 500 = 20,000; B: 30 x 500 = 15,000; pension 0.1 x 15,000 = 1,500
    expect(t.items.find((i) => i.id === "lump")!.cells.FY2026!.exact.toFixed(4)).toBe("20000.0000");
    expect(t.items.find((i) => i.id === "pension")!.cells.FY2026!.exact.toFixed(4)).toBe("1500.0000");
  });

  it("fixed amounts are split by payroll share; an item not covering the rate's group adds zero", () => {
    const nps: CostItem = { kind: "fixedAmounts", id: "uniforms", label: "Uniforms", line: "pay", amounts: { FY2026: p("100000", "USD") } };
    // B's share 1,500,000 / 2,500,000 = 0.6 -> 60,000; 0.1 x 60,000 = 6,000
    expect(rateCost([nps, payRate("pension", "0.1", ["uniforms"], { groupIds: ["B"] })])).toBe("6000.0000");
    const onlyB: CostItem = { ...onlyA, id: "boots", label: "Boots", groupIds: ["B"], amounts: { FY2026: p("50000", "USD") } };
    // Uniforms (A only) add 0 to B's pension; boots (B only) wholly B's: 0.1 x (0 + 50,000) = 5,000
    expect(rateCost([onlyA, onlyB, payRate("pension", "0.1", ["uniforms", "boots"], { groupIds: ["B"] })])).toBe("5000.0000");
  });

  it("a rate limited to a group none of its items cover is refused (it read $0 every year, with no message)", () => {
    expect(() => rateCost([onlyA, payRate("pension", "0.1", ["uniforms"], { groupIds: ["B"] })])).toThrow(
      "the rate is limited to B, and no item it applies to covers any of them (uniforms covers A); it would cost $0 every year",
    );
  });
});
