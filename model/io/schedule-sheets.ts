/**
 * The salary schedules the schedule method prices on, one sheet per family ("Schedules ET-15",
 * "Schedules EG-09"), one block per schedule x fiscal year: lanes as rows, the printed step
 * columns as columns, whole-dollar number cells. FY2024 is derived (model/engine/schedule/schedules.ts
 * deriveFy2024: FY2025 / 1.02 to the dollar, half-up) and its block says so; FY2025-FY2028 carry
 * the source lines they were read from. N/A cells are left blank, so a lookup that lands on one
 * is an error in the sheet rather than a silent zero.
 *
 * The schedules do not depend on the scenario, so a comparison workbook writes them once and
 * every Census sheet looks its salaries up here (census-sheet.ts).
 */
import type * as XLSX from "xlsx";
import { loadSchedules, scheduleKeyOf, scheduleRef } from "../engine/index";
import type { SalarySchedule, ScheduleFamily, ScheduleKey } from "../engine/index";
import { absRange, num, sheetFromRows, spreadsheetNumber, text, type Row } from "./sheet-cells";

export const SALARY_FORMAT = "#,##0";
export const scheduleSheetName = (family: ScheduleFamily) => `Schedules ${family}`;

/** Where one schedule's table sits, as absolute ranges a formula can use. */
export interface ScheduleBlock {
  schedule: SalarySchedule;
  /** The lane labels (column A). */
  lanes: string;
  /** The step column labels (the "Lane" header row, after column A). */
  steps: string;
  /** The amounts, lanes x steps. */
  body: string;
}

export interface ScheduleSheets {
  sheets: { name: string; sheet: XLSX.WorkSheet }[];
  block(key: ScheduleKey, fiscalYear: number): ScheduleBlock | undefined;
}

function adjustmentCell(s: SalarySchedule): XLSX.CellObject {
  if (s.adjustment !== null) return num(spreadsheetNumber(s.adjustment), "0.0%");
  return text(s.derived ? "none (derived table)" : "none printed");
}

export function scheduleSheets(schedules: readonly SalarySchedule[] = loadSchedules()): ScheduleSheets {
  const families = [...new Set(schedules.map((s) => s.family))];
  const blocks = new Map<string, ScheduleBlock>();
  const sheets = families.map((family) => {
    const name = scheduleSheetName(family);
    const mine = schedules.filter((s) => s.family === family);
    const years = [...new Set(mine.map((s) => s.fiscalYear))];
    const rows: Row[] = [
      [text(`Salary schedules ${family}: ${years.map((fy) => `FY${fy}`).join(", ")}`)],
      [
        text(
          "Annual salary in whole dollars; lanes are rows, the printed step columns are columns. A blank amount is N/A in the source " +
            "(that lane has no longevity step).",
        ),
      ],
      [
        text(
          "Derived tables (FY2024 is not printed) are each FY2025 cell / 1.02, rounded to the dollar half-up; printed tables name " +
            "the source lines they were read from.",
        ),
      ],
    ];
    let widest = 0;
    for (const s of mine) {
      rows.push([]);
      rows.push([text(s.id), text(s.heading)]);
      rows.push([text("Months"), num(s.months)]);
      rows.push([text("Effective"), text(s.effective)]);
      rows.push([text("Adjustment"), adjustmentCell(s)]);
      rows.push([text(s.derived ? "Derived" : "Source"), text(scheduleRef(s))]);
      for (const note of s.notes ?? []) rows.push([text("Note"), text(note)]);
      const headerRow = rows.length;
      rows.push([text("Lane"), ...s.steps.map(text)]);
      const naCells: string[] = [];
      for (const lane of s.lanes) {
        rows.push([
          text(lane),
          ...s.cells[lane]!.map((c, j) => {
            if (c === null) naCells.push(`${lane} ${s.steps[j]}`);
            return c === null ? null : num(spreadsheetNumber(c), SALARY_FORMAT);
          }),
        ]);
      }
      const lastLaneRow = rows.length - 1;
      if (naCells.length) rows.push([text("Blank = N/A"), text(`printed N/A, left blank: ${naCells.join("; ")}`)]);
      widest = Math.max(widest, s.steps.length);
      blocks.set(`${scheduleKeyOf(s)}|${s.fiscalYear}`, {
        schedule: s,
        lanes: absRange(name, headerRow + 1, 0, lastLaneRow, 0),
        steps: absRange(name, headerRow, 1, headerRow, s.steps.length),
        body: absRange(name, headerRow + 1, 1, lastLaneRow, s.steps.length),
      });
    }
    return { name, sheet: sheetFromRows(rows, [24, ...Array.from({ length: widest }, () => 11)]) };
  });
  return { sheets, block: (key, fy) => blocks.get(`${key}|${fy}`) };
}
