/**
 * A formula workbook of the reference FIS table, for the spreadsheet-engine comparison while
 * model/io's exportWorkbook is not there yet (the bench prefers the exported workbook when it is).
 *
 * Sheet "Inputs" holds every input of "FIS as published" as a value; sheet "FIS" computes the
 * nine lines x four fiscal years + Total in dollars with formulas; sheet "Display" rounds each
 * cell to $K (ROUND, half away from zero, like the engine's halfUp rule). The formulas follow the
 * engine's line definitions for the reference scenario's shape only (raises on Oct 1, one group);
 * the month / pay-period counts per rate year are counted with the engine's calendar, as the
 * engine does, and written as constants a spreadsheet author would type.
 */
import * as XLSX from "xlsx";
import { monthsOfFiscalYear, payPeriodStartsOfFiscalYear, fiscalYearOfDate } from "../model/engine/calendar";
import type { PerHeadBenefitItem, Scenario } from "../model/engine/index";
import { fyKey } from "../model/engine/index";

export const FORMULA_LINES = [
  "baseSalaryIncreases",
  "bonus",
  "additionalPay",
  "benefits",
  "otherNps",
  "totalCost",
  "localPortion",
  "fundingAvailable",
  "costFundedByWia",
] as const;

interface Built {
  workbook: XLSX.WorkBook;
  /** "FY2026 raise" -> its address on Inputs, for the edit timing. */
  inputCell: Record<string, string>;
  /** line id -> row number (1-based) on FIS and Display; columns B..F = FY2025..FY2028, Total. */
  lineRow: Record<string, number>;
}

const COLS = ["B", "C", "D", "E", "F"];

function perHeadBuckets(item: PerHeadBenefitItem, scenario: Scenario, fy: number): { rateYear: number; count: number }[] {
  const { fiscalYearStartMonth: m, firstPayPeriodStart } = scenario.agreement;
  const dates =
    item.frequency === "monthly"
      ? monthsOfFiscalYear(fy, m).map((x) => x.firstDay)
      : payPeriodStartsOfFiscalYear(fy, m, firstPayPeriodStart);
  const counted = item.countFrom ? dates.filter((d) => d >= item.countFrom!.date) : dates;
  const by = new Map<number, number>();
  for (const d of counted) {
    const y =
      item.basis === "fiscalYear"
        ? fiscalYearOfDate(d, m)
        : scenario.settings.calendarToFiscal === "calendarYearOfFiscalYearEnd"
          ? fy
          : Number.parseInt(d.slice(0, 4), 10);
    by.set(y, (by.get(y) ?? 0) + 1);
  }
  return [...by.entries()].map(([rateYear, count]) => ({ rateYear, count }));
}

export function buildFormulaWorkbook(scenario: Scenario): Built {
  const years = scenario.agreement.fiscalYears;
  const inputs: (string | number)[][] = [["input", "value"]];
  const at: Record<string, string> = {};
  const put = (key: string, label: string, value: string) => {
    inputs.push([label, Number(value)]); // a spreadsheet stores binary doubles; that is the point of the comparison
    at[key] = `Inputs!$B$${inputs.length}`;
  };
  const group = scenario.groups[0]!;
  put("members", "Members", group.members.value);
  put("avg", "Average salary", group.averageSalary.value);
  const item = <K extends Scenario["items"][number]["kind"]>(kind: K, id?: string) =>
    scenario.items.find((i) => i.kind === kind && (id === undefined || i.id === id)) as Extract<Scenario["items"][number], { kind: K }>;
  const raises = item("raises");
  for (const s of raises.steps) put(`raise${s.fiscalYear}`, `Raise FY${s.fiscalYear}`, s.amount.value);
  const bonus = item("oneTime");
  put("bonusRate", "Bonus rate", bonus.rate.value);
  put("bonusEarnings", "Bonus earnings", bonus.earnings!.value);
  const premium = item("premiumPay");
  put("premiumAnnual", "Premium annual amount", premium.annualAmount!.value);
  put("premiumGrowth", "Premium growth", premium.growthRate.value);
  put("premiumYears1", "Premium years paid in first year", premium.yearsPaidInFirstYear.value);
  const medicare = item("payRate");
  put("medicare", "Medicare rate", medicare.rate.value);
  const benefits = scenario.items.filter((i): i is PerHeadBenefitItem => i.kind === "perHeadBenefit");
  for (const b of benefits) {
    if (b.headcount) put(`${b.id}.heads`, `${b.label} headcount`, b.headcount.value);
    for (const a of b.amounts) put(`${b.id}.${a.year}`, `${b.label} ${a.year}`, a.amount.value);
  }
  const nps = item("fixedAmounts");
  for (const fy of years) put(`nps${fy}`, `Other NPS FY${fy}`, nps.amounts[fyKey(fy)]!.value);
  put("share", "Local share", scenario.localShare.value);
  for (const fy of years) put(`funding${fy}`, `Funding available FY${fy}`, scenario.fundingAvailable[fyKey(fy)]!.value);

  const lineRow: Record<string, number> = {};
  FORMULA_LINES.forEach((id, i) => (lineRow[id] = i + 2));
  const ref = (id: string, col: string) => `${col}${lineRow[id]}`;
  const formulas: Record<string, string[]> = {};
  years.forEach((fy, c) => {
    const col = COLS[c]!;
    const factor = raises.steps
      .filter((s) => s.fiscalYear <= fy)
      .map((s) => `(1+${at[`raise${s.fiscalYear}`]})`)
      .join("*");
    const benefitTerms = benefits.map((b) => {
      const heads = b.headcount ? at[`${b.id}.heads`] : at["members"];
      const base = at[`${b.id}.${b.baselineYear}`];
      const parts = perHeadBuckets(b, scenario, fy).map(
        ({ rateYear, count }) => `${count}*(${at[`${b.id}.${Math.min(rateYear, Math.max(...b.amounts.map((a) => a.year)))}`]}-${base})`,
      );
      return `${heads}*(${parts.join("+") || "0"})`;
    });
    const n = fy - premium.firstFiscalYear;
    const f: Record<string, string> = {
      baseSalaryIncreases: `${at["members"]}*${at["avg"]}*(${factor}-1)`,
      bonus: fy === bonus.paidInFiscalYear ? `${at["bonusRate"]}*${at["bonusEarnings"]}` : "0",
      additionalPay: n === 0 ? `${at["premiumAnnual"]}*${at["premiumYears1"]}` : `${at["premiumAnnual"]}*(1+${at["premiumGrowth"]})^${n}`,
      benefits: `${benefitTerms.join("+")}+${at["medicare"]}*${ref("baseSalaryIncreases", col)}`,
      otherNps: `${at[`nps${fy}`]}`,
      totalCost: `SUM(${col}2:${col}6)`,
      localPortion: `${at["share"]}*${ref("totalCost", col)}`,
      fundingAvailable: `-${at[`funding${fy}`]}`,
      costFundedByWia: `${ref("localPortion", col)}+${ref("fundingAvailable", col)}`,
    };
    for (const id of FORMULA_LINES) (formulas[id] ??= []).push(f[id]!);
  });

  const fis: XLSX.WorkSheet = XLSX.utils.aoa_to_sheet([["line", ...years.map(fyKey), "Total"], ...FORMULA_LINES.map((id) => [id])]);
  const display: XLSX.WorkSheet = XLSX.utils.aoa_to_sheet([
    ["line ($K)", ...years.map(fyKey), "Total"],
    ...FORMULA_LINES.map((id) => [id]),
  ]);
  for (const id of FORMULA_LINES) {
    const row = lineRow[id]!;
    formulas[id]!.forEach((formula, c) => (fis[`${COLS[c]}${row}`] = { t: "n", f: formula }));
    fis[`F${row}`] = { t: "n", f: `SUM(B${row}:E${row})` };
    for (const col of COLS) display[`${col}${row}`] = { t: "n", f: `ROUND(FIS!${col}${row}/1000,0)` };
  }
  const workbook = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(workbook, XLSX.utils.aoa_to_sheet(inputs), "Inputs");
  XLSX.utils.book_append_sheet(workbook, fis, "FIS");
  XLSX.utils.book_append_sheet(workbook, display, "Display");
  const raise2026 = at["raise2026"]!.replace("Inputs!", "").replace(/\$/g, "");
  return { workbook, inputCell: { "FY2026 raise": raise2026 }, lineRow };
}
