/**
 * Per-head benefit contributions (optical, dental monthly by calendar year; legal per pay period by
 * fiscal year). The agreement's cost is the increase over a baseline year's contribution:
 * headcount x sum over the fiscal year's months or pay periods of (contribution in force -
 * baseline contribution). Which contribution is in force for a period is a setting
 * (settings.calendarToFiscal); the periods come from the scenario's calendar.
 */
import { z } from "zod";
import { PERIODS_PER_YEAR, periodBuckets } from "../calendar";
import { Decimal, ZERO, sum } from "../decimal";
import type { Explanation, Source } from "../explain";
import { COUNT, DOLLARS, param, type FieldSpec, type Param } from "../fields";
import { dec, membersOf, paramLeaf } from "../scenario/groups";
import { dateSchema, sourceSchema, strict, yearSchema } from "../scenario/zod-kit";
import { coveredGroups, field, fundShareFields, itemBaseShape, itemLabel, membersFormula, moneyText, usdCell } from "./common";
import { dollarsText, groupedNumber } from "../words";
import { defineKind, type CostContext, type ItemCell } from "./kind";
import { perHeadBenefitFast } from "./per-head-benefit-fast";

const FIELDS = {
  monthly: {
    ...DOLLARS("Contribution a month", "Contribution per member per month in force from that year.", "USD/month"),
    min: undefined,
  },
  perPayPeriod: {
    ...DOLLARS("Contribution a pay period", "Contribution per member per pay period in force from that year.", "USD/pay period"),
    min: undefined,
  },
  headcount: COUNT("Headcount", "Members enrolled, when not every covered member is (e.g. family coverage).", "members"),
} satisfies Record<string, FieldSpec>;

const yearKey = z.string().regex(/^\d{4}$/, 'keys are years, e.g. "2025"');
const shape = {
  ...itemBaseShape,
  kind: z.literal("perHeadBenefit"),
  basis: z.enum(["calendarYear", "fiscalYear"]).describe("Whether the amounts' years are calendar years or fiscal years."),
  baselineYear: yearSchema.describe("The year whose contribution is the baseline; the cost is the increase over it."),
  headcount: param(FIELDS.headcount).optional(),
  countFrom: strict({ date: dateSchema, source: sourceSchema })
    .optional()
    .describe("Count only months or pay periods starting on or after this date (a calibration)."),
};
// The amounts' unit follows the frequency: one schema per frequency, each with its own field.
const schema = z
  .discriminatedUnion("frequency", [
    strict(
      {
        ...shape,
        frequency: z.literal("monthly").describe("Contributions per month, 12 a year."),
        amounts: z.record(yearKey, param(FIELDS.monthly)).describe('Contribution a month in force from each year, "2025": {...}.'),
      },
      "A per-head benefit paid monthly whose increase over a baseline year is the cost.",
    ),
    strict(
      {
        ...shape,
        frequency: z.literal("payPeriod").describe("Contributions per pay period of the scenario's calendar."),
        amounts: z
          .record(yearKey, param(FIELDS.perPayPeriod))
          .describe('Contribution a pay period in force from each year, "2025": {...}.'),
      },
      "A per-head benefit paid each pay period whose increase over a baseline year is the cost.",
    ),
  ])
  .refine((item) => Object.keys(item.amounts).length > 0, {
    message: "enter the contribution of at least the baseline year",
    path: ["amounts"],
  });
export type PerHeadBenefitItem = z.infer<typeof schema>;

const amountSpec = (item: PerHeadBenefitItem) => (item.frequency === "monthly" ? FIELDS.monthly : FIELDS.perPayPeriod);

/** The amounts by year, ascending; kept per amounts object (scenarios are immutable) since sweeps ask for them thousands of times. */
const byYearCache = new WeakMap<object, { year: number; amount: Param }[]>();
function amountsByYear(item: PerHeadBenefitItem): { year: number; amount: Param }[] {
  let list = byYearCache.get(item.amounts);
  if (!list) {
    list = Object.entries(item.amounts)
      .map(([key, amount]) => ({ year: Number.parseInt(key, 10), amount }))
      .sort((a, b) => a.year - b.year);
    byYearCache.set(item.amounts, list);
  }
  return list;
}

/** The amount for `year`, or the latest earlier one (a contribution stays in force until changed). */
function amountInForce(item: PerHeadBenefitItem, year: number): { year: number; amount: Param } | undefined {
  let best: { year: number; amount: Param } | undefined;
  for (const entry of amountsByYear(item)) if (entry.year <= year) best = entry;
  return best;
}

const buckets = (item: PerHeadBenefitItem, ctx: Pick<CostContext, "calendar" | "scenario">, fy: number) =>
  periodBuckets(fy, ctx.calendar, {
    periods: item.frequency === "monthly" ? "monthly" : "payPeriod",
    basis: item.basis,
    calendarToFiscal: ctx.scenario.settings.calendarToFiscal,
    ...(item.countFrom ? { countFrom: item.countFrom.date } : {}),
  });

function heads(item: PerHeadBenefitItem, ctx: CostContext, only?: readonly string[]): ItemCell {
  return item.headcount
    ? { exact: dec(item.headcount), explanation: paramLeaf(item.headcount, `items.${item.id}.headcount`, "members") }
    : membersOf(coveredGroups(ctx.scenario, item, only));
}

export const perHeadBenefit = defineKind<PerHeadBenefitItem>({
  kind: "perHeadBenefit",
  title: "Per-head benefits",
  section: "Benefits",
  summary:
    "A per-member contribution (monthly, or per pay period) whose increase over a baseline year's contribution is the cost: headcount x the sum, over the fiscal year's months or pay periods, of (contribution in force - baseline).",
  schema,
  fieldSpecs: FIELDS,
  fields: (item) => [
    ...Object.entries(item.amounts).flatMap(([year, p]) => field(`amounts.${year}`, p, amountSpec(item))),
    ...field("headcount", item.headcount, FIELDS.headcount),
    ...fundShareFields(item),
  ],
  check(item, ctx) {
    const errors: { field: string; message: string }[] = [];
    const { effectiveFrom, effectiveTo } = ctx.scenario.agreement;
    if (item.countFrom && (item.countFrom.date < effectiveFrom || item.countFrom.date > effectiveTo))
      errors.push({
        field: `${ctx.at}.countFrom.date`,
        message: `${item.countFrom.date} is outside the agreement (${effectiveFrom} to ${effectiveTo})`,
      });
    // Without a baseline contribution the cost would be the whole contribution, not its increase.
    const first = amountsByYear(item)[0];
    if (first && !amountInForce(item, item.baselineYear)) {
      const prefix = item.basis === "fiscalYear" ? "FY" : "CY";
      errors.push({
        field: `${ctx.at}.baselineYear`,
        message:
          `no contribution is entered for ${prefix}${item.baselineYear} or earlier (the first is ${prefix}${first.year}); ` +
          "enter the contribution of at least the baseline year",
      });
    }
    return errors;
  },
  needsMembers: (item) => item.headcount === undefined,
  dependsOn: () => [],
  perGroup: (item) => item.headcount === undefined,
  cost(item, ctx, fy, only) {
    const h = heads(item, ctx, only);
    const baseline = amountInForce(item, item.baselineYear);
    const baselineAmount = baseline ? dec(baseline.amount) : ZERO;
    const unitWord = item.frequency === "monthly" ? "months" : "pay periods";
    const unit = amountSpec(item).unit;
    const prefix = item.basis === "fiscalYear" ? "FY" : "CY";
    const parts: { increase: Decimal; count: number; explanation: Explanation }[] = [];
    for (const b of buckets(item, ctx, fy)) {
      const inForce = amountInForce(item, b.rateYear);
      const increase = inForce ? dec(inForce.amount).minus(baselineAmount) : ZERO;
      parts.push({
        increase,
        count: b.count,
        explanation: {
          label: `${b.count} ${unitWord} at the ${prefix}${b.rateYear} increase`,
          value: increase.times(b.count).toString(),
          unit: "USD per member",
          formula: `${unitWord} x (contribution in force - baseline ${prefix}${item.baselineYear} contribution)`,
          symbols: `${b.count} x (${inForce?.amount.value ?? "0"} - ${baselineAmount})`,
          children: [
            ...(inForce ? [paramLeaf(inForce.amount, `items.${item.id}.amounts.${inForce.year}`, unit)] : []),
            ...(baseline ? [paramLeaf(baseline.amount, `items.${item.id}.amounts.${baseline.year}`, unit)] : []),
          ],
        },
      });
    }
    const perHead = sum(parts.map((p) => p.increase.times(p.count)));
    const cost = h.exact.times(perHead);
    const countNote: Explanation[] = item.countFrom
      ? [
          {
            label: `${item.label}: periods counted from`,
            value: item.countFrom.date,
            unit: "date",
            source: item.countFrom.source as Source,
            children: [],
          },
        ]
      : [];
    return usdCell(
      itemLabel(item, fy, only, ctx.scenario),
      cost,
      `headcount x sum of (${unitWord} x increase over the baseline)`,
      [h.explanation, ...parts.map((p) => p.explanation), ...countNote],
      `${h.exact} x ${moneyText(perHead)}`,
    );
  },
  annualized(item, ctx, only) {
    const h = heads(item, ctx, only);
    const years = Object.keys(item.amounts).map(Number);
    const final = amountInForce(item, Math.max(...years))!;
    const baseline = amountInForce(item, item.baselineYear);
    const periods = item.frequency === "monthly" ? 12 : PERIODS_PER_YEAR[ctx.calendar.payFrequency];
    const increase = dec(final.amount).minus(baseline ? dec(baseline.amount) : ZERO);
    const cost = h.exact.times(increase).times(periods);
    return usdCell(
      itemLabel(item, "annualized", only, ctx.scenario),
      cost,
      `headcount x (final contribution - baseline) x ${periods} ${item.frequency === "monthly" ? "months" : "pay periods"}`,
      [h.explanation, paramLeaf(final.amount, `items.${item.id}.amounts.${final.year}`, amountSpec(item).unit)],
      `${h.exact} x ${increase} x ${periods}`,
    );
  },
  formula(item, ctx, fy, only) {
    const h = item.headcount ? ctx.ref(`items.${item.id}.headcount`) : `(${membersFormula(ctx, coveredGroups(ctx.scenario, item, only))})`;
    const baseline = amountInForce(item, item.baselineYear);
    const baseRef = baseline ? ctx.ref(`items.${item.id}.amounts.${baseline.year}`) : "0";
    const unit = item.frequency === "monthly" ? "months" : "pay periods";
    const prefix = item.basis === "fiscalYear" ? "FY" : "CY";
    const parts = buckets(item, ctx, fy).map((b) => {
      const inForce = amountInForce(item, b.rateYear);
      const increase = inForce ? `(${ctx.ref(`items.${item.id}.amounts.${inForce.year}`)}-${baseRef})` : "0";
      const count = ctx.calendarCount({
        key: `${item.frequency === "monthly" ? "months" : "payPeriods"}.FY${fy}.${prefix}${b.rateYear}${item.countFrom ? `.from.${item.countFrom.date}` : ""}`,
        value: b.count,
        unit: item.frequency === "monthly" ? "months" : "pay periods",
        label: `${item.frequency === "monthly" ? "Months" : "Pay periods"} of FY${fy} at the ${prefix}${b.rateYear} amount${item.countFrom ? ` (counted from ${item.countFrom.date})` : ""}`,
      });
      return { term: `${count}*${increase}`, words: `${b.count} ${unit} at the ${prefix}${b.rateYear} rate` };
    });
    const countFrom = item.countFrom ? ` counted from ${item.countFrom.date}` : "";
    return {
      formula: parts.length === 0 ? "0" : `${h}*(${parts.map((p) => p.term).join("+")})`,
      note: `headcount x sum of (${unit} x increase over the ${prefix}${item.baselineYear} baseline): ${parts.map((p) => p.words).join(", ") || "none"}${countFrom}`,
    };
  },
  describe(item) {
    const years = Object.keys(item.amounts).sort();
    const first = item.amounts[years[0]!]!;
    const last = item.amounts[years[years.length - 1]!]!;
    const per = item.frequency === "monthly" ? "a month" : "a pay period";
    return `${item.label}: the contribution per member rises from ${dollarsText(first.value)} to ${dollarsText(last.value)} ${per} (${item.basis === "fiscalYear" ? "FY" : "CY"}${years[0]}-${years[years.length - 1]})${last.source.ref ? ` (${last.source.ref})` : ""}.`;
  },
  provision(item) {
    const years = Object.keys(item.amounts).sort();
    const yearWords = item.basis === "fiscalYear" ? "fiscal year" : "calendar year";
    const per = item.frequency === "monthly" ? "a month" : "a pay period";
    const refs = [...new Set(years.map((y) => item.amounts[y]!.source.ref).filter((r) => r !== ""))];
    const baseline = item.amounts[String(item.baselineYear)];
    const enrolled = item.headcount ? ` for ${groupedNumber(item.headcount.value)} members enrolled` : "";
    return {
      text:
        `${item.label}${refs.length ? ` (${refs.join(", ")})` : ""}: the contribution per member${enrolled}` +
        (baseline ? `, ${dollarsText(baseline.value, 2)} ${per} in ${yearWords} ${item.baselineYear},` : "") +
        ` rises as follows.`,
      points: years
        .filter((y) => Number(y) > item.baselineYear)
        .map((y, k, later) => {
          const now = new Decimal(item.amounts[y]!.value);
          const before = new Decimal(item.amounts[k === 0 ? String(item.baselineYear) : later[k - 1]!]?.value ?? now);
          const change = now.minus(before);
          const by = change.isZero()
            ? "unchanged"
            : `${change.isNegative() ? "a decrease" : "an increase"} of ${dollarsText(change.abs(), 2)}`;
          return `${yearWords} ${y}: ${dollarsText(now, 2)} ${per}, ${by}`;
        }),
    };
  },
  fast: perHeadBenefitFast,
  work: (item, ctx) => ctx.years * (2 + (Object.keys(item.amounts).length + ctx.bases(item)) / 4),
});
