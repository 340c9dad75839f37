/**
 * Numbers, rates and dates in words, the way a fiscal note writes them: "17,930", "$105,271.50",
 * "2 percent", "October 1, 2024". Shared by the kinds' sentences and the document generator, so the
 * two never spell one value two ways. Exact: values stay decimal strings, never floats.
 */
import { Decimal } from "./decimal";

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** "1234567.5" -> "1,234,567.5": digits grouped by three, the decimals kept as given. */
export function groupedNumber(value: string | Decimal): string {
  const text = typeof value === "string" ? value : value.toFixed();
  const negative = text.startsWith("-");
  const [int, frac] = (negative ? text.slice(1) : text).split(".");
  const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${negative ? "-" : ""}${grouped}${frac !== undefined ? `.${frac}` : ""}`;
}

/** Dollars as written in prose: "$105,271.50", "$60", "-$1,200" (cents only when there are cents, or `decimals` of them). */
export function dollarsText(value: string | Decimal, decimals?: number): string {
  const d = new Decimal(value);
  const text = decimals !== undefined ? d.abs().toFixed(decimals) : d.isInteger() ? d.abs().toFixed(0) : d.abs().toFixed(2);
  return `${d.isNegative() && !d.isZero() ? "-" : ""}$${groupedNumber(text)}`;
}

/** A rate as a percentage: 0.02 -> "2%", 0.0145 -> "1.45%" (every digit the rate has). */
export function percentText(rate: string | Decimal): string {
  return `${new Decimal(rate).times(100).toFixed()}%`;
}

/** A rate in words: 0.02 -> "2 percent", 0.0145 -> "1.45 percent". */
export function percentWords(rate: string | Decimal): string {
  return `${new Decimal(rate).times(100).toFixed()} percent`;
}

/**
 * A percent raise's dollar floor and cap after its rate: " (at least $1,000 a year)",
 * " (at most $2,000 a year)", " (at least $1,000 and at most $2,000 a year)"; "" with neither.
 */
export function raiseBoundsText(atLeast?: string, atMost?: string): string {
  const parts = [
    ...(atLeast !== undefined ? [`at least ${dollarsText(atLeast)}`] : []),
    ...(atMost !== undefined ? [`at most ${dollarsText(atMost)}`] : []),
  ];
  return parts.length ? ` (${parts.join(" and ")} a year)` : "";
}

/** "2024-10-01" -> "October 1, 2024". */
export function dateWords(iso: string): string {
  const [y, m, d] = iso.split("-");
  const month = MONTHS[Number(m) - 1];
  return month ? `${month} ${Number(d)}, ${y}` : iso;
}

/** ["a"] -> "a"; ["a", "b"] -> "a and b"; ["a", "b", "c"] -> "a, b and c". */
export function listWords(parts: readonly string[], conjunction = "and"): string {
  if (parts.length <= 1) return parts[0] ?? "";
  return `${parts.slice(0, -1).join(", ")} ${conjunction} ${parts[parts.length - 1]}`;
}
