/**
 * File-writing side of the Excel/CSV export for the command line:
 *   npm run --silent fis -- --xlsx OUT.xlsx [--scenario FILE] [--with FILE]   live workbook (model/io/xlsx-export),
 *                                                     one scenario, or two side by side with --with
 *   npm run --silent fis -- --csv OUT.csv [--scenario FILE]     the table, $K and exact dollars
 * Written to a temporary file next to the target and renamed, so an interrupted run never leaves
 * a half-written workbook where a good one was.
 */
import { rename, rm, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { computeTable, type ComputeOptions, type Scenario } from "../engine/index";
import { exportTableCsv } from "../io/table-csv";
import { exportWorkbook } from "../io/xlsx-export";

async function writeAtomically(outPath: string, data: Uint8Array | string): Promise<void> {
  const tmp = join(dirname(outPath), `.${basename(outPath)}.${process.pid}.tmp`);
  try {
    await writeFile(tmp, data);
    await rename(tmp, outPath);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}

export async function writeXlsx(
  scenario: Scenario,
  outPath: string,
  computeOptions?: ComputeOptions,
  compareWith?: Scenario,
): Promise<void> {
  await writeAtomically(
    outPath,
    exportWorkbook(compareWith ? [scenario, compareWith] : [scenario], computeOptions ? { computeOptions } : {}),
  );
}

export async function writeCsv(scenario: Scenario, outPath: string, computeOptions?: ComputeOptions): Promise<void> {
  await writeAtomically(outPath, exportTableCsv(computeTable(scenario, computeOptions)));
}
