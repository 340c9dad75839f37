/**
 * Raises under the schedule method on the fast path: the twin of raises-schedule.ts and
 * schedule/schedule-cost.ts. The census is aggregated once, when the plan is built: its cells
 * become constants, step movement becomes a fixed web of products with the separation rate and
 * the share held on step, and pricing sums headcount by printed column, so an evaluation only
 * redoes the arithmetic that depends on varied inputs (a census priced on the printed schedules
 * with fixed assumptions folds to constants entirely).
 *
 * The same real-number formulas are computed, sometimes in another order: the scaled basis prices
 * FY n as (cumulative raise factor) x sum of headcount x FY2024 amount, where the exact engine
 * multiplies each amount by the factor first. The tracked tape bounds the distance to the exact
 * value of the formula either way.
 */
import { anniversaryInFiscalYear, shareOfFiscalYearAfter } from "../calendar";
import { NoFastPathError, type CompileContext, type FastPart } from "../fast/context";
import type { Reg } from "../fast/tape";
import { entryPlacement, stepSettingsOf } from "../schedule/method";
import { cellAmount, getSchedule, indexSchedules, loadSchedules, payColumn, type ScheduleIndex } from "../schedule/schedules";
import { lanesOf, maxStepOf, normalizeCensus, YEARS_CAP } from "../schedule/step-movement";
import type { ScheduleKey } from "../schedule/types";
import { printedAdjustments, STEP_SUFFIX, TURNOVER_SUFFIX } from "./raises-schedule";
import type { RaisesItem, RaiseStep } from "./raises";

interface Cell {
  schedule: ScheduleKey;
  lane: string;
  step: number;
  years: number;
  h: Reg;
}

/** Cells by a numeric code of (schedule, lane, step, years), as step-movement.ts keys them. */
type Cells = Map<number, Cell>;

const SCHEDULE_NO: Record<ScheduleKey, number> = { "ET15-10M": 0, "ET15-11M": 1, "ET15-12M": 2, EG09: 3 };
const cellCode = (schedule: ScheduleKey, lane: string, step: number, years: number) =>
  ((SCHEDULE_NO[schedule] * 64 + lanesOf(schedule).indexOf(lane) + 1) * 128 + step) * 128 + years;

let index: ScheduleIndex | undefined;
const schedules = () => (index ??= indexSchedules(loadSchedules()));

function addTo(ctx: CompileContext, out: Cells, schedule: ScheduleKey, lane: string, step: number, years: number, h: Reg): void {
  const y = Math.min(years, YEARS_CAP);
  const key = cellCode(schedule, lane, step, y);
  const prev = out.get(key);
  if (prev) prev.h = ctx.b.add(prev.h, h);
  else out.set(key, { schedule, lane, step, years: y, h });
}

/** advanceOneYear, compiled: shares held, moved and gone as registers; the cells reached are fixed by the census. */
function advance(
  ctx: CompileContext,
  cells: Cells,
  sep: Reg,
  held: Reg,
  entry: { step: number; lane: string; yearsOfService: number },
  turnover: boolean,
): Cells {
  const { b } = ctx;
  const out: Cells = new Map();
  const s = turnover ? sep : b.zero;
  const stayF = b.sub(b.one, s);
  const heldF = b.mul(stayF, held);
  const movedF = b.sub(stayF, heldF);
  const heads = new Map<ScheduleKey, Reg>();
  for (const c of cells.values()) {
    if (turnover) heads.set(c.schedule, b.add(heads.get(c.schedule) ?? b.zero, c.h));
    const years = c.years + 1;
    if (c.step >= maxStepOf(c.schedule)) addTo(ctx, out, c.schedule, c.lane, c.step, years, b.mul(c.h, stayF));
    else {
      addTo(ctx, out, c.schedule, c.lane, c.step, years, b.mul(c.h, heldF));
      addTo(ctx, out, c.schedule, c.lane, c.step + 1, years, b.mul(c.h, movedF));
    }
  }
  for (const [schedule, n] of heads) {
    const lanes = lanesOf(schedule);
    const lane = lanes.includes(entry.lane) ? entry.lane : lanes[0]!;
    addTo(ctx, out, schedule, lane, Math.min(entry.step, maxStepOf(schedule)), entry.yearsOfService, b.mul(n, s));
  }
  return out;
}

export function scheduleRaisesFast(item: RaisesItem, ctx: CompileContext): { own: Map<number, Reg>; parts: FastPart[] } {
  const { b } = ctx;
  const block = ctx.scenario.scheduleMethod;
  if (!block || !ctx.scheduleCensus) throw new NoFastPathError("a schedule-method scenario without its census");
  const census = ctx.scheduleCensus();
  const baseFy = census.asOfFiscalYear;
  const terms: RaiseStep[] = item.steps.filter((s) => s.type === "percent");
  const raiseByFy = new Map(terms.map((t) => [t.fiscalYear, t]));
  const years = [...raiseByFy.keys()].sort((x, y) => x - y);
  years.forEach((fy, i) => {
    if (fy !== baseFy + 1 + i) throw new NoFastPathError("raise terms are not consecutive fiscal years from the census year");
  });
  // chooseBasis: the printed tables when every raise is the one printed on them.
  const printed = printedAdjustments();
  const printedBasis = ctx.guard(
    `schedule-basis:${item.id}`,
    terms.map((t) => t.amount),
    (values) => terms.every((t, k) => printed.get(t.fiscalYear)?.toNumber() === values[k]),
  );
  const settings = stepSettingsOf(block, ctx.calendar.fiscalYearStartMonth);
  const entry = entryPlacement(block);
  const sep = ctx.param(block.separationRate);
  const held = ctx.param(block.heldShare);

  const factors = new Map<number, Reg>();
  const factor = (fy: number): Reg => {
    let f = factors.get(fy);
    if (f === undefined) {
      f = b.one;
      for (let y = baseFy + 1; y <= fy; y++) {
        const r = raiseByFy.get(y);
        if (r) f = b.mul(f, b.add(b.one, ctx.param(r.amount)));
      }
      factors.set(fy, f);
    }
    return f;
  };
  const scheduleOf = (key: ScheduleKey, fy: number) => getSchedule(schedules(), key, printedBasis ? fy : baseFy);

  const columns = new Map<number, number>();
  const columnOf = (code: number, c: Cell, fy: number): number => {
    const k = code * 4096 + (fy - baseFy + 1);
    let col = columns.get(k);
    if (col === undefined) {
      col = payColumn(scheduleOf(c.schedule, fy), c.lane, c.step, c.years);
      columns.set(k, col);
    }
    return col;
  };
  /** Pricer.cost, summed over schedules: headcount by (schedule, lane, column) x the amount. */
  const price = (cells: Cells, fy: number): Reg => {
    const byColumn = new Map<number, { key: ScheduleKey; lane: string; col: number; h: Reg }>();
    for (const [code, c] of cells) {
      const col = columnOf(code, c, fy);
      const k = (Math.floor(code / 16384) * 64 + col) * 64;
      const e = byColumn.get(k);
      if (e) e.h = b.add(e.h, c.h);
      else byColumn.set(k, { key: c.schedule, lane: c.lane, col, h: c.h });
    }
    const terms = [...byColumn.values()].map((e) => b.mul(e.h, b.exact(cellAmount(scheduleOf(e.key, fy), e.lane, e.col).toNumber())));
    const total = b.sum(terms);
    return printedBasis ? total : b.mul(factor(fy), total);
  };

  const share = (num: number, den: number) => b.div(b.exact(num), b.exact(den));
  /** priceYear: the year cut at the step date and the schedule's effective date, each segment weighted by its share. */
  const priceYear = (before: Cells, after: Cells, fy: number, fAnniv: { num: number; den: number }, fSched: { num: number }) => {
    const den = fAnniv.den;
    const a = den - fAnniv.num;
    const e = den - fSched.num;
    const lo = Math.min(a, e);
    const hi = Math.max(a, e);
    const parts: Reg[] = [];
    if (lo > 0) parts.push(b.mul(price(before, fy - 1), share(lo, den)));
    if (hi > lo) parts.push(b.mul(a < e ? price(after, fy - 1) : price(before, fy), share(hi - lo, den)));
    if (den - hi > 0) parts.push(b.mul(price(after, fy), share(den - hi, den)));
    return b.sum(parts);
  };

  const base: Cells = new Map();
  for (const c of normalizeCensus(census))
    addTo(ctx, base, c.schedule, c.lane, c.step, c.yearsOfService, b.decimal(c.headcount.toString()));
  const p0 = price(base, baseFy);
  const own = new Map<number, Reg>();
  const stepCells = new Map<number, Reg>();
  const turnoverCells = new Map<number, Reg>();
  let prevSteps = base;
  let prevFull = base;
  for (const fy of years) {
    const raise = raiseByFy.get(fy)!;
    const proration = ctx.scenario.settings.proration;
    const fSched = shareOfFiscalYearAfter(raise.effective, fy, ctx.calendar, proration);
    const fAnniv = shareOfFiscalYearAfter(
      anniversaryInFiscalYear(settings.anniversary, fy, ctx.calendar.fiscalYearStartMonth),
      fy,
      ctx.calendar,
      proration,
    );
    const steps = advance(ctx, prevSteps, sep, held, entry, false);
    const full = advance(ctx, prevFull, sep, held, entry, true);
    const A = priceYear(base, base, fy, fAnniv, fSched);
    const B = priceYear(prevSteps, steps, fy, fAnniv, fSched);
    const T = priceYear(prevFull, full, fy, fAnniv, fSched);
    own.set(fy, b.sub(A, p0));
    stepCells.set(fy, b.sub(B, A));
    turnoverCells.set(fy, b.sub(T, B));
    prevSteps = steps;
    prevFull = full;
  }
  for (const fy of ctx.years)
    if (!own.has(fy)) {
      own.set(fy, b.zero);
      stepCells.set(fy, b.zero);
      turnoverCells.set(fy, b.zero);
    }
  const line = (suffix: string, label: string) => ({ id: `${item.line}${suffix}`, label, note: "" });
  return {
    own,
    parts: [
      { id: item.id + STEP_SUFFIX, label: "Step Increases", line: line("Steps", "Step Increases"), cells: stepCells },
      { id: item.id + TURNOVER_SUFFIX, label: "Turnover Savings", line: line("Turnover", "Turnover Savings"), cells: turnoverCells },
    ],
  };
}
