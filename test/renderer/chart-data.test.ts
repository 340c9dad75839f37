/**
 * What the Charts tab draws comes from the result, never from DC line ids: the stacked lines, the
 * total on each bar, the derived lines drawn over them, and the published -> computed waterfall.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { contractAsStated, fisAsPublished } from "../../model/built-ins";
import { computeTable } from "../../model/engine";
import { setInputValue } from "../../model/engine/scenario/paths";
import { parseScenarioJson } from "../../model/engine/scenario/schema";
import { barTotal, chartLines, largestLine, publishedSteps, yearColumns } from "../../renderer/charts/chart-data";

const FY2026_RAISE = "items.baseSalary.steps.2025-10-01.amount";

describe("the lines a chart draws", () => {
  const result = computeTable(fisAsPublished());
  const lines = chartLines(result);

  it("stacks the cost lines, tops them with the total, and draws every other derived line", () => {
    expect(lines.stacked.map((l) => l.label)).toEqual([
      "Base Salary Increases",
      "4 Percent Bonus in FY 2024",
      "Additional Pay",
      "Benefits",
      "Other NPS (AEDs and ice machines)",
    ]);
    expect(lines.total?.label).toBe("TOTAL COST");
    expect(lines.drawn.map((l) => l.label)).toEqual([
      "Local Portion of Total Cost",
      "Funding available in DCPS Budget and Financial Plan",
      "Cost Funded by Workforce Investments Account",
    ]);
    expect(yearColumns(result)).toEqual(["FY2025", "FY2026", "FY2027", "FY2028"]);
    // The published FY2025 total, $52,137K, on the first bar.
    expect(barTotal(result, lines, "FY2025").toString()).toBe("52137");
  });

  it("follows a scenario's own lines: renamed ids and a line without a total", () => {
    const s = fisAsPublished();
    s.table.lines = s.table.lines.filter((l) => !("sum" in l) && !("share" in l) && !("amounts" in l));
    const r = computeTable(s);
    const l = chartLines(r);
    expect(l.total).toBeUndefined();
    expect(l.drawn).toEqual([]);
    // 12,161 + 23,854 + 15,280 + 506 + 336 = 52,137 (each line's displayed FY2025 figure)
    expect(barTotal(r, l, "FY2025").toString()).toBe("52137");
  });
});

describe("published -> computed", () => {
  it("FIS as published reproduces every figure: no step between the two totals", () => {
    const steps = publishedSteps(computeTable(fisAsPublished()), "Total")!;
    expect(steps.map((s) => [s.kind, s.value.toString()])).toEqual([
      ["total", "238980"],
      ["total", "238980"],
    ]);
  });

  it("a 4% FY2026 raise: the change sits on Base Salary Increases and Benefits (its Medicare), summing to the new total", () => {
    const r = computeTable(setInputValue(fisAsPublished(), FY2026_RAISE, "0.04"));
    const steps = publishedSteps(r, "FY2026")!;
    const byLabel = Object.fromEntries(steps.map((s) => [s.label, s.value.toString()]));
    const line = (id: string) => r.lines.find((l) => l.id === id)!.cells.FY2026!.display;
    // Computed minus published ($K): base salary 30,767 -> the new figure; benefits 1,272 -> the new figure.
    expect(byLabel["Base Salary Increases"]).toBe(line("baseSalaryIncreases").minus(30767).toString());
    expect(byLabel.Benefits).toBe(line("benefits").minus(1272).toString());
    expect(steps[0]!.value.toString()).toBe("39866"); // the published FY2026 TOTAL COST
    const end = steps.reduce((s, x) => (x.kind === "change" ? s.plus(x.value) : s), steps[0]!.value);
    expect(end.equals(steps[steps.length - 1]!.value)).toBe(true);
  });

  it("a scenario without published figures has no such waterfall", () => {
    expect(publishedSteps(computeTable(contractAsStated()), "Total")).toBeNull();
  });
});

describe("a table without a total column (a state fiscal note: years and an annualized column)", () => {
  it("the largest line is ranked by its fiscal-year cells: Personal Services, $15,011,220 over FY 2022 to FY 2023", () => {
    const parsed = parseScenarioJson(readFileSync("examples/wv-2022-hb4538-state-police/scenario.json", "utf8"));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const r = computeTable(parsed.value);
    expect(r.columns).not.toContain("Total");
    const largest = largestLine(r, chartLines(r));
    // The note's printed FY2022 0 + FY2023 15,011,220.
    expect([largest?.line.label, largest?.amount.toString()]).toEqual(["Personal Services", "15011220"]);
  });
});
