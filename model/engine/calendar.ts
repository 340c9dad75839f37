/**
 * Fiscal-year arithmetic on ISO dates (YYYY-MM-DD), in UTC days so no time zone can shift a date.
 * A fiscal year FY n runs from (start month) of calendar year n-1 to the day before it in year n;
 * with an October start, FY2025 is 2024-10-01 .. 2025-09-30.
 */
import { Decimal } from "./decimal";

const DAY_MS = 86_400_000;

export function isIsoDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}

/** Days since 1970-01-01 for an ISO date. */
export function dayOrdinal(iso: string): number {
  return Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
}

export function isoFromDayOrdinal(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function fiscalYearStart(fy: number, startMonth: number): string {
  const year = startMonth === 1 ? fy : fy - 1;
  return `${year}-${String(startMonth).padStart(2, "0")}-01`;
}

/** First day after the fiscal year. */
export function fiscalYearEndExclusive(fy: number, startMonth: number): string {
  return fiscalYearStart(fy + 1, startMonth);
}

export function fiscalYearOfDate(iso: string, startMonth: number): number {
  const year = Number.parseInt(iso.slice(0, 4), 10);
  const month = Number.parseInt(iso.slice(5, 7), 10);
  if (startMonth === 1) return year;
  return month >= startMonth ? year + 1 : year;
}

/** The twelve months of a fiscal year as {calendarYear, month, firstDay}. */
export function monthsOfFiscalYear(fy: number, startMonth: number): { calendarYear: number; month: number; firstDay: string }[] {
  const months = [];
  let year = startMonth === 1 ? fy : fy - 1;
  let month = startMonth;
  for (let i = 0; i < 12; i++) {
    months.push({ calendarYear: year, month, firstDay: `${year}-${String(month).padStart(2, "0")}-01` });
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return months;
}

export type PayFrequency = "weekly" | "biweekly" | "semimonthly" | "monthly";
export const PAY_FREQUENCIES: readonly PayFrequency[] = ["weekly", "biweekly", "semimonthly", "monthly"];

/** The agreement's calendar: when its fiscal year starts and when its pay periods start. */
export interface PayCalendar {
  fiscalYearStartMonth: number;
  payFrequency: PayFrequency;
  /** The first day of some pay period; weekly and biweekly periods repeat every 7 or 14 days from it,
   * semimonthly periods start on its day of the month and 15 days later, monthly on its day of the month. */
  payPeriodAnchor: string;
}

/** Pay periods a year has by frequency (a weekly or biweekly year can hold one more: see payPeriodStartsOfFiscalYear). */
export const PERIODS_PER_YEAR: Record<PayFrequency, number> = { weekly: 52, biweekly: 26, semimonthly: 24, monthly: 12 };

/** Why an anchor does not suit its frequency, or null: month-based periods need a day every month has. */
export function anchorProblem(calendar: Pick<PayCalendar, "payFrequency" | "payPeriodAnchor">): string | null {
  const day = Number.parseInt(calendar.payPeriodAnchor.slice(8, 10), 10);
  if (calendar.payFrequency === "semimonthly" && day > 13)
    return `a semimonthly pay period starts on day ${day} and day ${day + 15}; pick an anchor on day 1 to 13 of a month`;
  if (calendar.payFrequency === "monthly" && day > 28)
    return `a monthly pay period starting on day ${day} would skip short months; pick day 1 to 28`;
  return null;
}

/**
 * The first days of a fiscal year's pay periods. A period belongs to the fiscal year in which it
 * starts. Weekly and biweekly periods are counted from the anchor (7 or 14 days each), so a year
 * holds 52 or 26 except where the 364-day drift adds one more (every 5 to 11 years); month-based
 * periods fall on fixed days of the month. The periods are counted from the calendar, never assumed.
 */
const periodStarts = new Map<string, readonly string[]>();
/** The pay periods starting in a fiscal year (remembered: every item of every recompute asks for the same few years). */
export function payPeriodStartsOfFiscalYear(fy: number, calendar: PayCalendar): readonly string[] {
  const key = `${fy}|${calendar.fiscalYearStartMonth}|${calendar.payFrequency}|${calendar.payPeriodAnchor}`;
  let starts = periodStarts.get(key);
  if (!starts) {
    if (periodStarts.size >= 1024) periodStarts.clear();
    periodStarts.set(key, (starts = Object.freeze(periodStartsOf(fy, calendar))));
  }
  return starts;
}

function periodStartsOf(fy: number, calendar: PayCalendar): string[] {
  const { fiscalYearStartMonth: m, payFrequency, payPeriodAnchor } = calendar;
  if (payFrequency === "weekly" || payFrequency === "biweekly") {
    const step = payFrequency === "weekly" ? 7 : 14;
    const anchor = dayOrdinal(payPeriodAnchor);
    const fyStart = dayOrdinal(fiscalYearStart(fy, m));
    const fyEnd = dayOrdinal(fiscalYearEndExclusive(fy, m));
    const k0 = Math.ceil((fyStart - anchor) / step);
    const starts: string[] = [];
    for (let k = k0; anchor + step * k < fyEnd; k++) starts.push(isoFromDayOrdinal(anchor + step * k));
    return starts;
  }
  const day = Number.parseInt(payPeriodAnchor.slice(8, 10), 10);
  const days = payFrequency === "monthly" ? [day] : [day, day + 15];
  return monthsOfFiscalYear(fy, m).flatMap(({ calendarYear, month }) =>
    days.map((d) => `${calendarYear}-${String(month).padStart(2, "0")}-${String(d).padStart(2, "0")}`),
  );
}

/**
 * How a mid-year raise is prorated: by the pay periods, days or months of its fiscal year from its
 * date on. "months" counts the months starting on or after the date (January 3 misses January);
 * "monthsCountingFirst" counts the month the date falls in as well, as a note does that calls a raise
 * of January 3 "in effect for the last six months".
 */
export type ProrationMethod = "payPeriods" | "days" | "months" | "monthsCountingFirst";

/** Months of fiscal year `fy` that start on or after `effective` (a raise on January 1 of a July year: 6). */
export function monthsFrom(effective: string, fy: number, fiscalYearStartMonth: number): number {
  return monthsOfFiscalYear(fy, fiscalYearStartMonth).filter((x) => x.firstDay >= effective).length;
}

/** Months of fiscal year `fy` the raise is in force on any day of: the month of `effective` and those after it. */
export function monthsTouched(effective: string, fy: number, fiscalYearStartMonth: number): number {
  return monthsOfFiscalYear(fy, fiscalYearStartMonth).filter((x) => x.firstDay.slice(0, 7) >= effective.slice(0, 7)).length;
}

/** A proration method in words, for explanations: "pay periods", "days", "months, the month of the date counted whole". */
export const prorationWords = (method: ProrationMethod): string =>
  method === "payPeriods" ? "pay periods" : method === "monthsCountingFirst" ? "months, the month of the date counted whole" : method;

/** The unit a proration method counts, in words and as a key of the calendar counts. */
export function prorationUnit(method: ProrationMethod): { unit: "days" | "months" | "pay periods"; Unit: string; key: string } {
  if (method === "days") return { unit: "days", Unit: "Days", key: "days" };
  if (method === "payPeriods") return { unit: "pay periods", Unit: "Pay periods", key: "payPeriods" };
  return { unit: "months", Unit: "Months", key: method };
}

/**
 * The share of fiscal year `fy` on or after `effective` (1 when effective on or before the FY's
 * start, 0 when on or after its end). By pay periods: the periods starting on or after the date
 * over all the year's periods. By days: days on or after the date over the year's days. By
 * months: the months starting on or after the date over 12 (October 1 in a September year: 11/12).
 */
export function fractionOfFiscalYear(effective: string, fy: number, calendar: PayCalendar, method: ProrationMethod): Decimal {
  const { num, den } = shareOfFiscalYearAfter(effective, fy, calendar, method);
  return num === den ? new Decimal(1) : new Decimal(num).div(den);
}

/** The pay periods, days or months a fiscal year is divided into for proration. */
export function periodsInFiscalYear(fy: number, calendar: PayCalendar, method: ProrationMethod): number {
  const m = calendar.fiscalYearStartMonth;
  if (method === "days") return dayOrdinal(fiscalYearEndExclusive(fy, m)) - dayOrdinal(fiscalYearStart(fy, m));
  if (method === "months" || method === "monthsCountingFirst") return 12;
  return payPeriodStartsOfFiscalYear(fy, calendar).length;
}

/** The same share as whole numbers (periods or days after the date, of the year's), for spreadsheet formulas. */
export function shareOfFiscalYearAfter(
  effective: string,
  fy: number,
  calendar: PayCalendar,
  method: ProrationMethod,
): { num: number; den: number } {
  const m = calendar.fiscalYearStartMonth;
  const start = dayOrdinal(fiscalYearStart(fy, m));
  const end = dayOrdinal(fiscalYearEndExclusive(fy, m));
  const eff = dayOrdinal(effective);
  if (method === "days") {
    const den = end - start;
    return { num: eff <= start ? den : eff >= end ? 0 : end - eff, den };
  }
  if (method === "months") return { num: eff <= start ? 12 : eff >= end ? 0 : monthsFrom(effective, fy, m), den: 12 };
  if (method === "monthsCountingFirst") return { num: eff <= start ? 12 : eff >= end ? 0 : monthsTouched(effective, fy, m), den: 12 };
  const periods = payPeriodStartsOfFiscalYear(fy, calendar);
  const den = periods.length;
  if (eff <= start) return { num: den, den };
  if (eff >= end) return { num: 0, den };
  return { num: periods.filter((p) => dayOrdinal(p) >= eff).length, den };
}

/** The date in fiscal year `fy` of a yearly "MM-DD" anniversary (months from the start month on fall in the first calendar year). */
export function anniversaryInFiscalYear(monthDay: string, fy: number, fiscalYearStartMonth: number): string {
  if (!/^\d{2}-\d{2}$/.test(monthDay)) throw new Error(`anniversary "${monthDay}" is not MM-DD`);
  const month = Number.parseInt(monthDay.slice(0, 2), 10);
  const year = fiscalYearStartMonth !== 1 && month >= fiscalYearStartMonth ? fy - 1 : fy;
  const iso = `${year}-${monthDay}`;
  if (!isIsoDate(iso)) throw new Error(`anniversary "${monthDay}" is not a date in FY${fy}`);
  return iso;
}

/** How the months or pay periods of a fiscal year are counted for a per-period amount. */
export interface BucketRule {
  periods: "monthly" | "payPeriod";
  /** Whose year's amount applies to a period: the calendar year it starts in, or the fiscal year. */
  basis: "calendarYear" | "fiscalYear";
  /** For calendar-year amounts: each period at its own calendar year's amount, or the whole FY at the amount of the year it ends in. */
  calendarToFiscal: "monthsInForce" | "calendarYearOfFiscalYearEnd";
  /** Periods starting before this date are not counted. */
  countFrom?: string;
}

export interface Bucket {
  /** The year whose amount applies. */
  rateYear: number;
  count: number;
}

const bucketCache = new Map<string, readonly Bucket[]>();

/**
 * The fiscal year's months or pay periods grouped by the year whose amount applies. A pure function
 * of the calendar; sensitivity sweeps repeat it hundreds of times, so results are kept (frozen).
 */
export function periodBuckets(fy: number, calendar: PayCalendar, rule: BucketRule): readonly Bucket[] {
  const key = `${fy}|${calendar.fiscalYearStartMonth}|${calendar.payFrequency}|${calendar.payPeriodAnchor}|${rule.periods}|${rule.basis}|${rule.calendarToFiscal}|${rule.countFrom ?? ""}`;
  const cached = bucketCache.get(key);
  if (cached) return cached;
  const m = calendar.fiscalYearStartMonth;
  const dates = rule.periods === "monthly" ? monthsOfFiscalYear(fy, m).map((x) => x.firstDay) : payPeriodStartsOfFiscalYear(fy, calendar);
  const counted = rule.countFrom ? dates.filter((d) => d >= rule.countFrom!) : dates;
  const byYear = new Map<number, number>();
  for (const d of counted) {
    const rateYear =
      rule.basis === "fiscalYear"
        ? fiscalYearOfDate(d, m)
        : rule.calendarToFiscal === "calendarYearOfFiscalYearEnd"
          ? fy
          : Number.parseInt(d.slice(0, 4), 10);
    byYear.set(rateYear, (byYear.get(rateYear) ?? 0) + 1);
  }
  const result = Object.freeze(
    [...byYear.entries()].sort((a, b) => a[0] - b[0]).map(([rateYear, count]) => Object.freeze({ rateYear, count })),
  );
  if (bucketCache.size > 10_000) bucketCache.clear();
  bucketCache.set(key, result);
  return result;
}
