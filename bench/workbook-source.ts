/**
 * The workbook the spreadsheet engines recompute: model/io's exported reference workbook when
 * that module exists and its workbook carries formulas, else the bench's own formula workbook.
 * Either way the result says which one was used, and where the 45 table cells are so each
 * engine's answer can be checked against ours before its time is compared.
 */
import * as XLSX from "xlsx";
import { buildFormulaWorkbook, FORMULA_LINES } from "./formula-workbook";
import { countFormulas } from "./spreadsheet-sheets";
import { referenceScenario } from "./reference";

export interface TableLocation {
  sheet: string;
  /** line id -> column ("FY2025".."Total") -> A1 address */
  cells: Record<string, Record<string, string>>;
  /** What the cells hold: "thousands" (rounded display) or "dollars" (compare after rounding). */
  unit: "thousands" | "dollars";
}

export interface WorkbookSource {
  origin: string;
  bytes: Uint8Array;
  workbook: XLSX.WorkBook;
  formulas: number;
  table: TableLocation | null;
  /** The FY2026 raise input, for the edit timing: sheet + A1 address. */
  raiseInput: { sheet: string; address: string } | null;
  /** Why the exported workbook was not used, when it was not. */
  fallbackReason?: string;
}

const COLUMNS = ["FY2025", "FY2026", "FY2027", "FY2028", "Total"];

function benchWorkbook(fallbackReason: string): WorkbookSource {
  const built = buildFormulaWorkbook(referenceScenario());
  const bytes = XLSX.write(built.workbook, { type: "buffer", bookType: "xlsx" }) as Uint8Array;
  const workbook = XLSX.read(bytes, { type: "buffer", cellFormula: true });
  const cells: TableLocation["cells"] = {};
  for (const id of FORMULA_LINES) cells[id] = Object.fromEntries(COLUMNS.map((c, i) => [c, `${"BCDEF"[i]}${built.lineRow[id]}`]));
  return {
    origin: "bench formula workbook (bench/formula-workbook.ts)",
    bytes,
    workbook,
    formulas: countFormulas(workbook),
    table: { sheet: "Display", cells, unit: "thousands" },
    raiseInput: { sheet: "Inputs", address: built.inputCell["FY2026 raise"]! },
    fallbackReason,
  };
}

export type ExportedWorkbook = { bytes: Uint8Array; table: TableLocation | null; raiseInput: WorkbookSource["raiseInput"] } | { reason: string };

/** Filled in by the io case once model/io exists: how to get the exported reference workbook. */
let exported: (() => Promise<ExportedWorkbook>) | null = null;

export function registerExportedWorkbook(fn: () => Promise<ExportedWorkbook>): void {
  exported = fn;
}

export async function referenceWorkbook(): Promise<WorkbookSource> {
  if (!exported) return benchWorkbook("model/io exportWorkbook not available");
  const got = await exported();
  if ("reason" in got) return benchWorkbook(got.reason);
  const workbook = XLSX.read(got.bytes, { type: "buffer", cellFormula: true });
  const formulas = countFormulas(workbook);
  if (formulas === 0) return benchWorkbook("the exported workbook holds values only, no formulas to recompute");
  return { origin: "model/io exportWorkbook(fisAsPublished())", bytes: got.bytes, workbook, formulas, table: got.table, raiseInput: got.raiseInput };
}
