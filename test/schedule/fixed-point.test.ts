/**
 * The schedule method projects and prices in exact fixed point (BigInt) rather than decimal.js, for
 * speed. This checks it against a plain reading of the method written here in decimal.js at 200
 * significant digits (so nothing rounds): move each cell a year (held on step, moved up, separated and
 * replaced at entry), then price every cell on the printed schedule. Rounded to the engine's 40 digits,
 * the two must be the same number, year by year, for rates with many decimals and for odd headcounts.
 */
import { describe, expect, it } from "vitest";
import type { PayCalendar } from "../../model/engine/calendar";
import { Decimal as Decimal40 } from "../../model/engine/decimal";
import {
  defaultScheduleCostSettings,
  getSchedule,
  indexSchedules,
  loadSchedules,
  payColumn,
  cellAmount,
  referenceCensus,
  scheduleMethodCost,
  type Census,
  type RaiseTerm,
  type ScheduleKey,
} from "../../model/engine/schedule";
import { lanesOf, maxStepOf, YEARS_CAP } from "../../model/engine/schedule/step-movement";

const Wide = Decimal40.clone({ precision: 200 });
type Wide = InstanceType<typeof Wide>;
const DC: PayCalendar = { fiscalYearStartMonth: 10, payFrequency: "biweekly", payPeriodAnchor: "2024-10-06" };
const raisesOf = (rates: string[]): RaiseTerm[] =>
  [2025, 2026, 2027, 2028].map((fy, i) => ({
    fiscalYear: fy,
    rate: new Decimal40(rates[i]!),
    effective: `${fy - 1}-10-01`,
    source: { kind: "contract", ref: "Art. 36.2" },
  }));
const raises = raisesOf(["0.02", "0.03", "0.03", "0.04"]);

interface Cell {
  schedule: ScheduleKey;
  lane: string;
  step: number;
  years: number;
  h: Wide;
}

/** One year of the method as docs/schedule-method.md states it, in 200-digit decimals. */
function advance(cells: Cell[], sep: Wide, held: Wide, entry: { step: number; lane: string; yearsOfService: number }): Cell[] {
  const out = new Map<string, Cell>();
  const put = (c: Omit<Cell, "h">, h: Wide) => {
    const years = Math.min(c.years, YEARS_CAP);
    const k = `${c.schedule}|${c.lane}|${c.step}|${years}`;
    const prev = out.get(k);
    if (prev) prev.h = prev.h.plus(h);
    else out.set(k, { ...c, years, h });
  };
  const stay = new Wide(1).minus(sep);
  const bySchedule = new Map<ScheduleKey, Wide>();
  for (const c of cells) {
    bySchedule.set(c.schedule, (bySchedule.get(c.schedule) ?? new Wide(0)).plus(c.h));
    const next = { ...c, years: c.years + 1 };
    if (c.step >= maxStepOf(c.schedule)) put(next, c.h.times(stay));
    else {
      put(next, c.h.times(stay).times(held));
      put({ ...next, step: c.step + 1 }, c.h.times(stay).times(new Wide(1).minus(held)));
    }
  }
  for (const [schedule, n] of bySchedule) {
    const lanes = lanesOf(schedule);
    put(
      { schedule, lane: lanes.includes(entry.lane) ? entry.lane : lanes[0]!, step: entry.step, years: entry.yearsOfService },
      n.times(sep),
    );
  }
  return [...out.values()];
}

/** Payroll on the printed tables, or ("scaled") on the FY2024 table times the raises compounded at 40 digits, as the engine states them. */
function payroll(cells: Cell[], fy: number, scaledBy?: RaiseTerm[]): Wide {
  const idx = indexSchedules(loadSchedules());
  let factor = new Decimal40(1);
  for (const r of scaledBy ?? []) if (r.fiscalYear <= fy) factor = factor.times(new Decimal40(1).plus(r.rate));
  let total = new Wide(0);
  for (const c of cells) {
    const s = getSchedule(idx, c.schedule, scaledBy ? 2024 : fy);
    const amount = cellAmount(s, c.lane, payColumn(s, c.lane, c.step, c.years));
    total = total.plus(c.h.times((scaledBy ? amount.times(factor) : amount).toString()));
  }
  return total;
}

function check(census: Census, sep: string, held: string, scaledBy?: RaiseTerm[]) {
  const settings = {
    ...defaultScheduleCostSettings(DC),
    separationRate: new Decimal40(sep),
    heldShare: new Decimal40(held),
    ...(scaledBy ? { scheduleBasis: "scaled" as const } : {}),
  };
  const result = scheduleMethodCost(census, scaledBy ?? raises, settings);
  let cells: Cell[] = census.cells.map((c) => ({
    schedule: c.schedule,
    lane: c.lane,
    step: c.step,
    years: c.yearsOfService ?? c.step,
    h: new Wide(c.headcount.toString()),
  }));
  expect(result.basePayroll.value.toString()).toBe(new Decimal40(payroll(cells, 2024).toString()).toSignificantDigits(40).toString());
  for (const y of result.years) {
    cells = advance(cells, new Wide(sep), new Wide(held), settings.entry[cells[0]!.schedule]);
    const expected = new Decimal40(payroll(cells, y.fiscalYear, scaledBy).toString()).toSignificantDigits(40);
    expect(y.payroll.value.toString(), `FY${y.fiscalYear}`).toBe(expected.toString());
  }
}

describe("schedule method in fixed point equals the method in 200-digit decimals", () => {
  it("the reference census, default rates (10% separations, 5% held)", () => check(referenceCensus(), "0.10", "0.05"));
  it("the reference census, rates with many decimals (every year adds 17 decimal places)", () =>
    check(referenceCensus(), "0.0712345678", "0.0498765431"));
  it("rates with 20 decimals: past 60 decimal places a projection rounds there, still the same to 40 digits", () =>
    check(referenceCensus(), "0.07123456789012345678", "0.04987654321098765432"));
  it("scaled schedules, one set of raises then another then the first again (rates remembered per set of raises)", () => {
    const a = raisesOf(["0.025", "0.031", "0.0275", "0.04"]);
    const b = raisesOf(["0.01", "0.05", "0.02", "0.033"]);
    for (const r of [a, b, a]) check(referenceCensus(), "0.10", "0.05", r);
  });
  it("odd fractional headcounts on one schedule, top-step and longevity cells included", () => {
    const lane = lanesOf("ET15-10M")[2]!;
    const census: Census = {
      label: "odd",
      asOfFiscalYear: 2024,
      cells: [
        { schedule: "ET15-10M", lane, step: 1, headcount: new Decimal40("3.3333333333") },
        { schedule: "ET15-10M", lane, step: 15, yearsOfService: 16, headcount: new Decimal40("12.5") },
        { schedule: "ET15-10M", lane, step: 16, yearsOfService: 19, headcount: new Decimal40("7") },
      ],
    };
    check(census, "0.123456789", "0.3");
  });
});
