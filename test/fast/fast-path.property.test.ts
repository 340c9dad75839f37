/**
 * The fast path equals the exact engine: over random valid scenarios (both salary methods, every
 * kind, derived lines of every kind, every display rule; random-scenario.ts), compiled once and
 * evaluated as they are and with some inputs changed, every cell of the fast path
 *  - lies within its proven bound of the exact Decimal value (the bound is what makes the rest safe),
 *  - equals the exact value to the cent (rounded half-up to cents), except where a half cent lies
 *    within the bound, which the fast path reports instead of guessing,
 *  - and every displayed cell (the scenario's unit, decimals, rounding and totals rule) is the
 *    exact engine's, the fast path asking the exact engine only for near ties.
 * Counts of near ties and exact fallbacks are printed. FIS_FAST_RUNS=N scales both runs (the
 * bench runs more).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeTable, type TableResult } from "../../model/engine/compute";
import { Decimal } from "../../model/engine/decimal";
import { Plan, type Evaluator } from "../../model/engine/fast/plan";
import { validateScenario } from "../../model/engine/scenario/schema";
import type { Scenario } from "../../model/engine/scenario/types";
import { randomEdits, randomScenario } from "./random-scenario";

const SCALE = Number(process.env.FIS_FAST_RUNS ?? "1");
const SEED = 20_241_203;

interface Tally {
  scenarios: number;
  cells: number;
  centNearTies: number;
  displayFallbacks: number;
  unstable: number;
  worstBound: number;
}

function check(ev: Evaluator, exact: TableResult, tally: Tally, what: string): void {
  const plan = ev.plan;
  const tracked = ev.runTracked();
  if (tracked.unstable) tally.unstable++;
  const cents = ev.cents(tracked);
  const displayed = ev.displayed(tracked);
  if (displayed.exact) tally.displayFallbacks++;
  const scale = new Decimal(10).pow(displayed.decimals);
  plan.lines.forEach((line, li) => {
    const exactLine = exact.lines.find((l) => l.id === line.id);
    expect(exactLine, `${what}: line ${line.id}`).toBeDefined();
    plan.columns.forEach((column, ci) => {
      const k = li * plan.columns.length + ci;
      const cell = exactLine!.cells[column]!;
      tally.cells++;
      const where = `${what}: ${line.id}.${column}`;
      if (!tracked.unstable) {
        const bound = tracked.bounds[k]!;
        const distance = cell.exact.minus(tracked.values[k]!.toString()).abs();
        expect(distance.lessThanOrEqualTo(bound), `${where}: |exact ${cell.exact} - fast ${tracked.values[k]}| > bound ${bound}`).toBe(
          true,
        );
        tally.worstBound = Math.max(tally.worstBound, bound);
      }
      const c = cents[k] ?? null;
      if (c === null) tally.centNearTies++;
      else
        expect(new Decimal(c).div(100).toFixed(2), `${where}: cents`).toBe(cell.exact.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2));
      expect(new Decimal(displayed.units[k]!).div(scale).toString(), `${where}: displayed`).toBe(cell.display.toString());
    });
  });
}

function property(method: "averageSalary" | "schedule", runs: number): Tally {
  const tally: Tally = { scenarios: 0, cells: 0, centNearTies: 0, displayFallbacks: 0, unstable: 0, worstBound: 0 };
  fc.assert(
    fc.property(fc.nat(), (seed) => {
      const generated = randomScenario(seed, { method });
      const valid = validateScenario(generated);
      if (!valid.ok) throw new Error(`the generator made an invalid scenario (seed ${seed}): ${JSON.stringify(valid.errors.slice(0, 3))}`);
      const scenario: Scenario = valid.value;
      const plan = Plan.compile(scenario);
      const ev = plan.evaluator();
      check(ev, computeTable(scenario), tally, `seed ${seed}, as generated`);
      // The same plan with inputs changed: slots, folded constants and the schedule basis re-checked.
      for (const [slot, text] of randomEdits(seed, plan.inputs)) ev.setText(slot, text);
      check(ev, computeTable(ev.scenario()), tally, `seed ${seed}, edited`);
      tally.scenarios++;
    }),
    { numRuns: runs, seed: SEED + (method === "schedule" ? 1 : 0) },
  );
  return tally;
}

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

  it(`on ${1_000 * SCALE} random schedule-method scenarios`, () => {
    const t0 = performance.now();
    const t = property("schedule", 1_000 * SCALE);
    report("schedule method", t, performance.now() - t0);
    expect(t.scenarios).toBe(1_000 * SCALE);
  }, 600_000);
});
