/**
 * The table's CSV: the display columns are the figures the table shows, in its own unit and at its
 * own decimals, under a header naming that unit; the exact columns are unrounded dollars to the cent.
 * Before, the display columns were re-rounded to whole numbers under "($K)" whatever the unit: a table
 * in dollars came out as dollars labelled thousands, one in $ millions as all zeros.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { computeTable, parseScenarioJson, type Scenario } from "../../model/engine/index";
import { exportTableCsv } from "../../model/io/table-csv";
import { twoYearScenario, type TwoYearOptions } from "../cli/two-year-scenario";

function scenarioOf(json: unknown): Scenario {
  const checked = parseScenarioJson(JSON.stringify(json));
  if (!checked.ok) throw new Error(JSON.stringify(checked.errors));
  return checked.value;
}

const csvRows = (o: TwoYearOptions) => exportTableCsv(computeTable(scenarioOf(twoYearScenario(o)))).split("\r\n");

// Unrounded dollars (see two-year-scenario.ts): the same whatever the display.
const EXACT = {
  salaries: "100000.00,253000.00,353000.00",
  benefits: "1450.00,3668.50,5118.50",
  other: "1000.00,0.00,1000.00",
  total: "102450.00,256668.50,359118.50",
};

describe("exportTableCsv", () => {
  it("a table in dollars to the cent: dollars, under a dollars header", () => {
    const rows = csvRows({ unit: "dollars", decimals: 2 });
    expect(rows[0]).toBe(
      "Line id,Line,FY2025 (dollars),FY2026 (dollars),Total (dollars),FY2025 exact ($),FY2026 exact ($),Total exact ($)",
    );
    expect(rows.slice(1)).toEqual([
      `salaries,Salaries,100000.00,253000.00,353000.00,${EXACT.salaries}`,
      `benefits,Benefits,1450.00,3668.50,5118.50,${EXACT.benefits}`,
      `other,Other,1000.00,0.00,1000.00,${EXACT.other}`,
      `total,TOTAL,102450.00,256668.50,359118.50,${EXACT.total}`,
      "",
    ]);
  });

  it("$ thousands to 1 decimal: 1,450 -> 1.5 once (not 2), 3,668.50 -> 3.7, the total 359,118.50 -> 359.1", () => {
    const rows = csvRows({ unit: "thousands", decimals: 1 });
    expect(rows[0]).toBe(
      "Line id,Line,FY2025 ($ thousands),FY2026 ($ thousands),Total ($ thousands),FY2025 exact ($),FY2026 exact ($),Total exact ($)",
    );
    expect(rows.slice(1, 5)).toEqual([
      `salaries,Salaries,100.0,253.0,353.0,${EXACT.salaries}`,
      `benefits,Benefits,1.5,3.7,5.1,${EXACT.benefits}`,
      `other,Other,1.0,0.0,1.0,${EXACT.other}`,
      `total,TOTAL,102.5,256.7,359.1,${EXACT.total}`,
    ]);
  });

  it("$ millions to 6 decimals: 3,668.50 -> 0.003669 (half up), never 0", () => {
    const rows = csvRows({ unit: "millions", decimals: 6 });
    expect(rows[0]).toBe(
      "Line id,Line,FY2025 ($ millions),FY2026 ($ millions),Total ($ millions),FY2025 exact ($),FY2026 exact ($),Total exact ($)",
    );
    expect(rows.slice(1, 5)).toEqual([
      `salaries,Salaries,0.100000,0.253000,0.353000,${EXACT.salaries}`,
      `benefits,Benefits,0.001450,0.003669,0.005119,${EXACT.benefits}`,
      `other,Other,0.001000,0.000000,0.001000,${EXACT.other}`,
      `total,TOTAL,0.102450,0.256669,0.359119,${EXACT.total}`,
    ]);
  });

  it("the WV state police example, printed in whole dollars: $15,134,820 is 15134820 (dollars), not $K", () => {
    const s = scenarioOf(JSON.parse(readFileSync("examples/wv-2022-hb4538-state-police/scenario.json", "utf8")));
    const rows = exportTableCsv(computeTable(s)).split("\r\n");
    expect(rows[0]).toBe(
      "Line id,Line,FY2022 (dollars),FY2023 (dollars),Annualized (dollars),FY2022 exact ($),FY2023 exact ($),Annualized exact ($)",
    );
    expect(rows[1]).toBe("totalCost,1. Estmated Total Cost,0,15134820,15134820,0.00,15134820.00,15134820.00");
  });
});
