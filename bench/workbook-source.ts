/**
 * The workbook the spreadsheet engines recompute: model/io's exported reference workbook when
 * that module exists and its workbook carries formulas, else the bench's own formula workbook.
 * Either way the result says which one was used, and where the 45 table cells are so each
 * engine's answer can be checked against ours before its time is compared.
 */
import * as XLSX from "xlsx";
import { buildFormulaWorkbook, FORMULA_LINES } from "./formula-workbook";
import { countFormulas } from "./spreadsheet-sheets";
import { computeTable, type Scenario, type TableResult } from "../model/engine/index";
import { loadExport } from "./optional";
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

type ExportWorkbook = (scenarios: Scenario[], options?: { cachedValues?: "engine" | "none" }) => Uint8Array;

/**
 * Finds the FIS table on the exported workbook's "Cost Table" sheet by matching our line labels
 * in column A (first scenario block: FY columns follow the label), and the FY2026 raise on
 * "Inputs" by its Path column, so a layout change shows up as "not located", never as wrong cells.
 */
function locateExported(
  workbook: XLSX.WorkBook,
  ours: TableResult,
): { table: TableLocation | null; raiseInput: WorkbookSource["raiseInput"] } {
  let table: TableLocation | null = null;
  const costTable = workbook.Sheets["Cost Table"];
  if (costTable?.["!ref"]) {
    const range = XLSX.utils.decode_range(costTable["!ref"]);
    const cells: TableLocation["cells"] = {};
    for (let r = 0; r <= range.e.r; r++) {
      const label = costTable[XLSX.utils.encode_cell({ r, c: 0 })]?.v;
      const line = ours.lines.find((l) => l.label === label);
      if (line && !cells[line.id])
        cells[line.id] = Object.fromEntries(COLUMNS.map((column, j) => [column, XLSX.utils.encode_cell({ r, c: 1 + j })]));
    }
    if (Object.keys(cells).length === ours.lines.length) table = { sheet: "Cost Table", cells, unit: "thousands" };
  }
  let raiseInput: WorkbookSource["raiseInput"] = null;
  const inputs = workbook.Sheets["Inputs"];
  if (inputs?.["!ref"]) {
    const range = XLSX.utils.decode_range(inputs["!ref"]);
    const path = raisePathFor(referenceScenario(), 2026);
    for (let r = 0; r <= range.e.r && !raiseInput; r++) {
      if (inputs[XLSX.utils.encode_cell({ r, c: 0 })]?.v !== path) continue;
      for (let c = 0; c <= range.e.c; c++) {
        const cell = inputs[XLSX.utils.encode_cell({ r, c })] as XLSX.CellObject | undefined;
        if (cell?.t === "n") {
          raiseInput = { sheet: "Inputs", address: XLSX.utils.encode_cell({ r, c }) };
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

export async function referenceWorkbook(): Promise<WorkbookSource> {
  const loaded = await loadExport<ExportWorkbook>("model/io", "exportWorkbook");
  if (!loaded.ok) return benchWorkbook(loaded.reason);
  try {
    // No cached values: a reader that shows the right numbers must have recalculated them.
    const bytes = loaded.value([referenceScenario()], { cachedValues: "none" });
    const workbook = XLSX.read(bytes, { type: "buffer", cellFormula: true });
    const formulas = countFormulas(workbook);
    if (formulas === 0) return benchWorkbook("the exported workbook holds values only, no formulas to recompute");
    const { table, raiseInput } = locateExported(workbook, computeTable(referenceScenario()));
    return {
      origin: `exportWorkbook([fisAsPublished()], {cachedValues: "none"}) from ${loaded.file}`,
      bytes,
      workbook,
      formulas,
      table,
      raiseInput,
    };
  } catch (e) {
    return benchWorkbook(`exportWorkbook threw: ${(e as Error).message.split("\n")[0]}`);
  }
}
