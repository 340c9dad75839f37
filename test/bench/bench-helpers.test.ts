/**
 * The benchmark's own helpers: the statistics it reports, the workbook it hands to spreadsheet
 * engines when model/io's export is missing, and the 100,000-row census fixture. A benchmark
 * that times the wrong thing is worse than none, so what it measures is checked here.
 */
import { HyperFormula } from "hyperformula";
import * as XLSX from "xlsx";
import { describe, expect, it } from "vitest";
import { computeTable, fisAsPublished } from "../../model/engine/index";
import { censusHeadcount, parseCensusCsv } from "../../model/engine/schedule";
import { censusCsvText, personRows } from "../../bench/census-fixture";
import { buildFormulaWorkbook, FORMULA_LINES } from "../../bench/formula-workbook";
import { summarize } from "../../bench/measure";
import { sheetsForHyperFormula } from "../../bench/spreadsheet-sheets";
import { raisePathFor } from "../../bench/reference";

describe("summarize", () => {
  it("takes the middle sample of an odd count and the mean of the middle two of an even count", () => {
    expect(summarize([5, 1, 3], 2)).toEqual({ medianMs: 3, minMs: 1, maxMs: 5, runs: 3, warmup: 2 });
    expect(summarize([4, 1, 3, 10], 0).medianMs).toBe(3.5);
  });

  it("refuses an empty sample", () => {
    expect(() => summarize([], 0)).toThrow(/no samples/);
  });
});

describe("bench formula workbook", () => {
  it("recomputed by HyperFormula from the SheetJS-read formulas, shows the engine's 45 displayed cells", () => {
    const scenario = fisAsPublished();
    const built = buildFormulaWorkbook(scenario);
    const bytes = XLSX.write(built.workbook, { type: "buffer", bookType: "xlsx" }) as Uint8Array;
    const hf = HyperFormula.buildFromSheets(sheetsForHyperFormula(XLSX.read(bytes, { type: "buffer", cellFormula: true })), {
      licenseKey: "gpl-v3",
    });
    const display = hf.getSheetId("Display")!;
    const ours = computeTable(scenario);
    const columns = ["FY2025", "FY2026", "FY2027", "FY2028", "Total"];
    let compared = 0;
    for (const id of FORMULA_LINES) {
      const line = ours.lines.find((l) => l.id === id)!;
      columns.forEach((column, c) => {
        const theirs = hf.getCellValue({ sheet: display, row: built.lineRow[id]! - 1, col: 1 + c });
        expect(`${id}.${column}=${theirs}`).toBe(`${id}.${column}=${line.cells[column]!.display.toString()}`);
        compared++;
      });
    }
    expect(compared).toBe(45);
    hf.destroy();
  });

  it("puts the FY2026 raise where the edit timing types it", () => {
    const scenario = fisAsPublished();
    const built = buildFormulaWorkbook(scenario);
    const cell = built.workbook.Sheets["Inputs"]![built.inputCell["FY2026 raise"]!] as XLSX.CellObject;
    expect(cell.v).toBe(0.03);
    expect(raisePathFor(scenario, 2026)).toBe("items.baseSalary.steps.1.amount");
  });
});

describe("census fixture", () => {
  it("has one row per person and imports back to the synthetic census it came from", () => {
    const { census, rows } = personRows(2_000, 7);
    expect(rows).toHaveLength(2_000);
    const parsed = parseCensusCsv(censusCsvText(rows), "fixture.csv");
    if (!parsed.ok) throw new Error(parsed.errors[0]!.message);
    expect(censusHeadcount(parsed.value).toString()).toBe("2000");
    const key = (c: { schedule: string; lane: string; step: number; yearsOfService?: number }) =>
      `${c.schedule}|${c.lane}|${c.step}|${c.yearsOfService ?? ""}`;
    const want = new Map(census.cells.map((c) => [key(c), c.headcount.toString()]));
    const got = new Map(parsed.value.cells.map((c) => [key(c), c.headcount.toString()]));
    expect(got).toEqual(want);
  });
});
