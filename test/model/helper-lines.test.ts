/**
 * A helper line (`printed: false`): computed and used by every line that names it, never a row.
 * The scenario (fixtures/helper-line-scenario.ts) prints the salary increase, not the salaries;
 * every figure below is derived by hand from 100 clerks at $50,000, raises of 2% and 3%
 * (compounding) on the first day of FY2025 and FY2026, benefits at 10% of the raise.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { attributeScenarios } from "../../model/engine/analysis";
import { diffScenarios } from "../../model/engine/analysis/diff";
import { checkPublishedFigures } from "../../model/engine/analysis/published-check";
import { computeTable } from "../../model/engine/compute";
import { Plan } from "../../model/engine/fast/plan";
import { printedLines, setInputValue, unusedHelperLines, validateScenario } from "../../model/engine";
import { check, type Tally } from "../fast/property-check";
import { helperLineJson, helperLineScenario } from "../fixtures/helper-line-scenario";

const row = (id: string, column: string) => {
  const line = computeTable(helperLineScenario()).lines.find((l) => l.id === id)!;
  return line.cells[column]!;
};
const fields = (data: unknown) => {
  const checked = validateScenario(data);
  return checked.ok ? [] : checked.errors.map((e) => [e.field, e.message]);
};

describe("a helper line is computed and feeds the lines that name it", () => {
  it("Salaries: 5,000,000 x 2% = 100,000 in FY2025, 5,000,000 x (1.02 x 1.03 - 1) = 253,000 in FY2026 and FY2027", () => {
    expect(["FY2025", "FY2026", "FY2027", "Total"].map((c) => row("salaries", c).exact.toFixed())).toEqual([
      "100000",
      "253000",
      "253000",
      "606000",
    ]);
  });

  it("the change line is each year's addition: 100,000, 253,000 - 100,000 = 153,000, then 0; shown 100.0, 153.0, 0.0, 253.0", () => {
    const cells = ["FY2025", "FY2026", "FY2027", "Total"].map((c) => row("increase", c));
    expect(cells.map((c) => c.exact.toFixed())).toEqual(["100000", "153000", "0", "253000"]);
    expect(cells.map((c) => c.display.toFixed(1))).toEqual(["100.0", "153.0", "0.0", "253.0"]);
  });

  it("the total counts it: 100,000 + 10,000 = 110,000; 253,000 + 25,300 = 278,300; the local share 25% of that", () => {
    expect(["FY2025", "FY2026", "FY2027", "Total"].map((c) => row("total", c).display.toFixed(1))).toEqual([
      "110.0",
      "278.3",
      "278.3",
      "666.6",
    ]);
    // 27,500; 69,575 (69.575 rounds half up to 69.6); the total 166,650 -> 166.7.
    expect(["FY2025", "FY2026", "FY2027", "Total"].map((c) => row("local", c).display.toFixed(1))).toEqual([
      "27.5",
      "69.6",
      "69.6",
      "166.7",
    ]);
  });

  it("is explained: the change and the total name Salaries with its value", () => {
    const increase = row("increase", "FY2026").explanation;
    expect(increase.children.map((c) => [c.label, c.value])).toEqual([
      ["Salaries FY2026", "253000"],
      ["Salaries FY2025", "100000"],
    ]);
    expect(row("total", "FY2025").explanation.children.map((c) => c.label)).toContain("Salaries FY2025");
  });

  it("is marked not printed on the result, and printedLines leaves it out", () => {
    const result = computeTable(helperLineScenario());
    expect(result.lines.map((l) => l.id)).toEqual(["salaries", "increase", "benefits", "total", "local"]);
    expect(result.lines.find((l) => l.id === "salaries")!.printed).toBe(false);
    expect(result.lines.find((l) => l.id === "increase")!.printed).toBeUndefined();
    expect(printedLines(result).map((l) => l.id)).toEqual(["increase", "benefits", "total", "local"]);
  });

  it("the fast path equals the exact engine on every line, the helper line too, as written and with the raise edited", () => {
    for (const totals of ["roundedExact", "sumOfRounded"] as const) {
      const scenario = helperLineScenario(totals);
      const plan = Plan.compile(scenario);
      expect(plan.lines.map((l) => l.id)).toContain("salaries");
      const tally: Tally = { scenarios: 0, cells: 0, centNearTies: 0, displayFallbacks: 0, unstable: 0, worstBound: 0 };
      check(plan.evaluator(), computeTable(scenario), tally, totals);
      const ev = plan.evaluator();
      ev.setPath("items.raise.steps.2025-07-01.amount", "0.0417");
      check(ev, computeTable(ev.scenario()), tally, `${totals}, edited`);
      // 5 lines x 4 columns, twice.
      expect(tally.cells).toBe(40);
      expect(tally.unstable).toBe(0);
    }
  });

  it("a comparison attributes it but marks it not printed", () => {
    const a = helperLineScenario();
    const b = setInputValue(a, "items.raise.steps.2024-07-01.amount", "0.03");
    const attribution = attributeScenarios(a, b);
    expect(attribution.lines.find((l) => l.id === "salaries")!.printed).toBe(false);
    // 5,000,000 x (1.02 x 1.03 - 1.03 x 1.03): 253,000 -> 304,500 in FY2026, 51,500 more.
    expect(attribution.total.salaries!.FY2026!.toFixed()).toBe("51500");
    expect(printedLines(attribution).map((l) => l.id)).toEqual(["increase", "benefits", "total", "local"]);
  });

  it("a comparison names a line made a helper in words, not as printed: false", () => {
    const a = helperLineScenario();
    const b = structuredClone(a);
    delete (b.table.lines[0] as { printed?: false }).printed;
    expect(diffScenarios(b, a).map((d) => d.label)).toEqual(["Table lines: “Salaries”: not printed (a helper line)"]);
    expect(diffScenarios(a, b).map((d) => d.label)).toEqual(["Table lines: “Salaries”: printed"]);
  });
});

describe("validation of helper lines", () => {
  it("refuses printed: false with printedAsZero, at the line's printed field", () => {
    const data = helperLineJson();
    Object.assign(data.table.lines[0]!, { printedAsZero: "in the total only" });
    expect(fields(data)).toEqual([["table.lines.salaries.printed", expect.stringMatching(/printedAsZero/)]]);
  });

  it("refuses published figures for a line that is not printed", () => {
    const data = {
      ...helperLineJson(),
      table: {
        ...helperLineJson().table,
        published: { source: "note p.2", unit: "thousands", values: { salaries: { FY2025: 100 }, increase: { FY2025: 100 } } },
      },
    };
    expect(fields(data)).toEqual([
      ["table.published.values.salaries", 'line "salaries" is not printed; remove its published figures or print it'],
    ]);
  });

  it("refuses a table with no printed line", () => {
    const data = helperLineJson();
    for (const l of data.table.lines) Object.assign(l, { printed: false });
    expect(fields(data)).toEqual([["table.lines", expect.stringMatching(/no line is printed/)]]);
  });

  it("refuses printed: true (absent means printed)", () => {
    const data = helperLineJson();
    Object.assign(data.table.lines[1]!, { printed: true });
    expect(fields(data).map(([f]) => f)).toEqual(["table.lines.increase.printed"]);
  });

  it("allows a helper line nothing uses, and reports it as a warning", () => {
    const data = helperLineJson();
    data.table.lines.push({ id: "spare", label: "Spare", printed: false } as never);
    const checked = validateScenario(data);
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    expect(unusedHelperLines(checked.value)).toEqual([
      { field: "table.lines.spare.printed", message: expect.stringMatching(/no other line uses it/) },
    ]);
    expect(unusedHelperLines(helperLineScenario())).toEqual([]);
  });

  it("the published check compares only printed cells: the increase as printed matches", () => {
    const data = {
      ...helperLineJson(),
      table: { ...helperLineJson().table, published: { source: "note p.2", unit: "thousands", values: { increase: { FY2026: 153 } } } },
    };
    const checked = validateScenario(data);
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    const result = checkPublishedFigures(computeTable(checked.value))!;
    expect(result.cells.map((c) => [c.cell, c.status])).toEqual([["increase.FY2026", "matches"]]);
  });
});

describe("a helper raises line under the schedule method", () => {
  // The reference costed by schedules and census: its Base Salary Increases line is followed by its
  // step-increase and turnover lines, and TOTAL COST sums all three.
  const scheduleScenario = (printed: boolean) => {
    const data = JSON.parse(readFileSync("examples/dc-dcps-wtu-2023/schedule-method-ranges.json", "utf8"));
    if (!printed) data.table.lines[0].printed = false;
    const checked = validateScenario(data);
    if (!checked.ok) throw new Error(JSON.stringify(checked.errors));
    return computeTable(checked.value);
  };

  it("hides its step and turnover lines with it; TOTAL COST still counts all three, to the cent", () => {
    const shown = scheduleScenario(true);
    const hidden = scheduleScenario(false);
    expect(shown.lines.map((l) => l.id).slice(0, 3)).toEqual([
      "baseSalaryIncreases",
      "baseSalaryIncreasesSteps",
      "baseSalaryIncreasesTurnover",
    ]);
    expect(printedLines(hidden).map((l) => l.id)).toEqual(
      printedLines(shown)
        .map((l) => l.id)
        .slice(3),
    );
    const total = (r: ReturnType<typeof computeTable>) => r.lines.find((l) => l.id === "totalCost")!.cells["Total"]!.exact.toFixed();
    expect(total(hidden)).toBe(total(shown));
    // The hidden parts are not empty: the steps line alone costs something over the four years.
    expect(hidden.lines.find((l) => l.id === "baseSalaryIncreasesSteps")!.cells["Total"]!.exact.isZero()).toBe(false);
  });
});

describe("the document settings and a helper line", () => {
  it("refuse a cost line or funding line that is not printed, when the file is read", () => {
    const data = helperLineJson();
    Object.assign(data.agreement, { document: { costLine: "salaries" } });
    expect(fields(data)).toEqual([
      [
        "agreement.document.costLine",
        '"Salaries" is a helper line (printed: false): the document would state figures its table does not print; ' +
          "print the line or name a printed one",
      ],
    ]);
  });

  it("do not count as a use: a helper line named only there is still reported unused", () => {
    const data = helperLineJson();
    data.table.lines.push({ id: "spare", label: "Spare", printed: false } as never);
    const checked = validateScenario(data);
    expect(checked.ok && unusedHelperLines(checked.value).map((w) => w.field)).toEqual(["table.lines.spare.printed"]);
  });
});
