/**
 * The analyses on other governments' tables (examples/): a table printing no total column, a group
 * stating only its headcount, an agreement with no raises item, no implementation lag. Each either
 * answers over the table's own years or refuses with the reason; none reads a column or a salary
 * the scenario does not have, and none prints zeros for a question it cannot answer. Expected
 * figures are the notes' published ones and arithmetic on their stated inputs.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { costOfOnePercent, goalSeekRaise, retroPay, tornado, type BudgetConstraint } from "../../model/engine/analysis";
import { computeTable, TOTAL_COLUMN } from "../../model/engine/compute";
import { Decimal } from "../../model/engine/decimal";
import { fisAsPublished } from "../../model/built-ins";
import { buildFisDocument, documentText } from "../../model/report/index";
import { checkScenario } from "../../model/engine";
import { parseScenarioJson } from "../../model/engine/scenario/schema";
import { withScheduleMethod } from "../../model/engine/schedule/with-method";
import type { Scenario } from "../../model/engine/scenario/types";

const example = (name: string): Scenario => {
  const r = parseScenarioJson(readFileSync(`examples/${name}/scenario.json`, "utf8"));
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value;
};
// WV HB4538 (2022): 618 troopers, $20,000 each from July 2022 (FY2023); on the increase 20% Plan B
// retirement, 1.45% Medicare and 1% PEIA; printed FY2022, FY2023 and full implementation, no total.
const WV = "wv-2022-hb4538-state-police";
const ON_PAY = new Decimal("1.2245");

describe("cost of 1%", () => {
  it("a headcount-only group: no point of raise (no salary to raise), the flat $1,000 row from the agreement's first year", () => {
    const r = costOfOnePercent(example(WV));
    expect(r.onePercent).toEqual([]);
    expect(r.unavailable.onePercent).toBe("no salaries to raise: Filled Trooper positions states a headcount only");
    // FY2022 ends before the agreement is in force (2022-07-01): no row.
    expect(r.flatPerMember.map((l) => l.fiscalYear)).toEqual([2023]);
    // 618 x $1,000 x 1.2245 = $756,741; the table prints no total, so the all-years figure is FY2022 + FY2023.
    expect(r.flatPerMember[0]!.ownYear.toString()).toBe(new Decimal(618_000).times(ON_PAY).toString());
    expect(r.flatPerMember[0]!.allYears.toString()).toBe("756741");
    expect(r.columns).toContain(TOTAL_COLUMN);
  });

  it("an agreement with no raises item is refused with the reason, not answered with zeros", () => {
    expect(() => costOfOnePercent(example("wy-2007-sf0165-retirement-contribution"))).toThrow(/has no raises item/);
    expect(() => costOfOnePercent(example("madison-2012-iaff-local-311"))).toThrow(/has no raises item/);
  });
});

describe("sensitivity over a table with no total column", () => {
  it("swings the sum of the years: members +/-10% moves the published $15,134,820 by $1,513,482 each way", () => {
    const t = tornado(example(WV));
    expect(t.bars[0]!.path).toBe("groups.troopers.members");
    expect(t.bars[0]!.total.base.toString()).toBe("15134820");
    expect([t.bars[0]!.total.low.toString(), t.bars[0]!.total.high.toString()]).toEqual(["13621338", "16648302"]);
  });
});

describe("goal seek over all years of a table with no total column", () => {
  it("gives the same answer as the table with its total, and the solved scenario keeps the table as it was", () => {
    const constraint: BudgetConstraint = {
      lineId: "totalCost",
      limit: { kind: "amount", dollars: new Decimal("200000000") },
      scope: "total",
    };
    const withTotal = goalSeekRaise(fisAsPublished(), { raise: "all", constraint });
    const hidden: Scenario = {
      ...fisAsPublished(),
      table: { ...fisAsPublished().table, columns: { ...fisAsPublished().table.columns, total: false } },
    };
    const without = goalSeekRaise(hidden, { raise: "all", constraint });
    expect(withTotal.ok && without.ok).toBe(true);
    if (!withTotal.ok || !without.ok) return;
    expect(without.raise.toString()).toBe(withTotal.raise.toString());
    expect(without.scenario.table.columns.total).toBe(false);
    expect(computeTable(without.scenario).columns).not.toContain(TOTAL_COLUMN);
  });
});

describe("retroactive pay takes the implementation lag from the agreement", () => {
  it("DC teachers: 120 days (Art. 36.2.2) from the scenario; another agreement states none and is asked for it", () => {
    const dc = retroPay(fisAsPublished(), { approved: "2025-03-03" });
    expect(dc.ok && [dc.value.lagDays, dc.value.implementation]).toEqual([120, "2025-07-01"]);
    expect(fisAsPublished().agreement.retroPay?.source?.ref).toBe("Art. 36.2.2");
    const wv = retroPay(example(WV), { approved: "2022-03-01" });
    expect(wv.ok).toBe(false);
    if (!wv.ok) expect(wv.message).toMatch(/states no implementation lag/);
    const given = retroPay(example(WV), { approved: "2022-03-01", implementationLagDays: 30 });
    expect(given.ok && given.value.lagDays).toBe(30);
  });
});

describe("the schedule method asks for raise years that follow the census", () => {
  it("a July-year COLA in FY2026 and FY2027 under a census of FY2024 is refused at the raises' field", () => {
    const problems = checkScenario(withScheduleMethod(example("sparks-nv-2024-cola")));
    expect(problems).toEqual([
      expect.objectContaining({
        field: "items.cola.steps",
        message: expect.stringContaining('must run from FY2025 without a gap; "Cost-of-living adjustments" has FY2026, FY2027'),
      }),
    ]);
    expect(checkScenario(withScheduleMethod(fisAsPublished()))).toEqual([]);
  });
});

describe("the fiscal impact statement of a note whose group states only its headcount", () => {
  it("is written: the group is described by its members, no payroll is named", () => {
    const text = documentText(buildFisDocument(example(WV), { today: "2026-12-03" }));
    expect(text).toContain("It covers the Filled Trooper positions: 618 members.");
    expect(text).not.toMatch(/payroll of/);
  });

  it("leads with the first year that costs something, and says a recurring cost as one, not as a payment", () => {
    const text = documentText(buildFisDocument(example(WV), { today: "2026-12-03" }));
    // The note prints FY2022 (before the raise, $0) and FY2023: 618 x $20,000 x 1.2245 = $15,134,820.
    expect(text).toContain("$15,134,820 in fiscal year 2023 and a total of $15,134,820 from fiscal year 2022 through fiscal year 2023");
    expect(text).not.toContain("$0 in fiscal year 2022");
    expect(text).not.toMatch(/will be paid in fiscal year 2023/);
  });
});
