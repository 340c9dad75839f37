/**
 * File-writing side of the Excel/CSV export for the command line:
 *   npm run --silent fis -- --xlsx OUT.xlsx [--scenario FILE]   live workbook (model/io/xlsx-export)
 *   npm run --silent fis -- --csv OUT.csv [--scenario FILE]     the table, $K and exact dollars
 * Written by the app's atomic writer (model/io/atomic-write.ts): an interrupted run never leaves a
 * half-written workbook where a good one was, and nothing planted beside the target is written
 * through. Two outputs naming one file, or an output naming an input, are refused first.
 */
import { realpathSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { computeTable, type ComputeOptions } from "../engine/compute";
import type { Scenario } from "../engine/scenario/types";
import { writeFileAtomic } from "../io/atomic-write";
import { exportTableCsv } from "../io/table-csv";
import { exportWorkbook } from "../io/xlsx-export";
import { InputFailure } from "./input-files";

export async function writeXlsx(scenario: Scenario, outPath: string, computeOptions?: ComputeOptions): Promise<void> {
  await writeFileAtomic(outPath, exportWorkbook([scenario], computeOptions ? { computeOptions } : {}));
}

export async function writeCsv(scenario: Scenario, outPath: string, computeOptions?: ComputeOptions): Promise<void> {
  await writeFileAtomic(outPath, exportTableCsv(computeTable(scenario, computeOptions)));
}

/**
 * The file a path names once symlinks and `..` are resolved: realpath of the file when it exists,
 * else realpath of its folder plus its name (a new output). Unresolvable paths stay as given and
 * fail later with the write's own error.
 */
export function fileIdentity(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    try {
      return join(realpathSync(dirname(resolve(path))), basename(path));
    } catch {
      return resolve(path);
    }
  }
}

/** Refuses two outputs naming one file, and an output naming one of the inputs. */
export function checkOutputPaths(outputs: readonly [flag: string, path: string][], inputs: readonly [flag: string, path: string][]): void {
  const seen = new Map<string, string>();
  for (const [flag, path] of inputs) seen.set(fileIdentity(path), `in:${flag}`);
  for (const [flag, path] of outputs) {
    const id = fileIdentity(path);
    const other = seen.get(id);
    if (other?.startsWith("in:")) throw new InputFailure(`${flag} would overwrite the ${other.slice(3)} file (${path})`);
    if (other) throw new InputFailure(`${other} and ${flag} name the same file (${path}); give each output its own file`);
    seen.set(id, flag);
  }
}
