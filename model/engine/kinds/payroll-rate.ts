/**
 * A rate on covered payroll in force that year: rate x (the covered groups' payroll + the cost that
 * year of the raises items it names). A pension contribution shift, FICA or retirement as a share of
 * payroll; a negative rate is a saving (an employee contribution that rises).
 */
import { z } from "zod";
import { Decimal, ZERO, sum } from "../decimal";
import { param, RATE } from "../fields";
import { dec, paramLeaf, payrollOf } from "../scenario/groups";
import { idSchema, strict, yearSchema } from "../scenario/zod-kit";
import { coveredGroups, field, fundShareFields, itemBaseShape, itemLabel, payrollFormula, startAfterTable, sumOf, usdCell } from "./common";
import { defineKind, type CostContext } from "./kind";
import { chargedCells, payRateInForce } from "./pay-rate";
import { payrollRateFast } from "./pay-rate-fast";

const FIELDS = {
  rate: RATE("Rate on payroll", "A rate on covered payroll (0.01 = 1%); negative for a saving such as a higher employee contribution.", {
    min: "-1",
    expects: "the contract article or plan",
  }),
};

const schema = strict(
  {
    ...itemBaseShape,
    kind: z.literal("payrollRate"),
    rate: param(FIELDS.rate),
    raisesItemIds: z
      .array(idSchema)
      .max(50)
      .optional()
      .describe("Raises items whose cost is added to the base payroll, so the rate is on payroll in force that year."),
    startFiscalYear: yearSchema.optional().describe("The first fiscal year the rate applies."),
  },
  "A rate on covered payroll in force that year (negative = savings).",
);
export type PayrollRateItem = z.infer<typeof schema>;

function base(item: PayrollRateItem, ctx: CostContext, fy: number | "annualized", only?: readonly string[]) {
  const groups = coveredGroups(ctx.scenario, item, only);
  const payroll = payrollOf(groups);
  const raises = chargedCells(
    item.raisesItemIds ?? [],
    groups.map((g) => g.id),
    ctx,
    fy,
  );
  const total = payroll.exact.plus(sum(raises.map((r) => r.exact)));
  return { total, children: [payroll.explanation, ...raises.map((r) => r.explanation)] };
}

export const payrollRate = defineKind<PayrollRateItem>({
  kind: "payrollRate",
  title: "Rates on payroll",
  section: "Rates of pay",
  summary:
    "A rate on covered payroll in force that year: rate x (the groups' payroll + the cost of the raises items it names). A negative rate is a saving (a pension contribution shift to employees).",
  schema,
  fieldSpecs: FIELDS,
  fields: (item) => [...field("rate", item.rate, FIELDS.rate), ...fundShareFields(item)],
  check(item, ctx) {
    const errors: { field: string; message: string }[] = [];
    const seen = new Set<string>();
    for (const id of item.raisesItemIds ?? []) {
      if (seen.has(id))
        errors.push({
          field: `${ctx.at}.raisesItemIds`,
          message: `"${id}" is listed twice (its cost would be added to the payroll twice)`,
        });
      seen.add(id);
      if (ctx.itemById(id)?.kind !== "raises") errors.push({ field: `${ctx.at}.raisesItemIds`, message: `"${id}" is not a raises item` });
    }
    const startError = startAfterTable(item.startFiscalYear, ctx, "rate");
    if (startError) errors.push(startError);
    return errors;
  },
  needsMembers: () => false,
  needsPayroll: () => true,
  dependsOn: (item) => item.raisesItemIds ?? [],
  perGroup: () => true,
  cost(item, ctx, fy, only) {
    const label = itemLabel(item, fy, only, ctx.scenario);
    if (!payRateInForce(item, fy)) return usdCell(label, ZERO, `starts in FY${item.startFiscalYear}`);
    const b = base(item, ctx, fy, only);
    const rate = dec(item.rate);
    return usdCell(
      label,
      rate.times(b.total),
      "rate x (payroll + raises in force)",
      [paramLeaf(item.rate, `items.${item.id}.rate`, "rate"), ...b.children],
      `${rate} x ${b.total}`,
    );
  },
  annualized(item, ctx, only) {
    const b = base(item, ctx, "annualized", only);
    const rate = dec(item.rate);
    return usdCell(itemLabel(item, "annualized", only, ctx.scenario), rate.times(b.total), "rate x (payroll + annualized raises)", [
      paramLeaf(item.rate, `items.${item.id}.rate`, "rate"),
      ...b.children,
    ]);
  },
  formula(item, ctx, fy, only) {
    if (!payRateInForce(item, fy)) return { formula: "0", note: `starts in FY${item.startFiscalYear}` };
    const groups = coveredGroups(ctx.scenario, item, only);
    const cells = (item.raisesItemIds ?? [])
      .flatMap((id) => [id, ...(ctx.companions.get(id) ?? [])])
      .flatMap((partId) => {
        const c = ctx.itemCell(partId, fy);
        return c === undefined ? [] : [c];
      });
    const limited = item.groupIds || only;
    if (limited && cells.length > 0) return undefined;
    return {
      formula: `${ctx.ref(`items.${item.id}.rate`)}*(${sumOf([payrollFormula(ctx, groups), ...cells])})`,
      note: "rate x (payroll + raises in force)",
    };
  },
  describe(item) {
    const rate = new Decimal(item.rate.value);
    const what = rate.isNegative() ? "saves" : "costs";
    return `${item.label}: ${what} ${rate.abs().times(100).toString()}% of covered payroll${item.raisesItemIds?.length ? " in force (with its raises)" : ""}${item.startFiscalYear ? ` from FY${item.startFiscalYear}` : ""}${item.rate.source.ref ? ` (${item.rate.source.ref})` : ""}.`;
  },
  fast: payrollRateFast,
  work: (item, ctx) =>
    (item.raisesItemIds ?? []).reduce((n, id) => n + ctx.years * 2 + ctx.itemWork(id), ctx.years * (1 + ctx.bases(item))),
});
