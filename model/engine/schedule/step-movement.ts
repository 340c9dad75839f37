/**
 * Step movement of a census from one fiscal year to the next.
 *
 * At each fiscal year's step anniversary (setting, "MM-DD", default "10-01" = the first day of the fiscal year):
 *  1. separations: a share `separationRate` of every cell leaves (ASSUMED rate; a setting);
 *  2. of those who stay, a share `heldShare` is held on step (Art. 36.6.1: teachers rated Minimally
 *     Effective are held on their current step; the share is ASSUMED, default 5%); the rest move up one step.
 *     Members on the top step (16) stay there. Everyone who stays gains a year of service, which is what
 *     moves step-16 members into the longevity columns (17-18, 19-20, 21+ years) of lanes that have them;
 *  3. each schedule's leavers are replaced, one for one, by entrants at the entry step and lane (settings;
 *     default step 1, lane Bachelors, years of service = entry step).
 * Headcounts become fractional, in exact fixed point (see MAX_SCALE). Years of service missing on a census cell are
 * ASSUMED equal to the step. Years are capped at 21 in the projected cells ("21+": no column pays more
 * for more years), which keeps the number of cells bounded.
 */
import { Decimal, ONE, ZERO } from "../decimal";
import type { Source } from "../explain";
import type { ProrationMethod } from "../calendar";
import { assumedYears, indexSchedules, loadSchedules, stepLayout } from "./schedules";
import type { Census, CensusCell, ScheduleKey } from "./types";

export interface EntryPlacement {
  step: number;
  lane: string;
  yearsOfService: number;
}

export interface StepMovementSettings {
  /** "MM-DD", the yearly step date; default "10-01" (start of the fiscal year). */
  anniversary: string;
  /** Share of stayers held on step each year (Art. 36.6). */
  heldShare: Decimal;
  /** Share of members separating each year. */
  separationRate: Decimal;
  /** Where replacements enter, by schedule (a lane missing from a schedule falls back to its first lane). */
  entry: Record<ScheduleKey, EntryPlacement>;
  /** How a mid-year anniversary is prorated. */
  prorationMethod: ProrationMethod;
  /** Where each setting comes from (shown in explanations). */
  sources: { anniversary: Source; heldShare: Source; separationRate: Source; entry: Source };
}

export function defaultStepMovementSettings(): StepMovementSettings {
  // An empty lane is the schedule's first lane (see advanceOneYear).
  const entry: EntryPlacement = { step: 1, lane: "", yearsOfService: 1 };
  return {
    anniversary: "10-01",
    heldShare: new Decimal("0.05"),
    separationRate: new Decimal("0.10"),
    entry: { "ET15-10M": entry, "ET15-11M": entry, "ET15-12M": entry, EG09: entry },
    prorationMethod: "payPeriods",
    sources: {
      anniversary: { kind: "assumed", ref: "step date", note: "assumed: steps move on the first day of the fiscal year" },
      heldShare: { kind: "assumed", ref: "step holds", note: "assumed share held on step; replace with evaluation data" },
      separationRate: { kind: "assumed", ref: "separations", note: "assumed annual separation rate; replace with attrition data" },
      entry: { kind: "assumed", ref: "entry placement", note: "assumed: replacements enter at step 1 on the schedule's first lane" },
    },
  };
}

/** Cap on projected years of service: the highest longevity threshold (21 for "21+ yrs"). */
export const YEARS_CAP = 21;

/** Internal projected cell (always has years). */
export interface ProjectedCell extends CensusCell {
  yearsOfService: number;
}

const SCHED_CODE: Record<ScheduleKey, number> = { "ET15-10M": 0, "ET15-11M": 1, "ET15-12M": 2, EG09: 3 };

const laneNumbers = new Map<ScheduleKey, Map<string, number>>();
function laneNumber(schedule: ScheduleKey, lane: string): number {
  let byLane = laneNumbers.get(schedule);
  if (!byLane) laneNumbers.set(schedule, (byLane = new Map(lanesOf(schedule).map((l, i) => [l, i]))));
  return byLane.get(lane) ?? -1;
}

/** Schedule and lane as one number (under 256), so cell keys are arithmetic rather than strings. */
export function scheduleLaneCode(schedule: ScheduleKey, lane: string): number {
  return SCHED_CODE[schedule] * 64 + (laneNumber(schedule, lane) + 1);
}

/**
 * Projection arithmetic is exact fixed point in BigInt: a cell list keeps every headcount as an integer
 * number of 10^-scale members, one scale per list. Each year multiplies by shares with few decimals
 * (1 - separation rate, held share), so the scale grows by their decimal places a year; above
 * MAX_SCALE decimal places (60 significant digits for any headcount under ten million, more than the
 * 40 digits of the engine's Decimal) a list is rounded half up to MAX_SCALE. Integer arithmetic on
 * BigInt is several times faster than decimal.js and makes no rounding of its own below that scale.
 */
export const MAX_SCALE = 60;

/** A projected cell in fixed point: headcount = h / 10^scale of its list. */
export interface ScaledCell {
  schedule: ScheduleKey;
  lane: string;
  /** scheduleLaneCode(schedule, lane) */
  sl: number;
  step: number;
  yearsOfService: number;
  h: bigint;
}

/** A projected cell list; lists are shared between recomputes and never changed once built. */
export interface ScaledCells {
  scale: number;
  cells: readonly ScaledCell[];
}

const POW10: bigint[] = [1n];
export function pow10(n: number): bigint {
  for (let i = POW10.length; i <= n; i++) POW10.push(POW10[i - 1]! * 10n);
  return POW10[n]!;
}

/** d x 10^scale as an integer (exact: callers pass a scale of at least d's decimal places). */
export function toUnits(d: Decimal, scale: number): bigint {
  return BigInt(d.toFixed(scale).replace(".", ""));
}

/** n / 10^scale, rounded to the engine's Decimal precision (the only rounding of a projected figure). */
export function fromUnits(n: bigint, scale: number): Decimal {
  const neg = n < 0n;
  const digits = (neg ? -n : n).toString().padStart(scale + 1, "0");
  const text = scale === 0 ? digits : `${digits.slice(0, digits.length - scale)}.${digits.slice(digits.length - scale)}`;
  return new Decimal(neg ? `-${text}` : text).toSignificantDigits(Decimal.precision);
}

/** Where a cell is, without its step and years: what addScaled needs to place a headcount. */
interface CellAt {
  schedule: ScheduleKey;
  lane: string;
  sl: number;
}

function addScaled(map: Map<number, ScaledCell>, at: CellAt, step: number, years: number, h: bigint): void {
  if (h === 0n) return;
  const y = years < YEARS_CAP ? years : YEARS_CAP;
  const k = (at.sl * 64 + step) * 64 + y;
  const prev = map.get(k);
  if (prev) prev.h += h;
  else map.set(k, { schedule: at.schedule, lane: at.lane, sl: at.sl, step, yearsOfService: y, h });
}

/** A list in fixed point: the census's (or projected cells') headcounts at the scale of the most decimal places among them. */
function scaledOf(
  cells: readonly { schedule: ScheduleKey; lane: string; step: number; yearsOfService?: number; headcount: Decimal }[],
): ScaledCells {
  const scale = Math.min(
    cells.reduce((m, c) => Math.max(m, c.headcount.decimalPlaces()), 0),
    MAX_SCALE,
  );
  const map = new Map<number, ScaledCell>();
  for (const c of cells) {
    const at = { schedule: c.schedule, lane: c.lane, sl: scheduleLaneCode(c.schedule, c.lane) };
    addScaled(map, at, c.step, c.yearsOfService ?? assumedYears(c.step), toUnits(c.headcount.toDecimalPlaces(scale), scale));
  }
  return { scale, cells: [...map.values()] };
}

/** The same cells with Decimal headcounts. */
function decimalCells(list: ScaledCells): ProjectedCell[] {
  return list.cells.map((c) => ({
    schedule: c.schedule,
    lane: c.lane,
    step: c.step,
    yearsOfService: c.yearsOfService,
    headcount: fromUnits(c.h, list.scale),
  }));
}

/** Normalizes a census: fills assumed years, caps years, merges duplicate cells. */
export function normalizeCensus(census: Census): ProjectedCell[] {
  return decimalCells(scaledOf(census.cells));
}

const maxStepCache = new Map<ScheduleKey, number>();
export function maxStepOf(key: ScheduleKey): number {
  if (maxStepCache.size === 0)
    for (const [k, byYear] of indexSchedules(loadSchedules())) maxStepCache.set(k, stepLayout(byYear.values().next().value!).maxStep);
  const m = maxStepCache.get(key);
  if (m === undefined) throw new Error(`unknown schedule ${key}`);
  return m;
}

const laneCache = new Map<ScheduleKey, string[]>();
export function lanesOf(key: ScheduleKey): string[] {
  if (laneCache.size === 0)
    for (const [k, byYear] of indexSchedules(loadSchedules())) laneCache.set(k, byYear.values().next().value!.lanes);
  return laneCache.get(key) ?? [];
}

/** Projected years kept by what they depend on: the cells moved, the rates and the entry placement. */
const advanced = new WeakMap<ScaledCells, Map<string, ScaledCells>>();

/**
 * advanceScaled, remembered: a recompute after an edit that leaves the census, the share held on
 * step and (for turnover) the separation rate and entry as they were reuses the projection. The
 * lists returned are shared and never changed.
 */
export function advanceOneYearOnce(list: ScaledCells, settings: StepMovementSettings, turnover: boolean): ScaledCells {
  const key = turnover
    ? `${settings.heldShare.toString()}|${settings.separationRate.toString()}|${JSON.stringify(settings.entry)}`
    : settings.heldShare.toString();
  let byKey = advanced.get(list);
  if (!byKey) advanced.set(list, (byKey = new Map()));
  let out = byKey.get(key);
  if (!out) {
    if (byKey.size >= 16) byKey.clear();
    out = advanceScaled(list, settings, turnover);
    byKey.set(key, out);
  }
  return out;
}

const normalized = new WeakMap<Census, ScaledCells>();
/** The census in fixed point, once per census object (a census is not changed once checked). */
export function normalizeCensusOnce(census: Census): ScaledCells {
  let list = normalized.get(census);
  if (!list) normalized.set(census, (list = scaledOf(census.cells)));
  return list;
}

const heads = new WeakMap<ScaledCells, Map<ScheduleKey, bigint>>();
/** Members by schedule in a list, in its units (once per list: lists are not changed once built). */
function headsBySchedule(list: ScaledCells): Map<ScheduleKey, bigint> {
  let m = heads.get(list);
  if (!m) {
    m = new Map();
    for (const c of list.cells) m.set(c.schedule, (m.get(c.schedule) ?? 0n) + c.h);
    heads.set(list, m);
  }
  return m;
}

/** Rounds a list half up to `scale` decimal places (only above MAX_SCALE; headcounts are never negative). */
function rescaled(map: Map<number, ScaledCell>, from: number, to: number): ScaledCells {
  const d = pow10(from - to);
  const half = d / 2n;
  const cells: ScaledCell[] = [];
  for (const c of map.values()) {
    const h = c.h >= 0n ? (c.h + half) / d : -((-c.h + half) / d);
    if (h !== 0n) cells.push({ ...c, h });
  }
  return { scale: to, cells };
}

/** One year of movement in fixed point (see advanceOneYear). */
function advanceScaled(list: ScaledCells, settings: StepMovementSettings, turnover: boolean): ScaledCells {
  const out = new Map<number, ScaledCell>();
  const sep = turnover ? settings.separationRate : ZERO;
  // Shares of a cell after the anniversary, computed once: held on step, moved up, gone.
  const stayF = ONE.minus(sep);
  const heldF = stayF.times(settings.heldShare);
  const movedF = stayF.minus(heldF);
  const places = Math.max(stayF.decimalPlaces(), heldF.decimalPlaces(), movedF.decimalPlaces(), sep.decimalPlaces());
  const [stay, held, moved, gone] = [stayF, heldF, movedF, sep].map((f) => toUnits(f, places)) as [bigint, bigint, bigint, bigint];
  for (const c of list.cells) {
    const years = c.yearsOfService + 1;
    if (c.step >= maxStepOf(c.schedule)) {
      addScaled(out, c, c.step, years, c.h * stay);
    } else {
      if (held !== 0n) addScaled(out, c, c.step, years, c.h * held);
      addScaled(out, c, c.step + 1, years, c.h * moved);
    }
  }
  // Leavers (headcount x separation rate, by schedule) are replaced one for one at the entry placement.
  if (gone !== 0n)
    for (const [schedule, n] of headsBySchedule(list)) {
      const e = settings.entry[schedule];
      const lanes = lanesOf(schedule);
      const lane = lanes.includes(e.lane) ? e.lane : lanes[0]!;
      const at = { schedule, lane, sl: scheduleLaneCode(schedule, lane) };
      addScaled(out, at, Math.min(e.step, maxStepOf(schedule)), e.yearsOfService, n * gone);
    }
  const scale = list.scale + places;
  return scale > MAX_SCALE ? rescaled(out, scale, MAX_SCALE) : { scale, cells: [...out.values()] };
}

/** One year of movement. `turnover: false` applies steps and holds only (used to isolate the step cost). */
export function advanceOneYear(cells: readonly ProjectedCell[], settings: StepMovementSettings, turnover = true): ProjectedCell[] {
  return decimalCells(advanceScaled(scaledOf(cells), settings, turnover));
}

export interface ProjectedYear {
  fiscalYear: number;
  /** Placements in force after this fiscal year's anniversary (for the base year: the census as given). */
  cells: ProjectedCell[];
}

/**
 * Projects a census year by year from its base year to `throughFiscalYear`.
 * Returns one entry per fiscal year, the first being the base year (the census as it stands).
 */
export function projectCensus(
  census: Census,
  throughFiscalYear: number,
  settings: StepMovementSettings = defaultStepMovementSettings(),
  options: { turnover?: boolean } = {},
): ProjectedYear[] {
  const turnover = options.turnover ?? true;
  // The fixed-point list is carried from year to year, as the costing does; only what is returned is turned into Decimals.
  let list = scaledOf(census.cells);
  const years: ProjectedYear[] = [{ fiscalYear: census.asOfFiscalYear, cells: decimalCells(list) }];
  for (let fy = census.asOfFiscalYear + 1; fy <= throughFiscalYear; fy++) {
    list = advanceScaled(list, settings, turnover);
    years.push({ fiscalYear: fy, cells: decimalCells(list) });
  }
  return years;
}
