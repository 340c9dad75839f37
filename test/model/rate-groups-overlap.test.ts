/**
 * A rate of pay limited to some groups is charged on those groups' part of each item it applies
 * to. An outside audit limited PERS 10.5% to the judges in the judicial system (jrs) and applied it
 * to a raise covering only the PERS judges (pers): every year cost $0, printed without a word. Now
 * refused. Where the groups overlap, the rate is charged on the shared part, by hand:
 *   raise $23,470 from July 1, 2005 (FY2006 whole year), pers 11 judges and jrs 54 judges;
 *   PERS 10.5% limited to pers on a raise covering both: 0.105 x 11 x 23,470 = 0.105 x 258,170 = 27,107.85.
 */
import { describe, expect, it } from "vitest";
import { computeTable } from "../../model/engine/compute";
import { validateScenario } from "../../model/engine/scenario/schema";
import type { CostItem } from "../../model/engine/scenario/types";
import { agreement, flat, group, payRate } from "../agreements/build";

function judges(raiseGroups: string[], rateGroups: string[]) {
  const raise: CostItem = {
    kind: "raises",
    id: "increase",
    label: "Salary increase",
    line: "salaries",
    groupIds: raiseGroups,
    steps: [flat(2006, "23470", "2005-07-01")],
  };
  return agreement({
    id: "judges",
    fiscalYears: [2006],
    fiscalYearStartMonth: 7,
    firstPayPeriodStart: "2005-07-01",
    effectiveFrom: "2005-07-01",
    effectiveTo: "2006-06-30",
    groups: [group("pers", "11", "94000"), group("jrs", "54", "94000")],
    lines: ["salaries", "benefits"],
    items: [raise, payRate("persRate", "0.105", ["increase"], { groupIds: rateGroups })],
  });
}

describe("a rate limited to groups none of its items cover", () => {
  it("is refused, naming the groups on both sides", () => {
    expect(() => judges(["pers"], ["jrs"])).toThrow(
      "the rate is limited to jrs, and no item it applies to covers any of them (increase covers pers); it would cost $0 every year",
    );
  });

  it("overlapping groups are costed on the shared part: 0.105 x 11 x 23,470 = 0.105 x 258,170 = 27,107.85", () => {
    const s = judges(["pers", "jrs"], ["pers"]);
    const benefits = computeTable(s).lines.find((l) => l.id === "benefits")!;
    expect(benefits.cells["FY2006"]!.exact.toString()).toBe("27107.85");
  });

  it("the refusal names the field", () => {
    const s = JSON.parse(JSON.stringify(judges(["pers", "jrs"], ["pers"])));
    s.items[0].groupIds = ["pers"];
    s.items[1].groupIds = ["jrs"];
    const r = validateScenario(s);
    expect(r.ok ? [] : r.errors.map((e) => e.field)).toEqual(["items.persRate.groupIds"]);
  });
});
