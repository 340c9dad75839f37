/**
 * An Inputs sheet (as exportWorkbook writes it, or any sheet with "Path" and "Value" headers)
 * -> a new scenario. Columns are found by header name, rows matched by path; a row whose value
 * equals the base scenario's keeps its source, a changed one becomes a user edit. Every problem
 * is reported with sheet, row and column letter, and nothing is applied unless the whole sheet
 * is valid and the resulting scenario passes checkScenario.
 */
import { Decimal, parseDecimal } from "../engine/index";
import type { Checked, InputError } from "../engine/index";
import { listInputs, setInputValue } from "../engine/index";
import { checkScenario } from "../engine/index";
import type { Scenario } from "../engine/index";
import {
  columnLetter,
  CSV_SHEET,
  DEFAULT_READ_LIMITS,
  findHeader,
  numberFromText,
  readSheets,
  type ReadLimits,
  type SheetCell,
  type SheetGrid,
} from "./workbook-read";

type Field = "path" | "value";
const SYNONYMS: ReadonlyMap<string, Field> = new Map([
  ["path", "path"],
  ["inputpath", "path"],
  ["value", "value"],
]);

function pickSheet(
  sheets: SheetGrid[],
  preferred: string,
): { grid: SheetGrid; header: NonNullable<ReturnType<typeof findHeader<Field>>> } | undefined {
  const ordered = [...sheets.filter((s) => s.name === preferred), ...sheets.filter((s) => s.name !== preferred)];
  for (const grid of ordered) {
    const header = findHeader(grid, SYNONYMS, ["path", "value"], 30);
    if (header) return { grid, header };
  }
  return undefined;
}

/** The cell's value as a decimal string, or why it is not one. */
function cellDecimal(cell: SheetCell): { value: string } | { problem: string } {
  if (cell.number !== undefined) {
    // String(number) is the shortest decimal that reads back as the same double: what the user typed.
    if (!Number.isFinite(cell.number)) return { problem: `${cell.text} is not a finite number` };
    const d = parseDecimal(String(cell.number));
    return d ? { value: d.toString() } : { problem: `${cell.text} is not a number` };
  }
  if (cell.formula !== undefined) return { problem: `the formula =${cell.formula} has no computed number; type the value itself` };
  if (cell.text.trim() === "") return { problem: "the value is empty" };
  const plain = numberFromText(cell.text);
  const d = plain === undefined ? null : parseDecimal(plain);
  if (!d) return { problem: `"${cell.text.slice(0, 60)}" is not a number (write e.g. 0.03 or 105271.50; no formulas, no text)` };
  return { value: d.toString() };
}

export interface AssumptionsImportOptions {
  /** Sheet to read first (default "Inputs"; a comparison workbook's second scenario is on "Inputs 2"). */
  sheet?: string;
  limits?: ReadLimits;
}

export function importAssumptions(
  bytes: Uint8Array,
  fileName: string,
  base: Scenario,
  options: AssumptionsImportOptions = {},
): Checked<Scenario> {
  const read = readSheets(bytes, fileName, options.limits ?? DEFAULT_READ_LIMITS);
  if (!read.ok) return read;
  if (options.sheet !== undefined && !read.value.some((s) => s.name === options.sheet))
    return { ok: false, errors: [{ file: fileName, sheet: options.sheet, message: "no such sheet in the workbook" }] };
  const picked = pickSheet(read.value, options.sheet ?? "Inputs");
  if (!picked)
    return {
      ok: false,
      errors: [
        { file: fileName, message: 'no sheet has a header row with "Path" and "Value" columns (export a workbook to see the layout)' },
      ],
    };
  const { grid, header } = picked;
  const sheet = grid.name === CSV_SHEET ? undefined : grid.name;
  const pathCol = header.columns.get("path")!;
  const valueCol = header.columns.get("value")!;
  const errors: InputError[] = [];
  const where = sheet === undefined ? { file: fileName } : { file: fileName, sheet };
  const err = (row: number, col: number, message: string) => errors.push({ ...where, row: row + 1, column: columnLetter(col), message });

  const known = new Map(listInputs(base).map((e) => [e.path, e]));
  const seen = new Map<string, number>();
  const changes: { path: string; value: string; row: number }[] = [];
  for (let r = header.row + 1; r < grid.rows.length; r++) {
    const row = grid.rows[r]!;
    const path = (row[pathCol]?.text ?? "").trim();
    if (path === "") continue;
    const entry = known.get(path);
    if (!entry) {
      err(r, pathCol, `unknown input path "${path.slice(0, 80)}" (paths are matched exactly; this scenario has no such input)`);
      continue;
    }
    if (seen.has(path)) {
      err(r, pathCol, `input "${path}" appears twice (also row ${seen.get(path)! + 1})`);
      continue;
    }
    seen.set(path, r);
    const parsed = cellDecimal(row[valueCol] ?? { text: "" });
    if ("problem" in parsed) {
      err(r, valueCol, `${entry.param.label}: ${parsed.problem}`);
      continue;
    }
    if (!new Decimal(parsed.value).equals(new Decimal(entry.param.value))) changes.push({ path, value: parsed.value, row: r });
  }
  if (errors.length) return { ok: false, errors };

  let next = base;
  for (const c of changes) next = setInputValue(next, c.path, c.value);
  const rowOf = new Map(changes.map((c) => [c.path, c.row]));
  const invalid = checkScenario(next);
  if (invalid.length) {
    return {
      ok: false,
      errors: invalid.map((e) => {
        // A value's error names the input's ".value"; a check on several inputs at once (fund shares
        // adding up to more than 1) names their parent path: point at the first edited row under it
        // and list the others.
        const field = e.field?.replace(/\.value$/, "");
        const rows = field
          ? rowOf.has(field)
            ? [rowOf.get(field)!]
            : changes.filter((c) => c.path.startsWith(`${field}.`)).map((c) => c.row)
          : [];
        if (rows.length === 0) return { ...where, ...(e.field ? { field: e.field } : {}), message: e.message };
        const others = rows.length > 1 ? ` (edited rows ${rows.map((r) => r + 1).join(", ")})` : "";
        return { ...where, row: rows[0]! + 1, column: columnLetter(valueCol), message: `${e.message}${others}` };
      }),
    };
  }
  return { ok: true, value: next };
}
