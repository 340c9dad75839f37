/**
 * What other governments' fiscal notes need beyond the DC layout, each checked against arithmetic
 * written next to the expected value: rounding up, rounding to a coarser step while printing
 * dollars, proration by months and by stated payrolls, lines printed as zero although they cost,
 * cost lines shown negated (a cost as a negative impact, a saving as a positive figure) beside
 * revenue lines, a total over the first years only, headcount-only groups, steps after the last
 * column, and the published figures' recorded disagreements.
 */
import { describe, expect, it } from "vitest";
import { computeTable, Decimal, formatInputError, toDisplay, validateScenario, type Scenario } from "../../model/engine/index";
import { fractionOfFiscalYear } from "../../model/engine/calendar";
import { setInputValue } from "../../model/engine/scenario/paths";
import { checkScenario } from "../../model/engine/scenario/schema";

const P = (value: string, label = "test input") => ({ value, label, source: { kind: "document", ref: "test note" } });
const flat = (fiscalYear: number, amount: string, effective: string, extra: object = {}) => ({
  fiscalYear,
  type: "flat",
  amount: P(amount, `flat ${effective}`),
  effective,
  source: { kind: "document", ref: "test note" },
  ...extra,
});

/** A July-year scenario with one group of `members` (headcount only) and the given items, lines and table parts. */
function build(parts: {
  members?: string;
  groups?: object[];
  items: object[];
  lines: object[];
  fiscalYears?: number[];
  columns?: object;
  display?: object;
  settings?: object;
  calendar?: object;
  effectiveFrom?: string;
  effectiveTo?: string;
  published?: object;
}): { ok: true; value: Scenario } | { ok: false; errors: string[] } {
  const fiscalYears = parts.fiscalYears ?? [2025, 2026];
  const scenario = {
    schemaVersion: 2,
    id: "note",
    name: "note",
    description: "test",
    agreement: {
      name: "bill",
      employer: "state",
      union: "none",
      effectiveFrom: parts.effectiveFrom ?? "2024-07-01",
      effectiveTo: parts.effectiveTo ?? "2027-06-30",
    },
    calendar: parts.calendar ?? { fiscalYearStartMonth: 7, payFrequency: "semimonthly", payPeriodAnchor: "2024-07-01" },
    settings: { proration: "months", calendarToFiscal: "monthsInForce", salaryMethod: "averageSalary", ...parts.settings },
    groups: parts.groups ?? [{ id: "staff", label: "Staff", members: P(parts.members ?? "100", "members") }],
    items: parts.items,
    table: {
      lines: parts.lines,
      columns: { fiscalYears, total: false, ...parts.columns },
      display: { unit: "dollars", decimals: 0, rounding: "halfUp", totals: "roundedExact", ...parts.display },
      ...(parts.published ? { published: parts.published } : {}),
    },
  };
  const checked = validateScenario(JSON.parse(JSON.stringify(scenario)));
  return checked.ok ? checked : { ok: false, errors: checked.errors.map(formatInputError) };
}

function valid(parts: Parameters<typeof build>[0]): Scenario {
  const r = build(parts);
  if (!r.ok) throw new Error(r.errors.join("\n"));
  return r.value;
}

const cell = (s: Scenario, line: string, column: string) => computeTable(s).lines.find((l) => l.id === line)!.cells[column]!;
const D = (x: string) => new Decimal(x);

describe("display: rounding up and rounding to a step while printing dollars", () => {
  const dollars = { unit: "dollars", decimals: 0 } as const;
  it("up goes to the next whole dollar: 3,616,297.38 -> 3,616,298 (half-up would give 3,616,297)", () => {
    expect(toDisplay(D("3616297.38"), { ...dollars, rounding: "up" }).toString()).toBe("3616298");
    expect(toDisplay(D("3616297.38"), { ...dollars, rounding: "halfUp" }).toString()).toBe("3616297");
    expect(toDisplay(D("1565476"), { ...dollars, rounding: "up" }).toString()).toBe("1565476");
  });
  it("up is away from zero, so a cost shown negative rounds to the same figure: -682,916.01 -> -682,917", () => {
    expect(toDisplay(D("-682916.01"), { ...dollars, rounding: "up" }).toString()).toBe("-682917");
  });
  it("roundTo 1000 prints 8,963,916 as 8,964,000 and roundTo 100 prints 209,790 as 209,800 (truncate: 209,700)", () => {
    expect(toDisplay(D("8963916"), { ...dollars, rounding: "halfUp", roundTo: 1000 }).toString()).toBe("8964000");
    expect(toDisplay(D("209790"), { ...dollars, rounding: "halfUp", roundTo: 100 }).toString()).toBe("209800");
    expect(toDisplay(D("209790"), { ...dollars, rounding: "truncate", roundTo: 100 }).toString()).toBe("209700");
  });
  it("roundTo is in the display unit: $12,347,678 in $ thousands to the nearest 5 is 12,350", () => {
    // 12,347.678 K / 5 = 2,469.5356 -> 2,470 x 5 = 12,350
    expect(toDisplay(D("12347678"), { unit: "thousands", decimals: 0, rounding: "halfUp", roundTo: 5 }).toString()).toBe("12350");
  });
});

describe("proration by months and by stated payrolls", () => {
  const july = { fiscalYearStartMonth: 7, payFrequency: "semimonthly", payPeriodAnchor: "2024-07-01" } as const;
  it("January 1 in a July year is 6 of 12 months; October 1 in a September year 11 of 12; January 15 counts from February", () => {
    expect(fractionOfFiscalYear("2006-01-01", 2006, july, "months").toString()).toBe("0.5");
    const september = { ...july, fiscalYearStartMonth: 9 };
    expect(fractionOfFiscalYear("1999-10-01", 2000, september, "months").equals(D("11").div(12))).toBe(true);
    expect(fractionOfFiscalYear("2006-01-15", 2006, july, "months").equals(D("5").div(12))).toBe(true);
  });
  it("a $3,000 raise for 220 from January 1 costs 220 x 3,000 x 6/12 = 330,000 in its first year and 660,000 a year after", () => {
    const s = valid({
      members: "220",
      items: [{ kind: "raises", id: "r", label: "raise", line: "pay", steps: [flat(2026, "3000", "2026-01-01")] }],
      lines: [{ id: "pay", label: "Pay" }],
      columns: { annualized: true },
    });
    expect(cell(s, "pay", "FY2026").exact.toString()).toBe("330000");
    expect(cell(s, "pay", "Annualized").exact.toString()).toBe("660000");
  });
  it("7 payrolls stated of 24: 2,019.31 x 2,008 x 7/24 = 1,182,642.56 (4,054,774.48 x 7/24), whatever the effective date's count", () => {
    const s = valid({
      members: "2019.31",
      settings: { proration: "payPeriods" },
      items: [
        {
          kind: "raises",
          id: "r",
          label: "raise",
          line: "pay",
          steps: [flat(2025, "2008", "2025-04-01", { periodsPaid: { count: P("7"), perYear: P("24") } })],
        },
      ],
      lines: [{ id: "pay", label: "Pay" }],
      effectiveFrom: "2025-04-01",
    });
    expect(cell(s, "pay", "FY2025").exact.toFixed(2)).toBe("1182642.56");
    expect(cell(s, "pay", "FY2026").exact.toFixed(2)).toBe("4054774.48");
  });
  it("without perYear the year's periods come from the calendar (semimonthly: 24), and more periods than that are refused", () => {
    const parts = (count: string) => ({
      members: "10",
      settings: { proration: "payPeriods" },
      items: [
        {
          kind: "raises",
          id: "r",
          label: "raise",
          line: "pay",
          steps: [flat(2025, "2400", "2025-04-01", { periodsPaid: { count: P(count) } })],
        },
      ],
      lines: [{ id: "pay", label: "Pay" }],
      effectiveFrom: "2025-04-01",
    });
    // 10 x 2,400 x 6/24 = 6,000
    expect(cell(valid(parts("6")), "pay", "FY2025").exact.toString()).toBe("6000");
    const refused = build(parts("25"));
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.errors.join("\n")).toMatch(
      /items\.r\.steps\.2025-04-01\.periodsPaid\.count: 25 periods paid is more than the 24/,
    );
  });
});

describe("a whole payroll's raise explains itself without an unnamed multiplier", () => {
  // An outside audit read "= 1 x (1827000000.00 - 1800000000)" and could not tell what the 1 was.
  it("payroll in force - base payroll: (1,800,000 x (1 + 0.02 x 6/12) - 1,800,000) = 18,000; a full year 36,000", () => {
    const s = valid({
      groups: [{ id: "all", label: "All", payroll: P("1800000", "payroll") }],
      items: [
        {
          kind: "raises",
          id: "r",
          label: "raise",
          line: "pay",
          steps: [
            { fiscalYear: 2025, type: "percent", amount: P("0.02"), effective: "2025-01-01", source: { kind: "document", ref: "n" } },
          ],
        },
      ],
      lines: [{ id: "pay", label: "Pay" }],
      columns: { annualized: true },
      fiscalYears: [2025],
    });
    const fy = cell(s, "pay", "FY2025");
    expect(fy.exact.toString()).toBe("18000");
    expect(fy.explanation.formula).toMatch(/^payroll in force during the fiscal year - base payroll/);
    expect(fy.explanation.symbols).toBe("(1818000.00 - 1800000)");
    const year = cell(s, "pay", "Annualized");
    expect(year.exact.toString()).toBe("36000");
    expect(year.explanation.formula).toBe("payroll after every raise - base payroll, for a full year");
    expect(year.explanation.symbols).toBe("(1836000.00 - 1800000)");
  });
});

describe("lines printed as zero, cost lines shown negated, revenue and a total over the first years", () => {
  it("a line printed as 0 keeps its cost in the total: 100 x $20 = 2,000 under a total printed 2,000", () => {
    const s = valid({
      items: [{ kind: "raises", id: "r", label: "increment", line: "ps", steps: [flat(2025, "20", "2024-07-01")] }],
      lines: [
        { id: "total", label: "Total", style: "total", sum: ["ps"] },
        { id: "ps", label: "Personal Services", printedAsZero: "the note prints its cost in the total row only" },
      ],
    });
    const r = computeTable(s);
    const ps = r.lines.find((l) => l.id === "ps")!;
    expect(ps.printedAsZero).toMatch(/total row only/);
    expect(ps.cells.FY2025!.display.toString()).toBe("0");
    expect(ps.cells.FY2025!.exact.toString()).toBe("2000");
    expect(ps.cells.FY2025!.explanation.formula).toMatch(/printed as 0 as in the note/);
    expect(r.lines.find((l) => l.id === "total")!.cells.FY2025!.display.toString()).toBe("2000");
  });
  it("under sums of rounded cells a line printed as 0 still adds its rounded cost: 33.4 + 33.4 rounds to 33 + 33 = 66", () => {
    const s = valid({
      members: "1",
      items: [
        { kind: "fixedAmounts", id: "a", label: "a", line: "a", amounts: { FY2025: P("33.4") } },
        { kind: "fixedAmounts", id: "b", label: "b", line: "b", amounts: { FY2025: P("33.4") } },
      ],
      lines: [
        { id: "total", label: "Total", sum: ["a", "b"] },
        { id: "a", label: "A", printedAsZero: "shown in the total only" },
        { id: "b", label: "B" },
      ],
      fiscalYears: [2025],
      display: { totals: "sumOfRounded" },
    });
    expect(cell(s, "total", "FY2025").display.toString()).toBe("66");
  });
  it("a cost line shown negated prints a cost as a negative impact; a revenue line and a net: 1,200 - 50,000 - 4,962 = -53,762", () => {
    const s = valid({
      groups: [
        { id: "jrs1", label: "JRS-1", members: P("4") },
        { id: "jrs2", label: "JRS-2", members: P("6") },
      ],
      items: [
        { kind: "raises", id: "supplement", label: "supplement", line: "cost", steps: [flat(2025, "5000", "2024-07-01")] },
        {
          kind: "payRate",
          id: "state",
          label: "JRS-2 state",
          line: "cost",
          groupIds: ["jrs2"],
          rate: P("0.1654"),
          appliesTo: ["supplement"],
        },
        {
          kind: "payRate",
          id: "employee",
          label: "JRS-1 employee",
          line: "revenue",
          groupIds: ["jrs1"],
          rate: P("0.06"),
          appliesTo: ["supplement"],
        },
        { kind: "raises", id: "shown", label: "supplement shown", line: "impact", steps: [flat(2025, "5000", "2024-07-01")] },
      ],
      lines: [
        { id: "cost", label: "Cost" },
        { id: "revenue", label: "Revenue" },
        { id: "net", label: "Net", sum: ["revenue"], minus: ["cost"] },
        { id: "impact", label: "Impact on the fund", negate: true },
      ],
    });
    // cost = 10 x 5,000 + 0.1654 x 6 x 5,000 = 54,962; revenue = 0.06 x 4 x 5,000 = 1,200
    expect(cell(s, "cost", "FY2025").exact.toString()).toBe("54962");
    expect(cell(s, "revenue", "FY2025").exact.toString()).toBe("1200");
    expect(cell(s, "net", "FY2025").exact.toString()).toBe("-53762");
    expect(cell(s, "impact", "FY2025").display.toString()).toBe("-50000");
    expect(cell(s, "impact", "FY2025").explanation.formula).toMatch(/negated/);
  });
  it("a total through the second of five years adds only those two: (682,916.67 + 745,000) -> 1,427,917, labelled 2-Yr Total", () => {
    const s = valid({
      members: "149",
      calendar: { fiscalYearStartMonth: 9, payFrequency: "monthly", payPeriodAnchor: "1999-09-01" },
      items: [{ kind: "raises", id: "r", label: "supplement", line: "pay", steps: [flat(2000, "5000", "1999-10-01")] }],
      lines: [{ id: "pay", label: "Pay" }],
      fiscalYears: [2000, 2001, 2002, 2003, 2004],
      columns: { total: { through: 2001 } },
      effectiveFrom: "1999-10-01",
      effectiveTo: "2004-08-31",
    });
    const r = computeTable(s);
    expect(r.columnLabels.Total).toBe("2-Yr Total");
    expect(cell(s, "pay", "FY2000").display.toString()).toBe("682917");
    expect(cell(s, "pay", "Total").display.toString()).toBe("1427917");
  });
  it("a total column rounded to its own step: 5,990,670 to the nearest million is 6,000,000 while the years print to $100", () => {
    const s = valid({
      members: "1",
      items: [
        {
          kind: "fixedAmounts",
          id: "a",
          label: "savings",
          line: "a",
          amounts: { FY2025: P("699300"), FY2026: P("1165500"), FY2027: P("1375290"), FY2028: P("1375290"), FY2029: P("1375290") },
        },
      ],
      lines: [{ id: "a", label: "A" }],
      fiscalYears: [2025, 2026, 2027, 2028, 2029],
      columns: { total: { roundTo: 1000000 } },
      display: { roundTo: 100 },
      effectiveTo: "2029-06-30",
    });
    expect(cell(s, "a", "FY2027").display.toString()).toBe("1375300");
    expect(cell(s, "a", "Total").display.toString()).toBe("6000000");
  });
});

describe("groups and steps a note's inputs allow", () => {
  it("a group with members alone costs flat raises; a percent raise or a rate on payroll on it is refused, naming the group", () => {
    const base = { lines: [{ id: "pay", label: "Pay" }] };
    expect(
      valid({ ...base, items: [{ kind: "raises", id: "r", label: "raise", line: "pay", steps: [flat(2025, "1000", "2024-07-01")] }] }) !==
        undefined,
    ).toBe(true);
    const percent = build({
      ...base,
      items: [
        {
          kind: "raises",
          id: "r",
          label: "COLA",
          line: "pay",
          steps: [{ ...flat(2025, "0", "2024-07-01"), type: "percent", amount: P("0.03") }],
        },
      ],
    });
    expect(!percent.ok && percent.errors.join("\n")).toMatch(/COLA needs a payroll, but group "staff" \(Staff\) states only its members/);
    const onPayroll = build({ ...base, items: [{ kind: "payrollRate", id: "p", label: "FICA", line: "pay", rate: P("0.0765") }] });
    expect(!onPayroll.ok && onPayroll.errors.join("\n")).toMatch(/FICA needs a payroll/);
  });
  it("a scenario with no groups costs amounts entered directly", () => {
    const s = valid({
      groups: [],
      items: [{ kind: "fixedAmounts", id: "a", label: "stated cost", line: "pay", amounts: { FY2025: P("5084936") } }],
      lines: [{ id: "pay", label: "Pay" }],
    });
    expect(cell(s, "pay", "FY2025").exact.toString()).toBe("5084936");
  });
  it("a step after the last column counts in the annualized column only: 275 x (8,004 + 3,000) = 3,026,100", () => {
    const parts = {
      members: "275",
      items: [
        {
          kind: "raises",
          id: "r",
          label: "raises",
          line: "pay",
          steps: [flat(2026, "8004", "2025-07-01"), flat(2027, "3000", "2026-07-01")],
        },
      ],
      lines: [{ id: "pay", label: "Pay" }],
    };
    const s = valid({ ...parts, columns: { annualized: true } });
    expect(cell(s, "pay", "FY2026").exact.toString()).toBe("2201100");
    expect(cell(s, "pay", "Annualized").exact.toString()).toBe("3026100");
    const without = build(parts);
    expect(!without.ok && without.errors.join("\n")).toMatch(
      /after the table's last fiscal year FY2026; a later step counts only in an annualized column/,
    );
  });
  it("accepts the neutral source kind document for another government's note", () => {
    const s = valid({ items: [], lines: [{ id: "pay", label: "Pay" }] });
    expect(s.groups[0]!.members!.source.kind).toBe("document");
  });
});

describe("published figures: disagreements and calibrations are checked against the values", () => {
  const parts = (published: object) => ({ items: [], lines: [{ id: "pay", label: "Pay" }], published });
  it("refuses a disagreement whose cell is not printed, whose figure is not the printed one, or whose two figures are equal", () => {
    const r = build(
      parts({
        source: "note",
        unit: "dollars",
        values: { pay: { FY2025: 10 } },
        expectedDisagreements: [
          { cell: "pay.FY2026", published: 1, fromStatedInputs: 0, reason: "r" },
          { cell: "pay.FY2025", published: 11, fromStatedInputs: 0, reason: "r" },
        ],
        calibratedFrom: [{ cell: "pay.Total", input: "groups.staff.members" }],
      }),
    );
    const text = !r.ok && r.errors.join("\n");
    expect(text).toMatch(/pay\.FY2026 is not one of the published values/);
    expect(text).toMatch(/11 is not the figure in values \(10\)/);
    expect(text).toMatch(/calibratedFrom\.pay\.Total: pay\.Total is not one of the published values/);
    const same = build(
      parts({
        source: "note",
        unit: "dollars",
        values: { pay: { FY2025: 10 } },
        expectedDisagreements: [{ cell: "pay.FY2025", published: 10, fromStatedInputs: 10, reason: "r" }],
      }),
    );
    expect(!same.ok && same.errors.join("\n")).toMatch(/equals the published figure/);
  });

  // An outside audit named an input that does not exist, and one with a stated source: both passed --check.
  it("refuses a calibration that names no input of the scenario, or one not marked calibrated with what the documents state", () => {
    const named = (input: string, members: object = P("100", "members")) =>
      build({
        ...parts({ source: "note", unit: "dollars", values: { pay: { FY2025: 10 } }, calibratedFrom: [{ cell: "pay.FY2025", input }] }),
        groups: [{ id: "staff", label: "Staff", members }],
      });
    const missing = named("groups.staff.member");
    expect(!missing.ok && missing.errors.join("\n")).toMatch(
      /FY2025\.input: "groups\.staff\.member" is not an input of this scenario; did you mean "groups\.staff\.members"\?/,
    );
    const stated = named("groups.staff.members");
    expect(!stated.ok && stated.errors.join("\n")).toMatch(
      /\.input: groups\.staff\.members is not a calibrated input \(its source is "document"\); mark it \{"kind": "calibrated"\}/,
    );
    const noStated = named("groups.staff.members", { value: "100", label: "members", source: { kind: "calibrated", ref: "pay.FY2025" } });
    expect(!noStated.ok && noStated.errors.join("\n")).toMatch(
      /calibratedFrom\.pay\.FY2025\.input: groups\.staff\.members gives no "stated" value: say what the documents state/,
    );
    const sound = named("groups.staff.members", {
      value: "100",
      label: "members",
      stated: "not stated",
      source: { kind: "calibrated", ref: "pay.FY2025" },
    });
    expect(sound.ok).toBe(true);
    // Edited in the app, the input's source is the user's ("was 100, calibrated"): the edit is not refused.
    const edited = setInputValue(sound.ok ? sound.value : (undefined as never), "groups.staff.members", "120");
    expect(edited.groups[0]!.members!.source.kind).toBe("user");
    expect(checkScenario(edited)).toEqual([]);
  });
});
