/**
 * A live workbook of one or more scenarios: every input on an "Inputs" sheet (one per scenario),
 * every cost item and table line in unrounded dollars as formulas on a "Calculation" sheet (items
 * by their kind's formula, derived lines over the line rows), and the table on "Cost Table" in the
 * scenario's display unit by its rounding rule. A user who edits an input in Excel or LibreOffice
 * sees the whole table move as the engine would move it; test/io/xlsx-recalc.test.ts proves that
 * with LibreOffice and HyperFormula.
 *
 * Inputs are referenced by defined names built from their paths (groups_wtu_members,
 * items_baseSalary_steps_2024_10_01_amount); the second and later scenarios of a comparison prefix
 * theirs with S2_, S3_, ...
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
  fundSplit,
  fyKey,
  lineKind,
  listInputs,
  scheduleMethodCost,
  censusOfScenario,
  coveredGroups,
  partFormula as partFormulaFor,
  TOTAL_COLUMN,
  ANNUALIZED_COLUMN,
  unitFactor,
  unitsHeading,
  defaultScheduleCostSettings,
  type CheckedCensus,
  type ComputeOptions,
  ZERO,
  sum,
  type Decimal,
  type Display,
  type FormulaContext,
  type InputEntry,
  type ItemBase,
  type Scenario,
  type TableLine,
  type TableResult,
} from "../engine/index";
import { censusSheet, type CensusSheet } from "./census-sheet";
import { scheduleSheets, type ScheduleSheets } from "./schedule-sheets";
import { cachedNumber, col, formula, num, quoteSheet, sheetFromRows, spreadsheetNumber, text, type Row } from "./sheet-cells";

export interface ExportOptions {
  computeOptions?: ComputeOptions;
  /** "engine" (default): formula cells carry the engine's values; "none": no cached values, so only a recalculating reader shows numbers. */
  cachedValues?: "engine" | "none";
}

export const THOUSANDS_FORMAT = "#,##0;(#,##0)";
export const DOLLARS_FORMAT = "#,##0.00;(#,##0.00)";
export const INPUT_HEADERS = [
  "Path",
  "Section",
  "Owner",
  "Label",
  "Value",
  "Unit",
  "Source kind",
  "Source ref",
  "Source note",
  "Stated value",
  "Name",
] as const;
/** 1-based row of the Inputs header; data rows follow it. */
export const INPUTS_HEADER_ROW = 3;
const CALC_FIRST_ROW = 4;
/** Excel rejects formulas longer than 8,192 characters; keep a margin. */
const MAX_FORMULA_LENGTH = 8000;

/** Defined names from input paths: letters, digits and _ only, unique without regard to case. */
function nameInputs(entries: InputEntry[], prefix: string): Map<string, string> {
  const names = new Map<string, string>();
  const taken = new Set<string>();
  for (const e of entries) {
    const base = `${prefix}${e.path.replace(/[^A-Za-z0-9_]/g, "_")}`;
    let name = base;
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base}_${n}`;
    taken.add(name.toLowerCase());
    names.set(e.path, name);
  }
  return names;
}

/** The display rule as a spreadsheet expression of `x` (dollars). */
export function roundingFormula(display: Pick<Display, "unit" | "decimals" | "rounding" | "roundTo">, x: string): string {
  const inUnit = display.unit === "dollars" ? x : `${x}/${unitFactor(display.unit).toString()}`;
  // A rounding step (nearest 1,000 printed in dollars): round the count of steps, then scale back.
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

interface ScenarioSheets {
  /** The census sheet when the scenario costs salaries by the schedule method. */
  census?: { name: string; sheet: XLSX.WorkSheet };
  /** The Calculation sheet's "Census x Schedule" block (schedule method only). */
  censusPricing?: { fiscalYear: number; members: Decimal; p0Sheet: Decimal; p0Engine: Decimal };
  inputsName: string;
  calcName: string;
  inputs: XLSX.WorkSheet;
  calc: XLSX.WorkSheet;
  names: { Name: string; Ref: string }[];
  /** Line id -> 1-based Calculation row. */
  lineRows: Map<string, number>;
  result: TableResult;
}

function inputsSheet(scenario: Scenario, entries: InputEntry[], names: Map<string, string>): XLSX.WorkSheet {
  const rows: Row[] = [
    [text(`Inputs: ${scenario.name}`)],
    [text("Edit the Value column; every formula on the Calculation and Cost Table sheets follows. Rows are matched by Path on import.")],
    INPUT_HEADERS.map(text),
  ];
  for (const e of entries) {
    const p = e.param;
    const stated = p.stated === undefined ? null : /^-?\d+(\.\d+)?$/.test(p.stated) ? num(spreadsheetNumber(p.stated)) : text(p.stated);
    rows.push([
      text(e.path),
      text(e.section),
      text(e.owner),
      text(p.label),
      num(spreadsheetNumber(p.value)),
      text(e.unit),
      text(p.source.kind),
      text(p.source.ref),
      text(p.source.note ?? ""),
      stated,
      text(names.get(e.path)!),
    ]);
  }
  return sheetFromRows(rows, [38, 22, 28, 50, 16, 12, 12, 16, 60, 16, 38]);
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

function rowWriter(layout: CalcLayout, put: (r: number, cells: Row) => void, cached: boolean): RowWriter {
  return (r, id, label, fyFormula, cells, how) => {
    const row: Row = [text(id), text(label)];
    for (const fy of layout.years) {
      const value = cachedNumber(cells[fyKey(fy)]!.exact);
      const f = fyFormula(fy);
      row[layout.fyCol(fy)] = f === undefined ? num(value, DOLLARS_FORMAT) : formula(f, cached ? value : undefined, DOLLARS_FORMAT);
    }
    const first = col(layout.fyCol(layout.totalYears[0]!));
    const last = col(layout.fyCol(layout.totalYears[layout.totalYears.length - 1]!));
    const total = cells[TOTAL_COLUMN]?.exact ?? sum(layout.totalYears.map((fy) => cells[fyKey(fy)]!.exact));
    row[layout.totalCol] = formula(`SUM(${first}${r}:${last}${r})`, cached ? cachedNumber(total) : undefined, DOLLARS_FORMAT);
    if (layout.annualCol !== undefined) row[layout.annualCol] = num(cachedNumber(cells[ANNUALIZED_COLUMN]!.exact), DOLLARS_FORMAT);
    row[layout.howCol] = text(how);
    put(r, row);
  };
}

/** The cost item rows: each item's kind writes its formula over the Inputs sheet; what a sheet cannot express is written as values. */
function itemRows(scenario: Scenario, result: TableResult, layout: CalcLayout, ctx: FormulaContext, write: RowWriter): void {
  const byId = new Map<string, ItemBase>(scenario.items.map((i) => [i.id, i]));
  for (const item of result.items) {
    const source = byId.get(item.id);
    const perYear = layout.years.map((fy) => (source ? ctx.kindOf(source).formula(source, ctx, fy) : undefined));
    const tooLong = perYear.some((f) => f !== undefined && f.formula.length > MAX_FORMULA_LENGTH);
    if (tooLong) perYear.fill(undefined);
    const how = perYear.every((f) => f !== undefined)
      ? [...new Set(perYear.map((f) => f!.note))].join(" | ")
      : tooLong
        ? `the formula would pass Excel's ${MAX_FORMULA_LENGTH}-character limit (too many groups or steps): values from the engine, not formulas`
        : "costed by the engine from the census on the salary schedules (schedule method): values, not formulas";
    write(
      layout.itemRows.get(item.id)!,
      `item:${item.id}`,
      `${item.label} (${item.kind}, line ${item.line})`,
      (fy) => perYear[layout.years.indexOf(fy)]?.formula,
      item.cells,
      how,
    );
  }
}

/**
 * The part of some cost lines paid by a fund, as a formula: each item's cell x its fund share, or
 * the sum over its groups of the group's fund share x the group's part of the item.
 */
function fundFormula(
  scenario: Scenario,
  result: TableResult,
  fund: string,
  costLines: { id: string; sign: number }[],
  fy: number,
  ctx: FormulaContext,
  itemCell: (id: string, fy: number) => string,
): string {
  const terms = costLines.flatMap(({ id, sign }) =>
    result.items
      .filter((i) => i.line === id)
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
  const costTerms = (id: string, sign: number): { id: string; sign: number }[] => {
    const l = linesById.get(id);
    if (l?.sum) return [...l.sum.flatMap((x) => costTerms(x, sign)), ...(l.minus ?? []).flatMap((x) => costTerms(x, -sign))];
    return expand(id).map((x) => ({ id: x, sign }));
  };
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
        const terms = spec!.fund!.of.flatMap((id) => costTerms(id, 1));
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
    write(r, `line:${line.id}`, line.label, fyFormula, line.cells, how);
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
  const costLines = result.lines.filter((l) => l.kind === "cost").map((l) => ({ id: l.id, sign: 1 }));
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
  const costSum = (fy: number) => costLines.map((l) => `${col(layout.fyCol(fy))}${layout.lineRows.get(l.id)}`).join("+") || "0";
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

function scenarioSheets(scenario: Scenario, index: number, options: ExportOptions, schedules: () => ScheduleSheets): ScenarioSheets {
  const suffix = index === 0 ? "" : ` ${index + 1}`;
  const inputsName = `Inputs${suffix}`;
  const calcName = `Calculation${suffix}`;
  const entries = listInputs(scenario);
  const names = nameInputs(entries, index === 0 ? "" : `S${index + 1}_`);
  const definedNames = entries.map((e, i) => ({
    Name: names.get(e.path)!,
    Ref: `${quoteSheet(inputsName)}!$E$${INPUTS_HEADER_ROW + 1 + i}`,
  }));
  const result = computeTable(scenario, options.computeOptions);
  const layout = calcLayout(scenario, result);
  const cached = options.cachedValues !== "none";
  const companions = new Map<string, string[]>();
  for (const i of result.items)
    if (!scenario.items.some((x) => x.id === i.id)) {
      const owner = i.id.split(".")[0]!;
      companions.set(owner, [...(companions.get(owner) ?? []), i.id]);
    }
  const ctx = formulaContextFor(scenario, {
    ref: (path) => {
      const name = names.get(path);
      if (!name) throw new Error(`internal: no input at path ${path}`);
      return name;
    },
    itemCell: (id, fy) => (layout.itemRows.has(id) ? `${col(layout.fyCol(fy))}${layout.itemRows.get(id)}` : undefined),
    companions,
  });
  const rows: Row[] = [
    [text(`Calculation: ${scenario.name}`)],
    [
      text(
        "Unrounded dollars. Each cost item is its kind's formula over the Inputs sheet; lines sum items; derived lines are formulas over the lines.",
      ),
    ],
    [
      text("Row"),
      text("Description"),
      ...layout.columns.map((c) => text(result.columnLabels[c] ?? (c === TOTAL_COLUMN ? `${layout.years.length}-Yr Total` : c))),
      text("How"),
    ],
  ];
  const put = (r: number, cells: Row) => {
    rows[r - 1] = cells;
  };
  const write = rowWriter(layout, put, cached);
  put(CALC_FIRST_ROW, [text("Cost items")]);
  itemRows(scenario, result, layout, ctx, write);
  put(layout.lineRows.get(result.lines[0]!.id)! - 1, [text("Table lines")]);
  lineRowsOf(scenario, result, layout, ctx, write);
  fundSplitRows(scenario, result, layout, ctx, write, rows.length + 2, put);
  const schedule =
    scenario.settings.salaryMethod === "schedule"
      ? censusBlock(scenario, options, suffix, schedules, rows.length + 2, put, layout.howCol, cached)
      : undefined;
  for (let r = 0; r < rows.length; r++) rows[r] ??= [];
  return {
    ...(schedule ? { census: schedule.census, censusPricing: schedule.pricing } : {}),
    inputsName,
    calcName,
    inputs: inputsSheet(scenario, entries, names),
    calc: sheetFromRows(rows, [34, 60, ...layout.columns.map(() => 18), 90]),
    names: definedNames,
    lineRows: layout.lineRows,
    result,
  };
}

/** The census sheet and the Calculation sheet's Census x Schedule block of a schedule-method scenario. */
function censusBlock(
  scenario: Scenario,
  options: ExportOptions,
  suffix: string,
  schedules: () => ScheduleSheets,
  headingRow: number,
  put: (r: number, cells: Row) => void,
  howCol: number,
  cached: boolean,
) {
  const name = `Census${suffix}`;
  const source: CheckedCensus = options.computeOptions?.scheduleMethod?.census ?? censusOfScenario(scenario);
  const priced = censusSheet(source, name, schedules(), cached);
  // No raise terms: P0 depends on the census and the base-year schedule only.
  const p0Engine = scheduleMethodCost(source, [], defaultScheduleCostSettings(scenario.calendar)).basePayroll.value;
  censusPricingRows(priced, source.asOfFiscalYear, p0Engine, headingRow, { put, howCol, cached });
  return {
    census: { name, sheet: priced.sheet },
    pricing: { fiscalYear: source.asOfFiscalYear, members: priced.members, p0Sheet: priced.p0, p0Engine },
  };
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

function costTableSheet(blocks: ScenarioSheets[], scenarios: Scenario[], options: ExportOptions): XLSX.WorkSheet {
  const cached = options.cachedValues !== "none";
  const first = scenarios[0]!;
  const rows: Row[] = [[text(`Fiscal impact: ${first.agreement.name}`)], [text(unitsHeading(first.table.display.unit))]];
  const widths: number[] = [];
  let c0 = 0;
  blocks.forEach((b, k) => {
    const scenario = scenarios[k]!;
    const display = scenario.table.display;
    const columns = b.result.columns;
    const format =
      display.decimals === 0 ? THOUSANDS_FORMAT : `#,##0.${"0".repeat(display.decimals)};(#,##0.${"0".repeat(display.decimals)})`;
    const calcCol = (c: string) =>
      c === TOTAL_COLUMN
        ? 2 + scenario.table.columns.fiscalYears.length
        : c === ANNUALIZED_COLUMN
          ? 3 + scenario.table.columns.fiscalYears.length
          : 2 + scenario.table.columns.fiscalYears.indexOf(Number.parseInt(c.slice(2), 10));
    const setCell = (r: number, c: number, cell: XLSX.CellObject) => {
      const row = (rows[r] ??= []);
      row[c] = cell;
    };
    const rowOf = new Map(b.result.lines.map((l, i) => [l.id, 4 + i]));
    const linesById = new Map(scenario.table.lines.map((l) => [l.id, l]));
    setCell(2, c0, text(scenario.name));
    setCell(3, c0, text("Line"));
    columns.forEach((c, j) => setCell(3, c0 + 1 + j, text(b.result.columnLabels[c] ?? c)));
    const totalSpec = scenario.table.columns.total === false ? undefined : scenario.table.columns.total;
    const totalDisplay = totalSpec?.roundTo === undefined ? display : { ...display, roundTo: totalSpec.roundTo };
    const totalYears = totalYearsOf(scenario).map(fyKey);
    const calcRef = (id: string, c: string) => `${quoteSheet(b.calcName)}!${col(calcCol(c))}${b.lineRows.get(id)!}`;
    b.result.lines.forEach((line, i) => {
      const r = 4 + i;
      setCell(r, c0, text(line.label));
      columns.forEach((c, j) => {
        const here = (rr: number, cc: string) => `${col(c0 + 1 + columns.indexOf(cc))}${rr + 1}`;
        // A line printed as 0 still adds its rounded cost to sums of rounded cells.
        const rounded = (id: string, cc: string) =>
          b.result.lines.find((l) => l.id === id)?.printedAsZero ? roundingFormula(display, calcRef(id, cc)) : here(rowOf.get(id)!, cc);
        let f = roundingFormula(c === TOTAL_COLUMN ? totalDisplay : display, calcRef(line.id, c));
        if (display.totals === "sumOfRounded") {
          const spec = linesById.get(line.id);
          if (c === TOTAL_COLUMN) {
            const sumOf = `SUM(${here(r, totalYears[0]!)}:${here(r, totalYears[totalYears.length - 1]!)})`;
            f = totalSpec?.roundTo === undefined ? sumOf : roundingFormula({ ...totalDisplay, unit: "dollars" }, sumOf);
          } else if (spec?.sum) {
            const companions = (id: string) => [
              id,
              ...b.result.lines.filter((l) => l.id.startsWith(id) && !linesById.has(l.id)).map((l) => l.id),
            ];
            const plus = spec.sum.flatMap(companions).map((id) => rounded(id, c));
            const minus = (spec.minus ?? []).flatMap(companions).map((id) => `-${rounded(id, c)}`);
            f = `${plus.join("+") || "0"}${minus.join("")}`;
          }
        }
        if (line.printedAsZero) f = "0";
        setCell(r, c0 + 1 + j, formula(f, cached ? spreadsheetNumber(line.cells[c]!.display.toString()) : undefined, format));
      });
    });
    widths[c0] = 52;
    for (let j = 1; j <= columns.length; j++) widths[c0 + j] = 14;
    widths[c0 + columns.length + 1] = 3;
    c0 += columns.length + 2;
  });
  for (let r = 0; r < rows.length; r++) rows[r] ??= [];
  return sheetFromRows(
    rows,
    Array.from(widths, (w) => w ?? 10),
  );
}

function notesSheet(blocks: ScenarioSheets[], scenarios: Scenario[]): XLSX.WorkSheet {
  const rows: Row[] = [];
  const add = (...cells: string[]) => rows.push(cells.map(text));
  scenarios.forEach((scenario, k) => {
    const result = blocks[k]!.result;
    add(`Scenario: ${scenario.name}`);
    add(scenario.description);
    add("");
    add("Table notes");
    for (const line of result.lines) if (line.note) add(line.label, line.note);
    add("");
    add("Rounding rule");
    add(result.roundingRule);
    add(
      `Cost Table cell = ${roundingFormula(scenario.table.display, "unrounded dollars")}; ${
        scenario.table.display.totals === "roundedExact"
          ? "a Total is rounded from the sum of the unrounded values, so it may differ from the sum of the displayed cells."
          : "totals are sums of the displayed cells."
      }`,
    );
    add("");
    add("Calibrated inputs", "Value", "Stated value", "Reason");
    for (const e of listInputs(scenario))
      if (e.param.source.kind === "calibrated")
        add(`${e.param.label} (${e.path})`, e.param.value, e.param.stated ?? "", e.param.source.note ?? "");
    add("");
    add("What each item provides");
    for (const d of describeItems(scenario)) add(d.text);
    for (const item of scenario.items) {
      if (item.kind === "perHeadBenefit" && item.countFrom?.source.kind === "calibrated")
        add(`${item.label}: counted from (items.${item.id}.countFrom)`, item.countFrom.date, "", item.countFrom.source.note ?? "");
    }
    const pricing = blocks[k]!.censusPricing;
    if (pricing) {
      const calcName = blocks[k]!.calcName;
      const censusName = blocks[k]!.census!.name;
      add("");
      add("Schedule method (census on the salary schedules)");
      add(
        "Raise, step and turnover rows",
        "engine values, not formulas",
        "",
        `They need the census projected year by year (step movement, Art. 36.6 holds, separations replaced at entry) and, for what-if raises, the scaled schedules: model/engine/schedule does that; the sheet cannot. The rates of pay on them and every total are formulas.`,
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
        "Where the engine pays the row: steps map to the printed columns (ET-15 12-15, EG-09 10-16), the top step goes to a longevity column by years of service when the lane has one. Editing Step or Years of service on the sheet does not move it; editing Headcount or a schedule amount moves P0.",
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
        "importAssumptions reads the Inputs sheet and importCensus the Census sheet (columns A-E); the Schedules sheets and the pricing columns are ignored.",
      );
    }
    const edited = listInputs(scenario).filter((e) => e.param.source.kind === "user");
    if (edited.length) {
      add("");
      add("Edited inputs", "Value", "", "Was");
      for (const e of edited) add(`${e.param.label} (${e.path})`, e.param.value, "", e.param.source.note ?? "");
    }
    add("");
  });
  return sheetFromRows(rows, [60, 40, 16, 100]);
}

/** Scenarios -> the bytes of an .xlsx workbook (no file system; the caller saves or downloads them). */
export function exportWorkbook(scenarios: Scenario[], options: ExportOptions = {}): Uint8Array {
  if (scenarios.length === 0) throw new Error("exportWorkbook needs at least one scenario");
  let schedules: ScheduleSheets | undefined;
  const scheduleSheetsOnce = () => (schedules ??= scheduleSheets());
  const blocks = scenarios.map((s, i) => scenarioSheets(s, i, options, scheduleSheetsOnce));
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, costTableSheet(blocks, scenarios, options), "Cost Table");
  for (const b of blocks) {
    XLSX.utils.book_append_sheet(wb, b.inputs, b.inputsName);
    XLSX.utils.book_append_sheet(wb, b.calc, b.calcName);
    if (b.census) XLSX.utils.book_append_sheet(wb, b.census.sheet, b.census.name);
  }
  // Only a schedule-method scenario asks for them; written once for all scenarios.
  for (const s of schedules?.sheets ?? []) XLSX.utils.book_append_sheet(wb, s.sheet, s.name);
  XLSX.utils.book_append_sheet(wb, notesSheet(blocks, scenarios), "Notes");
  wb.Workbook = { ...(wb.Workbook ?? {}), Names: blocks.flatMap((b) => b.names) };
  const out = XLSX.write(wb, { type: "array", bookType: "xlsx", compression: true }) as ArrayBuffer;
  return new Uint8Array(out);
}
