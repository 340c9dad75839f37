/**
 * Employee groups: who the agreement covers and their payroll, given one of three ways:
 * members + average salary; payroll (total base salaries, members optional); or positions
 * (count and salary of each). Payroll and headcount are computed here and nowhere else.
 *
 * A group's vacancy rate (budgeted salary savings) makes every cost that of its filled share: the
 * headcount, payroll and positions' counts the kinds read here (and in raises' salary bases, their
 * fast twins and the workbook's formulas) are already x (1 - vacancy rate), so each cost sees the
 * factor once and no kind applies it itself.
 */
import { z } from "zod";
import { Decimal, ONE, ZERO, sum } from "../decimal";
import { leaf, type Explanation } from "../explain";
import { COUNT, DOLLARS, param, SHARE, type FieldSpec, type Param } from "../fields";
import { idSchema, labelSchema, strict } from "./zod-kit";

export const GROUP_FIELDS = {
  members: COUNT("Members", "Active members the agreement covers (headcount, or full-time equivalents).", "members"),
  averageSalary: DOLLARS("Average salary", "Average annual base salary before the agreement's first raise.", "USD/year"),
  payroll: DOLLARS("Payroll", "Total annual base salaries of the group before the agreement's first raise.", "USD/year"),
  positionCount: COUNT("Positions", "Members holding the position.", "members"),
  positionSalary: DOLLARS("Salary", "Annual base salary of the position before the first raise.", "USD/year"),
  fundShare: SHARE("Fund share", "Share of the group's costs paid by the fund (shares of one group add up to at most 1)."),
  vacancyRate: {
    ...SHARE(
      "Vacancy rate",
      "Share of the group's positions expected to stay vacant over the year (budgeted salary savings); the group's costs are those of its filled share: members, payroll and positions' counts x (1 - vacancy rate).",
    ),
    maxExclusive: true,
    expects: "the fiscal note or budget office's vacancy assumption",
  },
} satisfies Record<string, FieldSpec>;

const positionSchema = strict({
  id: idSchema,
  label: labelSchema,
  count: param(GROUP_FIELDS.positionCount),
  salary: param(GROUP_FIELDS.positionSalary),
});

export const groupSchema = strict(
  {
    id: idSchema,
    label: labelSchema,
    members: param(GROUP_FIELDS.members).optional(),
    averageSalary: param(GROUP_FIELDS.averageSalary).optional(),
    payroll: param(GROUP_FIELDS.payroll).optional(),
    positions: z.array(positionSchema).min(1).max(500).optional(),
    vacancyRate: param(GROUP_FIELDS.vacancyRate).optional(),
    fundShares: z
      .record(idSchema, param(GROUP_FIELDS.fundShare))
      .optional()
      .describe("Fund id -> the share of this group's costs it pays."),
  },
  "An employee group: members + averageSalary, or payroll (members optional), or positions; or members alone when only flat amounts per member are costed.",
);

export type Group = z.infer<typeof groupSchema>;

/** Why a group's payroll is not given exactly one way, or null. */
export function groupFormProblem(g: Group): string | null {
  const forms = [g.averageSalary !== undefined, g.payroll !== undefined, g.positions !== undefined].filter(Boolean).length;
  if (forms === 0 && g.members === undefined)
    return "gives neither payroll nor headcount: write members + averageSalary, or payroll, or positions (or members alone for flat amounts per member)";
  if (forms > 1) return "gives its payroll more than one way: keep one of averageSalary, payroll, positions";
  if (g.averageSalary && !g.members) return "has an averageSalary but no members: payroll is members x average salary";
  if (g.positions && g.members) return "gives members beside positions: the positions' counts are the members";
  return null;
}

const parsed = new Map<string, Decimal>();
/** A Param's value as a Decimal; values repeat across sweeps, so parsed ones are kept (Decimals are immutable). */
export function dec(p: Param): Decimal {
  let d = parsed.get(p.value);
  if (d === undefined) {
    d = new Decimal(p.value);
    if (parsed.size > 50_000) parsed.clear();
    parsed.set(p.value, d);
  }
  return d;
}

export function paramLeaf(p: Param, path: string, unit: string): Explanation {
  return leaf(p.label, p.value, unit, path, p.source);
}

export interface Amount {
  exact: Decimal;
  explanation: Explanation;
}

/** Whether the group states its payroll (members alone state headcount only: enough for flat amounts per member). */
export const hasPayroll = (g: Group): boolean => g.averageSalary !== undefined || g.payroll !== undefined || g.positions !== undefined;

/** Whether the group states its headcount (members, or positions' counts). */
export const hasMembers = (g: Group): boolean => g.members !== undefined || g.positions !== undefined;

/**
 * `stated` (members, a payroll, a position's count) for the filled share of the group: stated x (1 - vacancy
 * rate), the vacancy rate its own leaf; as stated when the group gives no vacancy rate.
 */
export function filledShare(g: Group, stated: Amount, what: string, unit: string, label = `${g.label}: filled ${what}`): Amount {
  if (!g.vacancyRate) return stated;
  const v = dec(g.vacancyRate);
  const exact = stated.exact.times(ONE.minus(v));
  return {
    exact,
    explanation: {
      label,
      value: exact.toString(),
      unit,
      formula: `${what} x (1 - vacancy rate)`,
      symbols: `${stated.exact} x (1 - ${v})`,
      children: [stated.explanation, paramLeaf(g.vacancyRate, `groups.${g.id}.vacancyRate`, "share")],
    },
  };
}

/** A stated input's spreadsheet expression for the filled share: expr x (1 - vacancy rate). */
export function filledRef(g: Group, expr: string, ctx: { ref(path: string): string }): string {
  return g.vacancyRate ? `(${expr})*(1-${ctx.ref(`groups.${g.id}.vacancyRate`)})` : expr;
}

/** The group's headcount (its filled share under a vacancy rate); undefined when it gives only a payroll. */
export function groupMembers(g: Group): Amount | undefined {
  const stated = statedMembers(g);
  return stated && filledShare(g, stated, "members", "members");
}

function statedMembers(g: Group): Amount | undefined {
  if (g.members) return { exact: dec(g.members), explanation: paramLeaf(g.members, `groups.${g.id}.members`, "members") };
  if (!g.positions) return undefined;
  const total = sum(g.positions.map((p) => dec(p.count)));
  return {
    exact: total,
    explanation: {
      label: `${g.label}: members`,
      value: total.toString(),
      unit: "members",
      formula: "sum of the positions' counts",
      children: g.positions.map((p) => paramLeaf(p.count, `groups.${g.id}.positions.${p.id}.count`, "members")),
    },
  };
}

/** The group's payroll before the first raise, by whichever form the group gives (its filled share under a vacancy rate). */
export function groupPayroll(g: Group): Amount {
  return filledShare(g, statedPayroll(g), "payroll", "USD");
}

/** The payroll as the group states it, before any vacancy rate: the FIS document's words about the group. */
export function statedPayroll(g: Group): Amount {
  if (g.payroll) return { exact: dec(g.payroll), explanation: paramLeaf(g.payroll, `groups.${g.id}.payroll`, "USD/year") };
  if (g.positions) {
    const total = sum(g.positions.map((p) => dec(p.count).times(dec(p.salary))));
    return {
      exact: total,
      explanation: {
        label: `${g.label}: payroll`,
        value: total.toString(),
        unit: "USD",
        formula: "sum over positions of count x salary",
        children: g.positions.flatMap((p) => [
          paramLeaf(p.count, `groups.${g.id}.positions.${p.id}.count`, "members"),
          paramLeaf(p.salary, `groups.${g.id}.positions.${p.id}.salary`, "USD/year"),
        ]),
      },
    };
  }
  // Validation refuses every item that needs a payroll on a group that states only its headcount.
  if (!g.averageSalary) throw new Error(`group "${g.id}" states no payroll (members only)`);
  const members = dec(g.members!);
  const salary = dec(g.averageSalary);
  const total = members.times(salary);
  return {
    exact: total,
    explanation: {
      label: `${g.label}: payroll`,
      value: total.toString(),
      unit: "USD",
      formula: "members x average salary",
      children: [
        paramLeaf(g.members!, `groups.${g.id}.members`, "members"),
        paramLeaf(g.averageSalary!, `groups.${g.id}.averageSalary`, "USD/year"),
      ],
    },
  };
}

/** Payroll of several groups, one node per group under a sum when there are several. */
export function payrollOf(groups: readonly Group[], label = "Payroll before the first raise (P)"): Amount {
  const parts = groups.map(groupPayroll);
  const total = sum(parts.map((p) => p.exact));
  if (parts.length === 1) return { exact: total, explanation: { ...parts[0]!.explanation, label } };
  return {
    exact: total,
    explanation: {
      label,
      value: total.toString(),
      unit: "USD",
      formula: "sum over the covered groups",
      children: parts.map((p) => p.explanation),
    },
  };
}

/** Headcount of several groups (each must state members: validation refuses items needing it otherwise). */
export function membersOf(groups: readonly Group[]): Amount {
  const parts = groups.map(
    (g) => groupMembers(g) ?? { exact: ZERO, explanation: leaf(`${g.label}: members`, "0", "members", undefined, undefined) },
  );
  const total = sum(parts.map((p) => p.exact));
  if (parts.length === 1) return parts[0]!;
  return {
    exact: total,
    explanation: {
      label: "Members covered",
      value: total.toString(),
      unit: "members",
      formula: "sum of the covered groups' members",
      children: parts.map((p) => p.explanation),
    },
  };
}
