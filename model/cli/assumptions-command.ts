/**
 * --assumptions FILE: the Value column of a workbook's Inputs sheet (or a CSV with Path and Value
 * columns) applied to the scenario, through the importer the app uses
 * (model/io/assumptions-import.ts). What it applied and ignored goes to stderr; a workbook from
 * another scenario or salary method is refused unless --assumptions-from-other, values more than
 * 10 times or less than a tenth of their baseline unless --confirm-outliers. SheetJS is loaded only
 * when the flag is given.
 */
import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import { formatInputError, type Scenario } from "../engine/index";
import type { ParsedArgs } from "./args";
import { UsageError } from "./args";
import { InputFailure } from "./input-files";

export const ASSUMPTIONS_VALUE_FLAGS = ["--assumptions"];
export const ASSUMPTIONS_BOOLEAN_FLAGS = ["--assumptions-from-other", "--confirm-outliers"];
export const ASSUMPTIONS_USAGE = `  --assumptions FILE   apply the Value column of a workbook's Inputs sheet (or a CSV with Path and Value
                       columns) to the scenario, as the app's Import assumptions does; what was applied and
                       ignored goes to stderr
  --assumptions-from-other   apply it even when the workbook was exported from another scenario or salary method
  --confirm-outliers   apply values more than 10 times or less than a tenth of the scenario's`;

const MAX_BYTES = 50 * 1024 * 1024;

/** A regular file's bytes, its size checked before reading (a FIFO or device is refused). */
function readBytes(path: string): Uint8Array {
  let fd: number | undefined;
  try {
    fd = openSync(path, "r");
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw new InputFailure(`${path}: not a regular file`);
    if (stat.size > MAX_BYTES) throw new InputFailure(`${path}: ${(stat.size / 1048576).toFixed(1)} MB; the limit is 50 MB`);
    const bytes = new Uint8Array(stat.size);
    let at = 0;
    while (at < bytes.length) {
      const n = readSync(fd, bytes, at, bytes.length - at, at);
      if (n === 0) break;
      at += n;
    }
    return bytes.subarray(0, at);
  } catch (e) {
    if (e instanceof InputFailure) throw e;
    throw new InputFailure(`${path}: cannot read the file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

export async function withAssumptions(scenario: Scenario, args: ParsedArgs, warn: (line: string) => void): Promise<Scenario> {
  const path = args.values.get("--assumptions");
  if (path === undefined) {
    for (const flag of ASSUMPTIONS_BOOLEAN_FLAGS) if (args.flags.has(flag)) throw new UsageError(`${flag} goes with --assumptions`);
    return scenario;
  }
  const { importAssumptions, importSummary, needsConfirmation } = await import("../io/assumptions-import");
  const checked = importAssumptions(readBytes(path), path, scenario, {
    accept: { otherScenario: args.flags.has("--assumptions-from-other"), outliers: args.flags.has("--confirm-outliers") },
  });
  if (!checked.ok) throw new InputFailure(checked.errors.slice(0, 50).map(formatInputError).join("\n"));
  const summary = importSummary(checked.value);
  if (needsConfirmation(checked.value)) {
    const flags = [
      ...(checked.value.confirm.otherScenario ? ["--assumptions-from-other"] : []),
      ...(checked.value.confirm.outliers.length ? ["--confirm-outliers"] : []),
    ];
    throw new InputFailure(`${path}: not applied; confirm with ${flags.join(" and ")}:\n${summary.join("\n")}`);
  }
  for (const line of summary) warn(`${path}: ${line}`);
  return checked.value.scenario;
}
