/**
 * A live workbook of one scenario (or, when asked, a comparison of several): every input on an
 * "Inputs - <name>" sheet, every cost item and table line in unrounded dollars as formulas on
 * "Calculation - <name>" (items by their kind's formula, derived lines over the line rows; under
 * the schedule method the raise, step and turnover rows over the projected census on
 * "Projection - <name>"), and the table on "Cost Table - <name>" in the scenario's display unit by
 * its rounding rule. A user who edits an input in Excel or LibreOffice sees the table move as the
 * engine moves it; test/io/xlsx-recalc.test.ts and test/io/moved-cells.test.ts prove it with
 * LibreOffice and HyperFormula.
 *
 * Inputs are referenced by defined names built from their paths (groups_wtu_members,
 * items_baseSalary_steps_2024_10_01_amount), counts from the calendar by names too
 * (cal_months_FY2025_CY2024); the second and later scenarios of a comparison prefix theirs with
 * S2_, S3_, ... Input cells are styled and validated, every other cell of the formula sheets is
 * protected (no password), see xlsx-decorate.ts.
 *
 * Cached values: by default each formula cell also carries the engine's value, so viewers that
 * never calculate show the right numbers; the file has no calcPr/calcId, which makes Excel
 * recalculate fully on open.
 */
import * as XLSX from "xlsx";
import {
  computeTable,
  describeItems,
  formulaContextFor,
  itemFormula,
  fundSplit,
  fundTerms,
  fyKey,
  lineKind,
  printedLines,
  listInputs,
  listSettings,
  scheduleMethodCost,
  censusOfScenario,
  coveredGroups,
  partFormula as partFormulaFor,
  TOTAL_COLUMN,
  ANNUALIZED_COLUMN,
  unitFactor,
  unitsHeading,
  defaultScheduleCostSettings,
  type CalendarCount,
  type CheckedCensus,
  type ComputeOptions,
  ZERO,
  sum,
  type Decimal,
  Decimal as DecimalValue,
  censusMembersGap,
  type CensusMembersGap,
  type Display,
  type FormulaContext,
  type FundTerm,
  type InputEntry,
  type ItemBase,
  type Scenario,
  type TableLine,
  type TableResult,
  monteCarlo,
  type MonteCarloResult,
} from "../engine/index";
import { censusSheet, type CensusSheet } from "./census-sheet";
import { inputsSheet, type CalendarCell } from "./inputs-sheet";
import { projectionSheet, type ProjectionSheet } from "./projection-sheet";
import { rangesSheet } from "./ranges-sheet";
import { scheduleSheets, type ScheduleSheets } from "./schedule-sheets";
import { cachedNumber, col, formula, num, quoteSheet, sheetFromRows, spreadsheetNumber, text, type Row } from "./sheet-cells";
import { SheetNamer } from "./sheet-names";
import { decorateWorkbook, emptyDecor, type CellStyle, type SheetDecor } from "./xlsx-decorate";

export interface ExportOptions {
  computeOptions?: ComputeOptions;
  /** Tables already computed, by scenario index (the app's, costed in its worker); a scenario without one is computed here. */
  results?: readonly (TableResult | undefined)[];
  /** "engine" (default): formula cells carry the engine's values; "none": no cached values, so only a recalculating reader shows numbers. */
  cachedValues?: "engine" | "none";
  /**
   * Monte Carlo results by scenario index, for a "Ranges" sheet: a scenario with an uncertainty
   * block and no result here is run with its block's draws and seed. `false` writes no Ranges sheet.
   */
  ranges?: Record<number, MonteCarloResult> | false;
}

export { INPUT_HEADERS, INPUTS_HEADER_ROW } from "./inputs-sheet";
export const THOUSANDS_FORMAT = "#,##0;(#,##0)";
export const DOLLARS_FORMAT = "#,##0.00;(#,##0.00)";
const CALC_FIRST_ROW = 4;
/** Excel rejects formulas longer than 8,192 characters; keep a margin. */
const MAX_FORMULA_LENGTH = 8000;
/** Users may widen columns and rows on a protected sheet; nothing else. */
const PROTECT = { formatColumns: false, formatRows: false };

/** The sheets of a workbook of these scenarios: one set per scenario, the table and notes shared in a comparison. */
export interface WorkbookSheetNames {
  costTable: string;
  notes: string;
  scenarios: { inputs: string; calc: string; projection?: string; census?: string }[];
}

export function workbookSheetNames(scenarios: readonly Scenario[]): WorkbookSheetNames {
  const namer = new SheetNamer();
  // The shared schedule sheets keep their fixed names.
  namer.fixed("Schedules ET-15");
  namer.fixed("Schedules EG-09");
  const single = scenarios.length === 1;
  const costTable = single ? namer.of("Cost Table", scenarios[0]!.name) : namer.fixed("Cost Table - comparison");
  const perScenario = scenarios.map((s) => {
    const schedule = s.settings.salaryMethod === "schedule";
    return {
      inputs: namer.of("Inputs", s.name),
      calc: namer.of("Calculation", s.name),
      ...(schedule ? { projection: namer.of("Projection", s.name), census: namer.of("Census", s.name) } : {}),
    };
  });
  const notes = single ? namer.of("Notes", scenarios[0]!.name) : namer.fixed("Notes - comparison");
  return { costTable, notes, scenarios: perScenario };
}

/** A defined name: letters, digits and _ only, unique without regard to case among `taken`. */
function uniqueName(base: string, taken: Set<string>): string {
  const clean = base.replace(/[^A-Za-z0-9_]/g, "_");
  let name = clean;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${clean}_${n}`;
  taken.add(name.toLowerCase());
  return name;
}

/** Defined names from input paths. */
function nameInputs(entries: InputEntry[], prefix: string, taken: Set<string>): Map<string, string> {
  return new Map(entries.map((e) => [e.path, uniqueName(`${prefix}${e.path}`, taken)]));
}

/**
 * The display rule as a spreadsheet expression of `x` (dollars). The dollars are rounded to cents
 * first: a spreadsheet multiplying doubles gets 12,752,499.9999999 for 5,101 x $100,000 x 2.5%
 * (exactly $12,752,500), which would show 12,752 where the engine shows 12,753. No input carries
 * meaning below a cent, so ROUND(x, 2) restores the exact value before the display rounding (when
 * the display is no finer than a cent). A rounding step (nearest 1,000 printed in dollars) rounds
 * the count of steps, then scales back.
 */
export function roundingFormula(display: Pick<Display, "unit" | "decimals" | "rounding" | "roundTo">, x: string): string {
  const finest =
    display.roundTo === undefined
      ? unitFactor(display.unit).div(new DecimalValue(10).pow(display.decimals))
      : unitFactor(display.unit).times(new DecimalValue(display.roundTo));
  const dollars = finest.gte("0.01") ? `ROUND(${x},2)` : x;
  const inUnit = display.unit === "dollars" ? dollars : `${dollars}/${unitFactor(display.unit).toString()}`;
  const step = display.roundTo === undefined ? undefined : String(display.roundTo);
  const scaled = step === undefined ? inUnit : `(${inUnit})/${step}`;
  const d = step === undefined ? display.decimals : 0;
  const back = (f: string) => (step === undefined ? f : `${f}*${step}`);
  if (display.rounding === "truncate") return back(`ROUNDDOWN(${scaled},${d})`);
  if (display.rounding === "halfUp") return back(`ROUND(${scaled},${d})`);
  if (display.rounding === "up") return back(`ROUNDUP(${scaled},${d})`);
  // Half to even: a tie (exactly .5 in the last kept place) goes to the even neighbour.
  const s = `(${scaled})*10^${d}`;
  return back(`(IF(ABS(${s}-TRUNC(${s}))=0.5,2*ROUND(${s}/2,0),ROUND(${s},0))/10^${d})`);
}

/** Where every row of the Calculation sheet goes, fixed before any formula is written so formulas can refer forward. */
interface CalcLayout {
  years: number[];
  columns: string[];
  itemRows: Map<string, number>;
  lineRows: Map<string, number>;
  fyCol: (fy: number) => number;
  /** The fiscal years the total column adds up (all, or those through `table.columns.total.through`). */
  totalYears: number[];
  totalCol: number;
  annualCol: number | undefined;
  howCol: number;
}

function totalYearsOf(scenario: Scenario): number[] {
  const total = scenario.table.columns.total;
  const through = total === false ? undefined : total?.through;
  return scenario.table.columns.fiscalYears.filter((fy) => through === undefined || fy <= through);
}

function calcLayout(scenario: Scenario, result: TableResult): CalcLayout {
  const years = scenario.table.columns.fiscalYears;
  const itemRows = new Map<string, number>();
  let next = CALC_FIRST_ROW + 1; // row CALC_FIRST_ROW is the "Cost items" heading
  for (const item of result.items) itemRows.set(item.id, next++);
  next++; // heading row for lines
  const lineRows = new Map<string, number>();
  for (const l of result.lines) lineRows.set(l.id, next++);
  const firstFyCol = 2;
  const totalCol = firstFyCol + years.length;
  const annualCol = result.columns.includes(ANNUALIZED_COLUMN) ? totalCol + 1 : undefined;
  return {
    years,
    columns: [...years.map(fyKey), TOTAL_COLUMN, ...(annualCol ? [ANNUALIZED_COLUMN] : [])],
    itemRows,
    lineRows,
    fyCol: (fy) => firstFyCol + years.indexOf(fy),
    totalYears: totalYearsOf(scenario),
    totalCol,
    annualCol,
    howCol: (annualCol ?? totalCol) + 1,
  };
}

/** Writes one row: id, label, a formula per fiscal year, the total, the annualized value, how. */
type RowWriter = (
  r: number,
  id: string,
  label: string,
  fyFormula: (fy: number) => string | undefined,
  cells: Record<string, { exact: Decimal }>,
  how: string,
) => void;

function rowWriter(
  layout: CalcLayout,
  put: (r: number, cells: Row) => void,
  cached: boolean,
  style: (r: number, c: number, s: CellStyle) => void,
): RowWriter {
  return (r, id, label, fyFormula, cells, how) => {
    const row: Row = [text(id), text(label)];
    for (const fy of layout.years) {
      const value = cachedNumber(cells[fyKey(fy)]!.exact);
      const f = fyFormula(fy);
      row[layout.fyCol(fy)] = f === undefined ? num(value, DOLLARS_FORMAT) : formula(f, cached ? value : undefined, DOLLARS_FORMAT);
      if (f === undefined) style(r, layout.fyCol(fy), "value");
    }
    const first = col(layout.fyCol(layout.totalYears[0]!));
    const last = col(layout.fyCol(layout.totalYears[layout.totalYears.length - 1]!));
    const total = cells[TOTAL_COLUMN]?.exact ?? sum(layout.totalYears.map((fy) => cells[fyKey(fy)]!.exact));
    row[layout.totalCol] = formula(`SUM(${first}${r}:${last}${r})`, cached ? cachedNumber(total) : undefined, DOLLARS_FORMAT);
    if (layout.annualCol !== undefined) {
      row[layout.annualCol] = num(cachedNumber(cells[ANNUALIZED_COLUMN]!.exact), DOLLARS_FORMAT);
      style(r, layout.annualCol, "value");
    }
    row[layout.howCol] = text(how);
    put(r, row);
  };
}

/** Why an item's row holds the engine's values rather than formulas (the kind wrote none for some year). */
function valuesReason(item: ItemBase | undefined, scenario: Scenario): string {
  if (scenario.settings.salaryMethod === "schedule" && item?.kind === "raises")
    return "costed by the engine from the census on the salary schedules (schedule method): values, not formulas";
  if (item?.kind === "raises") return "a raise paid in stated periods (periodsPaid) is costed by the engine: values, not formulas";
  if (item?.kind === "payrollRate")
    return "a rate on payroll limited to some groups and charged on raises too is costed by the engine: values, not formulas";
  return "costed by the engine: values, not formulas";
}

/**
 * The cost item rows: each item's kind writes its formula over the Inputs sheet; a schedule-method
 * raise and its step and turnover parts point at the Projection sheet; what a sheet cannot express
 * is written as values. Returns the labels of the items written as values.
 */
function itemRows(
  scenario: Scenario,
  result: TableResult,
  layout: CalcLayout,
  ctx: FormulaContext,
  write: RowWriter,
  projection: ProjectionSheet | undefined,
): string[] {
  const byId = new Map<string, ItemBase>(scenario.items.map((i) => [i.id, i]));
  const asValues: string[] = [];
  const projected = (id: string, fy: number) => {
    const [owner, part] = id.split(".") as [string, string | undefined];
    const cells = projection?.parts.get(owner)?.get(fy);
    if (!projection?.parts.has(owner)) return undefined;
    const f = !cells ? "0" : part === "steps" ? cells.steps : part === "turnover" ? cells.turnover : cells.raise;
    return {
      formula: f,
      note:
        part === undefined
          ? "raise cost on the Projection sheet: census as it stands on this year's schedules - FY base payroll (A - P0)"
          : part === "steps"
            ? "step increases on the Projection sheet: after step movement - as it stands (B - A)"
            : "turnover savings on the Projection sheet: with separations replaced at entry - without (T - B)",
    };
  };
  for (const item of result.items) {
    const source = byId.get(item.id);
    const perYear = layout.years.map((fy) => projected(item.id, fy) ?? (source ? itemFormula(source, ctx, fy) : undefined));
    const tooLong = perYear.some((f) => f !== undefined && f.formula.length > MAX_FORMULA_LENGTH);
    if (tooLong) perYear.fill(undefined);
    const how = perYear.every((f) => f !== undefined)
      ? [...new Set(perYear.map((f) => f!.note))].join(" | ")
      : tooLong
        ? `the formula would pass Excel's ${MAX_FORMULA_LENGTH}-character limit (too many groups or steps): values from the engine, not formulas`
        : valuesReason(source, scenario);
    if (perYear.some((f) => f === undefined)) asValues.push(`${item.label}: ${how}`);
    write(
      layout.itemRows.get(item.id)!,
      `item:${item.id}`,
      `${item.label} (${item.kind}, line ${item.line})`,
      (fy) => perYear[layout.years.indexOf(fy)]?.formula,
      item.cells,
      how,
    );
  }
  return asValues;
}

/**
 * The part of some cost lines paid by a fund, as a formula: each item's cell x its fund share, or
 * the sum over its groups of the group's fund share x the group's part of the item.
 */
function fundFormula(
  scenario: Scenario,
  result: TableResult,
  fund: string,
  costLines: FundTerm[],
  fy: number,
  ctx: FormulaContext,
  itemCell: (id: string, fy: number) => string,
): string {
  const terms = costLines.flatMap(({ lineId, sign }) =>
    result.items
      .filter((i) => i.line === lineId)
      .flatMap((r) => {
        const owner = (scenario.items.find((i) => i.id === r.id) ?? scenario.items.find((i) => i.id === r.id.split(".")[0]))!;
        const cell = itemCell(r.id, fy);
        let term: string | undefined;
        if (owner.fundShares) term = owner.fundShares[fund] ? `${ctx.ref(`items.${owner.id}.fundShares.${fund}`)}*${cell}` : undefined;
        else {
          const parts = coveredGroups(scenario, owner)
            .filter((g) => g.fundShares?.[fund])
            .flatMap((g) => {
              const part = partFormulaFor(owner, cell, [g.id], ctx, fy, r.id);
              return part === undefined ? [] : [`${ctx.ref(`groups.${g.id}.fundShares.${fund}`)}*${part}`];
            });
          term = parts.length ? parts.join("+") : undefined;
        }
        return term === undefined ? [] : [sign > 0 ? `+(${term})` : `-(${term})`];
      }),
  );
  return terms.length ? terms.join("").replace(/^\+/, "") : "0";
}

/** Cost lines sum their items; derived lines are formulas over the line rows (sum, share, amounts, fund, change). */
function lineRowsOf(scenario: Scenario, result: TableResult, layout: CalcLayout, ctx: FormulaContext, write: RowWriter): void {
  const ref = (id: string, fy: number) => `${col(layout.fyCol(fy))}${layout.lineRows.get(id)}`;
  const itemCell = (id: string, fy: number) => `${col(layout.fyCol(fy))}${layout.itemRows.get(id)}`;
  const linesById = new Map(scenario.table.lines.map((l) => [l.id, l]));
  // A reference to a cost line includes the lines the schedule method adds after it.
  const companions = (id: string) =>
    result.lines.filter((l) => l.id.startsWith(id) && !linesById.has(l.id) && l.kind === "cost").map((l) => l.id);
  const expand = (id: string) => [id, ...(linesById.get(id) && lineKind(linesById.get(id)!) === "cost" ? companions(id) : [])];
  for (const line of result.lines) {
    const r = layout.lineRows.get(line.id)!;
    const spec: TableLine | undefined = linesById.get(line.id);
    let fyFormula: (fy: number) => string;
    let how: string;
    switch (line.kind) {
      case "sum": {
        const plus = spec!.sum!.flatMap(expand);
        const minus = (spec!.minus ?? []).flatMap(expand);
        fyFormula = (fy) => [plus.map((id) => ref(id, fy)).join("+") || "0", ...minus.map((id) => `-${ref(id, fy)}`)].join("");
        how = "sum of the unrounded lines";
        break;
      }
      case "share":
        fyFormula = (fy) => `${ctx.ref(`table.lines.${line.id}.rate`)}*${ref(spec!.share!.of, fy)}`;
        how = "share x line";
        break;
      case "amounts":
        fyFormula = (fy) =>
          spec!.amounts![fyKey(fy)] ? `${spec!.negate ? "-" : ""}${ctx.ref(`table.lines.${line.id}.amounts.${fyKey(fy)}`)}` : "0";
        how = spec!.negate ? "minus the amount entered (shown negative)" : "the amount entered";
        break;
      case "fund": {
        const terms = fundTerms(linesById, spec!, expand);
        fyFormula = (fy) => fundFormula(scenario, result, spec!.fund!.fund, terms, fy, ctx, itemCell);
        how = `the part paid by ${spec!.fund!.fund}, from the groups' or items' fund shares`;
        break;
      }
      case "change":
        fyFormula = (fy) =>
          fy === layout.years[0] ? ref(spec!.change!.of, fy) : `${ref(spec!.change!.of, fy)}-${ref(spec!.change!.of, fy - 1)}`;
        how = "the year's addition over the prior year";
        break;
      default: {
        const members = result.items.filter((i) => i.line === line.id).map((i) => layout.itemRows.get(i.id)!);
        const negate = spec?.negate === true;
        fyFormula = (fy) => {
          const terms = members.map((m) => `${col(layout.fyCol(fy))}${m}`).join("+");
          return members.length ? (negate ? `-(${terms})` : terms) : "0";
        };
        how = negate ? "minus the sum of the line's cost items (shown negated)" : "sum of the line's cost items";
      }
    }
    write(r, `line:${line.id}`, line.label, fyFormula, line.cells, line.printed === false ? `${how}; not printed: a helper line` : how);
  }
}

/** The fund split (funds declared, not necessarily printed) below the lines: each fund's part of every cost line, then what no fund covers. */
function fundSplitRows(
  scenario: Scenario,
  result: TableResult,
  layout: CalcLayout,
  ctx: FormulaContext,
  write: RowWriter,
  headingRow: number,
  put: (r: number, cells: Row) => void,
): void {
  const funds = scenario.funds ?? [];
  if (funds.length === 0) return;
  const portions = new Map(fundSplit(scenario, result).map((p) => [p.id, p]));
  const itemCell = (id: string, fy: number) => `${col(layout.fyCol(fy))}${layout.itemRows.get(id)}`;
  const costLines = result.lines.filter((l) => l.kind === "cost").map((l): FundTerm => ({ lineId: l.id, sign: 1 }));
  const zero = Object.fromEntries(layout.columns.map((c) => [c, { exact: ZERO }]));
  const cellsOf = (id: string) => {
    const p = portions.get(id);
    return p ? Object.fromEntries(Object.entries(p.cells).map(([k, v]) => [k, { exact: v }])) : zero;
  };
  put(headingRow, [text("Fund split"), text("Each fund's part of every cost line, as fund lines and fis --fund-split compute it")]);
  funds.forEach((f, k) => {
    write(
      headingRow + 1 + k,
      `fund:${f.id}`,
      f.label,
      (fy) => fundFormula(scenario, result, f.id, costLines, fy, ctx, itemCell),
      cellsOf(f.id),
      "the groups' or items' fund shares of every cost item",
    );
  });
  const r = headingRow + 1 + funds.length;
  const costSum = (fy: number) => costLines.map((l) => `${col(layout.fyCol(fy))}${layout.lineRows.get(l.lineId)}`).join("+") || "0";
  const fundSum = (fy: number) => funds.map((_, k) => `${col(layout.fyCol(fy))}${headingRow + 1 + k}`).join("+");
  write(
    r,
    "fund:unassigned",
    "Not assigned to a fund",
    (fy) => `${costSum(fy)}-(${fundSum(fy)})`,
    cellsOf("unassigned"),
    "cost lines - the funds' parts",
  );
}

/**
 * The Census x Schedule block: the census's base-year payroll P0 from the Census sheet's lookups
 * into the Schedules sheets, beside the engine's P0 (scheduleMethodCost basePayroll) and their
 * difference. The raise, step and turnover rows stay engine values (they need the step-movement
 * projection); this block makes the base they are measured from checkable in the file.
 */
function censusPricingRows(
  c: CensusSheet,
  fy: number,
  p0Engine: Decimal,
  headingRow: number,
  at: { put: (r: number, cells: Row) => void; howCol: number; cached: boolean },
): void {
  const v = (d: Decimal) => (at.cached ? cachedNumber(d) : undefined);
  const row = (r: number, id: string, label: string, value: XLSX.CellObject, how: string) => {
    const cells: Row = [text(id), text(label), value];
    cells[at.howCol] = text(how);
    at.put(r, cells);
  };
  const r0 = headingRow + 1;
  at.put(headingRow, [
    text("Census x Schedule"),
    text(`FY${fy} payroll of the census on the FY${fy} salary schedules (column C, dollars); not Cost Table lines`),
  ]);
  row(
    r0,
    "census:members",
    "Members in the census",
    formula(`SUM(${c.headcount})`, v(c.members), "#,##0"),
    "sum of the Census sheet's Headcount column",
  );
  row(
    r0 + 1,
    "census:P0",
    `FY${fy} payroll P0`,
    formula(`SUMPRODUCT(${c.headcount},${c.salary})`, v(c.p0), DOLLARS_FORMAT),
    `SUMPRODUCT(headcount, FY${fy} salary): each salary looked up on the Schedules sheets by lane and pay column`,
  );
  row(
    r0 + 2,
    "census:P0.engine",
    `FY${fy} payroll P0 as the engine costs it`,
    num(cachedNumber(p0Engine), DOLLARS_FORMAT),
    "model/engine/schedule scheduleMethodCost(census).basePayroll: a value, for checking",
  );
  row(
    r0 + 3,
    "census:P0.check",
    "Sheet P0 - engine P0 (0 when they agree)",
    formula(`C${r0 + 1}-C${r0 + 2}`, v(c.p0.minus(p0Engine)), DOLLARS_FORMAT),
    "the raise, step and turnover rows above are measured from this P0",
  );
}

interface ScenarioSheets {
  sheets: WorkbookSheetNames["scenarios"][number];
  /** The census sheet when the scenario costs salaries by the schedule method. */
  census?: { name: string; sheet: XLSX.WorkSheet; decor: SheetDecor };
  projection?: ProjectionSheet;
  /** The Calculation sheet's "Census x Schedule" block (schedule method only). */
  censusPricing?: { fiscalYear: number; members: Decimal; p0Sheet: Decimal; p0Engine: Decimal; gap?: CensusMembersGap };
  inputs: XLSX.WorkSheet;
  inputsDecor: SheetDecor;
  calc: XLSX.WorkSheet;
  calcDecor: SheetDecor;
  names: { Name: string; Ref: string }[];
  /** Line id -> 1-based Calculation row. */
  lineRows: Map<string, number>;
  result: TableResult;
  doesNotFlow: string[];
}

/** Names of the inputs and calendar counts each formula uses, by the sheets the formulas are on. */
function namesUsed(sheets: { label: string; sheet: XLSX.WorkSheet }[], known: Set<string>): Map<string, Set<string>> {
  const used = new Map<string, Set<string>>();
  for (const { label, sheet } of sheets)
    for (const [addr, cell] of Object.entries(sheet)) {
      if (addr.startsWith("!")) continue;
      const f = (cell as XLSX.CellObject).f;
      // Every defined name of the workbook has an underscore; most formulas (cell arithmetic) have none.
      if (!f || !f.includes("_")) continue;
      // Quoted sheet names and strings are not names.
      for (const m of f.replace(/'[^']*'|"[^"]*"/g, "").matchAll(/[A-Za-z_][A-Za-z0-9_]*/g))
        if (known.has(m[0])) (used.get(m[0]) ?? used.set(m[0], new Set()).get(m[0])!).add(label);
    }
  return used;
}

/** Why an input no formula uses is on the sheet: its field is overridden, or nothing in this scenario reads it. */
function documentationReason(scenario: Scenario, entry: InputEntry): string {
  const m = /^items\.([^.]+)\.(units|hoursPerUnit|hourlyRate)$/.exec(entry.path);
  const item = m ? scenario.items.find((i) => i.id === m[1]) : undefined;
  if (item?.kind === "premiumPay" && item.annualAmount) return "the annual amount overrides units x hours per unit x hourly rate";
  return "no formula of this scenario uses it (nor does the app's costing)";
}

function calendarWords(scenario: Scenario): string {
  const c = scenario.calendar;
  const month = new Date(Date.UTC(2000, c.fiscalYearStartMonth - 1, 1)).toLocaleString("en-US", { month: "long", timeZone: "UTC" });
  return `fiscal year from ${month} 1; ${c.payFrequency} pay periods from ${c.payPeriodAnchor}; raises prorated by ${scenario.settings.proration}`;
}

function scenarioSheets(
  scenario: Scenario,
  index: number,
  sheetNames: WorkbookSheetNames["scenarios"][number],
  options: ExportOptions,
  schedules: () => ScheduleSheets,
): ScenarioSheets {
  const inputsName = sheetNames.inputs;
  const prefix = index === 0 ? "" : `S${index + 1}_`;
  const entries = listInputs(scenario);
  const taken = new Set<string>();
  const names = nameInputs(entries, prefix, taken);
  const result = options.results?.[index] ?? computeTable(scenario, options.computeOptions);
  const layout = calcLayout(scenario, result);
  const cached = options.cachedValues !== "none";
  const calendar = new Map<string, CalendarCell>();
  const calendarCount = (c: CalendarCount): string => {
    let cell = calendar.get(c.key);
    if (!cell) {
      cell = { ...c, name: uniqueName(`${prefix}cal_${c.key}`, taken) };
      calendar.set(c.key, cell);
    }
    return cell.name;
  };
  const ref = (path: string) => {
    const name = names.get(path);
    if (!name) throw new Error(`internal: no input at path ${path}`);
    return name;
  };
  const companions = new Map<string, string[]>();
  for (const i of result.items)
    if (!scenario.items.some((x) => x.id === i.id)) {
      const owner = i.id.split(".")[0]!;
      companions.set(owner, [...(companions.get(owner) ?? []), i.id]);
    }
  const ctx = formulaContextFor(scenario, {
    ref,
    itemCell: (id, fy) => (layout.itemRows.has(id) ? `${col(layout.fyCol(fy))}${layout.itemRows.get(id)}` : undefined),
    companions,
    calendarCount,
  });

  // The schedule method: the census as the engine costs it, and its live projection.
  const bySchedule = scenario.settings.salaryMethod === "schedule";
  const source: CheckedCensus | undefined = bySchedule
    ? (options.computeOptions?.scheduleMethod?.census ?? censusOfScenario(scenario))
    : undefined;
  const priced = source ? censusSheet(source, sheetNames.census!, schedules(), cached) : undefined;
  const projection =
    source && priced
      ? projectionSheet({
          scenario,
          result,
          census: source,
          name: sheetNames.projection!,
          censusSheet: { name: sheetNames.census!, rowOf: priced.rowOf, headcountCol: priced.headcountCol },
          schedules: schedules(),
          ref,
          calendarCount,
          cached,
        })
      : undefined;

  const calcDecor = emptyDecor();
  const style = (r: number, c: number, s: CellStyle) => calcDecor.styles.set(`${col(c)}${r}`, s);
  const rows: Row[] = [
    [text(`Calculation: ${scenario.name}`)],
    [
      text(
        "Unrounded dollars. Each cost item is its kind's formula over the Inputs sheet; lines sum items; derived lines are formulas " +
          "over the lines. Grey cells are values from the app's costing, not formulas.",
      ),
    ],
    [
      text("Row"),
      text("Description"),
      ...layout.columns.map((c) => {
        const label = result.columnLabels[c] ?? (c === TOTAL_COLUMN ? `${layout.years.length}-Yr Total` : c);
        return text(c === ANNUALIZED_COLUMN ? `${label} (values)` : label);
      }),
      text("How"),
    ],
  ];
  style(1, 0, "title");
  style(2, 0, "note");
  rows[2]!.forEach((_, c) => style(3, c, c >= 2 && c < layout.howCol ? "headerRight" : "header"));
  const put = (r: number, cells: Row) => {
    rows[r - 1] = cells;
  };
  const heading = (r: number, cells: Row) => {
    put(r, cells);
    style(r, 0, "label");
  };
  const write = rowWriter(layout, put, cached, style);
  heading(CALC_FIRST_ROW, [text("Cost items")]);
  const asValues = itemRows(scenario, result, layout, ctx, write, projection);
  heading(layout.lineRows.get(result.lines[0]!.id)! - 1, [text("Table lines")]);
  lineRowsOf(scenario, result, layout, ctx, write);
  for (const line of result.lines)
    if (line.style === "total" || line.style === "subtotal") style(layout.lineRows.get(line.id)!, 1, "label");
  const fundHeading = rows.length + 2;
  fundSplitRows(scenario, result, layout, ctx, write, fundHeading, put);
  if (scenario.funds?.length) style(fundHeading, 0, "label");
  let censusPricing: ScenarioSheets["censusPricing"];
  if (source && priced) {
    const r = rows.length + 2;
    // No raise terms: P0 depends on the census and the base-year schedule only.
    const p0Engine = scheduleMethodCost(source, [], defaultScheduleCostSettings(scenario.calendar)).basePayroll.value;
    censusPricingRows(priced, source.asOfFiscalYear, p0Engine, r, { put, howCol: layout.howCol, cached });
    style(r, 0, "label");
    style(r + 3, 2, "value");
    const gap = censusMembersGap(scenario, source);
    censusPricing = { fiscalYear: source.asOfFiscalYear, members: priced.members, p0Sheet: priced.p0, p0Engine, ...(gap ? { gap } : {}) };
  }
  for (let r = 0; r < rows.length; r++) rows[r] ??= [];
  const widest = Math.max(
    14,
    ...[...result.items, ...result.lines].flatMap((x) => Object.values(x.cells).map((c) => dollarsText(c.exact).length + 2)),
  );
  const calc = sheetFromRows(rows, [34, 60, ...layout.columns.map(() => widest), 90]);
  calc["!protect"] = PROTECT;
  calcDecor.freeze = { rows: 3, cols: 2 };
  calcDecor.print = "landscape";

  // Which names the formulas use: the Inputs sheet says so, and marks the rest as documentation.
  const known = new Set([...names.values(), ...[...calendar.values()].map((c) => c.name)]);
  const usedBy = namesUsed(
    [{ label: "Calculation", sheet: calc }, ...(projection ? [{ label: "Projection", sheet: projection.sheet }] : [])],
    known,
  );
  const documentation = new Map(
    entries.filter((e) => !usedBy.has(names.get(e.path)!)).map((e) => [e.path, documentationReason(scenario, e)] as const),
  );
  const settings = listSettings(scenario);
  const doesNotFlow = [
    ...asValues,
    ...(layout.annualCol !== undefined
      ? ["The Annualized column: values from the app's costing (the full-year cost of each kind is not written as a formula)."]
      : []),
    ...(bySchedule
      ? [
          `Census placements (Schedule, Lane, Step, Years of service on the ${sheetNames.census} sheet): the projection's rows are ` +
            "made from them, so change them by importing a census in the app; Headcount flows.",
        ]
      : []),
    ...(projection && settings.length
      ? [
          `The schedule method's settings (${settings.map((e) => e.label.toLowerCase()).join(", ")}, listed under Settings): ` +
            "they set where the Projection sheet places replacements and when steps move, so change them in the app.",
        ]
      : []),
  ];
  const inputs = inputsSheet({
    scenario,
    name: inputsName,
    entries,
    names,
    calendar: [...calendar.values()],
    usedBy,
    documentation,
    doesNotFlow,
    calendarWords: calendarWords(scenario),
    settings,
    settingsUse: projection
      ? `the ${sheetNames.projection} sheet's layout`
      : "the schedule method, which does not cost this scenario (members x average salary)",
  });
  inputs.sheet["!protect"] = PROTECT;

  let census: ScenarioSheets["census"];
  if (priced && source) {
    const decor = emptyDecor();
    decor.styles.set("A1", "title");
    decor.styles.set("A2", "note");
    for (let c = 0; c < 8; c++) decor.styles.set(`${col(c)}3`, "header");
    source.cells.forEach((_, i) => {
      decor.styles.set(`E${priced.rowOf(i)}`, "input");
      decor.styles.set(`F${priced.rowOf(i)}`, "value");
      decor.validations.push({
        sqref: `E${priced.rowOf(i)}`,
        type: "decimal",
        operator: "greaterThanOrEqual",
        formula1: "0",
        title: "Headcount",
        error: "Headcount: members, 0 or more.",
      });
    });
    decor.freeze = { rows: 3, cols: 0 };
    priced.sheet["!protect"] = PROTECT;
    census = { name: sheetNames.census!, sheet: priced.sheet, decor };
  }
  if (projection) projection.sheet["!protect"] = PROTECT;

  return {
    sheets: sheetNames,
    ...(census ? { census } : {}),
    ...(projection ? { projection } : {}),
    ...(censusPricing ? { censusPricing } : {}),
    inputs: inputs.sheet,
    inputsDecor: inputs.decor,
    calc,
    calcDecor,
    names: inputs.definedNames,
    lineRows: layout.lineRows,
    result,
    doesNotFlow,
  };
}

/** Dollars as the DOLLARS_FORMAT shows them, for column widths. */
function dollarsText(d: Decimal): string {
  const t = d
    .abs()
    .toFixed(2)
    .replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return d.isNegative() ? `(${t})` : t;
}

function costTableSheet(
  blocks: ScenarioSheets[],
  scenarios: Scenario[],
  options: ExportOptions,
): { sheet: XLSX.WorkSheet; decor: SheetDecor } {
  const cached = options.cachedValues !== "none";
  const first = scenarios[0]!;
  const decor = emptyDecor();
  const rows: Row[] = [[text(`Fiscal impact: ${first.agreement.name}`)], [text(unitsHeading(first.table.display.unit))]];
  decor.styles.set("A1", "title");
  decor.styles.set("A2", "note");
  const widths: number[] = [];
  let c0 = 0;
  blocks.forEach((b, k) => {
    const scenario = scenarios[k]!;
    const display = scenario.table.display;
    const columns = b.result.columns;
    const places = display.decimals === 0 ? "" : `.${"0".repeat(display.decimals)}`;
    const format = display.decimals === 0 ? THOUSANDS_FORMAT : `#,##0${places};(#,##0${places})`;
    const calcCol = (c: string) =>
      c === TOTAL_COLUMN
        ? 2 + scenario.table.columns.fiscalYears.length
        : c === ANNUALIZED_COLUMN
          ? 3 + scenario.table.columns.fiscalYears.length
          : 2 + scenario.table.columns.fiscalYears.indexOf(Number.parseInt(c.slice(2), 10));
    const setCell = (r: number, c: number, cell: XLSX.CellObject, style?: CellStyle) => {
      const row = (rows[r] ??= []);
      row[c] = cell;
      if (style) decor.styles.set(`${col(c)}${r + 1}`, style);
    };
    // A helper line has no row here; its formulas stay on the Calculation sheet, where the printed lines read it.
    const shown = printedLines(b.result);
    const rowOf = new Map(shown.map((l, i) => [l.id, 4 + i]));
    const linesById = new Map(scenario.table.lines.map((l) => [l.id, l]));
    setCell(2, c0, text(scenario.name), "label");
    setCell(3, c0, text("Line"), "header");
    columns.forEach((c, j) => setCell(3, c0 + 1 + j, text(b.result.columnLabels[c] ?? c), "headerRight"));
    const totalSpec = scenario.table.columns.total === false ? undefined : scenario.table.columns.total;
    const totalDisplay = totalSpec?.roundTo === undefined ? display : { ...display, roundTo: totalSpec.roundTo };
    const totalYears = totalYearsOf(scenario).map(fyKey);
    const calcRef = (id: string, c: string) => `${quoteSheet(b.sheets.calc)}!${col(calcCol(c))}${b.lineRows.get(id)!}`;
    let widest = 0;
    shown.forEach((line, i) => {
      const r = 4 + i;
      const strong = line.style === "total" || line.style === "subtotal" ? "total" : undefined;
      setCell(r, c0, text(line.label), strong);
      columns.forEach((c, j) => {
        const here = (rr: number, cc: string) => `${col(c0 + 1 + columns.indexOf(cc))}${rr + 1}`;
        const companions = (id: string) => [
          id,
          ...b.result.lines.filter((l) => l.id.startsWith(id) && !linesById.has(l.id)).map((l) => l.id),
        ];
        const sumOfRounded = (spec: TableLine, cc: string): string => {
          const plus = spec.sum!.flatMap(companions).map((id) => rounded(id, cc));
          const minus = (spec.minus ?? []).flatMap(companions).map((id) => `-${rounded(id, cc)}`);
          return `${plus.join("+") || "0"}${minus.join("")}`;
        };
        // A line printed as 0, or not printed, still adds its rounded cost to sums of rounded cells, as the engine rounds it.
        const rounded = (id: string, cc: string): string => {
          if (rowOf.has(id) && !b.result.lines.find((l) => l.id === id)?.printedAsZero) return here(rowOf.get(id)!, cc);
          const spec = linesById.get(id);
          return spec?.sum ? `(${sumOfRounded(spec, cc)})` : roundingFormula(display, calcRef(id, cc));
        };
        let f = roundingFormula(c === TOTAL_COLUMN ? totalDisplay : display, calcRef(line.id, c));
        if (display.totals === "sumOfRounded") {
          const spec = linesById.get(line.id);
          if (c === TOTAL_COLUMN) {
            const sumOf = `SUM(${here(r, totalYears[0]!)}:${here(r, totalYears[totalYears.length - 1]!)})`;
            f = totalSpec?.roundTo === undefined ? sumOf : roundingFormula({ ...totalDisplay, unit: "dollars" }, sumOf);
          } else if (spec?.sum) f = sumOfRounded(spec, c);
        }
        if (line.printedAsZero) f = "0";
        const display_ = line.cells[c]!.display;
        widest = Math.max(widest, display_.abs().toFixed(display.decimals).length * 1.35 + 3);
        setCell(r, c0 + 1 + j, formula(f, cached ? spreadsheetNumber(display_.toString()) : undefined, format), strong);
      });
    });
    widths[c0] = Math.min(Math.max(30, ...shown.map((l) => l.label.length + 2)), 60);
    const colWidth = Math.max(12, Math.ceil(widest), ...columns.map((c) => (b.result.columnLabels[c] ?? c).length + 2));
    for (let j = 1; j <= columns.length; j++) widths[c0 + j] = colWidth;
    widths[c0 + columns.length + 1] = 3;
    c0 += columns.length + 2;
  });
  for (let r = 0; r < rows.length; r++) rows[r] ??= [];
  const sheet = sheetFromRows(
    rows,
    Array.from(widths, (w) => w ?? 10),
  );
  sheet["!protect"] = PROTECT;
  decor.freeze = { rows: 4, cols: 1 };
  decor.print = "fitWidth";
  return { sheet, decor };
}

function notesSheet(blocks: ScenarioSheets[], scenarios: Scenario[]): { sheet: XLSX.WorkSheet; decor: SheetDecor } {
  const rows: Row[] = [];
  const decor = emptyDecor();
  const add = (...cells: string[]) => rows.push(cells.map(text));
  const heading = (...cells: string[]) => {
    add(...cells);
    decor.styles.set(`A${rows.length}`, "label");
  };
  scenarios.forEach((scenario, k) => {
    const block = blocks[k]!;
    const result = block.result;
    add(`Scenario: ${scenario.name}`);
    decor.styles.set(`A${rows.length}`, "title");
    add(scenario.description);
    add("");
    const gap = block.censusPricing?.gap;
    if (gap) {
      heading(
        "Census and members disagree",
        `census ${gap.census.toString()}, members ${gap.scenario.toString()}`,
        "",
        `${gap.message} Inputs sheet: ${gap.paths.join(", ")}.`,
      );
      add("");
    }
    heading("Table notes");
    for (const line of printedLines(result)) if (line.note) add(line.label, line.note);
    add("");
    heading("Rounding rule");
    add(result.roundingRule);
    add(
      `Cost Table cell = ${roundingFormula(scenario.table.display, "unrounded dollars")} (dollars to cents first, so an exact tie ` +
        `rounds as the engine rounds it); ${
          scenario.table.display.totals === "roundedExact"
            ? "a Total is rounded from the sum of the unrounded values, so it may differ from the sum of the displayed cells."
            : "totals are sums of the displayed cells."
        }`,
    );
    add("");
    heading("Does not flow into the formulas");
    if (block.doesNotFlow.length === 0) add("Nothing: every input on the Inputs sheet flows into the formulas.");
    for (const line of block.doesNotFlow) add(line);
    add("");
    heading("Calibrated inputs", "Value", "Stated value", "Reason");
    for (const e of listInputs(scenario))
      if (e.param.source.kind === "calibrated")
        add(`${e.param.label} (${e.path})`, e.param.value, e.param.stated ?? "", e.param.source.note ?? "");
    add("");
    heading("What each item provides");
    for (const d of describeItems(scenario)) add(d.text);
    for (const item of scenario.items) {
      if (item.kind === "perHeadBenefit" && item.countFrom?.source.kind === "calibrated")
        add(`${item.label}: counted from (items.${item.id}.countFrom)`, item.countFrom.date, "", item.countFrom.source.note ?? "");
    }
    const pricing = block.censusPricing;
    if (pricing) {
      const calcName = block.sheets.calc;
      const censusName = block.census!.name;
      add("");
      heading("Schedule method (census on the salary schedules)");
      add(
        "Raise, step and turnover rows",
        "live",
        "",
        `${block.sheets.projection} moves the census year by year (step movement, Art. 36.6 holds, separations replaced at entry) and ` +
          "prices it on the Schedules sheets: printed tables when every raise is the one printed, else the base year's x the " +
          "cumulative raise factor, as the app does. Its check rows show the sheet against the app's costing.",
      );
      add(
        `FY${pricing.fiscalYear} payroll P0 (${calcName} census:P0)`,
        "live",
        "",
        `${censusName} columns G-H look each row's salary up on the Schedules sheets (INDEX/MATCH by lane and pay column); P0 = SUMPRODUCT(headcount, salary). census:P0.engine is the engine's basePayroll and census:P0.check their difference (${pricing.p0Sheet.minus(pricing.p0Engine).toFixed(2)} at export).`,
      );
      add(
        `Pay column (${censusName} column F)`,
        "engine value",
        "",
        "Where the engine pays the row: steps map to the printed columns (ET-15 12-15, EG-09 10-16), the top step goes to a longevity column by years of service when the lane has one. Editing Step or Years of service on the sheet does not move it; editing Headcount or a schedule amount does.",
      );
      add(
        "Schedule sheets",
        "",
        "",
        "Every schedule of model/engine/schedule loadSchedules(): FY2024 derived = FY2025 cell / 1.02, rounded to the dollar half-up (EG-09 prints no FY2025 adjustment; the ET-15 2% is assumed); FY2025-FY2028 as printed, each with its source lines. Amounts are whole dollars; a blank amount is N/A in the source.",
      );
      add(
        "Import",
        "",
        "",
        "importAssumptions reads the Inputs sheet and importCensus the Census sheet (columns A-E); the Schedules sheets, the Projection sheet and the pricing columns are ignored.",
      );
    }
    const edited = listInputs(scenario).filter((e) => e.param.source.kind === "user");
    if (edited.length) {
      add("");
      heading("Edited inputs", "Value", "", "Was");
      for (const e of edited) add(`${e.param.label} (${e.path})`, e.param.value, "", e.param.source.note ?? "");
    }
    add("");
  });
  return { sheet: sheetFromRows(rows, [60, 40, 16, 100]), decor };
}

/** A "Ranges" sheet for each scenario with uncertain inputs ("Ranges", "Ranges 2", …). */
function appendRangesSheets(wb: XLSX.WorkBook, scenarios: Scenario[], options: ExportOptions): void {
  const ranges = options.ranges;
  if (ranges === false) return;
  let n = 0;
  scenarios.forEach((s, i) => {
    const given = ranges?.[i];
    if (!given && !(s.uncertainty && Object.keys(s.uncertainty.inputs).length)) return;
    const result = given ?? monteCarlo(s, options.computeOptions ? { computeOptions: options.computeOptions } : {});
    XLSX.utils.book_append_sheet(wb, rangesSheet(result), ++n === 1 ? "Ranges" : `Ranges ${n}`);
  });
}

/**
 * Scenarios -> the bytes of an .xlsx workbook (no file system; the caller saves or downloads them).
 * One scenario is the workbook an analyst works in; several make a comparison workbook (their
 * tables side by side, each with its own Inputs and Calculation sheets), written only when asked.
 */
export function exportWorkbook(scenarios: Scenario[], options: ExportOptions = {}): Uint8Array {
  const { wb, decor } = buildWorkbook(scenarios, options);
  // Stored, not compressed: decorateWorkbook compresses once when it zips the edited parts.
  const out = XLSX.write(wb, { type: "array", bookType: "xlsx", compression: false }) as ArrayBuffer;
  return decorateWorkbook(new Uint8Array(out), decor);
}

/** The workbook exportWorkbook writes, in memory (SheetJS objects) with each sheet's styles, before it is written. */
export function buildWorkbook(scenarios: Scenario[], options: ExportOptions = {}): { wb: XLSX.WorkBook; decor: Map<string, SheetDecor> } {
  if (scenarios.length === 0) throw new Error("exportWorkbook needs at least one scenario");
  const sheetNames = workbookSheetNames(scenarios);
  let schedules: ScheduleSheets | undefined;
  const scheduleSheetsOnce = () => (schedules ??= scheduleSheets());
  const blocks = scenarios.map((s, i) => scenarioSheets(s, i, sheetNames.scenarios[i]!, options, scheduleSheetsOnce));
  const wb = XLSX.utils.book_new();
  const decor = new Map<string, SheetDecor>();
  const add = (name: string, sheet: XLSX.WorkSheet, d?: SheetDecor) => {
    XLSX.utils.book_append_sheet(wb, sheet, name);
    if (d) decor.set(name, d);
  };
  const table = costTableSheet(blocks, scenarios, options);
  add(sheetNames.costTable, table.sheet, table.decor);
  for (const b of blocks) {
    add(b.sheets.inputs, b.inputs, b.inputsDecor);
    add(b.sheets.calc, b.calc, b.calcDecor);
    if (b.projection) add(b.projection.name, b.projection.sheet, b.projection.decor);
    if (b.census) add(b.census.name, b.census.sheet, b.census.decor);
  }
  // Only a schedule-method scenario asks for them; written once for all scenarios.
  for (const s of schedules?.sheets ?? []) {
    s.sheet["!protect"] = PROTECT;
    add(s.name, s.sheet);
  }
  appendRangesSheets(wb, scenarios, options);
  const notes = notesSheet(blocks, scenarios);
  add(sheetNames.notes, notes.sheet, notes.decor);
  wb.Workbook = { ...(wb.Workbook ?? {}), Names: blocks.flatMap((b) => b.names) };
  return { wb, decor };
}
