/**
 * The census the schedule method costed, laid out so importCensus reads it back (Schedule, Lane,
 * Step, Years of service, Headcount), and priced on its base-year schedule by lookups:
 *
 *   Pay column      the printed column the engine pays the row in (payColumn: step -> column,
 *                   longevity columns at the top step by years of service). A value: the
 *                   placement rule is not a lookup, and editing Step here does not move it.
 *   <FY> salary     INDEX(schedule block, MATCH(lane), MATCH(pay column)) on the Schedules sheet
 *   <FY> payroll    headcount x salary
 *
 * P0 = SUMPRODUCT(headcount, salary) goes on the Calculation sheet (xlsx-export.ts), next to the
 * engine's scheduleMethodCost(...).basePayroll, so the file shows whether the two agree.
 */
import type * as XLSX from "xlsx";
import { Decimal } from "../engine/index";
import { cellAmount, payColumn } from "../engine/index";
import type { Census } from "../engine/index";
import { absRange, cachedNumber, formula, num, sheetFromRows, text, type Row } from "./sheet-cells";
import { SALARY_FORMAT, type ScheduleSheets } from "./schedule-sheets";

export interface CensusSheet {
  sheet: XLSX.WorkSheet;
  /** 1-based row of census.cells[i], and the column of its headcount. */
  rowOf: (index: number) => number;
  headcountCol: string;
  /** Absolute ranges of the headcount and base-year salary columns (equal length). */
  headcount: string;
  salary: string;
  /** The base-year payroll the cached values add up to (what the lookups should give). */
  p0: Decimal;
  members: Decimal;
}

const FIRST_DATA_ROW = 3; // 0-based: title, explanation, header

export function censusSheet(census: Census, name: string, schedules: ScheduleSheets, cached: boolean): CensusSheet {
  const fy = census.asOfFiscalYear;
  const rows: Row[] = [
    [text(`Census: ${census.label}`), text(`as of FY${fy}`)],
    [
      text(
        `The Projection sheet moves this census year by year and prices it on the salary schedules (the raise, step and ` +
          `turnover rows of the Calculation sheet): edit a Headcount and they follow. Columns F-H price each row on the FY${fy} ` +
          `schedule: F is where the engine places it, G looks the salary up on the Schedules sheets, H = headcount x salary. ` +
          `Schedule, Lane, Step and Years of service are the census's structure: editing them here does not move the formulas.`,
      ),
    ],
    ["Schedule", "Lane", "Step", "Years of service", "Headcount", "Pay column (engine placement)", `FY${fy} salary`, `FY${fy} payroll`].map(
      text,
    ),
  ];
  let p0 = new Decimal(0);
  let members = new Decimal(0);
  for (const c of census.cells) {
    const r = rows.length + 1; // 1-based row of this census cell
    const block = schedules.block(c.schedule, fy);
    if (!block) throw new Error(`internal: no ${c.schedule} schedule for FY${fy} on the Schedules sheets`);
    const column = payColumn(block.schedule, c.lane, c.step, c.yearsOfService);
    const salary = cellAmount(block.schedule, c.lane, column);
    const payroll = c.headcount.times(salary);
    p0 = p0.plus(payroll);
    members = members.plus(c.headcount);
    rows.push([
      text(c.schedule),
      text(c.lane),
      num(c.step),
      c.yearsOfService === undefined ? null : num(c.yearsOfService),
      num(cachedNumber(c.headcount)),
      text(block.schedule.steps[column]!),
      formula(
        `INDEX(${block.body},MATCH(B${r},${block.lanes},0),MATCH(F${r},${block.steps},0))`,
        cached ? cachedNumber(salary) : undefined,
        SALARY_FORMAT,
      ),
      formula(`E${r}*G${r}`, cached ? cachedNumber(payroll) : undefined, SALARY_FORMAT),
    ]);
  }
  const last = Math.max(rows.length - 1, FIRST_DATA_ROW);
  return {
    sheet: sheetFromRows(rows, [14, 26, 8, 16, 12, 18, 14, 16]),
    rowOf: (index) => FIRST_DATA_ROW + 1 + index,
    headcountCol: "E",
    headcount: absRange(name, FIRST_DATA_ROW, 4, last, 4),
    salary: absRange(name, FIRST_DATA_ROW, 6, last, 6),
    p0,
    members,
  };
}
