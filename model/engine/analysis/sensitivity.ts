/**
 * Sensitivity: which inputs move the answer. Tornado data moves each numeric input down and up
 * (rates and shares by one point, 0.01; every other value by 10%) and records the total cost and
 * local portion over all years; the two-way table sweeps two fiscal years' raises over a grid.
 * Each variant is a full costing of an immutable edited copy, so a cell of the sweep equals what
 * the table would show for that scenario.
 */
import { computeTable, TOTAL_COLUMN, type ComputeOptions, type TableResult } from "../compute";
import { Decimal } from "../decimal";
import type { Source } from "../explain";
import { listInputs, setInputValue, type InputSection } from "../scenario/paths";
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
  totalCost: { low: Decimal; base: Decimal; high: Decimal };
  localPortion: { low: Decimal; base: Decimal; high: Decimal };
  /** |total cost at high - total cost at low|, what the bars are sorted by. */
  swing: Decimal;
}

export interface Tornado {
  baseTotalCost: Decimal;
  baseLocalPortion: Decimal;
  bars: TornadoBar[];
  evaluations: number;
}

const POINT = new Decimal("0.01");
const TEN_PERCENT = new Decimal("0.1");
const SOURCE: Source = { kind: "derived", ref: "sensitivity", note: "moved by the sensitivity analysis" };

const totalOf = (t: TableResult, lineId: string): Decimal => t.lines.find((l) => l.id === lineId)!.cells[TOTAL_COLUMN]!.exact;

/** The input's low and high values, kept inside what validation accepts (shares in 0..1, rates in -1..1, counts >= 0). */
function moves(value: Decimal, unit: string): { low: Decimal; high: Decimal; move: string } {
  if (unit === "rate" || unit === "share") {
    const min = new Decimal(unit === "share" ? 0 : -1);
    return { low: Decimal.max(min, value.minus(POINT)), high: Decimal.min(1, value.plus(POINT)), move: "±0.01" };
  }
  const delta = value.abs().times(TEN_PERCENT);
  return { low: Decimal.max(0, value.minus(delta)), high: value.plus(delta), move: "±10%" };
}

export function tornado(scenario: Scenario, options: ComputeOptions = {}): Tornado {
  const base = computeTable(scenario, options);
  const baseTotal = totalOf(base, "totalCost");
  const baseLocal = totalOf(base, "localPortion");
  let evaluations = 1;
  const bars: TornadoBar[] = listInputs(scenario).map((entry) => {
    const value = new Decimal(entry.param.value);
    const { low, high, move } = moves(value, entry.param.unit);
    const at = (v: Decimal): TableResult => {
      if (v.equals(value)) return base;
      evaluations++;
      const edited = setInputValue(scenario, entry.path, v.toString());
      return computeTable(edited, options);
    };
    const lo = at(low);
    const hi = at(high);
    const totalCost = { low: totalOf(lo, "totalCost"), base: baseTotal, high: totalOf(hi, "totalCost") };
    return {
      path: entry.path,
      label: entry.param.label,
      section: entry.section,
      owner: entry.owner,
      unit: entry.param.unit,
      value,
      low,
      high,
      move,
      totalCost,
      localPortion: { low: totalOf(lo, "localPortion"), base: baseLocal, high: totalOf(hi, "localPortion") },
      swing: totalCost.high.minus(totalCost.low).abs(),
    };
  });
  // Ties (e.g. inputs that move nothing) keep the inputs' own order, so the output is stable.
  const order = new Map(bars.map((b, i) => [b.path, i]));
  bars.sort((a, b) => b.swing.comparedTo(a.swing) || order.get(a.path)! - order.get(b.path)!);
  return { baseTotalCost: baseTotal, baseLocalPortion: baseLocal, bars, evaluations };
}

export interface TwoWayRequest {
  rowYear: number;
  columnYear: number;
  /** Raise rates to try (default 0, 0.005, ..., 0.10: 21 values). */
  rowRates?: Decimal[];
  columnRates?: Decimal[];
  /** Which line's total to tabulate (default totalCost). */
  lineId?: string;
}

export interface TwoWayTable {
  rowYear: number;
  columnYear: number;
  lineId: string;
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
  const lineId = request.lineId ?? "totalCost";
  if (request.rowYear === request.columnYear) throw new Error("the two-way table needs two different fiscal years");
  let evaluations = 0;
  const values = rowRates.map((r) => {
    const withRow = withPercentRaise(scenario, request.rowYear, r, SOURCE);
    return columnRates.map((c) => {
      evaluations++;
      const table = computeTable(withPercentRaise(withRow, request.columnYear, c, SOURCE), options);
      const line = table.lines.find((l) => l.id === lineId);
      if (!line) throw new Error(`no line "${lineId}"`);
      return line.cells[TOTAL_COLUMN]!.exact;
    });
  });
  return { rowYear: request.rowYear, columnYear: request.columnYear, lineId, rowRates, columnRates, values, evaluations };
}
