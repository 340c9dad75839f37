/**
 * Grid text -> an input's decimal string, by the input's unit. Accepts what people type or paste
 * from Excel ("3%", "$1,200", "1.2k", "(1,200)", "-5", "1.5e6") and formulas ("=105000*1.01"),
 * and rejects everything else with a message the cell can show, in the units the user typed.
 * Never goes through a float: the digits go straight into Decimal.
 */
import { inputText } from "./money";
import { unitName } from "./number";
import { Decimal } from "../../model/engine/decimal";
import { VALUE_LIMITS, type FieldSpec, type Unit } from "../../model/engine/fields";
import { evaluateFormula, isFormula } from "../../model/engine/formula-input";

export type ParsedNumber = { ok: true; value: string } | { ok: false; message: string };
/** A value ready for its field: checked against the field's range; `formula` when it was typed as one. */
export type ParsedInput = { ok: true; value: string; formula?: string } | { ok: false; message: string };

const RATE_UNITS: ReadonlySet<Unit> = new Set<Unit>(["rate", "share"]);
const MONEY_UNITS: ReadonlySet<Unit> = new Set<Unit>(["USD", "USD/year", "USD/month", "USD/pay period", "USD/hour"]);

/** Digits with optional thousands grouping (1,234,567), an optional fraction and an optional exponent (1.5e6, as Excel reads it). */
const NUMBER = /^(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?([eE][-+]?\d{1,6})?$/;
const SCALE: Record<string, string> = { k: "1000", m: "1000000", b: "1000000000" };

export const isRateUnit = (unit: Unit): boolean => RATE_UNITS.has(unit);

function fail(message: string): ParsedNumber {
  return { ok: false, message };
}

export function parseInputNumber(raw: string, unit: Unit): ParsedNumber {
  let text = raw.replace(/[\u00a0\u2009\u202f]/g, " ").trim();
  if (text === "") return fail("Enter a number.");
  let negative = false;
  const paren = /^\((.*)\)$/.exec(text);
  if (paren) {
    negative = true;
    text = paren[1]!.trim();
  }
  // Accounting minus, ASCII minus, Unicode minus; one sign at most.
  const sign = /^([-+\u2212])\s*(.*)$/.exec(text);
  if (sign) {
    if (paren) return fail(`"${raw.trim()}" has both parentheses and a sign.`);
    negative = sign[1] !== "+";
    text = sign[2]!;
  }
  let dollar = false;
  if (text.startsWith("$")) {
    dollar = true;
    text = text.slice(1).trim();
  }
  let percent = false;
  if (text.endsWith("%")) {
    percent = true;
    text = text.slice(0, -1).trim();
  }
  let scale: string | undefined;
  const suffix = /^(.*?)\s*([kKmMbB])$/.exec(text);
  if (suffix) {
    scale = SCALE[suffix[2]!.toLowerCase()];
    text = suffix[1]!;
  }
  // The mantissa needs a digit: "e5" and ".e5" are not numbers.
  if (!NUMBER.test(text) || !/\d/.test(text.split(/[eE]/)[0]!)) return fail(`"${raw.trim()}" is not a number.`);

  const rate = RATE_UNITS.has(unit);
  if (dollar && !MONEY_UNITS.has(unit)) return fail(`"${raw.trim()}" is in dollars, but this input is ${describeUnit(unit)}.`);
  if (percent && !rate) return fail(`"${raw.trim()}" is a percentage, but this input is ${describeUnit(unit)}.`);
  if (percent && scale) return fail(`"${raw.trim()}" mixes a percentage and a k/M suffix.`);
  if (rate && scale) return fail(`"${raw.trim()}": a rate takes no k/M suffix; write it as a percentage, e.g. 3%.`);

  let value = new Decimal(text.replace(/,/g, ""));
  if (!value.isFinite()) return fail(`${raw.trim()} is too large.`);
  if (scale) value = value.times(scale);
  if (percent) value = value.div(100);
  if (negative) value = value.negated();
  // A bare "4" for a rate is almost always meant as 4%, which as a fraction would be 400%: ask.
  if (rate && !percent && value.abs().greaterThan(1)) {
    return fail(
      `${value.toString()} as ${unit === "share" ? "a share" : "a rate"} would be ${value.times(100).toString()}%; type ` +
        `${value.toString()}% or ${value.div(100).toString()}.`,
    );
  }
  if (value.isZero()) value = new Decimal(0); // no "-0"
  return { ok: true, value: value.toString() };
}

export function describeUnit(unit: Unit): string {
  switch (unit) {
    case "rate":
      return "a rate (type 3% or 0.03)";
    case "share":
      return "a share (type 99.4% or 0.994)";
    case "members":
      return "a number of members";
    case "count":
      return "a count";
    case "hours":
      return "hours";
    default:
      return `an amount in ${unitName(unit)}`;
  }
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
  if (max !== undefined && d.greaterThan(max)) return `${shown} is above ${boundText(max, spec.unit)}, the highest this input takes.`;
  return null;
}
