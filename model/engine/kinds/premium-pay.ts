/**
 * Premium pay: units x hours per unit x hourly rate x (1 + the rates of pay that load it) a year;
 * the first fiscal year carries `yearsPaidInFirstYear` years (the year itself plus retro years),
 * later years grow by the growth rate compounded from the first year.
 */
import { z } from "zod";
import { Decimal, ONE, ZERO, sum } from "../decimal";
import { COUNT, DOLLARS, param, RATE, type FieldSpec } from "../fields";
import { dec, paramLeaf } from "../scenario/groups";
import { idSchema, strict, yearSchema } from "../scenario/zod-kit";
import { field, fundShareFields, itemBaseShape, itemLabel, startAfterTable, sumOf, usdCell } from "./common";
import { dollarsText, groupedNumber, percentText } from "../words";
import { defineKind, type CostContext, type ItemCell } from "./kind";
import { payRateInForce, type PayRateItem } from "./pay-rate";
import { premiumPayFast } from "./premium-pay-fast";

const FIELDS = {
  units: COUNT("Units a year", "How many premium units (requests, shifts, assignments) a year."),
  hoursPerUnit: COUNT("Hours per unit", "Premium hours paid per unit.", "hours"),
  hourlyRate: DOLLARS("Hourly rate", "The premium's hourly rate.", "USD/hour"),
  annualAmount: DOLLARS(
    "Annual amount",
    "Overrides units x hours x rate x (1 + rates of pay) for the first year (a stated or calibrated figure).",
    "USD/year",
  ),
  growthRate: RATE("Growth rate", "Yearly growth of the premium after its first year.", { min: "-1", minExclusive: true }),
  yearsPaidInFirstYear: COUNT(
    "Years paid in the first year",
    "Years of premium paid in the first fiscal year (2 = the year plus one year of retro pay).",
  ),
} satisfies Record<string, FieldSpec>;

const schema = strict(
  {
    ...itemBaseShape,
    kind: z.literal("premiumPay"),
    units: param(FIELDS.units),
    hoursPerUnit: param(FIELDS.hoursPerUnit),
    hourlyRate: param(FIELDS.hourlyRate),
    payRateIds: z.array(idSchema).max(50).describe("Rate-of-pay items whose rates load the premium (e.g. Medicare)."),
    annualAmount: param(FIELDS.annualAmount).optional(),
    growthRate: param(FIELDS.growthRate),
    firstFiscalYear: yearSchema.describe("The first fiscal year the premium is paid."),
    yearsPaidInFirstYear: param(FIELDS.yearsPaidInFirstYear),
  },
  "Premium pay: units x hours x hourly rate x (1 + rates of pay), grown after its first year.",
);
export type PremiumPayItem = z.infer<typeof schema>;

function ratesOfPay(item: PremiumPayItem, ctx: Pick<CostContext, "itemById">, fy: number): PayRateItem[] {
  return item.payRateIds
    .map((id) => ctx.itemById(id))
    .filter((i): i is PayRateItem => i?.kind === "payRate" && payRateInForce(i as PayRateItem, fy));
}

function annualAmount(item: PremiumPayItem, ctx: CostContext, fy: number): ItemCell {
  if (item.annualAmount)
    return { exact: dec(item.annualAmount), explanation: paramLeaf(item.annualAmount, `items.${item.id}.annualAmount`, "USD/year") };
  const rates = ratesOfPay(item, ctx, fy);
  const rateSum = sum(rates.map((l) => dec(l.rate)));
  const units = dec(item.units);
  const hours = dec(item.hoursPerUnit);
  const rate = dec(item.hourlyRate);
  const value = units.times(hours).times(rate).times(ONE.plus(rateSum));
  return {
    exact: value,
    explanation: {
      label: `${item.label}: annual amount incl. rates of pay`,
      value: value.toString(),
      unit: "USD/year",
      formula: "units x hours per unit x hourly rate x (1 + rates of pay)",
      symbols: `${units} x ${hours} x ${rate} x (1 + ${rateSum})`,
      children: [
        paramLeaf(item.units, `items.${item.id}.units`, "count"),
        paramLeaf(item.hoursPerUnit, `items.${item.id}.hoursPerUnit`, "hours"),
        paramLeaf(item.hourlyRate, `items.${item.id}.hourlyRate`, "USD/hour"),
        ...rates.map((l) => paramLeaf(l.rate, `items.${l.id}.rate`, "rate")),
      ],
    },
  };
}

function yearCost(item: PremiumPayItem, ctx: CostContext, fy: number, label: string, retro: boolean): ItemCell {
  const annual = annualAmount(item, ctx, fy);
  const growth = dec(item.growthRate);
  const years = fy - item.firstFiscalYear;
  const growthFactor: Decimal = ONE.plus(growth).pow(years);
  const first = years === 0 && retro;
  const multiplier = first ? dec(item.yearsPaidInFirstYear) : ONE;
  const cost = annual.exact.times(growthFactor).times(multiplier);
  const children = [annual.explanation, paramLeaf(item.growthRate, `items.${item.id}.growthRate`, "rate")];
  if (first) children.push(paramLeaf(item.yearsPaidInFirstYear, `items.${item.id}.yearsPaidInFirstYear`, "count"));
  return usdCell(
    label,
    cost,
    first ? "annual amount x years paid in the first year (incl. retro)" : `annual amount x (1 + growth)^${years}`,
    children,
    first ? `${annual.exact} x ${multiplier}` : `${annual.exact} x ${growthFactor}`,
  );
}

export const premiumPay = defineKind<PremiumPayItem>({
  kind: "premiumPay",
  title: "Premium pay",
  section: "Premium pay",
  summary:
    "Premium pay: units x hours per unit x hourly rate x (1 + the rates of pay that load it) a year, grown by a growth rate after its first year; the first year may carry retro years.",
  schema,
  fieldSpecs: FIELDS,
  fields: (item) => [
    ...field("units", item.units, FIELDS.units),
    ...field("hoursPerUnit", item.hoursPerUnit, FIELDS.hoursPerUnit),
    ...field("hourlyRate", item.hourlyRate, FIELDS.hourlyRate),
    ...field("annualAmount", item.annualAmount, FIELDS.annualAmount),
    ...field("growthRate", item.growthRate, FIELDS.growthRate),
    ...field("yearsPaidInFirstYear", item.yearsPaidInFirstYear, FIELDS.yearsPaidInFirstYear),
    ...fundShareFields(item),
  ],
  check(item, ctx) {
    const errors: { field: string; message: string }[] = [];
    const startError = startAfterTable(item.firstFiscalYear, ctx, "premium", "firstFiscalYear");
    if (startError) errors.push(startError);
    const seen = new Set<string>();
    for (const id of item.payRateIds) {
      if (seen.has(id)) errors.push({ field: `${ctx.at}.payRateIds`, message: `"${id}" is listed twice (it would load twice)` });
      seen.add(id);
      const rate = ctx.itemById(id);
      if (rate?.kind !== "payRate") errors.push({ field: `${ctx.at}.payRateIds`, message: `"${id}" is not a rate-of-pay item` });
      // premium -> loaded by the rate -> the rate charged on the premium: the rate would be paid on itself.
      else if ((rate as PayRateItem).appliesTo.includes(item.id))
        errors.push({
          field: `${ctx.at}.payRateIds`,
          message: `loop: "${id}" loads this premium and is also charged on it (${item.id} -> ${id} -> ${item.id}); keep one`,
        });
    }
    return errors;
  },
  needsMembers: () => false,
  dependsOn: () => [],
  perGroup: () => false,
  cost(item, ctx, fy) {
    const label = itemLabel(item, fy);
    if (fy < item.firstFiscalYear) return usdCell(label, ZERO, `starts in FY${item.firstFiscalYear}`);
    return yearCost(item, ctx, fy, label, true);
  },
  annualized(item, ctx) {
    const last = Math.max(ctx.years[ctx.years.length - 1]!, item.firstFiscalYear);
    return yearCost(item, ctx, last, itemLabel(item, "annualized"), false);
  },
  formula(item, ctx, fy) {
    if (fy < item.firstFiscalYear) return { formula: "0", note: `starts in FY${item.firstFiscalYear}` };
    const at = (k: string) => ctx.ref(`items.${item.id}.${k}`);
    const annual = item.annualAmount
      ? at("annualAmount")
      : `${at("units")}*${at("hoursPerUnit")}*${at("hourlyRate")}*(1+${sumOf(ratesOfPay(item, ctx, fy).map((l) => ctx.ref(`items.${l.id}.rate`)))})`;
    const years = fy - item.firstFiscalYear;
    if (years === 0)
      return { formula: `${annual}*${at("yearsPaidInFirstYear")}`, note: "annual amount x years paid in the first year (incl. retro)" };
    return { formula: `${annual}*(1+${at("growthRate")})^${years}`, note: `annual amount x (1 + growth)^${years}` };
  },
  describe(item) {
    const per = `${groupedNumber(item.units.value)} units a year × ${groupedNumber(item.hoursPerUnit.value)} hours × ${dollarsText(item.hourlyRate.value)} an hour`;
    const growth = new Decimal(item.growthRate.value).isZero() ? "" : `, growing ${percentText(item.growthRate.value)} a year`;
    const ref = item.hourlyRate.source.ref ? ` (${item.hourlyRate.source.ref})` : "";
    return `${item.label}: premium pay of ${per} from FY${item.firstFiscalYear}${growth}${ref}.`;
  },
  fast: premiumPayFast,
  work: (item, ctx) => ctx.years * (ctx.years + item.payRateIds.length + 2),
});
