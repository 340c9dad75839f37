/**
 * Schedule-method costing: the census priced cell by cell on the salary schedules, year by year,
 * with the change from the FY2024 payroll split into three lines:
 *
 *   raise cost       = A_n - P0   the census as it stands (FY2024 placements, nobody moves) on FY n's schedules
 *   step cost        = B_n - A_n  the same people after step movement and holds (no separations)
 *   turnover savings = T_n - B_n  separations replaced at the entry step and lane (negative)
 *   total            = T_n - P0   = the three lines, exactly
 *
 * P0 = sum of headcount x FY2024 (derived) salary. A_n, B_n, T_n are FY n salary costs; the step cost is
 * priced at FY n rates, so it includes the raise on the step increments (the interaction term).
 *
 * Mid-year dates: FY n's schedule takes effect on the raise's effective date and the steps move on the
 * anniversary; each is turned into a share of the year with fractionOfFiscalYear (pay periods or days,
 * a setting). The year is cut into at most three segments: before both dates (old placements, FY n-1
 * schedule), between them, after both (new placements, FY n schedule); each segment is costed and weighted
 * by its share. With the defaults (Oct 1 raise and anniversary, pay periods) every year is one segment.
 *
 * Speed: headcounts are first summed by (schedule, lane, printed column), then multiplied once per column,
 * so the work grows with the number of distinct cells, not people. Projected years and their pricing
 * are remembered by what they depend on (the census object, the rates, the schedule basis and raise
 * factor), so a recompute after an edit elsewhere, or of the separation rate alone, redoes only what moved.
 */
import { Decimal, ONE, ZERO } from "../decimal";
import type { Explanation, Source } from "../explain";
import { leaf } from "../explain";
import { anniversaryInFiscalYear, fractionOfFiscalYear, prorationWords, type PayCalendar } from "../calendar";
import {
  cellAmount,
  getSchedule,
  indexSchedules,
  loadSchedules,
  payColumn,
  scheduleName,
  scheduleRef,
  type ScheduleIndex,
} from "./schedules";
import {
  advanceOneYearOnce,
  defaultStepMovementSettings,
  fromUnits,
  normalizeCensusOnce,
  pow10,
  toUnits,
  type ScaledCell,
  type ScaledCells,
  type StepMovementSettings,
} from "./step-movement";
import type { Census, SalarySchedule, ScheduleKey } from "./types";
import { SCHEDULE_KEYS } from "./types";

/** A negotiated across-the-board raise for one fiscal year. */
export interface RaiseTerm {
  fiscalYear: number;
  rate: Decimal;
  /** YYYY-MM-DD */
  effective: string;
  source: Source;
}

export interface ScheduleCostSettings extends StepMovementSettings {
  /** The agreement's calendar: fiscal-year start and pay periods (mid-year dates are prorated on it). */
  calendar: PayCalendar;
  /**
   * "printed": FY n is priced on the printed FY n tables (raise rates only set the effective dates).
   * "scaled": FY n = FY2024 derived table x cumulative raise factor, unrounded (for what-if raises that differ
   * from the printed tables).
   */
  scheduleBasis: "printed" | "scaled";
}

export function defaultScheduleCostSettings(calendar: PayCalendar): ScheduleCostSettings {
  return { ...defaultStepMovementSettings(), calendar, scheduleBasis: "printed" };
}

export interface CostLine {
  value: Decimal;
  explanation: Explanation;
}

export interface ScheduleCostYear {
  fiscalYear: number;
  /** Members at year end (turnover replaces one for one, so equal to the base headcount). */
  headcount: Decimal;
  /** T_n: FY n salary cost of the projected census. */
  payroll: CostLine;
  raiseCost: CostLine;
  stepCost: CostLine;
  turnoverSavings: CostLine;
  /** T_n - P0 */
  total: CostLine;
  /** Intermediate payrolls, exact. */
  asTheyStand: Decimal;
  withSteps: Decimal;
}

export interface ScheduleCostResult {
  baseFiscalYear: number;
  members: Decimal;
  basePayroll: CostLine;
  years: ScheduleCostYear[];
}

/** Rates and printed columns already looked up, by schedules and by basis, base year and raises. */
const lookups = new WeakMap<ScheduleIndex, Map<string, { rates: Map<number, Rate>; cols: Map<number, number> }>>();

/** Prices placements on a schedule year; caches (schedule, lane, column) rates. */
class Pricer {
  private readonly rateCache: Map<number, Rate>;
  private readonly colCache: Map<number, number>;
  constructor(
    private readonly idx: ScheduleIndex,
    private readonly baseFy: number,
    private readonly raises: Map<number, RaiseTerm>,
    private readonly basis: "printed" | "scaled",
  ) {
    // Rates and columns depend on the schedules, the basis, the base year and (scaled tables only) the raises: kept across recomputes.
    const raisesKey = basis === "scaled" ? [...raises.values()].map((r) => `${r.fiscalYear}:${r.rate.toString()}`).join(",") : "";
    const key = `${basis}|${baseFy}|${raisesKey}`;
    let byKey = lookups.get(idx);
    if (!byKey) lookups.set(idx, (byKey = new Map()));
    let found = byKey.get(key);
    if (!found) {
      if (byKey.size >= 16) byKey.clear();
      byKey.set(key, (found = { rates: new Map(), cols: new Map() }));
    }
    this.rateCache = found.rates;
    this.colCache = found.cols;
  }

  schedule(key: ScheduleKey, fy: number): SalarySchedule {
    return getSchedule(this.idx, key, this.basis === "scaled" ? this.baseFy : fy);
  }

  cumulativeFactor(fy: number): Decimal {
    let f = ONE;
    for (let y = this.baseFy + 1; y <= fy; y++) {
      const r = this.raises.get(y);
      if (r) f = f.times(ONE.plus(r.rate));
    }
    return f;
  }

  /** Printed column for a cell (cached per cell object and year: cells are not mutated once projected). */
  column(c: ScaledCell, fy: number): number {
    const k = (((fy - this.baseFy) * 256 + c.sl) * 32 + c.step) * 128 + c.yearsOfService;
    let col = this.colCache.get(k);
    if (col === undefined) {
      col = payColumn(this.schedule(c.schedule, fy), c.lane, c.step, c.yearsOfService);
      this.colCache.set(k, col);
    }
    return col;
  }

  rate(key: ScheduleKey, lane: string, sl: number, col: number, fy: number): Rate {
    const k = ((fy - this.baseFy + 1) * 256 + sl) * 64 + col;
    let r = this.rateCache.get(k);
    if (r === undefined) {
      let amount = cellAmount(this.schedule(key, fy), lane, col);
      if (this.basis === "scaled") amount = amount.times(this.cumulativeFactor(fy));
      const places = amount.decimalPlaces();
      r = { units: toUnits(amount, places), places };
      this.rateCache.set(k, r);
    }
    return r;
  }

  /** Sum of headcount x rate, by schedule key; remembered per cell list, year, basis and raise factor. */
  cost(cells: ScaledCells, fy: number): Payroll {
    const key = `${fy}|${this.basis}|${this.basis === "scaled" ? this.cumulativeFactor(fy).toString() : ""}`;
    let byCells = priced.get(this.idx);
    if (!byCells) priced.set(this.idx, (byCells = new WeakMap()));
    let byKey = byCells.get(cells);
    if (!byKey) byCells.set(cells, (byKey = new Map()));
    let out = byKey.get(key);
    if (!out) {
      if (byKey.size >= 32) byKey.clear();
      out = this.costNow(cells, fy);
      byKey.set(key, out);
    }
    return out;
  }

  /** Exact: headcounts summed by printed column in fixed point, times the column's rate, one rounding per schedule at the end. */
  private costNow(list: ScaledCells, fy: number): Payroll {
    const byCol = new Map<number, { key: ScheduleKey; lane: string; sl: number; col: number; h: bigint }>();
    for (const c of list.cells) {
      const col = this.column(c, fy);
      const k = c.sl * 64 + col;
      const e = byCol.get(k);
      if (e) e.h += c.h;
      else byCol.set(k, { key: c.schedule, lane: c.lane, sl: c.sl, col, h: c.h });
    }
    const columns = [...byCol.values()].map((e) => ({ key: e.key, h: e.h, rate: this.rate(e.key, e.lane, e.sl, e.col, fy) }));
    const places = columns.reduce((m, e) => Math.max(m, e.rate.places), 0);
    const sums = new Map<ScheduleKey, bigint>();
    for (const e of columns) sums.set(e.key, (sums.get(e.key) ?? 0n) + e.h * e.rate.units * pow10(places - e.rate.places));
    const byKey = new Map<ScheduleKey, Decimal>();
    let all = 0n;
    for (const key of SCHEDULE_KEYS) {
      const n = sums.get(key);
      if (n === undefined) continue;
      byKey.set(key, fromUnits(n, list.scale + places));
      all += n;
    }
    return { byKey, total: fromUnits(all, list.scale + places) };
  }
}

/** A payroll by schedule and in all, each rounded once from the exact sum. */
interface Payroll {
  byKey: Map<ScheduleKey, Decimal>;
  total: Decimal;
}

/** A schedule amount in fixed point: amount = units / 10^places. */
interface Rate {
  units: bigint;
  places: number;
}

/** A payroll the cost subtracts (its explanation says so, for a breakdown of the difference). */
const minus = (e: Explanation): Explanation => ({ ...e, subtracted: true });

const headcounts = new WeakMap<ScaledCells, Decimal>();
/** Members in a cell list, once per list. */
function headcountOf(list: ScaledCells): Decimal {
  let h = headcounts.get(list);
  if (h === undefined)
    headcounts.set(
      list,
      (h = fromUnits(
        list.cells.reduce((n, c) => n + c.h, 0n),
        list.scale,
      )),
    );
  return h;
}

/** Prices already computed, by schedules and cell list (projections are shared and never changed). */
const priced = new WeakMap<ScheduleIndex, WeakMap<ScaledCells, Map<string, Payroll>>>();
let shippedIndex: ScheduleIndex | undefined;
/** The shipped schedules are indexed once, so their prices can be reused; other schedules get an index (and prices) of their own. */
const indexOf = (schedules: readonly SalarySchedule[]) =>
  schedules === loadSchedules() ? (shippedIndex ??= indexSchedules(schedules)) : indexSchedules(schedules);

interface Priced {
  value: Decimal;
  explanation: Explanation;
}

/** FY n cost of placements that change from `before` to `after` at the anniversary, with the schedule changing at its effective date. */
function priceYear(
  p: Pricer,
  before: ScaledCells,
  after: ScaledCells,
  fy: number,
  fAnniv: Decimal,
  fSched: Decimal,
  label: string,
  what: string,
): Priced {
  const a = ONE.minus(fAnniv); // share of the year before the anniversary
  const e = ONE.minus(fSched); // share before the new schedule
  const segments: { w: Decimal; cells: ScaledCells; sfy: number; desc: string }[] = [];
  const lo = Decimal.min(a, e);
  const hi = Decimal.max(a, e);
  if (lo.greaterThan(0))
    segments.push({ w: lo, cells: before, sfy: fy - 1, desc: `placements before the step date on the FY${fy - 1} schedules` });
  if (hi.greaterThan(lo)) {
    if (a.lessThan(e))
      segments.push({ w: hi.minus(lo), cells: after, sfy: fy - 1, desc: `placements after the step date on the FY${fy - 1} schedules` });
    else segments.push({ w: hi.minus(lo), cells: before, sfy: fy, desc: `placements before the step date on the FY${fy} schedules` });
  }
  if (ONE.minus(hi).greaterThan(0)) segments.push({ w: ONE.minus(hi), cells: after, sfy: fy, desc: `${what} on the FY${fy} schedules` });
  const children: Explanation[] = [];
  let value = ZERO;
  for (const s of segments) {
    const { byKey, total: full } = p.cost(s.cells, s.sfy);
    const weighted = full.times(s.w);
    value = value.plus(weighted);
    children.push({
      label: `${s.desc}${s.w.equals(1) ? "" : `, x ${s.w.toSignificantDigits(10).toString()} of the year`}`,
      value: weighted.toString(),
      unit: "USD",
      formula:
        "sum over census cells of headcount x annual salary (lane, printed step column)" +
        (s.w.equals(1) ? "" : " x share of the fiscal year"),
      children: SCHEDULE_KEYS.filter((k) => byKey.has(k)).map((k) =>
        leaf(`${scheduleName(k)} payroll`, byKey.get(k)!.toString(), "USD", undefined, {
          kind: "contract",
          ref: scheduleRef(p.schedule(k, s.sfy)),
        }),
      ),
    });
  }
  if (children.length === 1 && segments[0]!.w.equals(1)) return { value, explanation: { ...children[0]!, label } };
  return {
    value,
    explanation: {
      label,
      value: value.toString(),
      unit: "USD",
      formula: "sum of the year's segments, each weighted by its share of the fiscal year",
      children,
    },
  };
}

function settingLeaves(settings: ScheduleCostSettings, which: ("heldShare" | "separationRate" | "entry" | "anniversary")[]): Explanation[] {
  const out: Explanation[] = [];
  for (const w of which) {
    if (w === "heldShare")
      out.push(leaf("share held on step", settings.heldShare.toString(), "share", "scheduleMethod.heldShare", settings.sources.heldShare));
    if (w === "separationRate")
      out.push(
        leaf(
          "annual separation rate",
          settings.separationRate.toString(),
          "share",
          "scheduleMethod.separationRate",
          settings.sources.separationRate,
        ),
      );
    if (w === "entry") {
      const e = settings.entry["ET15-10M"];
      out.push(
        leaf(
          `entry placement on the ${scheduleName("ET15-10M")} (the other schedules' in the settings)`,
          `Step ${e.step}, ${e.lane || "first lane"}`,
          "placement",
          "scheduleMethod.entry",
          settings.sources.entry,
        ),
      );
    }
    if (w === "anniversary")
      out.push(
        leaf("step anniversary (month-day)", settings.anniversary, "date", "scheduleMethod.anniversary", settings.sources.anniversary),
      );
  }
  return out;
}

/**
 * Costs a census on the schedules for every fiscal year that has a raise term (FY2025..FY2028 by default).
 * @throws Error when a census cell names a lane/step the schedules lack (N/A) or a schedule year is missing.
 */
export function scheduleMethodCost(
  census: Census,
  raises: readonly RaiseTerm[],
  settings: ScheduleCostSettings,
  schedules: readonly SalarySchedule[] = loadSchedules(),
): ScheduleCostResult {
  const baseFy = census.asOfFiscalYear;
  const raiseByFy = new Map(raises.map((r) => [r.fiscalYear, r]));
  const years = [...raiseByFy.keys()].sort((a, b) => a - b);
  for (let i = 0; i < years.length; i++)
    if (years[i] !== baseFy + 1 + i)
      throw new Error(`raise terms must cover consecutive fiscal years from FY${baseFy + 1}; got ${years.join(", ")}`);
  const p = new Pricer(indexOf(schedules), baseFy, raiseByFy, settings.scheduleBasis);

  const base = normalizeCensusOnce(census);
  const members = headcountOf(base);
  const { byKey: baseByKey, total: p0 } = p.cost(base, baseFy);
  const basePayroll: CostLine = {
    value: p0,
    explanation: {
      label: `FY${baseFy} payroll of the census (P0)`,
      value: p0.toString(),
      unit: "USD",
      formula: `sum over census cells of headcount x FY${baseFy} annual salary`,
      children: SCHEDULE_KEYS.filter((k) => baseByKey.has(k)).map((k) =>
        leaf(`${scheduleName(k)} payroll`, baseByKey.get(k)!.toString(), "USD", undefined, {
          kind: "derived",
          ref: scheduleRef(p.schedule(k, baseFy)),
        }),
      ),
    },
  };

  const out: ScheduleCostYear[] = [];
  let prevSteps = base; // B_{n-1} placements (no turnover)
  let prevFull = base; // T_{n-1} placements
  for (const fy of years) {
    const raise = raiseByFy.get(fy)!;
    const cal = settings.calendar;
    const fSched = fractionOfFiscalYear(raise.effective, fy, cal, settings.prorationMethod);
    const fAnniv = fractionOfFiscalYear(
      anniversaryInFiscalYear(settings.anniversary, fy, cal.fiscalYearStartMonth),
      fy,
      cal,
      settings.prorationMethod,
    );
    const steps = advanceOneYearOnce(prevSteps, settings, false);
    const full = advanceOneYearOnce(prevFull, settings, true);

    const A = priceYear(p, base, base, fy, fAnniv, fSched, `FY${fy} payroll, census as it stands (A)`, `FY${baseFy} placements`);
    const B = priceYear(
      p,
      prevSteps,
      steps,
      fy,
      fAnniv,
      fSched,
      `FY${fy} payroll after step movement, no separations (B)`,
      "placements after step movement",
    );
    const T = priceYear(
      p,
      prevFull,
      full,
      fy,
      fAnniv,
      fSched,
      `FY${fy} payroll after step movement and turnover (T)`,
      "placements after steps and turnover",
    );

    const effLeaf = leaf(
      `FY${fy} raise (${raise.rate.times(100).toString()}%) effective`,
      raise.effective,
      "date",
      undefined,
      raise.source,
    );
    const fracLeaf = leaf(
      `share of FY${fy} under the FY${fy} schedule (${prorationWords(settings.prorationMethod)})`,
      fSched.toString(),
      "share",
      "settings.proration",
      { kind: "derived", ref: `the scenario's calendar (${settings.calendar.payFrequency} pay periods)` },
    );
    const raiseCost = A.value.minus(p0);
    const stepCost = B.value.minus(A.value);
    const turnover = T.value.minus(B.value);
    const yearTotal = T.value.minus(p0);
    const basis = settings.scheduleBasis === "printed" ? "printed schedules" : `FY${baseFy} schedule x cumulative raise factor`;
    out.push({
      fiscalYear: fy,
      headcount: headcountOf(full),
      asTheyStand: A.value,
      withSteps: B.value,
      payroll: { value: T.value, explanation: T.explanation },
      raiseCost: {
        value: raiseCost,
        explanation: {
          label: `FY${fy} raise cost (schedule method)`,
          value: raiseCost.toString(),
          unit: "USD",
          formula: `FY${fy} payroll of the census as it stands (${basis}) - FY${baseFy} payroll`,
          symbols: `A - P0 = ${A.value.toString()} - ${p0.toString()}`,
          children: [A.explanation, minus(basePayroll.explanation), effLeaf, fracLeaf],
        },
      },
      stepCost: {
        value: stepCost,
        explanation: {
          label: `FY${fy} step cost (schedule method)`,
          value: stepCost.toString(),
          unit: "USD",
          formula: `FY${fy} payroll after ${fy - baseFy} year(s) of step movement (no separations) - FY${fy} payroll of the census as it stands`,
          symbols: `B - A = ${B.value.toString()} - ${A.value.toString()}`,
          children: [B.explanation, minus(A.explanation), ...settingLeaves(settings, ["heldShare", "anniversary"])],
        },
      },
      turnoverSavings: {
        value: turnover,
        explanation: {
          label: `FY${fy} turnover savings (schedule method)`,
          value: turnover.toString(),
          unit: "USD",
          formula: `FY${fy} payroll with separations replaced at entry - FY${fy} payroll after step movement without separations`,
          symbols: `T - B = ${T.value.toString()} - ${B.value.toString()}`,
          children: [T.explanation, minus(B.explanation), ...settingLeaves(settings, ["separationRate", "entry"])],
        },
      },
      total: {
        value: yearTotal,
        explanation: {
          label: `FY${fy} base salary increase over FY${baseFy} (schedule method)`,
          value: yearTotal.toString(),
          unit: "USD",
          formula: `raise cost + step cost + turnover savings = FY payroll - FY${baseFy} payroll`,
          symbols: `${raiseCost.toString()} + ${stepCost.toString()} + ${turnover.toString()}`,
          children: [],
        },
      },
    });
    prevSteps = steps;
    prevFull = full;
  }
  // The total's children are the three line explanations (added after construction to avoid repetition above).
  for (const y of out) y.total.explanation.children = [y.raiseCost.explanation, y.stepCost.explanation, y.turnoverSavings.explanation];
  return { baseFiscalYear: baseFy, members, basePayroll, years: out };
}
