/**
 * Lines that subtract the agreement's costs: a net of revenue less costs ("Net All Funds",
 * "Probable Net Impact to General Revenue"), or a sum of costs printed negated. They move the
 * opposite way to the cost, so the analyses, which ask what a raise costs, never take one as
 * "the total" (a point of raise would read as a negative cost, and goal seek would find every
 * raise affordable).
 *
 * A line is expanded into the lines that carry items, each with the sign it enters with (sum +,
 * minus -, a negated line -; share, fund and change lines pass their line through). When a raises
 * item is reached, its sign decides; otherwise the line subtracts costs when more item-bearing
 * lines enter it negatively than positively.
 */
import { lineKind, type TableLine } from "./schema";

interface ItemOnLine {
  line: string;
  kind: string;
}

export function linesSubtractingCosts(lines: readonly TableLine[], items: readonly ItemOnLine[]): Set<string> {
  const byId = new Map(lines.map((l) => [l.id, l]));
  const carrying = new Set(items.map((i) => i.line));
  const raising = new Set(items.filter((i) => i.kind === "raises").map((i) => i.line));
  const leaves = (id: string, sign: number, path: Set<string>): { id: string; sign: number }[] => {
    const line = byId.get(id);
    if (!line || path.has(id)) return [];
    const kind = lineKind(line);
    if (kind === "cost" || kind === "amounts") {
      const own = line.negate ? -sign : sign;
      return kind === "amounts" || carrying.has(id) ? [{ id, sign: own }] : [];
    }
    const inner = new Set(path).add(id);
    if (kind === "sum")
      return [...(line.sum ?? []).flatMap((r) => leaves(r, sign, inner)), ...(line.minus ?? []).flatMap((r) => leaves(r, -sign, inner))];
    const through = [line.share?.of, ...(line.fund?.of ?? []), line.change?.of].filter((r) => r !== undefined);
    return through.flatMap((r) => leaves(r, sign, inner));
  };
  const out = new Set<string>();
  for (const line of lines) {
    const found = leaves(line.id, 1, new Set());
    const raises = found.filter((l) => raising.has(l.id));
    const judged = raises.length ? raises : found;
    const negative = judged.filter((l) => l.sign < 0).length;
    if (negative > judged.length - negative) out.add(line.id);
  }
  return out;
}
