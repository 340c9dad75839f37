/** Fund split from the groups' and items' fund shares, validated, costed, and as `fund` table lines. */
import { describe, expect, it } from "vitest";
import { fundSplit } from "../../model/engine/analysis";
import { computeTable } from "../../model/engine/compute";
import { listInputs, setInputValue } from "../../model/engine/scenario/paths";
import { fisAsPublished } from "../../model/built-ins";
import { validateScenario } from "../../model/engine/scenario/schema";
import type { Scenario } from "../../model/engine/scenario/types";
import { Plan } from "../../model/engine/fast/plan";
import { agreement, group, p, percent } from "../agreements/build";
import { beforeAgreementScenario } from "../io/scenarios";

const withFunds = (shares: [string, string][]): Scenario => {
  const s = agreement({
    id: "district-funds",
    fiscalYears: [2026, 2027],
    fiscalYearStartMonth: 7,
    firstPayPeriodStart: "2025-07-06",
    effectiveFrom: "2025-07-01",
    effectiveTo: "2027-06-30",
    groups: [group("staff", "100", "50000")],
    lines: ["salary"],
    items: [
      {
        kind: "raises",
        id: "raise",
        label: "Raise",
        line: "salary",
        steps: [percent(2026, "0.02", "2025-07-01"), percent(2027, "0.02", "2026-07-01")],
      },
    ],
    localShare: "0.7",
  });
  return {
    ...s,
    funds: shares.map(([id]) => ({ id, label: id })),
    groups: s.groups.map((g) => ({
      ...g,
      fundShares: Object.fromEntries(shares.map(([id, share]) => [id, p(share, "share", `${id} share`)])),
    })),
  };
};

describe("fund split", () => {
  it("splits the total by each fund's share, and names what no fund covers", () => {
    const s = withFunds([
      ["local", "0.7"],
      ["stateGrant", "0.2"],
    ]);
    expect(validateScenario(JSON.parse(JSON.stringify(s))).ok).toBe(true);
    const split = fundSplit(s, computeTable(s));
    // TOTAL: FY2026 5,000,000 x 0.02 = 100,000; FY2027 5,000,000 x (1.02^2 - 1) = 202,000; Total 302,000
    expect(split.map((f) => [f.id, f.cells.FY2026!.toFixed(2), f.cells.Total!.toFixed(2)])).toEqual([
      ["local", "70000.00", "211400.00"], // 0.7 x 100,000; 0.7 x 302,000
      ["stateGrant", "20000.00", "60400.00"], // 0.2 x 100,000; 0.2 x 302,000
      ["unassigned", "10000.00", "30200.00"], // (1 - 0.9) x ...
    ]);
  });

  it("without funds it is the table's first share line (the local portion) and the rest", () => {
    const split = fundSplit(fisAsPublished(), computeTable(fisAsPublished()));
    expect(split.map((f) => [f.id, f.share.toString()])).toEqual([
      ["localPortion", "0.993582"],
      ["other", "0.006418"],
    ]);
    expect(
      split[0]!.cells.Total!.equals(computeTable(fisAsPublished()).lines.find((l) => l.id === "localPortion")!.cells.Total!.exact),
    ).toBe(true);
  });

  it("fund shares are inputs (listed, editable) and may not exceed 100% together", () => {
    const s = withFunds([
      ["local", "0.7"],
      ["federal", "0.3"],
    ]);
    expect(listInputs(s).some((e) => e.path === "groups.staff.fundShares.federal")).toBe(true);
    const over = setInputValue(s, "groups.staff.fundShares.federal", "0.4");
    const checked = validateScenario(JSON.parse(JSON.stringify(over)));
    expect(checked.ok).toBe(false);
    // 0.7 + 0.4 = 1.1
    if (!checked.ok)
      expect(checked.errors).toContainEqual({ field: "groups.staff.fundShares", message: "fund shares add up to 1.1, more than 1 (100%)" });
  });

  it("a fund line in the table shows each fund's part; per-group shares split each group's part of every item", () => {
    // Two groups: A 10 x 100,000 (all general fund), B 30 x 50,000 (half general, half federal); a 2% raise on Jul 1.
    const base = agreement({
      id: "two-funds",
      fiscalYears: [2026],
      fiscalYearStartMonth: 7,
      firstPayPeriodStart: "2025-07-06",
      effectiveFrom: "2025-07-01",
      effectiveTo: "2026-06-30",
      groups: [group("A", "10", "100000"), group("B", "30", "50000")],
      lines: ["salary"],
      items: [{ kind: "raises", id: "raise", label: "Raise", line: "salary", steps: [percent(2026, "0.02", "2025-07-01")] }],
    });
    const s: Scenario = {
      ...base,
      funds: [
        { id: "general", label: "General Fund" },
        { id: "federal", label: "Federal" },
      ],
      groups: [
        { ...base.groups[0]!, fundShares: { general: p("1", "share", "A general") } },
        { ...base.groups[1]!, fundShares: { general: p("0.5", "share", "B general"), federal: p("0.5", "share", "B federal") } },
      ],
      table: {
        ...base.table,
        lines: [
          ...base.table.lines,
          { id: "generalFund", label: "General Fund", fund: { fund: "general", of: ["totalCost"] } },
          { id: "federalFund", label: "Federal", fund: { fund: "federal", of: ["salary"] } },
        ],
      },
    };
    const checked = validateScenario(JSON.parse(JSON.stringify(s)));
    expect(checked.ok, JSON.stringify(!checked.ok && checked.errors)).toBe(true);
    const t = computeTable(s);
    const cell = (id: string) => t.lines.find((l) => l.id === id)!.cells.FY2026!.exact.toFixed(2);
    // A: 1,000,000 x 0.02 = 20,000; B: 1,500,000 x 0.02 = 30,000
    expect(cell("salary")).toBe("50000.00");
    // general: 1 x 20,000 + 0.5 x 30,000 = 35,000; federal: 0.5 x 30,000 = 15,000
    expect(cell("generalFund")).toBe("35000.00");
    expect(cell("federalFund")).toBe("15000.00");
  });

  it("an item's own fund shares override its groups'", () => {
    const s = withFunds([["local", "0.7"]]);
    const item = s.items[0]!;
    const t = computeTable({
      ...s,
      items: [{ ...item, fundShares: { local: p("0.25", "share", "item local") } }],
      table: { ...s.table, lines: [...s.table.lines, { id: "localFund", label: "Local", fund: { fund: "local", of: ["salary"] } }] },
    });
    // 0.25 x 100,000 (FY2026), not 0.7 x 100,000
    expect(t.lines.find((l) => l.id === "localFund")!.cells.FY2026!.exact.toFixed(2)).toBe("25000.00");
  });
  it("a fund pays nothing in a year that ends before the agreement starts, as every item costs nothing in it (exact and fast)", () => {
    const base = beforeAgreementScenario();
    expect(validateScenario(JSON.parse(JSON.stringify(base))).ok).toBe(true);
    const s: Scenario = {
      ...base,
      table: { ...base.table, lines: [...base.table.lines, { id: "gfLine", label: "General fund", fund: { fund: "gf", of: ["total"] } }] },
    };
    const t = computeTable(s);
    const split = fundSplit(s, t);
    const at = (col: string) => [
      t.lines.find((l) => l.id === "total")!.cells[col]!.exact.toFixed(2),
      t.lines.find((l) => l.id === "gfLine")!.cells[col]!.exact.toFixed(2),
      ...split.map((f) => f.cells[col]!.toFixed(2)),
    ];
    // FY2008 ends 2008-07-01, the agreement's first day: nothing, whatever the items' own fields would cost
    // (group A's 1% of $1,000,000 would have given the general fund $10,000 + half of B's $30,000).
    expect(at("FY2008")).toEqual(["0.00", "0.00", "0.00", "0.00"]);
    // FY2009 (A 10 x $100,000, B 30 x $100,000): holiday 1% = 40,000 (A 10,000); raise 2% = 80,000 (A 20,000);
    // bonus 1% = 40,000 (A 10,000); premium 100 x 2 x $50 = 10,000 (A by payroll 1/4: 2,500); dental 40 x 12 x
    // ($12 - $10) = 960 (A 240); fixed 6,000 (A 1,500); B's benefits 20% x (30,000 + 7,500 + 4,500) = 8,400.
    // Total 185,360; A 44,240, B 141,120; general fund 1 x 44,240 + 0.5 x 141,120 = 114,800; unassigned 70,560.
    expect(at("FY2009")).toEqual(["185360.00", "114800.00", "114800.00", "70560.00"]);
    const plan = Plan.tryCompile(s);
    expect(plan, "the fast path compiles it").toBeDefined();
    const ev = plan!.evaluator();
    const cents = ev.cents(ev.runTracked());
    const fast = (line: string, col: string) => cents[plan!.cellIndex(line, col)];
    expect([fast("total", "FY2008"), fast("gfLine", "FY2008"), fast("total", "FY2009"), fast("gfLine", "FY2009")]).toEqual([
      0, 0, 18_536_000, 11_480_000,
    ]);
  });
});
