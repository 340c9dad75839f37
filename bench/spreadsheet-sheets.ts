/** SheetJS-read workbook -> HyperFormula sheets (formulas as "=..." text, values as they are). */
import * as XLSX from "xlsx";

export type RawCell = string | number | boolean | null;

export function sheetsForHyperFormula(workbook: XLSX.WorkBook): Record<string, RawCell[][]> {
  const out: Record<string, RawCell[][]> = {};
  for (const name of workbook.SheetNames) {
    const ws = workbook.Sheets[name]!;
    if (!ws["!ref"]) {
      out[name] = [];
      continue;
    }
    const range = XLSX.utils.decode_range(ws["!ref"]);
    const rows: RawCell[][] = [];
    for (let r = 0; r <= range.e.r; r++) {
      const row: RawCell[] = [];
      for (let c = 0; c <= range.e.c; c++) {
        const cell = ws[XLSX.utils.encode_cell({ r, c })] as XLSX.CellObject | undefined;
        if (!cell) row.push(null);
        else if (cell.f) row.push(`=${cell.f}`);
        else if (cell.t === "n" || cell.t === "b" || cell.t === "s") row.push(cell.v as RawCell);
        else if (cell.t === "e" || cell.t === "z") row.push(null);
        else row.push(cell.v === undefined ? null : String(cell.v));
      }
      rows.push(row);
    }
    out[name] = rows;
  }
  return out;
}

export function countFormulas(workbook: XLSX.WorkBook): number {
  let n = 0;
  for (const name of workbook.SheetNames)
    for (const [addr, cell] of Object.entries(workbook.Sheets[name]!)) if (!addr.startsWith("!") && (cell as XLSX.CellObject).f) n++;
  return n;
}
