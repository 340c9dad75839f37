/**
 * One property check of the fast path against the exact engine, shared by the property test and
 * the bench's larger run: a random valid scenario compiled once, evaluated as generated and with
 * some inputs changed; every cell within its bound of the exact value, equal to it to the cent
 * (unless a half cent lies within the bound), and every displayed cell the exact engine's.
 */
import fc from "fast-check";
import { computeTable, type TableResult } from "../../model/engine/compute";
import { Decimal } from "../../model/engine/decimal";
import { displayedCell, Plan, type Evaluator } from "../../model/engine/fast/plan";
import { validateScenario } from "../../model/engine/scenario/schema";
import type { Scenario } from "../../model/engine/scenario/types";
import { randomEdits, randomScenario, withNoteCapabilities } from "./random-scenario";

export const SEED = 20_241_203;

/** Plain assertions, so the bench can run the same check outside a test runner. */
function assert(ok: boolean, message: string): void {
  if (!ok) throw new Error(message);
}

export interface Tally {
  scenarios: number;
  cells: number;
  centNearTies: number;
  displayFallbacks: number;
  unstable: number;
  worstBound: number;
}

export function check(ev: Evaluator, exact: TableResult, tally: Tally, what: string): void {
  const plan = ev.plan;
  const tracked = ev.runTracked();
  if (tracked.unstable) tally.unstable++;
  const cents = ev.cents(tracked);
  const displayed = ev.displayed(tracked);
  if (displayed.exact) tally.displayFallbacks++;
  const scale = new Decimal(10).pow(displayed.decimals);
  plan.lines.forEach((line, li) => {
    const exactLine = exact.lines.find((l) => l.id === line.id);
    assert(exactLine !== undefined, `${what}: line ${line.id} is missing from the exact table`);
    plan.columns.forEach((column, ci) => {
      const k = li * plan.columns.length + ci;
      const cell = exactLine!.cells[column]!;
      tally.cells++;
      const where = `${what}: ${line.id}.${column}`;
      if (!tracked.unstable) {
        const bound = tracked.bounds[k]!;
        const distance = cell.exact.minus(tracked.values[k]!.toString()).abs();
        assert(distance.lessThanOrEqualTo(bound), `${where}: |exact ${cell.exact} - fast ${tracked.values[k]}| > bound ${bound}`);
        tally.worstBound = Math.max(tally.worstBound, bound);
      }
      const c = cents[k] ?? null;
      if (c === null) tally.centNearTies++;
      else {
        const want = cell.exact.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);
        assert(new Decimal(c).div(100).toFixed(2) === want, `${where}: cents ${c} vs exact ${want}`);
      }
      const shown = displayedCell(displayed, plan, line.id, column).toString();
      // Proven fast units are exact integers (below 2^53); the fallback's come from the exact engine.
      if (!displayed.exact) assert(new Decimal(displayed.units[k]!).div(scale).toString() === shown, `${where}: units`);
      assert(shown === cell.display.toString(), `${where}: displayed ${shown} vs exact ${cell.display.toString()}`);
    });
  });
}

/** `notes`: the fiscal notes' capabilities laid over each average-salary scenario (withNoteCapabilities). */
export function property(method: "averageSalary" | "schedule", runs: number, notes = false): Tally {
  const tally: Tally = { scenarios: 0, cells: 0, centNearTies: 0, displayFallbacks: 0, unstable: 0, worstBound: 0 };
  fc.assert(
    fc.property(fc.nat(), (seed) => {
      const plain = randomScenario(seed, { method });
      const generated = notes ? withNoteCapabilities(plain, seed) : plain;
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
    { numRuns: runs, seed: SEED + (method === "schedule" ? 1 : 0) + (notes ? 2 : 0) },
  );
  return tally;
}
