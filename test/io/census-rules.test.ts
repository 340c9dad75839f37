/**
 * One census parser and one rule set for every way a census comes in: the CLI's --census (CSV or
 * workbook), the app's CSV and xlsx import, and the Census sheet of an exported workbook. Each case
 * runs through every entry point and must give the same verdict, row and column.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import * as XLSX from "xlsx";
import type { InputError } from "../../model/engine/errors";
import { censusHeadcount, parseCensusCsv, referenceCensus } from "../../model/engine/schedule";
import { fisAsPublished } from "../../model/built-ins";
import type { Census } from "../../model/engine/schedule/types";
import { loadCensusFile } from "../../model/cli/schedule-options";
import { InputFailure } from "../../model/cli/input-files";
import { importCensus } from "../../model/io/census-import";
import { exportWorkbook } from "../../model/io/xlsx-export";

const dir = mkdtempSync(join(tmpdir(), "fis-census-rules-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Cell = string | number | Date;
const HEADER = ["Schedule", "Lane", "Step", "Headcount", "Years of service"];

function csvOf(rows: Cell[][]): Uint8Array {
  return new TextEncoder().encode(
    rows.map((r) => r.map((c) => (typeof c === "string" && c.includes(",") ? `"${c}"` : String(c))).join(",")).join("\n") + "\n",
  );
}
function xlsxOf(rows: Cell[][]): Uint8Array {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), "Census");
  return new Uint8Array(XLSX.write(wb, { type: "array", bookType: "xlsx" }) as ArrayBuffer);
}
/** An exported schedule-method workbook whose Census sheet rows (from row 4) are replaced by `rows`. */
function exportedWith(rows: Cell[][]): Uint8Array {
  const wb = XLSX.read(
    exportWorkbook([{ ...fisAsPublished(), settings: { ...fisAsPublished().settings, salaryMethod: "schedule" } }], {
      computeOptions: { scheduleMethod: { census: referenceCensus() } },
    }),
  );
  // The sheet is named after the scenario ("Census - FIS as published").
  const ws = wb.Sheets[wb.SheetNames.find((n) => n.startsWith("Census"))!]!;
  const range = XLSX.utils.decode_range(ws["!ref"]!);
  for (let r = 3; r <= range.e.r; r++) for (let c = 0; c <= range.e.c; c++) delete ws[XLSX.utils.encode_cell({ r, c })];
  // The export's column order: Schedule, Lane, Step, Years of service, Headcount.
  XLSX.utils.sheet_add_aoa(
    ws,
    rows.map((r) => [r[0], r[1], r[2], r[4] ?? "", r[3]]),
    { origin: "A4" },
  );
  ws["!ref"] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: 3 + rows.length - 1, c: 7 } });
  return new Uint8Array(XLSX.write(wb, { type: "array", bookType: "xlsx" }) as ArrayBuffer);
}

type Outcome = { ok: true; census: Census } | { ok: false; errors: InputError[] };
async function viaCli(bytes: Uint8Array, name: string): Promise<Outcome> {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  try {
    return { ok: true, census: await loadCensusFile(path) };
  } catch (e) {
    if (!(e instanceof InputFailure)) throw e;
    return { ok: false, errors: [{ message: e.message }] };
  }
}
const viaImport = (bytes: Uint8Array, name: string): Outcome => {
  const r = importCensus(bytes, name);
  return r.ok ? { ok: true, census: r.value } : { ok: false, errors: r.errors };
};

/** Every entry point on the same rows; the data rows start at spreadsheet row 2 (row 4 in an export). */
async function everyEntry(rows: Cell[][]) {
  return {
    appCsv: viaImport(csvOf([HEADER, ...rows]), "c.csv"),
    appXlsx: viaImport(xlsxOf([HEADER, ...rows]), "c.xlsx"),
    cliCsv: await viaCli(csvOf([HEADER, ...rows]), "c.csv"),
    cliXlsx: await viaCli(xlsxOf([HEADER, ...rows]), "c.xlsx"),
    exported: viaImport(exportedWith(rows), "export.xlsx"),
  };
}
const errs = (o: Outcome) => (o.ok ? [] : o.errors);
/** A refusal everywhere; the app imports (not the CLI's flattened text) give row and column, shifted by 2 in the export. */
async function refusedEverywhere(rows: Cell[][], row: number, column: string, message: RegExp, exportColumn = column) {
  const all = await everyEntry(rows);
  for (const [where, o] of Object.entries(all)) {
    expect(o.ok, where).toBe(false);
    expect(
      errs(o)
        .map((e) => e.message)
        .join("\n"),
      where,
    ).toMatch(message);
  }
  expect(errs(all.appCsv)[0]).toMatchObject({ row, column });
  expect(errs(all.appXlsx)[0]).toMatchObject({ row, column, sheet: "Census" });
  expect(errs(all.exported)[0]).toMatchObject({ row: row + 2, column: exportColumn, sheet: "Census - FIS as published" });
  expect(errs(all.cliCsv)[0]!.message).toContain(`row ${row}, column ${column}`);
  return all;
}

describe("one rule set for every census entry point", () => {
  it("a valid census is read the same way everywhere", async () => {
    const all = await everyEntry([
      ["ET15-10M", "Bachelors", 3, 10, 3],
      ["EG09", "Bachelors", 16, 2, 25],
    ]);
    for (const [where, o] of Object.entries(all)) {
      expect(o.ok, where).toBe(true);
      if (o.ok) expect(censusHeadcount(o.census).toString(), where).toBe("12"); // 10 + 2
    }
  });

  it('"1e3" as a headcount is refused with a hint, not read as 1,000 by one path and refused by another', async () => {
    await refusedEverywhere(
      [["ET15-10M", "Bachelors", 3, "1e3", 3]],
      2,
      "D",
      /headcount "1e3" is not a plain whole number \(write 1000\)/,
      "E",
    );
  });

  it("years of service outside 0-60 is refused where it is, with row and column", async () => {
    await refusedEverywhere([["ET15-10M", "Bachelors", 3, 10, 500]], 2, "E", /years of service 500 is outside 0 to 60/, "D");
  });

  it("an Excel date typed in Years of service is refused as a date, not read as 43,692 years", async () => {
    const rows: Cell[][] = [["ET15-10M", "Bachelors", 3, 10, new Date(Date.UTC(2019, 7, 15))]];
    for (const o of [
      viaImport(xlsxOf([HEADER, ...rows]), "d.xlsx"),
      await viaCli(xlsxOf([HEADER, ...rows]), "d.xlsx"),
      viaImport(exportedWith(rows), "e.xlsx"),
    ]) {
      expect(o.ok).toBe(false);
      expect(errs(o)[0]!.message).toMatch(/years of service holds the date 2019-08-15, not a number of years/);
    }
    // Typed as text in a CSV, a date is not a number either.
    const csv = viaImport(csvOf([HEADER, ["ET15-10M", "Bachelors", 3, 10, "8/15/2019"]]), "d.csv");
    expect(errs(csv)[0]).toMatchObject({ row: 2, column: "E", message: expect.stringMatching(/"8\/15\/2019" looks like a date/) });
  });

  it("a second headcount column, or a column and its alias, is refused naming both", async () => {
    for (const name of ["Headcount", "Count", "FTE"]) {
      const header = ["Schedule", "Lane", "Step", "Headcount", name];
      const rows: Cell[][] = [header, ["ET15-10M", "Bachelors", 3, 10, 99]];
      for (const o of [viaImport(csvOf(rows), "two.csv"), viaImport(xlsxOf(rows), "two.xlsx"), await viaCli(csvOf(rows), "two.csv")]) {
        expect(o.ok, name).toBe(false);
        expect(errs(o)[0]!.message).toContain(`columns D ("Headcount") and E ("${name}") both give the headcount; keep one`);
      }
      expect(errs(viaImport(xlsxOf(rows), "two.xlsx"))[0]).toMatchObject({ row: 1, column: "E" });
    }
  });

  it("the CSV text parser (parseCensusCsv) is the same parser", async () => {
    const r = parseCensusCsv("schedule,lane,step,headcount\nET15-10M,Bachelors,3,1e3\n", "c.csv");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatchObject({ row: 2, column: "D", message: expect.stringContaining("(write 1000)") });
  });
});

describe("an empty census is refused (6)", () => {
  it("a header and no rows", async () => {
    const all = await everyEntry([]);
    for (const [where, o] of Object.entries(all)) {
      expect(o.ok, where).toBe(false);
      expect(errs(o)[0]!.message, where).toMatch(/no census rows below the header/);
    }
  });

  it("every headcount 0", async () => {
    const all = await everyEntry([
      ["ET15-10M", "Bachelors", 3, 0, 3],
      ["EG09", "Bachelors", 16, 0, 25],
    ]);
    for (const [where, o] of Object.entries(all)) {
      expect(o.ok, where).toBe(false);
      expect(errs(o)[0]!.message, where).toMatch(/every headcount is 0: the census has no members/);
    }
  });
});
