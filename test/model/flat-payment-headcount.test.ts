/**
 * A one-time payment of a flat amount per member (rate 0) needs headcount only: a group stating its
 * members alone is enough, as the docs say. It was refused as needing a payroll. A rate other than 0
 * on such a group is still refused: rate x earnings needs the earnings.
 */
import { describe, expect, it } from "vitest";
import { computeTable } from "../../model/engine/compute";
import { Plan } from "../../model/engine/fast/plan";
import { validateScenario } from "../../model/engine/scenario/schema";
import { headcountOnlyPaymentScenario } from "../io/scenarios";
import { check, type Tally } from "../fast/property-check";

const cells = (id: string) => {
  const line = computeTable(headcountOnlyPaymentScenario()).lines.find((l) => l.id === id)!;
  return Object.fromEntries(Object.entries(line.cells).map(([c, cell]) => [c, cell.exact.toString()]));
};

describe("a flat one-time payment on a group stating only its members", () => {
  it("costs members x amount: 3,500 x $1,200 = $4,200,000, with Medicare on it", () => {
    expect(cells("payments")).toMatchObject({ FY2025: "4200000", FY2026: "0" });
    // 0.0145 x (100,000 raise + 4,200,000 payment) = 62,350; FY2026 0.0145 x 100,000 = 1,450
    expect(cells("benefits")).toMatchObject({ FY2025: "62350", FY2026: "1450" });
    // 100,000 + 4,200,000 + 62,350 = 4,362,350; 100,000 + 1,450 = 101,450
    expect(cells("totalCost")).toMatchObject({ FY2025: "4362350", FY2026: "101450" });
    const stipend = computeTable(headcountOnlyPaymentScenario()).items.find((i) => i.id === "stipend")!;
    expect(stipend.cells.FY2025!.explanation.formula).toBe("members x amount per member");
  });

  it("a rate other than 0 on that group is refused: rate x earnings needs a payroll", () => {
    const s = structuredClone(headcountOnlyPaymentScenario()) as unknown as { items: { id: string; rate?: { value: string } }[] };
    s.items.find((i) => i.id === "stipend")!.rate!.value = "0.04";
    const r = validateScenario(JSON.parse(JSON.stringify(s)));
    expect(!r.ok && r.errors.map((e) => e.message).join("\n")).toMatch(
      /Ratification stipend needs a payroll, but group "subs" \(Substitutes\) states only its members/,
    );
  });

  it("the fast path equals the exact engine in every cell", () => {
    const scenario = headcountOnlyPaymentScenario();
    const plan = Plan.compile(scenario);
    const tally: Tally = { scenarios: 0, cells: 0, centNearTies: 0, displayFallbacks: 0, unstable: 0, worstBound: 0 };
    const exact = computeTable(scenario);
    check(plan.evaluator(), exact, tally, "headcount-only payment");
    expect(tally.cells).toBe(exact.lines.length * exact.columns.length);
  });
});
