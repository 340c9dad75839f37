/**
 * Goal seek: the largest raise that fits a budget. The raise is either uniform (the same percent
 * in every year) or one fiscal year's raise with the others as they are. The answer lies on the
 * 0.01% grid (integer basis points, so every trial rate is an exact Decimal), found by bisection:
 * the bracket [low, high] always has low passing and high failing, so the answer passes and the
 * next grid step up fails, which the result records. Cost rises with the raise in every line
 * type the engine has, which is what makes bisection valid; the end checks confirm it for the
 * answer actually returned.
 */
import { computeTable, type ComputeOptions } from "../compute";
import { Decimal } from "../decimal";
import type { Source } from "../explain";
import type { Scenario } from "../scenario/types";
import { checkConstraint, describeConstraint, satisfies, type BudgetConstraint, type ColumnCheck } from "./budget-constraint";
import { withPercentRaise, type RaiseYear } from "./raise-edits";

const BASIS_POINT = new Decimal("0.0001");

export interface GoalSeekRequest {
  /** Which raise to solve for: "all" = the same percent every year, or one fiscal year. */
  raise: RaiseYear;
  constraint: BudgetConstraint;
  /** Search bracket as rates (default 0 .. 0.5); both are rounded onto the 0.01% grid. */
  lowest?: Decimal;
  highest?: Decimal;
  computeOptions?: ComputeOptions;
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
  /** computeTable calls, including the two bracket ends. */
  evaluations: number;
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

function raiseWords(raise: RaiseYear): string {
  return raise === "all" ? "uniform raise (same percent every year)" : `FY${raise} raise`;
}

export function goalSeekRaise(scenario: Scenario, request: GoalSeekRequest): GoalSeekResult {
  const { raise, constraint } = request;
  const source = (rate: Decimal): Source => ({
    kind: "derived",
    ref: "goal seek",
    note: `largest ${raiseWords(raise)} on the 0.01% grid with ${describeConstraint(constraint)}: ${pct(rate)}`,
  });
  let evaluations = 0;
  const evaluate = (bp: number): ColumnCheck[] => {
    evaluations++;
    const variant = withPercentRaise(scenario, raise, fromBp(bp), source(fromBp(bp)));
    return checkConstraint(constraint, variant, computeTable(variant, request.computeOptions));
  };
  let low = toBp(request.lowest ?? new Decimal(0));
  let high = toBp(request.highest ?? new Decimal("0.5"));
  if (high <= low) throw new Error(`goal seek bracket is empty: highest ${pct(fromBp(high))} <= lowest ${pct(fromBp(low))}`);
  const bracket = { low: fromBp(low), high: fromBp(high) };
  const iterations: GoalSeekIteration[] = [];
  const trace = (): GoalSeekTrace => ({ bracket, iterations, evaluations });

  const atLow = evaluate(low);
  if (!satisfies(atLow)) {
    const w = worst(atLow);
    return {
      ok: false,
      reason: "infeasibleAtLowest",
      checks: atLow,
      trace: trace(),
      message: `even a ${pct(fromBp(low))} ${raiseWords(raise)} breaks ${describeConstraint(constraint)}: ${w.column} is $${w.headroom.negated().toFixed(2)} over`,
    };
  }
  const atHigh = evaluate(high);
  if (satisfies(atHigh)) {
    return {
      ok: false,
      reason: "notBindingAtHighest",
      checks: atHigh,
      trace: trace(),
      message: `a ${pct(fromBp(high))} ${raiseWords(raise)} still satisfies ${describeConstraint(constraint)}; raise the upper bound to search further`,
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
  const answer = fromBp(low);
  const description = `Largest ${raiseWords(raise)} with ${describeConstraint(constraint)}: ${pct(answer)} (${pct(fromBp(high))} breaks it)`;
  const solved = withPercentRaise(scenario, raise, answer, source(answer));
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
