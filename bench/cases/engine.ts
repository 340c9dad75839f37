/**
 * Engine cases, all in-process: recompute by both salary methods, a single-input edit and a
 * 1,000-scenario raise grid. Inputs (scenario, census) are built outside the timed region: the
 * app holds them in memory and recomputes on each edit.
 */
import { computeTable, setInputValue, type Scenario, type TableResult } from "../../model/engine/index";
import { assertCensus, referenceCensus, syntheticCensus } from "../../model/engine/schedule";
import { measureSync } from "../measure";
import { failed, withTarget, type CaseResult } from "../results";
import { publishedCellCount, publishedMismatches, raisePathFor, referenceScenario, withScheduleMethod } from "../reference";
import type { BenchContext } from "./context";

const GROUP = "engine";

function totalOf(result: TableResult, column: string): string {
  return result.lines.find((l) => l.id === "totalCost")!.cells[column]!.exact.toFixed(2);
}

function recomputeAverage(ctx: BenchContext): CaseResult {
  const id = "recompute.averageSalary";
  const label = "Recompute, average-salary method: computeTable(fisAsPublished())";
  try {
    const scenario = referenceScenario();
    const mismatches = publishedMismatches(computeTable(scenario));
    const stats = measureSync(() => computeTable(scenario), { warmup: 50, runs: ctx.runs(500) });
    return {
      id,
      group: GROUP,
      label,
      status: "ok",
      stats,
      target: withTarget(stats, "< 1 ms", 1),
      note: "Full table: 9 lines x 5 columns, every cell with its explanation tree, decimal.js throughout.",
      details: { publishedCellsMatching: `${publishedCellCount() - mismatches.length}/${publishedCellCount()}`, mismatches },
    };
  } catch (e) {
    return failed(id, GROUP, label, e);
  }
}

function recomputeSchedule(ctx: BenchContext, people: number): CaseResult {
  const reference = people === 5776;
  const id = reference ? "recompute.schedule.reference" : `recompute.schedule.${people}`;
  const label = reference
    ? "Recompute, schedule method, 5,776-person reference census"
    : `Recompute, schedule method, ${people.toLocaleString("en-US")}-person syntheticCensus`;
  try {
    const t0 = performance.now();
    const census = reference ? referenceCensus() : assertCensus(syntheticCensus(people, 20240101));
    const censusMs = performance.now() - t0;
    const headcount = census.cells.reduce((n, c) => n + c.headcount.toNumber(), 0);
    if (headcount !== people) throw new Error(`census has ${headcount} people, expected ${people}`);
    const scenario = withScheduleMethod(referenceScenario());
    const options = { scheduleMethod: { census } };
    const result = computeTable(scenario, options);
    const stats = measureSync(() => computeTable(scenario, options), { warmup: 10, runs: ctx.runs(reference ? 100 : 50) });
    return {
      id,
      group: GROUP,
      label,
      status: "ok",
      stats,
      target: withTarget(stats, "< 5 ms", 5),
      note:
        "Schedule costing sums headcount by (schedule, lane, printed column) first, so time grows with distinct census cells, not " +
        "people. The same scenario each run: projections and prices are reused, as after an edit that does not touch them " +
        "(recompute.schedule.varied and recompute.schedule.cold time the rest).",
      details: {
        censusCells: census.cells.length,
        people: headcount,
        censusBuildMs: Math.round(censusMs * 100) / 100,
        tableLines: result.lines.length,
        totalCostFY2028: totalOf(result, "FY2028"),
      },
    };
  } catch (e) {
    return failed(id, GROUP, label, e);
  }
}

function editInNode(ctx: BenchContext): CaseResult {
  const id = "edit.node";
  const label = "Single-input edit in Node: setInputValue(FY2026 raise) + computeTable";
  try {
    const scenario = referenceScenario();
    const path = raisePathFor(scenario, 2026);
    let i = 0;
    // Each run types a different value so no run is a no-op edit.
    const edit = () => computeTable(setInputValue(scenario, path, `0.0${31 + (i++ % 60)}`));
    const stats = measureSync(edit, { warmup: 50, runs: ctx.runs(500) });
    const after = computeTable(setInputValue(scenario, path, "0.035"));
    return {
      id,
      group: GROUP,
      label,
      status: "ok",
      stats,
      target: withTarget(stats, "< 50 ms (the browser target; Node for comparison)", 50),
      note: "setInputValue copies the scenario (JSON round trip) and marks the input as a user edit; then a full recompute.",
      details: { path, totalCostFY2026At3_5Percent: totalOf(after, "FY2026") },
    };
  } catch (e) {
    return failed(id, GROUP, label, e);
  }
}

/** FY2026 raise 0.0%..3.9% (40 values) x FY2027 raise 0.0%..4.8% (25 values) = 1,000 scenarios. */
export function raiseGrid(scenario: Scenario): Scenario[] {
  const p26 = raisePathFor(scenario, 2026);
  const p27 = raisePathFor(scenario, 2027);
  const out: Scenario[] = [];
  for (let a = 0; a < 40; a++) {
    const s26 = setInputValue(scenario, p26, (a / 1000).toFixed(3));
    for (let b = 0; b < 25; b++) out.push(setInputValue(s26, p27, ((2 * b) / 1000).toFixed(3)));
  }
  return out;
}

function sweep(ctx: BenchContext): CaseResult {
  const id = "sweep.raiseGrid1000";
  const label = "Sweep: 1,000-scenario raise grid (FY2026 x FY2027 raise), build + compute";
  try {
    const scenario = referenceScenario();
    let last: { min: string; max: string; count: number } = { min: "", max: "", count: 0 };
    const run = () => {
      const totals = raiseGrid(scenario).map((s) => computeTable(s).lines.find((l) => l.id === "totalCost")!.cells["Total"]!.exact);
      let min = totals[0]!;
      let max = totals[0]!;
      for (const t of totals) {
        if (t.lessThan(min)) min = t;
        if (t.greaterThan(max)) max = t;
      }
      last = { min: min.toFixed(2), max: max.toFixed(2), count: totals.length };
    };
    const stats = measureSync(run, { warmup: 1, runs: ctx.runs(5) });
    return {
      id,
      group: GROUP,
      label,
      status: "ok",
      stats,
      target: withTarget(stats, "< 1 s", 1000),
      note:
        "Each scenario is built with setInputValue (two edits) and fully recomputed with explanations; the sweep keeps the four-year " +
        "TOTAL COST.",
      details: { scenarios: last.count, fourYearTotalMin: last.min, fourYearTotalMax: last.max },
    };
  } catch (e) {
    return failed(id, GROUP, label, e);
  }
}

export async function engineCases(ctx: BenchContext): Promise<CaseResult[]> {
  const out: CaseResult[] = [];
  for (const run of [
    () => recomputeAverage(ctx),
    () => recomputeSchedule(ctx, 5776),
    () => recomputeSchedule(ctx, 100_000),
    () => editInNode(ctx),
    () => sweep(ctx),
  ]) {
    const r = run();
    ctx.log(`${r.id}: ${r.status}`);
    out.push(r);
  }
  return out;
}
