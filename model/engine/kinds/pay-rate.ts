/**
 * Rates of pay (Medicare 1.45%, FICA, pension, OPEB): rate x the cost of the items it applies to,
 * from its start year on. A rate with groupIds applies only to those groups' part of each target's
 * cost (a pension rate for sworn officers only), so groups can carry different rates of pay.
 */
import { z } from "zod";
import { Decimal, ZERO, sum } from "../decimal";
import { param, RATE } from "../fields";
import { dec, paramLeaf } from "../scenario/groups";
import { idSchema, strict, unknownIdMessage, yearSchema } from "../scenario/zod-kit";
import {
  coveredGroups,
  field,
  fundShareFields,
  itemBaseShape,
  itemLabel,
  partForGroups,
  partFormula,
  payRateInForce,
  rateGroups,
  startAfterTable,
  sumOf,
  usdCell,
} from "./common";
import { payRateFast } from "./pay-rate-fast";
import { defineKind, type CostContext, type ItemBase, type ItemCell } from "./kind";

const FIELDS = {
  rate: RATE("Rate of pay", "A rate charged on the cost of other items (0.0145 = 1.45% Medicare).", { expects: "the statute or plan" }),
};

const schema = strict(
  {
    ...itemBaseShape,
    kind: z.literal("payRate"),
    rate: param(FIELDS.rate),
    appliesTo: z.array(idSchema).max(100).describe("Ids of the items whose cost the rate applies to."),
    startFiscalYear: yearSchema.optional().describe("The first fiscal year the rate applies."),
  },
  "A rate of pay on other items' cost (Medicare, FICA, pension).",
);
export type PayRateItem = z.infer<typeof schema>;

export { payRateInForce, rateGroups };

/** "rate x (Base salary increases + 4% bonus)" in the items' and groups' own labels, never their ids. */
function chargedOnWords(item: PayRateItem, scenario: CostContext["scenario"]): string {
  const items = item.appliesTo.map((id) => scenario.items.find((i) => i.id === id)?.label ?? id);
  const groups = item.groupIds?.map((id) => scenario.groups.find((g) => g.id === id)?.label ?? id);
  return `rate x (${items.join(" + ")})${groups ? ` for ${groups.join(", ")} only` : ""}`;
}

/** The costs a rate is charged on in `fy`: each target and its companion parts, limited to the groups. */
export function chargedCells(
  targets: readonly string[],
  groups: readonly string[] | undefined,
  ctx: CostContext,
  fy: number | "annualized",
): ItemCell[] {
  return targets.flatMap((id) => {
    const target = ctx.itemById(id);
    return [id, ...(ctx.companions.get(id) ?? [])].flatMap((partId) => {
      const whole =
        fy === "annualized"
          ? partId === id && target
            ? ctx.kindOf(target).annualized(target, ctx)
            : ctx.costs.get(partId)?.get(ctx.years[ctx.years.length - 1]!)
          : ctx.costs.get(partId)?.get(fy);
      if (!whole) return [];
      return [groups && target ? partForGroups(target, whole, groups, ctx, fy, partId) : whole];
    });
  });
}

export const payRate = defineKind<PayRateItem>({
  kind: "payRate",
  title: "Rates of pay",
  section: "Rates of pay",
  summary:
    "A rate charged on other items' cost (Medicare, FICA, pension): rate x the cost of the items it applies to, from its start year on; with groupIds only on those groups' part of each item's cost.",
  schema,
  fieldSpecs: FIELDS,
  fields: (item) => [...field("rate", item.rate, FIELDS.rate), ...fundShareFields(item)],
  check(item, ctx) {
    const errors: { field: string; message: string }[] = [];
    if (item.appliesTo.length === 0)
      errors.push({ field: `${ctx.at}.appliesTo`, message: "lists no items; the rate would never be costed" });
    const startError = startAfterTable(item.startFiscalYear, ctx, "rate");
    if (startError) errors.push(startError);
    const seen = new Set<string>();
    for (const target of item.appliesTo) {
      if (seen.has(target))
        errors.push({ field: `${ctx.at}.appliesTo`, message: `"${target}" is listed twice (it would be charged twice)` });
      seen.add(target);
      const t = ctx.itemById(target);
      if (!t)
        errors.push({
          field: `${ctx.at}.appliesTo`,
          message: unknownIdMessage(
            `item "${target}" does not exist`,
            target,
            ctx.scenario.items.map((i) => i.id),
            "items",
          ),
        });
      else if (t.kind === "payRate")
        errors.push({ field: `${ctx.at}.appliesTo`, message: `a rate of pay cannot apply to another rate of pay ("${target}")` });
    }
    // A rate limited to groups charges only those groups' part of each item: when no item it applies
    // to covers any of them, every year would cost $0 with no sign of why.
    const targets = item.appliesTo.map((id) => ctx.itemById(id)).filter((t): t is ItemBase => t !== undefined && t.kind !== "payRate");
    if (item.groupIds && targets.length > 0 && targets.length === new Set(item.appliesTo).size) {
      const covered = (t: ItemBase) => coveredGroups(ctx.scenario, t).map((g) => g.id);
      if (targets.every((t) => !covered(t).some((g) => item.groupIds!.includes(g))))
        errors.push({
          field: `${ctx.at}.groupIds`,
          message: `the rate is limited to ${item.groupIds.join(", ")}, and no item it applies to covers any of them (${targets
            .map((t) => `${t.id} covers ${covered(t).join(", ") || "no group"}`)
            .join("; ")}); it would cost $0 every year`,
        });
    }
    return errors;
  },
  needsMembers: () => false,
  dependsOn: (item) => item.appliesTo,
  perGroup: () => true,
  cost(item, ctx, fy, only) {
    const label = itemLabel(item, fy, only, ctx.scenario);
    if (!payRateInForce(item, fy)) return usdCell(label, ZERO, `starts in FY${item.startFiscalYear}`);
    const bases = chargedCells(item.appliesTo, rateGroups(item, ctx, only), ctx, fy);
    const base = sum(bases.map((b) => b.exact));
    const rate = dec(item.rate);
    return usdCell(
      label,
      rate.times(base),
      chargedOnWords(item, ctx.scenario),
      [paramLeaf(item.rate, `items.${item.id}.rate`, "rate"), ...bases.map((b) => b.explanation)],
      `${rate} x ${base}`,
    );
  },
  annualized(item, ctx, only) {
    const bases = chargedCells(item.appliesTo, rateGroups(item, ctx, only), ctx, "annualized");
    const base = sum(bases.map((b) => b.exact));
    const rate: Decimal = dec(item.rate);
    return usdCell(
      itemLabel(item, "annualized", only, ctx.scenario),
      rate.times(base),
      "rate x the annualized cost of the items it applies to",
      [paramLeaf(item.rate, `items.${item.id}.rate`, "rate"), ...bases.map((b) => b.explanation)],
    );
  },
  formula(item, ctx, fy, only) {
    if (!payRateInForce(item, fy)) return { formula: "0", note: `starts in FY${item.startFiscalYear}` };
    const groups = item.groupIds || only ? coveredGroups(ctx.scenario, item, only).map((g) => g.id) : undefined;
    const terms = item.appliesTo.flatMap((id) => {
      const target = ctx.itemById(id);
      return [id, ...(ctx.companions.get(id) ?? [])].flatMap((partId) => {
        const cell = ctx.itemCell(partId, fy);
        if (cell === undefined) return [];
        const part = groups && target ? partFormula(target, cell, groups, ctx, fy, partId) : cell;
        return part === undefined ? [] : [part];
      });
    });
    return {
      formula: `${ctx.ref(`items.${item.id}.rate`)}*(${sumOf(terms)})`,
      note: chargedOnWords(item, ctx.scenario),
    };
  },
  describe(item, scenario) {
    const names = item.appliesTo.map((id) => scenario.items.find((i) => i.id === id)?.label ?? id);
    return `${item.label}: ${new Decimal(item.rate.value).times(100).toString()}% on ${names.join(", ")}${item.startFiscalYear ? ` from FY${item.startFiscalYear}` : ""}${item.rate.source.ref ? ` (${item.rate.source.ref})` : ""}.`;
  },
  fast: payRateFast,
  // Each target every year; limited to some groups, the target is costed again for them.
  work: (item, ctx) =>
    item.appliesTo.reduce(
      (n, id) => n + ctx.years * 2 + (item.groupIds ? ctx.itemWork(id) + ctx.years * ctx.scenario.groups.length : 0),
      ctx.years,
    ),
});
