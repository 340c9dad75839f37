/**
 * The table belongs to the scenario: cost lines fed by items, derived lines (sum/minus, share,
 * amounts with negate, fund, change), columns (years before the agreement cost zero, a total whose
 * label follows the count, an annualized column) and display (unit, decimals, rounding, totals).
 * Every expected value is worked out by hand next to it.
 */
import { describe, expect, it } from "vitest";
import { computeTable, Decimal, validateScenario, type Scenario } from "../../model/engine";
import { agreement, flat, group, p, percent } from "../agreements/build";

/** Two groups, a 3% raise Jul 1 2025 and 2% Jul 1 2026, FICA 7.65% on the raise, equipment $10,000.49 in FY2026. */
function base(): Scenario {
  return agreement({
    id: "city",
    fiscalYears: [2026, 2027],
    fiscalYearStartMonth: 7,
    firstPayPeriodStart: "2025-07-06",
    effectiveFrom: "2025-07-01",
    effectiveTo: "2027-06-30",
    groups: [group("fire", "100", "70000"), group("clerks", "50", "40000")],
    lines: ["salary", "fica", "equipment"],
    items: [
      {
        kind: "raises",
        id: "raise",
        label: "COLA",
        line: "salary",
        steps: [percent(2026, "0.03", "2025-07-01"), percent(2027, "0.02", "2026-07-01")],
      },
      { kind: "payRate", id: "ficaRate", label: "FICA", line: "fica", rate: p("0.0765", "rate"), appliesTo: ["raise"] },
      { kind: "fixedAmounts", id: "gear", label: "Turnout gear", line: "equipment", amounts: { FY2026: p("10000.49", "USD") } },
    ],
  });
}
// Payroll P = 100 x 70,000 + 50 x 40,000 = 9,000,000
// raise FY2026 = 9,000,000 x 0.03 = 270,000; FY2027 = 9,000,000 x (1.03 x 1.02 - 1) = 9,000,000 x 0.0506 = 455,400
// FICA FY2026 = 0.0765 x 270,000 = 20,655; FY2027 = 0.0765 x 455,400 = 34,838.10

function withTable(s: Scenario, table: Partial<Scenario["table"]>): Scenario {
  const next = { ...s, table: { ...s.table, ...table } };
  const r = validateScenario(JSON.parse(JSON.stringify(next)));
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value;
}
const cells = (s: Scenario, id: string) => {
  const l = computeTable(s).lines.find((x) => x.id === id)!;
  return Object.fromEntries(Object.entries(l.cells).map(([c, cell]) => [c, cell.exact.toString()]));
};
const shown = (s: Scenario, id: string) => {
  const l = computeTable(s).lines.find((x) => x.id === id)!;
  return Object.fromEntries(Object.entries(l.cells).map(([c, cell]) => [c, cell.display.toString()]));
};

describe("derived lines", () => {
  const lines: Scenario["table"]["lines"] = [
    { id: "salary", label: "Salaries" },
    { id: "fica", label: "FICA" },
    { id: "equipment", label: "Equipment" },
    { id: "personal", label: "Total Personal Services", style: "subtotal", sum: ["salary", "fica"] },
    { id: "net", label: "Net of equipment", sum: ["personal", "equipment"], minus: ["equipment"] },
    { id: "state", label: "State share", share: { of: "personal", rate: p("0.25", "share", "State share") } },
    { id: "offset", label: "Funds available", amounts: { FY2026: p("100000", "USD", "Funds FY2026") }, negate: true },
    { id: "additional", label: "Additional cost over prior year", change: { of: "salary" } },
  ];
  const s = withTable(base(), { lines });

  it("sum and minus: personal services = salary + FICA; net = personal + equipment - equipment", () => {
    // 270,000 + 20,655 = 290,655; 455,400 + 34,838.10 = 490,238.10
    expect(cells(s, "personal")).toMatchObject({ FY2026: "290655", FY2027: "490238.1", Total: "780893.1" });
    expect(cells(s, "net")).toMatchObject({ FY2026: "290655", FY2027: "490238.1" });
  });
  it("share: 25% of personal services", () => {
    // 0.25 x 290,655 = 72,663.75; 0.25 x 490,238.10 = 122,559.525
    expect(cells(s, "state")).toMatchObject({ FY2026: "72663.75", FY2027: "122559.525" });
  });
  it("amounts with negate: shown negative, 0 where nothing is entered", () => {
    expect(cells(s, "offset")).toMatchObject({ FY2026: "-100000", FY2027: "0", Total: "-100000" });
  });
  it("change: the first year is its own addition, then each year's increase", () => {
    // 270,000; 455,400 - 270,000 = 185,400; total = 455,400 (the last year's level)
    expect(cells(s, "additional")).toMatchObject({ FY2026: "270000", FY2027: "185400", Total: "455400" });
  });
  it("change, annualized: the full-year cost less the last fiscal year's (what full implementation still adds)", () => {
    // Both steps on their year's first day: the last year already runs at full cost, 455,400 - 455,400 = 0.
    const full = withTable(base(), { lines, columns: { fiscalYears: [2026, 2027], annualized: true } });
    expect(cells(full, "additional")).toMatchObject({ FY2027: "185400", Annualized: "0" });
    // The FY2027 step moved to Jan 1 2027, prorated by months: 6 of 12 months of 2% on the 1.03 level.
    // FY2027 = 9,000,000 x (0.03 + 1.03 x 0.02 x 6/12) = 9,000,000 x 0.0403 = 362,700;
    // annualized = 9,000,000 x 0.0506 = 455,400; the change's annualized cell = 455,400 - 362,700 = 92,700.
    const midYear = base();
    const raise = midYear.items[0] as { steps: { effective: string }[] };
    raise.steps[1]!.effective = "2027-01-01";
    const s = withTable(
      { ...midYear, settings: { ...midYear.settings, proration: "months" } },
      {
        lines,
        columns: { fiscalYears: [2026, 2027], annualized: true },
      },
    );
    expect(cells(s, "salary")).toMatchObject({ FY2027: "362700", Annualized: "455400" });
    expect(cells(s, "additional")).toMatchObject({ FY2026: "270000", FY2027: "92700", Annualized: "92700" });
    const cell = computeTable(s).lines.find((l) => l.id === "additional")!.cells.Annualized!;
    expect(cell.explanation.formula).toMatch(/annualized - Salaries in FY2027/);
  });
  it("a mid-year step's explanation shows the share of the year it is paid, as the proration counts it", () => {
    // By months, a step on January 2nd starts with February: 5 of 12 months (Feb-Jun) of FY2027, not 6.
    // FY2027 = 9,000,000 x (0.03 + 1.03 x 0.02 x 5/12) = 9,000,000 x 0.038583... = 347,250
    const midYear = base();
    const raise = midYear.items[0] as { steps: { effective: string }[] };
    raise.steps[1]!.effective = "2027-01-02";
    const s = withTable({ ...midYear, settings: { ...midYear.settings, proration: "months" } }, {});
    // 5/12 does not end in decimals: the exact value is 347,250 to 40 significant digits.
    expect(new Decimal(cells(s, "salary").FY2027!).toDecimalPlaces(30).toString()).toBe("347250");
    const explanation = computeTable(s).items.find((i) => i.id === "raise")!.cells.FY2027!.explanation;
    const leaves = JSON.stringify(explanation);
    expect(leaves).toContain("Share of FY2027 the step of 2027-01-02 is paid: 5 of 12 months");
    expect(leaves).toContain("the months of FY2027 starting on or after 2027-01-02, of the year's 12 (proration by months)");
    // A step on the year's first day is paid all year: no share is shown.
    expect(JSON.stringify(computeTable(base()).items.find((i) => i.id === "raise")!.cells.FY2027!.explanation)).not.toContain("Share of");
  });
  it("a loop between derived lines is refused, naming it", () => {
    const looped = {
      ...base(),
      table: { ...base().table, lines: [...lines.slice(0, 3), { ...lines[3]!, sum: ["salary", "net"] }, ...lines.slice(4)] },
    };
    const r = validateScenario(JSON.parse(JSON.stringify(looped)));
    expect(!r.ok && r.errors).toContainEqual({
      field: "table.lines.personal",
      message: "lines refer to each other in a loop: personal -> net -> personal",
    });
  });
});

describe("columns", () => {
  it("years before the agreement cost zero instead of being refused; the total's label follows the count", () => {
    const s = withTable(base(), { columns: { fiscalYears: [2024, 2025, 2026, 2027] } });
    const t = computeTable(s);
    expect(t.columnLabels.Total).toBe("4-Yr Total");
    expect(cells(s, "salary")).toMatchObject({ FY2024: "0", FY2025: "0", FY2026: "270000", FY2027: "455400" });
    expect(t.lines.find((l) => l.id === "salary")!.cells.FY2025!.explanation.formula).toMatch(/before the agreement takes effect/);
    expect(computeTable(base()).columnLabels.Total).toBe("2-Yr Total");
  });
  it("a year after the agreement ends: raises stay in the base, the cells say so, a one-time payment then is refused", () => {
    // The agreement ends 2027-06-30; FY2028 keeps the FY2027 level: salary 455,400, FICA 34,838.10, no equipment.
    const s = withTable(base(), { columns: { fiscalYears: [2026, 2027, 2028] } });
    expect(cells(s, "salary")).toMatchObject({ FY2026: "270000", FY2027: "455400", FY2028: "455400" });
    expect(cells(s, "fica")).toMatchObject({ FY2028: "34838.1" });
    expect(cells(s, "equipment")).toMatchObject({ FY2028: "0" });
    const raise = computeTable(s).items.find((i) => i.id === "raise")!;
    expect(raise.cells.FY2028!.explanation.formula).toMatch(/after the agreement ends \(2027-06-30\): raises stay in the base/);
    expect(raise.cells.FY2027!.explanation.formula).not.toMatch(/after the agreement ends/);
    // A one-time payment in that year is refused: it would be costed as if the agreement paid it.
    const paidAfter = structuredClone(base());
    paidAfter.items.push({
      kind: "oneTime",
      id: "bonus",
      label: "Bonus",
      line: "equipment",
      paidInFiscalYear: 2028,
      rate: { value: "0", label: "rate", source: { kind: "assumed", ref: "t" } },
      amountPerMember: { value: "100", label: "per member", source: { kind: "assumed", ref: "t" } },
    } as Scenario["items"][number]);
    paidAfter.table.columns.fiscalYears = [2026, 2027, 2028];
    const r = validateScenario(JSON.parse(JSON.stringify(paidAfter)));
    expect(!r.ok && r.errors).toContainEqual({
      field: "items.bonus.paidInFiscalYear",
      message: "FY2028 starts after the agreement ends (2027-06-30); a payment under the agreement is made while it is in force",
    });
  });
  it("a custom total label, or no total column", () => {
    expect(
      computeTable(withTable(base(), { columns: { fiscalYears: [2026, 2027], total: { label: "Biennium" } } })).columnLabels.Total,
    ).toBe("Biennium");
    expect(computeTable(withTable(base(), { columns: { fiscalYears: [2026, 2027], total: false } })).columns).toEqual(["FY2026", "FY2027"]);
  });
  it("annualized: the full-year cost of the final state (one-time items none, fixed amounts the last year's)", () => {
    const s = withTable(base(), { columns: { fiscalYears: [2026, 2027], annualized: { label: "Full implementation" } } });
    const t = computeTable(s);
    expect(t.columns).toEqual(["FY2026", "FY2027", "Total", "Annualized"]);
    expect(t.columnLabels.Annualized).toBe("Full implementation");
    // salary: 9,000,000 x (1.03 x 1.02 - 1) = 455,400; FICA 34,838.10; equipment: FY2027 has no amount -> 0
    expect(cells(s, "salary").Annualized).toBe("455400");
    expect(cells(s, "fica").Annualized).toBe("34838.1");
    expect(cells(s, "equipment").Annualized).toBe("0");
    expect(cells(s, "totalCost").Annualized).toBe("490238.1");
  });
  it("annualized of a mid-year raise is the full year, not the prorated one", () => {
    const s0 = base();
    const mid = { ...s0, items: [{ ...s0.items[0]!, steps: [percent(2026, "0.03", "2026-01-01")] } as Scenario["items"][number]] };
    const s = withTable(
      {
        ...mid,
        items: [mid.items[0]!],
        table: { ...mid.table, lines: [mid.table.lines[0]!, { id: "totalCost", label: "TOTAL", sum: ["salary"] }] },
      },
      { columns: { fiscalYears: [2026, 2027], annualized: true } },
    );
    // FY2026: 13 of 26 pay periods start on or after 2026-01-01 -> 9,000,000 x 0.03 x 0.5 = 135,000; annualized 270,000
    expect(cells(s, "salary")).toMatchObject({ FY2026: "135000", Annualized: "270000" });
  });
});

describe("display", () => {
  it("whole dollars, half even, totals as sums of rounded cells", () => {
    const s = withTable(base(), { display: { unit: "dollars", decimals: 0, rounding: "halfEven", totals: "sumOfRounded" } });
    // equipment 10,000.49 -> 10,000; FICA FY2027 34,838.10 -> 34,838
    expect(shown(s, "equipment")).toMatchObject({ FY2026: "10000", Total: "10000" });
    // total FY2026 = 270,000 + 20,655 + 10,000 (rounded cells) = 300,655; FY2027 = 455,400 + 34,838 + 0 = 490,238
    expect(shown(s, "totalCost")).toMatchObject({ FY2026: "300655", FY2027: "490238", Total: "790893" });
    expect(computeTable(s).units).toBe("USD");
  });
  it("$ millions with two decimals, truncated", () => {
    const s = withTable(base(), { display: { unit: "millions", decimals: 2, rounding: "truncate", totals: "roundedExact" } });
    // 0.270000 -> 0.27; 0.4554 -> 0.45; total 0.7254 -> 0.72
    expect(shown(s, "salary")).toMatchObject({ FY2026: "0.27", FY2027: "0.45", Total: "0.72" });
    expect(computeTable(s).units).toBe("USD millions");
  });
  it("roundedExact rounds a total from its unrounded value (it may differ from the sum of rounded cells)", () => {
    const s = withTable(base(), { display: { unit: "thousands", decimals: 0, rounding: "halfUp", totals: "roundedExact" } });
    // FICA: 20.655K -> 21, 34.8381K -> 35, total 55.4931K -> 55 (not 21 + 35 = 56)
    expect(shown(s, "fica")).toMatchObject({ FY2026: "21", FY2027: "35", Total: "55" });
  });
});

describe("groups give payroll three ways", () => {
  const withGroups = (groups: Scenario["groups"], items?: Scenario["items"]) => {
    const s0 = base();
    const r = validateScenario(JSON.parse(JSON.stringify({ ...s0, groups, ...(items ? { items } : {}) })));
    return r;
  };
  it("payroll alone: a percent raise is payroll x (factor - 1), same as members x average", () => {
    const r = withGroups([
      { id: "fire", label: "Fire", payroll: p("7000000", "USD/year") },
      { id: "clerks", label: "Clerks", payroll: p("2000000", "USD/year") },
    ]);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(cells(r.value, "salary")).toMatchObject({ FY2026: "270000", FY2027: "455400" });
  });
  it("positions: count x salary each", () => {
    const r = withGroups([
      {
        id: "fire",
        label: "Fire",
        positions: [
          { id: "captain", label: "Captain", count: p("20", "members"), salary: p("90000", "USD/year") },
          { id: "ff", label: "Firefighter", count: p("80", "members"), salary: p("65000", "USD/year") },
        ],
      },
      group("clerks", "50", "40000"),
    ]);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    // 20 x 90,000 + 80 x 65,000 = 1,800,000 + 5,200,000 = 7,000,000: the same payroll, the same cost
    expect(cells(r.value, "salary")).toMatchObject({ FY2026: "270000", FY2027: "455400" });
  });
  it("a flat raise needs members, not an unused average salary; on a payroll-only group it is refused naming both", () => {
    const flatRaise = [
      { kind: "raises", id: "flatRaise", label: "Flat raise", line: "salary", steps: [flat(2026, "1000", "2025-07-01")] },
    ] as Scenario["items"];
    const ok = withGroups([{ id: "fire", label: "Fire", members: p("100", "members"), payroll: p("7000000", "USD/year") }], flatRaise);
    if (!ok.ok) throw new Error(JSON.stringify(ok.errors));
    // 100 members x $1,000 = 100,000
    expect(cells(ok.value, "salary").FY2026).toBe("100000");
    const refused = withGroups([{ id: "fire", label: "Fire", payroll: p("7000000", "USD/year") }], flatRaise);
    expect(!refused.ok && refused.errors).toContainEqual({
      field: "items.flatRaise",
      message: 'Flat raise needs headcount, but group "fire" (Fire) gives only a payroll; add its members',
    });
  });
  it("a group giving its payroll two ways is refused", () => {
    const r = withGroups([{ ...group("fire", "100", "70000"), payroll: p("7000000", "USD/year") }]);
    expect(!r.ok && r.errors).toContainEqual({
      field: "groups.fire",
      message: "fire gives its payroll more than one way: keep one of averageSalary, payroll, positions",
    });
  });
});

describe("payrollRate: a rate on covered payroll in force that year", () => {
  it("an employee pension contribution shift of 1% of payroll is a saving; with raisesItemIds it follows the raises", () => {
    const s0 = base();
    const items = [
      ...s0.items,
      {
        kind: "payrollRate",
        id: "pensionShift",
        label: "Employee pension shift",
        line: "fica",
        rate: p("-0.01", "rate"),
        raisesItemIds: ["raise"],
      },
    ] as Scenario["items"];
    const r = validateScenario(JSON.parse(JSON.stringify({ ...s0, items })));
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    const t = computeTable(r.value);
    const shift = t.items.find((i) => i.id === "pensionShift")!;
    // -0.01 x (9,000,000 + 270,000) = -92,700; -0.01 x (9,000,000 + 455,400) = -94,554
    expect(shift.cells.FY2026!.exact.toString()).toBe("-92700");
    expect(shift.cells.FY2027!.exact.toString()).toBe("-94554");
    expect(shift.cells.FY2026!.explanation.label).toBe("Employee pension shift FY2026");
  });
  it("a rate below -100% is refused", () => {
    const s0 = base();
    const items = [...s0.items, { kind: "payrollRate", id: "x", label: "X", line: "fica", rate: p("-2", "rate") }] as Scenario["items"];
    const r = validateScenario(JSON.parse(JSON.stringify({ ...s0, items })));
    expect(!r.ok && r.errors.map((e) => e.field)).toContain("items.x.rate.value");
  });
});
