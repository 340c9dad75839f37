import { describe, expect, it } from "vitest";
import { Decimal } from "../../model/engine/decimal";
import { fractionOfFiscalYear as fraction, payPeriodStartsOfFiscalYear, type PayCalendar } from "../../model/engine/calendar";
import { fisAsPublished } from "../../model/built-ins";
import {
  averageSalaryInputs,
  censusHeadcount,
  defaultScheduleCostSettings,
  projectCensus,
  reconcile,
  referenceCensus,
  scheduleMethodCost,
  type AverageSalaryInputs,
  type Census,
  type RaiseTerm,
} from "../../model/engine/schedule";

/** The DC calendar (October year, biweekly periods from Sunday 2024-10-06), as the DC scenario files declare it. */
const DC: PayCalendar = { fiscalYearStartMonth: 10, payFrequency: "biweekly", payPeriodAnchor: "2024-10-06" };
const payPeriodStarts = (fy: number) => payPeriodStartsOfFiscalYear(fy, DC);
const fractionOfFiscalYear = (date: string, fy: number, method: "payPeriods" | "days") => fraction(date, fy, DC, method);
/** The agreement's raises: 2%, 3%, 3%, 4% effective Oct 1 (Art. 36.2; FIS p.2). */
const referenceRaises = (): RaiseTerm[] =>
  (
    [
      [2025, "0.02"],
      [2026, "0.03"],
      [2027, "0.03"],
      [2028, "0.04"],
    ] as const
  ).map(([fy, rate]) => ({
    fiscalYear: fy,
    rate: new Decimal(rate),
    effective: `${fy - 1}-10-01`,
    source: { kind: "contract", ref: "Art. 36.2; FIS p.2" },
  }));
/** The FIS inputs: 5,776 members at the calibrated $105,271.50. */
const FIS_AVERAGE: AverageSalaryInputs = {
  members: new Decimal(5776),
  averageSalary: new Decimal("105271.50"),
  payroll: new Decimal("608048184"), // 5,776 x 105,271.50
  sources: { members: { kind: "fis", ref: "FIS p.2" }, averageSalary: { kind: "calibrated", ref: "FIS p.2" } },
  paths: { members: "groups.wtu.members", averageSalary: "groups.wtu.averageSalary" },
};
const settings = () => defaultScheduleCostSettings(DC);

const one = (schedule: Census["cells"][number]["schedule"], lane: string, step: number, n: string, years?: number): Census => ({
  label: "test",
  asOfFiscalYear: 2024,
  cells: [{ schedule, lane, step, ...(years !== undefined ? { yearsOfService: years } : {}), headcount: new Decimal(n) }],
});
const noMovement = () => ({ ...settings(), heldShare: new Decimal(0), separationRate: new Decimal(0) });

describe("proration", () => {
  it("pay periods: 26 a year FY2025-FY2028 starting on the printed effective dates; FY2029 has 27", () => {
    expect(payPeriodStarts(2025)[0]).toBe("2024-10-06");
    expect(payPeriodStarts(2026)[0]).toBe("2025-10-05");
    expect(payPeriodStarts(2028)[0]).toBe("2027-10-03");
    for (const fy of [2025, 2026, 2027, 2028]) expect(payPeriodStarts(fy)).toHaveLength(26);
    expect(payPeriodStarts(2029)).toHaveLength(27);
  });
  it("fractions by pay periods and by days", () => {
    expect(fractionOfFiscalYear("2024-10-01", 2025, "payPeriods").toString()).toBe("1");
    expect(fractionOfFiscalYear("2024-10-06", 2025, "days").toString()).toBe(new Decimal(360).div(365).toString());
    expect(fractionOfFiscalYear("2025-01-01", 2025, "payPeriods").toString()).toBe(new Decimal(19).div(26).toString());
    expect(fractionOfFiscalYear("2025-01-01", 2025, "days").toString()).toBe(new Decimal(273).div(365).toString());
    expect(fractionOfFiscalYear("2025-10-01", 2025, "days").toString()).toBe("0");
    expect(fractionOfFiscalYear("2029-09-30", 2029, "payPeriods").toString()).toBe(new Decimal(1).div(27).toString());
  });
});

describe("step movement", () => {
  it("moves one step a year, holds a share, replaces separations at entry", () => {
    const s = { ...settings(), heldShare: new Decimal("0.05"), separationRate: new Decimal("0.1") };
    const [, y1] = projectCensus(one("ET15-10M", "Masters+30", 5, "100"), 2025, s);
    const get = (lane: string, step: number) => y1!.cells.find((c) => c.lane === lane && c.step === step)?.headcount.toString();
    expect(get("Masters+30", 6)).toBe("85.5"); // 100 x 0.9 x 0.95
    expect(get("Masters+30", 5)).toBe("4.5"); // 100 x 0.9 x 0.05
    expect(get("Bachelors", 1)).toBe("10");
    expect(censusHeadcount({ label: "", asOfFiscalYear: 2025, cells: y1!.cells }).toString()).toBe("100");
  });
  it("top step moves into longevity columns by years of service, only in lanes that have them", () => {
    const r = scheduleMethodCost(one("ET15-10M", "Masters+30", 16, "1", 16), referenceRaises(), noMovement());
    // FY2025: 17 years -> "17-18 yrs" = 124,124; FY2027: 19 years -> "19-20 yrs" = 134,112
    expect(r.basePayroll.value.toString()).toBe("120346"); // FY2024 step 16 = 122,753 / 1.02 = 120,346.08
    expect(r.years[0]!.payroll.value.toString()).toBe("124124");
    expect(r.years[2]!.payroll.value.toString()).toBe("134112");
    const b = scheduleMethodCost(one("ET15-10M", "Bachelors", 16, "1", 20), referenceRaises(), noMovement());
    expect(b.years[0]!.payroll.value.toString()).toBe("102498"); // no longevity for Bachelors: stays at Step 16
  });
});

describe("scheduleMethodCost", () => {
  it("one person, no movement: the raise cost is the schedule difference, step and turnover are zero", () => {
    const r = scheduleMethodCost(one("ET15-10M", "Bachelors", 1, "1"), referenceRaises(), { ...noMovement(), anniversary: "10-01" });
    expect(r.basePayroll.value.toString()).toBe("63373");
    // with no hold and no separations the person still moves up a step each year
    expect(r.years[0]!.raiseCost.value.toString()).toBe("1267"); // 64,640 - 63,373
    expect(r.years[0]!.stepCost.value.toString()).toBe("223"); // Step 2 64,863 - Step 1 64,640
    expect(r.years[0]!.turnoverSavings.value.toString()).toBe("0");
  });
  it("lines add up to the payroll change, and explanations carry formula, inputs and sources", () => {
    const r = scheduleMethodCost(referenceCensus(), referenceRaises(), settings());
    expect(r.years.map((y) => y.fiscalYear)).toEqual([2025, 2026, 2027, 2028]);
    for (const y of r.years) {
      expect(y.raiseCost.value.plus(y.stepCost.value).plus(y.turnoverSavings.value).equals(y.total.value)).toBe(true);
      expect(y.payroll.value.minus(r.basePayroll.value).equals(y.total.value)).toBe(true);
      expect(y.headcount.toString()).toBe("5776");
      expect(y.stepCost.explanation.formula).toContain("step movement");
      const leaves = JSON.stringify(y.turnoverSavings.explanation);
      expect(leaves).toContain('"kind":"assumed"');
      // The printed schedule and its lines, in words: never the source file's name.
      expect(JSON.stringify(y.raiseCost.explanation)).toMatch(/"ET-15 Salary Schedule [^"]*\\", lines \d+-\d+ of the agreement's text/);
      expect(JSON.stringify(y.raiseCost.explanation)).not.toContain("8d675becaf0e1477");
      expect(y.stepCost.value.gt(0)).toBe(true);
      expect(y.turnoverSavings.value.lt(0)).toBe(true);
    }
    // Reference census, default settings (5% held, 10% separations, entry step 1 on the first lane (Bachelors), Oct 1): pinned values
    expect(r.basePayroll.value.toString()).toBe("608048184");
    expect(r.years[0]!.raiseCost.value.toString()).toBe("12161148");
    expect(r.years.map((y) => y.total.value.toFixed(2))).toEqual(["-3035608.86", "-274945.97", "3213962.84", "13733359.74"]);
  });
  it("a mid-year raise is prorated by pay periods or by days", () => {
    const c = one("ET15-10M", "Bachelors", 1, "1");
    const raises = referenceRaises().map((r) => (r.fiscalYear === 2025 ? { ...r, effective: "2025-01-01" } : r));
    const pp = scheduleMethodCost(c, raises, noMovement());
    // steps move Oct 1, so FY2025 is 7/26 on FY2024 Step 2 (63,591) and 19/26 on FY2025 Step 2 (64,863)
    const expected = new Decimal(63591).times(7).div(26).plus(new Decimal(64863).times(19).div(26));
    expect(pp.years[0]!.payroll.value.minus(expected).abs().lt("1e-30")).toBe(true); // shares are 40-digit decimals
    const days = scheduleMethodCost(c, raises, { ...noMovement(), prorationMethod: "days" });
    expect(
      days.years[0]!.payroll.value.minus(new Decimal(63591).times(92).div(365).plus(new Decimal(64863).times(273).div(365)))
        .abs()
        .lt("1e-30"),
    ).toBe(true);
  });
  it("a mid-year anniversary splits the year between the old and the new step", () => {
    const r = scheduleMethodCost(one("ET15-10M", "Bachelors", 1, "1"), referenceRaises(), { ...noMovement(), anniversary: "01-01" });
    const expected = new Decimal(64640).times(7).div(26).plus(new Decimal(64863).times(19).div(26));
    expect(r.years[0]!.payroll.value.minus(expected).abs().lt("1e-30")).toBe(true);
  });
});

describe("reconcile", () => {
  it("takes the stated payroll from the scenario's group: 5,776 x 105,271.50 = 608,048,184; a payroll-only group has no average", () => {
    const group = fisAsPublished().groups[0]!;
    expect(averageSalaryInputs(group)!.payroll.toString()).toBe("608048184");
    const { members: _m, averageSalary: _a, ...rest } = group;
    expect(averageSalaryInputs({ ...rest, payroll: { value: "608048184", label: "Payroll", source: { kind: "user", ref: "" } } })).toBe(
      undefined,
    );
  });
  it("schedule - average = step + turnover + mix + payroll base, exactly, each year", () => {
    const rec = reconcile(referenceCensus(), FIS_AVERAGE, referenceRaises(), settings());
    expect(rec.years[0]!.averageMethod.toString()).toBe("12160963.68"); // 5776 x 105271.50 x 0.02 (FIS FY2025 12,161K)
    for (const y of rec.years) {
      const p = y.parts;
      expect(p.stepCost.plus(p.turnoverSavings).plus(p.mix).plus(p.payrollBase).equals(y.difference)).toBe(true);
      expect(y.scheduleMethod.minus(y.averageMethod).equals(y.difference)).toBe(true);
      expect(p.payrollBase.isZero()).toBe(true); // the reference census is built to match 5,776 x $105,271.50
      expect(y.explanation.formula).toBe("step cost + turnover savings + mix + payroll base");
    }
    expect(rec.years[3]!.averageMethod.toFixed(2)).toBe("76250896.16");
  });
  it("with turnover and holds off and the scaled basis, the only difference is step cost (mix 0)", () => {
    const s = { ...settings(), separationRate: new Decimal(0), scheduleBasis: "scaled" as const };
    for (const y of reconcile(referenceCensus(), FIS_AVERAGE, referenceRaises(), s).years) {
      expect(y.parts.mix.isZero()).toBe(true);
      expect(y.difference.equals(y.parts.stepCost)).toBe(true);
    }
  });
});
