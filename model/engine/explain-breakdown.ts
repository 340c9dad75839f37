/**
 * A cell at a glance, read off its explanation tree: either the parts it is the sum of (each
 * with its signed amount and its share of the cell) or, for a product or other formula, the
 * inputs the formula uses. Plus every calibration and assumption anywhere in the tree, each
 * stated once and numbered, so a screen or a memo need not repeat a note under every leaf.
 *
 * A node is a sum when its dollar children, a subtracted one negated, add up to it exactly
 * (unrounded); whatever else it holds (a date, a share of the year) shaped it and is listed
 * beside the parts. A node with one dollar child of its own value is a relabelled wrapper, and
 * the breakdown looks through it.
 */
import { Decimal, ZERO, sum } from "./decimal";
import type { Explanation, Source } from "./explain";

export interface BreakdownPart {
  /** The part's label with the words it shares with the cell's label dropped ("Optical" under "Benefits FY2025"). */
  label: string;
  /** The part's amount as it enters the cell: negative for a subtracted part. Exact decimal string. */
  value: string;
  unit: string;
  /** Signed part / cell, exact (to 20 significant digits); absent for the inputs of a formula and for a zero cell. */
  share?: string;
  node: Explanation;
}

export interface BreakdownNote {
  /** 1, 2, ... in the order the tree first mentions them. */
  n: number;
  kind: "calibrated" | "assumed";
  ref: string;
  note: string;
  /** The note's identity (noteKey of its source), for tags that point at it. */
  key: string;
}

export interface Breakdown {
  /** "sum": the cell is the sum of `parts`; "formula": `formula` computes it from `parts`. */
  kind: "sum" | "formula";
  formula?: string;
  symbols?: string;
  parts: BreakdownPart[];
  /** For a sum, the children that are not amounts (dates, shares of a year) but shaped the parts. */
  alongside: Explanation[];
  notes: BreakdownNote[];
}

const isAmount = (e: Explanation) => e.unit === "USD";
const signed = (e: Explanation) => (e.subtracted ? new Decimal(e.value).negated() : new Decimal(e.value));

/** Words of a label, compared without punctuation and case ("COST," = "cost"). */
const key = (word: string) => word.replace(/[^\p{L}\p{N}%]/gu, "").toLowerCase();

/** `label` without the leading and trailing words it shares with `parent`, when something is left. */
export function partLabel(parent: string, label: string): string {
  const a = parent.split(/\s+/).filter(Boolean);
  let b = label.split(/\s+/).filter(Boolean);
  if (a.map(key).join(" ") === b.map(key).join(" ")) return label;
  let tail = 0;
  while (tail < a.length && tail < b.length - 1 && key(a[a.length - 1 - tail]!) === key(b[b.length - 1 - tail]!)) tail++;
  b = b.slice(0, b.length - tail);
  let head = 0;
  while (head < a.length && head < b.length - 1 && key(a[head]!) === key(b[head]!)) head++;
  const out = b
    .slice(head)
    .join(" ")
    .replace(/^[,:;\s]+|[,:;\s]+$/g, "");
  return out || label;
}

/**
 * The labels of a sum's parts: each shortened by `partLabel`, unless shortening makes one read as
 * the start of another ("Salaries" beside "Salaries FY2025", where the first had its FY2026
 * dropped); those keep their whole labels, so no part seems to lack what a sibling names.
 */
export function partLabels(parent: string, labels: readonly string[]): string[] {
  const short = labels.map((l) => partLabel(parent, l));
  const words = short.map((l) => l.split(/\s+/).map(key));
  const startsWith = (a: string[], b: string[]) => b.length < a.length && b.every((w, i) => w === a[i]);
  return short.map((l, i) =>
    l !== labels[i] && words.some((w, j) => j !== i && (startsWith(w, words[i]!) || startsWith(words[i]!, w))) ? labels[i]! : l,
  );
}

/** Every calibrated or assumed source in the tree, once each (same kind and words), in the order first met. */
export function notesOf(root: Explanation): BreakdownNote[] {
  const notes: BreakdownNote[] = [];
  const seen = new Map<string, number>();
  const visit = (e: Explanation) => {
    const s = e.source;
    if (s && (s.kind === "calibrated" || s.kind === "assumed")) {
      const k = noteKey(s);
      if (!seen.has(k)) {
        seen.set(k, notes.length + 1);
        notes.push({ n: notes.length + 1, kind: s.kind, ref: s.ref, note: s.note ?? "", key: k });
      }
    }
    e.children.forEach(visit);
  };
  visit(root);
  return notes;
}

/** The identity of a note: a source states the same calibration wherever the tree repeats it. */
export const noteKey = (s: Source): string => `${s.kind}\u0000${s.note ?? s.ref}`;

/** Looks through wrappers: a node whose only dollar child has its own value and who has nothing else. */
function unwrap(node: Explanation): Explanation {
  let n = node;
  while (n.children.length === 1 && isAmount(n.children[0]!) && !n.children[0]!.subtracted && n.children[0]!.value === n.value) {
    if (n.children[0]!.children.length === 0) break;
    n = n.children[0]!;
  }
  return n;
}

export function breakdownOf(root: Explanation): Breakdown {
  const notes = notesOf(root);
  const node = unwrap(root);
  const amounts = node.children.filter(isAmount);
  const value = new Decimal(root.value);
  const isSum = amounts.length >= 2 && sum(amounts.map(signed)).equals(value);
  if (isSum) {
    const share = (part: Decimal) => (value.isZero() ? undefined : part.div(value).toSignificantDigits(20).toString());
    const labels = partLabels(
      root.label,
      amounts.map((e) => e.label),
    );
    return {
      kind: "sum",
      ...(node.formula ? { formula: node.formula } : {}),
      parts: amounts.map((e, i) => {
        const v = signed(e);
        const s = share(v);
        return { label: labels[i]!, value: v.toString(), unit: e.unit, ...(s ? { share: s } : {}), node: e };
      }),
      alongside: node.children.filter((e) => !isAmount(e)),
      notes,
    };
  }
  return {
    kind: "formula",
    ...(node.formula ? { formula: node.formula } : {}),
    ...(node.symbols ? { symbols: node.symbols } : {}),
    parts: node.children.map((e) => ({
      label: e.label,
      value: e.subtracted ? signed(e).toString() : e.value,
      unit: e.unit,
      node: e,
    })),
    alongside: [],
    notes,
  };
}

/** The sum of a breakdown's parts (for a sum: the cell itself, to the cent and beyond). */
export const partsTotal = (b: Breakdown): Decimal => (b.kind === "sum" ? sum(b.parts.map((p) => new Decimal(p.value))) : ZERO);
