/**
 * The scenario's types, derived from the schemas (z.infer): the zod schemas in base.ts, groups.ts,
 * table/schema.ts, schedule/method.ts and the kind modules are the single source.
 */
import type { z } from "zod";
import type { CostItem } from "../kinds/registry";
import type { baseShape } from "./base";

type Base = { [K in keyof typeof baseShape]: z.infer<(typeof baseShape)[K]> };
type Optionals = { [K in keyof Base]: undefined extends Base[K] ? K : never }[keyof Base];

/** A validated scenario (schema version 2). */
export type Scenario = Omit<Base, Optionals> & Partial<Pick<Base, Optionals>> & { items: CostItem[] };

export type { CostItem, CostItemKind } from "../kinds/registry";
export type { RaisesItem, RaiseStep } from "../kinds/raises";
export type { OneTimeItem } from "../kinds/one-time";
export type { PremiumPayItem } from "../kinds/premium-pay";
export type { PerHeadBenefitItem } from "../kinds/per-head-benefit";
export type { PayRateItem } from "../kinds/pay-rate";
export type { PayrollRateItem } from "../kinds/payroll-rate";
export type { FixedAmountsItem } from "../kinds/fixed-amounts";
export type { Agreement, DocumentSettings, Settings, Fund, ScenarioBase } from "./base";
export type { Group } from "./groups";
export type { Param, Unit, FieldSpec } from "../fields";
export type { TableLine, TableSpec, Display, Columns, Published } from "../table/schema";
export type { ScheduleMethod, EmbeddedCensus } from "../schedule/method";
export { fyKey } from "../table/schema";
