/**
 * The exported workbook of a scenario with a helper line (Salaries, printed: false): the Cost Table
 * sheet has no Salaries row, the Calculation sheet keeps its formulas, and the printed cells
 * recompute from the live formulas alone (HyperFormula over cached values poisoned to -999999) to
 * the figures derived by hand in fixtures/helper-line-scenario.ts, under both ways of rounding totals.
 */
import { describe, expect, it } from "vitest";
import * as XLSX from "xlsx";
import { exportWorkbook } from "../../model/io/xlsx-export";
import { helperLineScenario } from "../fixtures/helper-line-scenario";
import { hyperFormulaRecalc, poisonCachedValues } from "./recalc-engines";

const HAND: Record<string, number[]> = {
  "Salary increase": [100, 153, 0, 253],
  Benefits: [10, 25.3, 25.3, 60.6],
  "TOTAL COST": [110, 278.3, 278.3, 666.6],
  "Local share": [27.5, 69.6, 69.6, 166.7],
};

/** The Cost Table's rows (from row 5), each label with the addresses of its four cells. */
function costTableRows(bytes: Uint8Array): { sheet: string; rows: [string, string[]][] } {
  const wb = XLSX.read(bytes);
  const sheet = wb.SheetNames[0]!;
  const ws = wb.Sheets[sheet]!;
  const rows: [string, string[]][] = [];
  for (let r = 4; ws[XLSX.utils.encode_cell({ r, c: 0 })]; r++)
    rows.push([String(ws[XLSX.utils.encode_cell({ r, c: 0 })]!.v), [1, 2, 3, 4].map((c) => XLSX.utils.encode_cell({ r, c }))]);
  return { sheet, rows };
}

describe("a helper line in the exported workbook", () => {
  for (const totals of ["roundedExact", "sumOfRounded"] as const)
    it(`${totals}: no Salaries row on the Cost Table; its printed cells recompute to the hand figures`, () => {
      const bytes = poisonCachedValues(exportWorkbook([helperLineScenario(totals)]));
      const { sheet, rows } = costTableRows(bytes);
      expect(rows.map(([label]) => label)).toEqual(["Salary increase", "Benefits", "TOTAL COST", "Local share"]);
      const hf = hyperFormulaRecalc(bytes);
      // A sum of rounded cells is a sum of doubles in a spreadsheet (10 + 25.3 + 25.3 = 60.599999999999994): read to 1e-9.
      for (const [label, cells] of rows)
        expect(
          cells.map((a) => Math.round(Number(hf.value(sheet, a)) * 1e9) / 1e9),
          label,
        ).toEqual(HAND[label]);
    });

  it("the Calculation sheet keeps the Salaries line, says it is not printed, and recomputes it: 100,000, 253,000, 253,000", () => {
    const bytes = poisonCachedValues(exportWorkbook([helperLineScenario()]));
    const wb = XLSX.read(bytes);
    const sheet = wb.SheetNames.find((n) => n.startsWith("Calculation"))!;
    const ws = wb.Sheets[sheet]!;
    const range = XLSX.utils.decode_range(ws["!ref"]!);
    let row = -1;
    for (let r = 0; r <= range.e.r; r++) if (ws[XLSX.utils.encode_cell({ r, c: 0 })]?.v === "line:salaries") row = r;
    expect(row).toBeGreaterThan(0);
    const texts = Array.from({ length: range.e.c + 1 }, (_, c) => String(ws[XLSX.utils.encode_cell({ r: row, c })]?.v ?? ""));
    expect(texts.some((t) => /not printed/.test(t))).toBe(true);
    const hf = hyperFormulaRecalc(bytes);
    expect([2, 3, 4].map((c) => hf.value(sheet, XLSX.utils.encode_cell({ r: row, c })))).toEqual([100000, 253000, 253000]);
  });
});
