/** Cell constructors and a rows -> worksheet builder shared by the workbook's sheets. */
import * as XLSX from "xlsx";
import type { Decimal } from "../engine/index";
import { escapeSpreadsheetText } from "./text-escape";

/**
 * The one place a decimal string becomes a JS number: a spreadsheet cell stores an IEEE double,
 * so this is the file format's limit, not arithmetic. Scenario values are short decimals whose
 * shortest double representation prints back as the same decimal, which the import relies on.
 */
export function spreadsheetNumber(text: string): number {
  return Number(text);
}
export const cachedNumber = (d: Decimal): number => spreadsheetNumber(d.toString());

export type Row = (XLSX.CellObject | null)[];
export const text = (s: string): XLSX.CellObject => ({ t: "s", v: escapeSpreadsheetText(s) });
export const num = (n: number, z?: string): XLSX.CellObject => (z ? { t: "n", v: n, z } : { t: "n", v: n });
export const formula = (f: string, cached: number | undefined, z?: string): XLSX.CellObject => {
  const cell = (cached === undefined ? { t: "n", f } : { t: "n", f, v: cached }) as XLSX.CellObject;
  if (z) cell.z = z;
  return cell;
};

export function sheetFromRows(rows: Row[], widths: number[]): XLSX.WorkSheet {
  const ws: XLSX.WorkSheet = {};
  let maxC = 0;
  rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (!cell) return;
      ws[XLSX.utils.encode_cell({ r, c })] = cell;
      maxC = Math.max(maxC, c);
    }),
  );
  ws["!ref"] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: Math.max(rows.length - 1, 0), c: maxC } });
  ws["!cols"] = widths.map((wch) => ({ wch }));
  return ws;
}

export const quoteSheet = (name: string) => `'${name.replace(/'/g, "''")}'`;
export const col = (c: number) => XLSX.utils.encode_col(c);
/** An absolute A1 range on a sheet, 0-based rows and columns in. */
export const absRange = (sheet: string, r0: number, c0: number, r1: number, c1: number) =>
  `${quoteSheet(sheet)}!$${col(c0)}$${r0 + 1}:$${col(c1)}$${r1 + 1}`;
