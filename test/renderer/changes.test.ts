/** Change markers and the recompute announcement, checked on the reference table with a 4% FY2026 raise. */
import { describe, expect, it } from "vitest";
import { computeTable } from "../../model/engine/compute";
import { fisAsPublished } from "../../model/built-ins";
import { setInputValue } from "../../model/engine/scenario/paths";
import { changedCells, recomputeAnnouncement } from "../../renderer/state/changes";

const before = computeTable(fisAsPublished());
const after = computeTable(setInputValue(fisAsPublished(), "items.baseSalary.steps.2025-10-01.amount", "0.04"));

describe("what an edit moved", () => {
  it("marks the cells a 4% FY2026 raise moves, up, and none in FY2025", () => {
    const moved = changedCells(before, after);
    expect(moved.get("baseSalaryIncreases|FY2026")?.direction).toBe("up");
    expect(moved.get("totalCost|Total")?.direction).toBe("up");
    expect([...moved.keys()].some((k) => k.endsWith("|FY2025"))).toBe(false);
    // Funding available is entered per year, so no edit to a raise moves it.
    expect([...moved.keys()].some((k) => k.startsWith("fundingAvailable|"))).toBe(false);
    expect(changedCells(before, before).size).toBe(0);
  });
  it("announces the total line in the first year it moved and in the total column, in words with units", () => {
    const line = (r: typeof before) => r.lines.find((l) => l.id === "totalCost")!;
    const now = line(after).cells.FY2026!.display;
    const up = now.minus(line(before).cells.FY2026!.display);
    const text = recomputeAnnouncement(before, after);
    // Built by hand from the two tables' displayed values: "$X thousand, up $Y thousand".
    const grouped = (d: { toFixed: () => string }) => Number(d.toFixed()).toLocaleString("en-US");
    expect(text.startsWith(`TOTAL COST FY 2026 now $${grouped(now)} thousand, up $${grouped(up)} thousand; `)).toBe(true);
    expect(text).toMatch(/; 4-Yr Total now \$[\d,]+ thousand, up \$[\d,]+ thousand\.$/);
    expect(recomputeAnnouncement(before, before)).toBe("");
  });
});
