/**
 * A 100,000-row census file: one row per person (headcount 1), expanded from
 * syntheticCensus(100000), shuffled with a seeded PRNG so rows of a cell are not adjacent (an HR
 * extract is in employee order, not sorted by schedule cell). The import merges them back.
 */
import * as XLSX from "xlsx";
import { syntheticCensus, type Census } from "../model/engine/schedule";
import { prng } from "../model/engine/schedule/synthetic";

export const CENSUS_HEADER = ["schedule", "lane", "step", "years of service", "headcount"] as const;

export function personRows(people: number, seed = 20240101): { census: Census; rows: (string | number)[][] } {
  const census = syntheticCensus(people, seed);
  const rows: (string | number)[][] = [];
  for (const c of census.cells) {
    const n = c.headcount.toNumber(); // a whole headcount, not money
    for (let i = 0; i < n; i++) rows.push([c.schedule, c.lane, c.step, c.yearsOfService ?? "", 1]);
  }
  const rand = prng(seed);
  for (let i = rows.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [rows[i], rows[j]] = [rows[j]!, rows[i]!];
  }
  return { census, rows };
}

export function censusCsvText(rows: (string | number)[][]): string {
  const quote = (v: string | number) => (typeof v === "string" && /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : String(v));
  return [CENSUS_HEADER.join(","), ...rows.map((r) => r.map(quote).join(","))].join("\n") + "\n";
}

/** The census as an .xlsx (one sheet "Census"), written with SheetJS as any census export would be. */
export function censusXlsxBytes(rows: (string | number)[][]): Uint8Array {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([[...CENSUS_HEADER], ...rows]), "Census");
  return new Uint8Array(XLSX.write(wb, { type: "array", bookType: "xlsx", compression: true }) as ArrayBuffer);
}
