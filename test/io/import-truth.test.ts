/**
 * Import tells the truth: what it applied, what it ignored and why; a workbook from another
 * scenario or method named and applied only when the user says so; formulas that fetch or link
 * to other files refused; decimal commas refused as ambiguous; values far from their baseline
 * flagged for confirmation.
 */
import { describe, expect, it } from "vitest";
import * as XLSX from "xlsx";
import { contractAsStated, fisAsPublished } from "../../model/built-ins";
import { getInput, setInputValue, type Scenario } from "../../model/engine";
import { importAssumptions, importSummary, needsConfirmation } from "../../model/io/assumptions-import";
import { exportWorkbook, workbookSheetNames } from "../../model/io/xlsx-export";
import { findSoffice, libreOfficeSave, setCellNumber } from "./recalc-engines";

const soffice = findSoffice();

const xlsxBytes = (wb: XLSX.WorkBook) => new Uint8Array(XLSX.write(wb, { type: "array", bookType: "xlsx" }) as ArrayBuffer);
const utf8 = (s: string) => new TextEncoder().encode(s);
const RAISE_2026 = "items.baseSalary.steps.2025-10-01.amount";

/** The exported workbook of `s`, changed by `edit` as a user would in Excel. */
function edited(s: Scenario, edit: (wb: XLSX.WorkBook, names: ReturnType<typeof workbookSheetNames>) => void): Uint8Array {
  const wb = XLSX.read(exportWorkbook([s]), { cellFormula: true, cellNF: true });
  edit(wb, workbookSheetNames([s]));
  return xlsxBytes(wb);
}

/** The Inputs row (1-based) of a path. */
function inputRow(ws: XLSX.WorkSheet, path: string): number {
  const addr = Object.keys(ws).find((a) => !a.startsWith("!") && (ws[a] as XLSX.CellObject).v === path);
  if (!addr) throw new Error(`no row for ${path}`);
  return XLSX.utils.decode_cell(addr).r + 1;
}

const ok = <T>(r: { ok: true; value: T } | { ok: false; errors: unknown[] }): T => {
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r.errors)}`);
  return r.value;
};
const errorsOf = (r: { ok: boolean; errors?: { message: string }[] }) => (r.ok ? [] : r.errors!.map((e) => e.message));

describe("the import summary lists what it applied and what it ignored, and why", () => {
  it("applied: each changed input with its old and new value and its row; unchanged rows are counted", () => {
    const base = fisAsPublished();
    const bytes = edited(base, (wb, n) => {
      const ws = wb.Sheets[n.scenarios[0]!.inputs]!;
      ws[`D${inputRow(ws, RAISE_2026)}`] = { t: "n", v: 0.035 };
    });
    const r = ok(importAssumptions(bytes, "edited.xlsx", base));
    expect(r.applied).toEqual([
      { path: RAISE_2026, label: "FY2026 base salary increase", from: "0.03", to: "0.035", row: expect.any(Number) },
    ]);
    expect(r.unchanged).toBeGreaterThan(40);
    expect(r.ignored).toEqual([]);
    expect(needsConfirmation(r)).toBe(false);
    expect(importSummary(r).join("\n")).toContain("applied: FY2026 base salary increase 0.03 -> 0.035");
  });

  it('a number typed over a Cost Table cell: "ignored: Cost Table C5 is computed; change the inputs instead"', () => {
    const base = fisAsPublished();
    const bytes = edited(base, (wb, n) => {
      wb.Sheets[n.costTable]!.C5 = { t: "n", v: 40000 };
    });
    const r = ok(importAssumptions(bytes, "typed.xlsx", base));
    expect(r.applied).toEqual([]);
    expect(r.ignored).toEqual([
      { sheet: "Cost Table - FIS as published", cell: "C5", reason: "Cost Table C5 is computed; change the inputs instead" },
    ]);
    expect(importSummary(r).join("\n")).toContain("ignored: Cost Table C5 is computed; change the inputs instead");
  });

  it("a formula edited on the Calculation sheet is ignored, saying the formulas are rebuilt from the inputs", () => {
    const base = fisAsPublished();
    const bytes = edited(base, (wb, n) => {
      const calc = wb.Sheets[n.scenarios[0]!.calc]!;
      calc.D5 = { ...calc.D5, f: "items_baseSalary_steps_2025_10_01_amount*1000000" } as XLSX.CellObject;
    });
    const r = ok(importAssumptions(bytes, "formula.xlsx", base));
    expect(r.ignored).toHaveLength(1);
    expect(r.ignored[0]).toMatchObject({ sheet: "Calculation - FIS as published", cell: "D5" });
    expect(r.ignored[0]!.reason).toMatch(/Calculation D5: the formula was edited \(=items_baseSalary.*\); ignored: formulas are rebuilt/);
  });

  it("a count from the calendar typed over is ignored: it comes from the scenario's calendar", () => {
    const base = fisAsPublished();
    const bytes = edited(base, (wb, n) => {
      const ws = wb.Sheets[n.scenarios[0]!.inputs]!;
      const addr = Object.keys(ws).find((a) => String((ws[a] as XLSX.CellObject).v).startsWith("calendar:months.FY2025.CY2025"))!;
      ws[`D${XLSX.utils.decode_cell(addr).r + 1}`] = { t: "n", v: 10 };
    });
    const r = ok(importAssumptions(bytes, "calendar.xlsx", base));
    expect(r.applied).toEqual([]);
    expect(r.ignored).toHaveLength(1);
    expect(r.ignored[0]!.reason).toBe(
      "Months of FY2025 at the CY2025 amount (counted from 2025-01-01) is counted from the calendar (9); 10 was typed and is " +
        "ignored: change the scenario's calendar in the app",
    );
  });
});

describe("a workbook exported from another scenario or method is named as such; the user chooses", () => {
  it("another scenario: the question names both, and nothing is applied until it is answered", () => {
    const base = fisAsPublished();
    const r = ok(importAssumptions(exportWorkbook([contractAsStated()]), "other.xlsx", base));
    expect(r.confirm.otherScenario?.message).toBe(
      '"other.xlsx" was exported from scenario "contract-as-stated", not from "fis-as-published" (FIS as published): its values ' +
        "would be applied to the inputs of the same path; everything else (months, bonus base, lines) stays this scenario's",
    );
    expect(needsConfirmation(r)).toBe(true);
    // Answered: the values apply, and nothing is asked again.
    const yes = ok(importAssumptions(exportWorkbook([contractAsStated()]), "other.xlsx", base, { accept: { otherScenario: true } }));
    expect(needsConfirmation(yes)).toBe(false);
    expect(getInput(yes.scenario, "groups.wtu.averageSalary")!.value).toBe("105272");
  });

  it("another salary method of the same scenario is named too", () => {
    const base = fisAsPublished();
    const bySchedule = { ...fisAsPublished(), settings: { ...base.settings, salaryMethod: "schedule" as const } };
    const r = ok(importAssumptions(exportWorkbook([bySchedule]), "method.xlsx", base));
    expect(r.confirm.otherScenario?.message).toContain('salary method "schedule", not "averageSalary"');
  });
});

describe("refused: formulas that fetch or link, decimal commas", () => {
  for (const [what, f] of [
    ["an external link", "[1]Sheet1!A1"],
    ["another file by path", "'C:\\\\data\\\\[rates.xlsx]Sheet1'!$A$1"],
    ["WEBSERVICE", 'VALUE(WEBSERVICE("https://example.com/raise"))'],
    ["a DDE link", "cmd|' /C calc'!A0"],
    ["IMPORTDATA", 'IMPORTDATA("https://example.com/x.csv")'],
  ] as const)
    it(`a Value cell holding ${what}`, () => {
      const base = fisAsPublished();
      const bytes = edited(base, (wb, n) => {
        const ws = wb.Sheets[n.scenarios[0]!.inputs]!;
        ws[`D${inputRow(ws, RAISE_2026)}`] = { t: "n", f, v: 0.05 };
      });
      const r = importAssumptions(bytes, "fetch.xlsx", base);
      expect(r.ok).toBe(false);
      expect(errorsOf(r)[0]).toMatch(
        /FY2026 base salary increase: the formula .* (links to another (file|program)|fetches data)[^;]*; type the value itself/,
      );
    });

  it("a formula that only computes keeps its cached number, and the summary says so", () => {
    const base = fisAsPublished();
    const bytes = edited(base, (wb, n) => {
      const ws = wb.Sheets[n.scenarios[0]!.inputs]!;
      ws[`D${inputRow(ws, "groups.wtu.members")}`] = { t: "n", f: "5776-200", v: 5576 };
    });
    const r = ok(importAssumptions(bytes, "computed.xlsx", base));
    expect(r.applied).toEqual([expect.objectContaining({ path: "groups.wtu.members", to: "5576", formula: "5776-200" })]);
    expect(importSummary(r).join("\n")).toContain("(from =5776-200)");
  });

  it('"22,270" and "0,025" are refused as ambiguous, with a hint', () => {
    const csv = (v: string) => utf8(`path,value\ngroups.wtu.members,"${v}"\n`);
    expect(errorsOf(importAssumptions(csv("22,270"), "in.csv", fisAsPublished()))).toEqual([
      expect.stringContaining(
        '"22,270" is ambiguous: 22270 with a thousands separator, or 22.27 with a decimal comma; type 22270 or 22.27',
      ),
    ]);
    expect(errorsOf(importAssumptions(csv("0,025"), "in.csv", fisAsPublished()))).toEqual([
      expect.stringContaining('"0,025" has a decimal comma; type 0.025'),
    ]);
    expect(errorsOf(importAssumptions(csv("5,776.5"), "in.csv", fisAsPublished()))).toEqual([]);
    expect(errorsOf(importAssumptions(csv("1,234,567"), "in.csv", fisAsPublished()))).toEqual([]);
  });
});

describe("text cells read as the app reads a typed value (Excel's CSV of a formatted Inputs sheet)", () => {
  const csv = (rows: [string, string][]) => utf8(`path,value\n${rows.map(([p, v]) => `${p},"${v}"`).join("\n")}\n`);
  const applied = (rows: [string, string][]) =>
    ok(importAssumptions(csv(rows), "saved-by-excel.csv", fisAsPublished()))
      .applied.map((a) => [a.path, a.to, a.formula])
      .sort((a, b) => a[0]!.localeCompare(b[0]!));

  it('"3.50%", "$110,000.00", "(0.50%)" and "=3%+0.5%" are the values they show', () => {
    expect(
      applied([
        [RAISE_2026, "3.50%"],
        ["groups.wtu.averageSalary", "$110,000.00"],
        ["items.coveragePremium.growthRate", "(0.50%)"],
        ["items.baseSalary.steps.2026-10-01.amount", "=3%+0.5%"],
        ["items.bonus.earnings", "$596,350,001"],
      ]),
    ).toEqual([
      ["groups.wtu.averageSalary", "110000", undefined],
      [RAISE_2026, "0.035", undefined],
      ["items.baseSalary.steps.2026-10-01.amount", "0.035", "3%+0.5%"],
      ["items.bonus.earnings", "596350001", undefined],
      ["items.coveragePremium.growthRate", "-0.005", undefined],
    ]);
  });

  it("an unchanged value written as Excel formats it counts as unchanged", () => {
    const r = ok(
      importAssumptions(
        csv([
          [RAISE_2026, "3.00%"],
          ["items.bonus.earnings", "$596,350,000"],
        ]),
        "same.csv",
        fisAsPublished(),
      ),
    );
    expect(r.applied).toEqual([]);
    expect(r.unchanged).toBe(2);
  });

  it("a sign of the wrong unit, or text, is refused naming the unit the input takes", () => {
    const errs = (v: string, path = RAISE_2026) => errorsOf(importAssumptions(csv([[path, v]]), "in.csv", fisAsPublished()));
    expect(errs("$5")).toEqual([expect.stringContaining('"$5" is in dollars, but this input is a rate (type 3% or 0.03)')]);
    expect(errs("5%", "groups.wtu.members")).toEqual([
      expect.stringContaining('"5%" is a percentage, but this input is a number of members'),
    ]);
    expect(errs("three percent")).toEqual([
      'FY2026 base salary increase: "three percent" is not a number; this input is a rate (type 3% or 0.03)',
    ]);
    // A comma that reads two ways stays refused, with or without a unit around it.
    expect(errs("22,270", "groups.wtu.members")[0]).toContain("is ambiguous");
    expect(errs("=1/3")[0]).toMatch(/^FY2026 base salary increase: "=1\/3": /);
  });
});

describe("values far from their baseline are flagged for confirmation", () => {
  it("more than 10x or less than 0.1x: listed with the ratio, applied only when confirmed", () => {
    const base = fisAsPublished();
    const csv = utf8("path,value\ngroups.wtu.members,57760.1\nitems.coveragePremium.hourlyRate,5.9\nitems.bonus.rate,0.05\n");
    const r = ok(importAssumptions(csv, "far.csv", base));
    expect(r.confirm.outliers.map((o) => [o.path, o.baseline, o.value])).toEqual([
      ["groups.wtu.members", "5776", "57760.1"],
      ["items.coveragePremium.hourlyRate", "60", "5.9"],
    ]);
    expect(needsConfirmation(r)).toBe(true);
    expect(importSummary(r).join("\n")).toContain("Active members 57760.1 is more than 10 times its baseline 5776");
    const yes = ok(importAssumptions(csv, "far.csv", base, { accept: { outliers: true } }));
    expect(needsConfirmation(yes)).toBe(false);
    expect(yes.applied).toHaveLength(3);
  });

  // An audit: from a baseline of 0 nothing was asked; a raise of 1 (100%) and 1e9 family enrolments were applied.
  it("from a baseline of 0: a rate of 100% or more, and more enrolled members than the groups have, are flagged too", () => {
    const base = setInputValue(fisAsPublished(), "items.baseSalary.steps.2027-10-01.amount", "0");
    const csv = utf8("path,value\nitems.baseSalary.steps.2027-10-01.amount,1\nitems.dentalFamily.headcount,1000000\n");
    const r = ok(importAssumptions(csv, "zero.csv", base));
    expect(r.confirm.outliers.map((o) => o.message)).toEqual([
      "FY2028 base salary increase 1 is 100%, from 0% (write 1% as 0.01) (row 2)",
      "Members enrolled at the family dental rate 1000000 is more than the 5776 members of the scenario's groups (row 3)",
    ]);
    // 1% from 0%, and every member enrolled, are not asked about.
    const fine = ok(
      importAssumptions(
        utf8("path,value\nitems.baseSalary.steps.2027-10-01.amount,0.01\nitems.dentalFamily.headcount,5776\n"),
        "fine.csv",
        base,
      ),
    );
    expect(needsConfirmation(fine)).toBe(false);
  });
});

describe.skipIf(!soffice)("a workbook saved by LibreOffice imports with nothing ignored and nothing else to say", () => {
  it("both salary methods, after LibreOffice recalculated and saved them", () => {
    const scenarios = [
      fisAsPublished(),
      { ...fisAsPublished(), settings: { ...fisAsPublished().settings, salaryMethod: "schedule" as const } },
    ];
    const saved = libreOfficeSave(
      soffice!,
      scenarios.map((s) => exportWorkbook([s])),
    );
    saved.forEach((bytes, i) => {
      const r = ok(importAssumptions(bytes, "saved-by-libreoffice.xlsx", scenarios[i]!));
      expect([r.applied, r.ignored, r.notes], scenarios[i]!.settings.salaryMethod).toEqual([[], [], []]);
    });
    // An edit made there is applied, and only it.
    const names = workbookSheetNames([scenarios[0]!]);
    const row = inputRow(XLSX.read(saved[0]!).Sheets[names.scenarios[0]!.inputs]!, RAISE_2026);
    const [edited] = libreOfficeSave(soffice!, [
      setCellNumber(exportWorkbook([scenarios[0]!]), names.scenarios[0]!.inputs, `D${row}`, 0.035),
    ]);
    const r = ok(importAssumptions(edited!, "edited-in-libreoffice.xlsx", scenarios[0]!));
    expect(r.applied.map((a) => [a.path, a.to])).toEqual([[RAISE_2026, "0.035"]]);
    expect(r.ignored).toEqual([]);
  }, 600_000);
});
