/**
 * The analyses that vary a raise leave a minimum salary step as it is: it is not a percent step,
 * so the cost of 1% adds its point beside it (and the minimum then decides what the point buys),
 * goal seek searches the percent with the minimum in force and names it when it holds the cost,
 * and a scenario whose only raise is a minimum has no percent to vary. Expected figures are hand
 * arithmetic.
 */
import { describe, expect, it } from "vitest";
import { costOfOnePercent, goalSeekRaise } from "../../model/engine/analysis";
import { percentRaisePaths, withPercentRaise } from "../../model/engine/analysis/raise-edits";
import { Decimal } from "../../model/engine/decimal";
import { averageGroup, floorScenario, minimumStep, percentStep, teachers } from "../fixtures/raise-floor-scenario";

const source = { kind: "derived" as const, ref: "test" };

describe("cost of 1% with a minimum salary", () => {
  // 10 at $35,000 and 5 at $45,000; minimum $40,000 in FY2025, 2% in FY2026.
  const s = () => floorScenario([teachers], [minimumStep(2025, "40000"), percentStep(2026, "0.02")]);

  it("FY2026 has a percent step: +1 point is 1% of the lifted payroll, 0.01 x (10 x 40,000 + 5 x 45,000) = $6,250", () => {
    const line = costOfOnePercent(s()).onePercent.find((l) => l.fiscalYear === 2026)!;
    expect(line.cells.FY2026!.toString()).toBe("6250");
  });

  it("FY2025 has only the minimum: the point is added after it, 10 x 400 + 5 x 450 = $6,250, compounding by 2% in FY2026", () => {
    const line = costOfOnePercent(s()).onePercent.find((l) => l.fiscalYear === 2025)!;
    // 40,000 x 1.01 = 40,400 and 45,000 x 1.01 = 45,450 in FY2025.
    expect(line.cells.FY2025!.toString()).toBe("6250");
    // FY2026: 10 x (40,400 - 40,000) x 1.02 + 5 x (45,450 - 45,000) x 1.02 = 4,080 + 2,295 = 6,375.
    expect(line.cells.FY2026!.toString()).toBe("6375");
  });

  it("the $1,000 flat per member is added after the minimum too: 15 x 1,000 = $15,000 in FY2025", () => {
    const line = costOfOnePercent(s()).flatPerMember.find((l) => l.fiscalYear === 2025)!;
    expect(line.cells.FY2025!.toString()).toBe("15000");
  });

  it("a raise before the minimum: most of the point is absorbed where the minimum binds (100 at $38,000, 2% then $40,000)", () => {
    // FY2025 3% (2% + the point) on 38,000 = 39,140, still lifted to 40,000: the extra point costs 0.
    const t = floorScenario([averageGroup("100", "38000")], [percentStep(2025, "0.02"), { ...minimumStep(2025, "40000"), id: "minimum" }]);
    expect(
      costOfOnePercent(t)
        .onePercent.find((l) => l.fiscalYear === 2025)!
        .cells.FY2025!.toString(),
    ).toBe("0");
  });
});

describe("goal seek and the percent edits with a minimum salary", () => {
  // 100 at $38,000: a percent raise, then the minimum of $40,000 the same day.
  const s = () =>
    floorScenario([averageGroup("100", "38000")], [percentStep(2025, "0.03"), { ...minimumStep(2025, "40000"), id: "minimum" }]);
  const seek = (dollars: string) =>
    goalSeekRaise(s(), {
      raise: 2025,
      constraint: { lineId: "salaries", limit: { kind: "amount", dollars: new Decimal(dollars) }, scope: { fiscalYear: 2025 } },
    });

  it("FY2025 salaries <= $250,000: 38,000 x 1.0657 = 40,496.60, 100 x 2,496.60 = $249,660; 6.58% would give $250,040", () => {
    const r = seek("250000");
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.raise.toString()).toBe("0.0657");
  });

  it("below the minimum's cost: even 0% costs 100 x 2,000 = $200,000 > $150,000, and the message names the minimum", () => {
    const r = seek("150000");
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.reason).toBe("infeasibleAtLowest");
    expect(r.message).toMatch(/is \$50,000\.00 over; COLA \(FY2025\) raises salaries below \$40,000 to \$40,000 whatever the percent$/);
  });

  it("the minimum is not a percent to vary: a scenario with only a minimum step is refused, never costed as zero", () => {
    const only = floorScenario([averageGroup("100", "38000")], [minimumStep(2025, "40000")]);
    expect(() => percentRaisePaths(only, 2025)).toThrow("the scenario has no percent raise in FY2025 to vary");
    expect(() => withPercentRaise(only, "all", new Decimal("0.02"), source)).toThrow("the scenario has no percent raise to vary");
    expect(percentRaisePaths(s(), 2025)).toEqual(["items.cola.steps.2024-10-01.amount"]);
  });
});
