/**
 * Amounts entered per fiscal year (equipment, other non-personnel costs, a stated cost or saving).
 * A note often states a cost once "each year" ($50,000 annually, or growing 3% a year): with
 * `recurring`, each amount entered also counts in every later year until the next amount entered
 * (and through `throughFiscalYear` at most), grown by `growthRate` a year from the year it was
 * entered, so the file holds one entry where the note holds one figure.
 */
import { z } from "zod";
import { Decimal, ONE, ZERO, sum } from "../decimal";
import { DOLLARS, param, RATE } from "../fields";
import { dec, paramLeaf } from "../scenario/groups";
import { fyKeySchema, strict, yearSchema } from "../scenario/zod-kit";
import { fyKey } from "../table/schema";
import { field, fundShareFields, itemBaseShape, itemLabel, usdCell } from "./common";
import { dollarsText, listWords, percentText } from "../words";
import { defineKind, type ItemCell } from "./kind";
import { fixedAmountsFast } from "./fixed-amounts-fast";
import { amountOrigin } from "./fixed-amounts-origin";

const FIELDS = {
  amount: { ...DOLLARS("Amount", "The cost entered for the fiscal year; negative for a saving."), min: undefined },
  growthRate: RATE("Growth rate", "Yearly growth of a recurring amount in the years after it was entered.", {
    min: "-1",
    minExclusive: true,
  }),
};

const schema = strict(
  {
    ...itemBaseShape,
    kind: z.literal("fixedAmounts"),
    amounts: z.record(fyKeySchema, param(FIELDS.amount)).describe('Amounts by fiscal year, "FY2025": {...}; years left out cost nothing.'),
    recurring: z
      .boolean()
      .optional()
      .describe(
        "true: each amount entered also counts in every later fiscal year until the next amount entered (a cost stated once 'each year'); years before the first amount cost nothing.",
      ),
    growthRate: param(FIELDS.growthRate)
      .optional()
      .describe("With recurring: the amount carried into a later year grows by this rate a year, compounded from the year it was entered."),
    throughFiscalYear: yearSchema
      .optional()
      .describe("With recurring: the last fiscal year an amount recurs in; later years cost nothing unless an amount is entered for them."),
  },
  "Amounts entered per fiscal year, or recurring each year from the year entered.",
);
export type FixedAmountsItem = z.infer<typeof schema>;

function noneNote(item: FixedAmountsItem, fy: number): string {
  if (!item.recurring) return "no amount entered for this year";
  if (item.throughFiscalYear !== undefined && fy > item.throughFiscalYear)
    return `the amount recurs through FY${item.throughFiscalYear} only`;
  return "no amount entered for this year or an earlier one";
}

function yearCell(item: FixedAmountsItem, fy: number, label: string): ItemCell {
  const origin = amountOrigin(item, fy);
  if (origin.kind === "none") return usdCell(label, ZERO, noneNote(item, fy));
  const amount = paramLeaf(origin.p, `items.${item.id}.amounts.${origin.key}`, "USD");
  if (origin.kind === "entered") return { exact: dec(origin.p), explanation: { ...amount, label } };
  if (!item.growthRate) return usdCell(label, dec(origin.p), `the ${origin.key} amount, recurring each year`, [amount]);
  const factor: Decimal = ONE.plus(dec(item.growthRate)).pow(origin.years);
  return usdCell(
    label,
    dec(origin.p).times(factor),
    `the ${origin.key} amount x (1 + growth)^${origin.years}`,
    [amount, paramLeaf(item.growthRate, `items.${item.id}.growthRate`, "rate")],
    `${dec(origin.p)} x ${factor}`,
  );
}

export const fixedAmounts = defineKind<FixedAmountsItem>({
  kind: "fixedAmounts",
  title: "Amounts per year",
  section: "Other costs",
  summary:
    "Amounts entered per fiscal year (equipment, other non-personnel costs, a stated cost or saving), or with recurring: true an amount that recurs each later year (optionally grown by a yearly rate, through a last year). The annualized cost is the last fiscal year's amount.",
  schema,
  fieldSpecs: FIELDS,
  fields: (item) => [
    ...Object.entries(item.amounts).flatMap(([fy, p]) => field(`amounts.${fy}`, p, FIELDS.amount)),
    ...field("growthRate", item.growthRate, FIELDS.growthRate),
    ...fundShareFields(item),
  ],
  check(item, ctx) {
    const errors = Object.keys(item.amounts)
      .filter((key) => !ctx.years.includes(Number.parseInt(key.slice(2), 10)))
      .map((key) => ({ field: `${ctx.at}.amounts.${key}`, message: `${key} is not one of the table's fiscal years` }));
    if (!item.recurring) {
      if (item.growthRate)
        errors.push({ field: `${ctx.at}.growthRate`, message: 'a growth rate applies to a recurring amount only; add "recurring": true' });
      if (item.throughFiscalYear !== undefined)
        errors.push({
          field: `${ctx.at}.throughFiscalYear`,
          message: 'a last year applies to a recurring amount only; add "recurring": true',
        });
      return errors;
    }
    const first = Object.keys(item.amounts)
      .map((k) => Number.parseInt(k.slice(2), 10))
      .sort((a, b) => a - b)[0];
    if (first === undefined) errors.push({ field: `${ctx.at}.amounts`, message: "a recurring amount needs the amount of its first year" });
    else if (item.throughFiscalYear !== undefined && item.throughFiscalYear < first)
      errors.push({
        field: `${ctx.at}.throughFiscalYear`,
        message: `FY${item.throughFiscalYear} is before the first amount entered (FY${first}); nothing would recur`,
      });
    return errors;
  },
  needsMembers: () => false,
  dependsOn: () => [],
  perGroup: () => false,
  cost: (item, _ctx, fy) => yearCell(item, fy, itemLabel(item, fy)),
  annualized(item, ctx) {
    const last = ctx.years[ctx.years.length - 1]!;
    const cell = yearCell(item, last, itemLabel(item, "annualized"));
    const origin = amountOrigin(item, last);
    if (origin.kind === "none")
      return usdCell(itemLabel(item, "annualized"), ZERO, `${noneNote(item, last)} (FY${last}, the last fiscal year)`);
    if (origin.kind === "carried") return cell;
    return usdCell(itemLabel(item, "annualized"), cell.exact, `the last fiscal year's amount (${fyKey(last)})`, [
      paramLeaf(origin.p, `items.${item.id}.amounts.${origin.key}`, "USD"),
    ]);
  },
  formula(item, ctx, fy) {
    const origin = amountOrigin(item, fy);
    if (origin.kind === "none") return { formula: "0", note: noneNote(item, fy) };
    const amount = ctx.ref(`items.${item.id}.amounts.${origin.key}`);
    if (origin.kind === "entered") return { formula: amount, note: "amount entered" };
    if (!item.growthRate) return { formula: amount, note: `the ${origin.key} amount, recurring each year` };
    return {
      formula: `${amount}*(1+${ctx.ref(`items.${item.id}.growthRate`)})^${origin.years}`,
      note: `the ${origin.key} amount x (1 + growth)^${origin.years}`,
    };
  },
  describe(item) {
    const years = Object.keys(item.amounts).sort();
    const each = years.map((y) => `${dollarsText(dec(item.amounts[y]!))} in ${y}`);
    if (item.recurring && each.length) {
      const growth = item.growthRate && !dec(item.growthRate).isZero() ? `, growing ${percentText(item.growthRate.value)} a year` : "";
      const through = item.throughFiscalYear !== undefined ? ` through FY${item.throughFiscalYear}` : "";
      return `${item.label}: ${listWords(each)}, recurring each later year${growth}${through}.`;
    }
    const total = sum(Object.values(item.amounts).map((p) => dec(p)));
    return `${item.label}: ${each.length ? listWords(each) : "no amount"}${each.length > 1 ? `, ${dollarsText(total)} in all` : ""}.`;
  },
  fast: fixedAmountsFast,
  work: (_item, ctx) => ctx.years + 1,
});
