/**
 * A number as people type or paste it from Excel, read by the unit of the input it is for: "3%",
 * "$1,200", "1.2k", "(1,200)", "-5", "1.5e6". The app's input cells and the assumptions import
 * of a CSV or a text cell both read through here, so "3.00%" saved by Excel means what it means
 * when typed. Never goes through a float: the digits go straight into Decimal. Messages speak in
 * the units typed and name the unit the input takes.
 */
import { Decimal } from "./decimal";
import type { Unit } from "./fields";

export type ParsedNumber = { ok: true; value: string } | { ok: false; message: string };

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

const UNIT_NAMES: Record<string, string> = {
  USD: "dollars",
  "USD/year": "$ per year",
  "USD/month": "$ per month",
  "USD/biweekly": "$ per pay period",
  "USD/pay period": "$ per pay period",
  "USD/hour": "$ per hour",
  rate: "percent",
  share: "percent share",
  members: "members",
  count: "count",
  hours: "hours",
};

/** An input unit in words ("USD/biweekly" -> "$ per pay period"); an unknown unit is shown as it is. */
export function unitName(unit: string): string {
  return UNIT_NAMES[unit] ?? unit;
}
