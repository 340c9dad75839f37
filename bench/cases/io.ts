/**
 * File cases: the reference workbook out and back in (model/io), and a 100,000-row census in as
 * CSV (model/engine/schedule parseCensusCsv) and as xlsx (model/io importCensus). Results are
 * checked, not only timed: the imported scenario must reproduce the table, the imported census
 * must hold every person.
 */
import * as XLSX from "xlsx";
import { computeTable } from "../../model/engine/index";
import { censusHeadcount, parseCensusCsv } from "../../model/engine/schedule";
import { exportWorkbook, importAssumptions, importCensus } from "../../model/io";
import { censusCsvText, censusXlsxBytes, personRows } from "../census-fixture";
import { measureSync } from "../measure";
import { failed, notAvailable, withTarget, type CaseResult } from "../results";
import { publishedCellCount, publishedMismatches, referenceScenario } from "../reference";
import type { BenchContext } from "./context";

const GROUP = "io";
const PEOPLE = 100_000;

const firstError = (r: { ok: false; errors: { message: string }[] }) =>
  `${r.errors.length} error(s), first: ${r.errors[0]?.message ?? "?"}`;
const kib = (n: number) => Math.round(n / 1024);

function workbookCases(ctx: BenchContext): CaseResult[] {
  const out: CaseResult[] = [];
  const exportId = "io.export.referenceWorkbook";
  const exportLabel = "xlsx export of the reference workbook: exportWorkbook([fisAsPublished()])";
  let bytes: Uint8Array;
  const scenario = referenceScenario();
  try {
    bytes = exportWorkbook([scenario]);
    const stats = measureSync(() => exportWorkbook([scenario]), { warmup: 3, runs: ctx.runs(20) });
    out.push({
      id: exportId,
      group: GROUP,
      label: exportLabel,
      status: "ok",
      stats,
      note: "Computes the table, writes Inputs / Calculation / Cost Table / Notes with formulas and cached values, zips.",
      details: { bytes: bytes.length, kib: kib(bytes.length) },
    });
  } catch (e) {
    return [failed(exportId, GROUP, exportLabel, e)];
  }
  const importId = "io.import.referenceWorkbook";
  const importLabel = `xlsx import of the reference workbook: importAssumptions(exported bytes, "reference.xlsx", fisAsPublished())`;
  try {
    const once = importAssumptions(bytes, "reference.xlsx", scenario);
    if (!once.ok) throw new Error(`importAssumptions rejected the exported workbook: ${firstError(once)}`);
    const mismatches = publishedMismatches(computeTable(once.value.scenario));
    const stats = measureSync(() => importAssumptions(bytes, "reference.xlsx", scenario), { warmup: 3, runs: ctx.runs(20) });
    out.push({
      id: importId,
      group: GROUP,
      label: importLabel,
      status: "ok",
      stats,
      target: withTarget(stats, "< 3 s", 3000),
      details: {
        publishedCellsMatchingAfterRoundTrip: `${publishedCellCount() - mismatches.length}/${publishedCellCount()}`,
        mismatches,
      },
    });
  } catch (e) {
    out.push(failed(importId, GROUP, importLabel, e));
  }
  return out;
}

function censusCases(ctx: BenchContext): CaseResult[] {
  const out: CaseResult[] = [];
  const { census, rows } = personRows(PEOPLE);
  const expected = censusHeadcount(census);
  const csvText = censusCsvText(rows);

  const csvId = "io.census.csv.import100k";
  const csvLabel = "Census CSV import, 100,000 rows (one per person): parseCensusCsv";
  try {
    const once = parseCensusCsv(csvText, "census-100k.csv");
    if (!once.ok) throw new Error(`parseCensusCsv rejected the file: ${firstError(once)}`);
    if (!censusHeadcount(once.value).equals(expected))
      throw new Error(`imported ${censusHeadcount(once.value)} people, expected ${expected}`);
    const stats = measureSync(() => parseCensusCsv(csvText, "census-100k.csv"), { warmup: 1, runs: ctx.runs(7) });
    out.push({
      id: csvId,
      group: GROUP,
      label: csvLabel,
      status: "ok",
      stats,
      target: withTarget(stats, "< 3 s", 3000),
      note: "Split, validate every field (schedule, lane, step, headcount, years) and merge rows into census cells.",
      details: {
        rows: rows.length,
        kib: kib(csvText.length),
        cellsAfterMerge: once.value.cells.length,
        people: censusHeadcount(once.value).toString(),
      },
    });
  } catch (e) {
    out.push(failed(csvId, GROUP, csvLabel, e));
  }

  const xlsxExportId = "io.census.xlsx.export100k";
  const xlsxExportLabel = "Census xlsx export, 100,000 rows (SheetJS aoa_to_sheet + write, compressed)";
  let xlsx: Uint8Array | null = null;
  try {
    xlsx = censusXlsxBytes(rows);
    const stats = measureSync(() => censusXlsxBytes(rows), { warmup: 1, runs: ctx.runs(3) });
    out.push({
      id: xlsxExportId,
      group: GROUP,
      label: xlsxExportLabel,
      status: "ok",
      stats,
      note: "model/io has no census export; this is the SheetJS cost any such export pays (it also makes the import fixture).",
      details: { kib: kib(xlsx.length) },
    });
  } catch (e) {
    out.push(failed(xlsxExportId, GROUP, xlsxExportLabel, e));
  }

  const xlsxImportId = "io.census.xlsx.import100k";
  const xlsxImportLabel = "Census xlsx import, 100,000 rows: importCensus";
  if (!xlsx) out.push(notAvailable(xlsxImportId, GROUP, xlsxImportLabel, "the census xlsx fixture could not be written"));
  else {
    const bytes = xlsx;
    try {
      const once = importCensus(bytes, "census-100k.xlsx");
      if (!once.ok) throw new Error(`importCensus rejected the file: ${firstError(once)}`);
      const got = once.value;
      if (!censusHeadcount(got).equals(expected)) throw new Error(`imported ${censusHeadcount(got)} people, expected ${expected}`);
      const stats = measureSync(() => importCensus(bytes, "census-100k.xlsx"), { warmup: 1, runs: ctx.runs(3) });
      // The split says what bounds the import: unzipping and parsing the sheet XML, or the census checks.
      const sheetJs = measureSync(() => XLSX.read(bytes, { type: "array", dense: true }), { warmup: 0, runs: ctx.runs(3) });
      out.push({
        id: xlsxImportId,
        group: GROUP,
        label: xlsxImportLabel,
        status: "ok",
        stats,
        target: withTarget(stats, "< 3 s", 3000),
        note:
          "readSheets (SheetJS read, cells to text) then the census checks and merge; sheetJsReadMedianMs is SheetJS's XLSX.read of " +
          "the same bytes alone.",
        details: {
          kib: kib(bytes.length),
          cellsAfterMerge: got.cells.length,
          sheetJsReadMedianMs: Math.round(sheetJs.medianMs),
          sheetJsReadCpuMedianMs: Math.round(sheetJs.cpuMedianMs ?? 0),
        },
      });
    } catch (e) {
      out.push(failed(xlsxImportId, GROUP, xlsxImportLabel, e));
    }
  }
  return out;
}

export function ioCases(ctx: BenchContext): Promise<CaseResult[]> {
  const out = [...workbookCases(ctx), ...censusCases(ctx)];
  for (const r of out) ctx.log(`${r.id}: ${r.status}${r.reason ? ` (${r.reason})` : ""}`);
  return Promise.resolve(out);
}
