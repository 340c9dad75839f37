/**
 * Display rounding of a fast value without ever showing a different digit than the exact engine.
 *
 * The exact value lies within `err` of the float `x` (the tracked tape proves it). A displayed
 * cell changes only where the value crosses a rounding boundary: half units (half-up, half-even)
 * or whole units (truncate, up) of the display unit and decimals, or of the display's rounding
 * step (`roundTo`). When no boundary lies within the bound of `x`, the exact value rounds to the
 * same digits as `x`, so the fast answer is the exact engine's. Otherwise the answer is `null` and
 * the caller asks the exact engine (a near tie).
 */
import { U } from "./tape";

export interface RoundingRule {
  unit: "dollars" | "thousands" | "millions";
  decimals: number;
  rounding: "halfUp" | "truncate" | "halfEven" | "up";
  /** A rounding step in the display unit (nearest 1,000 printed in dollars); `decimals` then plays no part in the rounding. */
  roundTo?: number | undefined;
}

const FACTOR = { dollars: 1, thousands: 1000, millions: 1_000_000 } as const;
/** Beyond 2^52 a double no longer holds every half unit. */
const LIMIT = 2 ** 52;

/**
 * The step of a rounding rule in units of 10^-decimals of the display unit (1 without a step), or
 * undefined when that is no exact integer below 2^52 (a step of 0.5 with no decimals): such a
 * display is left to the exact engine.
 */
export function stepUnits(rule: Pick<RoundingRule, "decimals" | "roundTo">): number | undefined {
  if (rule.roundTo === undefined) return 1;
  const units = rule.roundTo * 10 ** rule.decimals;
  return Number.isInteger(units) && units > 0 && units < LIMIT ? units : undefined;
}

/** Whole steps of a rounded count, by the rule's mode; null when the fraction sits within `errT` of a boundary. */
function roundCount(t: number, errT: number, rounding: RoundingRule["rounding"]): number | null {
  const a = Math.abs(t);
  if (a >= LIMIT || errT >= 0.25) return null;
  const whole = Math.floor(a);
  const frac = a - whole; // exact: a double minus its floor
  let n: number;
  if (rounding === "truncate") {
    // Toward zero: every whole unit but 0 is a boundary (-0.4 and 0.4 both show 0).
    if (1 - frac <= errT || (whole > 0 && frac <= errT)) return null;
    n = whole;
  } else if (rounding === "up") {
    // Away from zero: every whole unit is a boundary, 0 too (-0.001 shows -1, 0.001 shows 1). An
    // error-free whole value is exactly on it and stays.
    if (errT > 0 && (frac <= errT || 1 - frac <= errT)) return null;
    n = frac > 0 ? whole + 1 : whole;
  } else {
    if (Math.abs(frac - 0.5) <= errT) return null;
    n = frac > 0.5 ? whole + 1 : whole;
  }
  return t < 0 ? -n : n;
}

/**
 * The displayed value as an integer count of 10^-decimals display units, or null when the
 * exact engine must decide. `t = x * 10^d / F` is computed with two roundings (relative u each;
 * 10^d and F are exact doubles for d <= 6), so its own error is at most 3u|t| on top of the
 * scaled bound of x. With a rounding step S (in the display unit), `t = x / (F S)`, F S an exact
 * double (an integer below 2^53, else the exact engine decides), and the count of steps is
 * scaled back to 10^-decimals units.
 */
export function roundedUnits(x: number, err: number, rule: RoundingRule): number | null {
  if (!Number.isFinite(x) || !Number.isFinite(err)) return null;
  if (rule.roundTo !== undefined) {
    const step = stepUnits(rule);
    const divisor = FACTOR[rule.unit] * rule.roundTo;
    if (step === undefined || !Number.isInteger(divisor) || divisor >= LIMIT) return null;
    const t = x / divisor;
    const errT = (err / divisor) * (1 + 2 * U) + 2 * U * Math.abs(t);
    const n = roundCount(t, errT, rule.rounding);
    if (n === null) return null;
    const units = n * step;
    return Math.abs(units) < LIMIT ? units : null;
  }
  const scale = 10 ** rule.decimals;
  const factor = FACTOR[rule.unit];
  const t = (x * scale) / factor;
  const errT = ((err * scale) / factor) * (1 + 4 * U) + 3 * U * Math.abs(t);
  return roundCount(t, errT, rule.rounding);
}

/**
 * An exact count of 10^-decimals units rounded again to the rule's step (a total printed to the
 * nearest million after adding rounded years). Integer arithmetic below 2^52: exact. Undefined
 * when the step is no whole count of units.
 */
export function roundUnitsToStep(units: number, rule: RoundingRule): number | undefined {
  const step = stepUnits(rule);
  if (step === undefined || !(Math.abs(units) < LIMIT)) return undefined;
  if (step === 1) return units;
  const a = Math.abs(units);
  // The quotient's double may round up to the next whole count: settle it on exact integer products.
  let whole = Math.floor(a / step);
  while (whole > 0 && whole * step > a) whole--;
  while ((whole + 1) * step <= a) whole++;
  const rest = a - whole * step; // exact: integers below 2^52
  let n: number;
  if (rule.rounding === "truncate") n = whole;
  else if (rule.rounding === "up") n = rest > 0 ? whole + 1 : whole;
  else if (2 * rest > step) n = whole + 1;
  else if (2 * rest < step) n = whole;
  else n = rule.rounding === "halfUp" ? whole + 1 : whole % 2 === 0 ? whole : whole + 1;
  const out = (units < 0 ? -n : n) * step;
  return Math.abs(out) < LIMIT ? out + 0 : undefined;
}
