/** Fund split as several shares (scenario.fundShares), validated and costed. */
import { describe, expect, it } from "vitest";
import { fundSplit } from "../../model/engine/analysis";
import { computeTable } from "../../model/engine/compute";
import { listInputs, setInputValue } from "../../model/engine/scenario/paths";
import { fisAsPublished } from "../../model/built-ins";
import { validateScenario } from "../../model/engine/scenario/schema";
import type { Scenario } from "../../model/engine/scenario/types";
import { agreement, group, p, percent } from "../agreements/build";

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
  return { ...s, fundShares: shares.map(([id, share]) => ({ id, label: id, share: p(share, "share", `${id} share`) })) };
};

describe("fund split", () => {
  it("splits TOTAL COST by each fund's share, and names what no fund covers", () => {
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

  it("without fundShares it is local share and the rest", () => {
    const split = fundSplit(fisAsPublished(), computeTable(fisAsPublished()));
    expect(split.map((f) => [f.id, f.share.toString()])).toEqual([
      ["local", "0.993582"],
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
    expect(listInputs(s).some((e) => e.path === "fundShares.federal.share")).toBe(true);
    const over = setInputValue(s, "fundShares.federal.share", "0.4");
    const checked = validateScenario(JSON.parse(JSON.stringify(over)));
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.errors).toContainEqual({ field: "fundShares", message: "fund shares add up to more than 1 (100%)" });
  });
});
