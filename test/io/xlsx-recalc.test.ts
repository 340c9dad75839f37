/**
 * The exported workbook recomputed by engines independent of this project. Every formula cell's cached
 * value is first overwritten with -999999, so a number that matches the engine can only come
 * from the reader evaluating the exported formulas over the Inputs sheet.
 */
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as XLSX from "xlsx";
import { contractAsStated, fisAsPublished } from "../../model/built-ins";
import {
  computeTable,
  Decimal,
  fiscalYearEndExclusive,
  listInputs,
  parseScenarioJson,
  setInputValue,
  type Scenario,
  type TableResult,
} from "../../model/engine";
import { exportWorkbook } from "../../model/io/xlsx-export";
import { cellValue, findSoffice, hyperFormulaRecalc, libreOfficeRecalc, poisonCachedValues } from "./recalc-engines";
import { fundSplit } from "../../model/engine/analysis";
import { averageGroup, floorScenario, minimumStep, percentStep, teachers } from "../fixtures/raise-floor-scenario";
import {
  beforeAgreementScenario,
  editedFy2026Raise,
  groupLoadingsScenario,
  headcountOnlyPaymentScenario,
  multiGroupScenario,
  perMemberOneTimeScenario,
  scheduleLoadingsScenario,
  wvPaidHolidayScenario,
} from "./scenarios";

const soffice = findSoffice();
if (!soffice)
  console.warn(
    "xlsx-recalc: soffice (LibreOffice) not found on PATH; the LibreOffice recomputation tests are SKIPPED (CI installs libreoffice-calc).",
  );

/** The Cost Table sheet (always the first) and the Calculation sheet of a scenario block, by their names in the file. */
const costTableOf = (bytes: Uint8Array) => XLSX.read(bytes, { sheets: 0 }).SheetNames[0]!;
const calcSheet = (bytes: Uint8Array, block: number) => XLSX.read(bytes).SheetNames.filter((n) => n.startsWith("Calculation"))[block]!;
const inputsSheet = (bytes: Uint8Array, block: number) => XLSX.read(bytes).SheetNames.filter((n) => n.startsWith("Inputs"))[block]!;

/** Where each line's display cells and unrounded dollar cells sit, read from the exported file itself. */
interface Layout {
  costTableName: string;
  calcName: string;
  costTable: Map<string, Record<string, string>>;
  calc: Map<string, Record<string, string>>;
  /** Cost item rows of the Calculation sheet ("item:<id>"), fiscal-year and total cells. */
  items: Map<string, Record<string, string>>;
  /** Fund split rows ("fund:<id>"). */
  funds: Map<string, Record<string, string>>;
}

function layout(bytes: Uint8Array, result: TableResult, block: number): Layout {
  const wb = XLSX.read(bytes);
  const costTableName = wb.SheetNames[0]!;
  const ct = wb.Sheets[costTableName]!;
  const calcName = wb.SheetNames.filter((n) => n.startsWith("Calculation"))[block]!;
  const calc = wb.Sheets[calcName]!;
  const width = result.columns.length + 2;
  const c0 = block * width;
  const costTable = new Map<string, Record<string, string>>();
  const calcCells = new Map<string, Record<string, string>>();
  const items = new Map<string, Record<string, string>>();
  const funds = new Map<string, Record<string, string>>();
  result.lines.forEach((line, i) => {
    const r = 5 + i;
    expect(ct[XLSX.utils.encode_cell({ r: r - 1, c: c0 })]?.v).toBe(line.label);
    costTable.set(line.id, Object.fromEntries(result.columns.map((col, j) => [col, XLSX.utils.encode_cell({ r: r - 1, c: c0 + 1 + j })])));
  });
  const range = XLSX.utils.decode_range(calc["!ref"]!);
  for (let r = 0; r <= range.e.r; r++) {
    const id = calc[XLSX.utils.encode_cell({ r, c: 0 })]?.v;
    if (typeof id !== "string") continue;
    const cells = Object.fromEntries(result.columns.map((col, j) => [col, XLSX.utils.encode_cell({ r, c: 2 + j })]));
    if (id.startsWith("line:")) calcCells.set(id.slice(5), cells);
    if (id.startsWith("item:")) items.set(id.slice(5), cells);
    if (id.startsWith("fund:")) funds.set(id.slice(5), cells);
  }
  return { costTableName, calcName, costTable, calc: calcCells, items, funds };
}

type Reader = (sheet: string, addr: string) => unknown;

function expectWithinCent(read: Reader, calcName: string, addr: string, engine: Decimal, what: string): void {
  const dollars = read(calcName, addr);
  expect(typeof dollars, `${what} dollars`).toBe("number");
  const diff = new Decimal(String(dollars)).minus(engine).abs();
  expect(diff.lessThanOrEqualTo("0.01"), `${what}: spreadsheet ${dollars} vs engine ${engine.toFixed(4)}`).toBe(true);
}

/** How many cells expectMatchesEngine compares: each line's $K and dollars, each item's and fund's dollars. */
const cellsCompared = (result: TableResult, scenario: Scenario) =>
  result.columns.length * (result.lines.length * 2 + result.items.length + (scenario.funds?.length ? scenario.funds.length + 1 : 0));

/**
 * Every display cell equal in $K; every unrounded dollar cell of the Calculation sheet (lines,
 * cost items, fund split) within one cent; returns how many cells were compared.
 */
function expectMatchesEngine(read: Reader, lay: Layout, result: TableResult, scenario?: Scenario): number {
  let compared = 0;
  const calcName = lay.calcName;
  expect([...lay.items.keys()].sort(), "item rows").toEqual(result.items.map((i) => i.id).sort());
  for (const item of result.items) {
    for (const col of result.columns) {
      // The Total the sheet sums is the sum of the fiscal years, written out here rather than taken from the engine's Total.
      const years = Object.keys(item.cells).filter((c) => c.startsWith("FY"));
      const engine = col === "Total" ? years.reduce((a, c) => a.plus(item.cells[c]!.exact), new Decimal(0)) : item.cells[col]!.exact;
      expectWithinCent(read, calcName, lay.items.get(item.id)![col]!, engine, `item ${item.id}.${col}`);
      compared++;
    }
  }
  if (scenario?.funds?.length) {
    const portions = fundSplit(scenario, result);
    expect([...lay.funds.keys()], "fund rows").toEqual([...scenario.funds.map((f) => f.id), "unassigned"]);
    for (const [id, cells] of lay.funds) {
      for (const col of result.columns) {
        expectWithinCent(read, calcName, cells[col]!, portions.find((p) => p.id === id)?.cells[col] ?? new Decimal(0), `fund ${id}.${col}`);
        compared++;
      }
    }
  }
  for (const line of result.lines) {
    for (const col of result.columns) {
      const cell = line.cells[col]!;
      const shown = read(lay.costTableName, lay.costTable.get(line.id)![col]!);
      expect(typeof shown, `${line.id}.${col} display`).toBe("number");
      // + 0 turns the engine's -0 (minus a zero funding amount) into the 0 a spreadsheet shows.
      expect(shown, `${line.id}.${col} $K`).toBe(cell.display.toNumber() + 0);
      expectWithinCent(read, calcName, lay.calc.get(line.id)![col]!, cell.exact, `${line.id}.${col}`);
      compared += 2;
    }
  }
  return compared;
}

const bySchedule = (s: Scenario): Scenario => ({ ...s, settings: { ...s.settings, salaryMethod: "schedule" } });

const cases: [string, () => Scenario][] = [
  ["FIS as published", fisAsPublished],
  ["Contract terms as stated", contractAsStated],
  ["FIS as published with the FY2026 raise at 4%", editedFy2026Raise],
  ["two groups, flat mid-year raise, truncation", multiGroupScenario],
  ["rates of pay limited to groups: FICA 7.65% for aides, pension from FY2027 for teachers", groupLoadingsScenario],
  ["one-time pay per member: $1,500 ratification, 2% + $250 aides bonus; three fund shares", perMemberOneTimeScenario],
  ["one-time pay, flat ($1,200 per member), on a group stating only its headcount", headcountOnlyPaymentScenario],
  ["schedule method (FIS as published): Steps and Turnover lines", () => bySchedule(fisAsPublished())],
  ["schedule method, two groups, FICA on the aides' payroll share of raise, steps and turnover", scheduleLoadingsScenario],
];

/**
 * Minimum salary steps (MAX(salary, minimum) over the Inputs sheet), for LibreOffice; their
 * HyperFormula runs are in raise-floor-workbook.test.ts.
 */
const minimumCases: [string, () => Scenario][] = [
  [
    "a minimum salary of $40,000 on positions (10 at $35,000, 5 at $45,000), then 2%",
    () => floorScenario([teachers], [minimumStep(2025, "40000"), percentStep(2026, "0.02")]),
  ],
  [
    "a minimum salary mid-year on an average salary, then 2%",
    () => floorScenario([averageGroup("97", "38123.45")], [minimumStep(2025, "40000", "2025-01-15"), percentStep(2026, "0.02")]),
  ],
];

/** Items the sheet writes as formulas: every one, the schedule method's raise, step and turnover parts included. */
function expectFormulasForEveryItem(bytes: Uint8Array, scenario: Scenario, result: TableResult): void {
  const calc = XLSX.read(bytes, { cellFormula: true }).Sheets[calcSheet(bytes, 0)]!;
  const range = XLSX.utils.decode_range(calc["!ref"]!);
  let rows = 0;
  for (let r = 0; r <= range.e.r; r++) {
    const id = calc[XLSX.utils.encode_cell({ r, c: 0 })]?.v;
    if (typeof id !== "string" || !id.startsWith("item:")) continue;
    expect(
      result.items.some((i) => i.id === id.slice(5)),
      id,
    ).toBe(true);
    rows++;
    result.columns.forEach((_, j) =>
      expect(calc[XLSX.utils.encode_cell({ r, c: 2 + j })]?.f, `${id} column ${j} is a formula`).toBeTruthy(),
    );
  }
  expect(rows).toBeGreaterThan(0);
}

/**
 * The row set, read from the file alone: each Cost Table row's formula points at a Calculation row
 * whose id says which line it is; TOTAL COST sums exactly the cost lines; each cost line sums
 * exactly its items. Returns the Cost Table's line ids in order.
 */
function exportedStructure(
  bytes: Uint8Array,
  block: number,
  width: number,
): { rows: string[]; totalOf: string[]; itemsOf: Map<string, string[]> } {
  const wb = XLSX.read(bytes, { cellFormula: true });
  const ct = wb.Sheets[costTableOf(bytes)]!;
  const calc = wb.Sheets[calcSheet(bytes, block)]!;
  const idAt = (row: number) => String(calc[`A${row}`]?.v ?? "");
  const refRows = (f: string) => [...f.matchAll(/(?<![A-Za-z_])[A-Z]{1,3}(\d+)(?![\d(])/g)].map((m) => Number(m[1]));
  const rows: string[] = [];
  for (let r = 4; ; r++) {
    const label = ct[XLSX.utils.encode_cell({ r, c: block * width })];
    if (!label) break;
    const f = String(ct[XLSX.utils.encode_cell({ r, c: block * width + 1 })]?.f ?? "");
    const m = /!C(\d+)\b/.exec(f);
    expect(m, `Cost Table row ${r + 1} refers to a Calculation cell`).not.toBeNull();
    rows.push(idAt(Number(m![1])).replace(/^line:/, ""));
  }
  const rowOf = (id: string) => {
    for (let r = 1; r < 10_000; r++) if (idAt(r) === id) return r;
    throw new Error(`no row ${id}`);
  };
  const idsIn = (row: number) => refRows(String(calc[`C${row}`]?.f ?? "")).map(idAt);
  const totalOf = idsIn(rowOf("line:totalCost")).map((id) => id.replace(/^line:/, ""));
  const itemsOf = new Map(rows.map((id) => [id, idsIn(rowOf(`line:${id}`)).map((x) => x.replace(/^item:/, ""))]));
  return { rows, totalOf, itemsOf };
}

describe("guard: the exported Cost Table has exactly computeTable's rows, and its totals sum exactly the cost lines", () => {
  const all: [string, () => Scenario][] = [
    ...cases,
    ["schedule method (contract as stated)", () => bySchedule(contractAsStated())],
    [
      "schedule method with group loadings",
      () => bySchedule({ ...groupLoadingsScenario(), items: groupLoadingsScenario().items.filter((i) => i.id !== "aidesStipend") }),
    ],
  ];
  for (const [name, make] of all) {
    it(name, () => {
      const scenario = make();
      const result = computeTable(scenario);
      const got = exportedStructure(exportWorkbook([scenario], { cachedValues: "none" }), 0, result.columns.length + 2);
      expect(got.rows).toEqual(result.lines.map((l) => l.id));
      const cost = result.lines.filter((l) => l.kind === "cost").map((l) => l.id);
      expect(got.totalOf).toEqual(cost);
      for (const id of cost)
        expect([...got.itemsOf.get(id)!].sort(), `items on ${id}`).toEqual(
          result.items
            .filter((i) => i.line === id)
            .map((i) => i.id)
            .sort(),
        );
    });
  }

  it("in a comparison workbook, each block has its own scenario's rows (schedule method next to average salary)", () => {
    const a = fisAsPublished();
    const b = bySchedule(fisAsPublished());
    const bytes = exportWorkbook([a, b], { cachedValues: "none" });
    const width = computeTable(a).columns.length + 2;
    expect(exportedStructure(bytes, 0, width).rows).toEqual(computeTable(a).lines.map((l) => l.id));
    expect(exportedStructure(bytes, 1, width).rows).toEqual(computeTable(b).lines.map((l) => l.id));
  });
});

describe("HyperFormula recomputes the exported workbook from its formulas", () => {
  for (const [name, make] of cases) {
    it(name, () => {
      const scenario = make();
      const result = computeTable(scenario);
      const bytes = poisonCachedValues(exportWorkbook([scenario]));
      const hf = hyperFormulaRecalc(bytes);
      expect(expectMatchesEngine(hf.value, layout(bytes, result, 0), result, scenario)).toBe(cellsCompared(result, scenario));
      if (name.startsWith("rates of pay") || name.startsWith("one-time pay") || name.startsWith("schedule method"))
        expectFormulasForEveryItem(bytes, scenario, result);
    });
  }

  it("schedule method: the raise, step and turnover rows are formulas over the Projection sheet, and all that depends on them", () => {
    const scenario = bySchedule(fisAsPublished());
    const result = computeTable(scenario);
    expect(result.lines.map((l) => l.id)).toContain("baseSalaryIncreasesSteps");
    const bytes = poisonCachedValues(exportWorkbook([scenario]));
    const calc = XLSX.read(bytes, { cellFormula: true }).Sheets[calcSheet(bytes, 0)]!;
    const row = (id: string) =>
      Object.keys(calc)
        .find((a) => calc[a]?.v === id)!
        .replace(/^A/, "");
    for (const id of ["item:baseSalary", "item:baseSalary.steps", "item:baseSalary.turnover"]) {
      expect(calc[`C${row(id)}`]!.f, id).toMatch(/^'Projection - FIS as published'!C\d+$/);
      expect(String(calc[`H${row(id)}`]!.v)).toContain("on the Projection sheet");
    }
    expect(calc[`C${row("item:medicare")}`]!.f).toMatch(/^items_medicare_rate\*\(C\d+\+C\d+\+C\d+\)$/);
    const hf = hyperFormulaRecalc(bytes);
    expect(expectMatchesEngine(hf.value, layout(bytes, result, 0), result, scenario)).toBe(cellsCompared(result, scenario));
  });

  it(
    "property: random features (group-limited rates, per-member one-time amounts, fund shares, the schedule method), any edit of the " +
      "inputs, either rounding rule, either proration, recompute to the engine's table",
    () => {
      /** Decimal strings built from integers, so no float ever makes an input. */
      const scaled = (n: number, places: number) => new Decimal(n).div(new Decimal(10).pow(places)).toString();
      // Realistic magnitudes (a double holds cents exactly only up to ~$10^13, which no agreement reaches).
      const maxByUnit: Record<string, [number, number]> = {
        rate: [1000, 4],
        share: [10000, 4],
        members: [50000, 0],
        count: [50000, 0],
        hours: [40, 0],
        "USD/hour": [50000, 2],
        "USD/month": [500000, 2],
        "USD/pay period": [500000, 2],
        "USD/year": [50_000_000, 2],
        USD: [100_000_000_000, 2],
      };
      const perMemberMax = 10_000_000; // $100,000.00 a head: x 50,000 members stays well inside a double's cents
      const valueFor = (path: string, unit: string) => {
        const [max, places] = path.endsWith(".amountPerMember") ? [perMemberMax, 2] : (maxByUnit[unit] ?? [1000, 0]);
        return fc.integer({ min: 0, max }).map((n) => scaled(n, places));
      };
      const param = (value: string, label: string) => ({ value, label, source: { kind: "assumed" as const, ref: "property" } });

      /** Switches each feature on or off at random on a copy of the base scenario. */
      const withFeatures = (s: Scenario) => {
        const groupIds = s.groups.map((g) => g.id);
        const payRates = s.items.filter((i) => i.kind === "payRate").map((i) => i.id);
        const oneTimes = s.items.filter((i) => i.kind === "oneTime").map((i) => i.id);
        const percentOnly = s.items.every((i) => i.kind !== "raises" || i.steps.every((st) => st.type === "percent"));
        return fc
          .record({
            limits: fc.tuple(...payRates.map(() => fc.option(fc.subarray(groupIds, { minLength: 1 }), { nil: undefined }))),
            perMember: fc.tuple(...oneTimes.map(() => fc.option(fc.integer({ min: 0, max: perMemberMax }), { nil: undefined }))),
            funds: fc.option(fc.array(fc.integer({ min: 0, max: 3333 }), { minLength: 1, maxLength: 3 }), { nil: undefined }),
            schedule: percentOnly ? fc.constantFrom(false, false, false, true) : fc.constant(false),
          })
          .map(({ limits, perMember, funds, schedule }) => {
            const c = structuredClone(s);
            for (const item of c.items) {
              if (item.kind === "payRate") {
                const g = limits[payRates.indexOf(item.id)];
                if (g) item.groupIds = g;
                else delete item.groupIds;
              }
              if (item.kind === "oneTime") {
                const cents = perMember[oneTimes.indexOf(item.id)];
                if (cents === undefined) delete item.amountPerMember;
                else item.amountPerMember = param(scaled(cents, 2), `${item.label} per member`);
              }
            }
            // Each group pays the same fund shares (so the funds split the total by them).
            if (funds) {
              c.funds = funds.map((_, k) => ({ id: `fund${k}`, label: `Fund ${k}` }));
              for (const g of c.groups)
                g.fundShares = Object.fromEntries(funds.map((bp, k) => [`fund${k}`, param(scaled(bp, 4), `Fund ${k} share`)]));
            } else {
              delete c.funds;
              for (const g of c.groups) delete g.fundShares;
            }
            if (schedule) c.settings = { ...c.settings, salaryMethod: "schedule" };
            return c;
          });
      };
      const base = fc.constantFrom(
        fisAsPublished(),
        contractAsStated(),
        multiGroupScenario(),
        groupLoadingsScenario(),
        perMemberOneTimeScenario(),
      );
      const arb = base.chain(withFeatures).chain((s) => {
        const entries = listInputs(s);
        return fc.record({
          scenario: fc.constant(s),
          edits: fc.array(
            fc
              .nat({ max: entries.length - 1 })
              .chain((i) => fc.tuple(fc.constant(entries[i]!.path), valueFor(entries[i]!.path, entries[i]!.unit))),
            { maxLength: 6 },
          ),
          rounding: fc.constantFrom("halfUp" as const, "truncate" as const),
          proration: fc.constantFrom("payPeriods" as const, "days" as const),
        });
      });
      const seen = { limited: 0, perMember: 0, funds: 0, schedule: 0 };
      let runs = 0;
      fc.assert(
        fc.property(arb, ({ scenario, edits, rounding, proration }) => {
          runs++;
          let s: Scenario = {
            ...scenario,
            settings: { ...scenario.settings, proration },
            table: { ...scenario.table, display: { ...scenario.table.display, rounding } },
          };
          for (const [path, value] of edits) s = setInputValue(s, path, value);
          const result = computeTable(s);
          const bytes = exportWorkbook([s], { cachedValues: "none" });
          expect(exportedStructure(bytes, 0, result.columns.length + 2).rows).toEqual(result.lines.map((l) => l.id));
          expect(expectMatchesEngine(hyperFormulaRecalc(bytes).value, layout(bytes, result, 0), result, s)).toBe(cellsCompared(result, s));
          if (s.items.some((i) => i.kind === "payRate" && i.groupIds && i.groupIds.length < s.groups.length)) seen.limited++;
          if (s.items.some((i) => i.kind === "oneTime" && i.amountPerMember)) seen.perMember++;
          if (s.funds) seen.funds++;
          if (s.settings.salaryMethod === "schedule") seen.schedule++;
        }),
        { numRuns: 60, seed: 20241203 },
      );
      console.log(
        `[xlsx-recalc property] ${runs} runs: ${seen.limited} with a rate limited to some groups, ${seen.perMember} with a per-member ` +
          `one-time amount, ${seen.funds} with fund shares, ${seen.schedule} by the schedule method`,
      );
      // Each feature is actually exercised, not merely possible.
      for (const [feature, n] of Object.entries(seen)) expect(n, feature).toBeGreaterThanOrEqual(5);
    },
    // 60 workbooks written and recomputed: 20-40 s on a quiet machine, 80 s on a slow and busy one.
    300_000,
  );

  it("a raise paid in stated periods is written as values and says why (it said 'schedule method')", () => {
    const parsed = parseScenarioJson(readFileSync("examples/wv-2013-corrections-2008-raise/scenario.json", "utf8"), "wv-2013");
    if (!parsed.ok) throw new Error("fixture");
    const bytes = exportWorkbook([parsed.value]);
    const calc = XLSX.read(bytes).Sheets[calcSheet(bytes, 0)]!;
    const notes = Object.values(calc)
      .map((c) => String((c as XLSX.CellObject).v ?? ""))
      .filter((t) => t.includes("values, not formulas"));
    expect(notes.length).toBeGreaterThan(0);
    for (const n of notes) {
      expect(n).toMatch(/stated periods \(periodsPaid\)/);
      expect(n).not.toMatch(/schedule method/);
    }
  });
  it("an item whose formula would pass Excel's length limit is written as values, and the table still recomputes", () => {
    const s = structuredClone(fisAsPublished());
    const raises = s.items.find((i) => i.kind === "raises")!;
    if (raises.kind !== "raises") throw new Error("fixture");
    for (let d = 0; d < 120; d++) {
      const effective = new Date(Date.UTC(2025, 10, 1 + d)).toISOString().slice(0, 10);
      raises.steps.push({
        fiscalYear: 2026,
        type: "flat",
        amount: { value: "10", label: `step ${d}`, source: { kind: "assumed", ref: "test" } },
        effective,
        source: { kind: "assumed", ref: "test" },
      });
    }
    const result = computeTable(s);
    const bytes = poisonCachedValues(exportWorkbook([s]));
    const calc = XLSX.read(bytes, { cellFormula: true }).Sheets[calcSheet(bytes, 0)]!;
    expect(calc.D5!.f).toBeUndefined();
    expect(String(calc.H5!.v)).toContain("8000-character limit");
    expect(calc.D12!.f).toBe("items_medicare_rate*(D5)");
    expectMatchesEngine(hyperFormulaRecalc(bytes).value, layout(bytes, result, 0), result);
  });

  it("is live: editing the FY2026 raise on the Inputs sheet moves the table exactly as the engine moves it", () => {
    const bytes = exportWorkbook([fisAsPublished()]);
    const hf = hyperFormulaRecalc(bytes);
    const wb = XLSX.read(bytes);
    const inputs = wb.Sheets[inputsSheet(bytes, 0)]!;
    const row = Object.keys(inputs).find((a) => inputs[a]?.v === "items.baseSalary.steps.2025-10-01.amount")!;
    hf.set(inputsSheet(bytes, 0), `D${XLSX.utils.decode_cell(row).r + 1}`, 0.04);
    const edited = computeTable(editedFy2026Raise());
    expectMatchesEngine(hf.value, layout(bytes, edited, 0), edited);
    expect(hf.value(costTableOf(bytes), "C5")).toBe(edited.lines[0]!.cells.FY2026!.display.toNumber());
    expect(edited.lines[0]!.cells.FY2026!.display.toNumber()).not.toBe(30767);
  });

  it("a comparison workbook holds one block per scenario, each recomputing to its own table", () => {
    const a = fisAsPublished();
    const b = contractAsStated();
    const bytes = poisonCachedValues(exportWorkbook([a, b]));
    const hf = hyperFormulaRecalc(bytes);
    const ra = computeTable(a);
    const rb = computeTable(b);
    expectMatchesEngine(hf.value, layout(bytes, ra, 0), ra);
    expectMatchesEngine(hf.value, layout(bytes, rb, 1), rb);
  });
});

/** The table with `n` more fiscal years in front, each ending before the agreement starts. */
const withYearsBefore = (s: Scenario, n: number): Scenario => {
  const c = structuredClone(s);
  const first = c.table.columns.fiscalYears[0]!;
  c.table.columns.fiscalYears = [...Array.from({ length: n }, (_, k) => first - n + k), ...c.table.columns.fiscalYears];
  return c;
};

describe("HyperFormula: a table whose first fiscal years end before the agreement starts recomputes to the engine's zeros", () => {
  it("WV paid holiday: the rate on payroll has no start year, FY2008 costs 0 and FY2009 one day's pay, as the note prints", () => {
    const s = wvPaidHolidayScenario();
    const result = computeTable(s);
    const bytes = poisonCachedValues(exportWorkbook([s]));
    const hf = hyperFormulaRecalc(bytes);
    const lay = layout(bytes, result, 0);
    // $1,358,503,563 / 260 = $5,225,013.70; benefits 20.15% of it = $1,052,840.26; FY2008 ends 2008-07-01, the agreement's first day.
    const shown = (line: string, col: string) => hf.value(lay.costTableName, lay.costTable.get(line)![col]!);
    expect([shown("personalServices", "FY2008"), shown("personalServices", "FY2009")]).toEqual([0, 5225014]);
    expect([shown("other", "FY2008"), shown("other", "FY2009"), shown("totalCost", "FY2008"), shown("totalCost", "FY2009")]).toEqual([
      0, 1052840, 0, 6277854,
    ]);
    const calc = XLSX.read(bytes, { cellFormula: true }).Sheets[lay.calcName]!;
    expect(calc[lay.items.get("holiday")!.FY2008!]!.f).toBe("0");
    expect(calc[lay.items.get("holiday")!.FY2009!]!.f).toMatch(/^items_holiday_rate\*\(/);
    expect(expectMatchesEngine(hf.value, lay, result, s)).toBe(cellsCompared(result, s));
  });

  const before: [string, () => Scenario][] = [
    [
      "every kind (rate on payroll, rate of pay for one group, premium pay, per-head benefit, raise, one-time, fixed amounts), " +
        "group fund shares, FY2008 before the agreement",
      beforeAgreementScenario,
    ],
    ["FIS as published from FY2023 (FY2023 before the agreement)", () => withYearsBefore(fisAsPublished(), 2)],
    ["contract as stated from FY2023", () => withYearsBefore(contractAsStated(), 2)],
    ["two groups, flat mid-year raise, from FY2023", () => withYearsBefore(multiGroupScenario(), 2)],
    ["rates of pay limited to groups, from FY2023", () => withYearsBefore(groupLoadingsScenario(), 2)],
    ["one-time pay per member, three fund shares, from FY2023", () => withYearsBefore(perMemberOneTimeScenario(), 2)],
  ];
  for (const [name, make] of before) {
    it(name, () => {
      const s = make();
      const result = computeTable(s);
      const first = result.columns[0]!;
      const firstEnd = fiscalYearEndExclusive(s.table.columns.fiscalYears[0]!, s.calendar.fiscalYearStartMonth);
      expect(firstEnd <= s.agreement.effectiveFrom, `${first} ends before the agreement`).toBe(true);
      for (const item of result.items) expect(item.cells[first]!.exact.isZero(), `engine ${item.id}.${first}`).toBe(true);
      const bytes = poisonCachedValues(exportWorkbook([s]));
      expect(expectMatchesEngine(hyperFormulaRecalc(bytes).value, layout(bytes, result, 0), result, s)).toBe(cellsCompared(result, s));
    });
  }
});

describe.skipIf(!soffice)("LibreOffice (headless) recomputes the exported workbook", () => {
  it("really recalculates: with recalculation off it shows the poisoned cache, with it on the engine's numbers", () => {
    const bytes = poisonCachedValues(exportWorkbook([fisAsPublished()]));
    const stale = libreOfficeRecalc(soffice!, bytes, { recalcOnLoad: false });
    expect(cellValue(stale, costTableOf(bytes), "B5")).toBe(-999999);
    const fresh = libreOfficeRecalc(soffice!, bytes);
    expect(cellValue(fresh, costTableOf(bytes), "B5")).toBe(12161);
  });

  it("computes a workbook written with no cached values at all", () => {
    const scenario = fisAsPublished();
    const result = computeTable(scenario);
    const bytes = exportWorkbook([scenario], { cachedValues: "none" });
    expect(cellValue(XLSX.read(bytes), costTableOf(bytes), "B5")).toBeUndefined();
    const wb = libreOfficeRecalc(soffice!, bytes);
    expectMatchesEngine((s, a) => cellValue(wb, s, a), layout(bytes, result, 0), result);
  });

  for (const [name, make] of cases) {
    it(name, () => {
      const scenario = make();
      const result = computeTable(scenario);
      const bytes = poisonCachedValues(exportWorkbook([scenario]));
      const wb = libreOfficeRecalc(soffice!, bytes);
      expect(expectMatchesEngine((s, a) => cellValue(wb, s, a), layout(bytes, result, 0), result, scenario)).toBe(
        cellsCompared(result, scenario),
      );
    });
  }

  for (const [name, make] of minimumCases) {
    it(name, () => {
      const scenario = make();
      const result = computeTable(scenario);
      const bytes = poisonCachedValues(exportWorkbook([scenario]));
      const wb = libreOfficeRecalc(soffice!, bytes);
      expect(expectMatchesEngine((s, a) => cellValue(wb, s, a), layout(bytes, result, 0), result, scenario)).toBe(
        cellsCompared(result, scenario),
      );
    });
  }

  it("a comparison workbook (both built-ins side by side)", () => {
    const a = fisAsPublished();
    const b = contractAsStated();
    const bytes = poisonCachedValues(exportWorkbook([a, b]));
    const wb = libreOfficeRecalc(soffice!, bytes);
    const read = (s: string, addr: string) => cellValue(wb, s, addr);
    expectMatchesEngine(read, layout(bytes, computeTable(a), 0), computeTable(a));
    expectMatchesEngine(read, layout(bytes, computeTable(b), 1), computeTable(b));
  });
});
