/**
 * A group covered by two raises items takes an analysis's extra raise once. The cost of 1% and the
 * raise sweeps (goal seek, tornado, two-way) used to add the point, or the $1,000, to every raises
 * item, so a group under two items was raised twice: on the WV HB2235 note (a $5,004 raise for all
 * 275 staff, then $3,000 for 220 of them and $3,000 for the other 55) "+$1,000 per member" read
 * $657,305 where 275 x $1,000 x 1.1951 = $328,652.50. Expected figures are hand arithmetic.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { costOfOnePercent, percentRaisePaths, withPercentRaise } from "../../model/engine/analysis";
import { computeTable } from "../../model/engine/compute";
import { Decimal } from "../../model/engine/decimal";
import { parseScenarioJson } from "../../model/engine/scenario/schema";
import type { RaisesItem, Scenario } from "../../model/engine/scenario/types";

const load = (path: string): Scenario => {
  const r = parseScenarioJson(readFileSync(path, "utf8"));
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value;
};
const SOURCE = { kind: "derived", ref: "test" } as const;
// 100 members at $50,000; item "cola" 2% in FY2025 and 3% in FY2026, item "cola2" 3% in FY2025;
// Medicare 1.45% on cola's raise only; October fiscal years, both raises from Oct 1, 2024.
const TWO = "test/fixtures/scenarios/two-raises-one-group.json";

describe("an extra raise reaches each group once", () => {
  it("WV HB2235: +$1,000 per member is 275 x $1,000 x 1.1951, through the raise every group has", () => {
    const r = costOfOnePercent(load("examples/wv-2005-hb2235-magistrate-staff/scenario.json"));
    const fy2006 = r.flatPerMember.find((l) => l.fiscalYear === 2006)!;
    expect(fy2006.ownYear.toString()).toBe("328652.5");
    // It goes to "Raise #1", the item covering all three classes; the other two lines do not move.
    expect(fy2006.byLine.raise1!.FY2006!.toString()).toBe("328652.5");
    expect(fy2006.byLine.raise2!.FY2006!.toString()).toBe("0");
    expect(fy2006.byLine.raise3!.FY2006!.toString()).toBe("0");
  });

  it("two percent items on one group: one more point is 1% of the payroll once, compounding into FY2026", () => {
    const r = costOfOnePercent(load(TWO));
    const fy2025 = r.onePercent.find((l) => l.fiscalYear === 2025)!;
    // 100 x 50,000 x 0.01 = 50,000 of salary, + 1.45% Medicare (on cola) = 50,725.
    expect(fy2025.cells.FY2025!.toString()).toBe("50725");
    // FY2026: cola is 1.03 x 1.03 instead of 1.02 x 1.03: 100 x 50,000 x 0.01 x 1.03 = 51,500, x 1.0145 = 52,246.75.
    expect(fy2025.cells.FY2026!.toString()).toBe("52246.75");
  });

  it("setting a year's raise changes the first item's step only", () => {
    const s = load(TWO);
    expect(percentRaisePaths(s, 2025)).toEqual(["items.cola.steps.2024-10-01.amount"]);
    const v = withPercentRaise(s, 2025, new Decimal("0.05"), SOURCE);
    const steps = (id: string) => (v.items.find((i) => i.id === id) as RaisesItem).steps.map((x) => x.amount.value);
    expect(steps("cola")).toEqual(["0.05", "0.03"]);
    expect(steps("cola2")).toEqual(["0.03"]);
    // FY2025 salaries: 5,000,000 x (0.05 + 0.03) = 400,000.
    const salaries = computeTable(v).lines.find((l) => l.id === "salaries")!;
    expect(salaries.cells.FY2025!.exact.toString()).toBe("400000");
  });

  it("an item sharing only some of its groups with the first is refused with the reason, not raised twice", () => {
    const s = load(TWO);
    const second = { ...s.groups[0]!, id: "h", label: "Other group" };
    const partial: Scenario = {
      ...s,
      groups: [...s.groups, second],
      items: s.items.map((i) => (i.id === "cola" ? { ...i, groupIds: ["g"] } : i.id === "cola2" ? { ...i, groupIds: ["g", "h"] } : i)),
    };
    expect(() => costOfOnePercent(partial)).toThrow(/raises items "cola" and "cola2" both cover group "g"/);
  });
});
