/**
 * A group's vacancy rate (budgeted salary savings): every cost of the group is that of its filled
 * share, members, payroll and positions' counts x (1 - vacancy rate), seen exactly once by each kind
 * of cost. Expected values are worked by hand next to each assertion; the fast path is held to the
 * exact engine on the same scenarios.
 */
import { describe, expect, it } from "vitest";
import { computeTable, formatInputError, validateScenario, type Explanation, type Scenario } from "../../model/engine/index";
import { Plan } from "../../model/engine/fast/plan";
import { listInputs, setInputValue } from "../../model/engine/scenario/paths";
import { checkScenario } from "../../model/engine/scenario/schema";
import { GROUP_FIELDS } from "../../model/engine/scenario/groups";
import { tornado } from "../../model/engine/analysis";
import { rangeValidation } from "../../model/io/inputs-sheet";
import { averageSalaryInputs } from "../../model/engine/schedule/reconcile";
import { buildFisDocument } from "../../model/report/fis-document";
import { readInput } from "../../renderer/format/parse-number";
import { stepText } from "../../renderer/analysis/tornado-words";
import { check, type Tally } from "../fast/property-check";

const SOURCE = { kind: "document", ref: "test note" };
const P = (value: string, label = "test input") => ({ value, label, source: SOURCE });
const step = (fiscalYear: number, type: "percent" | "flat", amount: string, effective: string) => ({
  fiscalYear,
  type,
  amount: P(amount, `${type} ${effective}`),
  effective,
  source: SOURCE,
});

/** An item as a file holds it: its id names its own cost line. */
type Item = { id: string; [key: string]: unknown };

/** A July-year scenario (FY2025 = July 2024 to June 2025), one cost line per item. */
function raw(groups: object[], items: Item[], settings: object = {}): object {
  return {
    schemaVersion: 2,
    id: "vacancy",
    name: "vacancy",
    description: "test",
    agreement: { name: "bill", employer: "state", union: "none", effectiveFrom: "2024-07-01", effectiveTo: "2026-06-30" },
    calendar: { fiscalYearStartMonth: 7, payFrequency: "semimonthly", payPeriodAnchor: "2024-07-01" },
    settings: { proration: "months", calendarToFiscal: "monthsInForce", salaryMethod: "averageSalary", ...settings },
    groups,
    items: items.map((i) => ({ line: i.id, ...i })),
    table: {
      lines: [...items.map((i) => ({ id: i.id, label: i.id })), { id: "total", label: "Total", sum: items.map((i) => i.id) }],
      columns: { fiscalYears: [2025, 2026], total: false },
      display: { unit: "dollars", decimals: 2, rounding: "halfUp", totals: "roundedExact" },
    },
  };
}

function valid(groups: object[], items: Item[], settings: object = {}): Scenario {
  const checked = validateScenario(JSON.parse(JSON.stringify(raw(groups, items, settings))));
  if (!checked.ok) throw new Error(checked.errors.map(formatInputError).join("\n"));
  return checked.value;
}

const cost = (s: Scenario, item: string, column = "FY2025") =>
  computeTable(s)
    .items.find((i) => i.id === item)!
    .cells[column]!.exact.toFixed();

/** The fast path equals the exact engine in every cell, as written and with inputs edited (property-check.ts). */
function expectFastEqualsExact(s: Scenario): void {
  const tally: Tally = { scenarios: 0, cells: 0, centNearTies: 0, displayFallbacks: 0, unstable: 0, worstBound: 0 };
  const ev = Plan.compile(s).evaluator();
  check(ev, computeTable(s), tally, "as written");
  const slot = ev.plan.inputs.findIndex((e) => e.path.endsWith(".vacancyRate"));
  expect(slot).toBeGreaterThanOrEqual(0);
  ev.setText(slot, "0.1234");
  check(ev, computeTable(ev.scenario()), tally, "vacancy rate edited");
  expect(tally.cells).toBeGreaterThan(0);
}

function findNode(e: Explanation, test: (n: Explanation) => boolean): Explanation | undefined {
  if (test(e)) return e;
  for (const c of e.children) {
    const found = findNode(c, test);
    if (found) return found;
  }
  return undefined;
}

const staff = (extra: object = {}) => ({
  id: "staff",
  label: "Staff",
  members: P("100", "members"),
  averageSalary: P("50000", "average salary"),
  vacancyRate: P("0.05", "vacancy rate"),
  ...extra,
});

describe("members + average salary with a 5% vacancy rate", () => {
  const items = [
    { id: "raise", label: "Raise", kind: "raises", steps: [step(2025, "percent", "0.02", "2024-07-01")] },
    { id: "medicare", label: "Medicare", kind: "payRate", rate: P("0.0145", "Medicare"), appliesTo: ["raise"] },
    { id: "pension", label: "Pension", kind: "payrollRate", rate: P("0.01", "pension rate") },
    {
      id: "dental",
      label: "Dental",
      kind: "perHeadBenefit",
      frequency: "monthly",
      basis: "fiscalYear",
      baselineYear: 2024,
      amounts: { "2024": P("0", "FY2024"), "2025": P("100", "FY2025") },
    },
    { id: "bonus", label: "Bonus", kind: "oneTime", paidInFiscalYear: 2025, rate: P("0", "rate"), amountPerMember: P("500", "per member") },
  ];
  const s = valid([staff()], items);

  it("a 2% raise costs the filled 95 members: 95 x 50,000 x 0.02 = 95,000 each year", () => {
    // 100 x (1 - 0.05) = 95 members; 95 x 50,000 = 4,750,000 payroll; x 0.02 = 95,000.
    expect(cost(s, "raise")).toBe("95000");
    expect(cost(s, "raise", "FY2026")).toBe("95000");
  });

  it("Medicare on the raise sees the factor once: 95,000 x 0.0145 = 1,377.50", () => {
    expect(cost(s, "medicare")).toBe("1377.5");
  });

  it("a rate on payroll: 0.01 x 95 x 50,000 = 47,500", () => {
    expect(cost(s, "pension")).toBe("47500");
  });

  it("a per-head benefit of $100 a month over the baseline: 95 x 100 x 12 = 114,000", () => {
    expect(cost(s, "dental")).toBe("114000");
  });

  it("a one-time $500 per member: 95 x 500 = 47,500", () => {
    expect(cost(s, "bonus")).toBe("47500");
    expect(cost(s, "bonus", "FY2026")).toBe("0");
  });

  it("the members node shows the vacancy rate as its own input leaf and the formula in words", () => {
    const cell = computeTable(s).items.find((i) => i.id === "raise")!.cells.FY2025!;
    const node = findNode(cell.explanation, (n) => n.formula === "members x (1 - vacancy rate)")!;
    expect(node).toBeDefined();
    expect(node.value).toBe("95");
    expect(node.symbols).toBe("100 x (1 - 0.05)");
    expect(node.children.map((c) => c.inputPath)).toEqual(["groups.staff.members", "groups.staff.vacancyRate"]);
    const pension = computeTable(s).items.find((i) => i.id === "pension")!.cells.FY2025!;
    const payroll = findNode(pension.explanation, (n) => n.formula === "payroll x (1 - vacancy rate)")!;
    // (100 x 50,000) x (1 - 0.05) = 4,750,000.
    expect(payroll.value).toBe("4750000");
    expect(findNode(payroll, (n) => n.inputPath === "groups.staff.vacancyRate")).toBeDefined();
  });

  it("is an input of the grid, with its field's label and range", () => {
    const entry = listInputs(s).find((e) => e.path === "groups.staff.vacancyRate")!;
    expect(entry.spec.label).toBe("Vacancy rate");
    expect(entry.section).toBe("Headcount and salary");
    expect(entry.spec.maxExclusive).toBe(true);
  });

  it("without a vacancy rate nothing changes: 100 x 50,000 x 0.02 = 100,000", () => {
    const { vacancyRate: _omit, ...whole } = staff();
    expect(cost(valid([whole], items), "raise")).toBe("100000");
    // A rate of 0 is the same as none: 100 x (1 - 0) x 50,000 x 0.02.
    expect(cost(setInputValue(s, "groups.staff.vacancyRate", "0"), "raise")).toBe("100000");
  });

  it("the fast path equals the exact engine", () => expectFastEqualsExact(s));

  it("the reconciliation with the schedule method takes the average-salary method's filled payroll: 95 x 50,000", () => {
    const average = averageSalaryInputs(s.groups[0]!)!;
    expect(average.payroll.toFixed()).toBe("4750000");
    expect(average.vacancy?.path).toBe("groups.staff.vacancyRate");
  });

  it("the FIS document states the assumption beside the group's headcount", () => {
    const text = JSON.stringify(buildFisDocument(s, { today: "2025-01-15" }));
    expect(text).toContain("It covers the Staff: 100 members with an average salary of $50,000; the estimate assumes a 5% vacancy rate");
  });
});

describe("the other forms of a group", () => {
  it("positions: each position's count x (1 - 0.1); 9 x 60,000 x 0.03 + 27 x 40,000 x 0.03 = 48,600", () => {
    const group = {
      id: "fire",
      label: "Fire",
      positions: [
        { id: "captain", label: "Captain", count: P("10", "captains"), salary: P("60000", "captain salary") },
        { id: "ff", label: "Firefighter", count: P("30", "firefighters"), salary: P("40000", "firefighter salary") },
      ],
      vacancyRate: P("0.1", "vacancy rate"),
    };
    const s = valid(
      [group],
      [
        { id: "raise", label: "Raise", kind: "raises", steps: [step(2025, "percent", "0.03", "2024-07-01")] },
        {
          id: "dental",
          label: "Dental",
          kind: "perHeadBenefit",
          frequency: "monthly",
          basis: "fiscalYear",
          baselineYear: 2024,
          amounts: { "2024": P("0", "FY2024"), "2025": P("100", "FY2025") },
        },
        { id: "pension", label: "Pension", kind: "payrollRate", rate: P("0.01", "pension rate") },
      ],
    );
    // 10 x 0.9 = 9 captains: 9 x 60,000 x 0.03 = 16,200; 30 x 0.9 = 27 firefighters: 27 x 40,000 x 0.03 = 32,400.
    expect(cost(s, "raise")).toBe("48600");
    // (9 + 27) = 36 filled x 100 x 12 = 43,200.
    expect(cost(s, "dental")).toBe("43200");
    // Payroll (10 x 60,000 + 30 x 40,000) x 0.9 = 1,800,000 x 0.9 = 1,620,000; x 0.01 = 16,200.
    expect(cost(s, "pension")).toBe("16200");
    const cell = computeTable(s).items.find((i) => i.id === "raise")!.cells.FY2025!;
    const count = findNode(cell.explanation, (n) => n.formula === "count x (1 - vacancy rate)")!;
    expect(count.children.map((c) => c.inputPath)).toEqual(["groups.fire.positions.captain.count", "groups.fire.vacancyRate"]);
    expectFastEqualsExact(s);
  });

  it("payroll + members: 2.5% on 0.92 x 10,000,000 = 230,000; then $1,000 flat x 184 members = 184,000 more", () => {
    const group = {
      id: "sworn",
      label: "Sworn",
      payroll: P("10000000", "payroll"),
      members: P("200", "members"),
      vacancyRate: P("0.08", "vacancy rate"),
    };
    const s = valid(
      [group],
      [
        {
          id: "raise",
          label: "Raise",
          kind: "raises",
          steps: [step(2025, "percent", "0.025", "2024-07-01"), step(2026, "flat", "1000", "2025-07-01")],
        },
      ],
    );
    // Filled payroll 10,000,000 x 0.92 = 9,200,000; x 0.025 = 230,000.
    expect(cost(s, "raise")).toBe("230000");
    // FY2026: 230,000 + 1,000 x (200 x 0.92 = 184) = 414,000.
    expect(cost(s, "raise", "FY2026")).toBe("414000");
    expectFastEqualsExact(s);
  });

  it("members alone: a flat $2,000 raise for 50 x (1 - 0.2) = 40 members = 80,000", () => {
    const s = valid(
      [{ id: "clerks", label: "Clerks", members: P("50", "members"), vacancyRate: P("0.2", "vacancy rate") }],
      [{ id: "raise", label: "Raise", kind: "raises", steps: [step(2025, "flat", "2000", "2024-07-01")] }],
    );
    expect(cost(s, "raise")).toBe("80000");
    expectFastEqualsExact(s);
  });
});

describe("validation", () => {
  const items = [{ id: "raise", label: "Raise", kind: "raises", steps: [step(2025, "percent", "0.02", "2024-07-01")] }];
  const errors = (rate: string, settings: object = {}) => {
    const checked = validateScenario(JSON.parse(JSON.stringify(raw([staff({ vacancyRate: P(rate, "vacancy rate") })], items, settings))));
    return checked.ok ? [] : checked.errors;
  };

  it("a negative rate is refused, naming the field path", () => {
    expect(errors("-0.1")).toEqual([
      {
        field: "groups.staff.vacancyRate.value",
        message:
          "vacancy rate: -0.1 is outside 0 to 1 (excluded), the range of this field (a share; write 3% as 0.03) (it cannot be negative)",
      },
    ]);
  });

  it("a rate of 1 (every position vacant) is refused: the bound itself is excluded", () => {
    expect(errors("1")).toEqual([
      {
        field: "groups.staff.vacancyRate.value",
        message: "vacancy rate: 1 is outside 0 to 1 (excluded), the range of this field (a share; write 3% as 0.03)",
      },
    ]);
    expect(errors("0.999")).toEqual([]);
  });

  it("the schedule method's census counts actual people: a vacancy rate on a group it prices is refused", () => {
    const got = errors("0.05", { salaryMethod: "schedule" });
    const vacancy = got.filter((e) => e.field === "groups.staff.vacancyRate");
    expect(vacancy).toHaveLength(1);
    expect(vacancy[0]!.message).toMatch(/^Staff is priced by the schedule method's census.*average-salary method only/);
  });

  it("an edit of the rate in the grid is checked as the whole file is", () => {
    const s = valid([staff()], items);
    expect(checkScenario(setInputValue(s, "groups.staff.vacancyRate", "1")).map((e) => e.field)).toEqual([
      "groups.staff.vacancyRate.value",
    ]);
  });
});

describe("the excluded upper bound, wherever a value is checked or moved", () => {
  const spec = GROUP_FIELDS.vacancyRate;

  it("the inputs grid refuses 100% and takes 99.9%", () => {
    expect(readInput("100%", spec)).toEqual({ ok: false, message: "100% is not below 100%: this input must be less than 100%." });
    expect(readInput("99.9%", spec)).toEqual({ ok: true, value: "0.999" });
  });

  it("the workbook's Inputs sheet validates 0 <= rate < 1", () => {
    expect(rangeValidation("D9", spec, "Vacancy rate")).toMatchObject({ type: "custom", formula1: "AND(ISNUMBER(D9),D9>=0,D9<1)" });
  });

  /** The tornado bar of the vacancy rate at `rate`, in the Staff scenario with a 2% raise. */
  const vacancyBar = (rate: string) => {
    const s = setInputValue(
      valid([staff()], [{ id: "raise", label: "Raise", kind: "raises", steps: [step(2025, "percent", "0.02", "2024-07-01")] }]),
      "groups.staff.vacancyRate",
      rate,
    );
    return tornado(s).bars.find((b) => b.path === "groups.staff.vacancyRate")!;
  };

  it("the sensitivity analysis never moves the rate to 1: from 0.995 its high stays at 0.995", () => {
    const bar = vacancyBar("0.995");
    // 0.995 - 0.01 = 0.985 below; 0.995 + 0.01 = 1.005, clamped to 1, which the field excludes: kept at 0.995.
    expect([bar.low.toFixed(), bar.high.toFixed()]).toEqual(["0.985", "0.995"]);
    // The move says it went down only (a second audit found "±0.01" on such a bar).
    expect(bar.move).toBe("-0.01");
    expect(stepText({ ...bar, value: bar.value.toFixed(), low: bar.low.toFixed(), high: bar.high.toFixed() })).toBe(
      "−1 point; its highest is 99.5%",
    );
  });

  it("from a rate of 0 the sensitivity analysis moves it up only, and says so", () => {
    const bar = vacancyBar("0");
    expect([bar.low.toFixed(), bar.high.toFixed(), bar.move]).toEqual(["0", "0.01", "+0.01"]);
    // Up one point: 100 x 0.99 x 50,000 x 0.02 = 99,000, a swing of 1,000 a year over two years.
    expect(bar.swing.toFixed()).toBe("2000");
    const words = { ...bar, value: "0", low: "0", high: "0.01" };
    expect(stepText(words)).toBe("+1 point; its lowest is 0%");
    expect(stepText(words, "short")).toBe("+1 point");
  });
});
