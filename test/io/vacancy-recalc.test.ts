/**
 * An exported workbook of groups with vacancy rates recomputes, from its live formulas alone
 * (HyperFormula over cached values poisoned to -999999), to the engine's cost of every item, line
 * and fund: the vacancy rate is an input of the Inputs sheet and each formula applies it once.
 * The pattern of xlsx-recalc.test.ts, on HyperFormula only.
 */
import { describe, expect, it } from "vitest";
import * as XLSX from "xlsx";
import { computeTable, Decimal, formatInputError, setInputValue, validateScenario, type Scenario } from "../../model/engine";
import { fundSplit } from "../../model/engine/analysis";
import { exportWorkbook } from "../../model/io/xlsx-export";
import { hyperFormulaRecalc, poisonCachedValues } from "./recalc-engines";

const SOURCE = { kind: "document", ref: "test note" };
const P = (value: string, label: string) => ({ value, label, source: SOURCE });
const percent = (fiscalYear: number, amount: string, effective: string) => ({
  fiscalYear,
  type: "percent",
  amount: P(amount, `raise ${effective}`),
  effective,
  source: SOURCE,
});

/**
 * Three groups, each form with its own vacancy rate; a mid-year raise (prorated), a flat raise,
 * Medicare limited to one group, a rate on payroll, a per-head benefit, a one-time amount per
 * member and fund shares on the groups, so every formula that reads a group is exported.
 */
function scenario(): Scenario {
  const items = [
    { id: "raise", label: "Raise", kind: "raises", steps: [percent(2025, "0.02", "2024-07-01"), percent(2026, "0.03", "2026-01-01")] },
    {
      id: "flat",
      label: "Flat raise",
      kind: "raises",
      groupIds: ["staff", "sworn"],
      steps: [{ fiscalYear: 2026, type: "flat", amount: P("750", "flat"), effective: "2025-07-01", source: SOURCE }],
    },
    { id: "medicare", label: "Medicare", kind: "payRate", groupIds: ["fire"], rate: P("0.0145", "Medicare"), appliesTo: ["raise"] },
    { id: "pension", label: "Pension", kind: "payrollRate", rate: P("0.01", "pension rate"), raisesItemIds: ["raise"] },
    {
      id: "dental",
      label: "Dental",
      kind: "perHeadBenefit",
      frequency: "monthly",
      basis: "fiscalYear",
      baselineYear: 2024,
      amounts: { "2024": P("0", "FY2024"), "2025": P("100", "FY2025"), "2026": P("112.5", "FY2026") },
    },
    {
      id: "bonus",
      label: "Bonus",
      kind: "oneTime",
      paidInFiscalYear: 2025,
      rate: P("0.01", "rate"),
      amountPerMember: P("500", "per member"),
    },
  ];
  const raw = {
    schemaVersion: 2,
    id: "vacancy",
    name: "Vacancy rates",
    description: "test",
    agreement: { name: "bill", employer: "state", union: "none", effectiveFrom: "2024-07-01", effectiveTo: "2026-06-30" },
    calendar: { fiscalYearStartMonth: 7, payFrequency: "semimonthly", payPeriodAnchor: "2024-07-01" },
    settings: { proration: "payPeriods", calendarToFiscal: "monthsInForce", salaryMethod: "averageSalary" },
    funds: [{ id: "general", label: "General fund" }],
    groups: [
      {
        id: "staff",
        label: "Staff",
        members: P("100", "members"),
        averageSalary: P("50000", "average salary"),
        vacancyRate: P("0.05", "vacancy rate"),
        fundShares: { general: P("0.6", "general share") },
      },
      {
        id: "fire",
        label: "Fire",
        positions: [
          { id: "captain", label: "Captain", count: P("10", "captains"), salary: P("60000", "captain salary") },
          { id: "ff", label: "Firefighter", count: P("30", "firefighters"), salary: P("40000", "firefighter salary") },
        ],
        vacancyRate: P("0.1", "vacancy rate"),
      },
      {
        id: "sworn",
        label: "Sworn",
        payroll: P("10000000", "payroll"),
        members: P("200", "members"),
        vacancyRate: P("0.0825", "vacancy rate"),
        fundShares: { general: P("0.25", "general share") },
      },
    ],
    items: items.map((i) => ({ line: i.id, ...i })),
    table: {
      lines: [
        ...items.map((i) => ({ id: i.id, label: i.label })),
        { id: "totalCost", label: "TOTAL COST", sum: items.map((i) => i.id) },
        { id: "generalFund", label: "General fund", fund: { fund: "general", of: items.map((i) => i.id) } },
      ],
      columns: { fiscalYears: [2025, 2026] },
      display: { unit: "thousands", decimals: 1, rounding: "halfUp", totals: "roundedExact" },
    },
  };
  const checked = validateScenario(raw);
  if (!checked.ok) throw new Error(checked.errors.map(formatInputError).join("\n"));
  return checked.value;
}

/** The Calculation sheet's rows by id ("item:<id>", "line:<id>", "fund:<id>"), each column's address. */
function calcRows(bytes: Uint8Array, columns: readonly string[]): { sheet: string; rows: Map<string, Record<string, string>> } {
  const wb = XLSX.read(bytes);
  const sheet = wb.SheetNames.find((n) => n.startsWith("Calculation"))!;
  const calc = wb.Sheets[sheet]!;
  const rows = new Map<string, Record<string, string>>();
  const range = XLSX.utils.decode_range(calc["!ref"]!);
  for (let r = 0; r <= range.e.r; r++) {
    const id = calc[XLSX.utils.encode_cell({ r, c: 0 })]?.v;
    if (typeof id === "string" && /^(item|line|fund):/.test(id))
      rows.set(id, Object.fromEntries(columns.map((col, j) => [col, XLSX.utils.encode_cell({ r, c: 2 + j })])));
  }
  return { sheet, rows };
}

/** Every item, line and fund dollar cell recomputed within a cent of the engine; returns how many were compared. */
function expectRecomputesToEngine(s: Scenario): number {
  const result = computeTable(s);
  const bytes = poisonCachedValues(exportWorkbook([s]));
  const hf = hyperFormulaRecalc(bytes);
  const { sheet, rows } = calcRows(bytes, result.columns);
  const years = result.columns.filter((c) => c.startsWith("FY"));
  const engine: [string, Record<string, Decimal>][] = [
    ...result.items.map((i): [string, Record<string, Decimal>] => [
      `item:${i.id}`,
      Object.fromEntries(years.map((y) => [y, i.cells[y]!.exact])),
    ]),
    ...result.lines.map((l): [string, Record<string, Decimal>] => [
      `line:${l.id}`,
      Object.fromEntries(years.map((y) => [y, l.cells[y]!.exact])),
    ]),
    ...fundSplit(s, result)
      .filter((f) => f.id !== "unassigned")
      .map((f): [string, Record<string, Decimal>] => [
        `fund:${f.id}`,
        Object.fromEntries(years.map((y) => [y, f.cells[y] ?? new Decimal(0)])),
      ]),
  ];
  let compared = 0;
  for (const [id, cells] of engine)
    for (const y of years) {
      const addr = rows.get(id)?.[y];
      expect(addr, `${id} has a row on the Calculation sheet`).toBeDefined();
      const got = hf.value(sheet, addr!);
      expect(typeof got, `${id}.${y} is a number`).toBe("number");
      const diff = new Decimal(String(got)).minus(cells[y]!).abs();
      expect(diff.lessThanOrEqualTo("0.01"), `${id}.${y}: spreadsheet ${String(got)} vs engine ${cells[y]!.toFixed(4)}`).toBe(true);
      compared++;
    }
  return compared;
}

describe("HyperFormula recomputes an exported workbook with vacancy rates to the engine's costs", () => {
  it("the vacancy rate is a named input, and the formulas read it", () => {
    const bytes = exportWorkbook([scenario()]);
    const wb = XLSX.read(bytes, { cellFormula: true });
    const names = (wb.Workbook?.Names ?? []).map((n) => n.Name);
    expect(names).toEqual(expect.arrayContaining(["groups_staff_vacancyRate", "groups_fire_vacancyRate", "groups_sworn_vacancyRate"]));
    const calc = wb.Sheets[wb.SheetNames.find((n) => n.startsWith("Calculation"))!]!;
    const formulas = Object.values(calc).map((c) => String((c as XLSX.CellObject).f ?? ""));
    expect(formulas.some((f) => f.includes("(1-groups_staff_vacancyRate)"))).toBe(true);
  });

  it("as written: the raise on the filled staff is 95 x 50,000 x 0.02 = 95,000 in FY2025, in the sheet as in the engine", () => {
    const s = scenario();
    const result = computeTable(s);
    // The raise for all three groups in FY2025: staff 95 x 50,000 x 0.02 = 95,000; fire (9 x 60,000 + 27 x 40,000)
    // x 0.02 = 1,620,000 x 0.02 = 32,400; sworn 10,000,000 x 0.9175 x 0.02 = 183,500; together 310,900.
    expect(result.items.find((i) => i.id === "raise")!.cells.FY2025!.exact.toFixed()).toBe("310900");
    const bytes = poisonCachedValues(exportWorkbook([s]));
    const { sheet, rows } = calcRows(bytes, result.columns);
    expect(hyperFormulaRecalc(bytes).value(sheet, rows.get("item:raise")!.FY2025!)).toBe(310900);
    // Every fiscal-year cell of 6 items, 8 lines (6 cost lines, TOTAL COST, the fund line) and 1 fund: (6 + 8 + 1) x 2 years.
    expect(expectRecomputesToEngine(s)).toBe((6 + 8 + 1) * 2);
  });

  it("with the vacancy rates edited, still the engine's costs", () => {
    let s = scenario();
    s = setInputValue(s, "groups.staff.vacancyRate", "0.1234");
    s = setInputValue(s, "groups.fire.vacancyRate", "0");
    s = setInputValue(s, "groups.sworn.vacancyRate", "0.5");
    expect(expectRecomputesToEngine(s)).toBe((6 + 8 + 1) * 2);
  });
});
