/**
 * The salary schedule sheets of a schedule-method export and the Census x Schedule block: every
 * schedule cell read back exactly, N/A cells blank, P0 recomputed from the lookups by HyperFormula
 * and LibreOffice equal to the engine's basePayroll, and imports that ignore the new sheets.
 */
import { describe, expect, it } from "vitest";
import * as XLSX from "xlsx";
import { contractAsStated, fisAsPublished } from "../../model/built-ins";
import { assertCensus, Decimal, defaultScheduleCostSettings, getInput, type Scenario } from "../../model/engine";
import { importAssumptions } from "../../model/io/assumptions-import";
import { importCensus } from "../../model/io/census-import";
import { exportWorkbook, workbookSheetNames } from "../../model/io/xlsx-export";
import {
  loadSchedules,
  referenceCensus,
  scheduleMethodCost,
  syntheticCensus,
  type Census,
  type SalarySchedule,
} from "../../model/engine/schedule";
import { cellValue, findSoffice, hyperFormulaRecalc, libreOfficeRecalc, poisonCachedValues } from "./recalc-engines";
import { multiGroupScenario, scheduleLoadingsScenario } from "./scenarios";

const soffice = findSoffice();
const bySchedule = (s: Scenario): Scenario => ({ ...s, settings: { ...s.settings, salaryMethod: "schedule" } });
const DC_CALENDAR = fisAsPublished().calendar;
const SCHEDULE_SHEETS = ["Schedules ET-15", "Schedules EG-09"];

/** Row (0-based) of the first cell in column A equal to `value`, at or after `from`. */
function rowOf(ws: XLSX.WorkSheet, value: string, from = 0): number {
  const last = XLSX.utils.decode_range(ws["!ref"]!).e.r;
  for (let r = from; r <= last; r++) if (ws[XLSX.utils.encode_cell({ r, c: 0 })]?.v === value) return r;
  throw new Error(`no "${value}" in column A`);
}

/** The engine's P0 for a census: what the Census x Schedule block must recompute to. */
const engineP0 = (census: Census, schedules?: SalarySchedule[]) =>
  scheduleMethodCost(census, [], defaultScheduleCostSettings(DC_CALENDAR), schedules).basePayroll.value;

/** Address (column C) of a Census x Schedule row on a Calculation sheet. */
function calcCell(bytes: Uint8Array, calcName: string, id: string): string {
  return `C${rowOf(XLSX.read(bytes).Sheets[calcName]!, id) + 1}`;
}

describe("schedule sheets: every schedule of loadSchedules(), exactly", () => {
  it(
    "one block per schedule x fiscal year: header, months, effective date, source; lanes x steps as whole-dollar number cells, N/A " +
      "blank",
    () => {
      const wb = XLSX.read(exportWorkbook([bySchedule(fisAsPublished())]), { cellNF: true });
      const schedules = loadSchedules();
      expect(schedules).toHaveLength(20);
      let amounts = 0;
      let blanks = 0;
      for (const s of schedules) {
        const ws = wb.Sheets[`Schedules ${s.family}`]!;
        expect(ws, s.id).toBeDefined();
        const at = (r: number, c: number) => ws[XLSX.utils.encode_cell({ r, c })] as XLSX.CellObject | undefined;
        const top = rowOf(ws, s.id);
        expect(at(top, 1)?.v).toBe(s.heading);
        expect([at(top + 1, 0)?.v, at(top + 1, 1)?.v]).toEqual(["Months", s.months]);
        expect([at(top + 2, 0)?.v, at(top + 2, 1)?.v]).toEqual(["Effective", s.effective]);
        const source = String(at(top + 4, 1)?.v);
        expect(source).toContain(`lines ${s.source.lines[0]}-${s.source.lines[1]}`);
        if (s.fiscalYear === 2024) {
          expect(at(top + 4, 0)?.v).toBe("Derived");
          expect(source).toContain("FY2025 cell / 1.02, rounded to the dollar half-up");
          expect(at(top + 3, 1)?.v).toBe("none (derived table)");
        } else {
          expect(at(top + 4, 0)?.v).toBe("Source");
          expect(source).toContain(`lines ${s.source.lines[0]}-${s.source.lines[1]}`); // the printed lines, not the source file's name
          if (s.adjustment !== null) expect(at(top + 3, 1)).toMatchObject({ t: "n", v: Number(s.adjustment), z: "0.0%" });
        }
        const header = rowOf(ws, "Lane", top);
        expect(header - top).toBe(5 + (s.notes?.length ?? 0));
        expect(s.steps.map((_, j) => at(header, 1 + j)?.v)).toEqual(s.steps);
        s.lanes.forEach((lane, i) => {
          expect(at(header + 1 + i, 0)?.v).toBe(lane);
          s.cells[lane]!.forEach((amount, j) => {
            const cell = at(header + 1 + i, 1 + j);
            if (amount === null) {
              expect(cell, `${s.id} ${lane} ${s.steps[j]} is blank`).toBeUndefined();
              blanks++;
            } else {
              expect(cell?.t).toBe("n");
              // Whole dollars: the double prints back as the exact decimal string.
              expect(String(cell?.v), `${s.id} ${lane} ${s.steps[j]}`).toBe(amount);
              expect(cell?.z).toBe("#,##0");
              amounts++;
            }
          });
        });
        // Nothing after the last step column on a lane row.
        expect(at(header + 1, 1 + s.steps.length)).toBeUndefined();
        if (s.lanes.some((l) => s.cells[l]!.includes(null))) expect(String(at(header + 1 + s.lanes.length, 0)?.v)).toBe("Blank = N/A");
      }
      const total = schedules.reduce((n, s) => n + s.lanes.reduce((m, l) => m + s.cells[l]!.length, 0), 0);
      expect(amounts + blanks).toBe(total);
      expect(blanks).toBeGreaterThan(0);
      // ET-15: 15 tables x (5 lanes x 16 columns - 6 N/A); EG-09: 5 tables x 13.
      expect([amounts, blanks]).toEqual([15 * 74 + 5 * 13, 15 * 6]);
      const cols = XLSX.read(exportWorkbook([bySchedule(fisAsPublished())]), { cellStyles: true }).Sheets["Schedules ET-15"]!["!cols"]!;
      expect(cols.map((c) => Math.round(c.wch ?? 0))).toEqual([24, ...Array.from({ length: 16 }, () => 11)]);
    },
  );

  it("only a schedule-method scenario adds them; an average-salary workbook's sheet list is unchanged", () => {
    expect(XLSX.read(exportWorkbook([fisAsPublished()])).SheetNames).toEqual([
      "Cost Table - FIS as published",
      "Inputs - FIS as published",
      "Calculation - FIS as published",
      "Notes - FIS as published",
    ]);
    expect(XLSX.read(exportWorkbook([fisAsPublished(), contractAsStated(), multiGroupScenario()])).SheetNames).toEqual([
      "Cost Table - comparison",
      "Inputs - FIS as published",
      "Calculation - FIS as published",
      "Inputs - Contract terms as sta\u2026",
      "Calculation - Contract terms a\u2026",
      "Inputs - Two groups, flat mid-\u2026",
      "Calculation - Two groups, flat\u2026",
      "Notes - comparison",
    ]);
    const schedule = bySchedule(fisAsPublished());
    expect(XLSX.read(exportWorkbook([schedule])).SheetNames).toEqual([
      "Cost Table - FIS as published",
      "Inputs - FIS as published",
      "Calculation - FIS as published",
      "Projection - FIS as published",
      "Census - FIS as published",
      ...SCHEDULE_SHEETS,
      "Notes - FIS as published",
    ]);
    // The Notes sheet says the schedule-method rows are live, and where.
    const notes = (bytes: Uint8Array) => {
      const wb = XLSX.read(bytes);
      return XLSX.utils.sheet_to_csv(wb.Sheets[wb.SheetNames[wb.SheetNames.length - 1]!]!);
    };
    expect(notes(exportWorkbook([schedule]))).toMatch(
      new RegExp(
        '"Raise, step and turnover rows",live,,"Projection - FIS as published moves the census[\\s\\S]*' +
          "FY2024 payroll P0 \\(Calculation - FIS as published census:P0\\),live",
      ),
    );
    expect(notes(exportWorkbook([fisAsPublished()]))).not.toContain("Schedule method");
    // Written once however many scenarios use them.
    const three = [schedule, { ...fisAsPublished(), name: "Average salary" }, scheduleLoadingsScenario()];
    expect(XLSX.read(exportWorkbook(three)).SheetNames).toEqual([
      "Cost Table - comparison",
      "Inputs - FIS as published",
      "Calculation - FIS as published",
      "Projection - FIS as published",
      "Census - FIS as published",
      "Inputs - Average salary",
      "Calculation - Average salary",
      "Inputs - Schedule method, two\u2026",
      "Calculation - Schedule method,\u2026",
      "Projection - Schedule method,\u2026",
      "Census - Schedule method, two\u2026",
      ...SCHEDULE_SHEETS,
      "Notes - comparison",
    ]);
  });
});

describe("imports ignore the schedule sheets", () => {
  it("a schedule-method export round-trips through importAssumptions and importCensus", () => {
    for (const s of [bySchedule(fisAsPublished()), scheduleLoadingsScenario()]) {
      const bytes = exportWorkbook([s]);
      const a = importAssumptions(bytes, "schedule.xlsx", s);
      expect(a.ok && a.value.scenario).toEqual(s);
      expect(a.ok && [a.value.applied, a.value.ignored, a.value.notes]).toEqual([[], [], []]);
      const c = importCensus(bytes, "schedule.xlsx", { label: "back" });
      expect(c.ok).toBe(true);
      if (!c.ok) return;
      const ref = referenceCensus();
      expect(c.value.asOfFiscalYear).toBe(ref.asOfFiscalYear);
      const key = (x: Census["cells"][number]) => [x.schedule, x.lane, x.step, x.yearsOfService ?? "", x.headcount.toString()].join("|");
      expect(c.value.cells.map(key)).toEqual(ref.cells.map(key));
    }
  });

  it("an edit on the Inputs sheet of a schedule-method export still imports as a user edit", () => {
    const s = bySchedule(fisAsPublished());
    const wb = XLSX.read(exportWorkbook([s]), { cellFormula: true });
    const inputs = wb.Sheets[workbookSheetNames([s]).scenarios[0]!.inputs]!;
    const addr = Object.keys(inputs).find((k) => inputs[k]?.v === "groups.wtu.members")!;
    inputs[`D${XLSX.utils.decode_cell(addr).r + 1}`] = { t: "n", v: 5800 };
    const r = importAssumptions(new Uint8Array(XLSX.write(wb, { type: "array", bookType: "xlsx" }) as ArrayBuffer), "edited.xlsx", s);
    expect(r.ok && getInput(r.value.scenario, "groups.wtu.members")).toMatchObject({ value: "5800", source: { kind: "user" } });
  });
});

describe("Census x Schedule: P0 from lookups into the schedule sheets", () => {
  it(
    "HyperFormula recomputes P0 = SUMPRODUCT(headcount, looked-up salary) to the engine's basePayroll, and it follows edits of a " +
      "schedule amount and a headcount",
    () => {
      const census = referenceCensus();
      const p0 = engineP0(census);
      expect(p0.toString()).toBe("608048184");
      const { calc: CALC, census: CENSUS } = workbookSheetNames([bySchedule(fisAsPublished())]).scenarios[0]!;
      const bytes = poisonCachedValues(exportWorkbook([bySchedule(fisAsPublished())]));
      const hf = hyperFormulaRecalc(bytes);
      expect(hf.value(CALC, calcCell(bytes, CALC, "census:P0"))).toBe(608048184);
      expect(hf.value(CALC, calcCell(bytes, CALC, "census:P0.engine"))).toBe(608048184);
      expect(hf.value(CALC, calcCell(bytes, CALC, "census:P0.check"))).toBe(0);
      expect(hf.value(CALC, calcCell(bytes, CALC, "census:members"))).toBe(5776);

      // Raise FY2024 ET15-10M Masters+30 "12-15" by $1,000 on the sheet and in a copy of the schedules: P0 moves the same.
      const ws = XLSX.read(bytes).Sheets["Schedules ET-15"]!;
      const header = rowOf(ws, "Lane", rowOf(ws, "ET15-10M-FY2024"));
      const laneRow = header + 1 + 3;
      expect(ws[XLSX.utils.encode_cell({ r: laneRow, c: 0 })]?.v).toBe("Masters+30");
      const col = 1 + 11;
      expect(ws[XLSX.utils.encode_cell({ r: header, c: col })]?.v).toBe("12-15");
      const addr = XLSX.utils.encode_cell({ r: laneRow, c: col });
      hf.set("Schedules ET-15", addr, Number(ws[addr]!.v) + 1000);
      const edited = structuredClone(loadSchedules()) as SalarySchedule[];
      const target = edited.find((s) => s.id === "ET15-10M-FY2024")!;
      target.cells["Masters+30"]![11] = String(Number(target.cells["Masters+30"]![11]) + 1000);
      const moved = engineP0(census, edited);
      expect(moved.minus(p0).greaterThan(0)).toBe(true);
      expect(hf.value(CALC, calcCell(bytes, CALC, "census:P0"))).toBe(moved.toNumber());

      // A headcount edit on the Census sheet moves P0 by headcount x salary.
      const c = XLSX.read(bytes).Sheets[CENSUS!]!;
      const first = rowOf(c, "ET15-10M");
      hf.set(CENSUS!, `E${first + 1}`, Number(c[`E${first + 1}`]!.v) + 10);
      const more: Census = { ...census, cells: census.cells.map((x, i) => (i === 0 ? { ...x, headcount: x.headcount.plus(10) } : x)) };
      expect(hf.value(CALC, calcCell(bytes, CALC, "census:P0"))).toBe(engineP0(more, edited).toNumber());
    },
  );

  it("generic: a synthetic census passed in ComputeOptions, in the second block of a comparison, prices to its own P0", () => {
    const census = assertCensus(syntheticCensus(3000, 7));
    const p0 = engineP0(census);
    const pair = [fisAsPublished(), bySchedule(contractAsStated())];
    const bytes = poisonCachedValues(exportWorkbook(pair, { computeOptions: { scheduleMethod: { census } } }));
    const CALC = workbookSheetNames(pair).scenarios[1]!.calc;
    const hf = hyperFormulaRecalc(bytes);
    const got = hf.value(CALC, calcCell(bytes, CALC, "census:P0"));
    expect(new Decimal(String(got)).equals(p0), `${String(got)} vs ${p0.toString()}`).toBe(true);
    expect(hf.value(CALC, calcCell(bytes, CALC, "census:P0.check"))).toBe(0);
    expect(p0.equals(engineP0(referenceCensus()))).toBe(false);
  });

  it.skipIf(!soffice)("LibreOffice recomputes P0 from the lookups to the engine's basePayroll", () => {
    const pair = [bySchedule(fisAsPublished()), scheduleLoadingsScenario()];
    const names = workbookSheetNames(pair).scenarios;
    const bytes = poisonCachedValues(exportWorkbook(pair));
    const wb = libreOfficeRecalc(soffice!, bytes);
    for (const calc of names.map((n) => n.calc)) {
      expect(cellValue(wb, calc, calcCell(bytes, calc, "census:P0")), calc).toBe(608048184);
      expect(cellValue(wb, calc, calcCell(bytes, calc, "census:P0.check")), calc).toBe(0);
      expect(cellValue(wb, calc, calcCell(bytes, calc, "census:members")), calc).toBe(5776);
    }
    // Every looked-up salary, not only their sum.
    const census = wb.Sheets[names[1]!.census!]!;
    const expected = XLSX.read(exportWorkbook([bySchedule(fisAsPublished())])).Sheets[names[0]!.census!]!;
    const last = XLSX.utils.decode_range(expected["!ref"]!).e.r;
    for (let r = 3; r <= last; r++) expect(census[`G${r + 1}`]?.v, `G${r + 1}`).toBe(expected[`G${r + 1}`]?.v);
  });
});
