/**
 * What a kind of cost item declares. A kind module is the only place that knows its kind: its
 * schema (with every field's unit and range), the inputs it exposes, its checks against the rest
 * of the scenario, the items it depends on, its cost per fiscal year with the explanation, its
 * cost for a subset of groups where that is meaningful, its annualized cost, its spreadsheet
 * formula and a sentence saying what the item provides. The registry (registry.ts) lists the
 * kinds; compute, validation, input paths, the workbook export and the inputs grid loop over it.
 */
import type { z } from "zod";
import type { PayCalendar } from "../calendar";
import type { Decimal } from "../decimal";
import type { InputError } from "../errors";
import type { Explanation } from "../explain";
import type { FieldSpec, Param } from "../fields";
import type { Group } from "../scenario/groups";
import type { ScenarioBase } from "../scenario/base";
import type { FastKind } from "../fast/context";

/** What every item has. */
export interface ItemBase {
  kind: string;
  id: string;
  label: string;
  /** The table line the item's cost is shown on. */
  line: string;
  /** Employee groups the item covers; all groups when absent. */
  groupIds?: string[];
  /** Fund id -> share of this item's cost the fund pays (overrides the groups' fund shares). */
  fundShares?: Record<string, Param>;
}

export interface ItemCell {
  exact: Decimal;
  explanation: Explanation;
}

/** Item id -> fiscal year -> cost. */
export type ItemCosts = Map<string, Map<number, ItemCell>>;

/** One input of an item: its path below the item, its value and the field it sits in. */
export interface ItemField {
  /** Relative to the item, e.g. "rate", "steps.2025-10-01.amount". */
  path: string;
  param: Param;
  spec: FieldSpec;
}

export interface CostContext {
  scenario: ScenarioBase;
  calendar: PayCalendar;
  years: readonly number[];
  costs: ItemCosts;
  kindOf: (item: ItemBase) => AnyKind;
  itemById: (id: string) => ItemBase | undefined;
  /** Extra cost parts an item spawned (the schedule method's step and turnover parts), by item id. */
  companions: Map<string, string[]>;
  /** The checked census of a schedule-method scenario. */
  scheduleCensus?: () => import("../schedule/types").Census;
}

export interface CheckContext {
  scenario: ScenarioBase;
  years: readonly number[];
  itemById: (id: string) => ItemBase | undefined;
  kindOf: (item: ItemBase) => AnyKind | undefined;
  /** The item's own path, "items.<id>". */
  at: string;
}

export interface FormulaContext {
  scenario: ScenarioBase;
  calendar: PayCalendar;
  /** Defined name (or absolute reference) of the input at a path. */
  ref: (path: string) => string;
  /** Reference to the calculation cell holding an item's dollars for a fiscal year, or undefined. */
  itemCell: (itemId: string, fy: number) => string | undefined;
  kindOf: (item: ItemBase) => AnyKind;
  itemById: (id: string) => ItemBase | undefined;
  companions: Map<string, string[]>;
  /**
   * A count from the calendar (months, pay periods, days) a formula uses, as the cell that holds
   * it: the workbook writes each count once as a named cell marked "from the calendar", so a
   * formula never hides one as a literal. The number itself when no workbook asks.
   */
  calendarCount: (count: CalendarCount) => string;
}

/** A count of the calendar a formula uses: how many months, pay periods or days of a fiscal year. */
export interface CalendarCount {
  /** Stable key, unique per scenario for one meaning ("months.FY2025.CY2024"); the workbook name is made from it. */
  key: string;
  value: number;
  unit: "months" | "pay periods" | "days";
  /** What is counted, in words ("Months of FY2025 at the CY2024 amount"). */
  label: string;
}

export interface ItemFormula {
  /** Formula text without the leading "=". */
  formula: string;
  /** What the formula does, in words, with the calendar counts it uses. */
  note: string;
}

/** Extra cost parts an item adds on lines of their own (the schedule method's step movement and turnover). */
export interface CompanionPart {
  id: string;
  label: string;
  line: { id: string; label: string; note: string };
  cells: Map<number, ItemCell>;
}

export interface KindModule<T extends ItemBase> {
  kind: T["kind"];
  /** Words for the kind, e.g. "Raises". */
  title: string;
  /** The inputs grid section its inputs are listed under. */
  section: string;
  /** One paragraph for the scenario guide. */
  summary: string;
  schema: z.ZodType<T, unknown>;
  /** The field specs the kind owns, for the units-and-ranges table. */
  fieldSpecs: Record<string, FieldSpec>;
  fields(item: T): ItemField[];
  check(item: T, ctx: CheckContext): InputError[];
  /** Whether the item needs headcount (members) on every group it covers. */
  needsMembers(item: T, scenario: ScenarioBase): boolean;
  /** Whether the item needs a payroll (not only headcount) on every group it covers; false when absent. */
  needsPayroll?(item: T, scenario: ScenarioBase): boolean;
  /** Items whose computed cost this item's cost uses (computed first; a loop is refused). */
  dependsOn(item: T): string[];
  /**
   * Cost in fiscal year `fy`. With `only`, the cost for those of its groups alone; a kind
   * whose cost cannot be split that way has `perGroup` false and is split by payroll instead.
   */
  cost(item: T, ctx: CostContext, fy: number, only?: readonly string[]): ItemCell;
  perGroup(item: T, ctx: CostContext): boolean;
  /** The cost of the final state for one full year (0 for one-time items). */
  annualized(item: T, ctx: CostContext, only?: readonly string[]): ItemCell;
  /** The item's own cells and extra parts on lines of their own, when computed together (raises under the schedule method). */
  companions?(item: T, ctx: CostContext): { own: Map<number, ItemCell>; parts: CompanionPart[] } | undefined;
  /** The cost as a spreadsheet formula; undefined when a sheet cannot express it. */
  formula(item: T, ctx: FormulaContext, fy: number, only?: readonly string[]): ItemFormula | undefined;
  /** One sentence saying what the item provides, e.g. "Salaries increase 2% effective 2024-10-01 (Art. 36.2.1)." */
  describe(item: T, scenario: ScenarioBase): string;
  /**
   * What the item provides, for a document's Background, when it has several provisions worth a
   * point each (a raise per step, a contribution per year). Kinds without it are described by
   * `describe` alone.
   */
  provision?(item: T, scenario: ScenarioBase): Provision;
  /**
   * The same cost compiled for the fast path (model/engine/fast): float64 registers, no
   * explanations, held equal to `cost` by the property test. A kind without one keeps scenarios
   * that use it on the exact engine.
   */
  fast?: FastKind<T>;
  /**
   * The cost steps computing the item asks for (scenario/work.ts): what validation limits. Without
   * it, the covered salary bases every year.
   */
  work?(item: T, ctx: import("../scenario/work").WorkContext): number;
}

/** A lead sentence and one point per provision, each naming the article (or other source) it comes from. */
export interface Provision {
  text: string;
  points: string[];
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyKind = KindModule<any>;

export const defineKind = <T extends ItemBase>(k: KindModule<T>): KindModule<T> => k;

export type { Group };
