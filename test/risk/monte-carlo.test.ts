/**
 * Monte Carlo ranges against closed forms. The scenario below has one line that is linear in one
 * uncertain input: salaries FY2025 = members x $50,000 x 2% = $1,000 x members, with members
 * uniform on [a, b] = [900, 1,100]. So every draw's cost is known from its members draw, and the
 * distribution of the line is uniform on [$900,000, $1,100,000] with mean $1,000,000.
 *
 * Tolerances: the seed is fixed, so each check passes or fails the same way every run; each is
 * set at 4 standard errors of the statistic it tests (a two-sided normal tail of 6e-5), so a
 * correct sampler fails for fewer than 1 seed in 10,000 while a wrong mean, spread or quantile
 * of even a few per cent fails.
 */
import { describe, expect, it } from "vitest";
import { computeTable } from "../../model/engine/compute";
import { Decimal } from "../../model/engine/decimal";
import { DEFAULT_DRAWS, samplerOf } from "../../model/engine/risk/distributions";
import { drawInputs, monteCarlo, rankIndex } from "../../model/engine/risk/monte-carlo";
import { normalCdf, normalQuantile } from "../../model/engine/risk/normal";
import { Xoshiro128 } from "../../model/engine/risk/prng";
import { setInputValue } from "../../model/engine/scenario/paths";
import { validateScenario } from "../../model/engine/scenario/schema";
import type { Scenario } from "../../model/engine/scenario/types";

const A = 900;
const B = 1100;
const PER_MEMBER = 1000; // $50,000 x 2%
const P = (value: string, label: string) => ({ value, label, source: { kind: "assumed", ref: "test" } });

function linear(
  uncertainty: Record<string, unknown> = { "groups.unit.members": { distribution: "uniform", min: String(A), max: String(B) } },
): Scenario {
  const raw = {
    schemaVersion: 2,
    id: "linear",
    name: "Linear",
    description: "salaries = members x 50,000 x 2%",
    agreement: { name: "A", employer: "E", union: "U", effectiveFrom: "2024-10-01", effectiveTo: "2026-09-30" },
    calendar: { fiscalYearStartMonth: 10, payFrequency: "biweekly", payPeriodAnchor: "2024-10-06" },
    settings: { proration: "payPeriods", calendarToFiscal: "monthsInForce", salaryMethod: "averageSalary" },
    groups: [{ id: "unit", label: "Unit", members: P("1000", "Members"), averageSalary: P("50000", "Average salary") }],
    items: [
      {
        kind: "raises",
        id: "cola",
        label: "COLA",
        line: "salaries",
        steps: [
          {
            fiscalYear: 2025,
            type: "percent",
            amount: P("0.02", "FY2025 raise"),
            effective: "2024-10-01",
            source: { kind: "contract", ref: "t" },
          },
        ],
      },
      { kind: "payRate", id: "fica", label: "FICA", line: "fica", rate: P("0.0765", "FICA rate"), appliesTo: ["cola"] },
    ],
    table: {
      lines: [
        { id: "salaries", label: "Salaries" },
        { id: "fica", label: "FICA" },
        { id: "total", label: "TOTAL", style: "total", sum: ["salaries", "fica"] },
      ],
      columns: { fiscalYears: [2025, 2026] },
      display: { unit: "dollars", decimals: 0, rounding: "halfUp", totals: "roundedExact" },
    },
    uncertainty: { inputs: uncertainty },
  };
  const r = validateScenario(raw);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value;
}

const cell = (r: ReturnType<typeof monteCarlo>, line: string, column: string) => r.lines.find((l) => l.id === line)!.cells[column]!;

describe("Monte Carlo against closed forms", () => {
  const scenario = linear();
  const result = monteCarlo(scenario, { seed: 7 });
  const members = drawInputs(scenario, DEFAULT_DRAWS, 7)[0]!.values;
  const sortedMembers = Float64Array.from(members).sort();

  it("draws 10,000 by default on the fast path", () => {
    expect(result.draws).toBe(10_000);
    expect(result.path).toBe("fast");
    expect(result.exactDraws).toBe(0);
  });

  it("a uniform headcount range scales a linear line exactly: min, max and every percentile are $1,000 x the members drawn", () => {
    const s = cell(result, "salaries", "FY2025");
    const at = (q: number) => PER_MEMBER * sortedMembers[rankIndex(q, DEFAULT_DRAWS)]!;
    for (const [got, want] of [
      [s.min, PER_MEMBER * sortedMembers[0]!],
      [s.max, PER_MEMBER * sortedMembers[DEFAULT_DRAWS - 1]!],
      [s.p5, at(0.05)],
      [s.p50, at(0.5)],
      [s.p95, at(0.95)],
    ] as const)
      expect(Math.abs(got - want)).toBeLessThan(0.005);
    expect(s.min).toBeGreaterThanOrEqual(PER_MEMBER * A);
    expect(s.max).toBeLessThanOrEqual(PER_MEMBER * B);
  });

  it("the mean of the draws matches the analytic mean ($1,000 x 1,000 members) within 4 standard errors", () => {
    const s = cell(result, "salaries", "FY2025");
    const analytic = (PER_MEMBER * (A + B)) / 2;
    expect(Math.abs(s.mean - analytic)).toBeLessThan(4 * s.sem);
    // The standard error itself: a uniform's sd is (b - a) / sqrt(12) = $57,735.03 for the line.
    expect(s.sd / ((PER_MEMBER * (B - A)) / Math.sqrt(12))).toBeGreaterThan(0.97);
    expect(s.sd / ((PER_MEMBER * (B - A)) / Math.sqrt(12))).toBeLessThan(1.03);
  });

  it("P5, P50 and P95 match the uniform's quantiles a + q(b - a) within 4 standard deviations of a sample quantile", () => {
    const s = cell(result, "salaries", "FY2025");
    for (const [q, got] of [
      [0.05, s.p5],
      [0.5, s.p50],
      [0.95, s.p95],
    ] as const) {
      const analytic = PER_MEMBER * (A + q * (B - A));
      // A sample q-quantile of N uniforms has sd sqrt(q(1 - q)/N) (b - a); the nearest rank adds at most one step of 1/N.
      const tolerance = PER_MEMBER * (B - A) * (4 * Math.sqrt((q * (1 - q)) / DEFAULT_DRAWS) + 1 / DEFAULT_DRAWS);
      expect(Math.abs(got - analytic)).toBeLessThan(tolerance);
    }
  });

  it("a line that is a rate of the first rides along: FICA = 7.65% of salaries in every statistic", () => {
    const s = cell(result, "salaries", "FY2025");
    const f = cell(result, "fica", "FY2025");
    expect(Math.abs(f.p50 - 0.0765 * s.p50)).toBeLessThan(0.005);
    expect(Math.abs(f.mean - 0.0765 * s.mean)).toBeLessThan(0.01);
  });

  it("shows each percentile as the drawn scenario's own table shows it", () => {
    const t = cell(result, "total", "Total");
    const values = drawInputs(scenario, DEFAULT_DRAWS, 7)[0]!.values;
    const totals = Array.from(values, (m) => PER_MEMBER * 1.0765 * 2 * m);
    const sorted = [...totals].sort((a, b) => a - b);
    const d = totals.indexOf(sorted[rankIndex(0.5, DEFAULT_DRAWS)]!);
    const exact = computeTable(setInputValue(scenario, "groups.unit.members", String(values[d])));
    expect(t.display.p50).toBe(
      `$${exact.lines
        .find((l) => l.id === "total")!
        .cells.Total!.display.toNumber()
        .toLocaleString("en-US")}`,
    );
  });

  it("P(line > limit) matches (b - c)/(b - a) within 4 standard errors", () => {
    const c = 1050;
    const r = monteCarlo(scenario, { seed: 7, exceed: [{ lineId: "salaries", column: "FY2025", dollars: new Decimal(PER_MEMBER * c) }] });
    const x = r.exceed[0]!;
    const analytic = (B - c) / (B - A);
    expect(Math.abs(x.probability - analytic)).toBeLessThan(4 * Math.sqrt((analytic * (1 - analytic)) / DEFAULT_DRAWS));
  });

  it("is reproducible bit for bit from its seed, and another seed draws otherwise", () => {
    const again = monteCarlo(scenario, { seed: 7 });
    expect({ ...again, ms: 0 }).toEqual({ ...result, ms: 0 });
    const other = monteCarlo(scenario, { seed: 8 });
    expect(cell(other, "salaries", "FY2025").mean).not.toBe(cell(result, "salaries", "FY2025").mean);
  });

  it("ranks the driving input first: the only varied input correlates perfectly with the total", () => {
    expect(result.focus.lineId).toBe("total");
    expect(result.focus.drivers[0]!.path).toBe("groups.unit.members");
    expect(result.focus.drivers[0]!.rankCorrelation).toBeCloseTo(1, 12);
    const histogram = result.focus.histogram.reduce((n, b) => n + b.count, 0);
    expect(histogram).toBe(DEFAULT_DRAWS);
  });

  it("an input that moves nothing has a rank correlation near 0 and the one that moves everything near 1", () => {
    const two = linear({
      "groups.unit.members": { distribution: "uniform", min: String(A), max: String(B) },
      // The FICA rate moves the FICA line and the total, never the salaries line the drivers are asked about.
      "items.fica.rate": { distribution: "uniform", min: "0.07", max: "0.08" },
    });
    const r = monteCarlo(two, { seed: 11, focus: { lineId: "salaries", column: "Total" } });
    const byPath = new Map(r.focus.drivers.map((d) => [d.path, d.rankCorrelation]));
    expect(byPath.get("groups.unit.members")).toBeCloseTo(1, 12);
    expect(Math.abs(byPath.get("items.fica.rate")!)).toBeLessThan(4 / Math.sqrt(DEFAULT_DRAWS));
  });
});

describe("distributions", () => {
  const spec = { label: "Share", unit: "share" as const, min: "0", max: "1", help: "" };

  it("a normal truncated to its field's range has the truncated mean mu + sd (phi(a) - phi(b)) / (Phi(b) - Phi(a))", () => {
    const s = samplerOf({ distribution: "normal", mean: "0.05", sd: "0.05" }, spec, "0.05");
    // mu = 0.05, sd = 0.05 on [0, 1]: a = -1, b = 19; phi(-1) = 0.2419707245, Phi(-1) = 0.1586552539.
    const analytic = 0.05 + (0.05 * 0.24197072451914337) / (1 - 0.15865525393145707);
    expect(s.mean).toBeCloseTo(analytic, 12);
    const rng = new Xoshiro128(3);
    const n = 20_000;
    let sum = 0;
    let sumSq = 0;
    for (let i = 0; i < n; i++) {
      const x = s.draw(rng.next());
      expect(x).toBeGreaterThanOrEqual(0);
      sum += x;
      sumSq += x * x;
    }
    const mean = sum / n;
    const sem = Math.sqrt((sumSq / n - mean * mean) / n);
    expect(Math.abs(mean - analytic)).toBeLessThan(4 * sem);
  });

  it("a triangular draw has mean (min + mode + max) / 3; a discrete draw follows its weights", () => {
    const t = samplerOf({ distribution: "triangular", min: "0.06", mode: "0.10", max: "0.12" }, spec, "0.1");
    expect(t.mean).toBeCloseTo(0.28 / 3, 15);
    const d = samplerOf(
      {
        distribution: "discrete",
        values: [
          { value: "0.02", weight: "1" },
          { value: "0.03", weight: "3" },
        ],
      },
      spec,
      "0.02",
    );
    const rng = new Xoshiro128(5);
    let threes = 0;
    const n = 20_000;
    for (let i = 0; i < n; i++) if (d.draw(rng.next()) === 0.03) threes++;
    expect(Math.abs(threes / n - 0.75)).toBeLessThan(4 * Math.sqrt((0.75 * 0.25) / n));
  });

  it("the normal quantile inverts the distribution function to 1e-12, and Phi(1.96) is 0.9750021048517795", () => {
    expect(normalCdf(1.96)).toBeCloseTo(0.9750021048517795, 14);
    for (const p of [1e-10, 0.001, 0.05, 0.3, 0.5, 0.9, 0.999999]) expect(normalCdf(normalQuantile(p))).toBeCloseTo(p, 12);
  });

  it("xoshiro128** gives the reference implementation's outputs from state (1, 2, 3, 4)", () => {
    // The first outputs of xoshiro128starstar.c (Blackman and Vigna) from s = {1, 2, 3, 4}, as the rand_xoshiro crate's tests list them.
    const x = Xoshiro128.fromState(1, 2, 3, 4);
    expect(Array.from({ length: 10 }, () => x.nextUint32())).toEqual([
      11520, 0, 5927040, 70819200, 2031721883, 1637235492, 1287239034, 3734860849, 3729100597, 4258142804,
    ]);
  });
});

describe("the uncertainty block is checked against each input's field", () => {
  const errorsOf = (inputs: Record<string, unknown>) => {
    const base = JSON.parse(JSON.stringify(linear()));
    base.uncertainty = { inputs };
    const r = validateScenario(base);
    return r.ok ? [] : r.errors.map((e) => `${e.field}: ${e.message}`);
  };

  it("refuses a path that is no input, with a suggestion", () => {
    expect(errorsOf({ "groups.unit.member": { distribution: "fixed" } })).toEqual([
      expect.stringMatching(/^uncertainty\.inputs\.groups\.unit\.member: .*not an input.*did you mean "groups\.unit\.members"/),
    ]);
  });

  it("refuses values outside the field's range, naming the range", () => {
    expect(errorsOf({ "items.fica.rate": { distribution: "uniform", min: "0.05", max: "1.5" } })).toEqual([
      expect.stringMatching(/^uncertainty\.inputs\.items\.fica\.rate\.max: .*1\.5 is outside 0 to 1/),
    ]);
    expect(errorsOf({ "groups.unit.members": { distribution: "uniform", min: "-5", max: "10" } })).toEqual([
      expect.stringMatching(/min: .*cannot be negative/),
    ]);
  });

  it("refuses an empty or inverted range, a mode outside it, a zero spread, zero weights and too many digits", () => {
    expect(errorsOf({ "items.fica.rate": { distribution: "uniform", min: "0.08", max: "0.07" } })[0]).toMatch(
      /max 0\.07 must be more than min 0\.08/,
    );
    expect(errorsOf({ "items.fica.rate": { distribution: "triangular", min: "0.06", mode: "0.2", max: "0.1" } })[0]).toMatch(
      /mode 0\.2 must lie/,
    );
    expect(errorsOf({ "items.fica.rate": { distribution: "normal", mean: "0.07", sd: "0" } })[0]).toMatch(
      /standard deviation 0 must be more than 0/,
    );
    expect(errorsOf({ "items.fica.rate": { distribution: "discrete", values: [{ value: "0.07", weight: "0" }] } })[0]).toMatch(
      /weights add up to 0/,
    );
    expect(errorsOf({ "items.fica.rate": { distribution: "uniform", min: "0.0700000000000000001", max: "0.08" } })[0]).toMatch(
      /at most 15 significant digits/,
    );
    expect(errorsOf({ "items.fica.rate": { distribution: "uniform", min: "0.07", max: "0.08", sd: "1" } })[0]).toMatch(/unknown key "sd"/);
  });
});
