/**
 * Proration of a raise, schedule or step anniversary that takes effect after a fiscal year starts.
 *
 * DC fiscal year n runs Oct 1 (n-1) .. Sep 30 n. Two methods (a setting):
 *  - "payPeriods": biweekly pay periods anchored on the FY2025 pay year's first period, Sunday 2024-10-06;
 *    every period is 14 days, so FY n's pay year starts 364*(n-2025) days later (2025-10-05, 2026-10-04,
 *    2027-10-03: exactly the schedules' printed effective dates). A period belongs to the fiscal year in
 *    which it starts. Most fiscal years hold 26 period starts; because 26 x 14 = 364 days the starts drift
 *    one day a year (two across a Feb 29) and every 11 years or so a fiscal year holds 27 (the first is
 *    FY2029: 2028-10-01 .. 2029-09-30 with starts 2028-10-01 and 2029-09-30). In a 27-period year the
 *    fraction is (periods starting on/after the date) / 27: the annual salary is spread over the periods
 *    actually paid in that year. The cash cost of a 27th payday (annual/26 x 27) is NOT added here;
 *    a jurisdiction that pays it should model it as a separate one-time line.
 *  - "days": days on or after the date over the days of the fiscal year (365 or 366).
 * A date on or before the fiscal year's first day gives 1, on or after the day after its last gives 0.
 * Under "payPeriods" a date between Oct 1 and the first period start (e.g. Oct 1 .. Oct 5, 2024) also
 * gives 1: no period has started yet.
 *
 * Delegates to model/engine/calendar.ts (owned by the engine), so both use one pay calendar.
 */
import { fractionOfFiscalYear as calendarFraction, isIsoDate, payPeriodStartsOfFiscalYear } from "../calendar";
import type { Decimal } from "../decimal";

export type ProrationMethod = "payPeriods" | "days";

/** DC's pay calendar anchor: the first period of the FY2025 pay year. */
export const PAY_CALENDAR_ANCHOR = "2024-10-06";
/** DC's fiscal year starts October 1. */
export const FISCAL_YEAR_START_MONTH = 10;

/** Share (0..1, exact) of fiscal year `fiscalYear` on or after `effective` (YYYY-MM-DD). */
export function fractionOfFiscalYear(effective: string, fiscalYear: number, method: ProrationMethod): Decimal {
  if (!isIsoDate(effective)) throw new Error(`fractionOfFiscalYear: "${effective}" is not a YYYY-MM-DD date`);
  if (!Number.isInteger(fiscalYear)) throw new Error(`fractionOfFiscalYear: fiscal year ${fiscalYear} is not an integer`);
  return calendarFraction(effective, fiscalYear, FISCAL_YEAR_START_MONTH, method, PAY_CALENDAR_ANCHOR);
}

/** The pay-period start dates (YYYY-MM-DD) of a fiscal year: 26, or 27 in a drift year. */
export function payPeriodStarts(fiscalYear: number): string[] {
  return payPeriodStartsOfFiscalYear(fiscalYear, FISCAL_YEAR_START_MONTH, PAY_CALENDAR_ANCHOR);
}

/** The date in fiscal year `fiscalYear` of a yearly "MM-DD" anniversary (Oct..Dec fall in the first calendar year). */
export function anniversaryInFiscalYear(monthDay: string, fiscalYear: number): string {
  if (!/^\d{2}-\d{2}$/.test(monthDay)) throw new Error(`anniversary "${monthDay}" is not MM-DD`);
  const month = Number.parseInt(monthDay.slice(0, 2), 10);
  const year = month >= FISCAL_YEAR_START_MONTH ? fiscalYear - 1 : fiscalYear;
  const iso = `${year}-${monthDay}`;
  if (!isIsoDate(iso)) throw new Error(`anniversary "${monthDay}" is not a date in FY${fiscalYear}`);
  return iso;
}
