/**
 * Fiscal-year arithmetic on ISO dates (YYYY-MM-DD), in UTC days so no time zone can shift a date.
 * A fiscal year FY n runs from (start month) of calendar year n-1 to the day before it in year n;
 * DC's FY2025 is 2024-10-01 .. 2025-09-30.
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

/**
 * Biweekly pay periods of a fiscal year's pay year. The pay calendar is anchored on the first
 * period start of some pay year (DC: FY2025's pay year starts Sunday 2024-10-06); every period is
 * 14 days, and a pay year holds the periods that start on or after its own first start. A pay
 * year has 26 periods except where the 364-day drift adds a 27th (every 11 years or so); the
 * periods are counted from the calendar, not assumed.
 */
export function payPeriodStartsOfFiscalYear(fy: number, startMonth: number, anchorPeriodStart: string): string[] {
  const anchor = dayOrdinal(anchorPeriodStart);
  const fyStart = dayOrdinal(fiscalYearStart(fy, startMonth));
  const fyEnd = dayOrdinal(fiscalYearEndExclusive(fy, startMonth));
  // A period belongs to the fiscal year in which it starts, counting from the first start on or after FY start.
  const k0 = Math.ceil((fyStart - anchor) / 14);
  const starts: string[] = [];
  for (let k = k0; anchor + 14 * k < fyEnd; k++) starts.push(isoFromDayOrdinal(anchor + 14 * k));
  return starts;
}

export type ProrationMethod = "payPeriods" | "days";

/**
 * The share of fiscal year `fy` on or after `effective` (1 when effective on or before the FY's
 * start, 0 when on or after its end). By pay periods: the periods starting on or after the date
 * over all the pay year's periods. By days: days on or after the date over the year's days.
 */
export function fractionOfFiscalYear(
  effective: string,
  fy: number,
  startMonth: number,
  method: ProrationMethod,
  anchorPeriodStart: string,
): Decimal {
  const start = dayOrdinal(fiscalYearStart(fy, startMonth));
  const end = dayOrdinal(fiscalYearEndExclusive(fy, startMonth));
  const eff = dayOrdinal(effective);
  if (eff <= start) return new Decimal(1);
  if (eff >= end) return new Decimal(0);
  if (method === "days") return new Decimal(end - eff).div(end - start);
  const periods = payPeriodStartsOfFiscalYear(fy, startMonth, anchorPeriodStart);
  const after = periods.filter((p) => dayOrdinal(p) >= eff).length;
  return new Decimal(after).div(periods.length);
}
