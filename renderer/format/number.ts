/**
 * The one number format of the workbench: every grid, chart, tooltip, announcement and message
 * formats through here. Values arrive as decimal strings (or Decimals) and are formatted with
 * Intl.NumberFormat, which formats a numeric string exactly (no float on the way); no arithmetic on
 * money happens here beyond moving a rate's decimal point for "%" (exact in Decimal).
 *
 * The conventions are the FIS's: "$" with thousands separators, the table's unit named wherever an
 * amount is shown without its table ("$46,158 thousand"), negatives in parentheses everywhere
 * ("($21,437)", "(2.5%)"), rates as percentages.
 */
import { Decimal } from "../../model/engine/decimal";

export type Scale = "dollars" | "thousands" | "millions";

/** How a table shows its amounts: the unit its cells are in and the decimals it keeps. */
export interface DisplayUnits {
  scale: Scale;
  decimals: number;
}

export const THOUSANDS: DisplayUnits = { scale: "thousands", decimals: 0 };

const UNIT_LETTER: Record<Scale, string> = { dollars: "", thousands: "K", millions: "M" };

/** Dollars per one of the unit: 1,000 for $ thousands. */
export const unitDivisor = (scale: Scale): number => (scale === "thousands" ? 1000 : scale === "millions" ? 1_000_000 : 1);

type Numeric = string | Decimal | number;

const text = (v: Numeric): string => (typeof v === "string" ? v.trim() : v.toString());

function decimalOf(v: Numeric): Decimal | null {
  try {
    const d = new Decimal(text(v));
    return d.isFinite() ? d : null;
  } catch {
    return null;
  }
}

const formatters = new Map<string, Intl.NumberFormat>();
function grouped(minDecimals: number, maxDecimals: number): Intl.NumberFormat {
  const key = `${minDecimals}:${maxDecimals}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat("en-US", {
      useGrouping: true,
      minimumFractionDigits: minDecimals,
      maximumFractionDigits: maxDecimals,
      roundingMode: "halfExpand",
    } as Intl.NumberFormatOptions);
    formatters.set(key, f);
  }
  return f;
}

/** |v| grouped, e.g. "12,161" or "105,271.5"; `decimals` fixes the places, else every digit is kept. */
function magnitude(d: Decimal, decimals?: number): string {
  const abs = d.abs().toFixed();
  // Intl takes the decimal string as an exact value (ES2023 Intl.NumberFormat v3).
  return decimals === undefined
    ? grouped(0, 20).format(abs as unknown as number)
    : grouped(decimals, decimals).format(abs as unknown as number);
}

/** True when `d` shows as a negative at `decimals` places (so "-0.4" at 0 places is not "(0)"). */
function showsNegative(d: Decimal, decimals?: number): boolean {
  if (!d.isNegative()) return false;
  return decimals === undefined ? !d.isZero() : !d.toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP).isZero();
}

const paren = (negative: boolean, s: string) => (negative ? `(${s})` : s);

/**
 * An amount already in its display unit: "$12,161", "($21,437)". `decimals` defaults to every digit
 * of the value; `dollarSign: false` gives the bare number ("12,161", "(21,437)").
 */
export function money(value: Numeric, opts: { decimals?: number; dollarSign?: boolean } = {}): string {
  const d = decimalOf(value);
  if (!d) return text(value);
  const body = `${opts.dollarSign === false ? "" : "$"}${magnitude(d, opts.decimals)}`;
  return paren(showsNegative(d, opts.decimals), body);
}

/** A table cell: the amount at the table's decimals, in its unit ("$12,161" in a $ thousands table). */
export function cellText(value: Numeric, units: DisplayUnits = THOUSANDS): string {
  return money(value, { decimals: units.decimals });
}

/** A signed change at the table's decimals: "+6,292", "(12)", "0". */
export function changeText(value: Numeric, units: DisplayUnits = THOUSANDS, opts: { dollarSign?: boolean } = {}): string {
  const d = decimalOf(value);
  if (!d) return text(value);
  const shown = magnitude(d, units.decimals);
  if (d.toDecimalPlaces(units.decimals, Decimal.ROUND_HALF_UP).isZero()) return opts.dollarSign ? "$0" : "0";
  const body = `${opts.dollarSign ? "$" : ""}${shown}`;
  return d.isNegative() ? `(${body})` : `+${body}`;
}

/** The unit's words for headers and captions: "$ thousands", "$ millions", "dollars". */
export function unitWords(units: DisplayUnits = THOUSANDS): string {
  return units.scale === "dollars" ? "dollars" : `$ ${units.scale}`;
}

/** The unit as a noun after one amount: " thousand", " million", "" (dollars need none). */
export function unitNoun(units: DisplayUnits = THOUSANDS): string {
  return units.scale === "thousands" ? " thousand" : units.scale === "millions" ? " million" : "";
}

/** An amount in a sentence, unit named: "$46,158 thousand", "($21,437 thousand)". */
export function amountInWords(value: Numeric, units: DisplayUnits = THOUSANDS): string {
  const d = decimalOf(value);
  if (!d) return text(value);
  const body = `$${magnitude(d, units.decimals)}${unitNoun(units)}`;
  return paren(showsNegative(d, units.decimals), body);
}

/** A signed amount in a sentence: "+$6,292 thousand", "($25,872.8 thousand)", "$0 thousand". */
export function signedAmountInWords(value: Numeric, units: DisplayUnits = THOUSANDS): string {
  const d = decimalOf(value);
  if (!d) return text(value);
  const plain = amountInWords(d, units);
  return d.toDecimalPlaces(units.decimals, Decimal.ROUND_HALF_UP).isZero() || d.isNegative() ? plain : `+${plain}`;
}

/** A change in a sentence: "up $6,292 thousand", "down $12 thousand", "unchanged". */
export function changeInWords(value: Numeric, units: DisplayUnits = THOUSANDS): string {
  const d = decimalOf(value);
  if (!d) return text(value);
  if (d.toDecimalPlaces(units.decimals, Decimal.ROUND_HALF_UP).isZero()) return "unchanged";
  return `${d.isNegative() ? "down" : "up"} $${magnitude(d, units.decimals)}${unitNoun(units)}`;
}

/**
 * Exact dollars shown in a table's unit with `extraDecimals` more places than the table keeps:
 * "$25,872.8 thousand" for 25,872,800 dollars, in parentheses when negative. For amounts smaller
 * than a cell's rounding, such as goal-seek headroom, where whole units would hide the answer.
 */
export function dollarsInUnit(dollars: Numeric, units: DisplayUnits = THOUSANDS, extraDecimals = 1): string {
  const d = decimalOf(dollars);
  if (!d) return text(dollars);
  return amountInWords(d.div(unitDivisor(units.scale)), { ...units, decimals: units.decimals + extraDecimals });
}

/**
 * A chart axis tick, already in the table's unit, the unit as its letter: "$25,873K", "($10,000K)",
 * "$0K", "$1.5M". A tick is a float chosen by the chart: it keeps two places more than the table, then
 * only the digits it has (so 0.30000000000000004 reads "$0.3K").
 */
export function tickText(value: Numeric, units: DisplayUnits = THOUSANDS): string {
  const d = decimalOf(value);
  if (!d) return text(value);
  const shown = d.toDecimalPlaces(units.decimals + 2, Decimal.ROUND_HALF_UP);
  return paren(showsNegative(shown), `$${magnitude(shown)}${UNIT_LETTER[units.scale]}`);
}

/** A rate as a percentage with every digit kept: "0.03" -> "3%", "-0.005" -> "(0.5%)". */
export function rateText(rate: Numeric, opts: { decimals?: number } = {}): string {
  const d = decimalOf(rate);
  if (!d) return text(rate);
  const pct = d.times(100);
  return paren(showsNegative(pct, opts.decimals), `${magnitude(pct, opts.decimals)}%`);
}

/** A percentage change with one decimal: "+2.5%", "(2.5%)", "+<0.1%", "0.0%", or "n/a" against zero. */
export function percentChangeOf(base: Numeric, value: Numeric): string {
  const b = decimalOf(base);
  const v = decimalOf(value);
  if (!b || !v) return "n/a";
  if (b.isZero()) return v.isZero() ? "0.0%" : "n/a";
  const exact = v.minus(b).div(b.abs()).times(100);
  const pct = exact.toDecimalPlaces(1, Decimal.ROUND_HALF_UP);
  // A real but tiny change must not read as "0.0%".
  if (pct.isZero()) return exact.isZero() ? "0.0%" : exact.isNegative() ? "(<0.1%)" : "+<0.1%";
  return pct.isNegative() ? `(${magnitude(pct, 1)}%)` : `+${magnitude(pct, 1)}%`;
}

/** A count (members, hours, steps): grouped, every digit kept, unit named if given: "5,198.4 members". */
export function countText(value: Numeric, noun?: string): string {
  const d = decimalOf(value);
  if (!d) return text(value);
  const body = paren(showsNegative(d), magnitude(d));
  return noun ? `${body} ${noun}` : body;
}

/** The display units of a table result: its own `display` where it says so, else whole $ thousands. */
export function unitsOfResult(result: unknown): DisplayUnits {
  const display = (result as { display?: { unit?: unknown; decimals?: unknown } } | null)?.display;
  const scale = display?.unit;
  const decimals = display?.decimals;
  return {
    scale: scale === "dollars" || scale === "millions" || scale === "thousands" ? scale : "thousands",
    decimals: typeof decimals === "number" && Number.isInteger(decimals) && decimals >= 0 && decimals <= 6 ? decimals : 0,
  };
}

/** A column's label: the result's own `columnLabels` where present, else "FY 2025" / "4-Yr Total". */
export function columnLabelOf(result: unknown, column: string): string {
  const labels = (result as { columnLabels?: Record<string, string> } | null)?.columnLabels;
  const own = labels?.[column];
  if (typeof own === "string" && own.trim() !== "") return own;
  if (column === "Total") {
    const years = ((result as { columns?: string[] } | null)?.columns ?? []).filter((c) => c !== "Total").length;
    return years > 0 ? `${years}-Yr Total` : "Total";
  }
  return column.replace(/^FY(\d)/, "FY $1");
}

export { unitName } from "../../model/engine/input-number";
