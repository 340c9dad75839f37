/**
 * Sensitivity: which inputs move the answer. Tornado data moves each numeric input down and up
 * (rates and shares by one point, 0.01; every other value by 10%) and records the total cost and
 * local portion over all years; the two-way table sweeps two fiscal years' raises over a grid.
 * By default the variants run on the fast path (the scenario compiled once, every input a
 * register), each amount the exact engine's to the cent and each displayed amount the exact
 * engine's display (near ties settled by the exact engine); `path: "exact"` costs every variant as
 * a full costing of an immutable edited copy, to every digit.
 */
import { computeTable, shareLineId, totalByColumn, totalLineId, TOTAL_COLUMN, type ComputeOptions, type TableResult } from "../compute";
import { toDisplay } from "../table/display";
import { Decimal } from "../decimal";
import type { Source } from "../explain";
import { listInputs, setInputValue, type InputSection } from "../scenario/paths";
import type { FieldSpec } from "../fields";
import type { Scenario } from "../scenario/types";
import { FastCells, type AnalysisPath } from "./fast-cells";
import { withTotalColumn } from "./all-years";
import { percentRaisePaths, withPercentRaise } from "./raise-edits";

export interface TornadoBar {
  path: string;
  label: string;
  section: InputSection;
  owner: string;
  unit: string;
  value: Decimal;
  low: Decimal;
  high: Decimal;
  /**
   * How the input was moved, in its own terms: "±0.01", "±10%", "±1"; one-sided or uneven where
   * its range stops it ("+0.01" for a rate at its lowest, "-0.01 / +0.006418" near its highest).
   */
  move: string;
  /** The scenario's total over all years (its total line, else the sum of the cost lines). */
  total: { low: Decimal; base: Decimal; high: Decimal };
  /** The table's first share line (e.g. a local portion) over all years, when it has one. */
  share?: { low: Decimal; base: Decimal; high: Decimal };
  /** |total at high - total at low|, what the bars are sorted by. */
  swing: Decimal;
}

export interface Tornado {
  /** "fast": bars' totals to the cent from the plan; "exact": full costings. */
  path: AnalysisPath;
  baseTotal: Decimal;
  /** The share line reported beside the total, and its base value. */
  shareLine?: { id: string; label: string; base: Decimal };
  bars: TornadoBar[];
  evaluations: number;
  /** Variants the exact engine settled on the fast path (near a half cent). */
  exactEvaluations?: number;
}

const POINT = new Decimal("0.01");
const TEN_PERCENT = new Decimal("0.1");
const SOURCE: Source = { kind: "derived", ref: "sensitivity", note: "moved by the sensitivity analysis" };

const lineTotal = (t: TableResult, lineId: string): Decimal => t.lines.find((l) => l.id === lineId)!.cells[TOTAL_COLUMN]!.exact;
const allYears = (t: TableResult): Decimal => totalByColumn(t)[TOTAL_COLUMN]!;

/** The input's low and high values, kept inside its field's range (so every variant passes validation). */
function moves(value: Decimal, spec: FieldSpec): { low: Decimal; high: Decimal; move: string } {
  const clamp = (v: Decimal) => {
    let out = v;
    if (spec.min !== undefined && out.lessThan(spec.min)) out = new Decimal(spec.min);
    if (spec.max !== undefined && out.greaterThan(spec.max)) out = new Decimal(spec.max);
    return out;
  };
  const rate = spec.unit === "rate" || spec.unit === "share";
  // A whole-number input (a step) moves by one: a tenth of a step is not a place on a schedule.
  if (spec.integer) {
    const [low, high] = [clamp(value.minus(1)), clamp(value.plus(1))];
    return { low, high, move: moveText(value, low, high, true) };
  }
  const delta = rate ? POINT : value.abs().times(TEN_PERCENT);
  const low = clamp(value.minus(delta));
  // An excluded bound (a raise of -100%) is never reached: stay where the value is.
  const safeLow = spec.minExclusive && spec.min !== undefined && low.lessThanOrEqualTo(spec.min) ? value : low;
  const high = clamp(value.plus(delta));
  const safeHigh = spec.maxExclusive && spec.max !== undefined && high.greaterThanOrEqualTo(spec.max) ? value : high;
  return { low: safeLow, high: safeHigh, move: moveText(value, safeLow, safeHigh, rate) };
}

/** The move as made, after the range stopped it: "±0.01", "+0.01", "-0.01 / +0.006418", "±10%", "-10% / +5%". */
function moveText(value: Decimal, low: Decimal, high: Decimal, absolute: boolean): string {
  const down = value.minus(low);
  const up = high.minus(value);
  // Ten percent of nothing is nothing: the input does not move, and says its nominal step.
  if (!absolute && value.isZero()) return "±10%";
  const amount = (d: Decimal) => (absolute ? d.toString() : `${d.div(value.abs()).times(100).toString()}%`);
  if (down.equals(up)) return `±${amount(up)}`;
  if (down.isZero()) return `+${amount(up)}`;
  if (up.isZero()) return `-${amount(down)}`;
  return `-${amount(down)} / +${amount(up)}`;
}

export interface SensitivityHow {
  path?: AnalysisPath;
  /** Told after each variant (done of total). */
  onProgress?: (done: number, total: number) => void;
}

export function tornado(given: Scenario, options: ComputeOptions = {}, how: SensitivityHow = {}): Tornado {
  const scenario = withTotalColumn(given);
  const base = computeTable(scenario, options);
  const baseTotal = allYears(base);
  const shareId = shareLineId(base);
  const totalId = totalLineId(base);
  const inputs = listInputs(scenario, options.registry);
  // The fast path reads the total line's Total cell; a table without either is costed exactly.
  const fast =
    how.path !== "exact" && totalId && base.columns.includes(TOTAL_COLUMN)
      ? FastCells.open(
          scenario,
          inputs.map((e) => e.path),
          options.registry ? { computeOptions: options, registry: options.registry } : { computeOptions: options },
        )
      : undefined;
  if (fast) return fastTornado(scenario, fast, inputs, base, totalId!, shareId, how.onProgress);
  let evaluations = 1;
  const bars: TornadoBar[] = inputs.map((entry, k) => {
    const value = new Decimal(entry.param.value);
    const { low, high, move } = moves(value, entry.spec);
    const at = (v: Decimal): TableResult => {
      if (v.equals(value)) return base;
      evaluations++;
      const edited = setInputValue(scenario, entry.path, v.toString());
      return computeTable(edited, options);
    };
    const lo = at(low);
    const hi = at(high);
    how.onProgress?.(k + 1, inputs.length);
    const total = { low: allYears(lo), base: baseTotal, high: allYears(hi) };
    return {
      path: entry.path,
      label: entry.param.label,
      section: entry.section,
      owner: entry.owner,
      unit: entry.unit,
      value,
      low,
      high,
      move,
      total,
      ...(shareId ? { share: { low: lineTotal(lo, shareId), base: lineTotal(base, shareId), high: lineTotal(hi, shareId) } } : {}),
      swing: total.high.minus(total.low).abs(),
    };
  });
  // Ties (e.g. inputs that move nothing) keep the inputs' own order, so the output is stable.
  const order = new Map(bars.map((b, i) => [b.path, i]));
  bars.sort((a, b) => b.swing.comparedTo(a.swing) || order.get(a.path)! - order.get(b.path)!);
  const shareLine = shareId ? base.lines.find((l) => l.id === shareId)! : undefined;
  return {
    path: "exact",
    baseTotal,
    ...(shareLine ? { shareLine: { id: shareLine.id, label: shareLine.label, base: lineTotal(base, shareLine.id) } } : {}),
    bars,
    evaluations,
  };
}

function fastTornado(
  scenario: Scenario,
  fast: FastCells,
  inputs: ReturnType<typeof listInputs>,
  base: TableResult,
  totalId: string,
  shareId: string | undefined,
  onProgress?: (done: number, total: number) => void,
): Tornado {
  const cents = (d: Decimal) => d.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
  const baseTotal = allYears(base);
  const baseShare = shareId ? cents(lineTotal(base, shareId)) : undefined;
  const bars: TornadoBar[] = inputs.map((entry, k) => {
    onProgress?.(k + 1, inputs.length);
    const value = new Decimal(entry.param.value);
    const { low, high, move } = moves(value, entry.spec);
    const at = (v: Decimal) => {
      if (v.equals(value)) return { total: cents(baseTotal), share: baseShare };
      fast.set({ [entry.path]: v.toString() });
      const r = {
        total: fast.cents({ lineId: totalId, column: TOTAL_COLUMN }),
        share: shareId ? fast.cents({ lineId: shareId, column: TOTAL_COLUMN }) : undefined,
      };
      fast.set({ [entry.path]: entry.param.value });
      return r;
    };
    const lo = at(low);
    const hi = at(high);
    const total = { low: lo.total, base: cents(baseTotal), high: hi.total };
    return {
      path: entry.path,
      label: entry.param.label,
      section: entry.section,
      owner: entry.owner,
      unit: entry.unit,
      value,
      low,
      high,
      move,
      total,
      ...(shareId ? { share: { low: lo.share!, base: baseShare!, high: hi.share! } } : {}),
      swing: total.high.minus(total.low).abs(),
    };
  });
  const order = new Map(bars.map((b, i) => [b.path, i]));
  bars.sort((a, b) => b.swing.comparedTo(a.swing) || order.get(a.path)! - order.get(b.path)!);
  const shareLine = shareId ? base.lines.find((l) => l.id === shareId)! : undefined;
  return {
    path: "fast",
    baseTotal,
    ...(shareLine ? { shareLine: { id: shareLine.id, label: shareLine.label, base: lineTotal(base, shareLine.id) } } : {}),
    bars,
    evaluations: 1 + fast.evaluations,
    exactEvaluations: fast.exactEvaluations,
  };
}

export interface TwoWayRequest {
  rowYear: number;
  columnYear: number;
  /** Raise rates to try (default 0, 0.005, ..., 0.10: 21 values). */
  rowRates?: Decimal[];
  columnRates?: Decimal[];
  /** Which line's total to tabulate (default: the scenario's total). */
  lineId?: string;
}

export interface TwoWayTable {
  rowYear: number;
  columnYear: number;
  /** The line tabulated; undefined = the scenario's total. */
  lineId: string | undefined;
  rowRates: Decimal[];
  columnRates: Decimal[];
  /** values[i][j] = the line's all-years total with rowYear's raise rowRates[i] and columnYear's columnRates[j] (to the cent on the fast path). */
  values: Decimal[][];
  /** The same in the display unit by the scenario's rounding, as the table would show the cell. */
  display: Decimal[][];
  evaluations: number;
  path: AnalysisPath;
  exactEvaluations: number;
}

export function raiseGrid(from: Decimal, to: Decimal, step: Decimal): Decimal[] {
  if (!step.greaterThan(0)) throw new Error("grid step must be positive");
  const out: Decimal[] = [];
  for (let r = from; r.lessThanOrEqualTo(to); r = r.plus(step)) out.push(r);
  return out;
}

export const DEFAULT_RAISE_GRID = (): Decimal[] => raiseGrid(new Decimal(0), new Decimal("0.10"), new Decimal("0.005"));

export function twoWayTable(given: Scenario, request: TwoWayRequest, options: ComputeOptions = {}, how: SensitivityHow = {}): TwoWayTable {
  const scenario = withTotalColumn(given);
  const rowRates = request.rowRates ?? DEFAULT_RAISE_GRID();
  const columnRates = request.columnRates ?? DEFAULT_RAISE_GRID();
  const lineId = request.lineId;
  if (request.rowYear === request.columnYear) throw new Error("the two-way table needs two different fiscal years");
  const rowPaths = percentRaisePaths(scenario, request.rowYear);
  const columnPaths = percentRaisePaths(scenario, request.columnYear);
  const display = scenario.table.display;
  const fast = how.path === "exact" ? undefined : FastCells.open(scenario, [...rowPaths, ...columnPaths], { computeOptions: options });
  const cellLine = lineId ?? (fast ? totalLineId(fast.plan) : undefined);
  if (lineId !== undefined && fast && !fast.plan.lines.some((l) => l.id === lineId)) throw new Error(`no line "${lineId}"`);
  if (fast && cellLine && fast.plan.columns.includes(TOTAL_COLUMN)) {
    const ref = { lineId: cellLine, column: TOTAL_COLUMN };
    const values: Decimal[][] = [];
    const shown: Decimal[][] = [];
    for (const r of rowRates) {
      how.onProgress?.(values.length + 1, rowRates.length);
      const row: Decimal[] = [];
      const rowShown: Decimal[] = [];
      for (const c of columnRates) {
        fast.set(new Map([...rowPaths.map((p) => [p, r.toString()] as const), ...columnPaths.map((p) => [p, c.toString()] as const)]));
        row.push(fast.cents(ref));
        rowShown.push(fast.display(ref));
      }
      values.push(row);
      shown.push(rowShown);
    }
    return {
      rowYear: request.rowYear,
      columnYear: request.columnYear,
      lineId,
      rowRates,
      columnRates,
      values,
      display: shown,
      evaluations: fast.evaluations,
      path: "fast",
      exactEvaluations: fast.exactEvaluations,
    };
  }
  let evaluations = 0;
  const values = rowRates.map((r, i) => {
    how.onProgress?.(i + 1, rowRates.length);
    const withRow = withPercentRaise(scenario, request.rowYear, r, SOURCE);
    return columnRates.map((c) => {
      evaluations++;
      const table = computeTable(withPercentRaise(withRow, request.columnYear, c, SOURCE), options);
      if (lineId === undefined) return allYears(table);
      const line = table.lines.find((l) => l.id === lineId);
      if (!line) throw new Error(`no line "${lineId}"`);
      return line.cells[TOTAL_COLUMN]!.exact;
    });
  });
  return {
    rowYear: request.rowYear,
    columnYear: request.columnYear,
    lineId,
    rowRates,
    columnRates,
    values,
    display: values.map((row) => row.map((v) => toDisplay(v, display))),
    evaluations,
    path: "exact",
    exactEvaluations: evaluations,
  };
}
