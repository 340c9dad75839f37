/**
 * Amounts and values in the words of a fiscal note: "$52.1 million", "$506,000", "$6,292K",
 * "$105,271.50 a year", "fiscal year 2025". Rounded by the scenario's own rounding rule.
 */
import { dateWords, Decimal, dollarsText, groupedNumber, percentText, type Display, type RoundingMode } from "../engine/index";

const MODE: Record<RoundingMode, Parameters<Decimal["toDecimalPlaces"]>[1]> = {
  halfUp: Decimal.ROUND_HALF_UP,
  truncate: Decimal.ROUND_DOWN,
  halfEven: Decimal.ROUND_HALF_EVEN,
  up: Decimal.ROUND_UP,
};

export interface Amount {
  text: string;
  /** True when the words round the amount (so the text says "approximately"). */
  rounded: boolean;
}

/**
 * A printed cell's amount in prose, without its sign: `dollars` is the cell as the table prints it,
 * in dollars (its displayed value times the unit). A million or more, in a table not in whole
 * dollars, is said to 0.1 million (billion) by the table's own rounding rule, as the published
 * statements say "$52.1 million" for $52,080K; anything else is the printed amount itself, since
 * rounding it again to the thousand would say $136,000 beside a cell printed $136.5K.
 */
export function amountWords(dollars: Decimal, rounding: RoundingMode = "halfUp", unit: Display["unit"] = "thousands"): Amount {
  const a = dollars.abs();
  const mode = MODE[rounding];
  const scaled = (unit: number, word: string): Amount => {
    const v = a.div(unit).toDecimalPlaces(1, mode);
    return { text: `$${groupedNumber(v.toFixed(1))} ${word}`, rounded: !v.times(unit).equals(a) };
  };
  if (unit !== "dollars" && a.greaterThanOrEqualTo(1e9)) return scaled(1e9, "billion");
  if (unit !== "dollars" && a.greaterThanOrEqualTo(1e6)) return scaled(1e6, "million");
  const places = a.isInteger() ? 0 : Math.max(2, a.decimalPlaces());
  return { text: `$${groupedNumber(a.toFixed(places))}`, rounded: false };
}

/** "approximately $52.1 million" when rounded, "$336,000" when exact. */
export function approxWords(dollars: Decimal, rounding: RoundingMode = "halfUp", unit: Display["unit"] = "thousands"): string {
  const w = amountWords(dollars, rounding, unit);
  return w.rounded ? `approximately ${w.text}` : w.text;
}

/** An amount in the table's unit with its suffix, as analysts write it: "$6,292K", "$6.3M", "$6,292,022"; negatives with a minus. */
export function compactAmount(displayed: Decimal, unit: "dollars" | "thousands" | "millions", decimals: number): string {
  const suffix = unit === "thousands" ? "K" : unit === "millions" ? "M" : "";
  const text = `$${groupedNumber(displayed.abs().toFixed(decimals))}${suffix}`;
  return displayed.isNegative() && !displayed.isZero() ? `-${text}` : text;
}

export const fiscalYearWords = (fy: number): string => `fiscal year ${fy}`;

/** "fiscal year 2025 through fiscal year 2028", or "fiscal year 2025" for one year. */
export function periodWords(years: readonly number[]): string {
  const first = years[0]!;
  const last = years[years.length - 1]!;
  return first === last ? fiscalYearWords(first) : `${fiscalYearWords(first)} through ${fiscalYearWords(last)}`;
}

export const capitalized = (s: string): string => (s === "" ? s : s[0]!.toUpperCase() + s.slice(1));

const PER: Record<string, string> = {
  "USD/year": "a year",
  "USD/month": "a month",
  "USD/pay period": "a pay period",
  "USD/hour": "an hour",
};

const isNumber = (s: string): boolean => /^-?\d+(\.\d+)?$/.test(s.trim());

/** An input's value with its unit in words: "$105,271.50 a year", "2%", "5,776 members", "January 1, 2025". */
export function valueWords(value: string, unit: string): string {
  if (unit === "date" && /^\d{4}-\d{2}-\d{2}$/.test(value)) return dateWords(value);
  if (!isNumber(value)) return value;
  if (unit === "USD") return dollarsText(value);
  if (PER[unit]) return `${dollarsText(value)} ${PER[unit]}`;
  if (unit === "rate" || unit === "share") return percentText(value);
  if (unit === "members" || unit === "hours") return `${groupedNumber(value)} ${unit}`;
  if (unit === "count") return groupedNumber(value);
  return `${groupedNumber(value)} ${unit}`;
}
