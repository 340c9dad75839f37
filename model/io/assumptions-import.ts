/**
 * An Inputs sheet (as exportWorkbook writes it, or any sheet with "Path" and "Value" headers)
 * -> a new scenario, and the truth about it: which inputs it applied (old and new value, row),
 * which cells it ignored and why (a formula edited on the Calculation sheet, a number typed over
 * a Cost Table cell, a count from the calendar typed over), and what the user must confirm first
 * (a workbook exported from another scenario or salary method; values more than 10 times or
 * less than a tenth of their baseline).
 *
 * Columns are found by header name, rows matched by path; a row whose value equals the base
 * scenario's keeps its source, a changed one becomes a user edit. Every problem is reported with
 * sheet, row and column letter, and nothing is applied unless the whole sheet is valid and the
 * resulting scenario passes checkScenario. Refused outright: a Value cell whose formula links to
 * another file or fetches data (WEBSERVICE, IMPORTDATA, RTD, DDE, ...), numbers written with
 * a decimal comma ("0,025") or a lone group that reads either way ("22,270"), and a row with a value
 * to the right of the header's last column ("12,500" unquoted in a CSV, which is 12 and 500).
 *
 * Ignored cells are found by exporting the scenario as imported and comparing the workbook's
 * formula sheets with it cell by cell: a workbook from this program has exactly those formulas.
 */
import {
  Decimal,
  describeUnit,
  evaluateFormula,
  groupMembers,
  isFormula,
  listWords,
  parseDecimal,
  parseInputNumber,
} from "../engine/index";
import { beyondHeaderMessage, firstBeyondHeader, lastHeaderColumn } from "../engine/index";
import type { Unit } from "../engine/index";
import type { Checked, ComputeOptions, InputEntry, InputError } from "../engine/index";
import { listInputs, listSettings, setInputValue } from "../engine/index";
import { checkScenario } from "../engine/index";
import type { Scenario } from "../engine/index";
import {
  CALENDAR_PREFIX,
  EXPORTED_FROM,
  INPUT_HEADERS,
  LABEL_COLUMN,
  PATH_COLUMN,
  SALARY_METHOD,
  SETTING_PREFIX,
  VALUE_COLUMN,
} from "./inputs-sheet";
import {
  columnLetter,
  CSV_SHEET,
  DEFAULT_READ_LIMITS,
  detectFormat,
  findHeader,
  gridsOfWorkbook,
  headerKey,
  numberFromText,
  readSheets,
  type ReadLimits,
  type SheetCell,
  type SheetGrid,
} from "./workbook-read";
import { buildWorkbook } from "./xlsx-export";

type Field = "path" | "value";
const SYNONYMS: ReadonlyMap<string, Field> = new Map([
  ["path", "path"],
  ["inputpath", "path"],
  ["value", "value"],
]);

export interface AssumptionsImportOptions {
  /**
   * The sheet to read, hidden or not: its exact name, else a name differing only in case that one
   * sheet has (namedSheet). Default: the one visible sheet with Path and Value columns, or a
   * comparison workbook's Inputs sheet of `base` (pickSheet). Either way any other such sheet is
   * listed as ignored. Refused for a CSV file, which has no sheets.
   */
  sheet?: string;
  /**
   * How the user names the sheet to read, where the caller has a way (the CLI's
   * "--assumptions-sheet NAME"): the refusal of several sheets then says to, listing their names.
   */
  chooseWith?: string;
  limits?: ReadLimits;
  /** The census the workbook was exported with, when not the scenario's own (the app's imported census). */
  computeOptions?: ComputeOptions;
  /** Questions already answered: apply a workbook from another scenario or method; apply values far from their baseline. */
  accept?: { otherScenario?: boolean; outliers?: boolean };
}

export interface AppliedInput {
  path: string;
  label: string;
  from: string;
  to: string;
  /** 1-based row on the sheet. */
  row: number;
  /** The formula whose computed number was taken, when the cell held one. */
  formula?: string;
  /** The number the file holds, when reading it as Excel shows it (15 significant digits) changed it. */
  stored?: string;
}

export interface IgnoredCell {
  sheet: string;
  cell: string;
  reason: string;
}

export interface Outlier {
  path: string;
  label: string;
  baseline: string;
  value: string;
  row: number;
  message: string;
}

export interface AssumptionsImport {
  /** The base scenario with every applied input: use it only once `needsConfirmation` is false. */
  scenario: Scenario;
  applied: AppliedInput[];
  ignored: IgnoredCell[];
  /** Rows whose value equals the scenario's. */
  unchanged: number;
  /** What could not be checked, in words (e.g. the formulas of a workbook from another scenario). */
  notes: string[];
  /** Questions for the user; each is gone when `accept` answered it. */
  confirm: { otherScenario?: { message: string }; outliers: Outlier[] };
}

/** Whether the user must answer a question before the imported scenario is used. */
export const needsConfirmation = (r: AssumptionsImport): boolean => r.confirm.otherScenario !== undefined || r.confirm.outliers.length > 0;

/** " (from =4.35*1000000)", and what the file held when the value is not its number as stored. */
function howRead(a: AppliedInput): string {
  const stored = a.stored !== undefined ? `the file holds ${a.stored}, read to ${EXCEL_DIGITS} significant digits as Excel shows it` : "";
  if (a.formula !== undefined) return ` (from =${a.formula}${stored ? `; ${stored}` : ""})`;
  return stored ? ` (${stored})` : "";
}

/** The summary in lines of text: applied, ignored, questions. */
export function importSummary(r: AssumptionsImport): string[] {
  const lines = [
    ...r.applied.map((a) => `applied: ${a.label} ${a.from} -> ${a.to}${howRead(a)} (row ${a.row})`),
    ...(r.applied.length === 0 ? ["applied: nothing (every value equals the scenario's)"] : []),
    ...r.ignored.map((i) => `ignored: ${i.reason}`),
    ...r.notes.map((n) => `note: ${n}`),
    ...(r.confirm.otherScenario ? [`confirm: ${r.confirm.otherScenario.message}`] : []),
    ...r.confirm.outliers.map((o) => `confirm: ${o.message}`),
  ];
  return lines;
}

type Header = NonNullable<ReturnType<typeof findHeader<Field>>>;
interface Candidate {
  grid: SheetGrid;
  header: Header;
  /** Row 3 of an exported Inputs sheet: the scenario it was exported from. */
  id?: string;
  /** Row 1 of an exported Inputs sheet: "Inputs: <scenario name>". */
  title: string;
}

const quoted = (sheets: SheetGrid[]) => listWords(sheets.map((g) => `"${g.name}"`));

/**
 * The sheet a user named: the one of that exact name, else the one sheet whose name differs from
 * it only in case (Excel holds "Inputs" and "INPUTS" to be one name, so a workbook rarely has
 * both). A name no sheet has is refused listing the workbook's sheets (at most 50), a hidden one
 * marked so.
 */
function namedSheet(sheets: SheetGrid[], name: string): string | { problem: string } {
  if (sheets.some((g) => g.name === name)) return name;
  const lower = name.toLowerCase();
  const alike = sheets.filter((g) => g.name.toLowerCase() === lower);
  if (alike.length === 1) return alike[0]!.name;
  if (alike.length > 1)
    return { problem: `no sheet is named exactly that, and sheets ${quoted(alike)} differ from it only in case: give the name exactly` };
  const names = sheets.slice(0, 50).map((g) => `"${g.name}"${g.hidden ? " (hidden)" : ""}`);
  const more = sheets.length > 50 ? [`${sheets.length - 50} more`] : [];
  return {
    problem: `no such sheet in the workbook; its ${sheets.length === 1 ? "sheet is" : "sheets are"} ${listWords([...names, ...more])}`,
  };
}

/**
 * What a sheet named to be read lacks to be an inputs sheet, at the header cell it has: a "Path"
 * column with no "Value" column in its row, or the reverse; or neither in the first 30 rows (the
 * rows findHeader scans), naming the sheets that have both.
 */
function notAnInputsSheet(grid: SheetGrid, candidates: Candidate[]): { row?: number; column?: string; message: string } {
  for (let r = 0; r < Math.min(grid.rows.length, 30); r++) {
    const fields = new Map<Field, number>();
    (grid.rows[r] ?? []).forEach((cell, c) => {
      const field = SYNONYMS.get(headerKey(cell.text));
      if (field !== undefined && !fields.has(field)) fields.set(field, c);
    });
    const path = fields.get("path");
    const value = fields.get("value");
    if (path !== undefined)
      return {
        row: r + 1,
        column: columnLetter(path),
        message: 'has a "Path" column but no "Value" column in that row: the values are read from the column headed "Value"',
      };
    if (value !== undefined)
      return {
        row: r + 1,
        column: columnLetter(value),
        message: 'has a "Value" column but no "Path" column in that row: each value is matched to its input by the column headed "Path"',
      };
  }
  const one = candidates.length === 1;
  const others =
    candidates.length === 0 ? "" : ` (${one ? "sheet" : "sheets"} ${quoted(candidates.map((c) => c.grid))} ${one ? "has" : "have"} them)`;
  return { message: `has no header row with "Path" and "Value" columns in its first 30 rows: it is not an inputs sheet${others}` };
}

/**
 * The sheet to read, and every other sheet with Path and Value columns named as not read. A
 * visible sheet comes before a hidden one (often an old copy kept aside). Several visible ones are
 * never settled by order, which would drop the others' values without a word: a comparison
 * workbook's Inputs sheets each name their scenario, so the one of the scenario imported into is
 * read (by id, else by name); any other mix is refused, naming the sheets.
 */
function pickSheet(
  sheets: SheetGrid[],
  base: Scenario,
  fileName: string,
  preferred: string | undefined,
  chooseWith: string | undefined,
): Checked<{ grid: SheetGrid; header: Header; ignored: IgnoredCell[]; notes: string[] }> {
  const candidates: Candidate[] = sheets.flatMap((grid) => {
    const header = findHeader(grid, SYNONYMS, ["path", "value"], 30);
    if (!header) return [];
    const { id } = exportedFrom(grid, header.row);
    return [{ grid, header, ...(id !== undefined ? { id } : {}), title: (grid.rows[0]?.[0]?.text ?? "").trim() }];
  });
  const at = (c: Candidate) => a1(c.header.row, c.header.columns.get("path")!);
  const notRead = (chosen: Candidate, why: (c: Candidate) => string) =>
    candidates.filter((c) => c !== chosen).map((c) => ({ sheet: c.grid.name, cell: at(c), reason: why(c) }));
  const found = (chosen: Candidate, why: (c: Candidate) => string): ReturnType<typeof pickSheet> => ({
    ok: true,
    value: {
      grid: chosen.grid,
      header: chosen.header,
      ignored: notRead(chosen, why),
      notes: chosen.grid.hidden
        ? [`sheet "${chosen.grid.name}" is hidden in the workbook; its values were read (unhide it to check it is the one meant)`]
        : [],
    },
  });
  const hiddenOr = (c: Candidate) => (c.grid.hidden ? ", hidden in the workbook," : "");

  if (preferred !== undefined) {
    const chosen = candidates.find((c) => c.grid.name === preferred);
    if (!chosen) {
      const grid = sheets.find((g) => g.name === preferred)!;
      return { ok: false, errors: [{ file: fileName, sheet: preferred, ...notAnInputsSheet(grid, candidates) }] };
    }
    return found(
      chosen,
      (c) =>
        `sheet "${c.grid.name}"${hiddenOr(c)} also has Path and Value columns; not read: only sheet "${preferred}", the one asked for, was`,
    );
  }
  const visible = candidates.filter((c) => !c.grid.hidden);
  const pool = visible.length > 0 ? visible : candidates;
  if (pool.length === 0)
    return {
      ok: false,
      errors: [
        { file: fileName, message: 'no sheet has a header row with "Path" and "Value" columns (export a workbook to see the layout)' },
      ],
    };
  const readWhy = (chosen: Candidate, which: string) => (c: Candidate) => {
    const only = `not read: only sheet "${chosen.grid.name}"`;
    if (c.grid.hidden && !chosen.grid.hidden)
      return `sheet "${c.grid.name}", hidden in the workbook, also has Path and Value columns; ${only}, the visible one, was`;
    const name = c.title.startsWith("Inputs: ") ? ` (${c.title.slice("Inputs: ".length)})` : "";
    return `sheet "${c.grid.name}"${hiddenOr(c)} holds the inputs of scenario "${c.id}"${name}; ${only}, ${which}, was`;
  };
  if (pool.length === 1) return found(pool[0]!, readWhy(pool[0]!, "the visible one"));

  const second = pool[1]!;
  const all = pool.length === 2 ? "both" : "all";
  // The caller's way to name one ("--assumptions-sheet NAME"), first: the one fix that leaves the file as it is.
  const names = pool.map((c) => `"${c.grid.name}"`);
  const pickOne = chooseWith === undefined ? "" : `pick one with ${chooseWith} (${listWords(names, "or")}), `;
  const refuse = (message: string): ReturnType<typeof pickSheet> => ({
    ok: false,
    errors: [
      {
        file: fileName,
        sheet: second.grid.name,
        row: second.header.row + 1,
        column: columnLetter(second.header.columns.get("path")!),
        message,
      },
    ],
  });
  if (pool.every((c) => c.id !== undefined)) {
    const byId = pool.filter((c) => c.id === base.id);
    const mine = byId.length > 0 ? byId : pool.filter((c) => c.title === `Inputs: ${base.name}`);
    if (mine.length === 1) return found(mine[0]!, readWhy(mine[0]!, "this scenario's"));
    const sheetsOf = listWords(pool.map((c) => `"${c.grid.name}" (scenario "${c.id}")`));
    return refuse(
      `sheets ${sheetsOf} ${all} have inputs to apply, and ${mine.length === 0 ? "none" : "more than one"} is from scenario ` +
        `"${base.id}" (${base.name}): which to apply cannot be known; ${pickOne}import into the scenario it was exported from, ` +
        "or hide or delete the other Inputs sheets",
    );
  }
  return refuse(
    `sheets ${quoted(pool.map((c) => c.grid))} ${all} have Path and Value columns: which to apply cannot be known; ` +
      `${pickOne}put the rows on one sheet, or hide or delete the others (a hidden sheet is not read when a visible one is)`,
  );
}

/** Functions that reach outside the workbook when they calculate. */
const FETCHING = new RegExp(
  `\\b(${["WEBSERVICE", "FILTERXML", "RTD", "DDE", "IMPORTDATA", "IMPORTXML", "IMPORTHTML", "IMPORTFEED", "IMPORTRANGE"]
    .concat(["IMAGE", "STOCKHISTORY", "CALL", "REGISTER\\.ID", "SQL\\.REQUEST"])
    .join("|")})\\s*\\(`,
  "i",
);

/** Why a formula in a value cell is refused, or undefined. */
function formulaProblem(formula: string): string | undefined {
  const outsideStrings = formula.replace(/"[^"]*"/g, '""');
  // [1]Sheet!A1 (an external link by number) or 'C:\\dir\\[book.xlsx]Sheet'!A1 (by path); Table[Column] is not one.
  if (/(^|[^A-Za-z0-9_\]])\[\d+\]/.test(outsideStrings) || /'[^']*\[[^\]']+\][^']*'!/.test(outsideStrings))
    return `the formula =${formula.slice(0, 80)} links to another file`;
  if (outsideStrings.includes("|")) return `the formula =${formula.slice(0, 80)} links to another program (DDE)`;
  if (FETCHING.test(outsideStrings)) return `the formula =${formula.slice(0, 80)} fetches data`;
  return undefined;
}

/** A number typed with a comma that reads two ways ("22,270") or as a decimal comma ("0,025"), with the hint. */
function commaProblem(text: string): string | undefined {
  const t = text.trim();
  const lone = /^([-+]?)(\d{1,3}),(\d{3})$/.exec(t);
  if (lone && lone[2] !== "0") {
    const whole = `${lone[1]}${lone[2]}${lone[3]}`;
    const decimal = `${lone[1]}${lone[2]}.${lone[3]!.replace(/0+$/, "")}`;
    return `"${t}" is ambiguous: ${whole} with a thousands separator, or ${decimal} with a decimal comma; type ${whole} or ${decimal}`;
  }
  const decimal = /^([-+]?\d+),(\d+)$/.exec(t);
  if (decimal) return `"${t}" has a decimal comma; type ${decimal[1]}.${decimal[2]}`;
  return undefined;
}

/**
 * Excel shows a number, and computes with it, to 15 significant digits; a double's 16th and 17th
 * are binary noise (0.1 x 0.2 is 0.020000000000000004, =4.35*1000000 may be cached as
 * 4349999.999999999), which a whole-dollar truncation would turn into a dollar less.
 */
const EXCEL_DIGITS = 15;

/** A stored double as Excel shows it, and the stored digits when they differ from it. */
function asExcelShows(n: number): { value: string; stored?: string } | undefined {
  const exact = parseDecimal(String(n));
  const shown = parseDecimal(n.toPrecision(EXCEL_DIGITS));
  if (!exact || !shown) return undefined;
  const value = (shown.isZero() ? new Decimal(0) : shown).toString();
  return shown.equals(exact) ? { value } : { value, stored: exact.toString() };
}

/** Numbers, + - * / % and parentheses only: what formula-input.ts evaluates exactly. A name, a reference or a function is not. */
const LITERAL = /(\d+\.?\d*|\.\d+)(e[-+]?\d+)?/gi;
const onlyLiterals = (formula: string) => /^[\s+\-*/()%]*$/.test(formula.replace(LITERAL, ""));

/**
 * The cell's value as a decimal string, or why it is not one. A number cell is its number as Excel
 * shows it; text is read as the app reads a typed value for an input of this unit ("3.00%",
 * "$596,350,000", "(1,200)", "=3%+0.5%"), which is what Excel writes when it saves a formatted sheet
 * as CSV, except that a comma reading two ways stays refused: a file may come from a decimal-comma
 * locale. A formula on literals alone (=4.35*1000000) is computed exactly, as if typed into the
 * app, rather than taken at the double its program cached; a formula over other cells can only
 * give that cached double, read as Excel shows it.
 */
function cellDecimal(cell: SheetCell, unit: Unit): { value: string; formula?: string; stored?: string } | { problem: string } {
  if (cell.formula !== undefined) {
    const refused = formulaProblem(cell.formula);
    if (refused) return { problem: `${refused}; type the value itself` };
    if (onlyLiterals(cell.formula)) {
      const r = evaluateFormula(`=${cell.formula}`);
      return r.ok ? { value: r.value, formula: cell.formula } : { problem: `the formula =${cell.formula.slice(0, 80)}: ${r.message}` };
    }
  }
  const formula = cell.formula !== undefined ? { formula: cell.formula } : {};
  if (cell.number !== undefined) {
    if (!Number.isFinite(cell.number)) return { problem: `${cell.text} is not a finite number` };
    const d = asExcelShows(cell.number);
    return d ? { ...d, ...formula } : { problem: `${cell.text} is not a number` };
  }
  if (cell.formula !== undefined) return { problem: `the formula =${cell.formula} has no computed number; type the value itself` };
  const text = cell.text.trim();
  if (text === "") return { problem: "the value is empty" };
  const comma = commaProblem(text);
  if (comma) return { problem: comma };
  const plain = numberFromText(text);
  const d = plain === undefined ? null : parseDecimal(plain);
  if (d) return { value: d.toString() };
  const shown = text.slice(0, 60);
  if (isFormula(text)) {
    const refused = formulaProblem(text.slice(1));
    if (refused) return { problem: `${refused}; type the value itself` };
    const r = evaluateFormula(text);
    return r.ok ? { value: r.value, formula: text.replace(/^\s*=\s*/, "") } : { problem: `"${shown}": ${r.message}` };
  }
  const typed = parseInputNumber(text, unit);
  if (typed.ok) return { value: typed.value };
  const unitWords = describeUnit(unit);
  const message = typed.message.replace(/\.$/, "");
  return { problem: message.includes(unitWords) ? message : `${message}; this input is ${unitWords}` };
}

/** "Exported from scenario" and "Salary method" above the header, when the sheet has them. */
function exportedFrom(grid: SheetGrid, headerRow: number): { id?: string; method?: string } {
  const out: { id?: string; method?: string } = {};
  for (let r = 0; r < headerRow; r++) {
    const row = grid.rows[r] ?? [];
    row.forEach((cell, c) => {
      const next = row[c + 1]?.text.trim();
      if (cell.text.trim() === EXPORTED_FROM && next) out.id = next;
      if (cell.text.trim() === SALARY_METHOD && next) out.method = next;
    });
  }
  return out;
}

const KINDS = ["Cost Table", "Calculation", "Projection", "Census"] as const;
type SheetKind = (typeof KINDS)[number];
const kindOf = (name: string): SheetKind | undefined => KINDS.find((k) => name === k || name.startsWith(`${k} - `));

const normalizeFormula = (f: string) =>
  f
    .replace(/_xlfn\./gi, "")
    .replace(/\$/g, "")
    .replace(/\s+/g, "")
    .toUpperCase();
const sameNumber = (a: number, b: number) => a === b || Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
const isNumeric = (c: SheetCell | undefined) => c !== undefined && (c.number !== undefined || c.formula !== undefined);
const a1 = (r: number, c: number) => `${columnLetter(c)}${r + 1}`;

/**
 * The cells of the workbook's formula sheets that differ from what this program writes for the
 * imported scenario: each is ignored, with its reason. Census placements and headcounts are read
 * by the census import, schedules are the contract's: those are named as such.
 */
function ignoredCells(file: SheetGrid[], expected: SheetGrid[], exported: () => SheetGrid[], notes: string[]): IgnoredCell[] {
  const out: IgnoredCell[] = [];
  const single = (sheets: SheetGrid[], kind: SheetKind) => {
    const all = sheets.filter((s) => kindOf(s.name) === kind);
    return all.length === 1 ? all[0] : undefined;
  };
  const same = (got: SheetCell | undefined, want: SheetCell | undefined) =>
    got?.formula === undefined && got?.number !== undefined && want?.number !== undefined && sameNumber(got.number, want.number);
  for (const kind of KINDS) {
    const mine = single(expected, kind);
    const theirs = single(file, kind);
    if (!mine) continue;
    if (!theirs) {
      if (file.some((s) => kindOf(s.name) === kind)) notes.push(`the ${kind} sheets were not compared (the workbook has more than one)`);
      continue;
    }
    const rows = Math.max(mine.rows.length, theirs.rows.length);
    for (let r = 0; r < rows; r++) {
      const width = Math.max(mine.rows[r]?.length ?? 0, theirs.rows[r]?.length ?? 0);
      for (let c = 0; c < width; c++) {
        const want = mine.rows[r]?.[c];
        const got = theirs.rows[r]?.[c];
        const at = `${kind} ${a1(r, c)}`;
        const ignore = (reason: string) => out.push({ sheet: theirs.name, cell: a1(r, c), reason });
        if (kind === "Census" && c <= 4 && r >= 3) {
          if ((want?.text ?? "") !== (got?.text ?? "")) ignore(`${at}: the census is read by Import census, not by this import`);
          continue;
        }
        if (want?.formula !== undefined) {
          if (got?.formula !== undefined) {
            if (normalizeFormula(got.formula) !== normalizeFormula(want.formula))
              ignore(`${at}: the formula was edited (=${got.formula.slice(0, 80)}); ignored: formulas are rebuilt from the inputs`);
          } else if (got?.number !== undefined || (got?.text ?? "") !== "") ignore(`${at} is computed; change the inputs instead`);
          else ignore(`${at} is computed and was cleared; ignored: formulas are rebuilt from the inputs`);
        } else if (want?.number !== undefined) {
          // The file holds what the app wrote when it exported the scenario before these edits (an
          // annualized cost at the old headcount): nobody typed it, so there is nothing to report.
          if (!same(got, want) && !same(got, single(exported(), kind)?.rows[r]?.[c]))
            ignore(`${at} is a value from the app's costing; ignored: it is recomputed on export`);
        } else if (isNumeric(got)) ignore(`${at} is outside the exported table; ignored`);
      }
    }
  }
  return out;
}

function schedulesChanged(file: SheetGrid[], expected: SheetGrid[]): IgnoredCell[] {
  const out: IgnoredCell[] = [];
  for (const mine of expected.filter((s) => s.name.startsWith("Schedules "))) {
    const theirs = file.find((s) => s.name === mine.name);
    if (!theirs) continue;
    mine.rows.forEach((row, r) =>
      row.forEach((want, c) => {
        const got = theirs.rows[r]?.[c];
        if (want.number !== undefined && (got?.number === undefined || !sameNumber(got.number, want.number)))
          out.push({
            sheet: theirs.name,
            cell: a1(r, c),
            reason: `${theirs.name} ${a1(r, c)}: the salary schedules are the contract's; the app does not read them from a workbook`,
          });
      }),
    );
  }
  return out;
}

/**
 * A setting on the Inputs sheet (where replacements enter, the step date) typed over: it sets the
 * Projection sheet's layout rather than flowing through a formula, so the import leaves it and
 * says so. An unchanged one is no edit.
 */
/** The members of all the scenario's groups, where every group states them (positions and payrolls alone do not). */
function scenarioMembers(s: Scenario): Decimal | undefined {
  const counts = s.groups.map((g) => groupMembers(g)?.exact);
  return counts.length > 0 && counts.every((c) => c !== undefined) ? counts.reduce((a, b) => a!.plus(b!), new Decimal(0)) : undefined;
}

/**
 * Why a value wants a second look before it is applied, or undefined: far from its baseline (more
 * than 10 times, less than a tenth), a rate of 100% or more (1 typed for 1%), or more members
 * enrolled in a benefit than the scenario has. A baseline of 0 has no ratio, so the last two are
 * what catch a slip there (0 -> 1 was a 100% raise, 0 -> 1e9 family enrolments, applied unasked).
 */
function implausibility(entry: InputEntry, value: Decimal, members: Decimal | undefined): string | undefined {
  const baseline = new Decimal(entry.param.value);
  if (!baseline.isZero()) {
    const ratio = value.div(baseline);
    if (ratio.greaterThan(10)) return `is more than 10 times its baseline ${entry.param.value}`;
    if (ratio.lessThan("0.1")) return `is less than a tenth of its baseline ${entry.param.value}`;
  }
  if (entry.unit === "rate" && value.abs().greaterThanOrEqualTo(1) && baseline.abs().lessThan(1))
    return `is ${value.times(100).toFixed()}%, from ${baseline.times(100).toFixed()}% (write 1% as 0.01)`;
  if (entry.unit === "members" && !entry.path.startsWith("groups.") && members && value.greaterThan(members))
    return `is more than the ${members.toFixed()} members of the scenario's groups`;
  return undefined;
}

function settingTypedOver(base: Scenario, path: string, cell: SheetCell | undefined): { column: "path" | "value"; reason: string } | null {
  const setting = listSettings(base).find((e) => e.path === path);
  if (!setting) return { column: "path", reason: `${path.slice(0, 80)} is not a setting of ${base.name}; ignored` };
  const typed = (cell?.text ?? "").trim();
  if (typed === setting.value) return null;
  return {
    column: "value",
    reason:
      `${setting.label} is a setting (${setting.value} in ${base.name}); ${typed || "nothing"} was typed and is ignored: ` +
      "it sets the Projection sheet's layout, so change it in the app",
  };
}

/** Counts from the calendar on the Inputs sheet that differ from the scenario's own: each is ignored. */
function calendarTypedOver(
  expected: SheetGrid[],
  rows: { key: string; row: number; cell: SheetCell | undefined }[],
  sheet: string,
  cols: { path: number; value: number },
): IgnoredCell[] {
  const mine = expected.find((s) => s.name.startsWith("Inputs"));
  const counts = new Map<string, { label: string; value: number }>();
  for (const row of mine?.rows ?? []) {
    const path = row[PATH_COLUMN]?.text ?? "";
    if (path.startsWith(CALENDAR_PREFIX))
      counts.set(path.slice(CALENDAR_PREFIX.length), {
        label: row[LABEL_COLUMN]?.text ?? path,
        value: row[VALUE_COLUMN]?.number ?? Number.NaN,
      });
  }
  const out: IgnoredCell[] = [];
  for (const c of rows) {
    const want = counts.get(c.key);
    if (!want) out.push({ sheet, cell: a1(c.row, cols.path), reason: `${c.key} is not a count of this scenario's calendar; ignored` });
    else if (c.cell?.number !== want.value)
      out.push({
        sheet,
        cell: a1(c.row, cols.value),
        reason:
          `${want.label} is counted from the calendar (${want.value}); ${c.cell?.text || "nothing"} was typed and is ignored: ` +
          "change the scenario's calendar in the app",
      });
  }
  return out;
}

/** The field a header gives: a synonym, or a header beginning "Value" ("Value (new)", "Value 2026"). */
function headerField(text: string): Field | undefined {
  const key = headerKey(text);
  return SYNONYMS.get(key) ?? (key.startsWith("value") ? "value" : undefined);
}

/**
 * Two columns that could give one field ("Value" twice, "Value (new)" beside "Value"): which one
 * holds the values to apply cannot be known, and taking the first would drop the other's without
 * a word. [field, its columns] for each such field.
 */
function ambiguousColumns(header: readonly SheetCell[]): [Field, number[]][] {
  const out: [Field, number[]][] = [];
  for (const field of ["path", "value"] as const) {
    const cols = header.flatMap((cell, c) => (headerField(cell.text) === field ? [c] : []));
    if (cols.length > 1) out.push([field, cols]);
  }
  return out;
}

/**
 * The header's columns other than Path and Value, as one ignored entry, so a column of new values
 * under another name is seen to be unread. An exported Inputs sheet's own columns (Label, Unit,
 * Stated value, ...) are left out: they describe the input and are never read back.
 */
function unreadColumns(grid: SheetGrid, headerRow: number, used: number[], exported: boolean): IgnoredCell[] {
  const own = new Set(exported ? INPUT_HEADERS.map(headerKey) : []);
  const unread = (grid.rows[headerRow] ?? []).flatMap((cell, c) => {
    const text = cell.text.trim();
    return text !== "" && !used.includes(c) && !own.has(headerKey(text)) ? [{ c, text: text.slice(0, 40) }] : [];
  });
  if (unread.length === 0) return [];
  const names = unread.slice(0, 12).map((u) => `${columnLetter(u.c)} "${u.text}"`);
  const more = unread.length > 12 ? ` and ${unread.length - 12} more` : "";
  return [
    {
      sheet: grid.name,
      cell: a1(headerRow, unread[0]!.c),
      reason:
        unread.length === 1
          ? `column ${names[0]} is not read (only Path and Value are); ignored`
          : `columns ${names.join(", ")}${more} are not read (only Path and Value are); ignored`,
    },
  ];
}

export function importAssumptions(
  bytes: Uint8Array,
  fileName: string,
  base: Scenario,
  options: AssumptionsImportOptions = {},
): Checked<AssumptionsImport> {
  const read = readSheets(bytes, fileName, options.limits ?? DEFAULT_READ_LIMITS);
  if (!read.ok) return read;
  let named: string | undefined;
  if (options.sheet !== undefined) {
    if (detectFormat(bytes) === "csv")
      return {
        ok: false,
        errors: [{ file: fileName, message: `is a CSV file, which has no sheets: sheet "${options.sheet}" cannot be read from it` }],
      };
    const found = namedSheet(read.value, options.sheet);
    if (typeof found !== "string") return { ok: false, errors: [{ file: fileName, sheet: options.sheet, message: found.problem }] };
    named = found;
  }
  const picked = pickSheet(read.value, base, fileName, named, options.chooseWith);
  if (!picked.ok) return picked;
  const { grid, header } = picked.value;
  const sheet = grid.name === CSV_SHEET ? undefined : grid.name;
  const pathCol = header.columns.get("path")!;
  const valueCol = header.columns.get("value")!;
  const errors: InputError[] = [];
  const where = sheet === undefined ? { file: fileName } : { file: fileName, sheet };
  const err = (row: number, col: number, message: string) => errors.push({ ...where, row: row + 1, column: columnLetter(col), message });

  const headerRow = grid.rows[header.row]!;
  const headerText = (c: number) => (headerRow[c]?.text ?? "").trim().slice(0, 40);
  for (const [field, cols] of ambiguousColumns(headerRow))
    err(
      header.row,
      cols[1]!,
      `columns ${listWords(cols.map((c) => `${columnLetter(c)} ("${headerText(c)}")`))} both give the ${field}; keep one`,
    );
  if (errors.length) return { ok: false, errors };

  const from = exportedFrom(grid, header.row);
  const otherScenario =
    (from.id !== undefined && from.id !== base.id) || (from.method !== undefined && from.method !== base.settings.salaryMethod)
      ? {
          message:
            from.id !== base.id
              ? `"${fileName}" was exported from scenario "${from.id}", not from "${base.id}" (${base.name}): its values would be ` +
                "applied to the inputs of the same path; everything else (months, bonus base, lines) stays this scenario's"
              : `"${fileName}" was exported with salary method "${from.method}", not "${base.settings.salaryMethod}" as ${base.name} ` +
                "is costed: its values would be applied, but its raise, step and turnover rows were costed another way",
        }
      : undefined;
  const notes: string[] = [...picked.value.notes];
  if (from.id === undefined && sheet !== undefined)
    notes.push("the workbook does not say which scenario it was exported from; its values were matched by path");

  const known = new Map(listInputs(base).map((e) => [e.path, e]));
  const seen = new Map<string, number>();
  const changes: { entry: InputEntry; value: string; row: number; formula?: string; stored?: string }[] = [];
  const ignored: IgnoredCell[] = [...picked.value.ignored, ...unreadColumns(grid, header.row, [pathCol, valueCol], from.id !== undefined)];
  const calendarRows: { key: string; row: number; cell: SheetCell | undefined }[] = [];
  let unchanged = 0;
  const lastHeader = lastHeaderColumn(grid.rows[header.row]!);
  for (let r = header.row + 1; r < grid.rows.length; r++) {
    const row = grid.rows[r]!;
    const beyond = firstBeyondHeader(row, lastHeader);
    if (beyond !== undefined) {
      err(
        r,
        beyond,
        beyondHeaderMessage({
          value: row[beyond]!.text,
          column: columnLetter(beyond),
          lastColumn: columnLetter(lastHeader),
          lastHeader: grid.rows[header.row]![lastHeader]!.text,
          csv: sheet === undefined,
        }),
      );
      continue;
    }
    const path = (row[pathCol]?.text ?? "").trim();
    if (path === "") continue;
    if (path.startsWith(CALENDAR_PREFIX)) {
      calendarRows.push({ key: path.slice(CALENDAR_PREFIX.length), row: r, cell: row[valueCol] });
      continue;
    }
    if (path.startsWith(SETTING_PREFIX)) {
      const changed = settingTypedOver(base, path.slice(SETTING_PREFIX.length), row[valueCol]);
      if (changed) ignored.push({ sheet: grid.name, cell: a1(r, changed.column === "path" ? pathCol : valueCol), reason: changed.reason });
      continue;
    }
    const entry = known.get(path);
    if (!entry) {
      if (otherScenario)
        ignored.push({
          sheet: grid.name,
          cell: a1(r, pathCol),
          reason: `${path.slice(0, 80)} is not an input of ${base.name}; ignored`,
        });
      else err(r, pathCol, `unknown input path "${path.slice(0, 80)}" (paths are matched exactly; this scenario has no such input)`);
      continue;
    }
    if (seen.has(path)) {
      err(r, pathCol, `input "${path}" appears twice (also row ${seen.get(path)! + 1})`);
      continue;
    }
    seen.set(path, r);
    const parsed = cellDecimal(row[valueCol] ?? { text: "" }, entry.unit);
    if ("problem" in parsed) {
      err(r, valueCol, `${entry.param.label}: ${parsed.problem}`);
      continue;
    }
    if (new Decimal(parsed.value).equals(new Decimal(entry.param.value))) unchanged++;
    else
      changes.push({
        entry,
        value: parsed.value,
        row: r,
        ...(parsed.formula !== undefined ? { formula: parsed.formula } : {}),
        ...(parsed.stored !== undefined ? { stored: parsed.stored } : {}),
      });
  }
  if (errors.length) return { ok: false, errors };

  let next = base;
  for (const c of changes) next = setInputValue(next, c.entry.path, c.value);
  const rowOf = new Map(changes.map((c) => [c.entry.path, c.row]));
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
            : changes.filter((c) => c.entry.path.startsWith(`${field}.`)).map((c) => c.row)
          : [];
        if (rows.length === 0) return { ...where, ...(e.field ? { field: e.field } : {}), message: e.message };
        const others = rows.length > 1 ? ` (edited rows ${rows.map((r) => r + 1).join(", ")})` : "";
        return { ...where, row: rows[0]! + 1, column: columnLetter(valueCol), message: `${e.message}${others}` };
      }),
    };
  }

  // What this program writes for the imported scenario, to find what the workbook changed elsewhere.
  if (sheet !== undefined) {
    const inputsSheets = read.value.filter((s) => s.name === "Inputs" || s.name.startsWith("Inputs - ")).length;
    if (otherScenario) notes.push("the formula sheets were not compared: they are another scenario's");
    else if (inputsSheets > 1) notes.push("the formula sheets of a comparison workbook are not compared");
    else {
      const write = (s: Scenario) =>
        gridsOfWorkbook(
          buildWorkbook([s], { cachedValues: "none", ...(options.computeOptions ? { computeOptions: options.computeOptions } : {}) }).wb,
        );
      const expected = write(next);
      // The workbook as exported, before its edits: built only when a value cell differs from the one expected.
      let before: SheetGrid[] | undefined;
      const exported = () => (before ??= next === base ? expected : write(base));
      ignored.push(
        ...ignoredCells(read.value, expected, exported, notes),
        ...schedulesChanged(read.value, expected),
        ...calendarTypedOver(expected, calendarRows, grid.name, { path: pathCol, value: valueCol }),
      );
    }
  }

  const outliers: Outlier[] = [];
  const members = scenarioMembers(base);
  for (const c of changes) {
    const why = implausibility(c.entry, new Decimal(c.value), members);
    if (why)
      outliers.push({
        path: c.entry.path,
        label: c.entry.param.label,
        baseline: c.entry.param.value,
        value: c.value,
        row: c.row + 1,
        message: `${c.entry.param.label} ${c.value} ${why} (row ${c.row + 1})`,
      });
  }

  return {
    ok: true,
    value: {
      scenario: next,
      applied: changes.map((c) => ({
        path: c.entry.path,
        label: c.entry.param.label,
        from: c.entry.param.value,
        to: c.value,
        row: c.row + 1,
        ...(c.formula !== undefined ? { formula: c.formula } : {}),
        ...(c.stored !== undefined ? { stored: c.stored } : {}),
      })),
      ignored,
      unchanged,
      notes,
      confirm: {
        ...(otherScenario && !options.accept?.otherScenario ? { otherScenario } : {}),
        outliers: options.accept?.outliers ? [] : outliers,
      },
    },
  };
}
