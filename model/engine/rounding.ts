/**
 * The single display-rounding policy. Amounts are computed unrounded in dollars; a displayed cell
 * is its unrounded value rounded on its own to the display unit, and a displayed total is the
 * rounded sum of unrounded parts (the DC CFO's practice), never the sum of rounded cells.
 */
import { Decimal } from "./decimal";

export type RoundingMode = "halfUp" | "truncate";

export const ROUNDING_RULES: Record<RoundingMode, string> = {
  halfUp: "each cell rounded half away from zero to the nearest $1,000 from its unrounded value; totals are sums of unrounded parts",
  truncate: "each cell truncated toward zero to whole $1,000 from its unrounded value; totals are sums of unrounded parts",
};

const THOUSAND = new Decimal(1000);

/** Dollars -> whole thousands by the rule. Half-up is symmetric: -2.5K rounds to -3K, as Excel's ROUND does. */
export function toDisplayThousands(dollars: Decimal, mode: RoundingMode): Decimal {
  const thousands = dollars.div(THOUSAND);
  return mode === "truncate" ? thousands.toDecimalPlaces(0, Decimal.ROUND_DOWN) : thousands.toDecimalPlaces(0, Decimal.ROUND_HALF_UP);
}

/** "$12,161" / "($21,437)" with grouping; the FIS prints negatives in parentheses. */
export function formatThousands(displayThousands: Decimal, withDollar = true): string {
  const abs = displayThousands.abs().toFixed(0);
  const grouped = abs.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const text = `${withDollar ? "$" : ""}${grouped}`;
  return displayThousands.isNegative() && !displayThousands.isZero() ? `(${text})` : text;
}
