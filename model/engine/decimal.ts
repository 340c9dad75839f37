/**
 * The one Decimal constructor the model uses. Money and rates never pass through a JS float:
 * values enter as strings (JSON, CSV, grid text) and leave as strings or rounded Decimals.
 *
 * Precision 40 significant digits keeps compounded raise factors (e.g. 1.02 x 1.03 x 1.03 x 1.04)
 * exact; ROUND_HALF_UP is only the library default, the display rule lives in rounding.ts.
 */
import DecimalJs from "decimal.js";

export const Decimal = DecimalJs.clone({ precision: 40, rounding: DecimalJs.ROUND_HALF_UP, toExpNeg: -30, toExpPos: 40 });
export type Decimal = InstanceType<typeof Decimal>;

export const ZERO = new Decimal(0);
export const ONE = new Decimal(1);

/** Sum of Decimals; the empty sum is zero. */
export function sum(values: readonly Decimal[]): Decimal {
  let total = ZERO;
  for (const v of values) total = total.plus(v);
  return total;
}

/** Parses a decimal string strictly: no NaN, no Infinity, no empty string, no exponent trickery beyond what Decimal accepts. */
export function parseDecimal(text: string): Decimal | null {
  const trimmed = text.trim();
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(trimmed)) return null;
  const d = new Decimal(trimmed);
  return d.isFinite() ? d : null;
}
