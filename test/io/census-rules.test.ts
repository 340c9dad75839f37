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
    return { ok: true, census: (await loadCensusFile(path)).census };
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

  it('a schedule written "ET-15" alone is refused as ambiguous, not read as the 10-month schedule', async () => {
    // The three pay different salaries (FY2025 Bachelors step 1: $64,640 on 10 months, $71,105 on 11,
    // $76,605 on 12); the audit's ET-15,Bachelors,1,5 was costed on ET15-10M without a word.
    for (const spelling of ["ET-15", "ET15", "et 15"])
      await refusedEverywhere(
        [
          ["ET15-10M", "Bachelors", 3, 10, 3],
          [spelling, "Bachelors", 1, 5, 0],
        ],
        3,
        "A",
        new RegExp(
          `schedule "${spelling}" is ambiguous: ET-15 has 10-, 11- and 12-month schedules, which pay different salaries; ` +
            "write ET15-10M, ET15-11M or ET15-12M$",
        ),
      );
    // A month count still names one schedule.
    const all = await everyEntry([["ET-15 11-month", "Bachelors", 1, 5, 0]]);
    for (const [where, o] of Object.entries(all)) expect(o.ok && o.census.cells[0]!.schedule, where).toBe("ET15-11M");
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

describe("what a census file holds that is not read is said, and a CSV is split on its own separator", () => {
  const text = (s: string) => new TextEncoder().encode(s);
  const rows = "ET15-10M;Bachelors;3;10\nEG09;Bachelors;16;2\n";

  it("a column that is not a census column is named as ignored, in the app's import and on the command line", async () => {
    const csv = text('Schedule,Lane,Step,Headcount,Salary\nET15-10M,Bachelors,3,10,"61,000"\nEG09,Bachelors,16,2,"70,000"\n');
    const r = importCensus(csv, "with-salary.csv");
    expect(r.ok && censusHeadcount(r.value).toString()).toBe("12");
    expect(r.ok && r.notes).toEqual([
      {
        file: "with-salary.csv",
        row: 1,
        column: "E",
        message: 'column "Salary" is not a census column (schedule, lane, step, headcount, years of service); ignored',
      },
    ]);
    writeFileSync(join(dir, "with-salary.csv"), csv);
    expect((await loadCensusFile(join(dir, "with-salary.csv"))).notes).toEqual([
      expect.stringMatching(/with-salary\.csv, row 1, column E: column "Salary" is not a census column/),
    ]);
  });

  it("several such columns (an exported workbook's computed ones) are named in one note", () => {
    const r = importCensus(exportedWith([["ET15-10M", "Bachelors", 3, 10, 3]]), "export.xlsx");
    expect(r.ok && r.notes.map((n) => [n.row, n.column, n.message])).toEqual([
      [3, "F", expect.stringMatching(/^columns F "[^"]+", G "FY2024 salary", H "FY2024 payroll" are not census columns .*; ignored$/)],
    ]);
  });

  it("a workbook with a census on two sheets: the first is read, the other is named", () => {
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([HEADER, ["ET15-10M", "Bachelors", 3, 10, 3]]), "FY2024");
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([["As of Oct 2025"], HEADER, ["EG09", "Bachelors", 16, 7, 4]]), "FY2025");
    const r = importCensus(new Uint8Array(XLSX.write(wb, { type: "array", bookType: "xlsx" }) as ArrayBuffer), "two.xlsx");
    expect(r.ok && censusHeadcount(r.value).toString()).toBe("10");
    expect(r.ok && r.notes).toEqual([
      expect.objectContaining({ sheet: "FY2025", row: 2, message: expect.stringContaining('only sheet "FY2024", the first, was read') }),
    ]);
  });

  it("semicolons (Excel where the decimal separator is a comma), tabs, and an Excel sep= line", () => {
    for (const [name, file] of [
      ["semicolon.csv", `Schedule;Lane;Step;Headcount\n${rows}`],
      ["decimal-commas.csv", `Schedule;Lane;Step;Headcount;Salary\n${rows.replace(/\n/g, ";61,5\n")}`],
      ["tabs.csv", `Schedule\tLane\tStep\tHeadcount\n${rows.replace(/;/g, "\t")}`],
      ["sep-line.csv", `sep=;\r\nSchedule;Lane;Step;Headcount\r\n${rows.replace(/\n/g, "\r\n")}`],
      ["bom-and-title.csv", `\ufeffCensus as of October 2024\nSchedule;Lane;Step;Headcount\n${rows}`],
    ] as const) {
      const r = importCensus(text(file), name);
      expect(r.ok ? censusHeadcount(r.value).toString() : r.errors, name).toBe("12");
    }
  });

  it("a comma file whose text holds a semicolon stays a comma file", () => {
    const r = importCensus(text('Schedule,Lane,Step,Headcount\nET15-10M,Bachelors,3,10\n"EG09","Bachelors",16,2\n'), "c.csv");
    expect(r.ok && censusHeadcount(r.value).toString()).toBe("12");
    const withNote = importCensus(
      text("Schedule,Lane,Step,Headcount,Note\nET15-10M,Bachelors,3,10,a; b\nEG09,Bachelors,16,2,c\n"),
      "n.csv",
    );
    expect(withNote.ok && censusHeadcount(withNote.value).toString()).toBe("12");
  });
});

describe("a value beyond the header's last column is refused, never dropped", () => {
  const text = (s: string) => new TextEncoder().encode(s);
  // "1,200" unquoted splits into 1 and 200: read by the header alone, the row would count 1 member, not 1,200.
  const silent = "schedule,lane,step,headcount\nET15-10M,Bachelors,1,99\nET15-10M,Bachelors,2,1,200\n";

  it("a CSV row with an unquoted thousands separator: file, row, column and the likely cause", async () => {
    const r = importCensus(text(silent), "silent.csv");
    expect(r.ok).toBe(false);
    expect(errs(r.ok ? { ok: true, census: r.value } : r)).toEqual([
      {
        file: "silent.csv",
        row: 3,
        column: "E",
        message:
          'the row has a value, "200", in column E, to the right of the header\'s last column (D, "headcount"): probably a ' +
          'number written with an unquoted thousands separator (1,200 must be quoted, "1,200", or written 1200); ' +
          "the file is refused rather than the value dropped",
      },
    ]);
    const parsed = parseCensusCsv(silent, "silent.csv");
    expect(parsed.ok || parsed.errors[0]).toMatchObject({ row: 3, column: "E" });
    const cli = await viaCli(text(silent), "silent.csv");
    expect(errs(cli)[0]!.message).toMatch(/silent\.csv, row 3, column E: the row has a value, "200", in column E/);
  });

  it("a workbook cell to the right of the header's last column: sheet, row and column", async () => {
    const rows: Cell[][] = [
      ["Schedule", "Lane", "Step", "Headcount"],
      ["ET15-10M", "Bachelors", 1, 1, 200],
    ];
    for (const o of [viaImport(xlsxOf(rows), "beyond.xlsx"), await viaCli(xlsxOf(rows), "beyond.xlsx")]) expect(o.ok).toBe(false);
    expect(errs(viaImport(xlsxOf(rows), "beyond.xlsx"))[0]).toEqual({
      file: "beyond.xlsx",
      sheet: "Census",
      row: 2,
      column: "E",
      message:
        'the row has a value, "200", in column E, to the right of the header\'s last column (D, "Headcount"), under no ' +
        "header: give the column a header (it is then named as not read) or clear it; if it is the rest of a number split " +
        "at a thousands separator, type the whole number in one cell",
    });
  });

  it("beyond a column the census does not read (Salary) too; empty trailing fields are fine", () => {
    const extra = importCensus(text("Schedule,Lane,Step,Headcount,Salary\nET15-10M,Bachelors,3,10,61,000\n"), "extra.csv");
    expect(extra.ok || extra.errors[0]).toMatchObject({ row: 2, column: "F", message: expect.stringContaining('"000", in column F') });
    const trailing = importCensus(text("Schedule,Lane,Step,Headcount\nET15-10M,Bachelors,3,10,,\nEG09,Bachelors,16,2,\n"), "t.csv");
    expect(trailing.ok ? censusHeadcount(trailing.value).toString() : trailing.errors).toBe("12");
    const notes = importCensus(text('Schedule,Lane,Step,Headcount,Salary\nET15-10M,Bachelors,3,10,"61,000",\n'), "n.csv");
    expect(notes.ok && notes.notes.map((n) => n.column)).toEqual(["E"]);
  });
});
