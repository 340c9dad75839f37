/**
 * File-writing side of the Excel/CSV export for the command line:
 *   npm run --silent fis -- --xlsx OUT.xlsx [--scenario FILE]   live workbook (model/io/xlsx-export)
 *   npm run --silent fis -- --csv OUT.csv [--scenario FILE]     the table, $K and exact dollars
 * Written to a temporary file next to the target and renamed, so an interrupted run never leaves
 * a half-written workbook where a good one was.
 */
import { computeTable, type ComputeOptions, type Scenario } from "../engine/index";
import { exportTableCsv } from "../io/table-csv";
import { exportWorkbook } from "../io/xlsx-export";
import { writeAtomically } from "./atomic-write";

export async function writeXlsx(scenario: Scenario, outPath: string, computeOptions?: ComputeOptions): Promise<void> {
  await writeAtomically(outPath, exportWorkbook([scenario], computeOptions ? { computeOptions } : {}));
}

export async function writeCsv(scenario: Scenario, outPath: string, computeOptions?: ComputeOptions): Promise<void> {
  await writeAtomically(outPath, exportTableCsv(computeTable(scenario, computeOptions)));
}
