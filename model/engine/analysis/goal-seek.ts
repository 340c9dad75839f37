/**
 * Goal seek: the largest raise that fits a budget. The raise is either uniform (the same percent
 * in every year) or one fiscal year's raise with the others as they are. The answer lies on the
 * 0.01% grid (integer basis points, so every trial rate is an exact Decimal), found by bisection:
 * the bracket [low, high] always has low passing and high failing, so the answer passes and the
 * next grid step up fails, which the result records. Cost rises with the raise in every line
 * type the engine has, which is what makes bisection valid; the end checks confirm it for the
 * answer actually returned.
 *
 * The trials run on the fast path (the scenario compiled once, the raises as its inputs): each
 * pass or fail is the exact engine's (a cell within a cent of its limit is settled by the exact
 * engine), the trace's amounts are to the cent, and the answer and the next step up are costed
 * again by the exact engine for the checks the result carries.
 */
import { computeTable, TOTAL_COLUMN, type ComputeOptions } from "../compute";
import { Decimal } from "../decimal";
import { dollarsText } from "../words";
import type { Source } from "../explain";
import type { Scenario } from "../scenario/types";
import {
  checkConstraint,
  constraintLimits,
  describeConstraint,
  satisfies,
  type BudgetConstraint,
  type ColumnCheck,
} from "./budget-constraint";
import { FastCells, type AnalysisPath } from "./fast-cells";
import { withTotalColumn } from "./all-years";
import { percentRaisePaths, raiseBoundsHolding, withPercentRaise, type RaiseYear } from "./raise-edits";

const BASIS_POINT = new Decimal("0.0001");

export interface GoalSeekRequest {
  /** Which raise to solve for: "all" = the same percent every year, or one fiscal year. */
  raise: RaiseYear;
  constraint: BudgetConstraint;
  /** Search bracket as rates (default 0 .. 0.5); both are rounded onto the 0.01% grid. */
  lowest?: Decimal;
  highest?: Decimal;
  computeOptions?: ComputeOptions;
  /** "fast" (default): trials on the compiled plan; "exact": every trial a full exact costing. */
  path?: AnalysisPath;
  /** How the messages write dollar amounts (default "$1,234,567.89"); the app writes them in the table's unit. */
  money?: (dollars: Decimal) => string;
}

export interface GoalSeekIteration {
  iteration: number;
  low: Decimal;
  high: Decimal;
  tried: Decimal;
  satisfied: boolean;
  /** The smallest headroom over the constraint's columns at the tried raise (negative = over budget). */
  worstHeadroom: Decimal;
  worstColumn: string;
}

export interface GoalSeekTrace {
  /** The initial bracket (rates). */
  bracket: { low: Decimal; high: Decimal };
  iterations: GoalSeekIteration[];
  /** Costings of trial raises, including the two bracket ends. */
  evaluations: number;
  /** How the trials were costed, and how many exact costings were needed (near ties, and the answer's confirmation). */
  path: AnalysisPath;
  exactEvaluations: number;
}

export type GoalSeekResult =
  | {
      ok: true;
      raise: Decimal;
      scenario: Scenario;
      description: string;
      /** The constraint at the answer (all pass) and one grid step up (at least one fails). */
      atAnswer: ColumnCheck[];
      atNextStep: ColumnCheck[];
      trace: GoalSeekTrace;
    }
  | {
      ok: false;
      reason: "infeasibleAtLowest" | "notBindingAtHighest";
      message: string;
      checks: ColumnCheck[];
      trace: GoalSeekTrace;
    };

const toBp = (rate: Decimal): number => rate.div(BASIS_POINT).toDecimalPlaces(0, Decimal.ROUND_FLOOR).toNumber();
const fromBp = (bp: number): Decimal => new Decimal(bp).times(BASIS_POINT);
const pct = (rate: Decimal): string => `${rate.times(100).toFixed(2)}%`;

function worst(checks: readonly ColumnCheck[]): ColumnCheck {
  return checks.reduce((a, b) => (b.headroom.lessThan(a.headroom) ? b : a));
}

/** The raises' floors or caps that hold the cost at the bracket's end, after "; " (nothing when none). */
const holding = (bounds: string[]): string => (bounds.length === 0 ? "" : `; ${bounds.join("; ")}`);

function raiseWords(raise: RaiseYear): string {
  return raise === "all" ? "uniform raise (same percent every year)" : `FY${raise} raise`;
}

export function goalSeekRaise(given: Scenario, request: GoalSeekRequest): GoalSeekResult {
  const { raise, constraint } = request;
  const money = request.money ?? ((d: Decimal) => dollarsText(d, 2));
  // "Over all years" of a table printing no total column is checked against the total of its years;
  // the solved scenario keeps the table as it was.
  const scenario = constraint.scope === "total" ? withTotalColumn(given) : given;
  const source = (rate: Decimal): Source => ({
    kind: "derived",
    ref: "goal seek",
    note: `largest ${raiseWords(raise)} on the 0.01% grid with ${describeConstraint(constraint, scenario, money)}: ${pct(rate)}`,
  });
  let evaluations = 0;
  let exactEvaluations = 0;
  const exactly = (bp: number): ColumnCheck[] => {
    exactEvaluations++;
    const variant = withPercentRaise(scenario, raise, fromBp(bp), source(fromBp(bp)));
    return checkConstraint(constraint, variant, computeTable(variant, request.computeOptions));
  };
  const paths = percentRaisePaths(scenario, raise);
  const fast =
    request.path === "exact"
      ? undefined
      : FastCells.open(scenario, paths, { ...(request.computeOptions ? { computeOptions: request.computeOptions } : {}) });
  const limits =
    fast &&
    constraintLimits(
      constraint,
      scenario,
      fast.plan.lines.map((l) => l.id),
      fast.plan.columns,
    );
  const evaluate = (bp: number): ColumnCheck[] => {
    evaluations++;
    if (!fast || !limits) return exactly(bp);
    const text = fromBp(bp).toString();
    fast.set(new Map(paths.map((p) => [p, text])));
    return limits.map(({ column, limit }) => {
      const r = fast.atMost({ lineId: constraint.lineId, column }, limit);
      return { column, value: r.value, limit, headroom: r.headroom };
    });
  };
  let low = toBp(request.lowest ?? new Decimal(0));
  let high = toBp(request.highest ?? new Decimal("0.5"));
  if (high <= low) throw new Error(`goal seek bracket is empty: highest ${pct(fromBp(high))} <= lowest ${pct(fromBp(low))}`);
  const bracket = { low: fromBp(low), high: fromBp(high) };
  const iterations: GoalSeekIteration[] = [];
  const trace = (): GoalSeekTrace => ({
    bracket,
    iterations,
    evaluations,
    path: fast ? "fast" : "exact",
    exactEvaluations: exactEvaluations + (fast?.exactEvaluations ?? 0),
  });

  const atLow = evaluate(low);
  if (!satisfies(atLow)) {
    const w = worst(atLow);
    return {
      ok: false,
      reason: "infeasibleAtLowest",
      checks: atLow,
      trace: trace(),
      message:
        `even a ${pct(fromBp(low))} ${raiseWords(raise)} breaks ${describeConstraint(constraint, scenario, money)}: ${w.column === TOTAL_COLUMN ? "the total" : w.column} is ${money(w.headroom.negated())} over` +
        holding(raiseBoundsHolding(scenario, raise, "atLeast")),
    };
  }
  const atHigh = evaluate(high);
  if (satisfies(atHigh)) {
    return {
      ok: false,
      reason: "notBindingAtHighest",
      checks: atHigh,
      trace: trace(),
      message:
        `a ${pct(fromBp(high))} ${raiseWords(raise)} still satisfies ${describeConstraint(constraint, scenario, money)}` +
        (holding(raiseBoundsHolding(scenario, raise, "atMost")) || "; raise the upper bound to search further"),
    };
  }
  let lowChecks = atLow;
  let highChecks = atHigh;
  while (high - low > 1) {
    const mid = Math.floor((low + high) / 2);
    const checks = evaluate(mid);
    const ok = satisfies(checks);
    const w = worst(checks);
    iterations.push({
      iteration: iterations.length + 1,
      low: fromBp(low),
      high: fromBp(high),
      tried: fromBp(mid),
      satisfied: ok,
      worstHeadroom: w.headroom,
      worstColumn: w.column,
    });
    if (ok) {
      low = mid;
      lowChecks = checks;
    } else {
      high = mid;
      highChecks = checks;
    }
  }
  // The answer and the next step up, costed by the exact engine for the checks the result carries.
  if (fast) {
    lowChecks = exactly(low);
    highChecks = exactly(high);
    if (!satisfies(lowChecks) || satisfies(highChecks))
      throw new Error("internal: the exact engine disagrees with the fast path at the goal seek's answer");
  }
  const answer = fromBp(low);
  const description = `Largest ${raiseWords(raise)} with ${describeConstraint(constraint, scenario, money)}: ${pct(answer)} (${pct(fromBp(high))} breaks it)`;
  const solved = withPercentRaise(given, raise, answer, source(answer));
  const name = `Goal seek: ${raise === "all" ? "uniform" : `FY${raise}`} raise ${pct(answer)} (${scenario.name})`;
  return {
    ok: true,
    raise: answer,
    scenario: {
      ...solved,
      id: `${scenario.id}-goal-seek`.slice(0, 64),
      name: name.slice(0, 200),
      description: `${description}. From "${scenario.name}".`,
    },
    description,
    atAnswer: lowChecks,
    atNextStep: highChecks,
    trace: trace(),
  };
}
