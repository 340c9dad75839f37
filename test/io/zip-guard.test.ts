/**
 * model/io/zip-guard.ts on its own: what it counts must be what SheetJS reads (so no real workbook
 * is refused), and every bomb is refused before SheetJS sees it, naming the limit. Refusal times
 * are logged, not asserted (the corpus test bounds them in a child process).
 */
import { describe, expect, it } from "vitest";
import * as XLSX from "xlsx";
import { contractAsStated, fisAsPublished } from "../../model/built-ins";
import { referenceCensus } from "../../model/engine/schedule";
import { importAssumptions } from "../../model/io/assumptions-import";
import { importCensus } from "../../model/io/census-import";
import { DEFAULT_READ_LIMITS } from "../../model/io/workbook-read";
import { exportWorkbook } from "../../model/io/xlsx-export";
import { inspectXlsx } from "../../model/io/zip-guard";
import {
  bytesOf,
  censusWorkbookParts,
  CENSUS_ROWS,
  cellsBomb,
  entriesBomb,
  lyingSizeBomb,
  overlapBomb,
  rowsBomb,
  whitespaceBomb,
  zipOf,
} from "../fixtures/hostile/bombs";
import { bigCensusXlsx } from "../fixtures/hostile/generate";

function sheetJsValueCells(bytes: Uint8Array): Map<string, number> {
  const wb = XLSX.read(bytes, { type: "array", dense: true, cellFormula: true });
  return new Map(
    wb.SheetNames.map((n) => {
      let count = 0;
      for (const row of (wb.Sheets[n] as { "!data"?: (XLSX.CellObject | undefined)[][] })["!data"] ?? [])
        for (const c of row ?? []) if (c?.v !== undefined) count++;
      return [n, count];
    }),
  );
}

describe("what the guard counts is what SheetJS reads", () => {
  it.each([
    [
      "an exported comparison with the schedule method",
      () =>
        exportWorkbook(
          [{ ...fisAsPublished(), settings: { ...fisAsPublished().settings, salaryMethod: "schedule" } }, contractAsStated()],
          {
            computeOptions: { scheduleMethod: { census: referenceCensus() } },
          },
        ),
    ],
    ["an export without cached values (formulas only)", () => exportWorkbook([fisAsPublished()], { cachedValues: "none" })],
    ["a 2,000-row census from SheetJS", () => bigCensusXlsx(2000)],
    ["a hand-made minimal workbook", () => zipOf(censusWorkbookParts())],
  ])("%s", (_label, make) => {
    const bytes = make();
    const r = inspectXlsx(bytes, DEFAULT_READ_LIMITS);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const read = sheetJsValueCells(bytes);
    expect(new Map(r.value.sheets.map((s) => [s.name, s.valueCells]))).toEqual(read);
  });

  it("counts tags split across inflate chunks and namespace prefixes (x:c is a cell)", () => {
    const ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    const rows = CENSUS_ROWS.replace(/<(\/?)(row|c|v|is|t)\b/g, "<$1x:$2");
    const prefixed = `<?xml version="1.0"?><x:worksheet xmlns:x="${ns}"><x:sheetData>${rows}</x:sheetData></x:worksheet>`;
    const r = inspectXlsx(zipOf(censusWorkbookParts(() => [...prefixed].map((ch) => bytesOf(ch)))), DEFAULT_READ_LIMITS);
    expect(r.ok && r.value.sheets[0]).toMatchObject({ rows: 2, cells: 8, valueCells: 8 });
  });
});

describe("bombs are refused before parsing, naming the limit", () => {
  const timings: string[] = [];
  const refuse = (label: string, bytes: Uint8Array, message: RegExp) => {
    for (const run of [
      (b: Uint8Array) => importCensus(b, "bomb.xlsx"),
      (b: Uint8Array) => importAssumptions(b, "bomb.xlsx", fisAsPublished()),
    ]) {
      const t0 = performance.now();
      const r = run(bytes);
      timings.push(`${label} ${(performance.now() - t0).toFixed(0)} ms`);
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.errors[0]!.file).toBe("bomb.xlsx");
        expect(r.errors[0]!.message).toMatch(message);
      }
    }
  };
  it("a census padded to 300 MB of spaces (311 KB on disk)", () => {
    const bytes = whitespaceBomb(300);
    expect(bytes.length).toBeLessThan(400_000);
    refuse(
      "whitespace 300 MB",
      bytes,
      /^unpacks to 300 MB or more \(its zip directory says so\); the limit for a workbook is 20 MB unpacked$/,
    );
  });
  it("a directory that understates a part's size; overlapping parts; thousands of parts", () => {
    refuse("size lie", lyingSizeBomb(100), /unpacks to more than the 1,024 bytes its zip directory declares/);
    refuse("overlap", overlapBomb(20, 50), /the limit for a workbook is 20 MB/);
    refuse("entries", entriesBomb(5000), /is a zip of 5,006 parts; the limit is 1,000/);
  });
  it("millions of cells or rows in a few megabytes of XML", () => {
    refuse("cells", cellsBomb(3_000_000), /has more than 750,000 cells; the limit is 750,000/);
    refuse("rows", rowsBomb(300_000), /has more than 120,000 rows; the limit is 120,000/);
    console.log(`[zip-guard] refusal times in-process: ${timings.join("; ")}`);
  });
});
