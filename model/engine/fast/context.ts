/**
 * What a kind's fast compiler gets and gives. A kind module compiles an item's cost in a fiscal
 * year into registers of a tape (tape.ts) the same way its exact `cost` computes a Decimal: same
 * formula, same inputs, no explanation. The helpers here are the fast twins of kinds/common.ts
 * and scenario/groups.ts.
 */
import type { PayCalendar } from "../calendar";
import type { Param } from "../fields";
import { beforeAgreement, coveredGroups } from "../kinds/common";
import type { AnyKind, CostContext, ItemBase } from "../kinds/kind";
import type { ScenarioBase } from "../scenario/base";
import { hasPayroll, type Group } from "../scenario/groups";
import type { Census } from "../schedule/types";
import type { Reg, TapeBuilder } from "./tape";

export interface CompileContext {
  scenario: ScenarioBase;
  calendar: PayCalendar;
  years: readonly number[];
  b: TapeBuilder;
  /** The register holding an input (a varied input's slot, or a constant). */
  param(p: Param): Reg;
  /** Item (or companion part) id -> fiscal year -> register, for the items compiled so far. */
  costs: Map<string, Map<number, Reg>>;
  kindOf(item: ItemBase): AnyKind;
  itemById(id: string): ItemBase | undefined;
  companions: Map<string, string[]>;
  scheduleCensus?: () => Census;
  /**
   * A choice the exact engine makes on input values (the schedule basis: printed tables when every
   * raise is the printed one). `test` reads the inputs' current values; the plan keeps one tape
   * per outcome and re-checks the choice on every evaluation.
   */
  guard(id: string, inputs: readonly Param[], test: (values: readonly number[]) => boolean): boolean;
}

/** An extra part an item adds on a line of its own (the schedule method's steps and turnover). */
export interface FastPart {
  id: string;
  label: string;
  line: { id: string; label: string; note: string };
  cells: Map<number, Reg>;
}

/** A kind's fast compiler: registered on the kind module as `fast`. */
export interface FastKind<T extends ItemBase> {
  cost(item: T, ctx: CompileContext, fy: number, only?: readonly string[]): Reg;
  annualized(item: T, ctx: CompileContext, only?: readonly string[]): Reg;
  companions?(item: T, ctx: CompileContext): { own: Map<number, Reg>; parts: FastPart[] } | undefined;
}

export const defineFast = <T extends ItemBase>(f: FastKind<T>): FastKind<T> => f;

/** filledShare: a stated amount x (1 - vacancy rate), as stated without a vacancy rate. */
export function filledReg(ctx: CompileContext, g: Group, stated: Reg): Reg {
  const { b } = ctx;
  return g.vacancyRate ? b.mul(stated, b.sub(b.one, ctx.param(g.vacancyRate))) : stated;
}

/** groupPayroll: payroll, or positions' count x salary, or members x average salary; its filled share. */
export function groupPayrollReg(ctx: CompileContext, g: Group): Reg {
  return filledReg(ctx, g, statedPayrollReg(ctx, g));
}

function statedPayrollReg(ctx: CompileContext, g: Group): Reg {
  const { b } = ctx;
  if (g.payroll) return ctx.param(g.payroll);
  if (g.positions) return b.sum(g.positions.map((p) => b.mul(ctx.param(p.count), ctx.param(p.salary))));
  // As groupPayroll: validation refuses every item that needs a payroll on a group stating only its headcount.
  if (!g.averageSalary) throw new Error(`group "${g.id}" states no payroll (members only)`);
  return b.mul(ctx.param(g.members!), ctx.param(g.averageSalary));
}

export function payrollReg(ctx: CompileContext, groups: readonly Group[]): Reg {
  return ctx.b.sum(groups.map((g) => groupPayrollReg(ctx, g)));
}

/** groupMembers: members, or the positions' counts, their filled share; undefined for a group giving only a payroll. */
export function groupMembersReg(ctx: CompileContext, g: Group): Reg | undefined {
  if (g.members) return filledReg(ctx, g, ctx.param(g.members));
  if (g.positions) return filledReg(ctx, g, ctx.b.sum(g.positions.map((p) => ctx.param(p.count))));
  return undefined;
}

/** membersOf: a group without headcount counts 0 (validation refuses items that need it). */
export function membersReg(ctx: CompileContext, groups: readonly Group[]): Reg {
  const { b } = ctx;
  return b.sum(groups.map((g) => groupMembersReg(ctx, g) ?? b.zero));
}

/** partForGroups, compiled: the kind's own cost for the groups, else the cell x the groups' share of the covered payroll. */
export function partForGroupsReg(
  item: ItemBase,
  whole: Reg,
  groups: readonly string[],
  ctx: CompileContext,
  fy: number | "annualized",
  partId = item.id,
): Reg {
  const covered = coveredGroups(ctx.scenario, item).map((g) => g.id);
  const shared = covered.filter((id) => groups.includes(id));
  if (shared.length === covered.length) return whole;
  if (shared.length === 0) return ctx.b.zero;
  if (fy !== "annualized" && beforeAgreement(ctx.scenario, fy)) return ctx.b.zero;
  const kind = ctx.kindOf(item);
  if (partId === item.id && kind.perGroup(item, { scenario: ctx.scenario } as CostContext)) {
    const fast = fastOf(kind);
    return fy === "annualized" ? fast.annualized(item, ctx, shared) : fast.cost(item, ctx, fy, shared);
  }
  // Groups that state only headcount are split by headcount; otherwise by payroll (as partForGroups).
  const measure = coveredGroups(ctx.scenario, item).every(hasPayroll) ? payrollReg : membersReg;
  const all = measure(ctx, coveredGroups(ctx.scenario, item));
  const part = measure(ctx, coveredGroups(ctx.scenario, item, shared));
  return ctx.b.mul(whole, ctx.b.share(part, all));
}

/** The kind's fast compiler; a kind without one keeps its scenarios on the exact engine. */
export function fastOf(kind: AnyKind): FastKind<ItemBase> {
  if (!kind.fast) throw new NoFastPathError(`the kind "${kind.kind}" has no fast evaluator`);
  return kind.fast as FastKind<ItemBase>;
}

/** A scenario the fast path cannot compile: analyses then use the exact engine. */
export class NoFastPathError extends Error {}
