/** Amounts entered per fiscal year (equipment, other non-personnel costs, a stated cost or saving). */
import { z } from "zod";
import { ZERO, sum } from "../decimal";
import { DOLLARS, param } from "../fields";
import { dec, paramLeaf } from "../scenario/groups";
import { fyKeySchema, strict } from "../scenario/zod-kit";
import { fyKey } from "../table/schema";
import { field, fundShareFields, itemBaseShape, itemLabel, usdCell } from "./common";
import { dollarsText, listWords } from "../words";
import { defineKind } from "./kind";
import { fixedAmountsFast } from "./fixed-amounts-fast";

const FIELDS = {
  amount: { ...DOLLARS("Amount", "The cost entered for the fiscal year; negative for a saving."), min: undefined },
};

const schema = strict(
  {
    ...itemBaseShape,
    kind: z.literal("fixedAmounts"),
    amounts: z.record(fyKeySchema, param(FIELDS.amount)).describe('Amounts by fiscal year, "FY2025": {...}; years left out cost nothing.'),
  },
  "Amounts entered per fiscal year.",
);
export type FixedAmountsItem = z.infer<typeof schema>;

export const fixedAmounts = defineKind<FixedAmountsItem>({
  kind: "fixedAmounts",
  title: "Amounts per year",
  section: "Other costs",
  summary:
    "Amounts entered per fiscal year (equipment, other non-personnel costs, a stated cost or saving). The annualized cost is the last fiscal year's amount.",
  schema,
  fieldSpecs: FIELDS,
  fields: (item) => [
    ...Object.entries(item.amounts).flatMap(([fy, p]) => field(`amounts.${fy}`, p, FIELDS.amount)),
    ...fundShareFields(item),
  ],
  check(item, ctx) {
    return Object.keys(item.amounts)
      .filter((key) => !ctx.years.includes(Number.parseInt(key.slice(2), 10)))
      .map((key) => ({ field: `${ctx.at}.amounts.${key}`, message: `${key} is not one of the table's fiscal years` }));
  },
  needsMembers: () => false,
  dependsOn: () => [],
  perGroup: () => false,
  cost(item, _ctx, fy) {
    const p = item.amounts[fyKey(fy)];
    if (!p) return usdCell(itemLabel(item, fy), ZERO, "no amount entered for this year");
    return { exact: dec(p), explanation: { ...paramLeaf(p, `items.${item.id}.amounts.${fyKey(fy)}`, "USD") } };
  },
  annualized(item, ctx) {
    const last = fyKey(ctx.years[ctx.years.length - 1]!);
    const p = item.amounts[last];
    if (!p) return usdCell(itemLabel(item, "annualized"), ZERO, `no amount entered for ${last}, the last fiscal year`);
    return usdCell(itemLabel(item, "annualized"), dec(p), `the last fiscal year's amount (${last})`, [
      paramLeaf(p, `items.${item.id}.amounts.${last}`, "USD"),
    ]);
  },
  formula(item, ctx, fy) {
    const key = fyKey(fy);
    return item.amounts[key]
      ? { formula: ctx.ref(`items.${item.id}.amounts.${key}`), note: "amount entered" }
      : { formula: "0", note: "no amount entered for this year" };
  },
  describe(item) {
    const total = sum(Object.values(item.amounts).map((p) => dec(p)));
    const years = Object.keys(item.amounts).sort();
    const each = years.map((y) => `${dollarsText(dec(item.amounts[y]!))} in ${y}`);
    return `${item.label}: ${each.length ? listWords(each) : "no amount"}${each.length > 1 ? `, ${dollarsText(total)} in all` : ""}.`;
  },
  fast: fixedAmountsFast,
  work: (_item, ctx) => ctx.years + 1,
});
