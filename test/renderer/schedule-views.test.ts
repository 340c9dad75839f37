/**
 * The census screen's salary schedules cite where each comes from in words a reader can follow: the
 * schedule's heading as printed in the agreement and its lines in the source text, or the schedule it
 * was derived from by its title; never an internal id or the source text's file name (kept for the
 * tooltip).
 */
import { describe, expect, it } from "vitest";
import { censusHeading, scheduleViews } from "../../renderer/panels/schedule-adapter";

describe("schedule sources", () => {
  const views = scheduleViews();

  it("name the printed heading and the lines, not the file", () => {
    const fy2025 = views.find((v) => v.id === "ET15-10M-FY2025")!;
    expect(fy2025.source).toBe(
      'printed in the agreement as "ET-15 Salary Schedule Effective October 6, 2024 Adjustment 2.0% (FY 2025 ET 15 Salary Schedule - ' +
        '10 Month)", lines 4520-4556 of its text',
    );
    expect(fy2025.sourceFile).toBe("004_8d675becaf0e1477.txt");
  });

  it("name a derived schedule's origin by its title", () => {
    const fy2024 = views.find((v) => v.id === "ET15-10M-FY2024")!;
    expect(fy2024.source).toBe("derived from ET-15 10-month, FY2025 (+2%): FY2025 cell / 1.02, rounded to the dollar half-up");
  });

  it("never show an id or a file name", () => {
    for (const v of views) {
      expect(v.source, v.id).not.toMatch(/\.txt|[A-Z]{2}\d{2}-\d{2}M-FY\d{4}/);
    }
  });
});

describe("the census heading", () => {
  it("says the year and the headcount once", () => {
    const label = "SYNTHETIC reference census (5,776 members, FY2024 average $105,271.50)";
    expect(censusHeading({ label, asOf: 2024 }, "5,776 members")).toBe(label);
    expect(censusHeading({ label: "census-100k.csv", asOf: 2025 }, "100,000 members")).toBe("census-100k.csv, FY2025, 100,000 members");
    // A label whose count is not the census's own keeps the real count after it.
    expect(censusHeading({ label, asOf: 2024 }, "5,800 members")).toBe(`${label}, 5,800 members`);
  });
});
