/**
 * What the analyses read from the fast path: some cells of a scenario with some inputs changed,
 * each to the cent (the exact engine's value rounded half-up to cents) and as displayed (the exact
 * engine's rounding of it), and comparisons of a cell with a limit. Each answer comes from the
 * plan's tracked run where its bound decides it, else from one exact evaluation of the same
 * inputs: it is always the exact engine's answer (docs/ranges-and-fast-path.md).
 */
import type { ComputeOptions, TableResult } from "../compute";
import { Decimal } from "../decimal";
import { Plan, type Evaluator, type TrackedCells } from "../fast/plan";
import { roundedUnits } from "../fast/rounding";
import type { Registry } from "../kinds/registry";
import type { Scenario } from "../scenario/types";
import { toDisplay } from "../table/display";
import { TOTAL_COLUMN } from "../table/schema";

export interface CellRef {
  lineId: string;
  column: string;
}

export type AnalysisPath = "fast" | "exact";

const CENTS = { unit: "dollars", decimals: 2, rounding: "halfUp" } as const;

export class FastCells {
  /** Fast-path evaluations, and those the exact engine had to settle. */
  evaluations = 0;
  exactEvaluations = 0;
  private tracked: TrackedCells | undefined;
  private exact: TableResult | undefined;

  private constructor(
    readonly plan: Plan,
    private readonly ev: Evaluator,
  ) {}

  /** A session varying `paths`, or undefined when the fast path cannot take the scenario. */
  static open(scenario: Scenario, paths: readonly string[], options: { computeOptions?: ComputeOptions; registry?: Registry } = {}) {
    const plan = Plan.tryCompile(scenario, { ...options, vary: paths });
    return plan ? new FastCells(plan, plan.evaluator()) : undefined;
  }

  /** Sets inputs (path -> decimal text); the next read evaluates them. */
  set(values: ReadonlyMap<string, string> | Record<string, string>): void {
    const entries = values instanceof Map ? [...values] : Object.entries(values);
    for (const [path, text] of entries) this.ev.setPath(path, text);
    this.tracked = undefined;
    this.exact = undefined;
  }

  private run(): TrackedCells {
    if (!this.tracked) {
      this.tracked = this.ev.runTracked();
      this.evaluations++;
    }
    return this.tracked;
  }

  private exactTable(): TableResult {
    if (!this.exact) {
      this.exact = this.ev.exact();
      this.exactEvaluations++;
    }
    return this.exact;
  }

  private exactCell(ref: CellRef): Decimal {
    return this.exactTable().lines.find((l) => l.id === ref.lineId)!.cells[ref.column]!.exact;
  }

  /** The cell to the cent. */
  cents(ref: CellRef): Decimal {
    const t = this.run();
    const k = this.plan.cellIndex(ref.lineId, ref.column);
    const units = t.unstable ? null : roundedUnits(t.values[k]!, t.bounds[k]!, CENTS);
    return units === null ? this.exactCell(ref).toDecimalPlaces(2, Decimal.ROUND_HALF_UP) : new Decimal(units).div(100);
  }

  /** The cell rounded by the scenario's display rule (each cell on its own, as toDisplay does; the total column by its own step). */
  display(ref: CellRef): Decimal {
    const t = this.run();
    const k = this.plan.cellIndex(ref.lineId, ref.column);
    const total = this.plan.scenario.table.columns.total;
    const step = ref.column === TOTAL_COLUMN && total ? total.roundTo : undefined;
    const display = step === undefined ? this.plan.display : { ...this.plan.display, roundTo: step };
    const units = t.unstable ? null : roundedUnits(t.values[k]!, t.bounds[k]!, display);
    return units === null ? toDisplay(this.exactCell(ref), display) : new Decimal(units).div(new Decimal(10).pow(display.decimals));
  }

  /** Whether the cell is at most `limit`, and the headroom to the cent (limit - value; a cell within a cent is settled exactly). */
  atMost(ref: CellRef, limit: Decimal): { ok: boolean; value: Decimal; headroom: Decimal } {
    const t = this.run();
    const k = this.plan.cellIndex(ref.lineId, ref.column);
    const v = t.values[k]!;
    const lim = limit.toNumber();
    // Decided here only when the value is more than a cent (and more than its bound) from the limit.
    const margin = Math.max(0.01, t.bounds[k]! + Math.abs(lim) * 2 ** -52);
    if (!t.unstable && Number.isFinite(v) && Math.abs(v - lim) > margin) {
      const value = this.cents(ref);
      return { ok: v < lim, value, headroom: limit.minus(value) };
    }
    const value = this.exactCell(ref);
    return { ok: !value.greaterThan(limit), value, headroom: limit.minus(value) };
  }
}
