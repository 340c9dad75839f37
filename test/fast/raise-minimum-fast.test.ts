/**
 * The fast path on minimum salary steps: the tape's max(level, minimum) on every salary base
 * (average, positions, payroll x members), mid-year and compounding, equals the exact engine cell
 * for cell (check() of the property test), and as inputs move a salary across the minimum. The
 * random property test draws such steps too (random-scenario.ts).
 */
import { describe, expect, it } from "vitest";
import { computeTable } from "../../model/engine/compute";
import { Plan } from "../../model/engine/fast/plan";
import type { Scenario } from "../../model/engine/scenario/types";
import { averageGroup, floorScenario, minimumStep, P, percentStep, teachers } from "../fixtures/raise-floor-scenario";
import { check, type Tally } from "./property-check";

const tally = (): Tally => ({ scenarios: 0, cells: 0, centNearTies: 0, displayFallbacks: 0, unstable: 0, worstBound: 0 });

const cases: [string, Scenario][] = [
  ["average, minimum binds", floorScenario([averageGroup("100", "38000")], [minimumStep(2025, "40000")])],
  ["average, exactly at the minimum", floorScenario([averageGroup("100", "40000")], [minimumStep(2025, "40000")])],
  ["positions, minimum then 2%", floorScenario([teachers], [minimumStep(2025, "40000"), percentStep(2026, "0.02")])],
  [
    "payroll with members, 3% then the minimum",
    floorScenario(
      [{ id: "g", label: "Teachers", payroll: P("3800000"), members: P("100") }],
      [percentStep(2025, "0.03"), { ...minimumStep(2025, "40000"), id: "minimum" }],
    ),
  ],
  [
    "mid-year by days, a clamped step and a second minimum",
    floorScenario(
      [averageGroup("97", "38123.45")],
      [
        minimumStep(2025, "39000.01", "2025-01-15"),
        percentStep(2026, "0.021", { atLeast: "999.99" }, "2025-11-03"),
        minimumStep(2026, "41500", "2026-03-03"),
      ],
      "days",
    ),
  ],
];

describe("the fast path equals the exact engine on minimum salary steps", () => {
  for (const [name, scenario] of cases)
    it(name, () => {
      const t = tally();
      check(Plan.compile(scenario).evaluator(), computeTable(scenario), t, name);
      expect(t.unstable).toBe(0);
      expect(t.cells).toBeGreaterThan(0);
    });

  it("as edits move a salary across the minimum: the same plan, the minimum and the salary edited", () => {
    const scenario = floorScenario([teachers], [minimumStep(2025, "40000"), percentStep(2026, "0.02")]);
    const plan = Plan.compile(scenario);
    const ev = plan.evaluator();
    const slot = (path: string) => plan.inputs.findIndex((e) => e.path === path);
    const t = tally();
    const edits: [string, string][] = [
      ["items.cola.steps.2024-10-01.amount", "30000"], // below both positions: costs nothing
      ["items.cola.steps.2024-10-01.amount", "46000"], // above both
      ["groups.g.positions.senior.salary", "47000"], // the senior position leaves it again
    ];
    for (const [path, value] of edits) {
      expect(slot(path), path).toBeGreaterThanOrEqual(0);
      ev.setText(slot(path), value);
      check(ev, computeTable(ev.scenario()), t, `after ${path} = ${value}`);
    }
    // Hand arithmetic of the last state: FY2025 10 x (46,000 - 35,000) + 5 x 0 = 110,000;
    // FY2026 10 x (46,000 x 1.02 - 35,000) + 5 x 47,000 x 0.02 = 10 x 11,920 + 4,700 = 123,900.
    const lines = computeTable(ev.scenario()).lines[0]!.cells;
    expect(lines.FY2025!.exact.toString()).toBe("110000");
    expect(lines.FY2026!.exact.toString()).toBe("123900");
  });
});
