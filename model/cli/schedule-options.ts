/** Command-line options of the schedule (census) method: --method, --census, --separation-rate, --held-share, --reconcile. */
import {
  checkScenario,
  Decimal,
  formatDisplayed,
  formatInputError,
  censusMembersGap,
  parseDecimal,
  raiseTerms,
  averageSalaryInputs,
  reconcile,
  scheduleCostSettings,
  toDisplay,
  withScheduleMethod,
  censusOfScenario,
  type CheckedCensus,
  type ReconcileResult,
  type RaisesItem,
  type Scenario,
} from "../engine/index";
import type { ParsedArgs } from "./args";
import { UsageError } from "./args";
import { InputFailure, readInputBytes } from "./input-files";
import { textTable, type TextColumn } from "./text-table";

export const SCHEDULE_VALUE_FLAGS = ["--method", "--census", "--separation-rate", "--held-share"];
export const SCHEDULE_BOOLEAN_FLAGS = ["--reconcile"];

function rateFlag(args: ParsedArgs, flag: string): string | undefined {
  const text = args.values.get(flag);
  if (text === undefined) return undefined;
  const d = parseDecimal(text);
  if (!d || d.isNegative() || d.greaterThan(1)) throw new UsageError(`${flag} takes a share between 0 and 1 (e.g. 0.08), not "${text}"`);
  return d.toString();
}

/**
 * A census file (CSV, xlsx or xls) through the importer the app uses (model/io/census-import.ts),
 * read by the shared reader: the same rules and messages whichever way a census comes in. SheetJS
 * is loaded only when a census file is given (the bundled CLI starts without it).
 */
export async function loadCensusFile(path: string): Promise<{ census: CheckedCensus; notes: string[] }> {
  const [{ importCensus }, { DEFAULT_READ_LIMITS }] = await Promise.all([import("../io/census-import"), import("../io/workbook-read")]);
  const parsed = importCensus(readInputBytes(path, DEFAULT_READ_LIMITS.maxBytes), path);
  if (!parsed.ok) {
    const shown = parsed.errors.slice(0, 50).map((e) => formatInputError(e));
    if (parsed.errors.length > 50) shown.push(`... and ${parsed.errors.length - 50} more`);
    throw new InputFailure(shown.join("\n"));
  }
  return { census: parsed.value, notes: parsed.notes.map((e) => formatInputError(e)) };
}

/**
 * Applies --method, --census and the assumption flags to the scenario: the schedule method uses the
 * scenario's own scheduleMethod block (census and assumptions) or, when it has none, the engine's
 * stated assumptions with the reference census named explicitly; --census embeds the file's census.
 */
export async function scheduleOptions(
  args: ParsedArgs,
  scenario: Scenario,
): Promise<{ scenario: Scenario; bySchedule: boolean; warnings: string[] }> {
  const method = args.values.get("--method");
  if (method !== undefined && method !== "schedule" && method !== "average")
    throw new UsageError(`--method takes "schedule" or "average", not "${method}"`);
  const salaryMethod = method === "schedule" ? "schedule" : method === "average" ? "averageSalary" : scenario.settings.salaryMethod;
  if (salaryMethod !== "schedule") {
    // Each only means something to the schedule method: dropped silently, it would look applied.
    for (const flag of ["--census", "--separation-rate", "--held-share"])
      if (args.values.has(flag)) throw new UsageError(`${flag} needs --method schedule`);
    return { scenario: { ...scenario, settings: { ...scenario.settings, salaryMethod } }, bySchedule: false, warnings: [] };
  }
  const censusFile = args.values.get("--census");
  const loaded = censusFile === undefined ? undefined : await loadCensusFile(censusFile);
  let next = withScheduleMethod(scenario, loaded?.census);
  const block = next.scheduleMethod!;
  const separation = rateFlag(args, "--separation-rate");
  const held = rateFlag(args, "--held-share");
  if (separation || held)
    next = {
      ...next,
      scheduleMethod: {
        ...block,
        ...(separation
          ? { separationRate: { ...block.separationRate, value: separation, source: { kind: "user", ref: "--separation-rate" } } }
          : {}),
        ...(held ? { heldShare: { ...block.heldShare, value: held, source: { kind: "user", ref: "--held-share" } } } : {}),
      },
    };
  // The scenario was valid under its own method; the schedule method asks more of it (raise years from the census's).
  const problems = checkScenario(next);
  if (problems.length) throw new InputFailure(`--method schedule: ${problems.map(formatInputError).join("\n")}`);
  const gap = censusMembersGap(next, censusOfScenario(next));
  return {
    scenario: next,
    bySchedule: true,
    warnings: [...(loaded?.notes ?? []), ...(gap ? [`${gap.message} (input ${gap.paths.join(", ")})`] : [])],
  };
}

/** Schedule method vs average-salary method, year by year, with the difference by part. */
export function reconciliation(scenario: Scenario): ReconcileResult {
  const raises = scenario.items.find((i): i is RaisesItem => i.kind === "raises");
  if (!raises) throw new UsageError("--reconcile needs a scenario with a raises item");
  // A scenario may have no groups (costs entered directly).
  const group = scenario.groups[0];
  const average = group ? averageSalaryInputs(group) : undefined;
  if (!average) throw new UsageError("--reconcile compares with members x average salary; the first group gives no average salary");
  const terms = raiseTerms(raises);
  return reconcile(censusOfScenario(scenario), average, terms, scheduleCostSettings({ scenario, calendar: scenario.calendar }, terms));
}

export function formatReconciliation(r: ReconcileResult, scenario: Scenario): string {
  const display = scenario.table.display;
  const k = (d: Decimal) => formatDisplayed(toDisplay(d, display), display.decimals);
  const heads = ["average", "schedule", "difference", "step cost", "turnover", "mix", "payroll base"];
  const out = [
    `Reconciliation (${display.unit}): schedule (census) method vs average-salary method, ` +
      `base salary cost over FY${r.schedule.baseFiscalYear} payroll`,
    ...textTable(
      [{ align: "left", minWidth: 10 }, ...heads.map((): TextColumn => ({ align: "right", minWidth: 14 }))],
      [
        ["", ...heads],
        ...r.years.map((y) => [
          `FY${y.fiscalYear}`,
          ...[
            y.averageMethod,
            y.scheduleMethod,
            y.difference,
            y.parts.stepCost,
            y.parts.turnoverSavings,
            y.parts.mix,
            y.parts.payrollBase,
          ].map(k),
        ]),
      ],
    ),
  ];
  out.push("");
  out.push(
    "difference = step cost + turnover savings + mix (schedule cells vs average x factor) + payroll base (census payroll vs members " +
      "x average salary).",
  );
  return out.join("\n");
}
