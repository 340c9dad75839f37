/**
 * Monte Carlo ranges: N draws of the scenario's uncertain inputs (seeded, reproducible bit for
 * bit), each costed on the fast path, summarized for every cell of the table:
 *  - mean, standard deviation and the standard error of the mean (sd / sqrt(N));
 *  - P5, P50, P95 by nearest rank (the ceil(qN)-th smallest draw), so each percentile is the cost
 *    of one drawn scenario; its displayed value is taken from that scenario's proven (or exact)
 *    display, as the table would show it;
 *  - the probability that a cell exceeds a limit, with its standard error; draws within a cent
 *    of the limit are decided by the tracked run, or the exact engine;
 *  - which inputs drive a chosen cell: Spearman rank correlation of each input's draws with the
 *    cell, and each input's share of the squared correlations (an approximate share of variance).
 * A scenario the fast path cannot take is drawn on the exact engine, more slowly.
 */
import { computeTable, totalLineId, TOTAL_COLUMN, type ComputeOptions } from "../compute";
import { Decimal } from "../decimal";
import { displayedCell, Plan, type Evaluator } from "../fast/plan";
import type { Registry } from "../kinds/registry";
import { listInputs, setInputValue, type InputEntry } from "../scenario/paths";
import type { Scenario } from "../scenario/types";
import { formatDisplayed } from "../table/display";
import { DEFAULT_DRAWS, DEFAULT_SEED, samplerOf, type Distribution, type Sampler } from "./distributions";
import { distributionText } from "./words";
import { Xoshiro128 } from "./prng";

export interface CellRef {
  lineId: string;
  column: string;
}

export interface ExceedRequest extends CellRef {
  /** The limit in dollars. */
  dollars: Decimal;
}

export interface MonteCarloOptions {
  draws?: number;
  seed?: number;
  exceed?: readonly ExceedRequest[];
  /** The cell whose drivers and histogram are reported (default: the total line's total column). */
  focus?: CellRef;
  computeOptions?: ComputeOptions;
  registry?: Registry;
  onProgress?: (done: number, total: number) => void;
  /** Asked between batches of draws; true stops the run (MonteCarloCancelled is thrown). */
  cancelled?: () => boolean;
  /** Histogram bins of the focus cell (default 40). */
  bins?: number;
  /** A clock in ms for the run's timing (the engine has no performance.now of its own). */
  now?: () => number;
}

export class MonteCarloCancelled extends Error {
  constructor() {
    super("the Monte Carlo run was cancelled");
  }
}

export interface UncertainInput {
  path: string;
  label: string;
  owner: string;
  unit: string;
  /** The value the scenario holds. */
  value: string;
  distribution: Distribution;
  /** "5,776 ± 2%", "6%–12%", … */
  text: string;
  /** Analytic mean of the draws' distribution. */
  mean: number;
  lo: number;
  hi: number;
}

export interface CellRange {
  /** Dollars. */
  mean: number;
  sd: number;
  /** Standard error of the mean. */
  sem: number;
  min: number;
  max: number;
  p5: number;
  p50: number;
  p95: number;
  /** In the scenario's display unit and rounding: percentiles as the drawn scenario's table shows them; the mean rounded the same way. */
  display: { p5: string; p50: string; p95: string; mean: string };
}

export interface ExceedResult extends CellRef {
  lineLabel: string;
  columnLabel: string;
  limit: string;
  probability: number;
  standardError: number;
  count: number;
  /** Draws within a cent of the limit, decided by the bound or the exact engine. */
  checkedNearLimit: number;
}

export interface Driver {
  path: string;
  label: string;
  owner: string;
  rankCorrelation: number;
  /** rho^2 / sum of rho^2 over the inputs. */
  share: number;
}

export interface MonteCarloResult {
  scenarioId: string;
  scenarioName: string;
  draws: number;
  seed: number;
  inputs: UncertainInput[];
  columns: string[];
  columnLabels: Record<string, string>;
  units: string;
  /** printed false: a helper line, ranged like the others but no row of a shown or written table. */
  lines: { id: string; label: string; kind: string; style?: string; printed?: false; cells: Record<string, CellRange> }[];
  exceed: ExceedResult[];
  focus: CellRef & { label: string; drivers: Driver[]; histogram: { from: number; to: number; count: number }[] };
  /** How the draws were costed: "fast" (the plan) or "exact" (no plan for this scenario). */
  path: "fast" | "exact";
  /** Draws costed again by the exact engine (non-finite on the fast path). */
  exactDraws: number;
  ms: number;
}

/** The uncertain inputs of a scenario, in the order the inputs grid lists them. */
export function uncertainInputs(scenario: Scenario, registry?: Registry): (InputEntry & { distribution: Distribution })[] {
  const block = scenario.uncertainty?.inputs ?? {};
  return listInputs(scenario, registry)
    .filter((e) => block[e.path] !== undefined)
    .map((e) => ({ ...e, distribution: block[e.path]! }));
}

/** Average ranks (ties share their mean rank): indices ordered by a native sort of (value, index) pairs packed in one array. */
function ranks(values: Float64Array): Float64Array {
  const n = values.length;
  const order = Array.from({ length: n }, (_, i) => i);
  order.sort((a, b) => values[a]! - values[b]! || a - b);
  const out = new Float64Array(n);
  for (let i = 0; i < n;) {
    let j = i;
    while (j + 1 < n && values[order[j + 1]!] === values[order[i]!]) j++;
    const r = (i + j) / 2;
    for (let k = i; k <= j; k++) out[order[k]!] = r;
    i = j + 1;
  }
  return out;
}

function pearson(x: Float64Array, y: Float64Array): number {
  const n = x.length;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += x[i]!;
    my += y[i]!;
  }
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[i]! - mx;
    const dy = y[i]! - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxx === 0 || syy === 0 ? 0 : sxy / Math.sqrt(sxx * syy);
}

/** Nearest-rank index of the q-quantile among n sorted values. */
export const rankIndex = (q: number, n: number): number => Math.min(n - 1, Math.max(0, Math.ceil(q * n) - 1));

export function monteCarlo(scenario: Scenario, options: MonteCarloOptions = {}): MonteCarloResult {
  const now = options.now ?? (() => Date.now());
  const started = now();
  const draws = options.draws ?? scenario.uncertainty?.draws ?? DEFAULT_DRAWS;
  const seed = options.seed ?? scenario.uncertainty?.seed ?? DEFAULT_SEED;
  if (!Number.isInteger(draws) || draws < 1 || draws > 1_000_000)
    throw new Error(`draws must be a whole number from 1 to 1,000,000 (got ${draws})`);
  const uncertain = uncertainInputs(scenario, options.registry);
  const samplers: Sampler[] = uncertain.map((e) => samplerOf(e.distribution, e.spec, e.param.value));
  const varied = uncertain.filter((e) => e.distribution.distribution !== "fixed");
  const variedSamplers = uncertain.map((e, i) => ({ e, s: samplers[i]! })).filter((x) => x.e.distribution.distribution !== "fixed");
  const planOptions = {
    ...(options.registry ? { registry: options.registry } : {}),
    ...(options.computeOptions ? { computeOptions: options.computeOptions } : {}),
    vary: varied.map((e) => e.path),
  };
  const plan = Plan.tryCompile(scenario, planOptions);
  const base = computeTable(scenario, { ...(options.registry ? { registry: options.registry } : {}), ...(options.computeOptions ?? {}) });
  const columns = base.columns;
  const lines = base.lines.map((l) => ({
    id: l.id,
    label: l.label,
    kind: l.kind,
    ...(l.style ? { style: l.style } : {}),
    ...(l.printed === false ? { printed: false as const } : {}),
  }));
  const nCells = lines.length * columns.length;
  const cellIndex = (ref: CellRef) => {
    const li = lines.findIndex((l) => l.id === ref.lineId);
    const ci = columns.indexOf(ref.column);
    if (li < 0) throw new Error(`no line "${ref.lineId}"; lines are ${lines.map((l) => l.id).join(", ")}`);
    if (ci < 0) throw new Error(`no column "${ref.column}"; columns are ${columns.join(", ")}`);
    return li * columns.length + ci;
  };
  // The plan lists cells in the same order (compile.ts mirrors compute.ts); checked, not assumed.
  if (plan && (plan.lines.some((l, i) => l.id !== lines[i]?.id) || plan.columns.join() !== columns.join()))
    throw new Error("internal: the fast plan's table differs from the exact engine's");

  const values = Array.from({ length: nCells }, () => new Float64Array(draws));
  const inputDraws = variedSamplers.map(() => new Float64Array(draws));
  const rng = new Xoshiro128(seed);
  const ev = plan?.evaluator();
  const slots = plan ? variedSamplers.map(({ e }) => plan.slotOf.get(e.path)!) : [];
  const out = new Float64Array(nCells);
  let exactDraws = 0;

  const exactDraw = (d: number): Float64Array => {
    exactDraws++;
    let s = scenario;
    variedSamplers.forEach(({ e }, k) => (s = setInputValue(s, e.path, String(inputDraws[k]![d]), options.registry)));
    const t = computeTable(s, { ...(options.registry ? { registry: options.registry } : {}), ...(options.computeOptions ?? {}) });
    const row = new Float64Array(nCells);
    t.lines.forEach((l, li) => columns.forEach((c, ci) => (row[li * columns.length + ci] = l.cells[c]!.exact.toNumber())));
    return row;
  };

  const batch = plan ? 500 : 20;
  for (let d = 0; d < draws; d++) {
    for (let k = 0; k < variedSamplers.length; k++) {
      const x = variedSamplers[k]!.s.draw(rng.next());
      inputDraws[k]![d] = x;
      if (ev) ev.set(slots[k]!, x);
    }
    let row: Float64Array;
    if (ev) {
      ev.run(out);
      row = out;
      for (let c = 0; c < nCells; c++)
        if (!Number.isFinite(out[c]!)) {
          row = exactDraw(d);
          break;
        }
    } else row = exactDraw(d);
    for (let c = 0; c < nCells; c++) values[c]![d] = row[c]!;
    if ((d + 1) % batch === 0 || d + 1 === draws) {
      options.onProgress?.(d + 1, draws);
      if (options.cancelled?.()) throw new MonteCarloCancelled();
    }
  }

  // Displayed percentiles: each is one drawn scenario's cell, shown as that scenario's table shows it.
  const display = scenario.table.display;
  const displayedDraws = new Map<number, (lineId: string, column: string) => Decimal>();
  const setDraw = (e: Evaluator, d: number) => variedSamplers.forEach((_, k) => e.set(slots[k]!, inputDraws[k]![d]!));
  const displayedAt = (d: number, ref: CellRef): string => {
    let read = displayedDraws.get(d);
    if (!read) {
      if (ev && plan) {
        setDraw(ev, d);
        const shown = ev.displayed();
        read = (lineId, column) => displayedCell(shown, plan, lineId, column);
      } else {
        let s = scenario;
        variedSamplers.forEach(({ e }, k) => (s = setInputValue(s, e.path, String(inputDraws[k]![d]), options.registry)));
        const t = computeTable(s, { ...(options.registry ? { registry: options.registry } : {}), ...(options.computeOptions ?? {}) });
        read = (lineId, column) => t.lines.find((l) => l.id === lineId)!.cells[column]!.display;
      }
      displayedDraws.set(d, read);
    }
    return formatDisplayed(read(ref.lineId, ref.column), display.decimals);
  };
  const meanText = (dollars: number) => {
    const unit = display.unit === "dollars" ? 1 : display.unit === "thousands" ? 1000 : 1_000_000;
    const v = new Decimal(dollars.toPrecision(15)).div(unit).toDecimalPlaces(display.decimals, Decimal.ROUND_HALF_UP);
    return formatDisplayed(v, display.decimals);
  };

  const sorted = new Float64Array(draws);
  /** The draw whose value is the q-quantile (nearest rank): a native numeric sort, then the first draw holding that value. */
  const resultLines = lines.map((l, li) => {
    const cells: Record<string, CellRange> = {};
    columns.forEach((column, ci) => {
      const v = values[li * columns.length + ci]!;
      sorted.set(v);
      sorted.sort();
      let mean = 0;
      for (let i = 0; i < draws; i++) mean += v[i]!;
      mean /= draws;
      let ss = 0;
      for (let i = 0; i < draws; i++) ss += (v[i]! - mean) ** 2;
      const sd = draws > 1 ? Math.sqrt(ss / (draws - 1)) : 0;
      const at = (q: number) => v.indexOf(sorted[rankIndex(q, draws)]!);
      const ref = { lineId: l.id, column };
      cells[column] = {
        mean,
        sd,
        sem: sd / Math.sqrt(draws),
        min: sorted[0]!,
        max: sorted[draws - 1]!,
        p5: sorted[rankIndex(0.05, draws)]!,
        p50: sorted[rankIndex(0.5, draws)]!,
        p95: sorted[rankIndex(0.95, draws)]!,
        display: { p5: displayedAt(at(0.05), ref), p50: displayedAt(at(0.5), ref), p95: displayedAt(at(0.95), ref), mean: meanText(mean) },
      };
    });
    return { ...l, cells };
  });

  const exceed: ExceedResult[] = (options.exceed ?? []).map((x) => {
    const k = cellIndex(x);
    const v = values[k]!;
    const limit = x.dollars.toNumber();
    let count = 0;
    let near = 0;
    for (let d = 0; d < draws; d++) {
      let above = v[d]! > limit;
      if (Math.abs(v[d]! - limit) <= 0.01) {
        near++;
        above = exceedsExactly(d, x);
      }
      if (above) count++;
    }
    const p = count / draws;
    return {
      lineId: x.lineId,
      column: x.column,
      lineLabel: lines.find((l) => l.id === x.lineId)!.label,
      columnLabel: base.columnLabels[x.column] ?? x.column,
      limit: x.dollars.toFixed(),
      probability: p,
      standardError: Math.sqrt((p * (1 - p)) / draws),
      count,
      checkedNearLimit: near,
    };
  });
  function exceedsExactly(d: number, x: ExceedRequest): boolean {
    if (ev && plan) {
      setDraw(ev, d);
      const tracked = ev.runTracked();
      const k = plan.cellIndex(x.lineId, x.column);
      const gap = tracked.values[k]! - x.dollars.toNumber();
      if (!tracked.unstable && Math.abs(gap) > tracked.bounds[k]! + Math.abs(x.dollars.toNumber()) * 2 ** -52) return gap > 0;
      return ev
        .exact()
        .lines.find((l) => l.id === x.lineId)!
        .cells[x.column]!.exact.greaterThan(x.dollars);
    }
    const row = exactDraw(d);
    return row[cellIndex(x)]! > x.dollars.toNumber();
  }

  const focusRef = options.focus ?? {
    lineId: totalLineId(base) ?? lines[lines.length - 1]!.id,
    column: columns.includes(TOTAL_COLUMN) ? TOTAL_COLUMN : columns[0]!,
  };
  const focusValues = values[cellIndex(focusRef)]!;
  const focusRanks = ranks(focusValues);
  const rhos = inputDraws.map((x) => pearson(ranks(x), focusRanks));
  const sumSq = rhos.reduce((a, r) => a + r * r, 0);
  const drivers: Driver[] = variedSamplers
    .map(({ e }, k) => ({
      path: e.path,
      label: e.param.label,
      owner: e.owner,
      rankCorrelation: rhos[k]!,
      share: sumSq === 0 ? 0 : rhos[k]! ** 2 / sumSq,
    }))
    .sort((a, b) => Math.abs(b.rankCorrelation) - Math.abs(a.rankCorrelation));
  const bins = options.bins ?? 40;
  const fr = resultLines.find((l) => l.id === focusRef.lineId)!.cells[focusRef.column]!;
  const width = (fr.max - fr.min) / bins || 1;
  const histogram = Array.from({ length: bins }, (_, i) => ({ from: fr.min + i * width, to: fr.min + (i + 1) * width, count: 0 }));
  for (let d = 0; d < draws; d++) histogram[Math.min(bins - 1, Math.floor((focusValues[d]! - fr.min) / width))]!.count++;

  return {
    scenarioId: scenario.id,
    scenarioName: scenario.name,
    draws,
    seed,
    inputs: uncertain.map((e, i) => ({
      path: e.path,
      label: e.param.label,
      owner: e.owner,
      unit: e.unit,
      value: e.param.value,
      distribution: e.distribution,
      text: distributionText(e.distribution, e.param.value, e.unit),
      mean: samplers[i]!.mean,
      lo: samplers[i]!.lo,
      hi: samplers[i]!.hi,
    })),
    columns,
    columnLabels: base.columnLabels,
    units: base.units,
    lines: resultLines,
    exceed,
    focus: {
      ...focusRef,
      label: `${lines.find((l) => l.id === focusRef.lineId)!.label}, ${base.columnLabels[focusRef.column] ?? focusRef.column}`,
      drivers,
      histogram,
    },
    path: plan ? "fast" : "exact",
    exactDraws,
    ms: now() - started,
  };
}

/** The draws a run would make, input by input (for tests and the workbook's notes). */
export function drawInputs(scenario: Scenario, draws: number, seed: number, registry?: Registry): { path: string; values: Float64Array }[] {
  const uncertain = uncertainInputs(scenario, registry).filter((e) => e.distribution.distribution !== "fixed");
  const samplers = uncertain.map((e) => samplerOf(e.distribution, e.spec, e.param.value));
  const out = uncertain.map((e) => ({ path: e.path, values: new Float64Array(draws) }));
  const rng = new Xoshiro128(seed);
  for (let d = 0; d < draws; d++) for (let k = 0; k < samplers.length; k++) out[k]!.values[d] = samplers[k]!.draw(rng.next());
  return out;
}
