/**
 * --assumptions FILE: the Value column of a workbook's Inputs sheet (or a CSV with Path and Value
 * columns) applied to the scenario, through the importer the app uses
 * (model/io/assumptions-import.ts). What it applied and ignored goes to stderr; a workbook from
 * another scenario or salary method is refused unless --assumptions-from-other, values more than
 * 10 times or less than a tenth of their baseline unless --confirm-outliers. SheetJS is loaded only
 * when the flag is given.
 */
import { formatInputError, type Scenario } from "../engine/index";
import type { ParsedArgs } from "./args";
import { UsageError } from "./args";
import { InputFailure, readInputBytes } from "./input-files";

export const ASSUMPTIONS_VALUE_FLAGS = ["--assumptions"];
export const ASSUMPTIONS_BOOLEAN_FLAGS = ["--assumptions-from-other", "--confirm-outliers"];
export const ASSUMPTIONS_USAGE = `  --assumptions FILE   apply the Value column of a workbook's Inputs sheet (or a CSV with Path and Value
                       columns) to the scenario, as the app's Import assumptions does; what was applied and
                       ignored goes to stderr
  --assumptions-from-other   apply it even when the workbook was exported from another scenario or salary method
  --confirm-outliers   apply values more than 10 times or less than a tenth of the scenario's`;

export async function withAssumptions(scenario: Scenario, args: ParsedArgs, warn: (line: string) => void): Promise<Scenario> {
  const path = args.values.get("--assumptions");
  if (path === undefined) {
    for (const flag of ASSUMPTIONS_BOOLEAN_FLAGS) if (args.flags.has(flag)) throw new UsageError(`${flag} goes with --assumptions`);
    return scenario;
  }
  const [{ importAssumptions, importSummary, needsConfirmation }, { DEFAULT_READ_LIMITS }] = await Promise.all([
    import("../io/assumptions-import"),
    import("../io/workbook-read"),
  ]);
  // The one file reader the CLI and the app share: regular files only, size checked before reading.
  const checked = importAssumptions(readInputBytes(path, DEFAULT_READ_LIMITS.maxBytes), path, scenario, {
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
