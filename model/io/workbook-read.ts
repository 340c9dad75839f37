/**
 * Bytes from a user's file -> sheets of plain cells, or errors; never throws, never hangs on a
 * huge file. xlsx (zip) and xls (OLE) go through SheetJS with a row cap; anything else must be
 * UTF-8 text and is read as CSV by the project's own splitter, so no cell is ever type-guessed (SheetJS
 * would turn "1,2,3" or "3/4" into numbers or dates). Formulas are never evaluated: a formula
 * cell contributes the value its own program cached, and text is only ever text.
 */
import * as XLSX from "xlsx";
import type { Checked, InputError } from "../engine/index";
import { splitCsv } from "../engine/index";

export interface ReadLimits {
  maxBytes: number;
  maxRows: number;
  /** Rows x columns of one sheet's used range. */
  maxCells: number;
}

export const DEFAULT_READ_LIMITS: ReadLimits = { maxBytes: 50 * 1024 * 1024, maxRows: 200_000, maxCells: 5_000_000 };

export interface SheetCell {
  /** The cell as text ("" when empty); numbers as their shortest round-trip decimal. */
  text: string;
  /** Present when the cell holds a number (typed or computed by a formula the file's program ran). */
  number?: number;
  /** Present on formula cells, for messages only. */
  formula?: string;
}

export interface SheetGrid {
  name: string;
  /** rows[r][c], r and c 0-based in sheet coordinates (row 0 is spreadsheet row 1). */
  rows: SheetCell[][];
}

export type FileFormat = "xlsx" | "xls" | "csv";

const EMPTY: SheetCell = { text: "" };

/** The name given to a CSV file's single sheet; errors leave it out (a CSV has no sheets). */
export const CSV_SHEET = "(csv)";

export function columnLetter(c: number): string {
  return XLSX.utils.encode_col(c);
}

function detectFormat(bytes: Uint8Array): FileFormat {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return "xlsx";
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) return "xls";
  return "csv";
}

function toCell(cell: XLSX.CellObject | undefined): SheetCell {
  if (!cell || cell.v === undefined || cell.v === null) return cell?.f ? { text: "", formula: cell.f } : EMPTY;
  const f = cell.f ? { formula: cell.f } : {};
  switch (cell.t) {
    case "n":
      return { text: String(cell.v), number: cell.v as number, ...f };
    case "b":
      return { text: cell.v ? "TRUE" : "FALSE", ...f };
    case "e":
      return { text: cell.w ?? "#ERROR", ...f };
    case "d":
      return { text: cell.v instanceof Date ? cell.v.toISOString().slice(0, 10) : String(cell.v), ...f };
    default:
      return { text: String(cell.v), ...f };
  }
}

function readCsv(bytes: Uint8Array, fileName: string, limits: ReadLimits): Checked<SheetGrid[]> {
  const fail = (message: string): Checked<SheetGrid[]> => ({ ok: false, errors: [{ file: fileName, message }] });
  if (bytes.includes(0)) return fail("is not a spreadsheet: it is neither an .xlsx/.xls workbook nor CSV text (binary content)");
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return fail("is not UTF-8 text, nor an .xlsx/.xls workbook; save it as CSV UTF-8 or as .xlsx");
  }
  let lines = 1;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lines++;
  if (lines > limits.maxRows + 1)
    return fail(`has ${lines.toLocaleString("en-US")} lines; the limit is ${limits.maxRows.toLocaleString("en-US")} rows`);
  const rows = splitCsv(text).map((r) => r.map((t): SheetCell => (t === "" ? EMPTY : { text: t })));
  const width = rows.reduce((m, r) => Math.max(m, r.length), 0);
  if (rows.length * width > limits.maxCells)
    return fail(`has ${rows.length} rows x ${width} columns; the limit is ${limits.maxCells.toLocaleString("en-US")} cells`);
  return { ok: true, value: [{ name: CSV_SHEET, rows }] };
}

function readBook(bytes: Uint8Array, fileName: string, format: "xlsx" | "xls", limits: ReadLimits): Checked<SheetGrid[]> {
  const errors: InputError[] = [];
  let wb: XLSX.WorkBook;
  try {
    // sheetRows caps the parse itself, so a sheet claiming a million rows costs no more than the limit.
    wb = XLSX.read(bytes, {
      type: "array",
      dense: true,
      sheetRows: limits.maxRows + 1,
      cellFormula: true,
      cellHTML: false,
      cellNF: false,
      cellStyles: false,
      bookVBA: false,
    });
  } catch (e) {
    return {
      ok: false,
      errors: [{ file: fileName, message: `cannot be read as an .${format} workbook (damaged or truncated?): ${(e as Error).message}` }],
    };
  }
  const sheets: SheetGrid[] = [];
  for (const name of wb.SheetNames ?? []) {
    const ws = Object.prototype.hasOwnProperty.call(wb.Sheets, name) ? (wb.Sheets[name] as XLSX.WorkSheet | undefined) : undefined;
    if (!ws || typeof ws !== "object") continue;
    const full = ws["!fullref"] ?? ws["!ref"];
    if (!full) {
      sheets.push({ name, rows: [] });
      continue;
    }
    let range: XLSX.Range;
    try {
      range = XLSX.utils.decode_range(full);
    } catch {
      errors.push({ file: fileName, sheet: name, message: `has an unreadable range "${full}"` });
      continue;
    }
    const nRows = range.e.r + 1;
    const nCols = range.e.c + 1;
    if (nRows > limits.maxRows) {
      errors.push({
        file: fileName,
        sheet: name,
        message: `has ${nRows.toLocaleString("en-US")} rows; the limit is ${limits.maxRows.toLocaleString("en-US")}`,
      });
      continue;
    }
    if (nRows * nCols > limits.maxCells) {
      errors.push({
        file: fileName,
        sheet: name,
        message: `has ${nRows} rows x ${nCols} columns; the limit is ${limits.maxCells.toLocaleString("en-US")} cells`,
      });
      continue;
    }
    const data = (ws as { "!data"?: (XLSX.CellObject | undefined)[][] })["!data"];
    const rows: SheetCell[][] = [];
    for (let r = 0; r < nRows; r++) {
      const src = data ? data[r] : undefined;
      const row: SheetCell[] = [];
      if (src) for (let c = 0; c < Math.min(src.length, nCols); c++) row.push(toCell(src[c]));
      else if (!data) for (let c = 0; c < nCols; c++) row.push(toCell(ws[XLSX.utils.encode_cell({ r, c })] as XLSX.CellObject | undefined));
      rows.push(row);
    }
    sheets.push({ name, rows });
  }
  if (errors.length) return { ok: false, errors };
  if (sheets.length === 0) return { ok: false, errors: [{ file: fileName, message: "has no worksheets" }] };
  return { ok: true, value: sheets };
}

/** A workbook already in memory (SheetJS objects) as plain cells, as readSheets would read it from its file. */
export function gridsOfWorkbook(wb: XLSX.WorkBook): SheetGrid[] {
  return wb.SheetNames.map((name) => {
    const ws = wb.Sheets[name]!;
    const range = XLSX.utils.decode_range(ws["!ref"] ?? "A1");
    const rows: SheetCell[][] = [];
    for (let r = 0; r <= range.e.r; r++) {
      const row: SheetCell[] = [];
      for (let c = 0; c <= range.e.c; c++) row.push(toCell(ws[XLSX.utils.encode_cell({ r, c })] as XLSX.CellObject | undefined));
      rows.push(row);
    }
    return { name, rows };
  });
}

/** Reads a workbook or CSV into plain cells. All errors name the file (and sheet where there is one). */
export function readSheets(bytes: Uint8Array, fileName: string, limits: ReadLimits = DEFAULT_READ_LIMITS): Checked<SheetGrid[]> {
  try {
    if (!(bytes instanceof Uint8Array)) return { ok: false, errors: [{ file: fileName, message: "no file content" }] };
    if (bytes.length === 0) return { ok: false, errors: [{ file: fileName, message: "is empty (0 bytes)" }] };
    if (bytes.length > limits.maxBytes) {
      return {
        ok: false,
        errors: [
          {
            file: fileName,
            message: `is ${(bytes.length / 1048576).toFixed(1)} MB; the limit is ${(limits.maxBytes / 1048576).toFixed(0)} MB`,
          },
        ],
      };
    }
    const format = detectFormat(bytes);
    return format === "csv" ? readCsv(bytes, fileName, limits) : readBook(bytes, fileName, format, limits);
  } catch (e) {
    // Defensive: a reader bug must still come back as an error the user can see.
    return { ok: false, errors: [{ file: fileName, message: `could not be read: ${(e as Error).message}` }] };
  }
}

/** Lower-case letters and digits only: "Years of Service" = "years_of_service" = "YearsOfService". */
export function headerKey(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, "");
}

/**
 * The first row (within the first `scanRows`) in which every required field has a column, by
 * header synonyms. Synonym tables are Maps so a header named "constructor" or "__proto__" is
 * just an unknown header.
 */
export function findHeader<F extends string>(
  grid: SheetGrid,
  synonyms: ReadonlyMap<string, F>,
  required: readonly F[],
  scanRows = 50,
): { row: number; columns: Map<F, number> } | undefined {
  for (let r = 0; r < Math.min(grid.rows.length, scanRows); r++) {
    const columns = new Map<F, number>();
    grid.rows[r]!.forEach((cell, c) => {
      const field = synonyms.get(headerKey(cell.text));
      if (field !== undefined && !columns.has(field)) columns.set(field, c);
    });
    if (required.every((f) => columns.has(f))) return { row: r, columns };
  }
  return undefined;
}

/** A number typed as text: plain decimal, or with thousands separators in the right places ("1,234.5"); nothing else. */
export function numberFromText(text: string): string | undefined {
  const t = text.trim();
  if (/^[-+]?\d+(\.\d+)?$/.test(t) || /^[-+]?\.\d+$/.test(t)) return t;
  if (/^[-+]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(t)) return t.replace(/,/g, "");
  return undefined;
}
