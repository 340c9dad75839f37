/** Command-line options of the schedule (census) method: --method, --census, --separation-rate, --held-share, --reconcile. */
import { Decimal, parseDecimal } from "../engine/decimal";
import type { ScheduleMethodOptions } from "../engine/lines/schedule-raises";
import { raiseTerms } from "../engine/lines/schedule-raises";
import { formatInputError } from "../engine/errors";
import {
  censusMembersGap,
  reconcile,
  referenceCensus,
  defaultScheduleCostSettings,
  type Census,
  type ReconcileResult,
} from "../engine/schedule";
import type { ScheduleCostSettings } from "../engine/schedule/schedule-cost";
import type { RaisesItem, Scenario } from "../engine/scenario/types";
import { formatThousands, toDisplayThousands } from "../engine/rounding";
import type { ParsedArgs } from "./args";
import { UsageError } from "./args";
import { InputFailure, readInputBytes } from "./input-files";

export const SCHEDULE_VALUE_FLAGS = ["--method", "--census", "--separation-rate", "--held-share"];
export const SCHEDULE_BOOLEAN_FLAGS = ["--reconcile"];

function rateFlag(args: ParsedArgs, flag: string): Decimal | undefined {
  const text = args.values.get(flag);
  if (text === undefined) return undefined;
  const d = parseDecimal(text);
  if (!d || d.isNegative() || d.greaterThan(1)) throw new UsageError(`${flag} takes a share between 0 and 1 (e.g. 0.08), not "${text}"`);
  return d;
}

/**
 * A census file (CSV, xlsx or xls) through the importer the app uses (model/io/census-import.ts),
 * read by the shared reader: the same rules and messages whichever way a census comes in.
 */
export async function loadCensusFile(path: string): Promise<Census> {
  // SheetJS is loaded only when a census file is given (the bundled CLI starts without it).
  const [{ importCensus }, { DEFAULT_READ_LIMITS }] = await Promise.all([import("../io/census-import"), import("../io/workbook-read")]);
  const parsed = importCensus(readInputBytes(path, DEFAULT_READ_LIMITS.maxBytes), path);
  if (!parsed.ok) {
    const shown = parsed.errors.slice(0, 50).map((e) => formatInputError(e));
    if (parsed.errors.length > 50) shown.push(`... and ${parsed.errors.length - 50} more`);
    throw new InputFailure(shown.join("\n"));
  }
  return parsed.value;
}

/** Applies --method to the scenario and builds the census options; undefined when the average-salary method is used. */
export async function scheduleOptions(
  args: ParsedArgs,
  scenario: Scenario,
): Promise<{ scenario: Scenario; options?: ScheduleMethodOptions; warnings: string[] }> {
  const method = args.values.get("--method");
  if (method !== undefined && method !== "schedule" && method !== "average")
    throw new UsageError(`--method takes "schedule" or "average", not "${method}"`);
  const salaryMethod = method === "schedule" ? "schedule" : method === "average" ? "averageSalary" : scenario.settings.salaryMethod;
  const next: Scenario = { ...scenario, settings: { ...scenario.settings, salaryMethod } };
  if (salaryMethod !== "schedule") {
    if (args.values.has("--census")) throw new UsageError("--census needs --method schedule");
    return { scenario: next, warnings: [] };
  }
  const censusFile = args.values.get("--census");
  const census = censusFile === undefined ? referenceCensus() : await loadCensusFile(censusFile);
  const settings: Partial<ScheduleCostSettings> = {};
  const separation = rateFlag(args, "--separation-rate");
  const held = rateFlag(args, "--held-share");
  const defaults = defaultScheduleCostSettings();
  if (separation) {
    settings.separationRate = separation;
    settings.sources = { ...defaults.sources, ...settings.sources, separationRate: { kind: "user", ref: "--separation-rate" } };
  }
  if (held) {
    settings.heldShare = held;
    settings.sources = { ...defaults.sources, ...settings.sources, heldShare: { kind: "user", ref: "--held-share" } };
  }
  const gap = censusMembersGap(next, census);
  return { scenario: next, options: { census, settings }, warnings: gap ? [`${gap.message} (input ${gap.paths.join(", ")})`] : [] };
}

/** Schedule method vs average-salary method, year by year, with the difference by part. */
export function reconciliation(scenario: Scenario, options: ScheduleMethodOptions): ReconcileResult {
  const raises = scenario.items.find((i): i is RaisesItem => i.kind === "raises");
  if (!raises) throw new UsageError("--reconcile needs a scenario with a raises item");
  const group = scenario.groups[0]!;
  const terms = raiseTerms(raises);
  return reconcile(
    options.census,
    {
      members: new Decimal(group.members.value),
      averageSalary: new Decimal(group.averageSalary.value),
      sources: { members: group.members.source, averageSalary: group.averageSalary.source },
    },
    terms,
    { ...defaultScheduleCostSettings(), ...options.settings },
  );
}

export function formatReconciliation(r: ReconcileResult): string {
  const k = (d: Decimal) => formatThousands(toDisplayThousands(d, "halfUp")).padStart(14);
  const out = [
    "Reconciliation ($ thousands): schedule (census) method vs average-salary method, base salary cost over FY2024 payroll",
    "".padEnd(10) +
      ["average", "schedule", "difference", "step cost", "turnover", "mix", "payroll base"].map((h) => h.padStart(14)).join(""),
  ];
  for (const y of r.years)
    out.push(
      `FY${y.fiscalYear}`.padEnd(10) +
        [y.averageMethod, y.scheduleMethod, y.difference, y.parts.stepCost, y.parts.turnoverSavings, y.parts.mix, y.parts.payrollBase]
          .map(k)
          .join(""),
    );
  out.push("");
  out.push(
    "difference = step cost + turnover savings + mix (schedule cells vs average x factor) + payroll base (census payroll vs members " +
      "x average salary).",
  );
  return out.join("\n");
}
