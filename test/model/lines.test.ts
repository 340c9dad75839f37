/**
 * One test group per cost line: "default is zero" and a typical case worked by hand, on small
 * scenarios built from the reference with a few inputs changed.
 */
import { describe, expect, it } from "vitest";
import { computeTable } from "../../model/engine/compute";
import { fisAsPublished, contractAsStated } from "../../model/built-ins";
import { setInputValue } from "../../model/engine/scenario/paths";
import type { Scenario } from "../../model/engine/scenario/types";

const exact = (s: Scenario, line: string, col: string) =>
  computeTable(s)
    .lines.find((l) => l.id === line)!
    .cells[col]!.exact.toFixed(2);
const item = (s: Scenario, id: string, col: string) =>
  computeTable(s)
    .items.find((i) => i.id === id)!
    .cells[col]!.exact.toFixed(2);

function withRaises(s: Scenario, rates: string[]): Scenario {
  const dates = ["2024-10-01", "2025-10-01", "2026-10-01", "2027-10-01"];
  return rates.reduce((acc, r, i) => setInputValue(acc, `items.baseSalary.steps.${dates[i]}.amount`, r), s);
}

describe("Base Salary Increases (Art. 36.2)", () => {
  it("is zero with 0% raises in every year", () => {
    const s = withRaises(fisAsPublished(), ["0", "0", "0", "0"]);
    for (const c of ["FY2025", "FY2026", "FY2027", "FY2028", "Total"]) expect(exact(s, "baseSalaryIncreases", c)).toBe("0.00");
  });
  it("compounds: FY2028 = P x (1.02 x 1.03 x 1.03 x 1.04 - 1)", () => {
    // P = 5,776 x 105,271.50 = 608,048,184; factor 1.12540272 -> 0.12540272 x P = 76,250,896.16
    expect(exact(fisAsPublished(), "baseSalaryIncreases", "FY2028")).toBe("76250896.16");
  });
  it("a flat raise accumulates: $1,000 in FY2025 and $1,000 in FY2026 cost 2 x $1,000 per member in FY2026", () => {
    const s = fisAsPublished();
    s.items = s.items.map((i) =>
      i.kind === "raises"
        ? {
            ...i,
            steps: i.steps
              .slice(0, 2)
              // A flat step takes no floor or cap, so a percent step's are dropped with the type.
              .map(({ atLeast: _floor, atMost: _cap, ...st }) => ({
                ...st,
                type: "flat" as const,
                amount: { ...st.amount, value: "1000", unit: "USD/year" as const },
              })),
          }
        : i,
    );
    expect(exact(s, "baseSalaryIncreases", "FY2025")).toBe("5776000.00");
    expect(exact(s, "baseSalaryIncreases", "FY2026")).toBe("11552000.00");
  });
  it("a raise effective mid-year is prorated by pay periods (13 of 26 from Apr 1, 2025)", () => {
    const s = fisAsPublished();
    s.items = s.items.map((i) =>
      i.kind === "raises" ? { ...i, steps: [{ ...i.steps[0]!, effective: "2025-04-01" }, ...i.steps.slice(1)] } : i,
    );
    // P x 0.02 x 13/26 = 12,160,963.68 / 2
    expect(exact(s, "baseSalaryIncreases", "FY2025")).toBe("6080481.84");
    // FY2026 carries the full year of the FY2025 raise again
    expect(exact(s, "baseSalaryIncreases", "FY2026")).toBe(exact(fisAsPublished(), "baseSalaryIncreases", "FY2026"));
  });
});

describe("4% bonus (Art. 36.2.3)", () => {
  it("is paid only in FY2025", () => {
    expect(exact(fisAsPublished(), "bonus", "FY2026")).toBe("0.00");
  });
  it("= 4% x calibrated FY2024 earnings 596.35M", () => {
    expect(exact(fisAsPublished(), "bonus", "FY2025")).toBe("23854000.00");
  });
  it("is zero at a 0% rate", () => {
    expect(exact(setInputValue(fisAsPublished(), "items.bonus.rate", "0"), "bonus", "FY2025")).toBe("0.00");
  });
});

describe("Additional Pay: coverage premium (Art. 23.17.6, 36.8)", () => {
  it("stated inputs: 17,930 x 7 h x $60 x 1.0145 = 7,639,793.70 a year, x 2 in FY2025 for the FY2024 retro", () => {
    expect(exact(contractAsStated(), "additionalPay", "FY2025")).toBe("15279587.40");
    // FY2026: x 1.02 = 7,792,589.57
    expect(exact(contractAsStated(), "additionalPay", "FY2026")).toBe("7792589.57");
  });
  it("is zero with no coverage requests", () => {
    const s = setInputValue(contractAsStated(), "items.coveragePremium.units", "0");
    expect(exact(s, "additionalPay", "Total")).toBe("0.00");
  });
  it("follows the Medicare rate as its loading", () => {
    const s = setInputValue(contractAsStated(), "items.medicare.rate", "0");
    // 17,930 x 7 x 60 = 7,530,600 a year, x 2 in FY2025
    expect(exact(s, "additionalPay", "FY2025")).toBe("15061200.00");
  });
});

describe("Benefits (Art. 37; FIS note f)", () => {
  it("FY2025 as published: 5,776 x (9 x (0.65 + 2.52) + 19 x 1.50) + 1.45% x base increase = 505,739.25", () => {
    // 5,776 x 57.03 = 329,405.28; 0.0145 x 12,160,963.68 = 176,333.97
    expect(exact(fisAsPublished(), "benefits", "FY2025")).toBe("505739.25");
  });
  it("CY->FY: the CFO costs FY2026 at 12 months of the CY2026 increase; the contract's months in force give 3 + 9", () => {
    // optical 12 x (22.94 - 21.62) = 15.84 vs 3 x 0.65 + 9 x 1.32 = 13.83
    expect(item(fisAsPublished(), "optical", "FY2026")).toBe((5776 * 15.84).toFixed(2));
    expect(item(contractAsStated(), "optical", "FY2026")).toBe("79882.08");
  });
  it("legal counts 26 biweekly periods a year at the fiscal-year rate", () => {
    // FY2027: 26 x (21.75 - 18.25) = 91 per member x 5,776 = 525,616
    expect(item(fisAsPublished(), "legal", "FY2027")).toBe("525616.00");
  });
  it("Medicare is 1.45% of the base increase (published) or of base increase and bonus (stated)", () => {
    expect(item(fisAsPublished(), "medicare", "FY2026")).toBe("446124.95");
    expect(item(contractAsStated(), "medicare", "FY2026")).toBe("446127.07");
  });
  it("is zero when contributions do not change", () => {
    let s = withRaises(fisAsPublished(), ["0", "0", "0", "0"]);
    for (const [id, base] of [
      ["optical", "21.62"],
      ["dentalSelf", "45.87"],
      ["dentalFamily", "87.57"],
    ] as const)
      for (const y of [2025, 2026, 2027, 2028]) s = setInputValue(s, `items.${id}.amounts.${y}`, base);
    for (const y of [2025, 2026, 2027, 2028]) s = setInputValue(s, `items.legal.amounts.${y}`, "18.25");
    expect(exact(s, "benefits", "Total")).toBe("0.00");
  });
});

describe("Other NPS, local portion, funding, WIA", () => {
  it("Other NPS is the entered amounts", () => {
    expect(exact(fisAsPublished(), "otherNps", "Total")).toBe("438000.00");
  });
  it("local portion = local share x total; WIA = local - funding", () => {
    const r = computeTable(fisAsPublished());
    const get = (id: string, c: string) => r.lines.find((l) => l.id === id)!.cells[c]!.exact;
    expect(get("localPortion", "FY2026").toString()).toBe(get("totalCost", "FY2026").times("0.993582").toString());
    expect(get("costFundedByWia", "FY2026").toString()).toBe(
      get("localPortion", "FY2026").plus(get("fundingAvailable", "FY2026")).toString(),
    );
  });
});

describe("properties", () => {
  it("doubling headcount doubles every per-head line", () => {
    const base = fisAsPublished();
    const doubled = setInputValue(base, "groups.wtu.members", "11552");
    for (const id of ["baseSalary", "optical", "dentalSelf", "legal", "medicare"]) {
      for (const c of ["FY2025", "FY2026", "FY2027", "FY2028"]) {
        const one = computeTable(base).items.find((i) => i.id === id)!.cells[c]!.exact;
        const two = computeTable(doubled).items.find((i) => i.id === id)!.cells[c]!.exact;
        expect(two.toString()).toBe(one.times(2).toString());
      }
    }
  });
  it("every Total is the sum of the unrounded years", () => {
    for (const s of [fisAsPublished(), contractAsStated()]) {
      for (const line of computeTable(s).lines) {
        const years = ["FY2025", "FY2026", "FY2027", "FY2028"].map((c) => line.cells[c]!.exact);
        expect(line.cells.Total!.exact.toString()).toBe(years.reduce((a, b) => a.plus(b)).toString());
      }
    }
  });
});

describe("a census is checked where it enters, never while costing", () => {
  it("a census that does not fit the schedules is refused by checkedCensus with structured errors", async () => {
    const { checkedCensus, referenceCensus } = await import("../../model/engine/schedule");
    const census = referenceCensus();
    const bad = { ...census, cells: [{ ...census.cells[0]!, lane: "Nowhere" }, ...census.cells.slice(1)] };
    const r = checkedCensus(bad);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatchObject({ field: "census.cells.0.lane", message: expect.stringMatching(/Nowhere/) });
  });
  it("an embedded census that does not fit the schedules is refused when the scenario is read, naming the field", async () => {
    const { embedCensus, referenceCensus } = await import("../../model/engine/schedule");
    const { validateScenario } = await import("../../model/engine/scenario/schema");
    const census = referenceCensus();
    const bad = { ...census, cells: [{ ...census.cells[0]!, lane: "Nowhere" }, ...census.cells.slice(1)] };
    const s = fisAsPublished();
    const data = {
      ...s,
      settings: { ...s.settings, salaryMethod: "schedule" },
      scheduleMethod: { ...s.scheduleMethod!, census: embedCensus(bad) },
    };
    const r = validateScenario(JSON.parse(JSON.stringify(data)));
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.errors).toContainEqual({
        field: "scheduleMethod.census.cells.0.lane",
        message: expect.stringMatching(/lane "Nowhere" does not exist/),
      });
  });
});
