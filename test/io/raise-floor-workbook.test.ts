/**
 * The exported workbook of a raise with a dollar floor or cap carries live formulas (MAX/MIN over
 * the Inputs sheet's floor and cap) that HyperFormula recomputes to the engine's numbers, cached
 * values poisoned first, and that move as the engine moves when the floor is edited on the
 * Inputs sheet. The same for a minimum salary step (MAX(level, minimum) over the Inputs sheet's
 * minimum). HyperFormula only: the LibreOffice runs live in xlsx-recalc.test.ts.
 */
import { describe, expect, it } from "vitest";
import * as XLSX from "xlsx";
import { computeTable } from "../../model/engine/compute";
import { Decimal } from "../../model/engine/decimal";
import { setInputValue } from "../../model/engine/scenario/paths";
import type { Group, Scenario } from "../../model/engine/scenario/types";
import { exportWorkbook } from "../../model/io/xlsx-export";
import { averageGroup, floorScenario, minimumStep, P, percentStep, teachers } from "../fixtures/raise-floor-scenario";
import { hyperFormulaRecalc, poisonCachedValues, type HfWorkbook } from "./recalc-engines";

const sheetStarting = (bytes: Uint8Array, prefix: string) => XLSX.read(bytes).SheetNames.find((n) => n.startsWith(prefix))!;

/** Rows of the Calculation sheet by their id in column A ("item:cola", "line:salaries"), fiscal-year cells from column C. */
function calcRows(bytes: Uint8Array): { name: string; ws: XLSX.WorkSheet; row: (id: string) => number } {
  const name = sheetStarting(bytes, "Calculation");
  const ws = XLSX.read(bytes, { cellFormula: true }).Sheets[name]!;
  const row = (id: string) => {
    const addr = Object.keys(ws).find((a) => a.startsWith("A") && ws[a]?.v === id);
    if (!addr) throw new Error(`no row ${id}`);
    return Number(addr.slice(1));
  };
  return { name, ws, row };
}

/**
 * Every column of the item row and of every line row within a cent of the engine. The annualized
 * column is written as values (xlsx-export's rowWriter), so an edit on the sheet cannot move it.
 */
function expectRecomputes(hf: HfWorkbook, bytes: Uint8Array, s: Scenario, skip: readonly string[] = []): void {
  const result = computeTable(s);
  const { name, row } = calcRows(bytes);
  const rows = [
    ...result.items.map((i) => ({ id: `item:${i.id}`, cells: i.cells })),
    ...result.lines.map((l) => ({ id: `line:${l.id}`, cells: l.cells })),
  ];
  for (const { id, cells } of rows)
    result.columns.forEach((col, j) => {
      if (skip.includes(col)) return;
      const addr = XLSX.utils.encode_cell({ r: row(id) - 1, c: 2 + j });
      const v = hf.value(name, addr);
      expect(typeof v, `${id}.${col}`).toBe("number");
      const diff = new Decimal(String(v)).minus(cells[col]!.exact).abs();
      expect(diff.lessThanOrEqualTo("0.01"), `${id}.${col}: sheet ${String(v)} vs engine ${cells[col]!.exact.toFixed(4)}`).toBe(true);
    });
}

const positions: Group = {
  id: "g",
  label: "Clerks",
  positions: [
    { id: "junior", label: "Junior", count: P("10"), salary: P("30000") },
    { id: "senior", label: "Senior", count: P("10"), salary: P("50000") },
  ],
};

const cases: [string, () => Scenario][] = [
  [
    "average salary, floor, then 2% compounding",
    () => floorScenario([averageGroup("100", "30000")], [percentStep(2025, "0.03", { atLeast: "1000" }), percentStep(2026, "0.02")]),
  ],
  ["positions, floor on the junior position only", () => floorScenario([positions], [percentStep(2025, "0.03", { atLeast: "1000" })])],
  [
    "payroll with members, cap",
    () =>
      floorScenario(
        [{ id: "g", label: "Clerks", payroll: P("5000000"), members: P("100") }],
        [percentStep(2025, "0.05", { atMost: "2000" })],
      ),
  ],
  [
    "floor and cap, mid-year by pay periods, a second clamped step",
    () =>
      floorScenario(
        [averageGroup("97", "41234.56")],
        [
          percentStep(2025, "0.035", { atLeast: "1500", atMost: "1600" }, "2025-01-15"),
          percentStep(2026, "0.021", { atLeast: "999.99" }, "2026-03-03"),
        ],
      ),
  ],
];

describe("HyperFormula recomputes a clamped raise from the workbook's formulas", () => {
  for (const [name, make] of cases)
    it(name, () => {
      const s = make();
      const bytes = poisonCachedValues(exportWorkbook([s]));
      const { ws, row } = calcRows(bytes);
      // Live formulas, not values: the FY2025 cell of the raise holds the clamp.
      expect(String(ws[`C${row("item:cola")}`]?.f ?? "")).toMatch(/MAX\(|MIN\(/);
      expectRecomputes(hyperFormulaRecalc(bytes), bytes, s);
    });

  it("hand arithmetic: 100 at $30,000, 3% at least $1,000, then 2%: FY2025 $100,000, FY2026 31,000 x 1.02 - 30,000 = 1,620 x 100", () => {
    const s = cases[0]![1]();
    const bytes = poisonCachedValues(exportWorkbook([s]));
    const hf = hyperFormulaRecalc(bytes);
    const { name, row } = calcRows(bytes);
    expect(hf.value(name, `C${row("item:cola")}`)).toBe(100000);
    expect(hf.value(name, `D${row("item:cola")}`)).toBeCloseTo(162000, 6);
  });

  it("is live: a floor edited on the Inputs sheet moves the cost as the engine does (2,000 floor: 100 x 2,000 = 200,000)", () => {
    const s = cases[0]![1]();
    const bytes = exportWorkbook([s]);
    const hf = hyperFormulaRecalc(bytes);
    const inputsName = sheetStarting(bytes, "Inputs");
    const inputs = XLSX.read(bytes).Sheets[inputsName]!;
    const path = "items.cola.steps.2024-10-01.atLeast";
    const at = Object.keys(inputs).find((a) => inputs[a]?.v === path)!;
    hf.set(inputsName, `D${XLSX.utils.decode_cell(at).r + 1}`, 2000);
    const edited = setInputValue(s, path, "2000");
    expect(computeTable(edited).items[0]!.cells.FY2025!.exact.toString()).toBe("200000");
    expectRecomputes(hf, bytes, edited, ["Annualized"]);
  });
});

const minimumCases: [string, () => Scenario][] = [
  ["positions, minimum then 2%", () => floorScenario([teachers], [minimumStep(2025, "40000"), percentStep(2026, "0.02")])],
  [
    "average salary, minimum mid-year by pay periods, then 2%",
    () => floorScenario([averageGroup("97", "38123.45")], [minimumStep(2025, "40000", "2025-01-15"), percentStep(2026, "0.02")]),
  ],
  [
    "payroll with members, 3% then the minimum the same day",
    () =>
      floorScenario(
        [{ id: "g", label: "Teachers", payroll: P("3800000"), members: P("100") }],
        [percentStep(2025, "0.03"), { ...minimumStep(2025, "40000"), id: "minimum" }],
      ),
  ],
];

describe("HyperFormula recomputes a minimum salary from the workbook's formulas", () => {
  for (const [name, make] of minimumCases)
    it(name, () => {
      const s = make();
      const bytes = poisonCachedValues(exportWorkbook([s]));
      const { ws, row } = calcRows(bytes);
      expect(String(ws[`C${row("item:cola")}`]?.f ?? "")).toMatch(/MAX\(/);
      expectRecomputes(hyperFormulaRecalc(bytes), bytes, s);
    });

  it("hand arithmetic: 10 at $35,000 and 5 at $45,000, minimum $40,000, then 2%: FY2025 10 x 5,000; FY2026 + 10 x 800 + 5 x 900", () => {
    const s = minimumCases[0]![1]();
    const bytes = poisonCachedValues(exportWorkbook([s]));
    const hf = hyperFormulaRecalc(bytes);
    const { name, row } = calcRows(bytes);
    expect(hf.value(name, `C${row("item:cola")}`)).toBe(50000);
    // 50,000 + 8,000 + 4,500 = 62,500.
    expect(hf.value(name, `D${row("item:cola")}`)).toBeCloseTo(62500, 6);
  });

  it("is live: the minimum edited on the Inputs sheet to $45,000 moves the cost as the engine does (100 at $38,000: 100 x 7,000)", () => {
    const s = floorScenario([averageGroup("100", "38000")], [minimumStep(2025, "40000")]);
    const bytes = exportWorkbook([s]);
    const hf = hyperFormulaRecalc(bytes);
    const inputsName = sheetStarting(bytes, "Inputs");
    const inputs = XLSX.read(bytes).Sheets[inputsName]!;
    const path = "items.cola.steps.2024-10-01.amount";
    const at = Object.keys(inputs).find((a) => inputs[a]?.v === path)!;
    hf.set(inputsName, `D${XLSX.utils.decode_cell(at).r + 1}`, 45000);
    const edited = setInputValue(s, path, "45000");
    expect(computeTable(edited).items[0]!.cells.FY2025!.exact.toString()).toBe("700000");
    expectRecomputes(hf, bytes, edited, ["Annualized"]);
    const { name, row } = calcRows(bytes);
    expect(hf.value(name, `C${row("item:cola")}`)).toBe(700000);
  });
});
