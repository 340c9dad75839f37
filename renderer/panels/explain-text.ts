/**
 * The explain drawer's words and numbers, shared by the drawer and its "Copy as text": values in
 * the workbench's one number format (../format/number.ts), amounts of the breakdown in the table's
 * unit, each calibration or assumption numbered once, and the whole tree as indented plain text.
 */
import type { Breakdown, BreakdownNote } from "../../model/engine/explain-breakdown";
import { breakdownOf, noteKey, partsTotal } from "../../model/engine/explain-breakdown";
import type { Explanation, Source } from "../../model/engine/explain";
import { Decimal } from "../../model/engine/decimal";
import { THOUSANDS, amountInWords, cellText, countText, money, rateText, unitWords, type DisplayUnits } from "../format/number";

const DIVISOR: Record<DisplayUnits["scale"], number> = { dollars: 1, thousands: 1000, millions: 1_000_000 };

/** Exact dollars in the table's unit with one more decimal than its cells ("$33.8" in a $ thousands table). */
export function partAmountText(dollars: string, units: DisplayUnits = THOUSANDS): string {
  return cellText(new Decimal(dollars).div(DIVISOR[units.scale]), { ...units, decimals: units.decimals + 1 });
}

/** A share of the cell with one decimal: "32.5%", "(70.6%)". */
export const shareText = (share: string): string => rateText(share, { decimals: 1 });

/** Every decimal of an amount, and at least cents when it has any ("$105,271.50", not "$105,271.5"). */
function centsAtLeast(value: string): number | undefined {
  try {
    const places = new Decimal(value).decimalPlaces();
    return places === 0 ? 0 : Math.max(2, places);
  } catch {
    return undefined;
  }
}

const PER: Record<string, string> = {
  "USD/year": " a year",
  "USD/month": " a month",
  "USD/biweekly": " a pay period",
  "USD/pay period": " a pay period",
  "USD/hour": " an hour",
  "USD per member": " per member",
};

/**
 * A node's value as a person reads it, every digit kept: "$505,739.25336", "$105,271.50 a year",
 * "2%", "5,776 members". A non-number (a date, a placement) is shown as it is.
 */
export function nodeValueText(node: Pick<Explanation, "value" | "unit">): string {
  const { value, unit } = node;
  if (unit === "USD") return money(value, { decimals: centsAtLeast(value) });
  if (unit in PER) return `${money(value, { decimals: centsAtLeast(value) })}${PER[unit]}`;
  if (unit === "rate" || unit === "share") return rateText(value);
  if (unit === "members" || unit === "hours") return countText(value, unit);
  if (unit === "count") return countText(value);
  return value;
}

/** An amount of the breakdown's formula inputs: computed amounts in the table's unit, entered ones as entered. */
export function inputValueText(node: Explanation, units: DisplayUnits = THOUSANDS): string {
  if (node.unit === "USD" && node.children.length > 0)
    return amountInWords(new Decimal(node.value).div(DIVISOR[units.scale]), { ...units, decimals: units.decimals + 1 });
  return nodeValueText(node);
}

/** Calibration and assumption notes by their key, for tags that point at the note instead of repeating it. */
export function noteNumbers(notes: BreakdownNote[]): Map<string, number> {
  return new Map(notes.map((n) => [n.key, n.n]));
}

export const noteWord = (kind: BreakdownNote["kind"]) => (kind === "calibrated" ? "Calibrated" : "Assumed");

/** A source as a tag's words: "Art. 36.2.1 · FY2025 2%", "calibrated, note 2", "edited (…)". */
export function sourceText(s: Source, numbers: Map<string, number>): string {
  if (s.kind === "calibrated" || s.kind === "assumed") {
    const n = numbers.get(noteKey(s));
    return `${s.kind}${n ? `, note ${n}` : s.note ? `: ${s.note}` : ""}`;
  }
  if (s.kind === "user") return `edited${s.note ? ` (${s.note})` : ""}`;
  return `${s.ref}${s.note ? ` · ${s.note}` : ""}`;
}

export interface ExplainedCell {
  exact: Decimal;
  display: Decimal;
  explanation: Explanation;
}

function treeLines(node: Explanation, numbers: Map<string, number>, indent: string, out: string[]): void {
  const src = node.source ? `  [${sourceText(node.source, numbers)}]` : "";
  out.push(`${indent}${node.subtracted ? "minus " : ""}${node.label} = ${nodeValueText(node)}${src}`);
  if (node.formula) out.push(`${indent}    ${node.formula}`);
  if (node.symbols) out.push(`${indent}    = ${node.symbols}`);
  for (const c of node.children) treeLines(c, numbers, `${indent}  `, out);
}

/** The breakdown's lines of text, as the drawer shows them. */
function breakdownLines(b: Breakdown, units: DisplayUnits): string[] {
  if (b.kind === "sum") {
    const rows = [
      ...b.parts.map((p) => [p.label, partAmountText(p.value, units), p.share ? shareText(p.share) : "n/a"]),
      ["Total", partAmountText(partsTotal(b).toString(), units), b.parts.some((p) => p.share) ? "100.0%" : "n/a"],
    ];
    const width = Math.max(...rows.map((r) => r[0]!.length));
    const amountWidth = Math.max(...rows.map((r) => r[1]!.length));
    return [
      `Sum of ${b.parts.length} parts (${unitWords(units)}, share of the cell):`,
      ...rows.map(([l, a, s]) => `  ${l!.padEnd(width)}  ${a!.padStart(amountWidth)}  ${s!.padStart(7)}`),
      ...b.alongside.map((e) => `  with ${e.label}: ${nodeValueText(e)}`),
    ];
  }
  return [
    `Computed as: ${b.formula ?? "the value below"}`,
    ...(b.symbols ? [`  = ${b.symbols}`] : []),
    ...b.parts.map((p) => `  ${p.node.subtracted ? "minus " : ""}${p.label}: ${inputValueText(p.node, units)}`),
  ];
}

/** The drawer as plain text for a memo: title, breakdown, notes (each once), then the whole tree. */
export function explanationAsText(title: string, cell: ExplainedCell, units: DisplayUnits = THOUSANDS): string {
  const b = breakdownOf(cell.explanation);
  const numbers = noteNumbers(b.notes);
  const out = [`${title}: ${amountInWords(cell.display, units)}`, `Unrounded: ${money(cell.exact.toString(), { decimals: 2 })}`, ""];
  out.push(...breakdownLines(b, units));
  if (b.notes.length) {
    out.push("", "Calibrations and assumptions:");
    for (const n of b.notes) out.push(`  ${n.n}. ${noteWord(n.kind)}${n.ref && n.ref !== n.kind ? ` (${n.ref})` : ""}: ${n.note}`);
  }
  out.push("", "How it is computed:");
  treeLines(cell.explanation, numbers, "  ", out);
  return out.join("\n");
}
