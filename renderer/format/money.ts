/**
 * Display text for amounts and inputs, in the workbench's one number format (./number.ts).
 * Rounding to the display unit is the model's rule (model/engine/table/display.ts); this only formats.
 */
import type { Decimal } from "../../model/engine/decimal";
import type { Unit } from "../../model/engine/fields";
import { toDisplay } from "../../model/engine/table/display";
import type { Display } from "../../model/engine/table/schema";
import { THOUSANDS, cellText, changeText, countText, money, percentChangeOf, rateText, type DisplayUnits } from "./number";

/** The table's units, or just its decimals (the unit itself then does not change the text). */
const unitsOf = (u: DisplayUnits | number): DisplayUnits => (typeof u === "number" ? { ...THOUSANDS, decimals: u } : u);

/** A displayed cell as a fiscal note prints it: "$12,161", "($21,437)", with the table's decimals. */
export function thousandsText(display: Decimal, units: DisplayUnits | number = THOUSANDS): string {
  return cellText(display, unitsOf(units));
}

/** A signed variance in the display unit: "+3", "(12)", "0". */
export function varianceText(diff: Decimal, units: DisplayUnits | number = THOUSANDS): string {
  return changeText(diff, unitsOf(units));
}

/** A percentage change with one decimal ("+2.5%", "(2.5%)"), or "n/a" against zero. */
export function percentChangeText(base: Decimal, value: Decimal): string {
  return percentChangeOf(base, value);
}

/** An input's value as a person reads it: rates as exact percentages, money with $, counts grouped; every digit kept. */
export function inputText(value: string, unit: Unit): string {
  if (unit === "rate" || unit === "share") return rateText(value);
  if (unit.startsWith("USD")) return money(value);
  return countText(value);
}

/** The noun a count input is measured in, for text outside its grid ("5,198.4 members"). */
export function unitNounOf(unit: string): string {
  return unit === "members" || unit === "hours" ? unit : "";
}

/** Explanation values: dollars with cents where present, rates as %, counts grouped, others plain. */
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
  return money(dollars, { decimals: 2 });
}

/**
 * An amount in Compare's chosen view ($ thousands or dollars), rounded by the baseline table's own
 * rule, as the comparison memo rounds it: at the table's decimals (and its round-to step) when the
 * view is the table's unit, else whole thousands or cents. Exactly zero is a dash.
 */
export function compareAmountText(d: Decimal, view: "thousands" | "dollars", display: Display, signed = false): string {
  if (d.isZero()) return "–";
  const own = display.unit === view;
  const decimals = own ? display.decimals : view === "dollars" ? 2 : 0;
  const roundTo = own && display.roundTo !== undefined ? { roundTo: display.roundTo } : {};
  const rule = { unit: view, decimals, rounding: display.rounding, ...roundTo };
  const text = money(toDisplay(d, rule), { decimals });
  return signed && !d.isNegative() ? `+${text}` : text;
}
