/**
 * A minimum salary step ("raise the minimum salary to $40,000", Maine's LD 1398): per member, or
 * per position, the salary in force before the step becomes max(salary, minimum), and later
 * percent steps compound on the result. Fixture: October fiscal years FY2025-FY2026, the agreement
 * from October 1, 2024. Every expected figure is hand arithmetic, written beside it.
 */
import { describe, expect, it } from "vitest";
import { computeTable } from "../../model/engine/compute";
import { describeItems, provisionOf } from "../../model/engine/kinds/describe";
import { diffScenarios } from "../../model/engine/analysis/diff";
import type { Explanation } from "../../model/engine/explain";
import { listInputs, setInputValue } from "../../model/engine/scenario/paths";
import { validateScenario } from "../../model/engine/scenario/schema";
import type { Group, Scenario } from "../../model/engine/scenario/types";
import { retroPay } from "../../model/engine/analysis/retro";
import { averageGroup, floorScenario, floorScenarioData, minimumStep, P, percentStep, teachers } from "../fixtures/raise-floor-scenario";

const cell = (s: Scenario, column: string, line = "salaries") =>
  computeTable(s)
    .lines.find((l) => l.id === line)!
    .cells[column]!.exact.toFixed(2);

const formulas = (e: Explanation): string[] => [e.formula ?? "", ...(e.children ?? []).flatMap(formulas)];
const leaves = (x: Explanation): Explanation[] => [x, ...(x.children ?? []).flatMap(leaves)];
const explanationOf = (s: Scenario, column: string) => computeTable(s).items.find((i) => i.id === "cola")!.cells[column]!.explanation;

describe("a minimum salary on positions: exact per position", () => {
  const s = floorScenario([teachers], [minimumStep(2025, "40000"), percentStep(2026, "0.02")]);

  it("10 at $35,000 and 5 at $45,000, minimum $40,000 from October 1, 2024: 10 x 5,000 = $50,000 in FY2025", () => {
    // New teachers: max(35,000, 40,000) - 35,000 = 5,000 each; senior teachers: max(45,000, 40,000) - 45,000 = 0.
    expect(cell(s, "FY2025")).toBe("50000.00");
  });

  it("a 2% raise in FY2026 compounds on the lifted salaries: 10 x 5,000 + 10 x 40,000 x 0.02 + 5 x 45,000 x 0.02 = $62,500", () => {
    // 50,000 + 8,000 + 4,500 = 62,500; the annualized column (every step in force all year) is the same.
    expect(cell(s, "FY2026")).toBe("62500.00");
    expect(cell(s, "Annualized")).toBe("62500.00");
  });

  it("the explanation says the rule in words and that it is exact per position, and lists the minimum as an input", () => {
    const e = explanationOf(s, "FY2025");
    const words = formulas(e).join(" ");
    expect(words).toContain("salaries below $40,000 raised to $40,000 (effective 2024-10-01)");
    expect(words).toContain("minimum salary applied to each position's salary (exact per position)");
    expect(leaves(e).some((l) => l.inputPath === "items.cola.steps.2024-10-01.amount" && l.value === "40000")).toBe(true);
    expect(formulas(explanationOf(s, "Annualized")).join(" ")).toContain("salaries below $40,000 raised to $40,000");
  });

  it("a percent raise first, then the minimum: 35,000 x 1.02 = 35,700 lifted to 40,000; 45,000 x 1.02 = 45,900 kept", () => {
    const t = floorScenario([teachers], [percentStep(2025, "0.02"), minimumStep(2026, "40000")]);
    // FY2025: 10 x 700 + 5 x 900 = 7,000 + 4,500 = 11,500.
    expect(cell(t, "FY2025")).toBe("11500.00");
    // FY2026: 10 x (40,000 - 35,000) + 5 x (45,900 - 45,000) = 50,000 + 4,500 = 54,500.
    expect(cell(t, "FY2026")).toBe("54500.00");
  });
});

describe("proration", () => {
  it("a minimum from April 1, 2025 is in force 6 of FY2025's 12 months: 10 x 5,000 x 6/12 = $25,000; FY2026 all year $50,000", () => {
    const s = floorScenario([teachers], [minimumStep(2025, "40000", "2025-04-01")], "months");
    expect(cell(s, "FY2025")).toBe("25000.00");
    expect(cell(s, "FY2026")).toBe("50000.00");
    const words = formulas(explanationOf(s, "FY2025")).join(" ");
    expect(words).toContain("mid-year raises prorated by months");
  });
});

describe("a minimum salary on an average salary or a payroll: applied to the average, and the words say so", () => {
  it("100 members at a $38,000 average: 100 x (40,000 - 38,000) = $200,000, with the note about the average", () => {
    const s = floorScenario([averageGroup("100", "38000")], [minimumStep(2025, "40000")]);
    expect(cell(s, "FY2025")).toBe("200000.00");
    const words = formulas(explanationOf(s, "FY2025")).join(" ");
    expect(words).toContain("salaries below $40,000 raised to $40,000");
    expect(words).toContain("minimum salary applied to the average salary: exact only if salaries are near the average");
    expect(words).toContain("members paid below $40,000 are raised to it even when the average is not");
    expect(words).toContain("give positions for a per-position minimum");
  });

  it("an average above the minimum costs nothing: 100 at $42,000 -> max(42,000, 40,000) - 42,000 = $0", () => {
    expect(cell(floorScenario([averageGroup("100", "42000")], [minimumStep(2025, "40000")]), "FY2025")).toBe("0.00");
  });

  it("a payroll of $3,800,000 for 100 members: max(3,800,000, 100 x 40,000) - 3,800,000 = $200,000", () => {
    const g: Group = { id: "g", label: "Teachers", payroll: P("3800000"), members: P("100") };
    const s = floorScenario([g], [minimumStep(2025, "40000")]);
    expect(cell(s, "FY2025")).toBe("200000.00");
    expect(formulas(explanationOf(s, "FY2025")).join(" ")).toContain(
      "minimum salary applied to the average salary (payroll / members): exact only if salaries are near the average",
    );
  });

  it("retro pay runs a minimum through the same rule: 100 x 2,000 a year, owed from October 1 to implementation", () => {
    const s = floorScenario([averageGroup("100", "38000")], [minimumStep(2025, "40000")]);
    s.agreement = { ...s.agreement, retroPay: { implementationLagDays: 0 } } as never;
    const r = retroPay(s, { approved: "2025-04-01" });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    // 2024-10-01 to 2025-04-01 under pay periods (anchor 2024-10-06, biweekly): periods starting before April 1
    // are Oct 6 ... Mar 23 = 13 of FY2025's 26; 100 x 2,000 x 13/26 = 100,000.
    expect(r.value.total.toFixed(2)).toBe("100000.00");
    expect(r.value.explanation.children!.flatMap(formulas).join(" ")).toContain("minimum salary applied to the average salary");
  });
});

describe("validation names the field and the reason", () => {
  const errorsOf = (s: Scenario) => {
    const r = validateScenario(s);
    return r.ok ? [] : r.errors;
  };

  it("a floor or cap on a minimum step is refused: the minimum is already a salary in dollars", () => {
    const step = { ...minimumStep(2025, "40000"), atLeast: P("1000") };
    const e = errorsOf(floorScenarioData([averageGroup("100", "38000")], [step as never]));
    expect(e.map((x) => x.field)).toEqual(["items.cola.steps.2024-10-01.atLeast"]);
    expect(e[0]!.message).toBe(
      'atLeast applies only to a percent step ("3% or $1,000, whichever is greater"); a minimum step is already a salary in dollars',
    );
  });

  it("the schedule method refuses a minimum step with the reason, at the step's type", () => {
    const s = floorScenarioData([averageGroup("100", "38000")], [minimumStep(2025, "40000")]);
    s.settings = { ...s.settings, salaryMethod: "schedule" };
    expect(errorsOf(s).find((x) => x.field === "items.cola.steps.2024-10-01.type")?.message).toBe(
      "the schedule method prices percent raises on the salary schedules' printed cells; " +
        "a minimum salary step needs the average-salary method",
    );
  });

  it("a group stating only its headcount has no salary to lift: refused", () => {
    const g: Group = { id: "g", label: "Teachers", members: P("100") };
    expect(errorsOf(floorScenarioData([g], [minimumStep(2025, "40000")]))).toContainEqual({
      field: "items.cola",
      message: 'COLA needs a payroll, but group "g" (Teachers) states only its members; add averageSalary, payroll or positions',
    });
  });

  it("a payroll without members has no average salary to compare with the minimum: refused", () => {
    const g: Group = { id: "g", label: "Teachers", payroll: P("3800000") };
    expect(errorsOf(floorScenarioData([g], [minimumStep(2025, "40000")]))).toContainEqual({
      field: "items.cola",
      message: 'COLA needs headcount, but group "g" (Teachers) gives only a payroll; add its members',
    });
  });

  it("a payroll stating 0 members is refused: the minimum is compared with payroll / members", () => {
    const g: Group = { id: "g", label: "Teachers", payroll: P("3800000"), members: P("0") };
    expect(errorsOf(floorScenarioData([g], [minimumStep(2025, "40000")]))).toContainEqual({
      field: "groups.g.members",
      message:
        'COLA has a minimum salary per member, but group "g" (Teachers) states a payroll and 0 members; give the members the payroll pays',
    });
  });

  it("a negative minimum is outside its field's range", () => {
    const e = errorsOf(floorScenarioData([averageGroup("100", "38000")], [minimumStep(2025, "-1")]));
    expect(e.map((x) => x.field)).toEqual(["items.cola.steps.2024-10-01.amount.value"]);
  });

  it("a oneTime deriving earnings from a raises item whose first raise is a minimum is refused: no percent to take out", () => {
    const s = floorScenarioData([averageGroup("100", "38000")], [minimumStep(2025, "40000"), percentStep(2026, "0.02")]);
    const bonus = { kind: "oneTime", id: "bonus", label: "Bonus", line: "salaries", paidInFiscalYear: 2025, rate: P("0.01") };
    s.items.push({ ...bonus, earningsFromRaisesItem: "cola" } as never);
    expect(errorsOf(s)).toContainEqual({
      field: "items.bonus.earningsFromRaisesItem",
      message:
        'the earnings are derived as the payroll / (1 + the first raise of "cola"), but its first raise (FY2025) is a minimum ' +
        "salary of $40,000; state the earnings (earnings)",
    });
  });
});

describe("inputs and words", () => {
  const s = floorScenario([averageGroup("100", "38000")], [minimumStep(2025, "40000"), percentStep(2026, "0.02")]);

  it("the minimum is an input with its field's label and unit; editing it moves the cost (45,000: 100 x 7,000 = $700,000)", () => {
    const row = listInputs(s).find((e) => e.path === "items.cola.steps.2024-10-01.amount")!;
    expect([row.spec.label, row.unit, row.section]).toEqual(["Minimum salary (dollars a year)", "USD/year", "Raises"]);
    expect(cell(setInputValue(s, "items.cola.steps.2024-10-01.amount", "45000"), "FY2025")).toBe("700000.00");
  });

  it("describe, the provisions and a comparison say the minimum in grouped dollars", () => {
    expect(describeItems(s)[0]!.text).toBe(
      "COLA: salaries increase to at least $40,000 a year effective 2024-10-01 (Art. 12), 2% effective 2025-10-01 (Art. 12).",
    );
    expect(provisionOf(s.items[0]!, s).points).toEqual([
      "a minimum salary of $40,000 a year in fiscal year 2025, effective October 1, 2024; Art. 12",
      "2 percent in fiscal year 2026, effective October 1, 2025; Art. 12",
    ]);
    const b = setInputValue(s, "items.cola.steps.2024-10-01.amount", "42000");
    const other = structuredClone(b);
    const cola = other.items[0]!;
    if (cola.kind !== "raises") throw new Error("fixture");
    cola.steps = [{ ...cola.steps[0]!, id: "min" }, cola.steps[1]!];
    const text = diffScenarios(s, other)
      .map((d) => d.label)
      .join(" | ");
    expect(text).toContain("FY2025 minimum salary $40,000");
    expect(text).toContain("FY2025 minimum salary $42,000");
  });
});
