/**
 * The workbook the spreadsheet engines recompute: the reference workbook as model/io exports it,
 * with no cached values, and where its 45 table cells and the FY2026 raise are, so each engine's
 * answer can be checked against the engine's before its time is compared.
 */
import * as XLSX from "xlsx";
import { countFormulas } from "./spreadsheet-sheets";
import { computeTable, type TableResult } from "../model/engine/index";
import { exportWorkbook } from "../model/io";
import { raisePathFor, referenceScenario } from "./reference";

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
}

const COLUMNS = ["FY2025", "FY2026", "FY2027", "FY2028", "Total"];

/**
 * Finds the FIS table on the exported workbook's "Cost Table - <name>" sheet by matching the engine's line labels
 * in column A (first scenario block: FY columns follow the label), and the FY2026 raise on
 * "Inputs - <name>" by its Path column, so a layout change shows up as "not located", never as wrong cells.
 */
function locateExported(
  workbook: XLSX.WorkBook,
  ours: TableResult,
): { table: TableLocation | null; raiseInput: WorkbookSource["raiseInput"] } {
  let table: TableLocation | null = null;
  // One scenario per workbook: "Cost Table - <name>", "Inputs - <name>".
  const costName = workbook.SheetNames.find((n) => n.startsWith("Cost Table")) ?? "Cost Table";
  const inputsName = workbook.SheetNames.find((n) => n.startsWith("Inputs")) ?? "Inputs";
  const costTable = workbook.Sheets[costName];
  if (costTable?.["!ref"]) {
    const range = XLSX.utils.decode_range(costTable["!ref"]);
    const cells: TableLocation["cells"] = {};
    for (let r = 0; r <= range.e.r; r++) {
      const label = costTable[XLSX.utils.encode_cell({ r, c: 0 })]?.v;
      const line = ours.lines.find((l) => l.label === label);
      if (line && !cells[line.id])
        cells[line.id] = Object.fromEntries(COLUMNS.map((column, j) => [column, XLSX.utils.encode_cell({ r, c: 1 + j })]));
    }
    if (Object.keys(cells).length === ours.lines.length) table = { sheet: costName, cells, unit: "thousands" };
  }
  let raiseInput: WorkbookSource["raiseInput"] = null;
  const inputs = workbook.Sheets[inputsName];
  if (inputs?.["!ref"]) {
    const range = XLSX.utils.decode_range(inputs["!ref"]);
    const path = raisePathFor(referenceScenario(), 2026);
    for (let r = 0; r <= range.e.r && !raiseInput; r++) {
      // The Path column is found by its value, wherever the layout puts it.
      let onRow = false;
      for (let c = 0; c <= range.e.c && !onRow; c++) onRow = inputs[XLSX.utils.encode_cell({ r, c })]?.v === path;
      if (!onRow) continue;
      for (let c = 0; c <= range.e.c; c++) {
        const cell = inputs[XLSX.utils.encode_cell({ r, c })] as XLSX.CellObject | undefined;
        if (cell?.t === "n") {
          raiseInput = { sheet: inputsName, address: XLSX.utils.encode_cell({ r, c }) };
          break;
        }
      }
    }
  }
  return { table, raiseInput };
}

/** Defined names of the workbook as HyperFormula named expressions (the export names every input). */
export function namedExpressions(workbook: XLSX.WorkBook): { name: string; expression: string }[] {
  return (workbook.Workbook?.Names ?? []).filter((n) => n.Sheet === undefined).map((n) => ({ name: n.Name, expression: `=${n.Ref}` }));
}

export function referenceWorkbook(): WorkbookSource {
  // No cached values: a reader that shows the right numbers must have recalculated them.
  const bytes = exportWorkbook([referenceScenario()], { cachedValues: "none" });
  const workbook = XLSX.read(bytes, { type: "buffer", cellFormula: true });
  const { table, raiseInput } = locateExported(workbook, computeTable(referenceScenario()));
  return {
    origin: 'exportWorkbook([fisAsPublished()], {cachedValues: "none"}) (model/io/xlsx-export.ts)',
    bytes,
    workbook,
    formulas: countFormulas(workbook),
    table,
    raiseInput,
  };
}
