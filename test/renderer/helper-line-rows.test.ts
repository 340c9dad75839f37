/**
 * The app shows a helper line (Salaries, printed: false) nowhere as a row: the FIS grid's rows,
 * "Copy table", the chart's lines and the side-by-side comparison are read off printedLines; a row
 * kept across a recompute is still reused. Figures by hand in fixtures/helper-line-scenario.ts.
 */
import { describe, expect, it } from "vitest";
import { computeTable } from "../../model/engine";
import { setInputValue } from "../../model/engine/scenario/paths";
import { chartLines } from "../../renderer/charts/chart-data";
import { fisTableBlock } from "../../renderer/grid/copy-table";
import { rowsFor } from "../../renderer/grid/fis-rows";
import { withLinePrinted } from "../../model/engine/scenario/cost-lines";
import { recomputeAnnouncement } from "../../renderer/state/changes";
import { activeEntry, initialState, reducer } from "../../renderer/state/store";
import { helperLineScenario } from "../fixtures/helper-line-scenario";

const scenario = helperLineScenario();
const result = computeTable(scenario);

describe("the app's rows leave a helper line out", () => {
  it("the FIS grid: one row per printed line, the increase 100.0, 153.0, 0.0, 253.0", () => {
    const rows = rowsFor(result);
    expect(rows.map((r) => r.id)).toEqual(["increase", "benefits", "total", "local"]);
    expect(["FY2025", "FY2026", "FY2027", "Total"].map((c) => rows[0]!.display[c]!.toFixed(1))).toEqual(["100.0", "153.0", "0.0", "253.0"]);
  });

  it("after a recompute, a moved row is new and an unmoved one is the same object", () => {
    const first = rowsFor(result);
    // The FY2026 raise 3% -> 4%: salaries 5,000,000 x (1.02 x 1.04 - 1) = 5,000,000 x 0.0608 = 304,000 in FY2026;
    // the increase 304,000 - 100,000 = 204,000; benefits 30,400.
    const edited = computeTable(setInputValue(scenario, "items.raise.steps.2025-07-01.amount", "0.04"));
    const next = rowsFor(edited, new Map(first.map((r) => [r.id, r])));
    expect(next[0]!.display.FY2026!.toFixed(1)).toBe("204.0");
    expect(next[1]!.display.FY2026!.toFixed(1)).toBe("30.4");
    expect(next[0]).not.toBe(first[0]);
    expect(rowsFor(result, new Map(first.map((r) => [r.id, r])))[0]).toBe(first[0]);
  });

  it("Copy table: no Salaries row", () => {
    const block = fisTableBlock(result, scenario, "half up");
    expect(block.rows.map((r) => r[0])).toEqual(["$ thousands", "Salary increase", "Benefits", "TOTAL COST", "Local share"]);
  });

  it("the chart stacks the printed cost lines only and tops them with the total", () => {
    const lines = chartLines(result);
    expect(lines.stacked.map((l) => l.id)).toEqual(["benefits"]);
    expect(lines.total?.id).toBe("total");
    expect(lines.drawn.map((l) => l.id)).toEqual(["increase", "local"]);
  });

  it("the recompute announcement speaks of the printed total", () => {
    const edited = computeTable(setInputValue(scenario, "items.raise.steps.2025-07-01.amount", "0.04"));
    // TOTAL COST FY2026: 304,000 + 30,400 = 334,400, up 56,100 from 278,300.
    expect(recomputeAnnouncement(result, edited)).toMatch(/^TOTAL COST FY 2026 now \$334\.4 thousand, up \$56\.1 thousand/);
  });

  it("the Cost lines checkbox: printing the line again gives it a row; making it a helper again removes it", () => {
    const printed = withLinePrinted(scenario, "salaries", true);
    expect(printed.table.lines[0]).toEqual({ id: "salaries", label: "Salaries" });
    expect(rowsFor(computeTable(printed)).map((r) => r.id)).toEqual(["salaries", "increase", "benefits", "total", "local"]);
    expect(withLinePrinted(printed, "salaries", false)).toEqual(scenario);
  });

  it("a line with published figures cannot be made a helper: the store applies nothing and says why", () => {
    const state = initialState();
    const before = activeEntry(state).scenario;
    const next = reducer(state, {
      type: "replaceScenario",
      scenario: withLinePrinted(before, "bonus", false),
      what: 'Not printing "bonus".',
    });
    expect(activeEntry(next).scenario).toBe(before);
    expect(next.notice?.kind).toBe("error");
    expect(next.notice?.details).toContain(
      'field table.published.values.bonus: line "bonus" is not printed; remove its published figures or print it',
    );
  });
});
