/**
 * The analyses that vary a raise (cost of 1%, goal seek, and the sweeps built on withPercentRaise)
 * change the percent and keep the step's dollar floor: the floor still applies to the varied
 * rate. Scenario: 100 members at $30,000, 3% at least $1,000 in FY2025, 2% in FY2026.
 * Expected figures are hand arithmetic.
 */
import { describe, expect, it } from "vitest";
import { costOfOnePercent, goalSeekRaise, withPercentRaise } from "../../model/engine/analysis";
import { computeTable } from "../../model/engine/compute";
import { Decimal } from "../../model/engine/decimal";
import type { RaisesItem } from "../../model/engine/scenario/types";
import { averageGroup, floorScenario, percentStep } from "../fixtures/raise-floor-scenario";

const scenario = () =>
  floorScenario([averageGroup("100", "30000")], [percentStep(2025, "0.03", { atLeast: "1000" }), percentStep(2026, "0.02")]);

describe("varying a raise that has a dollar floor", () => {
  it("cost of 1%: 4% of 30,000 = 1,200 against the 1,000 the floor gave, so +1 point costs 100 x 200 = $20,000, not $30,000", () => {
    const fy2025 = costOfOnePercent(scenario()).onePercent.find((l) => l.fiscalYear === 2025)!;
    expect(fy2025.cells.FY2025!.toString()).toBe("20000");
    // FY2026: 31,200 x 1.02 = 31,824 against 31,000 x 1.02 = 31,620: 204 a member, 100 x 204 = 20,400.
    expect(fy2025.cells.FY2026!.toString()).toBe("20400");
  });

  it("setting the rate keeps the floor: at 2% the floor still gives 1,000 a member ($100,000), at 5% 1,500 ($150,000)", () => {
    const source = { kind: "derived" as const, ref: "test" };
    const at = (rate: string) => withPercentRaise(scenario(), 2025, new Decimal(rate), source);
    expect((at("0.02").items[0] as RaisesItem).steps[0]!.atLeast?.value).toBe("1000");
    // 30,000 x 0.02 = 600 < 1,000; 30,000 x 0.05 = 1,500 > 1,000.
    expect(computeTable(at("0.02")).lines[0]!.cells.FY2025!.exact.toString()).toBe("100000");
    expect(computeTable(at("0.05")).lines[0]!.cells.FY2025!.exact.toString()).toBe("150000");
  });

  it("goal seek: FY2025 salaries <= $130,000 allows 4.33% (30,000 x 0.0433 = 1,299 a member, $129,900); 4.34% gives $130,200", () => {
    const r = goalSeekRaise(scenario(), {
      raise: 2025,
      constraint: { lineId: "salaries", limit: { kind: "amount", dollars: new Decimal("130000") }, scope: { fiscalYear: 2025 } },
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.raise.toString()).toBe("0.0433");
  });

  // A second audit: the goal seek refused without naming the floor that made every percent cost too much.
  it("goal seek below the floor's cost: even 0% costs 100 x 1,000 = $100,000 > $90,000, and the message names the floor", () => {
    const r = goalSeekRaise(scenario(), {
      raise: 2025,
      constraint: { lineId: "salaries", limit: { kind: "amount", dollars: new Decimal("90000") }, scope: { fiscalYear: 2025 } },
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.reason).toBe("infeasibleAtLowest");
    expect(r.message).toMatch(/FY2025 is \$10,000\.00 over; COLA \(FY2025\) pays at least \$1,000 a year whatever its percent$/);
  });

  it("goal seek above a cap's cost: at 50% the cap of $1,200 keeps salaries at $120,000 <= $130,000, and the message names the cap", () => {
    const capped = floorScenario([averageGroup("100", "30000")], [percentStep(2025, "0.03", { atMost: "1200" })]);
    const r = goalSeekRaise(capped, {
      raise: 2025,
      constraint: { lineId: "salaries", limit: { kind: "amount", dollars: new Decimal("130000") }, scope: { fiscalYear: 2025 } },
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.reason).toBe("notBindingAtHighest");
    expect(r.message).toMatch(/still satisfies .*; COLA \(FY2025\) pays at most \$1,200 a year whatever its percent$/);
  });
});
