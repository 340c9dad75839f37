/**
 * Command line for council staff, scripts and checks:
 *   npm run --silent fis -- [--scenario FILE|ID] [--json]
 *   npm run --silent fis -- --explain benefits.FY2025
 *   npm run --silent fis -- --compare [--with FILE|ID]
 *   npm run --silent fis -- --scenario FILE --check
 * Exit codes: 0 success, 2 bad input (arguments or scenario file), 3 a --check that finds a published figure not
 * reproduced, 1 unexpected failure.
 */
import { BUILT_IN_IDS, contractAsStated, fisAsPublished } from "../built-ins";
import {
  attributeScenarios,
  computeTable,
  findCell,
  formatExplanation,
  formatInputError,
  InputRejectedError,
  parseDraftJson,
  toFillText,
  unusedHelperLines,
  type Scenario,
  type TableResult,
} from "../engine/index";
import { ANALYSIS_BOOLEAN_FLAGS, ANALYSIS_USAGE, ANALYSIS_VALUE_FLAGS, runAnalysisCommand } from "./analysis-commands";
import { ASSUMPTIONS_BOOLEAN_FLAGS, ASSUMPTIONS_USAGE, ASSUMPTIONS_VALUE_FLAGS, withAssumptions } from "./assumptions-command";
import { parseArgs, UsageError, type ParsedArgs } from "./args";
import {
  CHECK_BOOLEAN_FLAGS,
  CHECK_FAILED,
  CHECK_USAGE,
  formatPublishedCheck,
  publishedCheckJson,
  refuseWithCheck,
  runCheck,
} from "./check-command";
import { compareJson, formatAttribution } from "./format-compare";
import { formatTable, tableJson } from "./format-table";
import { runInit } from "./init-command";
import { InputFailure, readInputFile, writeFailure } from "./input-files";
import { monteCarloCommand, MONTE_CARLO_USAGE, MONTE_CARLO_VALUE_FLAGS } from "./monte-carlo-command";
import { checkOutputName, checkOutputPaths } from "./output-paths";
import { formatReconciliation, reconciliation, scheduleOptions, SCHEDULE_BOOLEAN_FLAGS, SCHEDULE_VALUE_FLAGS } from "./schedule-options";

const USAGE = `Usage: npm run --silent fis -- [options]
  --scenario FILE|ID   scenario JSON file, or a built-in id (fis-as-published, contract-as-stated); default fis-as-published
  --json               print the table as JSON ({units, columns, columnLabels, lines[{id,label,values,exact}]})
  --explain LINE.COL   print the explanation tree of one cell, e.g. benefits.FY2025 or totalCost.Total
  --compare            what each difference between two scenarios adds to every cell, plus the interaction (what they add
                       only together): baseline = --scenario (default fis-as-published), scenario = --with; see docs/attribution.md
  --with FILE|ID       the scenario compared with the baseline (default: the other built-in)
  --shapley            with --compare: share the interaction out among the differences (Shapley values; exact up to 8
                       differences, sampled over 32 random orders above that)
  --method schedule|average   cost base salary from the census on the salary schedules (raise, step and turnover lines) or as
                       members x average salary (default: the scenario's setting, "average" for the built-ins)
  --census FILE        census CSV or workbook (schedule,lane,step,headcount[,years of service]) for --method schedule;
                       default the scenario's own census
                       (its scheduleMethod block), else the SYNTHETIC reference census, named as such
  --separation-rate R  share separating each year, replaced at the entry step (schedule method; default the scenario's)
  --held-share R       share held on step each year (schedule method; default the scenario's)
  --reconcile          schedule method vs average-salary method by year, with the difference by part
${CHECK_USAGE}
${ASSUMPTIONS_USAGE}
  --xlsx OUT.xlsx      write a live workbook (Inputs, Calculation formulas, Cost Table, Notes) instead of printing; with
                       --with FILE|ID a workbook comparing the two scenarios side by side
  --csv OUT.csv        write the table as CSV (the figures shown, in the table's unit, and exact dollars) instead of printing
  --report OUT.docx|OUT.pdf   write the fiscal impact statement of --scenario as Word or PDF; with --baseline, the
                       comparison memo instead (the scenario against the baseline; see docs/fis-document.md)
  --baseline FILE|ID   with --report: the scenario the memo compares --scenario with
  --help               this text
  init --template NAME a new scenario from a template, its inputs to fill left empty (init --list, init --help)
${ANALYSIS_USAGE}
${MONTE_CARLO_USAGE}`;

export const BOOLEAN_FLAGS = [
  "--json",
  "--compare",
  "--shapley",
  "--help",
  ...CHECK_BOOLEAN_FLAGS,
  ...SCHEDULE_BOOLEAN_FLAGS,
  ...ANALYSIS_BOOLEAN_FLAGS,
  ...ASSUMPTIONS_BOOLEAN_FLAGS,
];
export const VALUE_FLAGS = [
  "--scenario",
  "--explain",
  "--with",
  "--xlsx",
  "--csv",
  "--report",
  "--baseline",
  ...SCHEDULE_VALUE_FLAGS,
  ...ANALYSIS_VALUE_FLAGS,
  ...ASSUMPTIONS_VALUE_FLAGS,
  ...MONTE_CARLO_VALUE_FLAGS,
];

/** Flags naming files the CLI reads: an export may not overwrite one of them. */
const INPUT_FILE_FLAGS = ["--scenario", "--with", "--census", "--assumptions", "--baseline"];

export function loadScenario(ref: string | undefined): Scenario {
  if (ref === undefined) return fisAsPublished();
  const builtIn = BUILT_IN_IDS[ref];
  if (builtIn) return builtIn();
  const checked = parseDraftJson(readInputFile(ref), ref);
  if (!checked.ok) throw new InputFailure(checked.errors.map(formatInputError).join("\n"));
  if (checked.toFill.length > 0) throw new InputFailure(`${ref}: not costed yet: ${toFillText(checked.toFill)}`);
  return checked.value;
}

function explainCell(result: TableResult, ref: string): string {
  const cell = findCell(result, ref);
  if (!cell) {
    const known = result.lines.map((l) => l.id).join(", ");
    throw new UsageError(
      `no cell "${ref}": write LINE.COLUMN with LINE one of ${known} and COLUMN one of ${result.columns.join(", ")}`,
      false,
    );
  }
  return formatExplanation(cell.explanation);
}

export async function run(
  argv: readonly string[],
  out: (s: string) => void,
  warn: (s: string) => void = (s) => process.stderr.write(`fis: warning: ${s}\n`),
  note: (s: string) => void = (s) => process.stderr.write(`fis: ${s}\n`),
): Promise<number> {
  if (argv[0] === "init") return runInit(argv.slice(1), out);
  const args: ParsedArgs = parseArgs(argv, BOOLEAN_FLAGS, VALUE_FLAGS);
  if (args.flags.has("--help")) {
    out(USAGE);
    return 0;
  }
  refuseWithCheck(args);
  const base = await withAssumptions(loadScenario(args.values.get("--scenario")), args, note);
  const method = await scheduleOptions(args, base);
  for (const w of method.warnings) warn(w);
  const scenario = method.scenario;
  for (const w of unusedHelperLines(scenario)) warn(`${w.field}: ${w.message}`);
  const computeOptions = {};
  const json = args.flags.has("--json");

  if (args.flags.has("--check")) {
    const result = computeTable(scenario, computeOptions);
    const check = runCheck(result, args.values.get("--scenario"));
    out(json ? JSON.stringify(publishedCheckJson(check, result), null, 2) : formatPublishedCheck(check, result));
    return check.reproduced ? 0 : CHECK_FAILED;
  }

  if (args.values.has("--monte-carlo") && ANALYSIS_BOOLEAN_FLAGS.some((f) => args.flags.has(f)))
    throw new UsageError("--monte-carlo runs on its own; leave out the other analysis");
  const ranges = monteCarloCommand(args, scenario, computeOptions);
  if (ranges) {
    out(json ? JSON.stringify(ranges.json, null, 2) : ranges.text);
    return 0;
  }
  const analysis = runAnalysisCommand(args, scenario, computeOptions);
  if (analysis) {
    out(json ? JSON.stringify(analysis.json, null, 2) : analysis.text);
    return 0;
  }

  const named = (flags: string[]) => flags.flatMap((f): [string, string][] => (args.values.has(f) ? [[f, args.values.get(f)!]] : []));
  const reportOut = args.values.get("--report");
  if (reportOut !== undefined) {
    // docx, pdfmake and the fonts are loaded only here.
    const { reportFormat, writeReport } = await import("./report-command");
    reportFormat(reportOut);
    checkOutputPaths([["--report", reportOut]], named(INPUT_FILE_FLAGS));
    const baselineRef = args.values.get("--baseline");
    const baseline = baselineRef === undefined ? undefined : loadScenario(baselineRef);
    await writeReport(reportOut, scenario, baseline);
    out(`wrote ${reportOut}`);
    return 0;
  }
  if (args.values.has("--baseline")) throw new UsageError("--baseline goes with --report");

  const xlsxOut = args.values.get("--xlsx");
  const csvOut = args.values.get("--csv");
  if (xlsxOut !== undefined || csvOut !== undefined) {
    if (xlsxOut !== undefined) checkOutputName("--xlsx", xlsxOut, ".xlsx");
    if (csvOut !== undefined) checkOutputName("--csv", csvOut, ".csv");
    checkOutputPaths(named(["--xlsx", "--csv"]), named(INPUT_FILE_FLAGS));
    // SheetJS is loaded only here: the table, --json and the analyses start without it.
    const { writeCsv, writeXlsx } = await import("./xlsx-command");
    // One scenario per workbook unless a comparison is asked for with --with.
    const compareWith = args.values.has("--with") ? loadScenario(args.values.get("--with")) : undefined;
    for (const [path, write] of [
      [xlsxOut, (s: Scenario, p: string) => writeXlsx(s, p, undefined, compareWith)],
      [csvOut, writeCsv],
    ] as const) {
      if (path === undefined) continue;
      try {
        await write(scenario, path);
      } catch (e) {
        throw writeFailure(path, e);
      }
      out(`wrote ${path}`);
    }
    return 0;
  }

  if (args.flags.has("--reconcile")) {
    if (!method.bySchedule) throw new UsageError("--reconcile needs --method schedule");
    const r = reconciliation(scenario);
    out(
      json
        ? JSON.stringify(
            r.years.map((y) => ({
              fiscalYear: y.fiscalYear,
              averageMethod: y.averageMethod.toFixed(2),
              scheduleMethod: y.scheduleMethod.toFixed(2),
              difference: y.difference.toFixed(2),
              parts: Object.fromEntries(Object.entries(y.parts).map(([k, v]) => [k, v.toFixed(2)])),
            })),
            null,
            2,
          )
        : formatReconciliation(r, scenario),
    );
    return 0;
  }

  if (args.flags.has("--compare")) {
    const other = args.values.has("--with")
      ? loadScenario(args.values.get("--with"))
      : scenario.id === "contract-as-stated"
        ? fisAsPublished()
        : contractAsStated();
    const view = args.flags.has("--shapley") ? "shapley" : "alone";
    // Two files may carry the same name: then each is told apart by where it came from.
    const named = (s: Scenario, ref: string | undefined, fallback: string): Scenario =>
      scenario.name === other.name ? { ...s, name: `${s.name} (${(ref ?? fallback).split(/[\\/]/).pop()})` } : s;
    const baseline = named(scenario, args.values.get("--scenario"), "fis-as-published");
    const compared = named(other, args.values.get("--with"), other.id);
    const attribution = attributeScenarios(baseline, compared, { shapley: view === "shapley" ? "auto" : "none", compute: computeOptions });
    out(json ? JSON.stringify(compareJson(attribution, view), null, 2) : formatAttribution(attribution, view));
    return 0;
  }
  if (args.flags.has("--shapley")) throw new UsageError("--shapley goes with --compare");

  const result = computeTable(scenario, computeOptions);
  const explain = args.values.get("--explain");
  if (explain) {
    const cell = findCell(result, explain);
    out(json && cell ? JSON.stringify(cell.explanation, null, 2) : explainCell(result, explain));
    return 0;
  }
  out(json ? JSON.stringify(tableJson(result), null, 2) : formatTable(result));
  return 0;
}

/** Runs the CLI and maps failures to exit codes; errors go to stderr. */
export async function main(argv: readonly string[]): Promise<number> {
  try {
    return await run(argv, (s) => process.stdout.write(`${s}\n`));
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(e.showUsage ? `fis: ${e.message}\n\n${USAGE}\n` : `fis: ${e.message}\n(see --help for the options)\n`);
      return 2;
    }
    if (e instanceof InputFailure || e instanceof InputRejectedError) {
      process.stderr.write(`fis: invalid input\n${e.message}\n`);
      return 2;
    }
    process.stderr.write(`fis: unexpected failure: ${(e as Error).stack ?? String(e)}\n`);
    return 1;
  }
}

const invokedDirectly = process.argv[1] !== undefined && /fis\.[cm]?[jt]s$/.test(process.argv[1]);
if (invokedDirectly) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
