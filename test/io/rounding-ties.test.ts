/**
 * The workbook and the engine agree at exact ties. 5,101 members x $100,000 x 2.5% is exactly
 * $12,752,500, which the engine shows as $12,753K (half up). A spreadsheet multiplying doubles
 * gets 12,752,499.9999999 and would show 12,752; the Cost Table formula rounds the dollars to
 * cents first, so LibreOffice and HyperFormula show 12,753 too. Cached values are poisoned, so
 * what is read back was computed by the other engine.
 */
import { describe, expect, it } from "vitest";
import * as XLSX from "xlsx";
import { computeTable, setInputValue, type Scenario } from "../../model/engine";
import { fisAsPublished } from "../../model/built-ins";
import { exportWorkbook } from "../../model/io/xlsx-export";
import { findSoffice, hyperFormulaRecalc, libreOfficeRecalc, poisonCachedValues } from "./recalc-engines";

function tie(members: string, salary: string, rate: string, rounding: Scenario["table"]["display"]["rounding"] = "halfUp"): Scenario {
  let s = fisAsPublished();
  s = setInputValue(s, "groups.wtu.members", members);
  s = setInputValue(s, "groups.wtu.averageSalary", salary);
  s = setInputValue(s, "items.baseSalary.steps.2024-10-01.amount", rate);
  return { ...s, table: { ...s.table, display: { ...s.table.display, rounding } } };
}

/** [label, scenario, exact FY2025 base salary cost (hand-derived), displayed $K]. */
const CASES: [string, Scenario, string, number][] = [
  // 5,101 x 100,000 = 510,100,000; x 0.025 = 12,752,500.00 -> 12,752.5 -> half up 12,753
  ["5,101 x $100,000 x 2.5% = $12,752,500 (a $500 tie)", tie("5101", "100000", "0.025"), "12752500.00", 12753],
  // 4,371 x 104,100 = 455,021,100; x 0.015 = 6,825,316.50 -> 6,825.3165 -> 6,825 (not a tie: a control)
  ["4,371 x $104,100 x 1.5% = $6,825,316.50 (no tie)", tie("4371", "104100", "0.015"), "6825316.50", 6825],
  // 3,300 x 91,500 = 301,950,000; x 0.035 = 10,568,250.00 -> 10,568.25 -> 10,568; and 0.07 -> 21,136,500 -> 21,136.5 -> 21,137
  ["3,300 x $91,500 x 7% = $21,136,500 (a $500 tie)", tie("3300", "91500", "0.07"), "21136500.00", 21137],
  // Truncation at an exact thousand: 4,000 x 127,530 x 2.5% = 12,753,000.00 -> 12,753 (ROUNDDOWN of 12,752.9999999 would give 12,752)
  ["4,000 x $127,530 x 2.5% = $12,753,000, truncating", tie("4000", "127530", "0.025", "truncate"), "12753000.00", 12753],
];

const soffice = findSoffice();
/** One scenario per workbook: its Cost Table sheet carries the scenario's name. */
const COST_TABLE = "Cost Table - FIS as published";

describe("exact ties: the workbook rounds as the engine does", () => {
  for (const [label, scenario, exact, shown] of CASES) {
    it(`engine: ${label}`, () => {
      const cell = computeTable(scenario).lines.find((l) => l.id === "baseSalaryIncreases")!.cells.FY2025!;
      expect(cell.exact.toFixed(2)).toBe(exact);
      expect(cell.display.toNumber()).toBe(shown);
    });

    it(`HyperFormula: ${label}`, () => {
      const hf = hyperFormulaRecalc(poisonCachedValues(exportWorkbook([scenario])));
      expect(hf.value(COST_TABLE, "B5")).toBe(shown);
    });
  }

  it.runIf(soffice)(
    "LibreOffice: every case",
    () => {
      for (const [label, scenario, , shown] of CASES) {
        const wb = libreOfficeRecalc(soffice!, poisonCachedValues(exportWorkbook([scenario])));
        expect(wb.Sheets[COST_TABLE]!.B5!.v, label).toBe(shown);
      }
    },
    300_000,
  );

  it("the Cost Table formula rounds dollars to cents before the display unit", () => {
    const ct = XLSX.read(exportWorkbook([fisAsPublished()]), { cellFormula: true }).Sheets[COST_TABLE]!;
    expect(ct.B5!.f).toBe("ROUND(ROUND('Calculation - FIS as published'!C15,2)/1000,0)");
  });
});
