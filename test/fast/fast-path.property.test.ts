/**
 * The fast path equals the exact engine: over random valid scenarios (both salary methods, every
 * kind, derived lines of every kind, every display rule; random-scenario.ts), compiled once and
 * evaluated as they are and with some inputs changed, every cell of the fast path
 *  - lies within its proven bound of the exact Decimal value (the bound is what makes the rest safe),
 *  - equals the exact value to the cent (rounded half-up to cents), except where a half cent lies
 *    within the bound, which the fast path reports instead of guessing,
 *  - and every displayed cell (the scenario's unit, decimals, rounding and totals rule) is the
 *    exact engine's, the fast path asking the exact engine only for near ties.
 * A third run lays the capabilities other governments' fiscal notes brought over each scenario.
 * Counts of near ties and exact fallbacks are printed. FIS_FAST_RUNS=N scales both runs (the
 * bench runs more).
 */
import { describe, expect, it } from "vitest";
import { property, type Tally } from "./property-check";

const SCALE = Number(process.env.FIS_FAST_RUNS ?? "1");

const report = (method: string, t: Tally, ms: number) =>
  console.log(
    `${method}: ${t.scenarios} scenarios x 2 evaluations, ${t.cells} cells, ${(ms / 1000).toFixed(1)} s; ` +
      `near a half cent ${t.centNearTies}, displayed by the exact engine (near tie) in ${t.displayFallbacks} evaluations, ` +
      `unstable choices ${t.unstable}, largest bound $${t.worstBound.toExponential(2)}`,
  );

describe("the fast path equals the exact engine, cell for cell", () => {
  it(`on ${10_000 * SCALE} random average-salary scenarios`, () => {
    const t0 = performance.now();
    const t = property("averageSalary", 10_000 * SCALE);
    report("average salary", t, performance.now() - t0);
    expect(t.scenarios).toBe(10_000 * SCALE);
    // Near ties are the exception: the bound is far below a cent.
    expect(t.displayFallbacks).toBeLessThan(t.scenarios);
  }, 600_000);

  // Months and stated payrolls, rounding up and to a step, partial totals, zero-printed and negated
  // lines, headcount-only groups, no groups (random-scenario.ts's withNoteCapabilities).
  it(`on ${1_500 * SCALE} random scenarios with the fiscal notes' capabilities`, () => {
    const t0 = performance.now();
    const t = property("averageSalary", 1_500 * SCALE, true);
    report("fiscal-note capabilities", t, performance.now() - t0);
    expect(t.scenarios).toBe(1_500 * SCALE);
  }, 600_000);

  it(`on ${1_000 * SCALE} random schedule-method scenarios`, () => {
    const t0 = performance.now();
    const t = property("schedule", 1_000 * SCALE);
    report("schedule method", t, performance.now() - t0);
    expect(t.scenarios).toBe(1_000 * SCALE);
  }, 600_000);
});
