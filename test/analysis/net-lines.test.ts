/**
 * Which line the analyses call "the total" when a note also prints a net line (revenue less
 * costs: negative when costs rise). A payroll of $1,000,000 takes a 5% raise for a whole fiscal
 * year (FY2024, July to June, months proration): the raise costs 1,000,000 x 5% = $50,000, and
 * one more point costs 1,000,000 x 1% = $10,000. The net line is 0 - 50,000 = -$50,000; an
 * analysis that took it for the total would report a point as -$10,000.
 */
import { describe, expect, it } from "vitest";
import { costOfOnePercent } from "../../model/engine/analysis";
import { goalSeekRaise } from "../../model/engine/analysis/goal-seek";
import { computeTable, totalByColumn, totalLineId } from "../../model/engine/compute";
import { Decimal, validateScenario, type Scenario } from "../../model/engine";
import { budgetLines } from "../../renderer/analysis/GoalSeek";

const src = { kind: "assumed", ref: "test" };
const p = (value: string, label: string) => ({ value, label, source: src });

function scenario(lines: object[], extraItems: object[] = []): Scenario {
  const checked = validateScenario({
    schemaVersion: 2,
    id: "net",
    name: "Net line",
    description: "a cost line, a revenue line and their net",
    agreement: { name: "A", employer: "X", union: "U", effectiveFrom: "2023-07-01", effectiveTo: "2024-06-30" },
    calendar: { fiscalYearStartMonth: 7, payFrequency: "monthly", payPeriodAnchor: "2023-07-01" },
    settings: { proration: "months", calendarToFiscal: "monthsInForce", salaryMethod: "averageSalary" },
    groups: [{ id: "staff", label: "Staff", payroll: p("1000000", "payroll") }],
    items: [
      {
        kind: "raises",
        id: "raise",
        label: "Raise",
        line: "exp",
        steps: [{ fiscalYear: 2024, type: "percent", amount: p("0.05", "raise"), effective: "2023-07-01", source: src }],
      },
      ...extraItems,
    ],
    table: {
      lines,
      columns: { fiscalYears: [2024], total: false, annualized: false },
      display: { unit: "dollars", decimals: 0, rounding: "halfUp", totals: "roundedExact" },
    },
  });
  if (!checked.ok) throw new Error(JSON.stringify(checked.errors));
  return checked.value;
}

const onePoint = (s: Scenario) => costOfOnePercent(s).onePercent[0]!.allYears.toFixed(2);

describe("the total the analyses use", () => {
  it("is a cost line styled total, not the net line after it that subtracts it", () => {
    const s = scenario([
      { id: "exp", label: "Total Expenditures", style: "total" },
      { id: "rev", label: "Total Revenues" },
      { id: "net", label: "Net All Funds", style: "total", sum: ["rev"], minus: ["exp"] },
    ]);
    const r = computeTable(s);
    expect(r.lines.find((l) => l.id === "net")!.cells["FY2024"]!.exact.toFixed()).toBe("-50000");
    expect(totalLineId(r)).toBe("exp");
    expect(onePoint(s)).toBe("10000.00");
  });

  it("is the sum of the cost lines when the only total is a net that subtracts them (revenue - costs)", () => {
    const s = scenario(
      [
        { id: "exp", label: "Raise" },
        { id: "other", label: "Other costs" },
        { id: "rev", label: "Revenue" },
        { id: "net", label: "Net impact", style: "total", sum: ["rev"], minus: ["exp", "other"] },
      ],
      [{ kind: "fixedAmounts", id: "oth", label: "Other", line: "other", amounts: { FY2024: p("2000", "other costs") } }],
    );
    const r = computeTable(s);
    expect(totalLineId(r)).toBeUndefined();
    // 50,000 + 2,000: the costs, positive.
    expect(totalByColumn(r)["FY2024"]!.toFixed()).toBe("52000");
    expect(onePoint(s)).toBe("10000.00");
  });

  it("keeps a total that subtracts savings from the raise (gross - savings)", () => {
    const s = scenario(
      [
        { id: "exp", label: "Raise" },
        { id: "savings", label: "Savings" },
        { id: "total", label: "Net cost", style: "total", sum: ["exp"], minus: ["savings"] },
      ],
      [{ kind: "fixedAmounts", id: "sav", label: "Savings", line: "savings", amounts: { FY2024: p("8000", "savings") } }],
    );
    const r = computeTable(s);
    expect(totalLineId(r)).toBe("total");
    expect(r.lines.find((l) => l.id === "total")!.cells["FY2024"]!.exact.toFixed()).toBe("42000");
  });

  it("goal seek under a limit of $40,000 answers 4.00% (1,000,000 x 4%), not the search's upper bound", () => {
    const s = scenario([
      { id: "exp", label: "Total Expenditures", style: "total" },
      { id: "rev", label: "Total Revenues" },
      { id: "net", label: "Net All Funds", style: "total", sum: ["rev"], minus: ["exp"] },
    ]);
    const r = goalSeekRaise(s, {
      raise: "all",
      constraint: { lineId: totalLineId(computeTable(s))!, scope: "total", limit: { kind: "amount", dollars: new Decimal(40000) } },
    });
    expect(r.ok && r.raise.toFixed(4)).toBe("0.0400");
  });
});

describe("the app's goal seek", () => {
  it("offers the cost total by default, not the net line styled total", () => {
    const s = scenario([
      { id: "rev", label: "Total Revenues" },
      { id: "net", label: "Net All Funds", style: "total", sum: ["rev"], minus: ["exp"] },
      { id: "exp", label: "Total Expenditures", style: "total" },
    ]);
    expect(budgetLines(s).preferred).toBe("exp");
  });
});
