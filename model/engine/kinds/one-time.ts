/**
 * One-time payments kept out of the base (a bonus on prior-year earnings, a retro lump sum, a
 * signing payment): rate x earnings plus members x an amount per member, in the fiscal year paid,
 * zero in every other year.
 */
import { z } from "zod";
import { Decimal, ONE, ZERO } from "../decimal";
import { DOLLARS, param, RATE } from "../fields";
import { dec, hasPayroll, membersOf, paramLeaf, payrollOf } from "../scenario/groups";
import { idSchema, strict, yearSchema } from "../scenario/zod-kit";
import {
  afterAgreement,
  coveredGroups,
  field,
  fundShareFields,
  itemBaseShape,
  itemLabel,
  membersFormula,
  payrollFormula,
  usdCell,
} from "./common";
import { defineKind, type CostContext, type FormulaContext, type ItemCell, type ItemFormula } from "./kind";
import { isClamped, sortedSteps, stepPath, type RaisesItem } from "./raises";
import { oneTimeFast } from "./one-time-fast";
import { dollarsText } from "../words";

const FIELDS = {
  rate: RATE("Payment rate", "The payment as a rate of earnings (0.04 = 4%); 0 for a purely flat payment.", {
    expects: "the contract article",
  }),
  earnings: DOLLARS("Earnings", "The earnings the rate applies to, when stated (e.g. the prior year's actual earnings).", "USD"),
  amountPerMember: DOLLARS("Amount per member", "A flat amount paid to each covered member (e.g. a ratification payment).", "USD"),
};

const schema = strict(
  {
    ...itemBaseShape,
    kind: z.literal("oneTime"),
    paidInFiscalYear: yearSchema.describe("The fiscal year the payment is made (and costed)."),
    rate: param(FIELDS.rate),
    amountPerMember: param(FIELDS.amountPerMember).optional(),
    earnings: param(FIELDS.earnings).optional(),
    earningsFromRaisesItem: idSchema
      .optional()
      .describe(
        "Without `earnings`: take them as the covered payroll / (1 + the first percent raise of this raises item), the year before it.",
      ),
  },
  "A one-time payment: rate x earnings + members x amount per member, in the fiscal year paid.",
);
export type OneTimeItem = z.infer<typeof schema>;

function raisesOf(item: OneTimeItem, ctx: { itemById: (id: string) => { kind: string } | undefined }): RaisesItem | undefined {
  const r = item.earningsFromRaisesItem ? ctx.itemById(item.earningsFromRaisesItem) : undefined;
  return r?.kind === "raises" ? (r as RaisesItem) : undefined;
}

/** A flat payment: an amount per member and a rate of 0, so no earnings base is needed. */
export const flatOnly = (item: OneTimeItem): boolean => item.amountPerMember !== undefined && dec(item.rate).isZero();

function earnings(item: OneTimeItem, ctx: CostContext, only?: readonly string[]): ItemCell {
  if (item.earnings) return { exact: dec(item.earnings), explanation: paramLeaf(item.earnings, `items.${item.id}.earnings`, "USD") };
  const raises = raisesOf(item, ctx);
  if (raises) {
    const payroll = payrollOf(coveredGroups(ctx.scenario, { groupIds: item.groupIds ?? raises.groupIds }, only));
    const first = sortedSteps(raises).find((s) => s.type === "percent");
    const divisor = first ? ONE.plus(dec(first.amount)) : ONE;
    const value = payroll.exact.div(divisor);
    return {
      exact: value,
      explanation: {
        label: "Earnings the rate applies to (derived)",
        value: value.toString(),
        unit: "USD",
        formula: "payroll before the first raise / (1 + first raise): prior-year earnings derived because none are stated",
        symbols: `${payroll.exact} / ${divisor}`,
        source: { kind: "derived", ref: "derived", note: "no earnings figure is stated; taken as the payroll one raise earlier" },
        children: [payroll.explanation, ...(first ? [paramLeaf(first.amount, stepPath(raises, first), "rate")] : [])],
      },
    };
  }
  const payroll = payrollOf(coveredGroups(ctx.scenario, item, only), "Earnings the rate applies to");
  return payroll;
}

function rateTermFormula(item: OneTimeItem, ctx: FormulaContext, only?: readonly string[]): ItemFormula {
  const rate = ctx.ref(`items.${item.id}.rate`);
  if (item.earnings) return { formula: `${rate}*${ctx.ref(`items.${item.id}.earnings`)}`, note: "rate x earnings" };
  const raises = raisesOf(item, ctx);
  if (raises) {
    const p = payrollFormula(ctx, coveredGroups(ctx.scenario, { groupIds: item.groupIds ?? raises.groupIds }, only));
    const first = sortedSteps(raises).find((s) => s.type === "percent");
    const divisor = first ? `(1+${ctx.ref(stepPath(raises, first))})` : "1";
    return {
      formula: `${rate}*(${p})/${divisor}`,
      note: "rate x payroll before the first raise / (1 + first raise) (earnings derived: none stated)",
    };
  }
  return { formula: `${rate}*(${payrollFormula(ctx, coveredGroups(ctx.scenario, item, only))})`, note: "rate x payroll" };
}

export const oneTime = defineKind<OneTimeItem>({
  kind: "oneTime",
  title: "One-time payments",
  section: "One-time payments",
  summary:
    "A payment kept out of the base (bonus, retro lump sum, signing payment): rate x earnings plus members x an amount per member, costed in the fiscal year it is paid. Earnings are stated, or derived from a raises item as the payroll one raise earlier, or the covered payroll.",
  schema,
  fieldSpecs: FIELDS,
  fields: (item) => [
    ...field("rate", item.rate, FIELDS.rate),
    ...field("earnings", item.earnings, FIELDS.earnings),
    ...field("amountPerMember", item.amountPerMember, FIELDS.amountPerMember),
    ...fundShareFields(item),
  ],
  check(item, ctx) {
    const errors: { field: string; message: string }[] = [];
    const { years, at } = ctx;
    if (item.earningsFromRaisesItem && ctx.itemById(item.earningsFromRaisesItem)?.kind !== "raises")
      errors.push({ field: `${at}.earningsFromRaisesItem`, message: `"${item.earningsFromRaisesItem}" is not a raises item` });
    const raises = raisesOf(item, ctx);
    const first = raises && !item.earnings ? sortedSteps(raises).find((s) => s.type === "percent") : undefined;
    // The earnings are the payroll one raise earlier; a flat or minimum first raise has no percent to take out, and
    // skipping it would take a later year's raise out of this year's payroll.
    const earliest = raises && !item.earnings ? sortedSteps(raises)[0] : undefined;
    if (earliest && earliest.type !== "percent")
      errors.push({
        field: `${at}.earningsFromRaisesItem`,
        message:
          `the earnings are derived as the payroll / (1 + the first raise of "${raises!.id}"), but its first raise ` +
          `(FY${earliest.fiscalYear}) is ${earliest.type === "minimum" ? "a minimum salary of" : "a flat"} ${dollarsText(earliest.amount.value)}; state the earnings (earnings)`,
      });
    // Earnings are the payroll with the first raise taken back out (/ (1 + raise)), which a floor or cap does not allow.
    if (first && isClamped(first))
      errors.push({
        field: `${at}.earningsFromRaisesItem`,
        message:
          `the earnings are derived by dividing the payroll by (1 + the first raise of "${raises!.id}"), which cannot take out ` +
          "a raise with a dollar floor or cap; state the earnings (earnings)",
      });
    // Stated earnings win (earnings() reads them first), so the raises item named beside them would change nothing.
    if (item.earnings && item.earningsFromRaisesItem)
      errors.push({
        field: `${at}.earningsFromRaisesItem`,
        message: "give either earnings or earningsFromRaisesItem, not both; with earnings stated, earningsFromRaisesItem would be ignored",
      });
    if (!years.includes(item.paidInFiscalYear))
      errors.push({
        field: `${at}.paidInFiscalYear`,
        message: `FY${item.paidInFiscalYear} is outside the table's fiscal years FY${years[0]}-FY${years[years.length - 1]}; the payment would never be costed`,
      });
    else if (afterAgreement(ctx.scenario, item.paidInFiscalYear))
      errors.push({
        field: `${at}.paidInFiscalYear`,
        message: `FY${item.paidInFiscalYear} starts after the agreement ends (${ctx.scenario.agreement.effectiveTo}); a payment under the agreement is made while it is in force`,
      });
    return errors;
  },
  needsMembers: (item) => item.amountPerMember !== undefined,
  // A flat payment (rate 0 with an amount per member) needs headcount only, as the cost below skips the earnings then.
  needsPayroll: (item) => item.earnings === undefined && !flatOnly(item),
  dependsOn: () => [],
  perGroup: (item) => item.earnings === undefined,
  cost(item, ctx, fy, only) {
    const label = itemLabel(item, fy, only, ctx.scenario);
    if (fy !== item.paidInFiscalYear) return usdCell(label, ZERO, `one-time payment, paid in FY${item.paidInFiscalYear} only`);
    const rate = dec(item.rate);
    const rateLeaf = paramLeaf(item.rate, `items.${item.id}.rate`, "rate");
    // A flat payment with rate 0 needs no earnings base (its groups may state headcount only).
    const base = flatOnly(item) ? undefined : earnings(item, ctx, only);
    const rateCost: Decimal = base ? rate.times(base.exact) : ZERO;
    if (!item.amountPerMember)
      return usdCell(label, rateCost, "rate x earnings", [rateLeaf, base!.explanation], `${rate} x ${base!.exact}`);
    const members = membersOf(coveredGroups(ctx.scenario, item, only));
    const perMember = dec(item.amountPerMember);
    const cost = rateCost.plus(members.exact.times(perMember));
    return usdCell(
      label,
      cost,
      base ? "rate x earnings + members x amount per member" : "members x amount per member",
      [
        ...(base ? [rateLeaf, base.explanation] : []),
        members.explanation,
        paramLeaf(item.amountPerMember, `items.${item.id}.amountPerMember`, "USD"),
      ],
      base ? `${rate} x ${base.exact} + ${members.exact} x ${perMember}` : `${members.exact} x ${perMember}`,
    );
  },
  annualized: (item, ctx, only) =>
    usdCell(itemLabel(item, "annualized", only, ctx.scenario), ZERO, "a one-time payment has no annual cost"),
  formula(item, ctx, fy, only) {
    if (fy !== item.paidInFiscalYear) return { formula: "0", note: `one-time payment, paid in FY${item.paidInFiscalYear} only` };
    if (!item.amountPerMember) return rateTermFormula(item, ctx, only);
    const groups = coveredGroups(ctx.scenario, item, only);
    const members = membersFormula(ctx, groups);
    // Groups stating headcount only have no payroll to write a rate term on: the payment is flat, as validation requires.
    if (!groups.every(hasPayroll))
      return {
        formula: `(${members})*${ctx.ref(`items.${item.id}.amountPerMember`)}`,
        note: "covered members x amount per member (a flat payment: the groups state no payroll, so the rate is 0)",
      };
    // The engine skips the earnings base when the rate is 0; the sheet keeps the term so editing the rate works (0 x earnings = 0).
    const byRate = rateTermFormula(item, ctx, only);
    return {
      formula: `${byRate.formula}+(${members})*${ctx.ref(`items.${item.id}.amountPerMember`)}`,
      note: `${byRate.note} + covered members x amount per member`,
    };
  },
  describe(item) {
    const rate = new Decimal(item.rate.value);
    const parts = [
      ...(rate.isZero() ? [] : [`${rate.times(100).toString()}% of ${item.earnings ? "earnings" : "the covered payroll"}`]),
      ...(item.amountPerMember ? [`${dollarsText(item.amountPerMember.value)} per member`] : []),
    ];
    return `${item.label}: a one-time payment of ${parts.join(" plus ") || "nothing"}, paid in FY${item.paidInFiscalYear}${item.rate.source.ref ? ` (${item.rate.source.ref})` : ""}.`;
  },
  fast: oneTimeFast,
  work: (item, ctx) => ctx.years + 2 * ctx.bases(item),
});
