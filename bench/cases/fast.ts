/**
 * The fast evaluation path (model/engine/fast) and what runs on it: compiling the reference
 * scenario, a single-input edit on the compiled plan (all 45 displayed cells proven equal to the
 * exact engine's), the 1,000-scenario raise sweep, 10,000 Monte Carlo draws by each salary
 * method, and one exact schedule-method recompute with a different separation rate each run (so
 * nothing of the previous run can be reused). Every case checks its answer against the exact
 * engine before its time counts.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import {
  computeTable,
  decodeTableResult,
  encodeTableResult,
  Decimal,
  monteCarlo,
  parseScenarioJson,
  Plan,
  referenceCensus,
  setInputValue,
  sweep,
  validateScenario,
  workEstimate,
  WORK_LIMIT,
  kindIndex,
  DEFAULT_REGISTRY,
  type CheckedCensus,
  type Scenario,
} from "../../model/engine/index";
import { measureSync } from "../measure";
import { REPO_ROOT } from "../paths";
import { raisePathFor, referenceScenario, withScheduleMethod } from "../reference";
import { failed, withTarget, type CaseResult } from "../results";
import { heavyScenario } from "../../test/robustness/heavy";
import type { BenchContext } from "./context";

const kinds = kindIndex(DEFAULT_REGISTRY);

const GROUP = "fast";

function scheduleRangesExample(): Scenario {
  const file = path.join(REPO_ROOT, "examples", "dc-dcps-wtu-2023", "schedule-method-ranges.json");
  const parsed = parseScenarioJson(readFileSync(file, "utf8"), file);
  if (!parsed.ok) throw new Error(`${file} is invalid`);
  return parsed.value;
}

/** FIS as published with the membership (approximately 5,776) and the FY2026 raise under negotiation as ranges. */
export function averageRangesScenario(): Scenario {
  return {
    ...referenceScenario(),
    uncertainty: {
      inputs: {
        "groups.wtu.members": { distribution: "uniform", min: "5660.48", max: "5891.52" },
        [raisePathFor(referenceScenario(), 2026)]: { distribution: "triangular", min: "0.02", mode: "0.03", max: "0.04" },
        "items.coveragePremium.growthRate": { distribution: "normal", mean: "0.02", sd: "0.01" },
      },
    },
  };
}

function run(id: string, label: string, body: () => Omit<CaseResult, "id" | "group" | "label" | "status">): CaseResult {
  try {
    return { id, group: GROUP, label, status: "ok", ...body() };
  } catch (e) {
    return failed(id, GROUP, label, e);
  }
}

export async function fastCases(ctx: BenchContext): Promise<CaseResult[]> {
  const out: CaseResult[] = [];
  const scenario = referenceScenario();
  const raise2026 = raisePathFor(scenario, 2026);

  out.push(
    run("fast.compile", "Compile the reference scenario into a plan (every input a register)", () => {
      const plan = Plan.compile(scenario);
      const stats = measureSync(() => Plan.compile(scenario), { warmup: 20, runs: ctx.runs(200) });
      return { stats, details: { instructions: plan.instructions, inputs: plan.inputs.length } };
    }),
  );

  out.push(
    run(
      "edit.node.plan",
      "Single-input edit on the plan: set the FY2026 raise, all 45 displayed cells (proven equal to the exact engine's)",
      () => {
        const plan = Plan.compile(scenario);
        const ev = plan.evaluator();
        const slot = plan.slotOf.get(raise2026)!;
        // The answer first: at 3.5%, every displayed cell is the exact engine's.
        ev.setText(slot, "0.035");
        const shown = ev.displayed();
        const exact = computeTable(setInputValue(scenario, raise2026, "0.035"));
        plan.lines.forEach((l, li) =>
          plan.columns.forEach((c, ci) => {
            const want = exact.lines.find((x) => x.id === l.id)!.cells[c]!.display.toNumber();
            if (shown.units[li * plan.columns.length + ci] !== want)
              throw new Error(`${l.id}.${c}: ${shown.units[li * plan.columns.length + ci]} vs ${want}`);
          }),
        );
        let i = 0;
        const stats = measureSync(
          () => {
            ev.setText(slot, `0.0${31 + (i++ % 60)}`);
            return ev.displayed();
          },
          { warmup: 200, runs: ctx.runs(2000) },
        );
        return {
          stats,
          note:
            "The plan is compiled once (fast.compile); an edit writes one register, runs the tape with error bounds " +
            "and rounds the 45 cells.",
          details: {
            totalCostFY2026At3_5Percent: exact.lines.find((l) => l.id === "totalCost")!.cells.FY2026!.display.toString(),
            exactFallback: !!shown.exact,
          },
        };
      },
    ),
  );

  out.push(
    run(
      "sweep.raiseGrid1000.plan",
      "Sweep on the plan: 1,000-scenario raise grid (FY2026 x FY2027), compile + TOTAL COST to the cent",
      () => {
        const p27 = raisePathFor(scenario, 2027);
        const points: string[][] = [];
        for (let a = 0; a < 40; a++) for (let b = 0; b < 25; b++) points.push([(a / 1000).toFixed(3), ((2 * b) / 1000).toFixed(3)]);
        const request = { paths: [raise2026, p27], points, cells: [{ lineId: "totalCost", column: "Total" }] };
        const once = sweep(scenario, request);
        // Spot check a few points against full exact costings.
        for (const k of [0, 517, 999]) {
          const s = setInputValue(setInputValue(scenario, raise2026, points[k]![0]!), p27, points[k]![1]!);
          const want = computeTable(s)
            .lines.find((l) => l.id === "totalCost")!
            .cells.Total!.exact.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
          if (!once.values[k]![0]!.equals(want)) throw new Error(`point ${k}: ${once.values[k]![0]} vs ${want}`);
        }
        const stats = measureSync(() => sweep(scenario, request), { warmup: 3, runs: ctx.runs(20) });
        const totals = once.values.map((v) => v[0]!);
        return {
          stats,
          target: withTarget(stats, "< 50 ms", 50),
          details: {
            scenarios: points.length,
            exactEvaluations: once.exactEvaluations,
            fourYearTotalMin: Decimal.min(...totals).toFixed(2),
            fourYearTotalMax: Decimal.max(...totals).toFixed(2),
          },
        };
      },
    ),
  );

  out.push(
    run(
      "montecarlo.averageSalary.10000",
      "Monte Carlo, average-salary method: 10,000 draws (members, FY2026 raise, premium growth as ranges), all statistics",
      () => {
        const s = averageRangesScenario();
        const once = monteCarlo(s, { now: () => performance.now() });
        if (once.path !== "fast") throw new Error("not on the fast path");
        const stats = measureSync(() => monteCarlo(s), { warmup: 1, runs: ctx.runs(10) });
        const t = once.lines.find((l) => l.id === "totalCost")!.cells.Total!;
        return {
          stats,
          target: withTarget(stats, "< 250 ms", 250),
          note:
            "Draws, costing of every cell, sorting for P5/P50/P95, the displayed percentiles re-evaluated with bounds, " +
            "drivers and histogram.",
          details: { draws: once.draws, totalCostTotal: t.display, exactDraws: once.exactDraws },
        };
      },
    ),
  );

  out.push(
    run(
      "montecarlo.schedule.10000",
      "Monte Carlo, schedule method (5,776-person reference census): 10,000 draws of separation rate, held share, members",
      () => {
        const s = scheduleRangesExample();
        const once = monteCarlo(s);
        if (once.path !== "fast") throw new Error("not on the fast path");
        const stats = measureSync(() => monteCarlo(s), { warmup: 0, runs: ctx.runs(3) });
        return {
          stats,
          target: withTarget(stats, "< 3 s", 3000),
          details: {
            draws: once.draws,
            instructions: Plan.compile(s, { vary: once.inputs.map((i) => i.path) }).instructions,
            totalCostTotal: once.lines.find((l) => l.id === "totalCost")!.cells.Total!.display,
          },
        };
      },
    ),
  );

  out.push(
    run(
      "recompute.schedule.varied",
      "Exact recompute, schedule method, reference census, a separation rate never seen before each run",
      () => {
        const base = withScheduleMethod(scenario);
        let i = 0;
        // A new rate every run: the projection with turnover and its pricing are computed afresh; the census, the
        // steps-only projection and the pricing of the census as it stands are reused (they do not depend on the rate).
        const next = () => setInputValue(base, "scheduleMethod.separationRate", (0.05 + i++ / 1e6).toFixed(6));
        const stats = measureSync(() => computeTable(next()), { warmup: 10, runs: ctx.runs(100) });
        return { stats, target: withTarget(stats, "< 5 ms", 5), details: { lines: computeTable(base).lines.length } };
      },
    ),
  );

  out.push(
    run(
      "recompute.schedule.cold",
      "Exact recompute, schedule method, nothing reused: a new census object each run (as after an import)",
      () => {
        const base = withScheduleMethod(scenario);
        const census = referenceCensus();
        const stats = measureSync(() => computeTable(base, { scheduleMethod: { census: { ...census } as CheckedCensus } }), {
          warmup: 5,
          runs: ctx.runs(50),
        });
        return { stats, target: withTarget(stats, "< 5 ms", 5) };
      },
    ),
  );

  out.push(
    run("heavy.worstAccepted", "The heaviest scenario validation accepts (480,000 of 500,000 cost steps): exact recompute", () => {
      const parsed = validateScenario(heavyScenario(10, 50, 30, 30));
      if (!parsed.ok) throw new Error("the heavy scenario was refused");
      const s = parsed.value;
      const units = workEstimate(s, (i) => kinds.get(i.kind)).units;
      const stats = measureSync(() => computeTable(s), { warmup: 0, runs: ctx.runs(3) });
      const t0 = performance.now();
      const plan = Plan.compile(s);
      const compileMs = performance.now() - t0;
      return {
        stats,
        note: "10 groups x 50 positions, 30 fiscal years, 30 mid-year raise steps: 480,000 salary levels with explanations.",
        details: { workUnits: units, limit: WORK_LIMIT, planCompileMs: Math.round(compileMs), planInstructions: plan.instructions },
      };
    }),
  );

  out.push(
    run(
      "heavy.transfer",
      "The heaviest accepted scenario's table across the worker boundary: revive on the UI thread (encode in the worker in details)",
      () => {
        const parsed = validateScenario(heavyScenario(10, 50, 30, 30));
        if (!parsed.ok) throw new Error("the heavy scenario was refused");
        const result = computeTable(parsed.value);
        const t0 = performance.now();
        const data = encodeTableResult(result);
        const encodeMs = performance.now() - t0;
        const stats = measureSync(() => decodeTableResult(data), { warmup: 1, runs: ctx.runs(5) });
        return {
          stats,
          note: "The app revives it in slices of at most 30 ms between frames; this is the whole revive at once.",
          details: {
            encodeMs: Math.round(encodeMs),
            explanationNodes: data.nodes.length / 12,
            distinctStrings: data.strings.length,
            typedArrayBytes: data.nodes.byteLength + data.children.byteLength,
          },
        };
      },
    ),
  );

  for (const r of out) ctx.log(`${r.id}: ${r.status}${r.reason ? ` (${r.reason})` : ""}`);
  return Promise.resolve(out);
}
