import { describe, expect, it } from "vitest";
import {
  anchorProblem,
  fractionOfFiscalYear,
  isIsoDate,
  monthsOfFiscalYear,
  payPeriodStartsOfFiscalYear,
  periodBuckets,
  type PayCalendar,
} from "../../model/engine/calendar";

const DC: PayCalendar = { fiscalYearStartMonth: 10, payFrequency: "biweekly", payPeriodAnchor: "2024-10-06" };

describe("fiscal-year calendar", () => {
  it("FY2025 runs October 2024 to September 2025", () => {
    const months = monthsOfFiscalYear(2025, 10);
    expect(months[0]).toEqual({ calendarYear: 2024, month: 10, firstDay: "2024-10-01" });
    expect(months[11]).toEqual({ calendarYear: 2025, month: 9, firstDay: "2025-09-01" });
  });
  it("FY2025's pay year starts Oct 6, 2024 and has 26 biweekly periods, 19 of them starting in 2025", () => {
    const starts = payPeriodStartsOfFiscalYear(2025, DC);
    expect(starts).toHaveLength(26);
    expect(starts[0]).toBe("2024-10-06");
    expect(starts[6]).toBe("2024-12-29");
    expect(starts.filter((d) => d >= "2025-01-01")).toHaveLength(19);
  });
  it("later pay years follow every 14 days from the anchor", () => {
    const fy2026 = payPeriodStartsOfFiscalYear(2026, DC);
    expect(fy2026[0]).toBe("2025-10-05");
    expect(fy2026).toHaveLength(26);
  });
  it("prorates a mid-year raise by pay periods or by days", () => {
    // Effective 2025-04-01: periods starting on/after it in FY2025 = 13 of 26 (Apr 6 ... Sep 21).
    expect(fractionOfFiscalYear("2025-04-01", 2025, DC, "payPeriods").toString()).toBe("0.5");
    // By days: Apr 1 - Sep 30 2025 = 183 of 365 days.
    expect(fractionOfFiscalYear("2025-04-01", 2025, DC, "days").times(365).toString()).toBe("183");
    expect(fractionOfFiscalYear("2024-10-01", 2025, DC, "days").toString()).toBe("1");
    expect(fractionOfFiscalYear("2025-10-01", 2025, DC, "days").toString()).toBe("0");
  });
  it("rejects impossible dates", () => {
    expect(isIsoDate("2025-02-29")).toBe(false);
    expect(isIsoDate("2024-02-29")).toBe(true);
    expect(isIsoDate("2025-13-01")).toBe(false);
  });
});

describe("pay frequencies other than biweekly", () => {
  const july = (payFrequency: PayCalendar["payFrequency"], payPeriodAnchor: string): PayCalendar => ({
    fiscalYearStartMonth: 7,
    payFrequency,
    payPeriodAnchor,
  });
  it("weekly: every 7 days from the anchor; FY2026 (Jul 1 2025 - Jun 30 2026) from Fri 2025-07-04 holds 52", () => {
    const starts = payPeriodStartsOfFiscalYear(2026, july("weekly", "2025-07-04"));
    expect(starts[0]).toBe("2025-07-04");
    expect(starts[1]).toBe("2025-07-11");
    // 2025-07-04 + 51 x 7 = 2026-06-26, the last start before 2026-07-01
    expect(starts).toHaveLength(52);
    expect(starts[51]).toBe("2026-06-26");
  });
  it("semimonthly: the anchor's day and 15 days later, 24 a year", () => {
    const starts = payPeriodStartsOfFiscalYear(2026, july("semimonthly", "2025-07-01"));
    expect(starts.slice(0, 3)).toEqual(["2025-07-01", "2025-07-16", "2025-08-01"]);
    expect(starts).toHaveLength(24);
  });
  it("monthly: the anchor's day of every month, 12 a year", () => {
    const starts = payPeriodStartsOfFiscalYear(2026, july("monthly", "2025-07-15"));
    expect(starts[0]).toBe("2025-07-15");
    expect(starts[11]).toBe("2026-06-15");
    expect(starts).toHaveLength(12);
  });
  it("a mid-year raise on a semimonthly calendar: effective 2026-01-01 is in force 12 of 24 periods", () => {
    expect(fractionOfFiscalYear("2026-01-01", 2026, july("semimonthly", "2025-07-01"), "payPeriods").toString()).toBe("0.5");
  });
  it("an anchor month-based periods cannot keep every month is refused with the reason", () => {
    expect(anchorProblem({ payFrequency: "monthly", payPeriodAnchor: "2025-07-31" })).toMatch(/pick day 1 to 28/);
    expect(anchorProblem({ payFrequency: "semimonthly", payPeriodAnchor: "2025-07-20" })).toMatch(/day 1 to 13/);
    expect(anchorProblem({ payFrequency: "biweekly", payPeriodAnchor: "2025-07-31" })).toBeNull();
  });
});

describe("calendar bucketing: one place for per-period amounts", () => {
  it("DC FY2025 legal (by fiscal year) counted from 2025-01-01: 19 pay periods at the FY2025 amount", () => {
    expect(
      periodBuckets(2025, DC, { periods: "payPeriod", basis: "fiscalYear", calendarToFiscal: "monthsInForce", countFrom: "2025-01-01" }),
    ).toEqual([{ rateYear: 2025, count: 19 }]);
  });
  it("calendar-year amounts by months in force: FY2026 is 3 months at CY2025 and 9 at CY2026", () => {
    expect(periodBuckets(2026, DC, { periods: "monthly", basis: "calendarYear", calendarToFiscal: "monthsInForce" })).toEqual([
      { rateYear: 2025, count: 3 },
      { rateYear: 2026, count: 9 },
    ]);
  });
  it("calendar-year amounts at the year the fiscal year ends in: FY2026 is 12 months at CY2026", () => {
    expect(periodBuckets(2026, DC, { periods: "monthly", basis: "calendarYear", calendarToFiscal: "calendarYearOfFiscalYearEnd" })).toEqual(
      [{ rateYear: 2026, count: 12 }],
    );
  });
});
