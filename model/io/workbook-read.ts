/**
 * Bytes from a user's file -> sheets of plain cells, or errors; never throws, never hangs on a
 * huge file. xlsx (zip) and xls (OLE) go through SheetJS with a row cap; anything else must be
 * UTF-8 text and is read as CSV by the project's own splitter, so no cell is ever type-guessed (SheetJS
 * would turn "1,2,3" or "3/4" into numbers or dates). Formulas are never evaluated: a formula
 * cell contributes the value its own program cached, and text is only ever text.
 */
import * as XLSX from "xlsx";
import type { Checked, InputError } from "../engine/index";
import { csvDelimiter, splitCsvChecked } from "../engine/index";
import { decodeText } from "./text-decode";
import { inspectXlsx, type XlsxInspection } from "./zip-guard";

export interface ReadLimits {
  /** The file itself. */
  maxBytes: number;
  /** Rows of one sheet (lines of a CSV). */
  maxRows: number;
  /** Cells of one sheet: counted in the XML before parsing (xlsx), fields (CSV), the used range (xls). */
  maxCells: number;
  /** Parts of an .xlsx zip. */
  maxEntries?: number;
  /** All parts of an .xlsx, inflated: what bounds the parser's time and memory. */
  maxInflatedBytes?: number;
  /** Entries of an .xlsx shared-string table. */
  maxSharedStrings?: number;
}

/**
 * docs/files-and-recovery.md ("What is refused and why") lists these with their reasons. The
 * inflated-XML, cell and shared-string limits are what keep a workbook import under 300 MB of
 * memory: SheetJS needs about ten times the XML's size while it parses. A 100,000-row census is
 * about 19 MB of XML and 500,000 cells.
 */
export const DEFAULT_READ_LIMITS: Required<ReadLimits> = {
  maxBytes: 50 * 1024 * 1024,
  maxRows: 120_000,
  maxCells: 750_000,
  maxEntries: 1_000,
  maxInflatedBytes: 20 * 1024 * 1024,
  maxSharedStrings: 100_000,
};

export interface SheetCell {
  /** The cell as text ("" when empty); numbers as their shortest round-trip decimal. */
  text: string;
  /** Present when the cell holds a number (typed or computed by a formula the file's program ran). */
  number?: number;
  /** Present on formula cells, for messages only. */
  formula?: string;
  /** Present when the cell holds a date (a number formatted as a date): yyyy-mm-dd. */
  date?: string;
  /** Present on a cell covered by merged cells other than their first ("A2:A4"): it holds nothing of its own. */
  merged?: string;
}

export interface SheetGrid {
  name: string;
  /** rows[r][c], r and c 0-based in sheet coordinates (row 0 is spreadsheet row 1). */
  rows: SheetCell[][];
  /** Hidden in the workbook (Excel's Hide, or "very hidden"): a reader says so before it uses one. */
  hidden?: true;
}

export type FileFormat = "xlsx" | "xls" | "csv";

const EMPTY: SheetCell = { text: "" };

/** The name given to a CSV file's single sheet; errors leave it out (a CSV has no sheets). */
export const CSV_SHEET = "(csv)";

export function columnLetter(c: number): string {
  return XLSX.utils.encode_col(c);
}

/** How readSheets reads the bytes: a zip is xlsx, an OLE file xls, anything else CSV. */
export function detectFormat(bytes: Uint8Array): FileFormat {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return "xlsx";
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) return "xls";
  return "csv";
}

/**
 * Plain values repeat (steps 1-16, a lane name, headcount 1): one shared, frozen cell per distinct
 * number or short text, so a 100,000-row census costs a few hundred cell objects, not 500,000.
 */
class CellCache {
  private readonly numbers = new Map<number, SheetCell>();
  private readonly texts = new Map<string, SheetCell>();
  number(v: number): SheetCell {
    let c = this.numbers.get(v);
    if (!c) {
      c = Object.freeze({ text: String(v), number: v });
      if (this.numbers.size < 50_000) this.numbers.set(v, c);
    }
    return c;
  }
  text(v: string): SheetCell {
    let c = this.texts.get(v);
    if (!c) {
      c = Object.freeze({ text: v });
      if (v.length <= 64 && this.texts.size < 50_000) this.texts.set(v, c);
    }
    return c;
  }
}

function toCell(cell: XLSX.CellObject | undefined, cache: CellCache): SheetCell {
  if (!cell || cell.v === undefined || cell.v === null) return cell?.f ? { text: "", formula: cell.f } : EMPTY;
  if (!cell.f && cell.t === "n") return cache.number(cell.v as number);
  if (!cell.f && cell.t === "s") return cache.text(String(cell.v));
  const f = cell.f ? { formula: cell.f } : {};
  switch (cell.t) {
    case "n":
      return { text: String(cell.v), number: cell.v as number, ...f };
    case "b":
      return { text: cell.v ? "TRUE" : "FALSE", ...f };
    case "e":
      return { text: cell.w ?? "#ERROR", ...f };
    case "d": {
      // A date is not a number of anything: Excel stores 2019-08-15 as 43,692 days.
      const iso = cell.v instanceof Date && !Number.isNaN(cell.v.getTime()) ? cell.v.toISOString().slice(0, 10) : String(cell.v);
      return { text: iso, date: iso, ...f };
    }
    default:
      return { text: String(cell.v), ...f };
  }
}

/**
 * Marks the cells merged cells cover beyond their first: Excel shows the first cell's value across
 * them, but the file holds it once, so a reader that finds them empty can say why. Within the rows
 * read, so a merge over a whole sheet costs no more than the sheet.
 */
function markMerged(rows: SheetCell[][], merges: readonly XLSX.Range[], nCols: number): void {
  for (const m of merges) {
    const ref = XLSX.utils.encode_range(m);
    for (let r = m.s.r; r <= Math.min(m.e.r, rows.length - 1); r++)
      for (let c = m.s.c; c <= Math.min(m.e.c, nCols - 1); c++) {
        if (r === m.s.r && c === m.s.c) continue;
        const row = rows[r]!;
        while (row.length <= c) row.push(EMPTY);
        row[c] = { ...row[c]!, merged: ref };
      }
  }
}

function readCsv(bytes: Uint8Array, fileName: string, limits: ReadLimits): Checked<SheetGrid[]> {
  const fail = (message: string): Checked<SheetGrid[]> => ({ ok: false, errors: [{ file: fileName, message }] });
  const binary = "is not a spreadsheet: it is neither an .xlsx/.xls workbook nor CSV text (binary content)";
  const decoded = decodeText(bytes);
  if (!decoded.ok) return fail(bytes.includes(0) && !/UTF-(16|32)/.test(decoded.message) ? binary : `${decoded.message}, or as .xlsx`);
  const text = decoded.text;
  if (text.includes("\0")) return fail(binary);
  const { delimiter, skipFirstLine } = csvDelimiter(text);
  const sep = delimiter.charCodeAt(0);
  // Counted before splitting, so an oversized file costs one pass over its text, not its cells.
  let lines = 1;
  let fields = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      lines++;
      fields++;
    } else if (c === sep) fields++;
  }
  const fmt = (n: number) => n.toLocaleString("en-US");
  if (lines > limits.maxRows + 1) return fail(`has ${fmt(lines)} lines; the limit is ${fmt(limits.maxRows)} rows`);
  // Commas inside quotes count too: an upper bound, checked exactly below.
  if (fields > limits.maxCells * 1.5) return fail(`has about ${fmt(fields)} fields; the limit is ${fmt(limits.maxCells)} cells`);
  const cache = new CellCache();
  const split = splitCsvChecked(text, delimiter);
  if (!split.ok) {
    // Rows are counted as the sheet is handed on: without an Excel "sep=" line.
    const { row, column, message } = split.problem;
    return { ok: false, errors: [{ file: fileName, row: row + 1 - (skipFirstLine ? 1 : 0), column: columnLetter(column), message }] };
  }
  const rows = (skipFirstLine ? split.rows.slice(1) : split.rows).map((r) => r.map((t): SheetCell => (t === "" ? EMPTY : cache.text(t))));
  const cells = rows.reduce((n, r) => n + r.length, 0);
  if (cells > limits.maxCells)
    return fail(`has ${fmt(cells)} fields in ${fmt(rows.length)} rows; the limit is ${fmt(limits.maxCells)} cells`);
  return { ok: true, value: [{ name: CSV_SHEET, rows }] };
}

function readBook(bytes: Uint8Array, fileName: string, format: "xlsx" | "xls", limits: ReadLimits): Checked<SheetGrid[]> {
  const errors: InputError[] = [];
  let inspected: XlsxInspection | undefined;
  if (format === "xlsx") {
    // Before SheetJS inflates or parses anything (zip-guard.ts).
    const r = inspectXlsx(bytes, {
      maxEntries: limits.maxEntries ?? DEFAULT_READ_LIMITS.maxEntries,
      maxInflatedBytes: limits.maxInflatedBytes ?? DEFAULT_READ_LIMITS.maxInflatedBytes,
      maxRows: limits.maxRows,
      maxCells: limits.maxCells,
      maxSharedStrings: limits.maxSharedStrings ?? DEFAULT_READ_LIMITS.maxSharedStrings,
    });
    if (!r.ok) return { ok: false, errors: [{ file: fileName, ...(r.sheet !== undefined ? { sheet: r.sheet } : {}), message: r.message }] };
    inspected = r.value;
  }
  let wb: XLSX.WorkBook;
  try {
    // sheetRows caps the parse itself, so a sheet claiming a million rows costs no more than the limit.
    wb = XLSX.read(bytes, {
      type: "array",
      dense: true,
      sheetRows: limits.maxRows + 1,
      cellFormula: true,
      cellDates: true,
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
  const valueCellsRead = new Map<string, number>();
  const cache = new CellCache();
  for (const [index, name] of (wb.SheetNames ?? []).entries()) {
    const ws = Object.prototype.hasOwnProperty.call(wb.Sheets, name) ? (wb.Sheets[name] as XLSX.WorkSheet | undefined) : undefined;
    if (!ws || typeof ws !== "object") continue;
    const hidden = wb.Workbook?.Sheets?.[index]?.Hidden ? { hidden: true as const } : {};
    const full = ws["!fullref"] ?? ws["!ref"];
    if (!full) {
      sheets.push({ name, rows: [], ...hidden });
      continue;
    }
    let range: XLSX.Range;
    try {
      range = XLSX.utils.decode_range(full);
    } catch {
      errors.push({ file: fileName, sheet: name, message: `has an unreadable range "${full}"` });
      continue;
    }
    const data = (ws as { "!data"?: (XLSX.CellObject | undefined)[][] })["!data"];
    // An .xlsx sheet's rows were counted in its XML (zip-guard.ts), so its <dimension>, which any
    // writer may set larger than its cells (A1:D1048576 over 3 rows), is not the size: the rows
    // SheetJS read are. An .xls is sized by its declared range, read before anything else.
    const nRows = inspected && data ? Math.min(range.e.r + 1, data.length) : range.e.r + 1;
    const nCols = range.e.c + 1;
    if (nRows > limits.maxRows) {
      errors.push({
        file: fileName,
        sheet: name,
        message: `has ${nRows.toLocaleString("en-US")} rows; the limit is ${limits.maxRows.toLocaleString("en-US")}`,
      });
      continue;
    }
    if (!inspected && nRows * nCols > limits.maxCells) {
      errors.push({
        file: fileName,
        sheet: name,
        message: `has ${nRows} rows x ${nCols} columns; the limit is ${limits.maxCells.toLocaleString("en-US")} cells`,
      });
      continue;
    }
    let values = 0;
    for (const row of data ?? []) for (const cell of row ?? []) if (cell?.v !== undefined) values++;
    valueCellsRead.set(name, values);
    const rows: SheetCell[][] = [];
    for (let r = 0; r < nRows; r++) {
      const src = data ? data[r] : undefined;
      const row: SheetCell[] = [];
      if (src) for (let c = 0; c < Math.min(src.length, nCols); c++) row.push(toCell(src[c], cache));
      // SheetJS's row is not needed again: let it go as this one is built, so the two copies of a
      // large sheet are not held at once.
      if (data) data[r] = [];
      else if (!data)
        for (let c = 0; c < nCols; c++) row.push(toCell(ws[XLSX.utils.encode_cell({ r, c })] as XLSX.CellObject | undefined, cache));
      rows.push(row);
    }
    markMerged(rows, ws["!merges"] ?? [], nCols);
    sheets.push({ name, rows, ...hidden });
  }
  // A sheet SheetJS could not make sense of comes back empty (or short) rather than failing:
  // compare the cells it read with the value cells counted in the sheet's XML, so such a sheet is
  // named, never skipped.
  for (const sheet of inspected?.sheets ?? []) {
    if (errors.some((e) => e.sheet === sheet.name)) continue;
    const read = valueCellsRead.get(sheet.name) ?? 0;
    if (read < sheet.valueCells && sheet.name === "__proto__")
      // SheetJS files sheets by name in a plain object, where this name sets the prototype: re-saving keeps it.
      errors.push({ file: fileName, sheet: sheet.name, message: 'a sheet named "__proto__" cannot be read; rename the sheet' });
    else if (read < sheet.valueCells)
      errors.push({
        file: fileName,
        sheet: sheet.name,
        message:
          `could not be read: its XML holds ${sheet.valueCells.toLocaleString("en-US")} cells with values but only ` +
          `${read.toLocaleString("en-US")} could be parsed (not laid out as Excel writes it?); ` +
          "open it in Excel or LibreOffice and save it again as .xlsx",
      });
  }
  if (errors.length) return { ok: false, errors };
  if (sheets.length === 0) return { ok: false, errors: [{ file: fileName, message: "has no worksheets" }] };
  return { ok: true, value: sheets };
}

/** A workbook already in memory (SheetJS objects) as plain cells, as readSheets would read it from its file. */
export function gridsOfWorkbook(wb: XLSX.WorkBook): SheetGrid[] {
  const cache = new CellCache();
  return wb.SheetNames.map((name) => {
    const ws = wb.Sheets[name]!;
    const range = XLSX.utils.decode_range(ws["!ref"] ?? "A1");
    const rows: SheetCell[][] = [];
    for (let r = 0; r <= range.e.r; r++) {
      const row: SheetCell[] = [];
      for (let c = 0; c <= range.e.c; c++) row.push(toCell(ws[XLSX.utils.encode_cell({ r, c })] as XLSX.CellObject | undefined, cache));
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
