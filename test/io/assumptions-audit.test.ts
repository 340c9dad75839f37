/**
 * The assumptions import after an outside audit: a Value cell's formula is taken at its exact
 * value, not at the float its program cached; a float-noisy number is read as Excel shows it;
 * every sheet with Path and Value columns is either read or named; a value the app wrote and
 * nobody touched is not reported as ignored. Every figure is derived by hand in the test.
 */
import { describe, expect, it } from "vitest";
import * as XLSX from "xlsx";
import { computeTable, type Scenario } from "../../model/engine";
import { validateScenario } from "../../model/engine/scenario/schema";
import { importAssumptions, importSummary } from "../../model/io/assumptions-import";
import { helperLineJson } from "../fixtures/helper-line-scenario";

const xlsxBytes = (wb: XLSX.WorkBook) => new Uint8Array(XLSX.write(wb, { type: "array", bookType: "xlsx" }) as ArrayBuffer);
const ok = <T>(r: { ok: true; value: T } | { ok: false; errors: unknown[] }): T => {
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r.errors)}`);
  return r.value;
};

/**
 * The helper-line scenario with a payroll of $5,000,000 instead of 100 x $50,000, shown in whole
 * dollars truncated toward zero, so a value a hair under a round number shows a dollar less.
 */
function payrollScenario(): Scenario {
  const json = helperLineJson() as unknown as {
    groups: Record<string, unknown>[];
    table: { display: Record<string, unknown> };
  };
  const group = json.groups[0]!;
  delete group.members;
  delete group.averageSalary;
  group.payroll = { value: "5000000", label: "payroll", source: { kind: "contract", ref: "Art. 9" } };
  json.table.display = { unit: "dollars", decimals: 0, rounding: "truncate", totals: "roundedExact" };
  const checked = validateScenario(json);
  if (!checked.ok) throw new Error(JSON.stringify(checked.errors));
  return checked.value;
}

/** A workbook of one "Inputs" sheet (Path, Value) and any further sheets. */
function book(rows: [string, XLSX.CellObject][], more: Record<string, unknown[][]> = {}): Uint8Array {
  const wb = XLSX.utils.book_new();
  const ws = XLSX.utils.aoa_to_sheet([["Path", "Value"]]);
  rows.forEach(([path, cell], i) => {
    ws[`A${i + 2}`] = { t: "s", v: path };
    ws[`B${i + 2}`] = cell;
  });
  ws["!ref"] = `A1:B${rows.length + 1}`;
  XLSX.utils.book_append_sheet(wb, ws, "Inputs");
  for (const [name, aoa] of Object.entries(more)) XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(aoa), name);
  return xlsxBytes(wb);
}

const increase2025 = (s: Scenario) =>
  computeTable(s)
    .lines.find((l) => l.id === "increase")!
    .cells.FY2025!.display.toString();

describe("a formula in a Value cell is taken at its exact value", () => {
  it("=4.35*1000000 cached as 4349999.999999999 imports as 4,350,000; the 2% raise is $87,000, not $86,999", () => {
    const base = payrollScenario();
    // Before: 5,000,000 x 0.02 = 100,000.
    expect(increase2025(base)).toBe("100000");
    const bytes = book([["groups.clerks.payroll", { t: "n", f: "4.35*1000000", v: 4349999.999999999 }]]);
    const r = ok(importAssumptions(bytes, "formula.xlsx", base));
    expect(r.applied).toEqual([expect.objectContaining({ path: "groups.clerks.payroll", to: "4350000", formula: "4.35*1000000" })]);
    expect(importSummary(r)[0]).toBe("applied: payroll 5000000 -> 4350000 (from =4.35*1000000) (row 2)");
    // 4,350,000 x 0.02 = 87,000 exactly; truncating 86,999.99999999998 would print 86,999.
    expect(increase2025(r.scenario)).toBe("87000");
  });

  it("a formula of literals that does not come out exact (=100/3) is refused as a typed one is, naming sheet, row and column", () => {
    const bytes = book([["groups.clerks.payroll", { t: "n", f: "100/3", v: 33.333333333333336 }]]);
    const r = importAssumptions(bytes, "third.xlsx", payrollScenario());
    expect(r.ok).toBe(false);
    expect(r.ok ? [] : r.errors).toEqual([
      expect.objectContaining({
        file: "third.xlsx",
        sheet: "Inputs",
        row: 2,
        column: "B",
        message: expect.stringContaining("100 / 3 does not come out as an exact decimal"),
      }),
    ]);
  });

  it("a formula over other cells keeps its cached number read to 15 significant digits, as Excel shows it, and says so", () => {
    // =Rates!A1*1000000 with Rates!A1 = 4.35: cached 4349999.999999999, shown by Excel as 4350000.
    const bytes = book([["groups.clerks.payroll", { t: "n", f: "Rates!A1*1000000", v: 4349999.999999999 }]], { Rates: [[4.35]] });
    const r = ok(importAssumptions(bytes, "linked.xlsx", payrollScenario()));
    expect(r.applied).toEqual([expect.objectContaining({ to: "4350000", formula: "Rates!A1*1000000", stored: "4349999.999999999" })]);
    expect(importSummary(r)[0]).toBe(
      "applied: payroll 5000000 -> 4350000 (from =Rates!A1*1000000; the file holds 4349999.999999999, read to 15 significant " +
        "digits as Excel shows it) (row 2)",
    );
    expect(increase2025(r.scenario)).toBe("87000");
  });

  it("a plain number cell with float noise is read as Excel shows it: 4349999.999999999 is 4,350,000; 0.020000000000000004 is 2%", () => {
    const base = payrollScenario();
    const bytes = book([
      ["groups.clerks.payroll", { t: "n", v: 4349999.999999999 }],
      // 0.1 x 0.2 as a double: Excel shows 0.02, the scenario's own FY2025 raise.
      ["items.raise.steps.2024-07-01.amount", { t: "n", v: 0.020000000000000004 }],
      ["items.raise.steps.2025-07-01.amount", { t: "n", v: 0.035000000000000003 }],
    ]);
    const r = ok(importAssumptions(bytes, "noise.xlsx", base));
    expect(r.applied.map((a) => [a.path, a.to, a.stored])).toEqual([
      ["groups.clerks.payroll", "4350000", "4349999.999999999"],
      // 0.035000000000000003 is the double nearest 0.035: String() already gives "0.035", nothing to say.
      ["items.raise.steps.2025-07-01.amount", "0.035", undefined],
    ]);
    expect(r.unchanged).toBe(1);
    expect(importSummary(r)[0]).toBe(
      "applied: payroll 5000000 -> 4350000 (the file holds 4349999.999999999, read to 15 significant digits as Excel shows it) (row 2)",
    );
  });
});
