/**
 * A sweep: many variants of one scenario, each some inputs set to given values, and some cells of
 * each. On the fast path the scenario is compiled once with those inputs as registers; every
 * value is the exact engine's to the cent (near a half cent the exact engine settles it).
 */
import { computeTable, type ComputeOptions } from "../compute";
import { Decimal } from "../decimal";
import { setInputValue } from "../scenario/paths";
import type { Scenario } from "../scenario/types";
import { FastCells, type AnalysisPath, type CellRef } from "./fast-cells";

export interface SweepRequest {
  /** The inputs each point sets, by path. */
  paths: readonly string[];
  /** One decimal text per path, per point. */
  points: readonly (readonly string[])[];
  cells: readonly CellRef[];
}

export interface SweepResult {
  /** values[point][cell], dollars to the cent. */
  values: Decimal[][];
  path: AnalysisPath;
  evaluations: number;
  exactEvaluations: number;
}

export function sweep(
  scenario: Scenario,
  request: SweepRequest,
  options: ComputeOptions = {},
  how: { path?: AnalysisPath } = {},
): SweepResult {
  for (const point of request.points)
    if (point.length !== request.paths.length)
      throw new Error(`a sweep point has ${point.length} values for ${request.paths.length} inputs`);
  const fast = how.path === "exact" ? undefined : FastCells.open(scenario, request.paths, { computeOptions: options });
  if (fast) {
    const values = request.points.map((point) => {
      fast.set(new Map(request.paths.map((p, i) => [p, point[i]!])));
      return request.cells.map((c) => fast.cents(c));
    });
    return { values, path: "fast", evaluations: fast.evaluations, exactEvaluations: fast.exactEvaluations };
  }
  const values = request.points.map((point) => {
    const s = request.paths.reduce((acc, p, i) => setInputValue(acc, p, point[i]!), scenario);
    const t = computeTable(s, options);
    return request.cells.map((c) =>
      t.lines.find((l) => l.id === c.lineId)!.cells[c.column]!.exact.toDecimalPlaces(2, Decimal.ROUND_HALF_UP),
    );
  });
  return { values, path: "exact", evaluations: request.points.length, exactEvaluations: request.points.length };
}
