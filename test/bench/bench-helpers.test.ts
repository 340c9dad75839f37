/**
 * The benchmark's own helpers: the statistics it reports, where it finds the table and the FY2026
 * raise in the exported workbook it hands to spreadsheet engines, and the 100,000-row census fixture. A benchmark
 * that times the wrong thing is worse than none, so what it measures is checked here.
 */
import { HyperFormula } from "hyperformula";
import * as XLSX from "xlsx";
import { describe, expect, it } from "vitest";
import { fisAsPublished } from "../../model/built-ins";
import { computeTable } from "../../model/engine/index";
import { censusHeadcount, parseCensusCsv } from "../../model/engine/schedule";
import { censusCsvText, personRows } from "../../bench/census-fixture";
import { summarize } from "../../bench/measure";
import { sheetsForHyperFormula } from "../../bench/spreadsheet-sheets";
import { raisePathFor } from "../../bench/reference";
import { namedExpressions, referenceWorkbook } from "../../bench/workbook-source";

describe("summarize", () => {
  it("takes the middle sample of an odd count and the mean of the middle two of an even count", () => {
    expect(summarize([5, 1, 3], 2)).toEqual({ medianMs: 3, minMs: 1, maxMs: 5, runs: 3, warmup: 2 });
    expect(summarize([4, 1, 3, 10], 0).medianMs).toBe(3.5);
  });

  it("refuses an empty sample", () => {
    expect(() => summarize([], 0)).toThrow(/no samples/);
  });
});

describe("bench reference workbook (model/io export, no cached values)", () => {
  it("recomputed by HyperFormula from the SheetJS-read formulas, the located cells show the engine's 45 displayed cells", () => {
    const source = referenceWorkbook();
    expect(source.table).not.toBeNull();
    const table = source.table!;
    // The export names every input; HyperFormula takes them as named expressions.
    const hf = HyperFormula.buildFromSheets(
      sheetsForHyperFormula(source.workbook),
      { licenseKey: "gpl-v3" },
      namedExpressions(source.workbook),
    );
    const sheet = hf.getSheetId(table.sheet)!;
    const ours = computeTable(fisAsPublished());
    let compared = 0;
    for (const [id, columns] of Object.entries(table.cells)) {
      const line = ours.lines.find((l) => l.id === id)!;
      for (const [column, address] of Object.entries(columns)) {
        const theirs = hf.getCellValue(hf.simpleCellAddressFromString(address, sheet)!);
        expect(`${id}.${column}=${theirs}`).toBe(`${id}.${column}=${line.cells[column]!.display.toString()}`);
        compared++;
      }
    }
    expect(compared).toBe(45);
    hf.destroy();
  });

  it("locates the FY2026 raise where the edit timing types it", () => {
    const source = referenceWorkbook();
    const input = source.raiseInput!;
    expect((source.workbook.Sheets[input.sheet]![input.address] as XLSX.CellObject).v).toBe(0.03);
    expect(raisePathFor(fisAsPublished(), 2026)).toBe("items.baseSalary.steps.2025-10-01.amount");
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
