import { describe, expect, it } from "vitest";
import { fractionOfFiscalYear, isIsoDate, monthsOfFiscalYear, payPeriodStartsOfFiscalYear } from "../../model/engine/calendar";

describe("fiscal-year calendar", () => {
  it("FY2025 runs October 2024 to September 2025", () => {
    const months = monthsOfFiscalYear(2025, 10);
    expect(months[0]).toEqual({ calendarYear: 2024, month: 10, firstDay: "2024-10-01" });
    expect(months[11]).toEqual({ calendarYear: 2025, month: 9, firstDay: "2025-09-01" });
  });
  it("FY2025's pay year starts Oct 6, 2024 and has 26 biweekly periods, 19 of them starting in 2025", () => {
    const starts = payPeriodStartsOfFiscalYear(2025, 10, "2024-10-06");
    expect(starts).toHaveLength(26);
    expect(starts[0]).toBe("2024-10-06");
    expect(starts[6]).toBe("2024-12-29");
    expect(starts.filter((d) => d >= "2025-01-01")).toHaveLength(19);
  });
  it("later pay years follow every 14 days from the anchor", () => {
    const fy2026 = payPeriodStartsOfFiscalYear(2026, 10, "2024-10-06");
    expect(fy2026[0]).toBe("2025-10-05");
    expect(fy2026).toHaveLength(26);
  });
  it("prorates a mid-year raise by pay periods or by days", () => {
    // Effective 2025-04-01: periods starting on/after it in FY2025 = 13 of 26 (Apr 6 ... Sep 21).
    expect(fractionOfFiscalYear("2025-04-01", 2025, 10, "payPeriods", "2024-10-06").toString()).toBe("0.5");
    // By days: Apr 1 - Sep 30 2025 = 183 of 365 days.
    expect(fractionOfFiscalYear("2025-04-01", 2025, 10, "days", "2024-10-06").times(365).toString()).toBe("183");
    expect(fractionOfFiscalYear("2024-10-01", 2025, 10, "days", "2024-10-06").toString()).toBe("1");
    expect(fractionOfFiscalYear("2025-10-01", 2025, 10, "days", "2024-10-06").toString()).toBe("0");
  });
  it("rejects impossible dates", () => {
    expect(isIsoDate("2025-02-29")).toBe(false);
    expect(isIsoDate("2024-02-29")).toBe(true);
    expect(isIsoDate("2025-13-01")).toBe(false);
  });
});
