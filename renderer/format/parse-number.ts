/**
 * Grid text -> an input's decimal string, by the input's field: a formula ("=105000*1.01") or a
 * number as the engine reads typed text (model/engine/input-number.ts: "3%", "$1,200", "(1,200)"),
 * then checked against the field's range, with a message the cell can show in the units the user
 * typed.
 */
import { inputText } from "./money";
import { Decimal } from "../../model/engine/decimal";
import { describeUnit, isRateUnit, parseInputNumber, type ParsedNumber } from "../../model/engine/input-number";
import { VALUE_LIMITS, type FieldSpec, type Unit } from "../../model/engine/fields";
import { evaluateFormula, isFormula } from "../../model/engine/formula-input";

export { describeUnit, isRateUnit, parseInputNumber, type ParsedNumber };
/** A value ready for its field: checked against the field's range; `formula` when it was typed as one. */
export type ParsedInput = { ok: true; value: string; formula?: string } | { ok: false; message: string };

function fail(message: string): ParsedNumber {
  return { ok: false, message };
}

/**
 * What the user typed in an input cell, read by the input's field: a formula or a number, then
 * checked against the field's range. Messages speak in the units typed ("-500% is below -100%",
 * "1e400 is too large", "=3+0.5 gives 350%, above 100%"), never in the file's notation.
 */
export function readInput(raw: string, spec: FieldSpec): ParsedInput {
  const typed = raw.trim();
  if (isFormula(typed)) {
    const r = evaluateFormula(typed);
    if (!r.ok) return fail(`"${typed}": ${r.message}.`);
    const problem = rangeProblem(new Decimal(r.value), spec, `${typed} gives ${valueText(r.value, spec.unit)}`, `${typed}`);
    return problem ? fail(problem) : { ok: true, value: r.value, formula: typed };
  }
  const parsed = parseInputNumber(raw, spec.unit);
  if (!parsed.ok) return parsed;
  const problem = rangeProblem(new Decimal(parsed.value), spec, typed, typed);
  return problem ? fail(problem) : parsed;
}

/** A value in the field's unit; a huge one as Decimal writes it (the grouped digits of 1e400 would fill the screen). */
function valueText(value: string, unit: Unit): string {
  return new Decimal(value).abs().greaterThan(VALUE_LIMITS.magnitude) ? value : boundText(value, unit);
}

/** A bound written the way it is typed: "-100%", not the table's "(100%)". */
function boundText(value: string, unit: Unit): string {
  const d = new Decimal(value);
  return d.isNegative() ? `-${inputText(d.abs().toString(), unit)}` : inputText(value, unit);
}

function rangeProblem(d: Decimal, spec: FieldSpec, shown: string, typed: string): string | null {
  if (d.abs().greaterThan(VALUE_LIMITS.magnitude))
    return `${typed} is too large (an input is at most ${inputText(VALUE_LIMITS.magnitude, "count")} in size).`;
  if (d.sd() > VALUE_LIMITS.significantDigits)
    return `${typed} has more than ${VALUE_LIMITS.significantDigits} significant digits, more than an input keeps.`;
  if (spec.integer && !d.isInteger()) return `${typed} is not a whole number.`;
  const { min, max } = spec;
  if (min !== undefined) {
    const lowest = boundText(min, spec.unit);
    if (spec.minExclusive && d.lessThanOrEqualTo(min))
      return `${shown} is ${d.eq(min) ? "not above" : "below"} ${lowest}: this input must be more than ${lowest}.`;
    if (d.lessThan(min)) return `${shown} is below ${lowest}, the lowest this input takes${min === "0" ? " (it cannot be negative)" : ""}.`;
  }
  if (max !== undefined && spec.maxExclusive && d.greaterThanOrEqualTo(max)) {
    const highest = boundText(max, spec.unit);
    return `${shown} is ${d.eq(max) ? "not below" : "above"} ${highest}: this input must be less than ${highest}.`;
  }
  if (max !== undefined && d.greaterThan(max)) return `${shown} is above ${boundText(max, spec.unit)}, the highest this input takes.`;
  return null;
}
