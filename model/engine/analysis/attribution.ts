/**
 * Attribution of the difference between two scenarios to the differences that make it up, cell by
 * cell, summing exactly. The method (docs/attribution.md):
 *
 * - each difference's row is its effect applied ALONE to the baseline: v({i}) - v({});
 * - the interaction row is what the differences do only in combination (a raise compounding on
 *   another, a rate applied to a raised base): total - the sum of the rows;
 * - the Shapley value of each difference (its average marginal effect over every order in which the
 *   differences can be applied) splits that interaction among the differences: Shapley - alone is
 *   each difference's share. Exact over all 2^n subsets for n <= 8; above that, sampled over a stated
 *   number of random orders (seeded, so reproducible) with its standard error.
 *
 * The module is generic over the scenario type: it needs the differences (each with apply) and a
 * compute function from a scenario to a table of unrounded cells. Every amount is carried in a
 * wide Decimal so sums of differences of the engine's 40-digit values never round: rows plus
 * interaction equal the total to the last digit, not just to the cent.
 */
import { Decimal } from "../decimal";

/** Precision wide enough that adding and subtracting the engine's 40-digit amounts is exact. */
export const Exact = Decimal.clone({ precision: 200, rounding: Decimal.ROUND_HALF_EVEN });

/** The part of a computed table attribution reads: line ids, column ids and unrounded dollars. */
export interface TableLike {
  columns: readonly string[];
  lines: readonly { id: string; label: string; printed?: false; cells: Readonly<Record<string, { exact: Decimal }>> }[];
}

export interface Difference<S> {
  id: string;
  /** In the user's words, e.g. "FY2026 base salary increase: 3% → 4%". */
  label: string;
  /** The scenario with this one difference made (a new value; the argument is not changed). */
  apply: (s: S) => S;
}

/** Dollars by line id, then column id. */
export type CellValues = Record<string, Record<string, Decimal>>;

export type Side = "both" | "baseline" | "scenario";

export interface AttributedLine {
  id: string;
  label: string;
  /** A line on one side only is compared with zero on the other. */
  side: Side;
  /** false: a helper line on every side that has it, attributed but no row of a shown comparison. */
  printed?: false;
}

export interface AttributedColumn {
  id: string;
  side: Side;
}

export interface AttributionRow {
  id: string;
  label: string;
  /**
   * False when the difference cannot be made on its own (the scenario it would make is refused,
   * e.g. an item on a table line only the other scenario has): its row is then zero and its effect
   * is in the interaction row, shared out by the Shapley split.
   */
  appliesAlone: boolean;
  /** Its effect applied alone to the baseline. */
  alone: CellValues;
}

export interface ShapleySplit {
  /** "exact": every subset (2^n costings); "sampled": `permutations` random orders, seeded. */
  method: "exact" | "sampled";
  permutations?: number;
  seed?: number;
  /** Shapley value per difference id (alone + its share of the interaction); they sum to the total. */
  values: Record<string, CellValues>;
  /** Sampled only: the standard error of each value, by difference id. */
  standardError?: Record<string, CellValues>;
}

export interface Attribution {
  lines: AttributedLine[];
  columns: AttributedColumn[];
  /** Unrounded dollars of each side (zero where the side has no such line or column). */
  baseline: CellValues;
  scenario: CellValues;
  differences: AttributionRow[];
  interaction: CellValues;
  /** scenario - baseline. */
  total: CellValues;
  shapley: ShapleySplit | null;
  /** Scenarios costed (each distinct subset of differences once). */
  evaluations: number;
}

export interface AttributionOptions<S> {
  /** Costs a scenario; may throw for a scenario that cannot be costed (treated as refused). */
  compute: (s: S) => TableLike;
  /** False for a scenario the differences should not produce (the engine's checks); default all valid. */
  isValid?: (s: S) => boolean;
  /** "none": rows and interaction only (n + 2 costings); "auto": also the Shapley split. */
  shapley?: "none" | "auto";
  /** Largest n costed exactly over all subsets (default 8). */
  exactLimit?: number;
  /** Random orders for the sampled split above exactLimit (default 32; a power of two keeps the mean exact). */
  permutations?: number;
  seed?: number;
}

export const EXACT_SHAPLEY_LIMIT = 8;
export const DEFAULT_PERMUTATIONS = 32;
export const DEFAULT_SEED = 20241203;

/** The row that keeps the sum honest when applying every difference does not reproduce the scenario. */
export const NOT_ITEMISED_ID = "notItemised";

const ZERO = new Exact(0);

type Table = Map<string, Map<string, Decimal>>;

function tableOf(result: TableLike): Table {
  const t: Table = new Map();
  for (const line of result.lines) {
    const row = new Map<string, Decimal>();
    for (const c of result.columns) {
      const cell = line.cells[c];
      if (cell) row.set(c, new Exact(cell.exact));
    }
    t.set(line.id, row);
  }
  return t;
}

const valueAt = (t: Table, line: string, column: string): Decimal => t.get(line)?.get(column) ?? ZERO;

/** Items of `ours` in order, with those only in `theirs` inserted before their successor there (or at the end). */
function mergeOrder<T extends { id: string }>(ours: readonly T[], theirs: readonly T[]): { item: T; side: Side }[] {
  const inTheirs = new Set(theirs.map((t) => t.id));
  const out: { item: T; side: Side }[] = ours.map((item) => ({ item, side: inTheirs.has(item.id) ? "both" : "baseline" }));
  const ids = new Set(ours.map((o) => o.id));
  theirs.forEach((item, i) => {
    if (ids.has(item.id)) return;
    const next = theirs.slice(i + 1).find((t) => ids.has(t.id));
    const at = next ? out.findIndex((o) => o.item.id === next.id) : out.length;
    out.splice(at, 0, { item, side: "scenario" });
    ids.add(item.id);
  });
  return out;
}

/** mulberry32: a small seeded generator, so a sampled split is the same on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffled(n: number, next: () => number): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}

function factorial(n: number): number {
  let f = 1;
  for (let i = 2; i <= n; i++) f *= i;
  return f;
}

export function attribute<S>(baseline: S, scenario: S, differences: readonly Difference<S>[], options: AttributionOptions<S>): Attribution {
  const isValid = options.isValid ?? (() => true);
  const resultA = options.compute(baseline);
  const resultB = options.compute(scenario);
  // A line either side prints stays a row of the comparison.
  const unprinted = (id: string) => [resultA, resultB].flatMap((r) => r.lines.filter((l) => l.id === id)).every((l) => l.printed === false);
  const lines = mergeOrder(resultA.lines, resultB.lines).map(({ item, side }): AttributedLine => ({
    id: item.id,
    label: item.label,
    side,
    ...(unprinted(item.id) ? { printed: false as const } : {}),
  }));
  const columns = mergeOrder(
    resultA.columns.map((id) => ({ id })),
    resultB.columns.map((id) => ({ id })),
  ).map(({ item, side }) => ({ id: item.id, side }));
  const n = differences.length;

  /** Costed subsets by key (indices ascending), each with whether every difference in it could be made. */
  const costed = new Map<string, { table: Table; applied: boolean }>();
  let evaluations = 2;

  const tryCost = (s: S): Table | null => {
    try {
      return isValid(s) ? tableOf(options.compute(s)) : null;
    } catch {
      return null;
    }
  };
  const tryApply = (d: Difference<S>, s: S): S | null => {
    try {
      return d.apply(s);
    } catch {
      return null;
    }
  };

  /**
   * v(S): the baseline with the differences of S made, in list order. When the scenario that makes
   * is refused, they are made one at a time and a difference that is refused where it stands waits
   * until another one makes it possible, or is left out (so v is defined for every subset).
   */
  const v = (indices: readonly number[]): { table: Table; applied: boolean } => {
    const key = [...indices].sort((x, y) => x - y).join(",");
    const hit = costed.get(key);
    if (hit) return hit;
    evaluations++;
    let all: S | null = baseline;
    for (const i of indices) all = all === null ? null : tryApply(differences[i]!, all);
    let found = all === null ? null : tryCost(all);
    let applied = found !== null;
    if (!found) {
      let s = baseline;
      let pending = [...indices];
      let table = tableOf(resultA);
      for (let progress = true; progress && pending.length;) {
        progress = false;
        for (const i of pending) {
          const next = tryApply(differences[i]!, s);
          const t = next === null ? null : tryCost(next);
          if (next !== null && t) {
            s = next;
            table = t;
            pending = pending.filter((p) => p !== i);
            progress = true;
          }
        }
      }
      found = table;
      applied = pending.length === 0;
    }
    const entry = { table: found, applied };
    costed.set(key, entry);
    return entry;
  };
  costed.set("", { table: tableOf(resultA), applied: true });

  const cellsOf = (f: (line: string, column: string) => Decimal): CellValues =>
    Object.fromEntries(lines.map((l) => [l.id, Object.fromEntries(columns.map((c) => [c.id, f(l.id, c.id)]))]));

  const tableA = tableOf(resultA);
  const tableB = tableOf(resultB);
  const all = v(differences.map((_, i) => i)).table;
  const alone = differences.map((_, i) => v([i]));
  const rows: AttributionRow[] = differences.map((d, i) => ({
    id: d.id,
    label: d.label,
    appliesAlone: alone[i]!.applied,
    alone: cellsOf((l, c) => valueAt(alone[i]!.table, l, c).minus(valueAt(tableA, l, c))),
  }));
  const total = cellsOf((l, c) => valueAt(tableB, l, c).minus(valueAt(tableA, l, c)));
  // Making every difference should give the scenario; where it does not, the gap is shown, never hidden.
  const gap = cellsOf((l, c) => valueAt(tableB, l, c).minus(valueAt(all, l, c)));
  const hasGap = lines.some((l) => columns.some((c) => !gap[l.id]![c.id]!.isZero()));
  if (hasGap) rows.push({ id: NOT_ITEMISED_ID, label: "Differences not itemised", appliesAlone: false, alone: gap });
  const interaction = cellsOf((l, c) => rows.reduce((rest, r) => rest.minus(r.alone[l]![c]!), total[l]![c]!));

  let shapley: ShapleySplit | null = null;
  if ((options.shapley ?? "auto") === "auto" && n > 0) {
    const exactLimit = options.exactLimit ?? EXACT_SHAPLEY_LIMIT;
    shapley = n <= exactLimit ? exactShapley() : sampledShapley();
    if (hasGap) shapley.values[NOT_ITEMISED_ID] = gap;
  }

  /** phi_i = sum over S not containing i of |S|! (n - |S| - 1)! / n! x (v(S + i) - v(S)). */
  function exactShapley(): ShapleySplit {
    const weights = Array.from({ length: n }, (_, s) => factorial(s) * factorial(n - s - 1));
    const subsets: number[][] = [];
    for (let mask = 0; mask < 1 << n; mask++) subsets.push(differences.map((_, i) => i).filter((i) => mask & (1 << i)));
    const tables = subsets.map((s) => v(s).table);
    const values: Record<string, CellValues> = {};
    const nFactorial = new Exact(factorial(n));
    differences.forEach((d, i) => {
      values[d.id] = cellsOf((l, c) => {
        let weighted = ZERO;
        for (let mask = 0; mask < 1 << n; mask++) {
          if (mask & (1 << i)) continue;
          const size = subsets[mask]!.length;
          const marginal = valueAt(tables[mask | (1 << i)]!, l, c).minus(valueAt(tables[mask]!, l, c));
          weighted = weighted.plus(marginal.times(weights[size]!));
        }
        // A rational value: carried to 1e-12 of a dollar, the rounding residual settled below.
        return weighted.div(nFactorial).toDecimalPlaces(12);
      });
    });
    settleResidual(values);
    return { method: "exact", values };
  }

  /** The mean marginal effect over `permutations` random orders; each order's effects sum to v(N) - v(0). */
  function sampledShapley(): ShapleySplit {
    const permutations = options.permutations ?? DEFAULT_PERMUTATIONS;
    const seed = options.seed ?? DEFAULT_SEED;
    const next = random(seed);
    const sums = differences.map(() => cellsOf(() => ZERO));
    const squares = differences.map(() => cellsOf(() => ZERO));
    for (let k = 0; k < permutations; k++) {
      const order = shuffled(n, next);
      let before = tableA;
      const prefix: number[] = [];
      for (const i of order) {
        prefix.push(i);
        const after = v(prefix).table;
        for (const l of lines)
          for (const c of columns) {
            const m = valueAt(after, l.id, c.id).minus(valueAt(before, l.id, c.id));
            sums[i]![l.id]![c.id] = sums[i]![l.id]![c.id]!.plus(m);
            squares[i]![l.id]![c.id] = squares[i]![l.id]![c.id]!.plus(m.times(m));
          }
        before = after;
      }
    }
    const values: Record<string, CellValues> = {};
    const standardError: Record<string, CellValues> = {};
    differences.forEach((d, i) => {
      values[d.id] = cellsOf((l, c) => sums[i]![l]![c]!.div(permutations));
      standardError[d.id] = cellsOf((l, c) => {
        if (permutations < 2) return ZERO;
        const mean = sums[i]![l]![c]!.div(permutations);
        const variance = squares[i]![l]![c]!.minus(mean.times(mean).times(permutations)).div(permutations - 1);
        return variance.isNegative() ? ZERO : variance.div(permutations).sqrt().toDecimalPlaces(2);
      });
    });
    settleResidual(values);
    return { method: "sampled", permutations, seed, values, standardError };
  }

  /** Makes the values sum exactly to v(N) - v(0): the residual of rounding goes to the largest value. */
  function settleResidual(values: Record<string, CellValues>) {
    for (const l of lines)
      for (const c of columns) {
        const target = valueAt(all, l.id, c.id).minus(valueAt(tableA, l.id, c.id));
        const ids = differences.map((d) => d.id);
        const residual = ids.reduce((rest, id) => rest.minus(values[id]![l.id]![c.id]!), target);
        if (residual.isZero()) continue;
        const largest = ids.reduce((best, id) =>
          values[id]![l.id]![c.id]!.abs().greaterThan(values[best]![l.id]![c.id]!.abs()) ? id : best,
        );
        values[largest]![l.id]![c.id] = values[largest]![l.id]![c.id]!.plus(residual);
      }
  }

  return {
    lines,
    columns,
    baseline: cellsOf((l, c) => valueAt(tableA, l, c)),
    scenario: cellsOf((l, c) => valueAt(tableB, l, c)),
    differences: rows,
    interaction,
    total,
    shapley,
    evaluations,
  };
}

/** Each difference's share of the interaction under the Shapley split: Shapley value - alone. */
export function interactionShares(a: Attribution): Record<string, CellValues> | null {
  if (!a.shapley) return null;
  const shares: Record<string, CellValues> = {};
  for (const row of a.differences) {
    const phi = a.shapley.values[row.id];
    if (!phi) continue;
    shares[row.id] = Object.fromEntries(
      a.lines.map((l) => [l.id, Object.fromEntries(a.columns.map((c) => [c.id, phi[l.id]![c.id]!.minus(row.alone[l.id]![c.id]!)]))]),
    );
  }
  return shares;
}
