/** What the kind modules share: the item's base fields, covered groups, cells and the split of a cost by groups. */
import { z } from "zod";
import { fiscalYearEndExclusive, fiscalYearStart } from "../calendar";
import { Decimal, ZERO, sum } from "../decimal";
import type { Explanation } from "../explain";
import { param, SHARE, type FieldSpec, type Param } from "../fields";
import { filledRef, hasPayroll, membersOf, payrollOf, type Group } from "../scenario/groups";
import type { ScenarioBase } from "../scenario/base";
import { idSchema, labelSchema } from "../scenario/zod-kit";
import type { CheckContext, CostContext, FormulaContext, ItemBase, ItemCell, ItemField } from "./kind";

export const ITEM_FUND_SHARE: FieldSpec = SHARE(
  "Fund share",
  "Share of this item's cost the fund pays (overrides the groups' fund shares).",
);

/** The fields every item has; a kind's schema spreads them. */
export const itemBaseShape = {
  id: idSchema,
  label: labelSchema.describe("The item's own words; every explanation of its cost uses them."),
  line: idSchema.describe("The cost line of the table the item's cost is shown on."),
  groupIds: z.array(idSchema).min(1).optional().describe("The employee groups the item covers; all groups when absent."),
  fundShares: z.record(idSchema, param(ITEM_FUND_SHARE)).optional().describe("Fund id -> share of this item's cost the fund pays."),
};

export function coveredGroups(scenario: ScenarioBase, item: Pick<ItemBase, "groupIds">, only?: readonly string[]): Group[] {
  const groups = item.groupIds ? scenario.groups.filter((g) => item.groupIds!.includes(g.id)) : scenario.groups;
  return only ? groups.filter((g) => only.includes(g.id)) : groups;
}

/**
 * Whether fiscal year `fy` ends on or before the agreement's first day. Every item costs nothing in
 * such a year whatever its own start fields say; the table, the group parts that fund lines and
 * group-limited rates take, and the workbook's formulas all follow this one rule.
 */
export const beforeAgreement = (scenario: Pick<ScenarioBase, "calendar" | "agreement">, fy: number): boolean =>
  fiscalYearEndExclusive(fy, scenario.calendar.fiscalYearStartMonth) <= scenario.agreement.effectiveFrom;

export const beforeAgreementNote = (scenario: Pick<ScenarioBase, "agreement">): string =>
  `before the agreement takes effect (${scenario.agreement.effectiveFrom})`;

/**
 * Whether fiscal year `fy` starts after the agreement's last day. Notes print such out-years for a
 * base-building agreement: raises stay in the base (no raise step may take effect then), and every
 * other item costs what it states for that year (a rate, a premium's growth, an amount entered);
 * each cell's explanation says so. One-time payments are refused there.
 */
export const afterAgreement = (scenario: Pick<ScenarioBase, "calendar" | "agreement">, fy: number): boolean =>
  fiscalYearStart(fy, scenario.calendar.fiscalYearStartMonth) > scenario.agreement.effectiveTo;

export const afterAgreementNote = (scenario: Pick<ScenarioBase, "agreement">): string =>
  `a year after the agreement ends (${scenario.agreement.effectiveTo}): raises stay in the base, no raise step is added; the item costs what it states for this year`;

/** Whether a rate (of pay, on payroll) is charged in `fy`: from its start year on. */
export const payRateInForce = (item: { startFiscalYear?: number | undefined }, fy: number): boolean =>
  item.startFiscalYear === undefined || fy >= item.startFiscalYear;

/**
 * An item whose first fiscal year is after the table's last is costed only in an annualized column
 * (as a raise step is); without one it would print nothing at all, so it is refused.
 */
export function startAfterTable(
  first: number | undefined,
  ctx: Pick<CheckContext, "scenario" | "years" | "at">,
  what: string,
  key = "startFiscalYear",
): { field: string; message: string } | undefined {
  const last = ctx.years[ctx.years.length - 1]!;
  if (first === undefined || first <= last || ctx.scenario.table.columns.annualized) return undefined;
  return {
    field: `${ctx.at}.${key}`,
    message: `FY${first} is after the table's last fiscal year FY${last}; the ${what} would never be costed`,
  };
}

/** The groups a rate's cost is for: its own groups, narrowed to `only`. */
export function rateGroups(item: ItemBase, ctx: Pick<CostContext, "scenario">, only?: readonly string[]): string[] | undefined {
  if (!item.groupIds && !only) return undefined;
  return coveredGroups(ctx.scenario, item, only).map((g) => g.id);
}

/** The fund-share inputs of an item, for its field list. */
export function fundShareFields(item: ItemBase): ItemField[] {
  return Object.entries(item.fundShares ?? {}).map(([fund, p]) => ({ path: `fundShares.${fund}`, param: p, spec: ITEM_FUND_SHARE }));
}

export const field = (path: string, p: Param | undefined, spec: FieldSpec): ItemField[] => (p ? [{ path, param: p, spec }] : []);

export function moneyText(d: Decimal): string {
  return d.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);
}

/** A cost in dollars with its explanation: the shape every kind's cost returns. */
export function usdCell(label: string, exact: Decimal, formula: string, children: Explanation[] = [], symbols?: string): ItemCell {
  return {
    exact,
    explanation: { label, value: exact.toString(), unit: "USD", formula, ...(symbols === undefined ? {} : { symbols }), children },
  };
}

/** One group's cell as is; several groups summed under one node. */
export function combine(label: string, cells: ItemCell[]): ItemCell {
  if (cells.length === 1) return { exact: cells[0]!.exact, explanation: { ...cells[0]!.explanation, label } };
  const total = sum(cells.map((c) => c.exact));
  return {
    exact: total,
    explanation: {
      label,
      value: total.toString(),
      unit: "USD",
      formula: "sum over employee groups",
      children: cells.map((c) => c.explanation),
    },
  };
}

/** `label` of an item in a fiscal year, with the groups (by their labels) when restricted to some. */
export const itemLabel = (item: ItemBase, fy: number | "annualized", only?: readonly string[], scenario?: ScenarioBase) => {
  const names = only?.map((id) => scenario?.groups.find((g) => g.id === id)?.label ?? id);
  return `${item.label}${names ? ` (${names.join(", ")})` : ""} ${fy === "annualized" ? "annualized" : `FY${fy}`}`;
};

/**
 * The part of an item's cost (or of its companion part's cost) that falls on some of its groups.
 * A kind that can cost itself for a subset of groups does; otherwise the cost is split by the
 * groups' share of the item's covered payroll.
 */
export function partForGroups(
  item: ItemBase,
  whole: ItemCell,
  groups: readonly string[],
  ctx: CostContext,
  fy: number | "annualized",
  partId = item.id,
): ItemCell {
  const covered = coveredGroups(ctx.scenario, item).map((g) => g.id);
  const shared = covered.filter((id) => groups.includes(id));
  if (shared.length === covered.length) return whole;
  const label = `${item.label}: part for ${shared.length ? shared.join(", ") : "no covered group"} ${fy === "annualized" ? "annualized" : `FY${fy}`}`;
  if (shared.length === 0) return usdCell(label, ZERO, `${item.label} covers none of these groups`);
  if (fy !== "annualized" && beforeAgreement(ctx.scenario, fy)) return usdCell(label, ZERO, beforeAgreementNote(ctx.scenario));
  const kind = ctx.kindOf(item);
  if (partId === item.id && kind.perGroup(item, ctx))
    return fy === "annualized" ? kind.annualized(item, ctx, shared) : kind.cost(item, ctx, fy, shared);
  // Groups that state only headcount are split by headcount; otherwise by payroll.
  const byPayroll = coveredGroups(ctx.scenario, item).every(hasPayroll);
  const measure = (gs: readonly Group[]) => (byPayroll ? payrollOf(gs).exact : membersOf(gs).exact);
  const all = measure(coveredGroups(ctx.scenario, item));
  const share = all.isZero() ? ZERO : measure(coveredGroups(ctx.scenario, item, shared)).div(all);
  const value = whole.exact.times(share);
  return {
    exact: value,
    explanation: {
      label,
      value: value.toString(),
      unit: "USD",
      formula: `item cost x the groups' share of the item's covered ${byPayroll ? "payroll" : "headcount"}`,
      symbols: `${whole.exact} x ${share}`,
      children: [whole.explanation],
    },
  };
}

/** payrollOf as a spreadsheet expression over the Inputs sheet's names. */
export function payrollFormula(ctx: FormulaContext, groups: readonly Group[]): string {
  const terms = groups.map((g) => {
    if (g.payroll) return filledRef(g, ctx.ref(`groups.${g.id}.payroll`), ctx);
    if (g.positions)
      return filledRef(
        g,
        g.positions
          .map((p) => `${ctx.ref(`groups.${g.id}.positions.${p.id}.count`)}*${ctx.ref(`groups.${g.id}.positions.${p.id}.salary`)}`)
          .join("+"),
        ctx,
      );
    return filledRef(g, `${ctx.ref(`groups.${g.id}.members`)}*${ctx.ref(`groups.${g.id}.averageSalary`)}`, ctx);
  });
  return sumOf(terms);
}

/** Headcount of groups as a spreadsheet expression. */
export function membersFormula(ctx: FormulaContext, groups: readonly Group[]): string {
  return sumOf(
    groups.map((g) =>
      filledRef(
        g,
        g.positions
          ? g.positions.map((p) => ctx.ref(`groups.${g.id}.positions.${p.id}.count`)).join("+")
          : ctx.ref(`groups.${g.id}.members`),
        ctx,
      ),
    ),
  );
}

export const sumOf = (terms: readonly string[]): string => (terms.length === 0 ? "0" : terms.join("+"));
export const paren = (x: string) => `(${x})`;

/** partForGroups as a formula: the kind's own formula for the groups, else the cell x the payroll share. */
export function partFormula(
  item: ItemBase,
  cell: string,
  groups: readonly string[],
  ctx: FormulaContext,
  fy: number,
  partId = item.id,
): string | undefined {
  const coveredAll = coveredGroups(ctx.scenario, item);
  const shared = coveredAll.filter((g) => groups.includes(g.id));
  if (shared.length === coveredAll.length) return cell;
  if (shared.length === 0) return undefined;
  if (beforeAgreement(ctx.scenario, fy)) return "0";
  const kind = ctx.kindOf(item);
  if (partId === item.id) {
    const own = kind.formula(
      item,
      ctx,
      fy,
      shared.map((g) => g.id),
    );
    if (own && kindSplitsByGroup(kind, item, ctx)) return paren(own.formula);
  }
  const measure = coveredAll.every(hasPayroll) ? payrollFormula : membersFormula;
  const all = measure(ctx, coveredAll);
  return `${cell}*IF((${all})=0,0,(${measure(ctx, shared)})/(${all}))`;
}

/** Whether a kind costs a subset of groups itself (the formula side asks without a cost context). */
function kindSplitsByGroup(kind: ReturnType<FormulaContext["kindOf"]>, item: ItemBase, ctx: FormulaContext): boolean {
  return kind.perGroup(item, { scenario: ctx.scenario } as CostContext);
}
