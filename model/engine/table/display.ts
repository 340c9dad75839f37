/**
 * The single display-rounding policy. Amounts are computed unrounded in dollars; a displayed cell is
 * its unrounded value in the display unit rounded by the scenario's rule. Totals are rounded from
 * their unrounded value ("roundedExact", the DC CFO's practice) or are sums of the rounded cells
 * ("sumOfRounded"), as the scenario says.
 */
import { Decimal } from "../decimal";
import type { Display } from "./schema";

export type RoundingMode = Display["rounding"];

const FACTOR: Record<Display["unit"], Decimal> = {
  dollars: new Decimal(1),
  thousands: new Decimal(1000),
  millions: new Decimal(1_000_000),
};
const MODE: Record<RoundingMode, Parameters<Decimal["toDecimalPlaces"]>[1]> = {
  halfUp: Decimal.ROUND_HALF_UP,
  truncate: Decimal.ROUND_DOWN,
  halfEven: Decimal.ROUND_HALF_EVEN,
  up: Decimal.ROUND_UP,
};

export const unitFactor = (unit: Display["unit"]): Decimal => FACTOR[unit];

/**
 * Dollars -> the display unit, rounded by the rule: to `decimals` places, or to a multiple of
 * `roundTo` (in the display unit) when the display has one. Half-up and up are symmetric: -2.5
 * rounds to -3 as a spreadsheet's ROUND does, and a cost shown negative rounds up to the same
 * figure as when shown positive (ROUNDUP).
 */
export function toDisplay(dollars: Decimal, display: Pick<Display, "unit" | "decimals" | "rounding" | "roundTo">): Decimal {
  const inUnit = dollars.div(FACTOR[display.unit]);
  if (display.roundTo === undefined) return inUnit.toDecimalPlaces(display.decimals, MODE[display.rounding]);
  const step = new Decimal(display.roundTo);
  return inUnit.div(step).toDecimalPlaces(0, MODE[display.rounding]).times(step);
}

/** "USD thousands", "USD", "USD millions": the words for the display unit. */
export function unitsWords(unit: Display["unit"]): string {
  return unit === "dollars" ? "USD" : `USD ${unit}`;
}

/** "($ in thousands)" as a table heading says it. */
export function unitsHeading(unit: Display["unit"]): string {
  return unit === "dollars" ? "(in dollars)" : `($ in ${unit})`;
}

const RULE_WORDS: Record<RoundingMode, string> = {
  halfUp: "rounded half away from zero",
  truncate: "truncated toward zero",
  halfEven: "rounded half to even",
  up: "rounded up (away from zero)",
};

const grouped = (n: number) => n.toLocaleString("en-US", { maximumFractionDigits: 6 });

/** The rounding rule in words, for notes and the CLI. */
export function roundingRuleText(display: Display): string {
  const unit = display.unit === "dollars" ? "dollars" : `$ ${display.unit}`;
  const to =
    display.roundTo !== undefined
      ? `the nearest ${display.unit === "dollars" ? "$" : ""}${grouped(display.roundTo)}${display.unit === "dollars" ? "" : ` (${unit})`}, printed in ${unit}`
      : display.decimals === 0
        ? `whole ${unit}`
        : `${display.decimals} decimals of ${display.unit}`;
  const totals =
    display.totals === "roundedExact" ? "totals are rounded from the sums of unrounded parts" : "totals are the sums of the rounded cells";
  return `each cell ${RULE_WORDS[display.rounding]} to ${to} from its unrounded value; ${totals}`;
}

/** "$12,161" / "($21,437)" with grouping and the display's decimals; the fiscal notes print negatives in parentheses. */
export function formatDisplayed(value: Decimal, decimals = 0, withDollar = true): string {
  const [int, frac] = value.abs().toFixed(decimals).split(".");
  const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const text = `${withDollar ? "$" : ""}${grouped}${frac ? `.${frac}` : ""}`;
  return value.isNegative() && !value.isZero() ? `(${text})` : text;
}
