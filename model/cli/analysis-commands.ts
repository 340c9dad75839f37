/**
 * The analysis commands of `npm run --silent fis --`: each takes a scenario and its own options
 * and returns {text, json}, so the CLI prints one or the other and tests can call them directly.
 *   --goal-seek [--year FY2026|all] [--budget-line localPortion] [--limit fundingAvailable+N|AMOUNT] [--over each|total|FY2026]
 *   --cost-of-one-percent
 *   --sensitivity            tornado of the all-years total cost and local portion
 *   --two-way [--rows FY2026] [--columns FY2027]
 *   --retro --approved YYYY-MM-DD [--lag-days N]
 * Bad options raise UsageError, which the CLI reports with exit code 2.
 */
import {
  amountsLine,
  computeTable,
  costOfOnePercent,
  describeConstraint,
  dollarsText,
  formatDisplayed,
  formatExplanation,
  fundSplit,
  fyKey,
  goalSeekRaise,
  groupedNumber,
  parseLimit,
  retroPay,
  shareLineId,
  toDisplay,
  tornado,
  totalLineId,
  twoWayTable,
  unitsHeading,
  type BudgetConstraint,
  type ColumnCheck,
  type ComputeOptions,
  type ConstraintScope,
  type Decimal,
  type MarginalCostLine,
  type Scenario,
} from "../engine/index";
import { UsageError, type ParsedArgs } from "./args";
import { sharePercent, textTable, type TextColumn } from "./text-table";

export interface CommandOutput {
  text: string;
  json: unknown;
}

export const ANALYSIS_BOOLEAN_FLAGS = ["--goal-seek", "--cost-of-one-percent", "--sensitivity", "--two-way", "--retro", "--fund-split"];
export const ANALYSIS_VALUE_FLAGS = ["--budget-line", "--limit", "--year", "--over", "--approved", "--lag-days", "--rows", "--columns"];

export const ANALYSIS_USAGE = `Analyses (each prints text, or JSON with --json):
  --goal-seek          largest raise (0.01% grid) that fits a budget; returns the solved scenario (JSON) and the bisection trace
     --year FY2026|all     the raise to solve: one fiscal year's, or the same percent every year (default all)
     --budget-line ID      the line held to the limit (default: the table's first share line, else its total: the first
                           line styled total that sums the costs, never a net that subtracts them)
     --limit L             a line of entered amounts by id (e.g. fundingAvailable), that line +/- dollars
                           (fundingAvailable+5000000), or dollars, e.g. 240000000 (default: the table's first amounts line)
     --over each|total|FY2026  which columns must fit (default: each year for a funding limit, the total for an amount)
  --cost-of-one-percent   cost of 1 more point of raise, and of $1,000 flat per member, in each fiscal year
  --sensitivity        tornado: all-years total (and first share line) with each input moved -/+ (rates 0.01, others 10%)
  --two-way            all-years total over a 21 x 21 grid of two years' raises (0%..10% by 0.5%)
     --rows FY2026 --columns FY2027   the two years (default the second and third fiscal years)
  --retro --approved YYYY-MM-DD [--lag-days N]   retroactive lump sum when implemented N days after approval (default: the
                       agreement's retroPay terms, e.g. 120 in the DC teachers' Art. 36.2.2)
  --fund-split         the total by fund (the groups' and items' fund shares; else the first share line and the rest)`;

const pct = (d: Decimal): string => `${d.times(100).toFixed(2)}%`;
const money = (d: Decimal): string => d.toFixed(2);
const k = (d: Decimal, s: Scenario): string => formatDisplayed(toDisplay(d, s.table.display), s.table.display.decimals);
const left = (minWidth: number): TextColumn => ({ align: "left", minWidth });
const right = (minWidth: number): TextColumn => ({ align: "right", minWidth });

function parseFiscalYear(text: string, scenario: Scenario, flag: string): number {
  const m = /^FY(\d{4})$/i.exec(text.trim());
  const fy = m ? Number.parseInt(m[1]!, 10) : Number.NaN;
  const years = scenario.table.columns.fiscalYears;
  if (!years.includes(fy)) throw new UsageError(`${flag} ${text}: write a fiscal year of the table, one of ${years.map(fyKey).join(", ")}`);
  return fy;
}

export interface GoalSeekOptions {
  year?: string;
  budgetLine?: string;
  limit?: string;
  over?: string;
}

export function goalSeekCommand(scenario: Scenario, opts: GoalSeekOptions, computeOptions: ComputeOptions = {}): CommandOutput {
  const raise = opts.year === undefined || opts.year.toLowerCase() === "all" ? "all" : parseFiscalYear(opts.year, scenario, "--year");
  const defaultLimit = amountsLine(scenario)?.id;
  if (opts.limit === undefined && defaultLimit === undefined)
    throw new UsageError("--goal-seek needs --limit: the table has no line of entered amounts to hold the cost to", false);
  const amountLines = scenario.table.lines.filter((l) => l.amounts).map((l) => l.id);
  const limit = parseLimit(opts.limit ?? defaultLimit!, amountLines);
  if (!limit)
    throw new UsageError(
      `--limit ${opts.limit}: write a line of entered amounts (e.g. fundingAvailable), that line+N or -N, or a dollar amount`,
    );
  const over = opts.over ?? (limit.kind === "amount" ? "total" : "each");
  const scope: ConstraintScope =
    over === "each" ? "eachYear" : over === "total" ? "total" : { fiscalYear: parseFiscalYear(over, scenario, "--over") };
  const table = computeTable(scenario, computeOptions);
  const budgetLine = opts.budgetLine ?? shareLineId(table) ?? totalLineId(table);
  if (!budgetLine)
    throw new UsageError(
      '--goal-seek needs --budget-line: the table has no share line and no total (a line styled "total" that sums the costs)',
      false,
    );
  const constraint: BudgetConstraint = { lineId: budgetLine, limit, scope };
  let result;
  try {
    result = goalSeekRaise(scenario, { raise, constraint, computeOptions });
  } catch (e) {
    throw new UsageError((e as Error).message, false);
  }
  const trace = {
    bracket: { low: result.trace.bracket.low.toString(), high: result.trace.bracket.high.toString() },
    evaluations: result.trace.evaluations,
    iterations: result.trace.iterations.map((i) => ({
      iteration: i.iteration,
      low: i.low.toString(),
      high: i.high.toString(),
      tried: i.tried.toString(),
      satisfied: i.satisfied,
      worstColumn: i.worstColumn,
      worstHeadroom: money(i.worstHeadroom),
    })),
  };
  const checksJson = (checks: readonly ColumnCheck[]) =>
    checks.map((c) => ({ column: c.column, value: money(c.value), limit: money(c.limit), headroom: money(c.headroom) }));
  if (!result.ok) {
    return {
      text: `Goal seek: ${result.message}.\n(${result.trace.evaluations} costings)`,
      json: {
        ok: false,
        constraint: describeConstraint(constraint, scenario),
        reason: result.reason,
        message: result.message,
        checks: checksJson(result.checks),
        trace,
      },
    };
  }
  const lines = [
    `Goal seek on "${scenario.name}": ${result.description}`,
    "",
    ...textTable(
      [left(8), right(16), right(16), right(16), left(0)],
      [
        ["column", "value", "limit", "headroom", ` at ${pct(result.raise)}`],
        ...result.atAnswer.map((c) => [c.column, k(c.value, scenario), k(c.limit, scenario), k(c.headroom, scenario)]),
      ],
    ),
    "",
    `At ${pct(result.raise.plus("0.0001"))}: ${result.atNextStep
      .filter((c) => c.headroom.isNegative())
      .map((c) => `${c.column} over by ${dollarsText(c.headroom.negated(), 2)}`)
      .join(", ")}.`,
    `Bisection on the 0.01% grid from [${pct(result.trace.bracket.low)}, ${pct(result.trace.bracket.high)}]: ` +
      `${result.trace.iterations.length} iterations, ${result.trace.evaluations} costings.`,
    ...result.trace.iterations.map(
      (i) =>
        `  ${String(i.iteration).padStart(2)}. [${pct(i.low)}, ${pct(i.high)}] try ${pct(i.tried)}: ${i.satisfied ? "fits" : "over"} ` +
        `(${i.worstColumn} headroom ${dollarsText(i.worstHeadroom, 2)})`,
    ),
    "",
    `Solved scenario: "${result.scenario.name}" (print it with --json).`,
  ];
  return {
    text: lines.join("\n"),
    json: {
      ok: true,
      constraint: describeConstraint(constraint, scenario),
      raise: result.raise.toString(),
      description: result.description,
      atAnswer: checksJson(result.atAnswer),
      atNextStep: checksJson(result.atNextStep),
      trace,
      scenario: result.scenario,
    },
  };
}

function marginalJson(l: MarginalCostLine) {
  const strings = (r: Record<string, Decimal>) => Object.fromEntries(Object.entries(r).map(([c, v]) => [c, money(v)]));
  return {
    id: l.id,
    label: l.label,
    fiscalYear: l.fiscalYear,
    extra: l.extra.toString(),
    ownYear: money(l.ownYear),
    allYears: money(l.allYears),
    exact: strings(l.cells),
    values: Object.fromEntries(Object.entries(l.display).map(([c, v]) => [c, v.toNumber()])),
    byLine: Object.fromEntries(Object.entries(l.byLine).map(([id, r]) => [id, strings(r)])),
  };
}

export function costOfOnePercentCommand(scenario: Scenario, computeOptions: ComputeOptions = {}): CommandOutput {
  let r;
  try {
    r = costOfOnePercent(scenario, computeOptions);
  } catch (e) {
    throw new UsageError((e as Error).message, false);
  }
  const row = (l: MarginalCostLine) => [
    l.label,
    ...r.columns.map((c) => formatDisplayed(l.display[c]!, scenario.table.display.decimals)),
    dollarsText(l.ownYear, 2),
  ];
  const text = [
    `Cost of 1% and of $1,000 per member ${unitsHeading(scenario.table.display.unit)}, change in the total incl. rates of pay` +
      ` - scenario: ${scenario.name}`,
    ...textTable(
      [left(34), ...r.columns.map(() => right(12)), right(16)],
      [["", ...r.columns, "own year"], ...r.onePercent.map(row), ...r.flatPerMember.map(row)],
    ),
    ...(r.unavailable.onePercent ? [`+1% raise: ${r.unavailable.onePercent}`] : []),
    ...(r.unavailable.flatPerMember ? [`+$1,000 per member: ${r.unavailable.flatPerMember}`] : []),
    "",
    "A point of raise in a year costs that year and, compounded, every later year; Total is the all-years cost.",
    "",
    ...[...r.onePercent, ...r.flatPerMember].slice(-1).map((l) => formatExplanation(l.explanation).split("\n").slice(0, 12).join("\n")),
  ].join("\n");
  return {
    text,
    json: {
      units: "USD",
      columns: r.columns,
      onePercent: r.onePercent.map(marginalJson),
      flatPerMember: r.flatPerMember.map(marginalJson),
      unavailable: r.unavailable,
    },
  };
}

export function sensitivityCommand(scenario: Scenario, computeOptions: ComputeOptions = {}): CommandOutput {
  const t = tornado(scenario, computeOptions);
  const share = t.shareLine ? ` and ${t.shareLine.label} (base ${k(t.shareLine.base, scenario)})` : "";
  const text = [
    `Sensitivity of the all-years total (base ${k(t.baseTotal, scenario)})${share} ${unitsHeading(scenario.table.display.unit)}` +
      ` - scenario: ${scenario.name}`,
    ...textTable(
      [left(58), right(7), right(12), right(12), right(12), right(12), right(12)],
      [
        ["input", "move", "low", "high", "swing", ...(t.shareLine ? ["share lo", "share hi"] : [])],
        ...t.bars.map((b) => [
          `${b.label} (${b.path})`.slice(0, 57),
          b.move,
          k(b.total.low, scenario),
          k(b.total.high, scenario),
          k(b.swing, scenario),
          ...(b.share ? [k(b.share.low, scenario), k(b.share.high, scenario)] : []),
        ]),
      ],
    ),
    "",
    `${t.evaluations} costings.`,
  ].join("\n");
  return {
    text,
    json: {
      baseTotal: money(t.baseTotal),
      ...(t.shareLine ? { shareLine: { id: t.shareLine.id, label: t.shareLine.label, base: money(t.shareLine.base) } } : {}),
      evaluations: t.evaluations,
      bars: t.bars.map((b) => ({
        path: b.path,
        label: b.label,
        section: b.section,
        unit: b.unit,
        value: b.value.toString(),
        low: b.low.toString(),
        high: b.high.toString(),
        move: b.move,
        total: { low: money(b.total.low), high: money(b.total.high) },
        ...(b.share ? { share: { low: money(b.share.low), high: money(b.share.high) } } : {}),
        swing: money(b.swing),
      })),
    },
  };
}

export function twoWayCommand(
  scenario: Scenario,
  opts: { rows?: string; columns?: string },
  computeOptions: ComputeOptions = {},
): CommandOutput {
  const years = scenario.table.columns.fiscalYears;
  const rowYear = opts.rows ? parseFiscalYear(opts.rows, scenario, "--rows") : (years[1] ?? years[0]!);
  const columnYear = opts.columns ? parseFiscalYear(opts.columns, scenario, "--columns") : (years[2] ?? years[years.length - 1]!);
  let t;
  try {
    t = twoWayTable(scenario, { rowYear, columnYear }, computeOptions);
  } catch (e) {
    throw new UsageError((e as Error).message, false);
  }
  const text = [
    `All-years total ${unitsHeading(scenario.table.display.unit)} by FY${rowYear} raise (rows) x FY${columnYear} raise (columns), ` +
      `other inputs as in "${scenario.name}"`,
    ...textTable(
      [left(8), ...t.columnRates.map(() => right(10))],
      [["", ...t.columnRates.map(pct)], ...t.values.map((row, i) => [pct(t.rowRates[i]!), ...row.map((v) => k(v, scenario))])],
    ),
  ].join("\n");
  return {
    text,
    json: {
      lineId: t.lineId,
      rowYear,
      columnYear,
      rowRates: t.rowRates.map(String),
      columnRates: t.columnRates.map(String),
      exact: t.values.map((r) => r.map(money)),
      evaluations: t.evaluations,
    },
  };
}

export function retroCommand(scenario: Scenario, opts: { approved?: string; lagDays?: string }): CommandOutput {
  if (!opts.approved) throw new UsageError("--retro needs --approved YYYY-MM-DD");
  const lag = opts.lagDays === undefined ? undefined : /^\d+$/.test(opts.lagDays) ? Number.parseInt(opts.lagDays, 10) : Number.NaN;
  if (Number.isNaN(lag)) throw new UsageError(`--lag-days ${opts.lagDays}: write a whole number of days`);
  const r = retroPay(scenario, { approved: opts.approved, ...(lag === undefined ? {} : { implementationLagDays: lag }) });
  if (!r.ok) throw new UsageError(r.message, false);
  const v = r.value;
  const text = [
    `Retroactive pay - scenario: ${scenario.name}`,
    `Approved ${v.approved}, implemented ${v.implementation} (${v.lagDays} days later), lump sum paid in FY${v.paidInFiscalYear}: ` +
      dollarsText(v.total, 2),
    "",
    ...textTable(
      [left(12), left(24), right(18), right(16), right(18)],
      [
        ["earned in", "counted", "wages", "rates of pay", "total"],
        ...v.earned.map((e) => [fyKey(e.fiscalYear), e.counted, ...[e.wages, e.ratesOfPay, e.total].map((d) => groupedNumber(money(d)))]),
      ],
    ),
    "",
    `Cash moved by fiscal year (the table already costs these periods when worked): ${Object.entries(v.cashShift)
      .map(([c, d]) => `${c} ${d.isNegative() ? "-" : "+"}${dollarsText(d.abs(), 2)}`)
      .join(", ")}`,
  ].join("\n");
  return {
    text,
    json: {
      approved: v.approved,
      implementation: v.implementation,
      paidInFiscalYear: v.paidInFiscalYear,
      total: money(v.total),
      earned: v.earned.map((e) => ({
        fiscalYear: e.fiscalYear,
        counted: e.counted,
        share: e.shareOwed.toString(),
        wages: money(e.wages),
        ratesOfPay: money(e.ratesOfPay),
        total: money(e.total),
      })),
      cashShift: Object.fromEntries(Object.entries(v.cashShift).map(([c, d]) => [c, money(d)])),
      explanation: v.explanation,
    },
  };
}

export function fundSplitCommand(scenario: Scenario, computeOptions: ComputeOptions = {}): CommandOutput {
  const table = computeTable(scenario, computeOptions);
  const funds = fundSplit(scenario, table, computeOptions);
  const text = [
    `The total by fund ${unitsHeading(scenario.table.display.unit)} - scenario: ${scenario.name}`,
    ...(funds.length === 0 ? ["The scenario declares no funds and its table no share line."] : []),
    // The share as a percentage to read; --json keeps its every digit.
    ...textTable(
      [left(40), right(10), ...table.columns.map(() => right(12))],
      [
        ["fund", "share", ...table.columns],
        ...funds.map((f) => [f.label.slice(0, 39), sharePercent(f.share), ...table.columns.map((c) => k(f.cells[c]!, scenario))]),
      ],
    ),
  ].join("\n");
  return {
    text,
    json: {
      columns: table.columns,
      funds: funds.map((f) => ({
        id: f.id,
        label: f.label,
        share: f.share.toString(),
        exact: Object.fromEntries(Object.entries(f.cells).map(([c, v]) => [c, money(v)])),
      })),
    },
  };
}

/** The analysis the arguments ask for, or undefined when they ask for none. */
export function runAnalysisCommand(args: ParsedArgs, scenario: Scenario, computeOptions: ComputeOptions = {}): CommandOutput | undefined {
  const asked = ANALYSIS_BOOLEAN_FLAGS.filter((f) => args.flags.has(f));
  if (asked.length === 0) return undefined;
  if (asked.length > 1) throw new UsageError(`choose one analysis at a time (got ${asked.join(", ")})`);
  const v = (flag: string) => args.values.get(flag);
  switch (asked[0]) {
    case "--goal-seek":
      return goalSeekCommand(
        scenario,
        { year: v("--year"), budgetLine: v("--budget-line"), limit: v("--limit"), over: v("--over") },
        computeOptions,
      );
    case "--cost-of-one-percent":
      return costOfOnePercentCommand(scenario, computeOptions);
    case "--sensitivity":
      return sensitivityCommand(scenario, computeOptions);
    case "--two-way":
      return twoWayCommand(scenario, { rows: v("--rows"), columns: v("--columns") }, computeOptions);
    case "--fund-split":
      return fundSplitCommand(scenario, computeOptions);
    default:
      return retroCommand(scenario, { approved: v("--approved"), lagDays: v("--lag-days") });
  }
}
