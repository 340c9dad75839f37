/**
 * Goal seek on the reference scenario. The answers are checked three ways: the constraint holds
 * at the answer and breaks one 0.01% step up (recomputed here independently through
 * setInputValue), and where the cost curve has a closed form the answer is derived by hand.
 */
import { describe, expect, it } from "vitest";
import { goalSeekRaise, parseLimit, type BudgetConstraint } from "../../model/engine/analysis";
import { computeTable } from "../../model/engine/compute";
import { Decimal } from "../../model/engine/decimal";
import { fisAsPublished } from "../../model/built-ins";
import { setInputValue } from "../../model/engine/scenario/paths";
import { validateScenario } from "../../model/engine/scenario/schema";
import type { Scenario } from "../../model/engine/scenario/types";

const P = new Decimal(5776).times("105271.50"); // 608,048,184
const MEDICARE = new Decimal("1.0145");

const withRaises = (s: Scenario, rates: Record<number, Decimal>): Scenario =>
  Object.entries(rates).reduce(
    (acc, [i, r]) =>
      setInputValue(
        acc,
        `items.baseSalary.steps.${["2024-10-01", "2025-10-01", "2026-10-01", "2027-10-01"][Number(i)]}.amount`,
        r.toString(),
      ),
    s,
  );
const uniform = (r: Decimal) => withRaises(fisAsPublished(), { 0: r, 1: r, 2: r, 3: r });
const cell = (s: Scenario, line: string, col: string) => computeTable(s).lines.find((l) => l.id === line)!.cells[col]!.exact;

describe("goal seek: largest uniform raise with TOTAL COST <= $200M over four years", () => {
  const constraint: BudgetConstraint = {
    lineId: "totalCost",
    limit: { kind: "amount", dollars: new Decimal("200000000") },
    scope: "total",
  };
  const result = goalSeekRaise(fisAsPublished(), { raise: "all", constraint });

  it("finds 2.10%: it fits and 2.11% does not (recomputed independently)", () => {
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.raise.toString()).toBe("0.021");
    expect(cell(uniform(new Decimal("0.021")), "totalCost", "Total").lessThanOrEqualTo(200_000_000)).toBe(true);
    expect(cell(uniform(new Decimal("0.0211")), "totalCost", "Total").greaterThan(200_000_000)).toBe(true);
  });

  it("agrees with the cost curve by hand: T(r) = T(0) + P x 1.0145 x ((1+r) + (1+r)^2 + (1+r)^3 + (1+r)^4 - 4)", () => {
    // In "FIS as published" only base salary (and Medicare on it) depends on the raise.
    const t0 = cell(uniform(new Decimal(0)), "totalCost", "Total");
    const T = (r: string) => {
      const f = new Decimal(1).plus(r);
      return t0.plus(P.times(MEDICARE).times(f.plus(f.pow(2)).plus(f.pow(3)).plus(f.pow(4)).minus(4)));
    };
    expect(T("0.021").lessThanOrEqualTo(200_000_000)).toBe(true);
    expect(T("0.0211").greaterThan(200_000_000)).toBe(true);
    expect(
      cell(uniform(new Decimal("0.021")), "totalCost", "Total")
        .minus(T("0.021"))
        .abs()
        .lessThan("0.000001"),
    ).toBe(true);
  });

  it("returns a new, valid scenario named for the solve, with the raise marked as derived", () => {
    if (!result.ok) throw new Error("no answer");
    expect(result.scenario.name).toMatch(/^Goal seek: uniform raise 2\.10%/);
    const raises = result.scenario.items.find((i) => i.kind === "raises");
    expect(raises?.kind === "raises" && raises.steps.map((s) => s.amount.value)).toEqual(["0.021", "0.021", "0.021", "0.021"]);
    expect(raises?.kind === "raises" && raises.steps[0]!.amount.source.kind).toBe("derived");
    expect(validateScenario(JSON.parse(JSON.stringify(result.scenario))).ok).toBe(true);
    // the input scenario is left as it was
    expect(computeTable(fisAsPublished()).lines[0]!.cells.FY2028!.display.toNumber()).toBe(76251);
  });

  it("records the solve: the bracket [0%, 50%] halves to one grid step in at most 13 iterations", () => {
    if (!result.ok) throw new Error("no answer");
    expect(result.trace.bracket.low.toString()).toBe("0");
    expect(result.trace.bracket.high.toString()).toBe("0.5");
    // 5,000 grid steps: ceil(log2 5000) = 13
    expect(result.trace.iterations.length).toBeLessThanOrEqual(13);
    expect(result.trace.evaluations).toBe(result.trace.iterations.length + 2);
    const last = result.trace.iterations[result.trace.iterations.length - 1]!;
    expect(last.high.minus(last.low).lessThanOrEqualTo("0.0002")).toBe(true);
    expect(result.atAnswer.every((c) => !c.headroom.isNegative())).toBe(true);
    expect(result.atNextStep.some((c) => c.headroom.isNegative())).toBe(true);
  });
});

describe("goal seek: one year's raise", () => {
  it("FY2028 raise with FY2028 TOTAL COST <= $87M: by hand r* = 0.04 + (87M - T(0.04)) / (P x 1.082118 x 1.0145), floored to 0.01%", () => {
    const s = fisAsPublished();
    const t = cell(s, "totalCost", "FY2028"); // 87,120,7xx at the contract's 4%
    // F(FY2027) = 1.02 x 1.03 x 1.03 = 1.082118; one point of the FY2028 raise costs P x F x 0.01 x 1.0145
    const slope = P.times("1.082118").times(MEDICARE);
    const rStar = new Decimal("0.04").plus(new Decimal(87_000_000).minus(t).div(slope));
    const expected = rStar.toDecimalPlaces(4, Decimal.ROUND_FLOOR);
    const result = goalSeekRaise(s, {
      raise: 2028,
      constraint: { lineId: "totalCost", limit: { kind: "amount", dollars: new Decimal(87_000_000) }, scope: { fiscalYear: 2028 } },
    });
    expect(result.ok && result.raise.toString()).toBe(expected.toString());
    expect(expected.toString()).toBe("0.0398");
    // the other years keep their raises
    const raises = result.ok ? result.scenario.items.find((i) => i.kind === "raises") : undefined;
    expect(raises?.kind === "raises" && raises.steps.map((x) => x.amount.value)).toEqual(["0.02", "0.03", "0.03", "0.0398"]);
  });

  it("local portion <= funding available + $35M in every year: 1.84% uniform, FY2028 is the binding year", () => {
    const result = goalSeekRaise(fisAsPublished(), {
      raise: "all",
      constraint: { lineId: "localPortion", limit: parseLimit("fundingAvailable+35000000")!, scope: "eachYear" },
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.raise.toString()).toBe("0.0184");
    const next = uniform(new Decimal("0.0185"));
    // FY2028: local portion at 1.85% exceeds 21,304,400 + 35,000,000
    expect(cell(next, "localPortion", "FY2028").greaterThan(new Decimal("21304400").plus(35_000_000))).toBe(true);
    const at = uniform(new Decimal("0.0184"));
    for (const [fy, funding] of [
      ["FY2025", "21437200"],
      ["FY2026", "15519200"],
      ["FY2027", "17498200"],
      ["FY2028", "21304400"],
    ] as const) {
      expect(cell(at, "localPortion", fy).lessThanOrEqualTo(new Decimal(funding).plus(35_000_000))).toBe(true);
    }
  });

  it("says so when even 0% breaks the constraint, or when the top of the bracket still fits", () => {
    const none = goalSeekRaise(fisAsPublished(), {
      raise: "all",
      constraint: { lineId: "localPortion", limit: parseLimit("fundingAvailable")!, scope: "eachYear" },
    });
    expect(none.ok).toBe(false);
    // FY2025 at 0%: bonus + premium + benefits + NPS alone exceed the $21.4M funded
    if (!none.ok) expect([none.reason, /FY2025/.test(none.message)]).toEqual(["infeasibleAtLowest", true]);
    const loose = goalSeekRaise(fisAsPublished(), {
      raise: "all",
      constraint: { lineId: "totalCost", limit: { kind: "amount", dollars: new Decimal("1e12") }, scope: "total" },
    });
    expect(!loose.ok && loose.reason).toBe("notBindingAtHighest");
  });

  it("words its messages with the table's line labels and grouped dollars, never line ids or bare digits", () => {
    const over = goalSeekRaise(fisAsPublished(), {
      raise: 2026,
      constraint: { lineId: "localPortion", limit: { kind: "amount", dollars: new Decimal("10000000") }, scope: "total" },
    });
    expect(over.ok).toBe(false);
    if (!over.ok)
      expect(over.message).toMatch(
        new RegExp(
          "^even a 0\\.00% FY2026 raise breaks Local Portion of Total Cost <= \\$10,000,000\\.00 over the total of all years: " +
            "the total is \\$\\d{1,3}(,\\d{3})+\\.\\d\\d over$",
        ),
      );
    const funded = goalSeekRaise(fisAsPublished(), {
      raise: "all",
      constraint: { lineId: "localPortion", limit: parseLimit("fundingAvailable+35000000")!, scope: "eachYear" },
    });
    expect(funded.ok && funded.description).toBe(
      "Largest uniform raise (same percent every year) with Local Portion of Total Cost <= " +
        "Funding available in DCPS Budget and Financial Plan + $35,000,000.00 in every fiscal year: 1.84% (1.85% breaks it)",
    );
  });

  it("refuses a year with no raise to vary", () => {
    expect(() =>
      goalSeekRaise(fisAsPublished(), {
        raise: 2031,
        constraint: { lineId: "totalCost", limit: { kind: "amount", dollars: new Decimal(1) }, scope: "total" },
      }),
    ).toThrow(/no percent raise in FY2031/);
  });
});

describe("limits", () => {
  it("parses funding-relative and fixed limits", () => {
    expect(parseLimit("fundingAvailable")).toEqual({ kind: "amountsPlus", lineId: "fundingAvailable", dollars: new Decimal(0) });
    expect(parseLimit("fundingAvailable+5,000,000")?.dollars.toString()).toBe("5000000");
    expect(parseLimit("fundingAvailable-250000")?.dollars.toString()).toBe("-250000");
    expect(parseLimit("$240,000,000")).toEqual({ kind: "amount", dollars: new Decimal(240_000_000) });
    expect(parseLimit("lots", ["fundingAvailable"])).toBeNull();
  });
});

describe("goal seek on the fast path finds what the exact costings find", () => {
  const constraints: [string, BudgetConstraint, "all" | number][] = [
    ["total <= $200M", { lineId: "totalCost", limit: { kind: "amount", dollars: new Decimal("200000000") }, scope: "total" }, "all"],
    [
      "local portion <= funding + $5M each year",
      { lineId: "localPortion", limit: parseLimit("fundingAvailable+5000000")!, scope: "eachYear" },
      2026,
    ],
    [
      "FY2028 total <= $80M",
      { lineId: "totalCost", limit: { kind: "amount", dollars: new Decimal("80000000") }, scope: { fiscalYear: 2028 } },
      2027,
    ],
  ];
  for (const [what, constraint, raise] of constraints)
    it(`${what}, raise ${raise}: the same answer, trace decisions and end checks`, () => {
      const fast = goalSeekRaise(fisAsPublished(), { raise, constraint });
      const exact = goalSeekRaise(fisAsPublished(), { raise, constraint, path: "exact" });
      expect(fast.trace.path).toBe("fast");
      expect(exact.trace.path).toBe("exact");
      expect(fast.ok).toBe(exact.ok);
      if (!fast.ok || !exact.ok) return;
      expect(fast.raise.toString()).toBe(exact.raise.toString());
      expect(fast.trace.iterations.map((i) => [i.tried.toString(), i.satisfied])).toEqual(
        exact.trace.iterations.map((i) => [i.tried.toString(), i.satisfied]),
      );
      // The answer's checks are the exact engine's own.
      expect(fast.atAnswer.map((c) => c.headroom.toString())).toEqual(exact.atAnswer.map((c) => c.headroom.toString()));
      expect(fast.atNextStep.map((c) => c.headroom.toString())).toEqual(exact.atNextStep.map((c) => c.headroom.toString()));
    });
});
