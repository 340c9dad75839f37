/**
 * Every explanation names an item by its own label (three pension items on one group used to all
 * read "<group>: base salary increase"), and each kind says in one sentence what an item provides.
 */
import { describe, expect, it } from "vitest";
import { fisAsPublished } from "../../model/built-ins";
import { computeTable, describeItems, formatExplanation } from "../../model/engine";
import { agreement, group, p, payRate, percent } from "../agreements/build";

describe("explanations use the item's own label", () => {
  const s = agreement({
    id: "fire",
    fiscalYears: [2014],
    fiscalYearStartMonth: 7,
    firstPayPeriodStart: "2013-07-07",
    effectiveFrom: "2013-07-01",
    effectiveTo: "2014-06-30",
    groups: [group("firefighters", "200", "60000")],
    lines: ["salary", "pension"],
    items: [
      { kind: "raises", id: "tierOne", label: "Tier 1 pension base raise", line: "salary", steps: [percent(2014, "0.02", "2013-07-01")] },
      { kind: "raises", id: "tierTwo", label: "Tier 2 pension base raise", line: "salary", steps: [percent(2014, "0.01", "2013-07-01")] },
      {
        kind: "raises",
        id: "tierThree",
        label: "Tier 3 pension base raise",
        line: "salary",
        steps: [percent(2014, "0.005", "2013-07-01")],
      },
      payRate("pensionRate", "0.1", ["tierOne"], { line: "pension" }),
    ],
  });
  const t = computeTable(s);

  it("three raises on one group each read by their own label", () => {
    expect(["tierOne", "tierTwo", "tierThree"].map((id) => t.items.find((i) => i.id === id)!.cells.FY2014!.explanation.label)).toEqual([
      "Tier 1 pension base raise FY2014",
      "Tier 2 pension base raise FY2014",
      "Tier 3 pension base raise FY2014",
    ]);
    const text = formatExplanation(t.lines.find((l) => l.id === "salary")!.cells.FY2014!.explanation);
    expect(text).toContain("Tier 2 pension base raise FY2014");
    expect(text).not.toMatch(/firefighters: base salary increase/);
  });
});

describe("what each item provides, one sentence", () => {
  it("the DC items", () => {
    const text = Object.fromEntries(describeItems(fisAsPublished()).map((d) => [d.id, d.text]));
    expect(text.baseSalary).toBe(
      "Base salary increases: salaries increase 2% effective 2024-10-01 (Art. 36.2.1), 3% effective 2025-10-01 (Art. 36.2.1), " +
        "3% effective 2026-10-01 (Art. 36.2.1), 4% effective 2027-10-01 (Art. 36.2.1).",
    );
    expect(text.bonus).toBe("4% bonus on FY2024 earnings: a one-time payment of 4% of earnings, paid in FY2025 (Art. 36.2.3).");
    expect(text.medicare).toMatch(/^Medicare \(employer\): 1\.45% on Base salary increases/);
    expect(text.optical).toMatch(/rises from \$21\.62 to \$24\.33 a month \(CY2024-2028\)/);
    expect(Object.keys(text)).toHaveLength(fisAsPublished().items.length);
  });
  it("a one-time payment per member writes its dollars grouped: $1,250 per member", () => {
    const s = agreement({
      id: "x",
      fiscalYears: [2026],
      fiscalYearStartMonth: 7,
      firstPayPeriodStart: "2025-07-06",
      effectiveFrom: "2025-07-01",
      effectiveTo: "2026-06-30",
      groups: [group("g", "10", "50000")],
      lines: ["bonus"],
      items: [
        {
          kind: "oneTime",
          id: "bonus",
          label: "Signing bonus",
          line: "bonus",
          rate: p("0", "rate"),
          amountPerMember: p("1250", "USD"),
          paidInFiscalYear: 2026,
        },
      ],
    });
    expect(describeItems(s)[0]!.text).toBe("Signing bonus: a one-time payment of $1,250 per member, paid in FY2026 (test agreement).");
  });

  it("a payroll-rate saving says it saves", () => {
    const s = agreement({
      id: "x",
      fiscalYears: [2026],
      fiscalYearStartMonth: 7,
      firstPayPeriodStart: "2025-07-06",
      effectiveFrom: "2025-07-01",
      effectiveTo: "2026-06-30",
      groups: [group("g", "10", "50000")],
      lines: ["pension"],
      items: [{ kind: "payrollRate", id: "shift", label: "Pension shift", line: "pension", rate: p("-0.01", "rate") }],
    });
    expect(describeItems(s)[0]!.text).toBe("Pension shift: saves 1% of covered payroll (test agreement).");
  });
});
