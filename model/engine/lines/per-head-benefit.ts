/**
 * Per-head benefit contributions (Art. 37: optical and dental monthly by calendar year, legal
 * biweekly by fiscal year). The cost of the agreement is the increase over the baseline year's
 * contribution: headcount x sum over the fiscal year's months or pay periods of
 * (contribution in force - baseline contribution).
 *
 * Which contribution is "in force" for a month of a calendar-year plan is a setting:
 * "monthsInForce" takes each month's own calendar year (Oct-Dec 2025 at the CY2025 rate);
 * "calendarYearOfFiscalYearEnd" costs the whole fiscal year at the rate of the calendar year it
 * ends in, which is what the DC CFO did (FY2026 = 12 x the CY2026 increase).
 */
import { payPeriodStartsOfFiscalYear, monthsOfFiscalYear, fiscalYearOfDate } from "../calendar";
import { Decimal, ZERO, sum } from "../decimal";
import type { Explanation } from "../explain";
import type { DatedAmount, PerHeadBenefitItem } from "../scenario/types";
import { coveredMembers, dec, moneyText, paramLeaf, type ItemCell, type LineContext, usdCell } from "./context";

/** The amount for `year`, or the latest earlier one (a contribution stays in force until changed). */
function amountInForce(item: PerHeadBenefitItem, year: number): { entry: DatedAmount; index: number } | undefined {
  let best: { entry: DatedAmount; index: number } | undefined;
  item.amounts.forEach((entry, index) => {
    if (entry.year <= year && (!best || entry.year > best.entry.year)) best = { entry, index };
  });
  return best;
}

interface Bucket {
  rateYear: number;
  count: number;
}

/**
 * The first days of a fiscal year's months or pay periods. They depend only on the calendar, yet
 * building them (ISO dates from day numbers) was the largest single cost of a costing, which
 * sensitivity sweeps repeat hundreds of times; so they are kept per calendar, never mutated.
 */
const periodDatesCache = new Map<string, readonly string[]>();
function periodDates(
  frequency: PerHeadBenefitItem["frequency"],
  fy: number,
  startMonth: number,
  firstPayPeriodStart: string,
): readonly string[] {
  const key = `${frequency}|${fy}|${startMonth}|${firstPayPeriodStart}`;
  let dates = periodDatesCache.get(key);
  if (!dates) {
    dates =
      frequency === "monthly"
        ? monthsOfFiscalYear(fy, startMonth).map((m) => m.firstDay)
        : payPeriodStartsOfFiscalYear(fy, startMonth, firstPayPeriodStart);
    if (periodDatesCache.size > 10_000) periodDatesCache.clear();
    periodDatesCache.set(key, dates);
  }
  return dates;
}

const bucketsCache = new Map<string, readonly Bucket[]>();

/** The fiscal year's months or pay periods, grouped by the year whose rate applies (a pure function of the calendar, so cached too). */
function buckets(item: PerHeadBenefitItem, ctx: LineContext, fy: number): readonly Bucket[] {
  const { fiscalYearStartMonth: startMonth, firstPayPeriodStart } = ctx.scenario.agreement;
  const calendarToFiscal = ctx.scenario.settings.calendarToFiscal;
  const key = `${item.frequency}|${item.basis}|${calendarToFiscal}|${item.countFrom?.date ?? ""}|${fy}|${startMonth}|${firstPayPeriodStart}`;
  const cached = bucketsCache.get(key);
  if (cached) return cached;
  const dates = periodDates(item.frequency, fy, startMonth, firstPayPeriodStart);
  const counted = item.countFrom ? dates.filter((d) => d >= item.countFrom!.date) : dates;
  const byYear = new Map<number, number>();
  for (const d of counted) {
    const rateYear =
      item.basis === "fiscalYear"
        ? fiscalYearOfDate(d, startMonth)
        : calendarToFiscal === "calendarYearOfFiscalYearEnd"
          ? fy
          : Number.parseInt(d.slice(0, 4), 10);
    byYear.set(rateYear, (byYear.get(rateYear) ?? 0) + 1);
  }
  const result = [...byYear.entries()].sort((a, b) => a[0] - b[0]).map(([rateYear, count]) => Object.freeze({ rateYear, count }));
  if (bucketsCache.size > 10_000) bucketsCache.clear();
  bucketsCache.set(key, result);
  return result;
}

export function perHeadBenefitCost(item: PerHeadBenefitItem, ctx: LineContext, fy: number): ItemCell {
  const heads: ItemCell = item.headcount
    ? { exact: dec(item.headcount), explanation: paramLeaf(item.headcount, `items.${item.id}.headcount`) }
    : coveredMembers(ctx.scenario, item);
  const baseline = amountInForce(item, item.baselineYear);
  const baselineAmount = baseline ? dec(baseline.entry.amount) : ZERO;
  const unitWord = item.frequency === "monthly" ? "months" : "pay periods";
  const parts: { increase: Decimal; count: number; explanation: Explanation }[] = [];
  for (const b of buckets(item, ctx, fy)) {
    const inForce = amountInForce(item, b.rateYear);
    const increase = inForce ? dec(inForce.entry.amount).minus(baselineAmount) : ZERO;
    const amountPath = inForce ? `items.${item.id}.amounts.${inForce.entry.year}` : undefined;
    parts.push({
      increase,
      count: b.count,
      explanation: {
        label: `${b.count} ${unitWord} at the ${item.basis === "fiscalYear" ? "FY" : "CY"}${b.rateYear} increase`,
        value: increase.times(b.count).toString(),
        unit: "USD per member",
        formula: `${unitWord} x (contribution in force - baseline ${item.basis === "fiscalYear" ? "FY" : "CY"}${item.baselineYear} contribution)`,
        symbols: `${b.count} x (${inForce?.entry.amount.value ?? "0"} - ${baselineAmount})`,
        children: [
          ...(inForce && amountPath ? [paramLeaf(inForce.entry.amount, amountPath)] : []),
          ...(baseline ? [paramLeaf(baseline.entry.amount, `items.${item.id}.amounts.${baseline.entry.year}`)] : []),
        ],
      },
    });
  }
  const perHead = sum(parts.map((p) => p.increase.times(p.count)));
  const cost = heads.exact.times(perHead);
  const countNote = item.countFrom
    ? [
        {
          label: `Counted from ${item.countFrom.date}`,
          value: item.countFrom.date,
          unit: "date",
          source: item.countFrom.source,
          children: [],
        } satisfies Explanation,
      ]
    : [];
  return usdCell(
    `${item.label} increase FY${fy}`,
    cost,
    `headcount x sum of (${unitWord} x increase over the baseline)`,
    [heads.explanation, ...parts.map((p) => p.explanation), ...countNote],
    `${heads.exact} x ${moneyText(perHead)}`,
  );
}
