/**
 * Plain-text tables for the terminal. Every column is as wide as its widest cell plus a gap, so
 * figures never run together however large they get: at fixed widths a 12-character figure filled
 * its column and "$100,000,000$253,000,000" read as one number.
 */
import type { Decimal } from "../engine/index";

/** Spaces always left between two cells. */
export const GAP = 2;

export interface TextColumn {
  align: "left" | "right";
  /** Narrowest width, gap included: keeps the usual look of tables whose figures are small. */
  minWidth?: number;
}

/**
 * The rows laid out under the columns, one string per row; null is a blank line. A right-aligned
 * column takes its gap before the cell, a left-aligned one after it (and before it too when it
 * follows a right-aligned column, whose cell would otherwise touch it).
 */
export function textTable(columns: readonly TextColumn[], rows: readonly (readonly string[] | null)[]): string[] {
  const widths = columns.map((c, i) => Math.max(c.minWidth ?? 0, ...rows.map((r) => (r?.[i] ?? "").length + GAP)));
  return rows.map((r) =>
    r === null
      ? ""
      : columns
          .map((c, i) => {
            const cell = r[i] ?? "";
            if (c.align === "right") return cell.padStart(widths[i]!);
            const lead = i > 0 && columns[i - 1]!.align === "right" ? " ".repeat(GAP) : "";
            return lead + cell.padEnd(widths[i]!);
          })
          .join("")
          .trimEnd(),
  );
}

/** A share as a percentage to two decimals ("0.14%"); one too small to show there says so rather than read as none. */
export function sharePercent(share: Decimal): string {
  const text = share.times(100).toFixed(2);
  if (!share.isZero() && /^-?0\.00$/.test(text)) return share.isNegative() ? ">-0.01%" : "<0.01%";
  return `${text}%`;
}
