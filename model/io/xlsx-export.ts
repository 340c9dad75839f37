/**
 * A live workbook of one or more scenarios: every input on an "Inputs" sheet (one per scenario),
 * every cost item, line and total in unrounded dollars as formulas on a "Calculation" sheet,
 * and the FIS table on "Cost Table" as ROUND(dollars/1000, 0) of those cells. A user who edits
 * an input in Excel or LibreOffice sees the whole table move exactly as the engine would move
 * it; test/io/xlsx-recalc.test.ts proves that with LibreOffice and HyperFormula.
 *
 * Inputs are referenced by defined names built from their paths (groups_wtu_members,
 * items_baseSalary_steps_1_amount); the second and later scenarios of a comparison prefix
 * theirs with S2_, S3_, ...
 *
 * Cached values: by default each formula cell also carries the engine's value, so viewers that
 * never calculate show the right numbers; the file has no calcPr/calcId, which makes Excel
 * recalculate fully on open.
 */
import * as XLSX from "xlsx";
import { computeTable, type ComputeOptions, type TableResult } from "../engine/compute";
import { fundSplit } from "../engine/analysis/fund-split";
import { Decimal } from "../engine/decimal";
import { censusMembersGap, referenceCensus, type CensusMembersGap } from "../engine/schedule";
import { scheduleMethodCost } from "../engine/schedule/schedule-cost";
import { listInputs, type InputEntry } from "../engine/scenario/paths";
import { fyKey, type CostItem, type Scenario } from "../engine/scenario/types";
import { itemFormula, type FormulaContext } from "./item-formulas";
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

interface ScenarioSheets {
  /** The census sheet when the scenario costs salaries by the schedule method. */
  census?: { name: string; sheet: XLSX.WorkSheet };
  /** The Calculation sheet's "Census x Schedule" block (schedule method only). */
  censusPricing?: { fiscalYear: number; members: Decimal; p0Sheet: Decimal; p0Engine: Decimal; gap?: CensusMembersGap };
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
      text(p.unit),
      text(p.source.kind),
      text(p.source.ref),
      text(p.source.note ?? ""),
      stated,
      text(names.get(e.path)!),
    ]);
  }
  return sheetFromRows(rows, [38, 22, 28, 50, 16, 12, 12, 16, 60, 16, 38]);
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
  const years = scenario.agreement.fiscalYears;
  const cached = options.cachedValues !== "none";
  const firstFyCol = 2;
  const totalCol = firstFyCol + years.length;
  const fyCol = (fy: number) => firstFyCol + years.indexOf(fy);

  // Row of every item and line, fixed before any formula is written so formulas can refer forward.
  const itemRows = new Map<string, number>();
  let next = CALC_FIRST_ROW + 1; // row CALC_FIRST_ROW is the "Cost items" heading
  for (const item of result.items) itemRows.set(item.id, next++);
  next++; // heading row for lines
  const costLines = result.lines.filter((l) => l.kind === "cost");
  const lineRows = new Map<string, number>();
  for (const l of result.lines) lineRows.set(l.id, next++);

  const ctx: FormulaContext = {
    scenario,
    ref: (path) => {
      const name = names.get(path);
      if (!name) throw new Error(`internal: no input at path ${path}`);
      return name;
    },
    itemCell: (id, fy) => (itemRows.has(id) ? `${col(fyCol(fy))}${itemRows.get(id)}` : undefined),
    ...(options.computeOptions?.raisesCoster ? { raisesCostedElsewhere: true } : {}),
  };
  const byId = new Map<string, CostItem>(scenario.items.map((i) => [i.id, i]));
  const rows: Row[] = [
    [text(`Calculation: ${scenario.name}`)],
    [
      text(
        "Unrounded dollars. Each cost item mirrors the engine's formula over the Inputs sheet; lines sum items; totals sum unrounded values.",
      ),
    ],
    [text("Row"), text("Description"), ...years.map((fy) => text(fyKey(fy))), text(`${years.length}-Year Total`), text("How")],
  ];
  const put = (r: number, cells: Row) => {
    rows[r - 1] = cells;
  };
  const totalFormula = (r: number) => `SUM(${col(firstFyCol)}${r}:${col(totalCol - 1)}${r})`;
  const lineRow: LineRowWriter = (r, id, label, fyFormula, cells, how) => {
    put(r, [
      text(id),
      text(label),
      ...years.map((fy) => formula(fyFormula(fy), cached ? cachedNumber(cells[fyKey(fy)]!.exact) : undefined, DOLLARS_FORMAT)),
      formula(totalFormula(r), cached ? cachedNumber(cells.Total?.exact ?? sumExact(cells, years)) : undefined, DOLLARS_FORMAT),
      text(how),
    ]);
  };

  put(CALC_FIRST_ROW, [text("Cost items")]);
  for (const item of result.items) {
    const r = itemRows.get(item.id)!;
    const source = byId.get(item.id);
    const perYear = years.map((fy) => (source ? itemFormula(source, ctx, fy) : undefined));
    const tooLong = perYear.some((f) => f !== undefined && f.formula.length > MAX_FORMULA_LENGTH);
    if (tooLong) perYear.fill(undefined);
    const how = perYear.every((f) => f !== undefined)
      ? [...new Set(perYear.map((f) => f!.note))].join(" | ")
      : tooLong
        ? `the formula would pass Excel's ${MAX_FORMULA_LENGTH}-character limit (too many groups or steps): values from the engine, not formulas`
        : scenario.settings.salaryMethod === "schedule" && !options.computeOptions?.raisesCoster
          ? "costed by the engine from the census on the salary schedules (schedule method): values, not formulas"
          : "costed by the engine's raises coster, which the sheet cannot see: values, not formulas";
    put(r, [
      text(`item:${item.id}`),
      text(`${item.label} (${item.kind}, line ${item.line})`),
      ...years.map((fy, i) => {
        const value = cachedNumber(item.cells[fyKey(fy)]!.exact);
        const f = perYear[i];
        return f ? formula(f.formula, cached ? value : undefined, DOLLARS_FORMAT) : num(value, DOLLARS_FORMAT);
      }),
      formula(totalFormula(r), cached ? cachedNumber(sumExact(item.cells, years)) : undefined, DOLLARS_FORMAT),
      text(how),
    ]);
  }
  put(lineRows.get(result.lines[0]!.id)! - 1, [text("Table lines")]);
  const fyRef = (id: string, fy: number) => `${col(fyCol(fy))}${lineRows.get(id)}`;
  for (const line of costLines) {
    const members = result.items.filter((i) => i.line === line.id).map((i) => itemRows.get(i.id)!);
    lineRow(
      lineRows.get(line.id)!,
      `line:${line.id}`,
      line.label,
      (fy) => (members.length ? members.map((r) => `${col(fyCol(fy))}${r}`).join("+") : "0"),
      line.cells,
      "sum of the line's cost items",
    );
  }
  const derived = (id: string, fyFormula: (fy: number) => string, how: string) => {
    const line = result.lines.find((l) => l.id === id);
    if (line) lineRow(lineRows.get(id)!, `line:${id}`, line.label, fyFormula, line.cells, how);
  };
  derived("totalCost", (fy) => costLines.map((l) => fyRef(l.id, fy)).join("+") || "0", "sum of the unrounded cost lines");
  derived("localPortion", (fy) => `${ctx.ref("localShare")}*${fyRef("totalCost", fy)}`, "local share x TOTAL COST");
  derived(
    "fundingAvailable",
    (fy) => (scenario.fundingAvailable[fyKey(fy)] ? `-${ctx.ref(`fundingAvailable.${fyKey(fy)}`)}` : "0"),
    "minus the funding available (shown negative, as published)",
  );
  derived("costFundedByWia", (fy) => `${fyRef("localPortion", fy)}+${fyRef("fundingAvailable", fy)}`, "local portion - funding available");
  fundSplitRows(scenario, result, ctx, lineRows, rows.length + 2, { col, fyCol, years, lineRow, put });

  let census: { name: string; sheet: XLSX.WorkSheet } | undefined;
  let censusPricing: ScenarioSheets["censusPricing"];
  if (scenario.settings.salaryMethod === "schedule") {
    const name = `Census${suffix}`;
    const source = options.computeOptions?.scheduleMethod?.census ?? referenceCensus();
    const priced = censusSheet(source, name, schedules(), cached);
    census = { name, sheet: priced.sheet };
    // No raise terms: P0 depends on the census and the base-year schedule only.
    const p0Engine = scheduleMethodCost(source, []).basePayroll.value;
    const gap = censusMembersGap(scenario, source);
    censusPricing = { fiscalYear: source.asOfFiscalYear, members: priced.members, p0Sheet: priced.p0, p0Engine, ...(gap ? { gap } : {}) };
    censusPricingRows(priced, source.asOfFiscalYear, p0Engine, rows.length + 2, { put, howCol: totalCol + 1, cached });
  }

  for (let r = 0; r < rows.length; r++) rows[r] ??= [];
  return {
    ...(census ? { census } : {}),
    ...(censusPricing ? { censusPricing } : {}),
    inputsName,
    calcName,
    inputs: inputsSheet(scenario, entries, names),
    calc: sheetFromRows(rows, [34, 60, ...years.map(() => 18), 18, 90]),
    names: definedNames,
    lineRows,
    result,
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

type LineRowWriter = (
  r: number,
  id: string,
  label: string,
  fyFormula: (fy: number) => string,
  cells: Record<string, { exact: Decimal }>,
  how: string,
) => void;

/**
 * The fund split (scenario.fundShares) below the table lines, as model/engine/analysis/fund-split.ts
 * reports it: each fund's share x TOTAL COST, then what no fund covers. Not on the Cost Table,
 * because computeTable's table has no fund rows (it keeps the one local-portion line).
 */
function fundSplitRows(
  scenario: Scenario,
  result: TableResult,
  ctx: FormulaContext,
  lineRows: Map<string, number>,
  headingRow: number,
  at: {
    col: (c: number) => string;
    fyCol: (fy: number) => number;
    years: number[];
    lineRow: LineRowWriter;
    put: (r: number, cells: Row) => void;
  },
): void {
  const funds = scenario.fundShares ?? [];
  if (funds.length === 0) return;
  const portions = new Map(fundSplit(scenario, result).map((p) => [p.id, p]));
  const totalRef = (fy: number) => `${at.col(at.fyCol(fy))}${lineRows.get("totalCost")}`;
  const zero = (): Record<string, { exact: Decimal }> => Object.fromEntries(at.years.map((fy) => [fyKey(fy), { exact: new Decimal(0) }]));
  const cellsOf = (id: string) => {
    const p = portions.get(id);
    return p ? Object.fromEntries(Object.entries(p.cells).map(([k, v]) => [k, { exact: v }])) : zero();
  };
  at.put(headingRow, [
    text("Fund split"),
    text("Not Cost Table lines: computeTable has none; as model/engine/analysis/fund-split.ts and fis --fund-split report it"),
  ]);
  funds.forEach((f, k) => {
    const share = ctx.ref(`fundShares.${f.id}.share`);
    at.lineRow(headingRow + 1 + k, `fund:${f.id}`, f.label, (fy) => `${share}*${totalRef(fy)}`, cellsOf(f.id), "fund share x TOTAL COST");
  });
  const assigned = sumOfRefs(funds.map((f) => ctx.ref(`fundShares.${f.id}.share`)));
  at.lineRow(
    headingRow + 1 + funds.length,
    "fund:unassigned",
    "Not assigned to a fund",
    (fy) => `MAX(0,1-(${assigned}))*${totalRef(fy)}`,
    cellsOf("unassigned"),
    "(1 - sum of fund shares) x TOTAL COST; 0 when the shares add up to 1",
  );
}

const sumOfRefs = (refs: string[]) => (refs.length ? refs.join("+") : "0");

function sumExact(cells: Record<string, { exact: Decimal }>, years: number[]): Decimal {
  return years.map((fy) => cells[fyKey(fy)]!.exact).reduce((a, b) => a.plus(b));
}

/**
 * A displayed cell from its unrounded dollars. The dollars are rounded to cents first: a
 * spreadsheet multiplying doubles gets 12,752,499.9999999 for 5,101 x $100,000 x 2.5% (exactly
 * $12,752,500), which would show 12,752 where the engine shows 12,753; no input carries more than
 * cents of meaning, so ROUND(x, 2) restores the exact value before the display rounding.
 */
export function displayRoundFormula(dollarsRef: string, rounding: Scenario["settings"]["rounding"]): string {
  return `${rounding === "truncate" ? "ROUNDDOWN" : "ROUND"}(ROUND(${dollarsRef},2)/1000,0)`;
}

function costTableSheet(blocks: ScenarioSheets[], scenarios: Scenario[], options: ExportOptions): XLSX.WorkSheet {
  const cached = options.cachedValues !== "none";
  const rows: Row[] = [[text(`Fiscal Impact Statement: ${scenarios[0]!.agreement.name}`)], [text("($ thousands)")]];
  const widths: number[] = [];
  let c0 = 0;
  blocks.forEach((b, k) => {
    const scenario = scenarios[k]!;
    const years = scenario.agreement.fiscalYears;
    const setCell = (r: number, c: number, cell: XLSX.CellObject) => {
      const row = (rows[r] ??= []);
      row[c] = cell;
    };
    setCell(2, c0, text(scenario.name));
    setCell(3, c0, text("Line"));
    years.forEach((fy, i) => setCell(3, c0 + 1 + i, text(`FY ${fy}`)));
    setCell(3, c0 + 1 + years.length, text(years.length === 4 ? "Four-Year Total" : `${years.length}-Year Total`));
    b.result.lines.forEach((line, i) => {
      const r = 4 + i;
      const calcRow = b.lineRows.get(line.id)!;
      setCell(r, c0, text(line.label));
      [...years.map(fyKey), "Total"].forEach((key, j) => {
        const ref = `${quoteSheet(b.calcName)}!${col(2 + j)}${calcRow}`;
        const display = line.cells[key]!.display;
        setCell(
          r,
          c0 + 1 + j,
          formula(
            displayRoundFormula(ref, scenario.settings.rounding),
            cached ? spreadsheetNumber(display.toString()) : undefined,
            THOUSANDS_FORMAT,
          ),
        );
      });
    });
    widths[c0] = 52;
    for (let j = 1; j <= years.length + 1; j++) widths[c0 + j] = 14;
    widths[c0 + years.length + 2] = 3;
    c0 += years.length + 3;
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
    const gap = blocks[k]!.censusPricing?.gap;
    if (gap) {
      add(
        "Census and members disagree",
        `census ${gap.census.toString()}, members ${gap.scenario.toString()}`,
        "",
        `${gap.message} Inputs sheet: ${gap.paths.join(", ")}.`,
      );
      add("");
    }
    add("Table notes");
    for (const line of result.lines) if (line.note) add(line.label, line.note);
    add("");
    add("Rounding rule");
    add(result.roundingRule);
    add(
      `Cost Table cell = ${displayRoundFormula("unrounded dollars", scenario.settings.rounding)}: the dollars are rounded to cents ` +
        "first, so an exact $500 tie rounds as the engine rounds it. A Total is the rounded sum of the unrounded fiscal-year values, " +
        "so it may differ from the sum of the displayed cells.",
    );
    add("");
    add("Calibrated inputs", "Value", "Stated value", "Reason");
    for (const e of listInputs(scenario))
      if (e.param.source.kind === "calibrated")
        add(`${e.param.label} (${e.path})`, e.param.value, e.param.stated ?? "", e.param.source.note ?? "");
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
