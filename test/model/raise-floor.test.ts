/**
 * A percent raise with a dollar floor or cap ("3% or $1,000, whichever is greater"; "5%, at most
 * $2,000 a year"): per member the step raises the salary in force before it by
 * clamp(salary x percent, floor, cap). Every expected figure is hand arithmetic, written beside it.
 */
import { describe, expect, it } from "vitest";
import { computeTable } from "../../model/engine/compute";
import { describeItems, provisionOf } from "../../model/engine/kinds/describe";
import { diffScenarios } from "../../model/engine/analysis/diff";
import type { Explanation } from "../../model/engine/explain";
import { listInputs, setInputValue } from "../../model/engine/scenario/paths";
import { checkScenario, validateScenario } from "../../model/engine/scenario/schema";
import type { Group, Scenario } from "../../model/engine/scenario/types";
import type { RaiseStep } from "../../model/engine/kinds/raises";
import { averageGroup, floorScenario, floorScenarioData, P, percentStep, SOURCE } from "../fixtures/raise-floor-scenario";

const cell = (s: Scenario, column: string, line = "salaries") =>
  computeTable(s)
    .lines.find((l) => l.id === line)!
    .cells[column]!.exact.toFixed(2);

const formulas = (e: Explanation): string[] => [e.formula ?? "", ...(e.children ?? []).flatMap(formulas)];
const explanationOf = (s: Scenario, column: string) => computeTable(s).items.find((i) => i.id === "cola")!.cells[column]!.explanation;

const floor = { atLeast: "1000" };

describe("the floor: 3% or $1,000, whichever is greater", () => {
  it("100 members at $30,000: max(900, 1,000) = 1,000 a member, $100,000 in FY2025", () => {
    // 30,000 x 0.03 = 900 < 1,000, so each member gets 1,000; 100 x 1,000 = 100,000.
    expect(cell(floorScenario([averageGroup("100", "30000")], [percentStep(2025, "0.03", floor)]), "FY2025")).toBe("100000.00");
  });

  it("100 members at $50,000: max(1,500, 1,000) = 1,500 a member, $150,000 (the floor does not bind)", () => {
    // 50,000 x 0.03 = 1,500 > 1,000; 100 x 1,500 = 150,000.
    expect(cell(floorScenario([averageGroup("100", "50000")], [percentStep(2025, "0.03", floor)]), "FY2025")).toBe("150000.00");
  });

  it("exactly at the break-even ($1,000 / 3% = $33,333.33...): 33,400 x 0.03 = 1,002 beats the floor", () => {
    // 33,400 x 0.03 = 1,002 > 1,000; 10 x 1,002 = 10,020. 33,300 x 0.03 = 999 < 1,000: 10 x 1,000 = 10,000.
    expect(cell(floorScenario([averageGroup("10", "33400")], [percentStep(2025, "0.03", floor)]), "FY2025")).toBe("10020.00");
    expect(cell(floorScenario([averageGroup("10", "33300")], [percentStep(2025, "0.03", floor)]), "FY2025")).toBe("10000.00");
  });

  it("positions: 10 at $30,000 and 10 at $50,000 = 10 x 1,000 + 10 x 1,500 = $25,000, each position clamped on its own salary", () => {
    const g: Group = {
      id: "g",
      label: "Clerks",
      positions: [
        { id: "junior", label: "Junior", count: P("10"), salary: P("30000") },
        { id: "senior", label: "Senior", count: P("10"), salary: P("50000") },
      ],
    };
    const s = floorScenario([g], [percentStep(2025, "0.03", floor)]);
    expect(cell(s, "FY2025")).toBe("25000.00");
    // The same 20 members as an average ($40,000 x 0.03 = 1,200 > 1,000) would read 20 x 1,200 = 24,000: the positions are exact.
    expect(cell(floorScenario([averageGroup("20", "40000")], [percentStep(2025, "0.03", floor)]), "FY2025")).toBe("24000.00");
    expect(formulas(explanationOf(s, "FY2025")).join(" ")).toContain("applied to each position's salary (exact per position)");
  });

  it("a payroll with members: the floor is members x $1,000 on the payroll (the average salary's raise)", () => {
    // Payroll 3,000,000 for 100 members: 3,000,000 x 0.03 = 90,000 < 100 x 1,000 = 100,000.
    const g: Group = { id: "g", label: "Clerks", payroll: P("3000000"), members: P("100") };
    const s = floorScenario([g], [percentStep(2025, "0.03", floor)]);
    expect(cell(s, "FY2025")).toBe("100000.00");
    expect(formulas(explanationOf(s, "FY2025")).join(" ")).toContain(
      "the average salary (payroll / members): exact only if salaries are near",
    );
  });

  it("the explanation says plainly the floor is on the average salary, names the break-even, and lists the floor as an input", () => {
    const e = explanationOf(floorScenario([averageGroup("100", "30000")], [percentStep(2025, "0.03", floor)]), "FY2025");
    const words = formulas(e).join(" ");
    expect(words).toContain("floor applied to the average salary: exact only if salaries are near the average");
    // 1,000 / 0.03 = 33,333.333... -> $33,333.33.
    expect(words).toContain("members below $1,000 / 3% = $33,333.33");
    expect(words).toContain("give positions for a per-position floor");
    const leaves = (x: Explanation): Explanation[] => [x, ...(x.children ?? []).flatMap(leaves)];
    expect(leaves(e).some((l) => l.inputPath === "items.cola.steps.2024-10-01.atLeast" && l.value === "1000")).toBe(true);
  });
});

describe("the cap: 5%, at most $2,000 a year", () => {
  it("100 members at $50,000: min(2,500, 2,000) = 2,000 a member, $200,000", () => {
    // 50,000 x 0.05 = 2,500 > 2,000; 100 x 2,000 = 200,000.
    expect(cell(floorScenario([averageGroup("100", "50000")], [percentStep(2025, "0.05", { atMost: "2000" })]), "FY2025")).toBe(
      "200000.00",
    );
  });

  it("floor and cap together: 100 at $30,000, 5% between $1,000 and $2,000 = 1,500 a member (neither binds)", () => {
    // 30,000 x 0.05 = 1,500, between 1,000 and 2,000: 100 x 1,500 = 150,000.
    const s = floorScenario([averageGroup("100", "30000")], [percentStep(2025, "0.05", { atLeast: "1000", atMost: "2000" })]);
    expect(cell(s, "FY2025")).toBe("150000.00");
  });
});

describe("compounding and proration", () => {
  it("a second year's 2% compounds on the clamped level: 31,000 x 1.02 - 30,000 = 1,620 a member in FY2026", () => {
    const s = floorScenario([averageGroup("100", "30000")], [percentStep(2025, "0.03", floor), percentStep(2026, "0.02")]);
    // FY2025: 100 x 1,000 = 100,000. FY2026: (30,000 + 1,000) x 1.02 = 31,620; 100 x 1,620 = 162,000.
    expect(cell(s, "FY2025")).toBe("100000.00");
    expect(cell(s, "FY2026")).toBe("162000.00");
    // Annualized: the final level for a full year, 100 x 1,620 = 162,000. Total 100,000 + 162,000 = 262,000.
    expect(cell(s, "Annualized")).toBe("162000.00");
    expect(cell(s, "Total")).toBe("262000.00");
  });

  it("a later clamped step applies its floor to the level in force before it: 30,000 -> 31,000 -> 31,000 + max(620, 1,000)", () => {
    // FY2026: 31,000 x 0.02 = 620 < 1,000, so +1,000: 32,000 - 30,000 = 2,000 a member; 100 x 2,000 = 200,000.
    const s = floorScenario([averageGroup("100", "30000")], [percentStep(2025, "0.03", floor), percentStep(2026, "0.02", floor)]);
    expect(cell(s, "FY2026")).toBe("200000.00");
  });

  it("a clamped step from April 1 is prorated: 100 x 1,000 x 6/12 months = $50,000 in FY2025", () => {
    // Proration by months: April-September is 6 of the fiscal year's 12 months; the clamped raise is 1,000 a member.
    const s = floorScenario([averageGroup("100", "30000")], [percentStep(2025, "0.03", floor, "2025-04-01")], "months");
    expect(cell(s, "FY2025")).toBe("50000.00");
    // FY2026: in force all year, 100 x 1,000 = 100,000.
    expect(cell(s, "FY2026")).toBe("100000.00");
  });

  it("flat then clamped percent: 30,000 + 500 flat = 30,500; 30,500 x 0.03 = 915 < 1,000, so 31,500 - 30,000 = 1,500 a member", () => {
    const flat = { fiscalYear: 2025, type: "flat" as const, amount: P("500"), effective: "2024-10-01", source: SOURCE };
    const s = floorScenario([averageGroup("100", "30000")], [flat, percentStep(2026, "0.03", floor)]);
    // FY2025: 100 x 500 = 50,000. FY2026: 100 x 1,500 = 150,000.
    expect(cell(s, "FY2025")).toBe("50000.00");
    expect(cell(s, "FY2026")).toBe("150000.00");
  });
});

describe("validation names the field", () => {
  const errorsOf = (s: Scenario) => {
    const r = validateScenario(s);
    return r.ok ? [] : r.errors;
  };

  it("a floor above the cap is refused at the floor's path", () => {
    const e = errorsOf(floorScenarioData([averageGroup("100", "30000")], [percentStep(2025, "0.03", { atLeast: "3000", atMost: "2000" })]));
    expect(e).toContainEqual({
      field: "items.cola.steps.2024-10-01.atLeast",
      message: "the floor $3,000 a year is more than the cap $2,000 a year; the floor must be at most the cap",
    });
  });

  it("a floor or cap on a flat step is refused: a flat step is already a dollar amount", () => {
    const flat = { fiscalYear: 2025, type: "flat", amount: P("500"), atLeast: P("1000"), effective: "2024-10-01", source: SOURCE };
    const e = errorsOf(floorScenarioData([averageGroup("100", "30000")], [flat as never]));
    expect(e.map((x) => x.field)).toEqual(["items.cola.steps.2024-10-01.atLeast"]);
    expect(e[0]!.message).toContain("atLeast applies only to a percent step");
  });

  it("a negative floor and a zero cap are outside their fields' ranges", () => {
    const e = errorsOf(floorScenarioData([averageGroup("100", "30000")], [percentStep(2025, "0.03", { atLeast: "-1", atMost: "0" })]));
    expect(e.map((x) => x.field).sort()).toEqual(["items.cola.steps.2024-10-01.atLeast.value", "items.cola.steps.2024-10-01.atMost.value"]);
  });

  it("a payroll group without members is refused: the floor is per member", () => {
    const g: Group = { id: "g", label: "Clerks", payroll: P("3000000") };
    const e = errorsOf(floorScenarioData([g], [percentStep(2025, "0.03", floor)]));
    expect(e).toContainEqual({
      field: "items.cola",
      message: 'COLA needs headcount, but group "g" (Clerks) gives only a payroll; add its members',
    });
  });

  it("the schedule method refuses a floor or cap with the reason", () => {
    const s = floorScenarioData([averageGroup("100", "30000")], [percentStep(2025, "0.03", floor)]);
    s.settings = { ...s.settings, salaryMethod: "schedule" };
    const e = errorsOf(s);
    expect(e.find((x) => x.field === "items.cola.steps.2024-10-01.atLeast")?.message).toBe(
      "the schedule method prices percent raises on the salary schedules' printed cells; " +
        "a raise with a dollar floor or cap needs the average-salary method",
    );
  });

  it("a oneTime deriving earnings by taking out a clamped first raise is refused; stated earnings are fine", () => {
    const s = floorScenarioData([averageGroup("100", "30000")], [percentStep(2025, "0.03", floor)]);
    const bonus = { kind: "oneTime", id: "bonus", label: "Bonus", line: "salaries", paidInFiscalYear: 2025, rate: P("0.01") };
    s.items.push({ ...bonus, earningsFromRaisesItem: "cola" } as never);
    expect(errorsOf(s)).toContainEqual({
      field: "items.bonus.earningsFromRaisesItem",
      message:
        'the earnings are derived by dividing the payroll by (1 + the first raise of "cola"), which cannot take out a raise with ' +
        "a dollar floor or cap; state the earnings (earnings)",
    });
    s.items[1] = { ...bonus, earnings: P("3000000") } as never;
    expect(errorsOf(s)).toEqual([]);
  });

  it("an edit that puts the floor above the cap is caught by the checks an edit runs", () => {
    const s = floorScenario([averageGroup("100", "30000")], [percentStep(2025, "0.03", { atLeast: "1000", atMost: "2000" })]);
    const edited = setInputValue(s, "items.cola.steps.2024-10-01.atLeast", "2500");
    expect(checkScenario(edited).map((e) => e.field)).toEqual(["items.cola.steps.2024-10-01.atLeast"]);
  });
});

describe("inputs and words", () => {
  const s = floorScenario(
    [averageGroup("100", "30000")],
    [percentStep(2025, "0.03", { atLeast: "1000" }), percentStep(2026, "0.025", { atMost: "2000" })],
  );

  it("the floor and cap are inputs with their fields' labels and units, so the grid lists them and analyses can vary them", () => {
    const rows = listInputs(s).filter((e) => /\.(atLeast|atMost)$/.test(e.path));
    expect(rows.map((e) => [e.path, e.spec.label, e.unit, e.section])).toEqual([
      ["items.cola.steps.2024-10-01.atLeast", "Raise floor (dollars a year)", "USD/year", "Raises"],
      ["items.cola.steps.2025-10-01.atMost", "Raise cap (dollars a year)", "USD/year", "Raises"],
    ]);
    // Editing the floor moves the cost: 2,000 floor on $30,000 -> 100 x 2,000 = 200,000.
    expect(cell(setInputValue(s, "items.cola.steps.2024-10-01.atLeast", "2000"), "FY2025")).toBe("200000.00");
  });

  it("describe and the document's provisions say 3% (at least $1,000 a year)", () => {
    expect(describeItems(s)[0]!.text).toBe(
      "COLA: salaries increase 3% (at least $1,000 a year) effective 2024-10-01 (Art. 12), " +
        "2.5% (at most $2,000 a year) effective 2025-10-01 (Art. 12).",
    );
    expect(provisionOf(s.items[0]!, s).points).toEqual([
      "3 percent (at least $1,000 a year) in fiscal year 2025, effective October 1, 2024; Art. 12",
      "2.5 percent (at most $2,000 a year) in fiscal year 2026, effective October 1, 2025; Art. 12",
    ]);
  });

  it("a flat step's dollars are grouped wherever its words are written: $1,500 a year, never $1500", () => {
    const { fiscalYear, effective, source } = percentStep(2026, "0");
    const flat: RaiseStep = { fiscalYear, effective, source, type: "flat", amount: P("1500", "FY2026 flat raise") };
    const b = floorScenario([averageGroup("100", "30000")], [percentStep(2025, "0.03"), flat]);
    expect(describeItems(b)[0]!.text).toContain("$1,500 a year");
    const labels = diffScenarios(s, b).map((d) => d.label);
    expect(labels.join(" | ")).toContain("FY2026 $1,500 added");
    expect(labels.join(" | ")).not.toMatch(/\$\d{4}/);
  });

  it("a comparison names a step by its rate and bounds", () => {
    const b = structuredClone(s);
    const cola = b.items[0]!;
    if (cola.kind !== "raises") throw new Error("fixture");
    cola.steps = [cola.steps[0]!, { ...percentStep(2026, "0.025", { atLeast: "500", atMost: "2000" }), id: "second" }];
    const text = diffScenarios(s, b)
      .map((d) => d.label)
      .join(" | ");
    expect(text).toContain("FY2026 2.5% (at most $2,000 a year)");
    expect(text).toContain("FY2026 2.5% (at least $500 and at most $2,000 a year)");
  });
});
