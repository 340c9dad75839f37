/**
 * importAssumptions with the sheet named (the CLI's --assumptions-sheet): the named sheet is read
 * whatever else the workbook holds (a second visible Path/Value sheet, a hidden one), by its exact
 * name or by a case-insensitive one that matches a single sheet; a name the workbook lacks is
 * refused listing its sheets, a sheet that is not an inputs sheet saying what it lacks; and the
 * refusal of several sheets says how to name one. Every figure is derived by hand.
 */
import { describe, expect, it } from "vitest";
import { fisAsPublished } from "../../model/built-ins";
import { computeTable, type Scenario } from "../../model/engine";
import { importAssumptions, importSummary } from "../../model/io/assumptions-import";
import { exportWorkbook } from "../../model/io/xlsx-export";
import { helperLineJson, helperLineScenario, payrollScenario } from "../fixtures/helper-line-scenario";
import { bookOf, xlsxOf } from "../fixtures/hostile/generate";
import { validateScenario } from "../../model/engine/scenario/schema";

const ok = <T>(r: { ok: true; value: T } | { ok: false; errors: unknown[] }): T => {
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r.errors)}`);
  return r.value;
};
const errors = (r: { ok: boolean; errors?: unknown[] }) => (r.ok ? [] : r.errors);

/** The FY2025 raise of the payroll scenario: 2% on July 1, 2024. */
const RAISE = "items.raise.steps.2024-07-01.amount";
/** FY2025's salary increase in whole dollars: the $5,000,000 payroll times the FY2025 raise. */
const increase2025 = (s: Scenario) =>
  computeTable(s)
    .lines.find((l) => l.id === "increase")!
    .cells.FY2025!.display.toString();

/** A workbook of the sheets given, [name, rows, hidden?], in order. */
function book(...list: [string, unknown[][], boolean?][]): Uint8Array {
  const wb = bookOf(list.map(([name, rows]) => [name, rows]));
  wb.Workbook = { Sheets: list.map(([, , hidden]) => ({ Hidden: hidden ? 1 : 0 })) };
  return xlsxOf(wb);
}

/** Two visible inputs sheets (3% and 5% for FY2025), a sheet of notes, and one with paths but no values. */
const twoSheets = () =>
  book(
    [
      "Inputs",
      [
        ["Path", "Value"],
        [RAISE, 0.03],
      ],
    ],
    [
      "Inputs (Dana)",
      [
        ["Path", "Value"],
        [RAISE, 0.05],
      ],
    ],
    ["Notes", [["Dana's figures are the union's proposal"]]],
    [
      "Paths only",
      [
        ["Path", "Amount"],
        [RAISE, 0.04],
      ],
    ],
  );

describe("the sheet named is read", () => {
  it("by its exact name, beside another visible Path/Value sheet: 5% of $5,000,000 is $250,000; the other is named as not read", () => {
    const base = payrollScenario();
    // Before: 5,000,000 x 2% = 100,000.
    expect(increase2025(base)).toBe("100000");
    const r = ok(importAssumptions(twoSheets(), "book.xlsx", base, { sheet: "Inputs (Dana)" }));
    expect(r.applied.map((a) => [a.path, a.from, a.to, a.row])).toEqual([[RAISE, "0.02", "0.05", 2]]);
    // 5,000,000 x 5% = 250,000.
    expect(increase2025(r.scenario)).toBe("250000");
    expect(r.ignored).toContainEqual({
      sheet: "Inputs",
      cell: "A1",
      reason: 'sheet "Inputs" also has Path and Value columns; not read: only sheet "Inputs (Dana)", the one asked for, was',
    });
    expect(importSummary(r)[0]).toBe("applied: FY2025 raise 0.02 -> 0.05 (row 2)");
  });

  it("by a name that differs only in case, when one sheet has it: inputs is Inputs, 3% of $5,000,000 is $150,000", () => {
    const r = ok(importAssumptions(twoSheets(), "book.xlsx", payrollScenario(), { sheet: "inputs" }));
    expect(r.applied.map((a) => [a.path, a.to])).toEqual([[RAISE, "0.03"]]);
    // 5,000,000 x 3% = 150,000.
    expect(increase2025(r.scenario)).toBe("150000");
    const dana = ok(importAssumptions(twoSheets(), "book.xlsx", payrollScenario(), { sheet: "INPUTS (DANA)" }));
    expect(increase2025(dana.scenario)).toBe("250000");
  });

  it("a hidden sheet, when named, is read before the visible one, and said to be hidden", () => {
    const bytes = book(
      [
        "Inputs",
        [
          ["Path", "Value"],
          [RAISE, 0.03],
        ],
      ],
      [
        "Old",
        [
          ["Path", "Value"],
          [RAISE, 0.05],
        ],
        true,
      ],
    );
    // Unnamed, the visible one is read: 150,000.
    expect(increase2025(ok(importAssumptions(bytes, "hidden.xlsx", payrollScenario())).scenario)).toBe("150000");
    const r = ok(importAssumptions(bytes, "hidden.xlsx", payrollScenario(), { sheet: "Old" }));
    expect(increase2025(r.scenario)).toBe("250000");
    expect(r.notes).toContain('sheet "Old" is hidden in the workbook; its values were read (unhide it to check it is the one meant)');
  });

  it("two sheets whose names differ only in case: the exact one is read; a third spelling is refused naming both", () => {
    const bytes = book(
      [
        "Rates",
        [
          ["Path", "Value"],
          [RAISE, 0.03],
        ],
      ],
      [
        "RATES",
        [
          ["Path", "Value"],
          [RAISE, 0.05],
        ],
      ],
    );
    expect(increase2025(ok(importAssumptions(bytes, "case.xlsx", payrollScenario(), { sheet: "RATES" })).scenario)).toBe("250000");
    expect(errors(importAssumptions(bytes, "case.xlsx", payrollScenario(), { sheet: "rates" }))).toEqual([
      {
        file: "case.xlsx",
        sheet: "rates",
        message: 'no sheet is named exactly that, and sheets "Rates" and "RATES" differ from it only in case: give the name exactly',
      },
    ]);
  });
});

describe("a sheet named that cannot be read is refused, naming the file and the sheet", () => {
  it("a name the workbook lacks: its sheets are listed", () => {
    expect(errors(importAssumptions(twoSheets(), "book.xlsx", payrollScenario(), { sheet: "Nope" }))).toEqual([
      {
        file: "book.xlsx",
        sheet: "Nope",
        message: 'no such sheet in the workbook; its sheets are "Inputs", "Inputs (Dana)", "Notes" and "Paths only"',
      },
    ]);
  });

  it("a sheet with neither column: not an inputs sheet, and the sheets that are one are named", () => {
    expect(errors(importAssumptions(twoSheets(), "book.xlsx", payrollScenario(), { sheet: "Notes" }))).toEqual([
      {
        file: "book.xlsx",
        sheet: "Notes",
        message:
          'has no header row with "Path" and "Value" columns in its first 30 rows: it is not an inputs sheet ' +
          '(sheets "Inputs" and "Inputs (Dana)" have them)',
      },
    ]);
  });

  it('a sheet with a "Path" column and no "Value" column: the header cell is named', () => {
    expect(errors(importAssumptions(twoSheets(), "book.xlsx", payrollScenario(), { sheet: "Paths only" }))).toEqual([
      {
        file: "book.xlsx",
        sheet: "Paths only",
        row: 1,
        column: "A",
        message: 'has a "Path" column but no "Value" column in that row: the values are read from the column headed "Value"',
      },
    ]);
  });

  it('a sheet with a "Value" column and no "Path" column: the header cell is named', () => {
    const bytes = book([
      "Values",
      [
        ["Input", "Value"],
        ["FY2025 raise", 0.05],
      ],
    ]);
    expect(errors(importAssumptions(bytes, "values.xlsx", payrollScenario(), { sheet: "Values" }))).toEqual([
      {
        file: "values.xlsx",
        sheet: "Values",
        row: 1,
        column: "B",
        message: 'has a "Value" column but no "Path" column in that row: each value is matched to its input by the column headed "Path"',
      },
    ]);
  });

  it("a CSV file has no sheets to name", () => {
    const csv = new TextEncoder().encode(`path,value\n${RAISE},0.05\n`);
    expect(errors(importAssumptions(csv, "raise.csv", payrollScenario(), { sheet: "Inputs" }))).toEqual([
      { file: "raise.csv", message: 'is a CSV file, which has no sheets: sheet "Inputs" cannot be read from it' },
    ]);
  });
});

describe("the refusal of several sheets says how to name one, when the caller has a way (chooseWith)", () => {
  it("two visible Path/Value sheets: pick one with --assumptions-sheet NAME, the candidates listed", () => {
    const r = importAssumptions(twoSheets(), "book.xlsx", payrollScenario(), { chooseWith: "--assumptions-sheet NAME" });
    expect(errors(r)).toEqual([
      {
        file: "book.xlsx",
        sheet: "Inputs (Dana)",
        row: 1,
        column: "A",
        message:
          'sheets "Inputs" and "Inputs (Dana)" both have Path and Value columns: which to apply cannot be known; pick one with ' +
          '--assumptions-sheet NAME ("Inputs" or "Inputs (Dana)"), put the rows on one sheet, or hide or delete the others ' +
          "(a hidden sheet is not read when a visible one is)",
      },
    ]);
  });

  it("a comparison workbook holding neither scenario: the Inputs sheets are the candidates", () => {
    const first = helperLineScenario();
    const json = helperLineJson() as unknown as { id: string; name: string };
    json.id = "h2";
    json.name = "Helper 4pct";
    const checked = validateScenario(json);
    if (!checked.ok) throw new Error(JSON.stringify(checked.errors));
    const bytes = exportWorkbook([first, checked.value]);
    const r = importAssumptions(bytes, "cmp.xlsx", fisAsPublished(), { chooseWith: "--assumptions-sheet NAME" });
    expect(r.ok ? "" : (r.errors[0] as { message: string }).message).toBe(
      'sheets "Inputs - Helper line" (scenario "helper-line") and "Inputs - Helper 4pct" (scenario "h2") both have inputs ' +
        'to apply, and none is from scenario "fis-as-published" (FIS as published): which to apply cannot be known; pick one with ' +
        '--assumptions-sheet NAME ("Inputs - Helper line" or "Inputs - Helper 4pct"), import into the scenario it was ' +
        "exported from, or hide or delete the other Inputs sheets",
    );
  });
});
