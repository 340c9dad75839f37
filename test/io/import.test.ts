/** Assumptions and census import: round trip through the exported workbook, header detection, errors with sheet/row/column. */
import { describe, expect, it } from "vitest";
import * as XLSX from "xlsx";
import { contractAsStated, fisAsPublished } from "../../model/built-ins";
import { computeTable, getInput, listInputs } from "../../model/engine";
import { fundSplit } from "../../model/engine/analysis";
import { importAssumptions, importSummary } from "../../model/io/assumptions-import";
import { importCensus } from "../../model/io/census-import";
import { exportWorkbook, workbookSheetNames } from "../../model/io/xlsx-export";
import { PATH_COLUMN, VALUE_COLUMN } from "../../model/io/inputs-sheet";
import { censusHeadcount, censusToCsv, referenceCensus } from "../../model/engine/schedule";
import { groupLoadingsScenario, perMemberOneTimeScenario } from "./scenarios";

const xlsxBytes = (wb: XLSX.WorkBook) => new Uint8Array(XLSX.write(wb, { type: "array", bookType: "xlsx" }) as ArrayBuffer);
const utf8 = (s: string) => new TextEncoder().encode(s);
/** The (first) Inputs sheet's name in an exported workbook. */
const inputsName = (wb: XLSX.WorkBook) => wb.SheetNames.find((n) => n.startsWith("Inputs - "))!;
const inputsOf = (bytes: Uint8Array) => {
  const wb = XLSX.read(bytes);
  return wb.Sheets[inputsName(wb)]!;
};
/** 1-based row of an input path on an exported Inputs sheet. */
const rowOfPath = (bytes: Uint8Array, path: string) =>
  1 + XLSX.utils.sheet_to_json<string[]>(inputsOf(bytes), { header: 1, blankrows: true }).findIndex((row) => row[PATH_COLUMN] === path);

/** The exported workbook with one Inputs value replaced, as a user would in Excel. */
function editInputs(bytes: Uint8Array, edits: Record<string, XLSX.CellObject>): Uint8Array {
  const wb = XLSX.read(bytes, { cellFormula: true });
  const ws = wb.Sheets[inputsName(wb)]!;
  const range = XLSX.utils.decode_range(ws["!ref"]!);
  for (let r = 0; r <= range.e.r; r++) {
    const path = ws[XLSX.utils.encode_cell({ r, c: PATH_COLUMN })]?.v;
    if (typeof path === "string" && edits[path]) ws[XLSX.utils.encode_cell({ r, c: VALUE_COLUMN })] = edits[path]!;
  }
  return xlsxBytes(wb);
}

describe("importAssumptions", () => {
  it("round trip: export, edit the FY2026 raise in the file, import: the value changes and the table follows", () => {
    const base = fisAsPublished();
    const bytes = editInputs(exportWorkbook([base]), { "items.baseSalary.steps.2025-10-01.amount": { t: "n", v: 0.04 } });
    const r = importAssumptions(bytes, "edited.xlsx", base);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const param = getInput(r.value.scenario, "items.baseSalary.steps.2025-10-01.amount")!;
    expect(param.value).toBe("0.04");
    expect(param.source.kind).toBe("user");
    // Unchanged inputs keep their sources, calibrations included.
    expect(getInput(r.value.scenario, "groups.wtu.averageSalary")!.source.kind).toBe("calibrated");
    expect(getInput(r.value.scenario, "groups.wtu.averageSalary")!.value).toBe("105271.50");
    const table = computeTable(r.value.scenario);
    const base2026 = table.lines.find((l) => l.id === "baseSalaryIncreases")!.cells.FY2026!;
    // 5,776 x 105,271.50 x (1.02 x 1.04 - 1) = 608,048,184 x 0.0608 = 36,969,329.59: the 4% raise, not the published 3% ($30,767K).
    expect(base2026.exact.toFixed(2)).toBe("36969329.59");
    expect(base2026.display.toNumber()).toBe(36969);
    expect(base).toEqual(fisAsPublished());
  });

  it("an unedited export imports as the same scenario", () => {
    for (const s of [fisAsPublished(), contractAsStated()]) {
      const r = importAssumptions(exportWorkbook([s]), "same.xlsx", s);
      expect(r.ok && r.value.scenario).toEqual(s);
      expect(r.ok && [r.value.applied, r.value.ignored, r.value.notes]).toEqual([[], [], []]);
    }
  });

  it("finds columns by header name, not position; accepts numbers typed as text", () => {
    const rows = [
      ["Assumptions"],
      [],
      ["Value", "Comment", "Path"],
      ["0.035", "what-if", "items.baseSalary.steps.2026-10-01.amount"],
      [5800, "", "groups.wtu.members"],
      ["1,250,000", "", "items.otherNps.amounts.FY2025"],
    ];
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), "My inputs");
    const r = importAssumptions(xlsxBytes(wb), "mine.xlsx", fisAsPublished());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(getInput(r.value.scenario, "items.baseSalary.steps.2026-10-01.amount")!.value).toBe("0.035");
    expect(getInput(r.value.scenario, "groups.wtu.members")!.value).toBe("5800");
    expect(getInput(r.value.scenario, "items.otherNps.amounts.FY2025")!.value).toBe("1250000");
    expect(r.value.notes).toEqual(["the workbook does not say which scenario it was exported from; its values were matched by path"]);
  });

  it("reads a CSV with path and value columns; CSV errors name no sheet", () => {
    const csv = "note,path,value\nraise,items.baseSalary.steps.2027-10-01.amount,0.05\nbad,table.lines.localPortion.rate,abc\n";
    const bad = importAssumptions(utf8(csv), "in.csv", fisAsPublished());
    expect(bad.ok ? [] : bad.errors).toEqual([
      { file: "in.csv", row: 3, column: "C", message: expect.stringContaining('"abc" is not a number') },
    ]);
    const good = importAssumptions(utf8(csv.replace("abc", "0.99")), "in.csv", fisAsPublished());
    expect(good.ok && getInput(good.value.scenario, "items.baseSalary.steps.2027-10-01.amount")!.value).toBe("0.05");
    expect(good.ok && getInput(good.value.scenario, "table.lines.localPortion.rate")!.source.kind).toBe("user");
  });

  it("refuses two columns that could give the value (or the path), naming both; nothing is applied", () => {
    // The audit's files: read the old way, the first "Value" was taken and 6000 was dropped without
    // a word ("applied: nothing"); with "Value (new)" first, the new value was the one dropped.
    const refused = (csv: string, name: string) => {
      const r = importAssumptions(utf8(csv), name, fisAsPublished());
      return r.ok ? r.value.applied : r.errors;
    };
    expect(refused("Path,Value,Value\ngroups.wtu.members,5776,6000\n", "dupval.csv")).toEqual([
      { file: "dupval.csv", row: 1, column: "C", message: 'columns B ("Value") and C ("Value") both give the value; keep one' },
    ]);
    expect(refused("Path,Value (new),Value\ngroups.wtu.members,6000,5776\n", "valnew.csv")).toEqual([
      {
        file: "valnew.csv",
        row: 1,
        column: "C",
        message: 'columns B ("Value (new)") and C ("Value") both give the value; keep one',
      },
    ]);
    expect(refused("Input path,Value,Path\ngroups.wtu.members,6000,groups.wtu.members\n", "paths.csv")).toEqual([
      { file: "paths.csv", row: 1, column: "C", message: 'columns A ("Input path") and C ("Path") both give the path; keep one' },
    ]);
  });

  it("names the columns it does not read as ignored; an export's own columns are not named", () => {
    const r = importAssumptions(utf8("Path,Old value,Value,Note\ngroups.wtu.members,5776,6000,per HR\n"), "old.csv", fisAsPublished());
    expect(r.ok && r.value.applied.map((a) => [a.path, a.from, a.to])).toEqual([["groups.wtu.members", "5776", "6000"]]);
    expect(r.ok && r.value.ignored).toEqual([
      { sheet: "(csv)", cell: "B1", reason: 'columns B "Old value", D "Note" are not read (only Path and Value are); ignored' },
    ]);
    expect(r.ok && importSummary(r.value)).toContain(
      'ignored: columns B "Old value", D "Note" are not read (only Path and Value are); ignored',
    );
    const one = importAssumptions(utf8("Path,Value,Note\ngroups.wtu.members,5800,x\n"), "one.csv", fisAsPublished());
    expect(one.ok && one.value.ignored).toEqual([
      { sheet: "(csv)", cell: "C1", reason: 'column C "Note" is not read (only Path and Value are); ignored' },
    ]);
  });

  it("refuses a row with a value beyond the header's last column (an unquoted thousands separator), CSV and workbook", () => {
    // "12,500" unquoted is 12 and 500: read by the header alone, members would become 12.
    const csv = importAssumptions(utf8("Path,Value\ngroups.wtu.members,12,500\n"), "members.csv", fisAsPublished());
    expect(csv.ok || csv.errors).toEqual([
      {
        file: "members.csv",
        row: 2,
        column: "C",
        message:
          'the row has a value, "500", in column C, to the right of the header\'s last column (B, "Value"): probably a ' +
          'number written with an unquoted thousands separator (1,200 must be quoted, "1,200", or written 1200); ' +
          "the file is refused rather than the value dropped",
      },
    ]);
    expect(importAssumptions(utf8("Path,Value\ngroups.wtu.members,12500,,\n"), "trailing.csv", fisAsPublished()).ok).toBe(true);
    const bytes = exportWorkbook([fisAsPublished()]);
    const wb = XLSX.read(bytes, { cellFormula: true });
    const at = rowOfPath(bytes, "groups.wtu.members");
    // The Inputs sheet's last header column is M (Path): a number typed in N beside an input.
    wb.Sheets[inputsName(wb)]!["N" + at] = { t: "n", v: 500 };
    const ws = wb.Sheets[inputsName(wb)]!;
    ws["!ref"] = XLSX.utils.encode_range({
      ...XLSX.utils.decode_range(ws["!ref"]!),
      e: { ...XLSX.utils.decode_range(ws["!ref"]!).e, c: 13 },
    });
    const book = importAssumptions(xlsxBytes(wb), "book.xlsx", fisAsPublished());
    expect(book.ok || book.errors[0]).toMatchObject({
      file: "book.xlsx",
      sheet: inputsName(wb),
      row: at,
      column: "N",
      message: expect.stringContaining('the row has a value, "500", in column N, to the right of the header\'s last column (M, "Path")'),
    });
  });

  it("rejects the whole file when any row is wrong, naming sheet, row and column letter", () => {
    const exported = exportWorkbook([fisAsPublished()]);
    const sheet = workbookSheetNames([fisAsPublished()]).scenarios[0]!.inputs;
    const bytes = editInputs(exported, {
      "items.baseSalary.steps.2024-10-01.amount": { t: "s", v: "three percent" },
      "table.lines.localPortion.rate": { t: "n", v: 1.7 },
    });
    const wb = XLSX.read(bytes);
    const unknown: (string | number)[] = Array.from({ length: PATH_COLUMN + 1 }, () => "");
    unknown[VALUE_COLUMN] = 1;
    unknown[PATH_COLUMN] = "items.nope.rate";
    XLSX.utils.sheet_add_aoa(wb.Sheets[sheet]!, [unknown], { origin: -1 });
    const r = importAssumptions(xlsxBytes(wb), "bad.xlsx", fisAsPublished());
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toHaveLength(2);
    expect(r.errors[0]).toMatchObject({
      file: "bad.xlsx",
      sheet,
      row: rowOfPath(exported, "items.baseSalary.steps.2024-10-01.amount"),
      column: "D",
    });
    expect(r.errors[0]!.message).toContain('"three percent" is not a number');
    expect(r.errors[1]).toMatchObject({
      sheet,
      column: "M",
      message: expect.stringContaining('unknown input path "items.nope.rate"'),
    });

    // Values that parse but are out of range come back from checkScenario, mapped to their row.
    const share = importAssumptions(
      editInputs(exportWorkbook([fisAsPublished()]), { "table.lines.localPortion.rate": { t: "n", v: 1.7 } }),
      "share.xlsx",
      fisAsPublished(),
    );
    expect(share.ok).toBe(false);
    if (share.ok) return;
    expect(share.errors[0]).toMatchObject({ sheet, row: rowOfPath(exported, "table.lines.localPortion.rate"), column: "D" });
  });
});

describe("importAssumptions: fund shares and per-member one-time amounts", () => {
  it("are on the Inputs sheet, and an unedited export imports as the same scenario", () => {
    for (const s of [perMemberOneTimeScenario(), groupLoadingsScenario()]) {
      const bytes = exportWorkbook([s]);
      const paths = XLSX.utils
        .sheet_to_json<string[]>(inputsOf(bytes), { header: 1, blankrows: true })
        .slice(6)
        .map((row) => row[PATH_COLUMN])
        .filter((p) => p !== undefined && !p.startsWith("calendar:") && !p.startsWith("setting:"));
      expect(paths).toEqual(listInputs(s).map((e) => e.path));
      const r = importAssumptions(bytes, "same.xlsx", s);
      expect(r.ok && r.value.scenario).toEqual(s);
    }
    expect(listInputs(perMemberOneTimeScenario()).map((e) => e.path)).toEqual(
      expect.arrayContaining([
        "items.ratification.amountPerMember",
        "items.aidesBonus.amountPerMember",
        "groups.wtu.fundShares.local",
        "groups.wtu.fundShares.stateGrant",
        "groups.aides.fundShares.federal",
      ]),
    );
  });

  it("edited in the file, they import as user edits and the table and the fund split follow", () => {
    const base = perMemberOneTimeScenario();
    const bytes = editInputs(exportWorkbook([base]), {
      "items.ratification.amountPerMember": { t: "n", v: 2000 },
      "groups.wtu.fundShares.stateGrant": { t: "n", v: 0.3 },
      "groups.aides.fundShares.stateGrant": { t: "n", v: 0.3 },
    });
    const r = importAssumptions(bytes, "edited.xlsx", base);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const got = r.value.scenario;
    expect(getInput(got, "items.ratification.amountPerMember")).toMatchObject({ value: "2000", source: { kind: "user" } });
    expect(getInput(got, "groups.wtu.fundShares.stateGrant")).toMatchObject({ value: "0.3", source: { kind: "user" } });
    expect(getInput(got, "groups.wtu.fundShares.federal")).toEqual(getInput(base, "groups.wtu.fundShares.federal"));
    const table = computeTable(got);
    // (5,776 teachers + 812 aides) x $2,000, rate 0.
    expect(table.items.find((i) => i.id === "ratification")!.cells.FY2026!.exact.toFixed(2)).toBe("13176000.00");
    const total = table.lines.find((l) => l.id === "totalCost")!.cells.Total!.exact;
    const funds = fundSplit(got, table);
    expect(funds.map((f) => f.id)).toEqual(["local", "stateGrant", "federal"]);
    // Each group pays 0.3 of its own part; the parts are costed per group, and the bonus base divides by
    // (1 + first raise), which decimal.js rounds at 40 digits: equal to 0.3 x total to the last digit but one.
    const diff = funds[1]!.cells.Total!.minus(total.times("0.3")).abs();
    expect(diff.lessThanOrEqualTo("1e-25"), diff.toString()).toBe(true);
    expect(funds[1]!.cells.Total!.toFixed(2)).toBe(total.times("0.3").toFixed(2));
  });

  it("fund shares pushed past 100% are rejected at the edited row", () => {
    const base = perMemberOneTimeScenario();
    const exported = exportWorkbook([base]);
    const r = importAssumptions(
      editInputs(exported, {
        "groups.wtu.fundShares.stateGrant": { t: "n", v: 0.35 },
        "groups.wtu.fundShares.federal": { t: "n", v: 0.2 },
      }),
      "over.xlsx",
      base,
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const first = rowOfPath(exported, "groups.wtu.fundShares.stateGrant");
    const sheet = workbookSheetNames([base]).scenarios[0]!.inputs;
    expect(r.errors).toEqual([
      {
        file: "over.xlsx",
        sheet,
        row: first,
        column: "D",
        // 0.6 + 0.35 + 0.2 = 1.15
        message: `fund shares add up to 1.15, more than 1 (100%) (edited rows ${first}, ${first + 1})`,
      },
    ]);
    const negative = importAssumptions(editInputs(exported, { "items.aidesBonus.amountPerMember": { t: "n", v: -250 } }), "neg.xlsx", base);
    expect(negative.ok ? [] : negative.errors).toEqual([
      {
        file: "neg.xlsx",
        sheet,
        row: rowOfPath(exported, "items.aidesBonus.amountPerMember"),
        column: "D",
        message: expect.stringContaining("cannot be negative"),
      },
    ]);
  });
});

describe("importCensus", () => {
  it("reads the reference census from CSV and from xlsx with a title above the header and synonym headers", () => {
    const csv = censusToCsv(referenceCensus());
    const fromCsv = importCensus(utf8(csv), "census.csv");
    expect(fromCsv.ok).toBe(true);
    if (!fromCsv.ok) return;
    expect(censusHeadcount(fromCsv.value).toString()).toBe("5776");

    const cells = referenceCensus().cells;
    const rows: (string | number)[][] = [
      ["DCPS census as of FY2024"],
      ["prepared by HR"],
      [],
      ["Education Level", "Pay Plan", "Step", "FTE", "Years of Service"],
    ];
    for (const c of cells) rows.push([c.lane, c.schedule, c.step, c.headcount.toNumber(), c.yearsOfService ?? ""]);
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([["nothing here"]]), "Cover");
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), "Census");
    const fromXlsx = importCensus(xlsxBytes(wb), "census.xlsx");
    expect(fromXlsx.ok).toBe(true);
    if (!fromXlsx.ok) return;
    expect(censusHeadcount(fromXlsx.value).toString()).toBe("5776");
    expect(fromXlsx.value.cells).toHaveLength(cells.length);
    expect(fromXlsx.value.cells[0]).toMatchObject({ schedule: cells[0]!.schedule, lane: cells[0]!.lane, step: cells[0]!.step });
  });

  it("reads .xls too", () => {
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(
      wb,
      XLSX.utils.aoa_to_sheet([
        ["Schedule", "Lane", "Step", "Count"],
        ["ET15-10M", "Bachelors", 3, 12],
      ]),
      "S",
    );
    const bytes = new Uint8Array(XLSX.write(wb, { type: "array", bookType: "biff8" }) as ArrayBuffer);
    const r = importCensus(bytes, "census.xls");
    expect(r.ok && r.value.cells[0]!.headcount.toString()).toBe("12");
  });

  it("every rejected cell names sheet, row and column letter; nothing partial", () => {
    const rows = [
      ["Census"],
      ["Lane", "Schedule", "Step", "Headcount"],
      ["Bachelors", "ET15-10M", 1, 10], // row 3 fine
      ["Doctorate", "ET15-10M", 1, 10], // row 4 unknown lane
      ["Bachelors", "ET15-10M", 99, 10], // row 5 unknown step
      ["Bachelors", "ET15-10M", 2, -4], // row 6 negative headcount
      ["Bachelors", "ET15-10M", 2, "1,2,3"], // row 7 malformed number
    ];
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), "Staff");
    const r = importCensus(xlsxBytes(wb), "staff.xlsx");
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => [e.sheet, e.row, e.column])).toEqual([
      ["Staff", 4, "A"],
      ["Staff", 5, "C"],
      ["Staff", 6, "D"],
      ["Staff", 7, "D"],
    ]);
    expect(r.errors[0]!.message).toContain('unknown lane "Doctorate"');
    expect(r.errors[3]!.message).toContain('"1,2,3" is not a number');
  });
});

describe("census sheet of a schedule-method export", () => {
  it("is written when the scenario uses the schedule method and reads back through importCensus", () => {
    const s = fisAsPublished();
    s.settings.salaryMethod = "schedule";
    const bytes = exportWorkbook([s]);
    expect(XLSX.read(bytes).SheetNames).toEqual([
      "Cost Table - FIS as published",
      "Inputs - FIS as published",
      "Calculation - FIS as published",
      "Projection - FIS as published",
      "Census - FIS as published",
      "Schedules ET-15",
      "Schedules EG-09",
      "Notes - FIS as published",
    ]);
    const r = importCensus(bytes, "export.xlsx");
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(censusHeadcount(r.value).toString()).toBe("5776");
    expect(r.value.cells).toHaveLength(referenceCensus().cells.length);
    expect(XLSX.read(exportWorkbook([fisAsPublished()])).SheetNames.some((n) => n.startsWith("Census"))).toBe(false);
  });

  it("importAssumptions reads the named sheet of a comparison workbook", () => {
    const bytes = exportWorkbook([fisAsPublished(), contractAsStated()]);
    const sheet = workbookSheetNames([fisAsPublished(), contractAsStated()]).scenarios[1]!.inputs;
    // 33 characters cut to Excel's 31 with an ellipsis.
    expect(sheet).toBe("Inputs - Contract terms as sta\u2026");
    const r = importAssumptions(bytes, "cmp.xlsx", fisAsPublished(), { sheet, accept: { otherScenario: true } });
    // The second block holds the stated values: importing it onto the calibrated scenario turns its calibrations into edits.
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(getInput(r.value.scenario, "groups.wtu.averageSalary")).toMatchObject({ value: "105272", source: { kind: "user" } });
    expect(getInput(r.value.scenario, "table.lines.localPortion.rate")!.value).toBe("0.994");
    const missing = importAssumptions(bytes, "cmp.xlsx", fisAsPublished(), { sheet: "Nope" });
    expect(missing.ok ? [] : missing.errors[0]).toMatchObject({
      sheet: "Nope",
      message: expect.stringMatching(
        /^no such sheet in the workbook; its sheets are "Cost Table - comparison", "Inputs - FIS as published", /,
      ),
    });
  });
});
