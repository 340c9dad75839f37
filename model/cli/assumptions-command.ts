/**
 * --assumptions FILE: the Value column of a workbook's Inputs sheet (or a CSV with Path and Value
 * columns) applied to the scenario, through the importer the app uses
 * (model/io/assumptions-import.ts). What it applied and ignored goes to stderr; a workbook from
 * another scenario or salary method is refused unless --assumptions-from-other, values more than
 * 10 times or less than a tenth of their baseline unless --confirm-outliers. --assumptions-sheet NAME
 * reads that sheet of the workbook where several have Path and Value columns (a user who cannot
 * edit the file cannot hide the others). SheetJS is loaded only when --assumptions is given.
 */
import { formatInputError, type Scenario } from "../engine/index";
import type { ParsedArgs } from "./args";
import { UsageError } from "./args";
import { InputFailure, readInputBytes } from "./input-files";

export const ASSUMPTIONS_VALUE_FLAGS = ["--assumptions", "--assumptions-sheet"];
export const ASSUMPTIONS_BOOLEAN_FLAGS = ["--assumptions-from-other", "--confirm-outliers"];
export const ASSUMPTIONS_USAGE = `  --assumptions FILE   apply the Value column of a workbook's Inputs sheet (or a CSV with Path and Value
                       columns) to the scenario, as the app's Import assumptions does; what was applied and
                       ignored goes to stderr
  --assumptions-sheet NAME   the sheet of the workbook to read (its name; any case if only one sheet matches), where
                       several sheets have Path and Value columns, or a hidden one is meant
  --assumptions-from-other   apply it even when the workbook was exported from another scenario or salary method
  --confirm-outliers   apply values more than 10 times or less than a tenth of the scenario's`;

export async function withAssumptions(scenario: Scenario, args: ParsedArgs, warn: (line: string) => void): Promise<Scenario> {
  const path = args.values.get("--assumptions");
  const sheet = args.values.get("--assumptions-sheet");
  if (path === undefined) {
    if (sheet !== undefined)
      throw new UsageError("--assumptions-sheet goes with --assumptions: it names the workbook sheet to read", false);
    for (const flag of ASSUMPTIONS_BOOLEAN_FLAGS) if (args.flags.has(flag)) throw new UsageError(`${flag} goes with --assumptions`);
    return scenario;
  }
  if (sheet?.trim() === "") throw new UsageError("--assumptions-sheet needs the name of a sheet", false);
  const [{ importAssumptions, importSummary, needsConfirmation }, { DEFAULT_READ_LIMITS, detectFormat }] = await Promise.all([
    import("../io/assumptions-import"),
    import("../io/workbook-read"),
  ]);
  // The one file reader the CLI and the app share: regular files only, size checked before reading.
  const bytes = readInputBytes(path, DEFAULT_READ_LIMITS.maxBytes);
  // Told apart as the importer reads it, by content: a workbook saved as .csv is still a workbook.
  if (sheet !== undefined && detectFormat(bytes) === "csv")
    throw new UsageError(
      `--assumptions-sheet names a workbook sheet, and ${path} is a CSV file, which has none: leave --assumptions-sheet out`,
      false,
    );
  const checked = importAssumptions(bytes, path, scenario, {
    ...(sheet !== undefined ? { sheet } : {}),
    chooseWith: "--assumptions-sheet NAME",
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
