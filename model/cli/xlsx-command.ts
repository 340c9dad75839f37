/**
 * File-writing side of the Excel/CSV export for the command line:
 *   npm run --silent fis -- --xlsx OUT.xlsx [--scenario FILE] [--with FILE]   live workbook (model/io/xlsx-export),
 *                                                     one scenario, or two side by side with --with
 *   npm run --silent fis -- --csv OUT.csv [--scenario FILE]     the table, as shown (its unit) and exact dollars
 * Written by the app's atomic writer (model/io/atomic-write.ts): an interrupted run never leaves a
 * half-written workbook where a good one was, and nothing planted beside the target is written
 * through. Two outputs naming one file, or an output naming an input, are refused first
 * (output-paths.ts).
 */
import { computeTable, type ComputeOptions, type Scenario } from "../engine/index";
import { writeFileAtomic } from "../io/atomic-write";
import { exportTableCsv } from "../io/table-csv";
import { exportWorkbook } from "../io/xlsx-export";

export async function writeXlsx(
  scenario: Scenario,
  outPath: string,
  computeOptions?: ComputeOptions,
  compareWith?: Scenario,
): Promise<void> {
  await writeFileAtomic(
    outPath,
    exportWorkbook(compareWith ? [scenario, compareWith] : [scenario], computeOptions ? { computeOptions } : {}),
  );
}

export async function writeCsv(scenario: Scenario, outPath: string, computeOptions?: ComputeOptions): Promise<void> {
  await writeFileAtomic(outPath, exportTableCsv(computeTable(scenario, computeOptions)));
}
