/**
 * The assumptions import after an outside audit: a Value cell's formula is taken at its exact
 * value, not at the float its program cached; a float-noisy number is read as Excel shows it;
 * every sheet with Path and Value columns is either read or named; a value the app wrote and
 * nobody touched is not reported as ignored. Every figure is derived by hand in the test.
 */
import { describe, expect, it } from "vitest";
import * as XLSX from "xlsx";
import { fisAsPublished } from "../../model/built-ins";
import { computeTable, type Scenario } from "../../model/engine";
import { validateScenario } from "../../model/engine/scenario/schema";
import { importAssumptions, importSummary } from "../../model/io/assumptions-import";
import { exportWorkbook, workbookSheetNames } from "../../model/io/xlsx-export";
import { helperLineJson, helperLineScenario, payrollScenario } from "../fixtures/helper-line-scenario";

const xlsxBytes = (wb: XLSX.WorkBook) => new Uint8Array(XLSX.write(wb, { type: "array", bookType: "xlsx" }) as ArrayBuffer);
const ok = <T>(r: { ok: true; value: T } | { ok: false; errors: unknown[] }): T => {
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r.errors)}`);
  return r.value;
};

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

/** A workbook of plain Path/Value sheets, [name, rows, hidden?]. */
function sheets(...list: [string, [string, number][], boolean?][]): Uint8Array {
  const wb = XLSX.utils.book_new();
  for (const [name, rows] of list) XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([["Path", "Value"], ...rows]), name);
  wb.Workbook = { Sheets: list.map(([, , hidden]) => ({ Hidden: hidden ? 1 : 0 })) };
  return xlsxBytes(wb);
}
const MEMBERS = "groups.wtu.members";
const RAISE_2026 = "items.baseSalary.steps.2025-10-01.amount";

describe("every sheet with Path and Value columns is read or named", () => {
  it("a visible sheet is read before a hidden one, and the hidden one is named as not read", () => {
    const bytes = sheets(["Inputs", [[MEMBERS, 6000]], true], ["My edits", [[MEMBERS, 5800]]]);
    const r = ok(importAssumptions(bytes, "hidden.xlsx", fisAsPublished()));
    expect(r.applied.map((a) => [a.path, a.from, a.to])).toEqual([[MEMBERS, "5776", "5800"]]);
    expect(r.ignored).toEqual([
      {
        sheet: "Inputs",
        cell: "A1",
        reason:
          'sheet "Inputs", hidden in the workbook, also has Path and Value columns; not read: only sheet "My edits", the visible one, was',
      },
    ]);
  });

  it("the only Path/Value sheet, hidden, is read and said to be hidden", () => {
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(
      wb,
      XLSX.utils.aoa_to_sheet([
        ["Path", "Value"],
        [MEMBERS, 6000],
      ]),
      "Old",
    );
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([["Members went up in the spring"]]), "Notes");
    wb.Workbook = { Sheets: [{ Hidden: 1 }, { Hidden: 0 }] };
    const r = ok(importAssumptions(xlsxBytes(wb), "hidden.xlsx", fisAsPublished()));
    expect(r.applied.map((a) => a.to)).toEqual(["6000"]);
    expect(r.notes).toContain('sheet "Old" is hidden in the workbook; its values were read (unhide it to check it is the one meant)');
  });

  it("two visible Path/Value sheets not from the app: refused naming both; nothing is applied", () => {
    const bytes = sheets(["Raises", [[MEMBERS, 5800]]], ["Members", [[RAISE_2026, 0.05]]]);
    const r = importAssumptions(bytes, "two.xlsx", fisAsPublished());
    expect(r.ok).toBe(false);
    expect(r.ok ? [] : r.errors).toEqual([
      {
        file: "two.xlsx",
        sheet: "Members",
        row: 1,
        column: "A",
        message:
          'sheets "Raises" and "Members" both have Path and Value columns: which to apply cannot be known; ' +
          "put the rows on one sheet, or hide or delete the others (a hidden sheet is not read when a visible one is)",
      },
    ]);
  });
});

describe("a comparison workbook: the Inputs sheet of the scenario imported into is read", () => {
  // Two scenarios of the helper-line fixture: "helper-line" (raises 2%, 3%) and "h2" (2%, 4%), 100 clerks at $50,000.
  const first = helperLineScenario();
  const second = (() => {
    const json = helperLineJson() as unknown as { id: string; name: string; items: { steps?: { amount: { value: string } }[] }[] };
    json.id = "h2";
    json.name = "Helper 4pct";
    json.items[0]!.steps![1]!.amount.value = "0.04";
    const checked = validateScenario(json);
    if (!checked.ok) throw new Error(JSON.stringify(checked.errors));
    return checked.value;
  })();
  /** The comparison workbook with h2's members edited to 150 on its own Inputs sheet. */
  const editedSecond = () => {
    const wb = XLSX.read(exportWorkbook([first, second]), { cellFormula: true, cellNF: true });
    const ws = wb.Sheets[workbookSheetNames([first, second]).scenarios[1]!.inputs]!;
    const addr = Object.keys(ws).find((a) => (ws[a] as XLSX.CellObject).v === "groups.clerks.members")!;
    ws[`D${XLSX.utils.decode_cell(addr).r + 1}`] = { t: "n", v: 150 };
    return xlsxBytes(wb);
  };

  it("into h2: its own sheet's edit applies (members 100 -> 150), nothing to confirm; the other scenario's sheet is named", () => {
    const r = ok(importAssumptions(editedSecond(), "cmp.xlsx", second));
    expect(r.applied.map((a) => [a.path, a.from, a.to])).toEqual([["groups.clerks.members", "100", "150"]]);
    expect(r.confirm.otherScenario).toBeUndefined();
    expect(r.ignored).toContainEqual({
      sheet: "Inputs - Helper line",
      cell: "M6",
      reason:
        'sheet "Inputs - Helper line" holds the inputs of scenario "helper-line" (Helper line); not read: only sheet ' +
        '"Inputs - Helper 4pct", this scenario\'s, was',
    });
    // 150 x $50,000 x 2% = $150,000 in FY2025: 150.0 ($ thousands).
    expect(
      computeTable(r.scenario)
        .lines.find((l) => l.id === "increase")!
        .cells.FY2025!.display.toString(),
    ).toBe("150");
  });

  it("into a scenario it does not hold: refused naming each sheet's scenario, even with the other-scenario question answered", () => {
    const r = importAssumptions(editedSecond(), "cmp.xlsx", fisAsPublished(), { accept: { otherScenario: true } });
    expect(r.ok).toBe(false);
    expect(r.ok ? "" : r.errors[0]!.message).toBe(
      'sheets "Inputs - Helper line" (scenario "helper-line") and "Inputs - Helper 4pct" (scenario "h2") both have inputs ' +
        'to apply, and none is from scenario "fis-as-published" (FIS as published): which to apply cannot be known; ' +
        "import into the scenario it was exported from, or hide or delete the other Inputs sheets",
    );
  });
});

/** The exported workbook of `s` with the Value cell of `path` set to `value`, and `more` edits. */
function withInput(s: Scenario, path: string, value: number, more: (wb: XLSX.WorkBook) => void = () => {}): Uint8Array {
  const wb = XLSX.read(exportWorkbook([s]), { cellFormula: true, cellNF: true });
  const ws = wb.Sheets[workbookSheetNames([s]).scenarios[0]!.inputs]!;
  const addr = Object.keys(ws).find((a) => (ws[a] as XLSX.CellObject).v === path)!;
  ws[`D${XLSX.utils.decode_cell(addr).r + 1}`] = { t: "n", v: value };
  more(wb);
  return xlsxBytes(wb);
}

describe("a value the app wrote and nobody changed is not reported as ignored", () => {
  // The helper-line scenario with an Annualized column: the Calculation sheet holds its cells as values
  // (G5 = the raise item's annualized cost, 100 x $50,000 x (1.02 x 1.03 - 1) = $253,000).
  const annualized = (() => {
    const json = helperLineJson() as unknown as { table: { columns: Record<string, unknown> } };
    json.table.columns.annualized = true;
    const checked = validateScenario(json);
    if (!checked.ok) throw new Error(JSON.stringify(checked.errors));
    return checked.value;
  })();

  it("members 100 -> 120 with an Annualized column: applied, and nothing ignored (G5 still holds the exported $253,000)", () => {
    const bytes = withInput(annualized, "groups.clerks.members", 120);
    const r = ok(importAssumptions(bytes, "annualized.xlsx", annualized));
    expect(r.applied.map((a) => [a.path, a.from, a.to])).toEqual([["groups.clerks.members", "100", "120"]]);
    expect(r.ignored).toEqual([]);
    // The imported scenario's own annualized raise: 120 x $50,000 x 0.0506 = $303,600.
    const raise = computeTable(r.scenario).items.find((i) => i.id === "raise")!;
    expect(raise.cells.Annualized!.exact.toString()).toBe("303600");
  });

  it("a number typed over an annualized value is still reported", () => {
    const bytes = withInput(annualized, "groups.clerks.members", 120, (wb) => {
      wb.Sheets[workbookSheetNames([annualized]).scenarios[0]!.calc]!.G5 = { t: "n", v: 300000 };
    });
    const r = ok(importAssumptions(bytes, "typed.xlsx", annualized));
    expect(r.ignored).toEqual([
      {
        sheet: "Calculation - Helper line",
        cell: "G5",
        reason: "Calculation G5 is a value from the app's costing; ignored: it is recomputed on export",
      },
    ]);
  });

  it("the schedule method: the FY2026 raise 3% -> 3.5% reports nothing on the Projection sheet", () => {
    const base = fisAsPublished();
    const bySchedule: Scenario = { ...base, settings: { ...base.settings, salaryMethod: "schedule" } };
    const r = ok(importAssumptions(withInput(bySchedule, RAISE_2026, 0.035), "schedule.xlsx", bySchedule));
    expect(r.applied.map((a) => [a.path, a.from, a.to])).toEqual([[RAISE_2026, "0.03", "0.035"]]);
    expect(r.ignored).toEqual([]);
  });
});
