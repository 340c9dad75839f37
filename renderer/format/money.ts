/**
 * Display text for amounts and inputs. No arithmetic on money here beyond shifting a rate's decimal
 * point for "%" (exact in Decimal); rounding to the display unit is the model's rule (model/engine/table/display.ts).
 */
import { Decimal } from "../../model/engine/decimal";
import { formatDisplayed } from "../../model/engine/table/display";
import type { Unit } from "../../model/engine/fields";

/** A displayed cell as a fiscal note prints it: "$12,161", "($21,437)", with the scenario's decimals. */
export function thousandsText(display: Decimal, decimals = 0): string {
  return formatDisplayed(display, decimals, true);
}

/** A signed variance in the display unit: "+3", "(12)", "0". */
export function varianceText(diff: Decimal, decimals = 0): string {
  if (diff.isZero()) return "0";
  return diff.isNegative() ? formatDisplayed(diff, decimals, false) : `+${formatDisplayed(diff, decimals, false)}`;
}

/** A percentage change with one decimal ("+2.5%"), or "n/a" against zero. */
export function percentChangeText(base: Decimal, value: Decimal): string {
  if (base.isZero()) return value.isZero() ? "0.0%" : "n/a";
  const exact = value.minus(base).div(base.abs()).times(100);
  const pct = exact.toDecimalPlaces(1, Decimal.ROUND_HALF_UP);
  // A real but tiny change must not read as "0.0%".
  if (pct.isZero() && !exact.isZero()) return exact.isNegative() ? "-<0.1%" : "+<0.1%";
  return `${pct.isPositive() && !pct.isZero() ? "+" : ""}${pct.toFixed(1)}%`;
}

function group(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** An input's value as a person reads it: rates as exact percentages, money grouped, counts grouped. */
export function inputText(value: string, unit: Unit): string {
  let d: Decimal;
  try {
    d = new Decimal(value);
  } catch {
    return value;
  }
  if (!d.isFinite()) return value;
  if (unit === "rate" || unit === "share") return `${d.times(100).toString()}%`;
  const [int, frac] = d.abs().toFixed().split(".");
  const text = `${group(int!)}${frac ? `.${frac}` : ""}`;
  const signed = d.isNegative() ? `-${text}` : text;
  return unit.startsWith("USD") ? (d.isNegative() ? `-$${text}` : `$${text}`) : signed;
}

/** Explanation values: dollars with cents where present, rates as %, others plain. */
export function explanationValueText(value: string, unit: string): string {
  if (
    unit === "rate" ||
    unit === "share" ||
    unit === "USD" ||
    unit.startsWith("USD/") ||
    unit === "members" ||
    unit === "count" ||
    unit === "hours"
  ) {
    return inputText(value, unit as Unit);
  }
  return value;
}

/** Dollars to the cent as the FIS prints money: "$6,292,021.80", "($57.76)". */
export function dollarsText(dollars: Decimal): string {
  const cents = dollars.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
  const text = `$${group(cents.abs().toFixed(2).split(".")[0]!)}.${cents.abs().toFixed(2).split(".")[1]!}`;
  return cents.isNegative() && !cents.isZero() ? `(${text})` : text;
}
