/**
 * Units and ranges belong to fields. Every input of a scenario sits in a field declared once, by
 * the module that owns it (a kind of cost item, a group, a table line, the schedule method), with
 * its unit and allowed range. A file cannot change them: a Param may repeat `unit` for
 * readability, but only as its field's own unit, and its value is checked against the field's range.
 */
import { z } from "zod";
import { Decimal, parseDecimal } from "./decimal";
import { clipped } from "./errors";
import { evaluateFormula, FORMULA_LIMITS } from "./formula-input";
import { SOURCE_KINDS, sourceSchema, strict } from "./scenario/zod-kit";

export const UNITS = ["USD", "USD/year", "USD/month", "USD/pay period", "USD/hour", "rate", "share", "members", "count", "hours"] as const;
export type Unit = (typeof UNITS)[number];

export interface FieldSpec {
  /** Words for the field, e.g. "Bonus rate"; the inputs grid and the scenario guide show it. */
  label: string;
  unit: Unit;
  /** Inclusive bounds as decimal strings; absent = unbounded on that side. */
  min?: string;
  max?: string;
  /** Bounds that are excluded (a raise of -100% would cut pay to nothing). */
  minExclusive?: boolean;
  /** A vacancy rate of 100% would leave no one to pay: the upper bound itself is refused. */
  maxExclusive?: boolean;
  /** Whole numbers only (a step on a salary schedule). */
  integer?: boolean;
  /** One sentence: what the value is and where it usually comes from. */
  help: string;
  /** What kind of source the value is expected to have, e.g. "the contract article". */
  expects?: string;
}

/** Limits every value shares, whatever its field. */
export const VALUE_LIMITS = {
  /** Beyond the engine's 40-digit precision room a value could not stay exact. */
  significantDigits: 30,
  magnitude: "1e15",
  /** No count, rate or amount means anything below this (a millionth of a cent): 1e-400 members were costed as nothing. */
  smallest: "1e-12",
} as const;

/** More members than any government employs: a unit or a typing slip (5,776 with six zeros too many), not a workforce. */
export const MAX_MEMBERS = 10_000_000;

export function rangeText(spec: Pick<FieldSpec, "min" | "max" | "minExclusive" | "maxExclusive">): string {
  const { min, max } = spec;
  const lo = min === undefined ? undefined : `${min}${spec.minExclusive ? " (excluded)" : ""}`;
  const hi = max === undefined ? undefined : `${max}${spec.maxExclusive ? " (excluded)" : ""}`;
  if (lo !== undefined && hi !== undefined) return `${lo} to ${hi}`;
  if (lo !== undefined) return spec.minExclusive ? `more than ${min}` : `${min} or more`;
  if (max !== undefined) return spec.maxExclusive ? `less than ${max}` : `${max} or less`;
  return "any amount (negative = savings)";
}

const unitWords = (unit: Unit) => (unit === "rate" || unit === "share" ? `a ${unit}; write 3% as 0.03` : `in ${unit}`);

/** Why a value does not fit its field, or null. */
/** Which bound a value passes, its excluded bounds included: the one range rule of the file check and the range forms. */
export function outsideRange(d: Decimal, spec: Pick<FieldSpec, "min" | "max" | "minExclusive" | "maxExclusive">): "below" | "above" | null {
  if (spec.min !== undefined && (spec.minExclusive ? d.lessThanOrEqualTo(spec.min) : d.lessThan(spec.min))) return "below";
  if (spec.max !== undefined && (spec.maxExclusive ? d.greaterThanOrEqualTo(spec.max) : d.greaterThan(spec.max))) return "above";
  return null;
}

export function valueProblem(whole: string, spec: FieldSpec): string | null {
  if (whole.trim() === "") return "is empty; enter a number";
  const text = clipped(whole);
  if (whole !== whole.trim()) return `"${text}" has spaces around the number; remove them`;
  const d = parseDecimal(whole);
  if (d === null) return `"${text}" is not a number`;
  if (d.abs().greaterThan(new Decimal(VALUE_LIMITS.magnitude))) return `${text} is too large (limit ${VALUE_LIMITS.magnitude})`;
  if (!d.isZero() && d.abs().lessThan(VALUE_LIMITS.smallest))
    return `${text} is too small to mean anything (nonzero values start at ${VALUE_LIMITS.smallest})`;
  if (d.sd() > VALUE_LIMITS.significantDigits) return `${text} has more than ${VALUE_LIMITS.significantDigits} significant digits`;
  if (spec.integer && !d.isInteger()) return `${text} is not a whole number`;
  const side = outsideRange(d, spec);
  if (side) {
    const negative = side === "below" && spec.min === "0" && d.isNegative() ? " (it cannot be negative)" : "";
    return `${text} is outside ${rangeText(spec)}, the range of this field (${unitWords(spec.unit)})${negative}`;
  }
  return null;
}

/** Characters of a value as a file writes it: 30 significant digits, a sign, a point and zeros fit. */
const VALUE_LENGTH = 64;

/** One input as a file holds it. */
const paramShape = {
  value: z
    .string()
    .max(VALUE_LENGTH, { error: (issue) => `${clipped(String(issue.input))} is longer than a value may be (${VALUE_LENGTH} characters)` })
    .describe('The value as a decimal string, e.g. "0.02" or "52000.50".'),
  unit: z.string().max(40).optional().describe("Optional, for readability only: must equal the field's own unit."),
  label: z.string().max(500).describe("What the value is, in words."),
  source: sourceSchema,
  stated: z.string().max(200).optional().describe("For a calibrated value: what the documents state."),
  formula: z
    .string()
    .max(FORMULA_LIMITS.length)
    .optional()
    .describe('The formula the value was typed as, e.g. "=105000*1.01"; the value must be its exact result.'),
};

/** Why a Param's formula does not give its value, or null (the value is the formula's result, kept beside it). */
export function formulaProblem(formula: string, value: string): string | null {
  const r = evaluateFormula(formula);
  if (!r.ok) return `the formula ${formula.trim()} is not understood: ${r.message}`;
  const v = parseDecimal(value);
  if (v !== null && !v.eq(r.value)) return `the value ${value} is not what its formula ${formula.trim()} gives (${r.value})`;
  return null;
}

/** The zod schema of a field: a Param whose unit must be the field's and whose value must be in its range; `unit` is dropped once checked. */
export function param(spec: FieldSpec) {
  return strict(paramShape)
    .superRefine((p, ctx) => {
      if (p.unit !== undefined && p.unit !== spec.unit)
        ctx.addIssue({
          code: "custom",
          path: ["unit"],
          message: `${p.label}: is labelled "${p.unit}" but this field is ${unitWords(spec.unit)}; a file cannot change a field's unit`,
        });
      // A value over the length limit has its own message from the schema; a second would only repeat it.
      const problem = p.value.length > VALUE_LENGTH ? null : valueProblem(p.value, spec);
      if (problem) ctx.addIssue({ code: "custom", path: ["value"], message: `${p.label}: ${problem}` });
      const formula = p.formula === undefined ? null : formulaProblem(p.formula, p.value);
      if (formula) ctx.addIssue({ code: "custom", path: ["formula"], message: `${p.label}: ${formula}` });
    })
    .transform(({ unit: _unit, ...rest }) => rest)
    .describe(`${spec.label} (${spec.unit}; ${rangeText(spec)}). ${spec.help}`);
}

export type Param = { value: string; label: string; source: z.infer<typeof sourceSchema>; stated?: string; formula?: string };
export type Source = Param["source"];
export { SOURCE_KINDS };

/** Common field specs. */
export const RATE = (label: string, help: string, extra: Partial<FieldSpec> = {}): FieldSpec => ({
  label,
  unit: "rate",
  min: "0",
  max: "1",
  help,
  ...extra,
});
export const SHARE = (label: string, help: string): FieldSpec => ({ label, unit: "share", min: "0", max: "1", help });
export const DOLLARS = (label: string, help: string, unit: Unit = "USD", extra: Partial<FieldSpec> = {}): FieldSpec => ({
  label,
  unit,
  min: "0",
  help,
  ...extra,
});
export const COUNT = (label: string, help: string, unit: Unit = "count"): FieldSpec => ({
  label,
  unit,
  min: "0",
  ...(unit === "members" ? { max: String(MAX_MEMBERS) } : {}),
  help,
});
