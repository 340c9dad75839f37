/**
 * Sensitivity: which inputs move the answer. Tornado data moves each numeric input down and up
 * (rates and shares by one point, 0.01; every other value by 10%) and records the total cost and
 * local portion over all years; the two-way table sweeps two fiscal years' raises over a grid.
 * Each variant is a full costing of an immutable edited copy, so a cell of the sweep equals what
 * the table would show for that scenario.
 */
import { computeTable, shareLineId, totalByColumn, TOTAL_COLUMN, type ComputeOptions, type TableResult } from "../compute";
import { Decimal } from "../decimal";
import type { Source } from "../explain";
import { listInputs, setInputValue, type InputSection } from "../scenario/paths";
import type { FieldSpec } from "../fields";
import type { Scenario } from "../scenario/types";
import { withPercentRaise } from "./raise-edits";

export interface TornadoBar {
  path: string;
  label: string;
  section: InputSection;
  owner: string;
  unit: string;
  value: Decimal;
  low: Decimal;
  high: Decimal;
  /** How the input was moved: "±0.01" or "±10%". */
  move: string;
  /** The scenario's total over all years (its total line, else the sum of the cost lines). */
  total: { low: Decimal; base: Decimal; high: Decimal };
  /** The table's first share line (e.g. a local portion) over all years, when it has one. */
  share?: { low: Decimal; base: Decimal; high: Decimal };
  /** |total at high - total at low|, what the bars are sorted by. */
  swing: Decimal;
}

export interface Tornado {
  baseTotal: Decimal;
  /** The share line reported beside the total, and its base value. */
  shareLine?: { id: string; label: string; base: Decimal };
  bars: TornadoBar[];
  evaluations: number;
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
  if (spec.integer) return { low: clamp(value.minus(1)), high: clamp(value.plus(1)), move: "±1" };
  const delta = rate ? POINT : value.abs().times(TEN_PERCENT);
  const low = clamp(value.minus(delta));
  // An excluded bound (a raise of -100%) is never reached: stay where the value is.
  const safeLow = spec.minExclusive && spec.min !== undefined && low.lessThanOrEqualTo(spec.min) ? value : low;
  return { low: safeLow, high: clamp(value.plus(delta)), move: rate ? "±0.01" : "±10%" };
}

export function tornado(scenario: Scenario, options: ComputeOptions = {}): Tornado {
  const base = computeTable(scenario, options);
  const baseTotal = allYears(base);
  const shareId = shareLineId(base);
  let evaluations = 1;
  const bars: TornadoBar[] = listInputs(scenario).map((entry) => {
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
    baseTotal,
    ...(shareLine ? { shareLine: { id: shareLine.id, label: shareLine.label, base: lineTotal(base, shareLine.id) } } : {}),
    bars,
    evaluations,
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
  /** values[i][j] = the line's all-years total with rowYear's raise rowRates[i] and columnYear's columnRates[j]. */
  values: Decimal[][];
  evaluations: number;
}

export function raiseGrid(from: Decimal, to: Decimal, step: Decimal): Decimal[] {
  if (!step.greaterThan(0)) throw new Error("grid step must be positive");
  const out: Decimal[] = [];
  for (let r = from; r.lessThanOrEqualTo(to); r = r.plus(step)) out.push(r);
  return out;
}

export const DEFAULT_RAISE_GRID = (): Decimal[] => raiseGrid(new Decimal(0), new Decimal("0.10"), new Decimal("0.005"));

export function twoWayTable(scenario: Scenario, request: TwoWayRequest, options: ComputeOptions = {}): TwoWayTable {
  const rowRates = request.rowRates ?? DEFAULT_RAISE_GRID();
  const columnRates = request.columnRates ?? DEFAULT_RAISE_GRID();
  const lineId = request.lineId;
  if (request.rowYear === request.columnYear) throw new Error("the two-way table needs two different fiscal years");
  let evaluations = 0;
  const values = rowRates.map((r) => {
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
  return { rowYear: request.rowYear, columnYear: request.columnYear, lineId, rowRates, columnRates, values, evaluations };
}
