/**
 * The kinds of cost item, in the order the inputs grid lists them. Compute, validation, input
 * paths, the workbook export and the app's inputs grid all loop over this list; adding a kind is
 * one module plus its test, added here.
 */
import type { z } from "zod";
import type { AnyKind } from "./kind";
import { fixedAmounts } from "./fixed-amounts";
import { oneTime } from "./one-time";
import { payRate } from "./pay-rate";
import { payrollRate } from "./payroll-rate";
import { perHeadBenefit } from "./per-head-benefit";
import { premiumPay } from "./premium-pay";
import { raises } from "./raises";

export const KINDS = [raises, oneTime, premiumPay, perHeadBenefit, payRate, payrollRate, fixedAmounts] as const;

export type Registry = readonly AnyKind[];
export const DEFAULT_REGISTRY: Registry = KINDS;

/** The item types of the default registry, derived from their schemas. */
export type CostItem = z.infer<(typeof KINDS)[number]["schema"]>;
export type CostItemKind = CostItem["kind"];

export function kindIndex(registry: Registry): Map<string, AnyKind> {
  return new Map(registry.map((k) => [k.kind, k]));
}
