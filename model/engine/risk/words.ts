/** A distribution in the words the inputs grid's Range column shows: "5,776 ± 2%", "6%–12%", "3% ± 0.5 points (normal)". */
import { Decimal } from "../decimal";
import type { Distribution } from "./distributions";

const group = (text: string) => {
  const [int, frac] = text.split(".");
  return `${int!.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}${frac ? `.${frac}` : ""}`;
};

/** A value in its unit's words: rates and shares as percents, money with $, counts grouped. */
export function unitValueText(value: string, unit: string): string {
  const d = new Decimal(value);
  if (unit === "rate" || unit === "share") return `${d.times(100).toSignificantDigits(12).toString()}%`;
  const text = group(d.abs().toString());
  const sign = d.isNegative() ? "-" : "";
  return unit.startsWith("USD") ? `${sign}$${text}` : `${sign}${text}`;
}

export function distributionText(d: Distribution, value: string, unit: string): string {
  const v = (t: string) => unitValueText(t, unit);
  const pct = unit === "rate" || unit === "share";
  switch (d.distribution) {
    case "fixed":
      return `fixed at ${v(value)}`;
    case "uniform": {
      const mid = new Decimal(d.min).plus(d.max).div(2);
      const current = new Decimal(value);
      if (!pct && mid.equals(current) && !current.isZero()) {
        const rel = new Decimal(d.max).minus(current).div(current.abs()).times(100);
        return `${v(value)} ± ${rel.toSignificantDigits(3).toString()}%`;
      }
      return `${v(d.min)}–${v(d.max)}`;
    }
    case "triangular":
      return `${v(d.min)}–${v(d.max)}, most likely ${v(d.mode)}`;
    case "normal": {
      const spread = pct ? `${new Decimal(d.sd).times(100).toSignificantDigits(6).toString()} points` : v(d.sd);
      const cut =
        d.min !== undefined || d.max !== undefined
          ? `, within ${d.min !== undefined ? v(d.min) : "…"}–${d.max !== undefined ? v(d.max) : "…"}`
          : "";
      return `${v(d.mean)} ± ${spread} (normal${cut})`;
    }
    default: {
      const equal = d.values.every((x) => new Decimal(x.weight).equals(d.values[0]!.weight));
      return d.values.map((x) => (equal ? v(x.value) : `${v(x.value)} (weight ${x.weight})`)).join(" / ");
    }
  }
}
