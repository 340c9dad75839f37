/**
 * The fast path on raises with a dollar floor or cap: the tape's max and min, on every salary
 * base (average, positions, payroll), mid-year and compounding, equal the exact engine cell for
 * cell (check() of the property test), and as inputs change (a floor that starts to bind, a raise
 * that crosses its cap). The random property test draws such steps too (random-scenario.ts).
 */
import { describe, expect, it } from "vitest";
import { computeTable } from "../../model/engine/compute";
import { Plan } from "../../model/engine/fast/plan";
import type { Group, Scenario } from "../../model/engine/scenario/types";
import { averageGroup, floorScenario, P, percentStep } from "../fixtures/raise-floor-scenario";
import { check, type Tally } from "./property-check";

const tally = (): Tally => ({ scenarios: 0, cells: 0, centNearTies: 0, displayFallbacks: 0, unstable: 0, worstBound: 0 });
const positions: Group = {
  id: "g",
  label: "Clerks",
  positions: [
    { id: "junior", label: "Junior", count: P("10"), salary: P("30000") },
    { id: "senior", label: "Senior", count: P("10"), salary: P("50000") },
  ],
};
const payroll: Group = { id: "g", label: "Clerks", payroll: P("3000000"), members: P("100") };

const cases: [string, Scenario][] = [
  ["average, floor binds", floorScenario([averageGroup("100", "30000")], [percentStep(2025, "0.03", { atLeast: "1000" })])],
  [
    "average, floor exactly met (50,000 x 2% = 1,000)",
    floorScenario([averageGroup("100", "50000")], [percentStep(2025, "0.02", { atLeast: "1000" })]),
  ],
  ["positions, floor on one", floorScenario([positions], [percentStep(2025, "0.03", { atLeast: "1000" }), percentStep(2026, "0.02")])],
  ["payroll, cap", floorScenario([payroll], [percentStep(2025, "0.05", { atMost: "1200" })])],
  [
    "floor and cap, mid-year by days, compounding",
    floorScenario(
      [averageGroup("97", "41234.56")],
      [
        percentStep(2025, "0.035", { atLeast: "1500", atMost: "1600" }, "2025-01-15"),
        percentStep(2026, "0.021", { atLeast: "999.99" }, "2026-03-03"),
      ],
      "days",
    ),
  ],
];

describe("the fast path equals the exact engine on clamped raises", () => {
  for (const [name, scenario] of cases)
    it(name, () => {
      const t = tally();
      const plan = Plan.compile(scenario);
      const ev = plan.evaluator();
      check(ev, computeTable(scenario), t, name);
      expect(t.unstable).toBe(0);
      expect(t.cells).toBeGreaterThan(0);
    });

  it("as the varied inputs move the clamp in and out of force: the same plan, floors and rates edited", () => {
    const scenario = floorScenario(
      [averageGroup("100", "30000")],
      [percentStep(2025, "0.03", { atLeast: "1000" }), percentStep(2026, "0.02", { atMost: "700" })],
    );
    const plan = Plan.compile(scenario);
    const ev = plan.evaluator();
    const slot = (path: string) => plan.inputs.findIndex((e) => e.path === path);
    const t = tally();
    const edits: [string, string][] = [
      ["items.cola.steps.2024-10-01.amount", "0.05"], // 1,500 > 1,000: the floor stops binding
      ["items.cola.steps.2024-10-01.atLeast", "2000"], // binds again
      ["items.cola.steps.2025-10-01.atMost", "5000"], // the cap stops binding
      ["groups.g.averageSalary", "40000"],
    ];
    for (const [path, value] of edits) {
      expect(slot(path), path).toBeGreaterThanOrEqual(0);
      ev.setText(slot(path), value);
      check(ev, computeTable(ev.scenario()), t, `after ${path} = ${value}`);
    }
    // Hand arithmetic of the last state: 40,000 at 5% = 2,000 = the 2,000 floor -> 42,000; FY2026 42,000 x 2% = 840 < 5,000 cap -> 42,840.
    // FY2026 = 100 x (42,840 - 40,000) = 284,000.
    expect(computeTable(ev.scenario()).lines[0]!.cells.FY2026!.exact.toString()).toBe("284000");
  });
});
