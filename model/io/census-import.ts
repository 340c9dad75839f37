/**
 * A census from a user's spreadsheet (xlsx, xls or CSV) -> the schedule model's Census. The
 * header row is found wherever it is (titles above it are skipped) and columns are mapped by
 * synonyms (pay plan = schedule, education level = lane, FTE = headcount, ...). Cells are then
 * handed, row for row, to the census model's own validator (model/engine/schedule parseCensusCsv), so
 * there is one definition of a valid census; its errors are translated back to this file's
 * sheet, row and column letter. All or nothing: any error and no census is returned.
 */
import type { Checked, InputError } from "../engine/errors";
import { parseCensusCsv } from "../engine/schedule/census";
import type { Census } from "../engine/schedule/types";
import { csvField } from "./text-escape";
import {
  columnLetter,
  CSV_SHEET,
  DEFAULT_READ_LIMITS,
  findHeader,
  headerKey,
  numberFromText,
  readSheets,
  type ReadLimits,
  type SheetGrid,
} from "./workbook-read";

type Field = "schedule" | "lane" | "step" | "headcount" | "years";

/** Canonical header the census parser knows, per field. */
const CANONICAL: Record<Field, string> = {
  schedule: "schedule",
  lane: "lane",
  step: "step",
  headcount: "headcount",
  years: "years of service",
};
const FIELDS: readonly Field[] = ["schedule", "lane", "step", "headcount", "years"];
const NUMERIC: ReadonlySet<Field> = new Set(["step", "headcount", "years"]);

const SYNONYMS: ReadonlyMap<string, Field> = new Map(
  (
    [
      ["schedule", ["schedule", "salary schedule", "pay schedule", "pay plan", "payplan", "plan", "salary scale", "scale"]],
      ["lane", ["lane", "education level", "education", "degree", "degree lane", "salary lane", "class"]],
      ["step", ["step", "step number", "step no", "salary step"]],
      ["headcount", ["headcount", "head count", "count", "fte", "ftes", "members", "employees", "number of employees", "n"]],
      ["years", ["years of service", "years", "yos", "service", "service years"]],
    ] as [Field, string[]][]
  ).flatMap(([field, names]) => names.map((n): [string, Field] => [headerKey(n), field])),
);

/**
 * The census parser looks schedules up in a plain object, where "constructor" would find
 * Object's own property; such names are rejected here first.
 */
function inheritedName(text: string): boolean {
  return text.toLowerCase().replace(/[\s_\-./()]+/g, "") in Object.prototype;
}

function pickSheet(sheets: SheetGrid[]) {
  for (const grid of sheets) {
    const header = findHeader(grid, SYNONYMS, ["schedule", "lane", "step", "headcount"]);
    if (header) return { grid, header };
  }
  return undefined;
}

export interface CensusImportOptions {
  label?: string;
  asOfFiscalYear?: number;
  limits?: ReadLimits;
}

export function importCensus(bytes: Uint8Array, fileName: string, options: CensusImportOptions = {}): Checked<Census> {
  const read = readSheets(bytes, fileName, options.limits ?? DEFAULT_READ_LIMITS);
  if (!read.ok) return read;
  const picked = pickSheet(read.value);
  if (!picked) {
    return {
      ok: false,
      errors: [
        {
          file: fileName,
          message:
            "no header row naming the columns schedule (or pay plan), lane (or education level), step and headcount (or count/FTE) " +
            "in the first 50 rows of any sheet",
        },
      ],
    };
  }
  const { grid, header } = picked;
  const sheet = grid.name === CSV_SHEET ? undefined : grid.name;
  const at = (row: number, col: number, message: string): InputError => ({
    file: fileName,
    ...(sheet ? { sheet } : {}),
    row,
    column: columnLetter(col),
    message,
  });
  const fields = FIELDS.filter((f) => header.columns.has(f));
  const letterOf = new Map(fields.map((f) => [CANONICAL[f], header.columns.get(f)!]));

  const ownErrors: InputError[] = [];
  const reported = new Set<string>();
  // One CSV line per sheet row, so the parser's row numbers are this sheet's row numbers.
  const lines: string[] = [];
  for (let r = 0; r < grid.rows.length; r++) {
    if (r < header.row) {
      lines.push("");
      continue;
    }
    if (r === header.row) {
      lines.push(fields.map((f) => CANONICAL[f]).join(","));
      continue;
    }
    const row = grid.rows[r]!;
    lines.push(
      fields
        .map((f) => {
          const c = header.columns.get(f)!;
          const cell = row[c];
          if (!cell || cell.text === "") return "";
          if (f === "schedule" && inheritedName(cell.text)) {
            ownErrors.push(at(r + 1, c, `unknown schedule "${cell.text.slice(0, 40)}"`));
            reported.add(`${r + 1}|${CANONICAL[f]}`);
            return "";
          }
          if (!NUMERIC.has(f) || cell.number !== undefined) return csvField(cell.number !== undefined ? String(cell.number) : cell.text);
          const plain = numberFromText(cell.text);
          if (plain === undefined) {
            ownErrors.push(at(r + 1, c, `${CANONICAL[f]} "${cell.text.slice(0, 40)}" is not a number`));
            reported.add(`${r + 1}|${CANONICAL[f]}`);
            return "";
          }
          return plain;
        })
        .join(","),
    );
  }
  const parsed = parseCensusCsv(lines.join("\n"), fileName, {
    ...(options.label ? { label: options.label } : {}),
    ...(options.asOfFiscalYear ? { asOfFiscalYear: options.asOfFiscalYear } : {}),
  });
  const parserErrors = parsed.ok
    ? []
    : parsed.errors
        .filter((e) => !reported.has(`${e.row}|${e.column}`))
        .map((e) => {
          const col = letterOf.get(e.column);
          return col === undefined
            ? { file: fileName, ...(sheet ? { sheet } : {}), row: e.row, column: e.column, message: e.message }
            : at(e.row, col, `${e.message} [column "${grid.rows[header.row]![col]!.text}"]`);
        });
  const errors = [...ownErrors, ...parserErrors].sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  if (errors.length) return { ok: false, errors };
  if (!parsed.ok) return { ok: false, errors: [{ file: fileName, message: "census rejected" }] };
  const census = parsed.value;
  return { ok: true, value: options.label ? census : { ...census, label: fileName } };
}
