/**
 * The census for the step-distribution method: headcount by schedule x lane x step (x years of service),
 * and the one parser every census goes through (CLI --census, the app's CSV and workbook import, the
 * Census sheet of an exported workbook): readers hand it rows of cells, it finds the header and
 * applies one rule set, so a value means the same thing whichever way it came in.
 *
 * Layout (header row found by name, not position; lines above it, e.g. a title, are skipped):
 *   schedule,lane,step,headcount[,years of service]
 *   ET15-10M,Bachelors+30/Masters,7,112
 * Header synonyms: pay plan / salary schedule = schedule, education level / degree = lane, count /
 * FTE / members = headcount, YOS / service = years of service (CENSUS_HEADER_SYNONYMS). Two columns
 * for one field (twice "Headcount", or "Headcount" and "Count") are refused as ambiguous.
 * schedule: ET15-10M | ET15-11M | ET15-12M | EG09 (also "ET-15 10-month", "ET 15/10", "EG-09", ...); "ET-15"
 *   alone is refused as ambiguous (the three ET-15 schedules pay different salaries).
 * lane: a lane of that schedule (spaces and case ignored: "Bachelors + 30/Masters" is fine).
 * step: whole number 1..16 (the individual step; 12-15 share a printed column on ET-15, 10-16 on EG-09).
 * headcount: plain whole number 0..10,000,000 ("1,200" with thousands separators is fine; "1e3",
 *   "12.0" and "+5" are refused with the plain form to write). years of service: optional, whole,
 *   0..60; a cell formatted as a date is refused as a date (Excel stores 2019-08-15 as 43,692).
 * The census must have members: no rows, or every headcount 0, is refused. A row with a value to the
 * right of the header's last column is refused (in a CSV, "1,200" unquoted is two fields); empty
 * trailing fields are fine.
 * Any error rejects the whole file (nothing partial); every error names file, row (1-based, as a
 * spreadsheet shows it) and column letter, and the message names the field.
 */
import { beyondHeaderMessage, firstBeyondHeader, lastHeaderColumn } from "../beyond-header";
import { Decimal, parseDecimal, sum } from "../decimal";
import type { InputError } from "../errors";
import { loadSchedules, indexSchedules, stepLayout } from "./schedules";
import { CENSUS_CELL_LIMIT, censusCheckedByParser, MAX_YEARS_OF_SERVICE, type CheckedCensus } from "./census-check";
import type { Census, CensusCell, ScheduleKey } from "./types";
import { SCHEDULE_KEYS } from "./types";

/** A census import error: always names file, row and column. Assignable to the engine's InputError. */
export interface CensusImportError extends InputError {
  file: string;
  sheet?: string;
  row: number;
  column: string;
  message: string;
}

/**
 * A parsed census applies checkCensus's rules while reading, so it is checked by construction.
 * `notes` say what the file held that the census does not use (a column of salaries, another sheet
 * with a census), placed as errors are, so nothing is left out without a word.
 */
export type CensusParse = { ok: true; value: CheckedCensus; notes: CensusImportError[] } | { ok: false; errors: CensusImportError[] };

/** The plausible ranges every entry point enforces. */
export const CENSUS_RULES = { maxYearsOfService: MAX_YEARS_OF_SERVICE, maxHeadcount: 10_000_000, maxErrors: 500 } as const;

/**
 * One cell as a reader hands it over: its text; for a spreadsheet's number cell, the number; for a
 * cell formatted as a date, the date (ISO yyyy-mm-dd). A CSV gives text only.
 */
export interface CensusInputCell {
  text: string;
  number?: number;
  date?: string;
  /** A workbook cell's formula, when it has one (a formula with no calculated value reads as empty). */
  formula?: string;
  /** The merged cells covering this one beyond their first ("A2:A4"), which hold nothing of their own. */
  merged?: string;
}

/** Why a cell that reads as empty is empty, when the workbook says ("" when it does not). */
function emptyBecause(cell: CensusInputCell | undefined): string {
  if (cell?.merged) return `: the cell is covered by the merged cells ${cell.merged}; unmerge them and give each row its value`;
  if (cell?.formula)
    return `: the cell holds the formula =${cell.formula.slice(0, 40)} with no value calculated; open the file in Excel or LibreOffice and save it`;
  return "";
}

export type CensusField = "schedule" | "lane" | "step" | "headcount" | "years";
const REQUIRED: readonly CensusField[] = ["schedule", "lane", "step", "headcount"];
const FIELD_NAME: Record<CensusField, string> = {
  schedule: "schedule",
  lane: "lane",
  step: "step",
  headcount: "headcount",
  years: "years of service",
};

/** Lower-case letters and digits only: "Years of Service" = "years_of_service" = "YearsOfService". */
export function censusHeaderKey(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, "");
}

/** Header text -> field, by key (a Map, so "constructor" or "__proto__" is just an unknown header). */
export const CENSUS_HEADER_SYNONYMS: ReadonlyMap<string, CensusField> = new Map(
  (
    [
      ["schedule", ["schedule", "salary schedule", "pay schedule", "pay plan", "payplan", "plan", "salary scale", "scale"]],
      ["lane", ["lane", "education level", "education", "degree", "degree lane", "salary lane", "class"]],
      ["step", ["step", "step number", "step no", "salary step"]],
      ["headcount", ["headcount", "head count", "count", "fte", "ftes", "members", "employees", "number of employees", "n"]],
      ["years", ["years of service", "years", "yos", "service", "service years"]],
    ] as [CensusField, string[]][]
  ).flatMap(([field, names]) => names.map((n): [string, CensusField] => [censusHeaderKey(n), field])),
);

/** Spreadsheet column letter of a 0-based column index (0 -> A, 26 -> AA). */
export function columnLetter(c: number): string {
  let out = "";
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  return out;
}

const norm = (s: string) => s.toLowerCase().replace(/[\s_\-./()]+/g, "");

const SCHEDULE_ALIASES: ReadonlyMap<string, ScheduleKey> = (() => {
  const out = new Map<string, ScheduleKey>();
  for (const k of SCHEDULE_KEYS) out.set(norm(k), k);
  for (const m of [10, 11, 12] as const) {
    const key = `ET15-${m}M` as ScheduleKey;
    for (const alias of [`ET15 ${m}`, `ET-15 ${m}-month`, `ET-15 ${m} month`, `ET15/${m}`, `ET 15/${m}`, `ET15-${m}`, `ET15 ${m}M`])
      out.set(norm(alias), key);
  }
  for (const alias of ["EG-09", "EG 09", "EG09-12M", "EG-09 12-month"]) out.set(norm(alias), "EG09");
  return out;
})();

/** "ET-15" with no month count: the 10-, 11- and 12-month schedules pay different salaries, so it names none of them. */
const ET15_FAMILY = norm("ET-15");

export type CsvDelimiter = "," | ";" | "\t";
const DELIMITERS: readonly CsvDelimiter[] = [",", ";", "\t"];

/**
 * The field separator of a CSV file: Excel writes ";" where the decimal separator is a comma, and
 * "Text (Tab delimited)" files are often named .csv. An Excel "sep=;" first line says it outright
 * (`skipFirstLine`). Otherwise, over the first 50 non-empty lines, each candidate scores the lines
 * holding the number of it (outside quotes) that most lines hold; another separator is chosen only
 * when it scores above the comma, so decimal commas inside a ";" file and a stray ";" in a comma
 * file's text both leave the right answer.
 */
export function csvDelimiter(text: string): { delimiter: CsvDelimiter; skipFirstLine: boolean } {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const sep = /^sep=([,;\t])[ \t]*(\r\n|\n|\r|$)/i.exec(src);
  if (sep) return { delimiter: sep[1] as CsvDelimiter, skipFirstLine: true };
  const lines: string[] = [];
  let from = 0;
  while (lines.length < 50 && from < src.length && from < 1_000_000) {
    let to = src.indexOf("\n", from);
    if (to < 0) to = src.length;
    const line = src.slice(from, to);
    if (line.trim() !== "") lines.push(line);
    from = to + 1;
  }
  const score = (d: CsvDelimiter) => {
    const counts = lines.map((l) => separatorsOutsideQuotes(l, d)).filter((n) => n > 0);
    const freq = new Map<number, number>();
    for (const n of counts) freq.set(n, (freq.get(n) ?? 0) + 1);
    return Math.max(0, ...freq.values());
  };
  const comma = score(",");
  let best: { delimiter: CsvDelimiter; score: number } = { delimiter: ",", score: comma };
  for (const d of DELIMITERS.slice(1)) {
    const sc = score(d);
    if (sc > best.score) best = { delimiter: d, score: sc };
  }
  return { delimiter: best.delimiter, skipFirstLine: false };
}

/**
 * How many times `d` separates fields in one line, read as splitCsvChecked reads it: a quote opens a
 * quoted field only as a field's first character (12" binder is text), and a quoted field's own
 * separators do not count. A quoted field left open at the line's end (it spans lines) ends the count.
 */
function separatorsOutsideQuotes(line: string, d: CsvDelimiter): number {
  let count = 0;
  let i = 0;
  let fieldStart = true;
  while (i < line.length) {
    if (fieldStart && line[i] === '"') {
      let j = i + 1;
      for (;;) {
        const q = line.indexOf('"', j);
        if (q < 0) return count;
        if (line[q + 1] !== '"') {
          i = q + 1;
          break;
        }
        j = q + 2; // a doubled quote is a quote inside the field
      }
      fieldStart = false;
      continue;
    }
    const next = line.indexOf(d, i);
    if (next < 0) return count;
    count++;
    i = next + 1;
    fieldStart = true;
  }
  return count;
}

/** A CSV file's rows, split on its own separator (csvDelimiter), without an Excel "sep=" line. */
export function splitCsvFile(text: string): CsvSplit {
  const { delimiter, skipFirstLine } = csvDelimiter(text);
  const split = splitCsvChecked(text, delimiter);
  if (!split.ok) return skipFirstLine ? { ok: false, problem: { ...split.problem, row: split.problem.row - 1 } } : split;
  return { ok: true, rows: skipFirstLine ? split.rows.slice(1) : split.rows };
}

/** Where a CSV's quoting goes wrong: 0-based row (a record, as a spreadsheet shows it) and column. */
export interface CsvProblem {
  row: number;
  column: number;
  message: string;
}

export type CsvSplit = { ok: true; rows: string[][] } | { ok: false; problem: CsvProblem };

const DELIMITER_NAME: Record<CsvDelimiter, string> = { ",": "comma", ";": "semicolon", "\t": "tab" };

/**
 * Splits CSV text into rows of fields (CRLF, LF or CR), on `delimiter` (see csvDelimiter for a
 * file's own). Quotes as RFC 4180, Excel and LibreOffice read them: a quote opens a quoted field
 * only as the field's first character, so 12" binder is text. A quoted field that never closes
 * would take the rest of the file as one value, and one followed by more text ("5"x) is read
 * differently by different programs: both are refused, at the row and column where the field
 * starts. Runs of plain characters are taken as slices of the text, not appended a character at
 * a time, so 200,000 lines cost little more than the text itself.
 */
export function splitCsvChecked(text: string, delimiter: CsvDelimiter = ","): CsvSplit {
  const sep = delimiter.charCodeAt(0);
  const rows: string[][] = [];
  let row: string[] = [];
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const n = src.length;
  let i = 0;
  const ends = (c: number) => c === sep || c === 10 || c === 13;
  // The record row is what a spreadsheet shows; the line differs once a quoted field spans lines.
  const lineAt = (pos: number) => src.slice(0, pos).split(/\r\n|\r|\n/).length;
  const problem = (open: number, message: string): CsvSplit => {
    const line = lineAt(open);
    const onLine = line !== rows.length + 1 ? ` (line ${line} of the file)` : "";
    return { ok: false, problem: { row: rows.length, column: row.length, message: `${message}${onLine}` } };
  };
  while (i < n) {
    let field: string;
    if (src.charCodeAt(i) === 34) {
      const open = i;
      field = "";
      let j = i + 1;
      for (;;) {
        const q = src.indexOf('"', j);
        if (q < 0) {
          const shown = src.slice(open, open + 21).split(/\r\n|\n|\r/)[0]!;
          const below =
            src
              .slice(open)
              .replace(/(\r\n|\n|\r)$/, "")
              .split(/\r\n|\n|\r/).length - 1;
          const swallowed = below > 0 ? `: it would take in the ${below} line${below === 1 ? "" : "s"} below it as one value` : "";
          return problem(open, `a quoted field opens here (${shown}) and is never closed${swallowed}; close the quote or remove it`);
        }
        field += src.slice(j, q);
        if (src.charCodeAt(q + 1) === 34) {
          field += '"';
          j = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
      if (i < n && !ends(src.charCodeAt(i))) {
        let k = i;
        while (k < n && !ends(src.charCodeAt(k))) k++;
        const after = src.slice(i, k);
        return problem(
          open,
          `the quoted field "${field.slice(0, 40)}" is followed by ${after.slice(0, 40)} before the next ` +
            `${DELIMITER_NAME[delimiter]}: quote the whole value ("${(field + after).slice(0, 40).replace(/"/g, '""')}") or remove the quotes`,
        );
      }
    } else {
      let k = i;
      while (k < n && !ends(src.charCodeAt(k))) k++;
      field = src.slice(i, k);
      i = k;
    }
    row.push(field);
    if (i >= n) break;
    const c = src.charCodeAt(i);
    if (c === sep) {
      i++;
      if (i === n) row.push("");
      continue;
    }
    i += c === 13 && src.charCodeAt(i + 1) === 10 ? 2 : 1;
    rows.push(row);
    row = [];
  }
  if (row.length > 0) rows.push(row);
  return { ok: true, rows };
}

/**
 * splitCsvChecked for text this program wrote (a census it exported, a bench's output): a quoting
 * problem there is a bug, so it throws, naming the row and column.
 */
export function splitCsv(text: string, delimiter: CsvDelimiter = ","): string[][] {
  const split = splitCsvChecked(text, delimiter);
  if (split.ok) return split.rows;
  throw new Error(`CSV row ${split.problem.row + 1}, column ${columnLetter(split.problem.column)}: ${split.problem.message}`);
}

function laneIndex(): Map<ScheduleKey, Map<string, string>> {
  const idx = indexSchedules(loadSchedules());
  const out = new Map<ScheduleKey, Map<string, string>>();
  for (const [key, byYear] of idx) {
    const s = byYear.values().next().value!;
    out.set(key, new Map(s.lanes.map((l) => [norm(l), l])));
  }
  return out;
}

export interface CensusHeader {
  /** 0-based row of the header. */
  row: number;
  columns: Map<CensusField, number>;
  /** Fields named by more than one column: [field, first column, second column]. */
  ambiguous: [CensusField, number, number][];
}

/** The first row (within the first `scanRows`) naming schedule, lane, step and headcount. */
export function findCensusHeader(rows: readonly (readonly CensusInputCell[] | undefined)[], scanRows = 50): CensusHeader | undefined {
  for (let r = 0; r < Math.min(rows.length, scanRows); r++) {
    const columns = new Map<CensusField, number>();
    const ambiguous: [CensusField, number, number][] = [];
    (rows[r] ?? []).forEach((cell, c) => {
      const field = CENSUS_HEADER_SYNONYMS.get(censusHeaderKey(cell?.text ?? ""));
      if (field === undefined) return;
      const first = columns.get(field);
      if (first === undefined) columns.set(field, c);
      else ambiguous.push([field, first, c]);
    });
    if (REQUIRED.every((f) => columns.has(f))) return { row: r, columns, ambiguous };
  }
  return undefined;
}

type WholeNumber = { value: number } | { problem: string } | { empty: true };

const LOOKS_LIKE_DATE = /^\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}$/;

/** A whole number from a cell: a number cell's number, or text that is a plain integer (thousands separators allowed). */
function wholeNumber(cell: CensusInputCell | undefined, what: string): WholeNumber {
  if (cell?.date !== undefined)
    return { problem: `${what} holds the date ${cell.date}, not a number${what === "years of service" ? " of years" : ""}` };
  if (cell?.number !== undefined) {
    if (!Number.isFinite(cell.number)) return { problem: `${what} ${cell.text} is not a number` };
    if (cell.number < 0) return { problem: `${what} ${cell.text} is negative` };
    if (!Number.isInteger(cell.number)) return { problem: `${what} ${cell.text} is not a whole number` };
    if (!Number.isSafeInteger(cell.number)) return { problem: `${what} ${cell.text} is implausibly large` };
    return { value: cell.number };
  }
  const t = (cell?.text ?? "").trim();
  if (t === "") return { empty: true };
  const shown = t.slice(0, 40);
  if (/^\d+$/.test(t) || /^\d{1,3}(,\d{3})+$/.test(t)) {
    const value = Number(t.replace(/,/g, ""));
    return Number.isSafeInteger(value) ? { value } : { problem: `${what} ${shown} is implausibly large` };
  }
  if (LOOKS_LIKE_DATE.test(t)) return { problem: `${what} "${shown}" looks like a date, not a number` };
  const d = parseDecimal(t);
  if (d === null) return { problem: `${what} "${shown}" is not a number` };
  if (d.isNegative()) return { problem: `${what} ${shown} is negative` };
  if (!d.isInteger()) return { problem: `${what} ${shown} is not a whole number` };
  const plain = d.abs().toFixed(0);
  return { problem: `${what} "${shown}" is not a plain whole number (write ${plain.length > 20 ? `${plain.slice(0, 20)}...` : plain})` };
}

/**
 * Parses census rows (any reader's cells). Returns the census, or every error found (never a
 * partial census). `sheet` is named in errors when the rows came from a workbook; without one the
 * rows are CSV fields, which is what a value beyond the header's last column is blamed on.
 */
export function parseCensusRows(
  rows: readonly (readonly CensusInputCell[] | undefined)[],
  fileName: string,
  options: { label?: string; asOfFiscalYear?: number; sheet?: string } = {},
): CensusParse {
  const errors: CensusImportError[] = [];
  const where = { file: fileName, ...(options.sheet !== undefined ? { sheet: options.sheet } : {}) };
  const err = (row: number, col: number, message: string) => errors.push({ ...where, row, column: columnLetter(col), message });

  const header = findCensusHeader(rows);
  if (!header) {
    return {
      ok: false,
      errors: [
        {
          ...where,
          row: 1,
          column: "(header)",
          message:
            "no header row naming the columns schedule (or pay plan), lane (or education level), step and headcount " +
            "(or count/FTE) in the first 50 rows",
        },
      ],
    };
  }
  const headerText = (c: number) => (rows[header.row]?.[c]?.text ?? "").trim().slice(0, 40);
  for (const [field, first, second] of header.ambiguous)
    err(
      header.row + 1,
      second,
      `columns ${columnLetter(first)} ("${headerText(first)}") and ${columnLetter(second)} ("${headerText(second)}") ` +
        `both give the ${FIELD_NAME[field]}; keep one`,
    );
  if (errors.length) return { ok: false, errors };

  const col = header.columns;
  const used = new Set(col.values());
  const notes: CensusImportError[] = [];
  const unread = (rows[header.row] ?? []).flatMap((cell, c) => {
    const text = (cell?.text ?? "").trim();
    return text !== "" && !used.has(c) ? [{ c, text: text.slice(0, 40) }] : [];
  });
  if (unread.length > 0)
    notes.push({
      ...where,
      row: header.row + 1,
      column: columnLetter(unread[0]!.c),
      message:
        unread.length === 1
          ? `column "${unread[0]!.text}" is not a census column (schedule, lane, step, headcount, years of service); ignored`
          : `columns ${unread
              .slice(0, 12)
              .map((u) => `${columnLetter(u.c)} "${u.text}"`)
              .join(", ")}${unread.length > 12 ? ` and ${unread.length - 12} more` : ""} are not census columns ` +
            "(schedule, lane, step, headcount, years of service); ignored",
    });
  const lanes = laneIndex();
  const maxStep = new Map<ScheduleKey, number>();
  for (const [key, byYear] of indexSchedules(loadSchedules())) maxStep.set(key, stepLayout(byYear.values().next().value!).maxStep);
  const merged = new Map<string, CensusCell>();
  let dataRows = 0;
  const lastHeader = lastHeaderColumn(rows[header.row] ?? []);

  for (let r = header.row + 1; r < rows.length; r++) {
    if (errors.length >= CENSUS_RULES.maxErrors) {
      // A file wrong in every row would otherwise build hundreds of thousands of messages.
      errors.push({
        ...where,
        row: r + 1,
        column: "(rest)",
        message: `stopped after ${CENSUS_RULES.maxErrors} problems; rows ${r + 1} to ${rows.length} were not checked`,
      });
      break;
    }
    const cells = rows[r] ?? [];
    const rowNo = r + 1;
    if (cells.every((c) => !c || (c.text.trim() === "" && c.number === undefined))) continue;
    dataRows++;
    const beyond = firstBeyondHeader(cells, lastHeader);
    if (beyond !== undefined) {
      // The row's other fields are not checked: an extra field shifts them, so their messages would mislead.
      err(
        rowNo,
        beyond,
        beyondHeaderMessage({
          value: cells[beyond]!.text,
          column: columnLetter(beyond),
          lastColumn: columnLetter(lastHeader),
          lastHeader: headerText(lastHeader),
          csv: options.sheet === undefined,
        }),
      );
      continue;
    }
    const at = (f: CensusField) => cells[col.get(f)!];
    const before = errors.length;

    const schedRaw = (at("schedule")?.text ?? "").trim();
    const schedule = SCHEDULE_ALIASES.get(norm(schedRaw));
    if (!schedule && norm(schedRaw) === ET15_FAMILY)
      err(
        rowNo,
        col.get("schedule")!,
        `schedule "${schedRaw}" is ambiguous: ET-15 has 10-, 11- and 12-month schedules, which pay different salaries; ` +
          "write ET15-10M, ET15-11M or ET15-12M",
      );
    else if (!schedule && schedRaw === "" && emptyBecause(at("schedule")))
      err(rowNo, col.get("schedule")!, `schedule is empty${emptyBecause(at("schedule"))}`);
    else if (!schedule)
      err(rowNo, col.get("schedule")!, `unknown schedule "${schedRaw.slice(0, 40)}" (expected one of ${SCHEDULE_KEYS.join(", ")})`);

    const laneRaw = (at("lane")?.text ?? "").trim();
    let lane: string | undefined;
    if (schedule) {
      lane = lanes.get(schedule)?.get(norm(laneRaw));
      if (!lane && laneRaw === "" && emptyBecause(at("lane"))) err(rowNo, col.get("lane")!, `lane is empty${emptyBecause(at("lane"))}`);
      else if (!lane)
        err(
          rowNo,
          col.get("lane")!,
          `unknown lane "${laneRaw.slice(0, 40)}" for ${schedule} ` +
            `(expected one of ${[...(lanes.get(schedule)?.values() ?? [])].join(", ")})`,
        );
    }

    let step: number | undefined;
    const stepCell = at("step");
    const stepRaw = (stepCell?.text ?? "").trim().slice(0, 40);
    const stepValue = stepCell?.date === undefined ? wholeNumber(stepCell, "step") : { problem: "" };
    if ("empty" in stepValue && emptyBecause(stepCell)) err(rowNo, col.get("step")!, `step is empty${emptyBecause(stepCell)}`);
    else if (!("value" in stepValue))
      err(rowNo, col.get("step")!, `unknown step "${stepRaw}" (expected a whole step number 1..16; steps 12-15 are entered individually)`);
    else {
      const max = schedule ? (maxStep.get(schedule) ?? 16) : 16;
      if (stepValue.value < 1 || stepValue.value > max) err(rowNo, col.get("step")!, `unknown step ${stepRaw} (expected 1..${max})`);
      else step = stepValue.value;
    }

    let headcount: number | undefined;
    const hc = wholeNumber(at("headcount"), "headcount");
    if ("empty" in hc) err(rowNo, col.get("headcount")!, `headcount is empty${emptyBecause(at("headcount"))}`);
    else if ("problem" in hc) err(rowNo, col.get("headcount")!, hc.problem);
    else if (hc.value > CENSUS_RULES.maxHeadcount)
      err(
        rowNo,
        col.get("headcount")!,
        `headcount ${hc.value} is implausibly large (more than ${CENSUS_RULES.maxHeadcount.toLocaleString("en-US")})`,
      );
    else headcount = hc.value;

    let years: number | undefined;
    if (col.has("years")) {
      const y = wholeNumber(at("years"), "years of service");
      if ("problem" in y) err(rowNo, col.get("years")!, y.problem);
      else if ("value" in y) {
        if (y.value > CENSUS_RULES.maxYearsOfService)
          err(rowNo, col.get("years")!, `years of service ${y.value} is outside 0 to ${CENSUS_RULES.maxYearsOfService}`);
        else years = y.value;
      }
    }

    if (errors.length > before || !schedule || !lane || step === undefined || headcount === undefined) continue;
    const key = `${schedule}|${lane}|${step}|${years ?? ""}`;
    const prev = merged.get(key);
    if (prev) prev.headcount = prev.headcount.plus(headcount);
    else
      merged.set(key, {
        schedule,
        lane,
        step,
        ...(years !== undefined ? { yearsOfService: years } : {}),
        headcount: new Decimal(headcount),
      });
  }
  if (errors.length > 0) return { ok: false, errors };
  if (dataRows === 0)
    return {
      ok: false,
      errors: [
        {
          ...where,
          row: header.row + 1,
          column: columnLetter(col.get("headcount")!),
          message: `no census rows below the header (row ${header.row + 1})`,
        },
      ],
    };
  const cells = [...merged.values()];
  if (cells.length > CENSUS_CELL_LIMIT)
    return {
      ok: false,
      errors: [
        {
          ...where,
          row: rows.length,
          column: "(census)",
          message: `${cells.length} distinct cells; a census is limited to ${CENSUS_CELL_LIMIT} (schedule x lane x step x years of service)`,
        },
      ],
    };
  if (cells.every((c) => c.headcount.isZero()))
    return {
      ok: false,
      errors: [
        {
          ...where,
          row: header.row + 1,
          column: columnLetter(col.get("headcount")!),
          message: "every headcount is 0: the census has no members, so the schedule method would cost salaries at $0",
        },
      ],
    };
  return {
    ok: true,
    value: censusCheckedByParser({ label: options.label ?? fileName, asOfFiscalYear: options.asOfFiscalYear ?? 2024, cells }),
    notes,
  };
}

/** Parses census CSV text: the same parser and rules as a workbook's census (parseCensusRows). */
export function parseCensusCsv(text: string, fileName: string, options: { label?: string; asOfFiscalYear?: number } = {}): CensusParse {
  const split = splitCsvFile(text);
  if (!split.ok) {
    const { row, column, message } = split.problem;
    return { ok: false, errors: [{ file: fileName, row: row + 1, column: columnLetter(column), message }] };
  }
  return parseCensusRows(
    split.rows.map((row) => row.map((t) => ({ text: t }))),
    fileName,
    options,
  );
}

/** Total headcount. */
export function censusHeadcount(census: Census): Decimal {
  return sum(census.cells.map((c) => c.headcount));
}

/** The header row a census CSV is written with (the import reads these names and their synonyms). */
export const CENSUS_CSV_HEADER = "schedule,lane,step,years of service,headcount";

/** An empty census to fill in: the header row only (imported as it is, it is refused as empty). */
export const censusTemplateCsv = (): string => `${CENSUS_CSV_HEADER}\n`;

/** Serializes a census as CSV (the import format). */
export function censusToCsv(census: Census): string {
  const lines = [CENSUS_CSV_HEADER];
  for (const c of census.cells) lines.push([c.schedule, c.lane, c.step, c.yearsOfService ?? "", c.headcount.toString()].join(","));
  return lines.join("\n") + "\n";
}

/** JSON form of a census: headcounts as strings. */
export interface CensusJson {
  label: string;
  description?: string;
  asOfFiscalYear: number;
  cells: { schedule: ScheduleKey; lane: string; step: number; yearsOfService?: number; headcount: string }[];
}

export function censusFromJson(j: CensusJson): Census {
  return {
    label: j.label,
    asOfFiscalYear: j.asOfFiscalYear,
    cells: j.cells.map((c) => ({
      schedule: c.schedule,
      lane: c.lane,
      step: c.step,
      ...(c.yearsOfService !== undefined ? { yearsOfService: c.yearsOfService } : {}),
      headcount: new Decimal(c.headcount),
    })),
  };
}

export function censusToJson(c: Census, description?: string): CensusJson {
  return {
    label: c.label,
    ...(description ? { description } : {}),
    asOfFiscalYear: c.asOfFiscalYear,
    cells: c.cells.map((x) => ({
      schedule: x.schedule,
      lane: x.lane,
      step: x.step,
      ...(x.yearsOfService !== undefined ? { yearsOfService: x.yearsOfService } : {}),
      headcount: x.headcount.toString(),
    })),
  };
}
