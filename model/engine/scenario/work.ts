/**
 * How much computing a scenario asks for, estimated before computing it. Counts alone (items,
 * groups, positions, years, steps, lines, census cells) each have a limit, yet their product can
 * still be enormous: one raises item over 100 groups of 500 positions for 30 years with 30 steps
 * asks for 45 million salary levels, each with its explanation. The estimate counts the engine's
 * own loops, in "cost steps" (one salary level in force, one benefit bucket, one part of a rate,
 * one census cell priced in a year...), kind by kind (each kind module may say its own), plus the
 * table's derived lines and fund lines. Validation refuses a scenario above WORK_LIMIT, naming the
 * estimate and its largest parts; the app computes anything above APP_WORKER_WORK in its worker.
 */
import type { AnyKind, ItemBase } from "../kinds/kind";
import { lineRefs } from "./checks";
import type { ScenarioBase } from "./base";
import type { Group } from "./groups";
import { lineKind } from "../table/schema";

/** Cost steps a scenario may ask for (the worst accepted scenario's time is in bench/README.md). */
export const WORK_LIMIT = 500_000;
/** Above this the app costs the table in its worker, with progress and Cancel (about 100 ms of work). */
export const APP_WORKER_WORK = 20_000;

export interface WorkEstimate {
  units: number;
  parts: { what: string; units: number }[];
}

/** Salary bases of a group: one per position, else one. */
export const basesOf = (g: Group): number => (g.positions ? g.positions.length : 1);

export interface WorkContext {
  scenario: ScenarioBase;
  years: number;
  /** Salary bases (positions, or one per group) the item covers. */
  bases(item: ItemBase): number;
  /** The estimate of another item (a rate charged on it, a fund share of it). */
  itemWork(id: string): number;
  kindOf(item: ItemBase): AnyKind | undefined;
}

/** The estimate of a kind without its own: its covered salary bases, every year. */
const defaultWork = (item: ItemBase, ctx: WorkContext) => ctx.years * (1 + ctx.bases(item));

export function workEstimate(s: ScenarioBase, kindOf: (item: ItemBase) => AnyKind | undefined): WorkEstimate {
  const years = s.table.columns.fiscalYears.length;
  const groups = new Map(s.groups.map((g) => [g.id, g]));
  const items = new Map(s.items.map((i) => [i.id, i]));
  const memo = new Map<string, number>();
  const visiting = new Set<string>();
  const ctx: WorkContext = {
    scenario: s,
    years,
    bases: (item) => (item.groupIds ? item.groupIds.map((id) => groups.get(id)) : s.groups).reduce((n, g) => n + (g ? basesOf(g) : 0), 0),
    itemWork: (id) => {
      const item = items.get(id);
      if (!item) return 0;
      const hit = memo.get(id);
      if (hit !== undefined) return hit;
      if (visiting.has(id)) return 0; // a loop, which validation reports
      visiting.add(id);
      const kind = kindOf(item);
      const w = kind?.work ? kind.work(item, ctx) : defaultWork(item, ctx);
      visiting.delete(id);
      memo.set(id, w);
      return w;
    },
    kindOf,
  };
  const parts: WorkEstimate["parts"] = [];
  const byKind = new Map<string, number>();
  for (const item of s.items) byKind.set(item.kind, (byKind.get(item.kind) ?? 0) + ctx.itemWork(item.id));
  for (const [kind, units] of byKind) parts.push({ what: `${kind} items`, units });
  const columns = years + 2;
  const lineById = new Map(s.table.lines.map((l) => [l.id, l]));
  let derived = 0;
  let funds = 0;
  for (const line of s.table.lines) {
    derived += columns * (1 + lineRefs(line).length);
    if (lineKind(line) !== "fund") continue;
    // A fund line splits each item on the lines it names by group: the item's cost again for each group with a share.
    const named = new Set<string>();
    const visit = (id: string) => {
      const l = lineById.get(id);
      if (l && lineKind(l) === "sum") [...(l.sum ?? []), ...(l.minus ?? [])].forEach(visit);
      else named.add(id);
    };
    line.fund!.of.forEach(visit);
    for (const item of s.items)
      if (named.has(item.line)) {
        // Each group with a share in the fund: the item's cost for that group alone, about its share of the item's work.
        const covered = (item.groupIds ?? s.groups.map((g) => g.id)).map((id) => groups.get(id)).filter((g) => g !== undefined);
        const shared = covered.filter((g) => g.fundShares?.[line.fund!.fund]);
        const coveredBases = covered.reduce((n, g) => n + basesOf(g), 0);
        const sharedBases = shared.reduce((n, g) => n + basesOf(g), 0);
        // Finding each group's part also walks the covered groups.
        funds +=
          columns *
          (1 +
            shared.length * (1 + covered.length) +
            (ctx.itemWork(item.id) / Math.max(1, years)) * (sharedBases / Math.max(1, coveredBases)));
      }
  }
  parts.push({ what: "derived lines", units: derived });
  if (funds) parts.push({ what: "fund lines", units: Math.round(funds) });
  parts.sort((a, b) => b.units - a.units);
  return { units: Math.round(parts.reduce((n, p) => n + p.units, 0)), parts };
}

const grouped = (n: number) => Math.round(n).toLocaleString("en-US");

/** The refusal of a scenario over the limit, naming the estimate, its largest parts and the limit. */
export function workProblem(estimate: WorkEstimate): string | null {
  if (estimate.units <= WORK_LIMIT) return null;
  const largest = estimate.parts
    .slice(0, 3)
    .map((p) => `${p.what} ${grouped(p.units)}`)
    .join(", ");
  return (
    `the scenario needs about ${grouped(estimate.units)} cost steps (items x groups or positions x years x segments; ${largest}), ` +
    `more than the limit of ${grouped(WORK_LIMIT)}: split it into smaller scenarios, or give groups by payroll or average salary ` +
    "instead of many positions"
  );
}
