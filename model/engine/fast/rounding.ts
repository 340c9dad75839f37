/**
 * Display rounding of a fast value without ever showing a different digit than the exact engine.
 *
 * The exact value lies within `err` of the float `x` (the tracked tape proves it). A displayed
 * cell changes only where the value crosses a rounding boundary: half units (half-up, half-even)
 * or whole units (truncate) of the display unit and decimals. When no boundary lies within the
 * bound of `x`, the exact value rounds to the same digits as `x`, so the fast answer is the exact
 * engine's. Otherwise the answer is `null` and the caller asks the exact engine (a near tie).
 */
import { U } from "./tape";

export interface RoundingRule {
  unit: "dollars" | "thousands" | "millions";
  decimals: number;
  rounding: "halfUp" | "truncate" | "halfEven";
}

const FACTOR = { dollars: 1, thousands: 1000, millions: 1_000_000 } as const;
/** Beyond 2^52 a double no longer holds every half unit. */
const LIMIT = 2 ** 52;

/**
 * The displayed value as an integer count of 10^-decimals display units, or null when the
 * exact engine must decide. `t = x * 10^d / F` is computed with two roundings (relative u each;
 * 10^d and F are exact doubles for d <= 6), so its own error is at most 3u|t| on top of the
 * scaled bound of x.
 */
export function roundedUnits(x: number, err: number, rule: RoundingRule): number | null {
  if (!Number.isFinite(x) || !Number.isFinite(err)) return null;
  const scale = 10 ** rule.decimals;
  const factor = FACTOR[rule.unit];
  const t = (x * scale) / factor;
  const errT = ((err * scale) / factor) * (1 + 4 * U) + 3 * U * Math.abs(t);
  const a = Math.abs(t);
  if (a >= LIMIT || errT >= 0.25) return null;
  const whole = Math.floor(a);
  const frac = a - whole; // exact: a double minus its floor
  let n: number;
  if (rule.rounding === "truncate") {
    // Toward zero: every whole unit but 0 is a boundary (-0.4 and 0.4 both show 0).
    if (1 - frac <= errT || (whole > 0 && frac <= errT)) return null;
    n = whole;
  } else {
    if (Math.abs(frac - 0.5) <= errT) return null;
    n = frac > 0.5 ? whole + 1 : whole;
  }
  return t < 0 ? -n : n;
}
