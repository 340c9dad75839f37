/**
 * A scenario is the whole input of a costing: the agreement as data plus settings. It is a small
 * JSON value (numbers as decimal strings so no amount ever passes through a float), validated on
 * load by schema.ts, versioned by `schemaVersion`. Results are derived from it and never saved.
 */
import type { Source } from "../explain";

export type Unit = "USD" | "USD/year" | "USD/month" | "USD/biweekly" | "USD/hour" | "rate" | "members" | "count" | "hours" | "share";

/** One input value with what it means and where it comes from. */
export interface Param {
  value: string;
  unit: Unit;
  label: string;
  source: Source;
  /** For a calibrated value: what the documents state, so the app can show both. */
  stated?: string;
}

export interface EmployeeGroup {
  id: string;
  label: string;
  members: Param;
  /** Average annual salary before the agreement's first raise. */
  averageSalary: Param;
}

export interface TableLine {
  id: string;
  label: string;
  /** Table note letter or text, e.g. "(f) Includes increases in optical, dental, and legal benefits ..." */
  note?: string;
}

interface ItemBase {
  id: string;
  label: string;
  /** Which table line the item's cost is shown on. */
  line: string;
  /** Employee groups the item covers; all groups when absent. */
  groupIds?: string[];
}

export interface RaiseStep {
  fiscalYear: number;
  type: "percent" | "flat";
  /** A rate for percent raises, dollars a year for flat raises (flat raises accumulate). */
  amount: Param;
  /** ISO date the raise takes effect; prorated inside its fiscal year when not the first day. */
  effective: string;
  source: Source;
}

/** Recurring base-salary raises: cost = members x (average salary in force during the FY - base salary). */
export interface RaisesItem extends ItemBase {
  kind: "raises";
  steps: RaiseStep[];
}

/**
 * A one-time payment kept out of the base (bonus, retro lump sum, signing payment):
 * rate x earnings, plus covered members x amountPerMember when a flat per-head amount is given
 * (write rate "0" for a purely flat lump sum).
 */
export interface OneTimeItem extends ItemBase {
  kind: "oneTime";
  paidInFiscalYear: number;
  rate: Param;
  /** A flat amount per covered member (e.g. a $1,500 ratification payment), in USD. */
  amountPerMember?: Param;
  /**
   * The earnings the rate applies to. When absent, derived as the covered payroll
   * (members x average salary) divided by (1 + the first percent raise of the raises item
   * named by `earningsFromRaisesItem`), i.e. the year before the first raise.
   */
  earnings?: Param;
  earningsFromRaisesItem?: string;
}

/** Premium pay: units x hours x hourly rate x (1 + loading), growing after its first year. */
export interface PremiumPayItem extends ItemBase {
  kind: "premiumPay";
  units: Param;
  hoursPerUnit: Param;
  hourlyRate: Param;
  /** Pay-rate items (e.g. Medicare) whose rates load the premium. */
  loadingItemIds: string[];
  /** Overrides units x hours x rate x (1 + loading) for the first year when present (a calibration). */
  annualAmount?: Param;
  growthRate: Param;
  firstFiscalYear: number;
  /** Years of cost paid in the first fiscal year (2 = the year itself plus one year of retro pay). */
  yearsPaidInFirstYear: Param;
}

export interface DatedAmount {
  /** Calendar year for calendar-year plans, fiscal year for fiscal-year plans. */
  year: number;
  amount: Param;
}

/** A per-head benefit contribution whose increase over a baseline period is the cost. */
export interface PerHeadBenefitItem extends ItemBase {
  kind: "perHeadBenefit";
  frequency: "monthly" | "biweekly";
  /** Whether `amounts` are by calendar year (optical, dental) or fiscal year (legal). */
  basis: "calendarYear" | "fiscalYear";
  baselineYear: number;
  amounts: DatedAmount[];
  /** Members covered; the groups' members when absent. */
  headcount?: Param;
  /** Cost counted only for months / pay periods starting on or after this date (a calibration for FY2025). */
  countFrom?: { date: string; source: Source };
}

/**
 * A rate of pay on other items' cost (Medicare 1.45%, FICA, pension, OPEB). With groupIds it is
 * a per-group loading: it applies only to those groups' part of the target items' cost (a
 * pension rate for sworn officers only, say), so two groups can carry different loadings.
 */
export interface PayRateItem extends ItemBase {
  kind: "payRate";
  rate: Param;
  /** Ids of raises / one-time / premium items whose cost the rate applies to. */
  appliesTo: string[];
  startFiscalYear?: number;
}

/** Amounts entered per fiscal year (Other NPS). */
export interface FixedAmountsItem extends ItemBase {
  kind: "fixedAmounts";
  amounts: Record<string, Param>;
}

export type CostItem = RaisesItem | OneTimeItem | PremiumPayItem | PerHeadBenefitItem | PayRateItem | FixedAmountsItem;
export type CostItemKind = CostItem["kind"];

export interface Settings {
  rounding: "halfUp" | "truncate";
  /** How a raise effective after the first day of its fiscal year is prorated. */
  proration: "payPeriods" | "days";
  /**
   * How calendar-year benefit rates become fiscal-year costs:
   * "monthsInForce": each month at the rate of its own calendar year (Oct-Dec at the earlier year's rate);
   * "calendarYearOfFiscalYearEnd": the whole fiscal year at the rate of the calendar year it ends in.
   */
  calendarToFiscal: "monthsInForce" | "calendarYearOfFiscalYearEnd";
  salaryMethod: "averageSalary" | "schedule";
}

export interface Agreement {
  name: string;
  employer: string;
  union: string;
  fiscalYears: number[];
  /** Month the fiscal year starts (10 for DC: Oct 1). */
  fiscalYearStartMonth: number;
  /** First day of the pay year of the first costed fiscal year (DC FY2025: 2024-10-06). */
  firstPayPeriodStart: string;
  /** ISO dates the agreement runs. */
  effectiveFrom: string;
  effectiveTo: string;
}

export interface FundShare {
  id: string;
  label: string;
  share: Param;
}

export interface Scenario {
  schemaVersion: 1;
  id: string;
  name: string;
  description: string;
  agreement: Agreement;
  settings: Settings;
  groups: EmployeeGroup[];
  lines: TableLine[];
  items: CostItem[];
  localShare: Param;
  /**
   * Optional: how TOTAL COST splits across funds (local, state grant, federal, enterprise), each a
   * share of the total; shares may not add up to more than 1. The table keeps its one
   * local-portion line from localShare; model/engine/analysis/fund-split.ts reports every fund.
   */
  fundShares?: FundShare[];
  /** Funding available in the financial plan, by "FY2025" etc., as positive dollars (shown negative). */
  fundingAvailable: Record<string, Param>;
}

export const fyKey = (fy: number): string => `FY${fy}`;
