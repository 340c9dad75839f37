/**
 * What differs between two scenarios, and which of those differences moves which cell.
 *
 * Differences are found at the finest grain that can be applied on its own: an input value at
 * the same path, a setting, or (when an item's structure differs, e.g. Medicare also applied to
 * the bonus) the whole item. Each difference is then applied alone to scenario A and the table
 * recomputed: a cell is attributed to every difference that moves its displayed value. The
 * reason shown is the calibration note (or source) behind the value in A, or in B.
 */
import { computeTable, type TableResult } from "../compute";
import type { Source } from "../explain";
import { listInputs, type InputEntry } from "../scenario/paths";
import type { CostItem, Scenario, Settings } from "../scenario/types";

export interface ScenarioDifference {
  id: string;
  /** What differs, in words. */
  what: string;
  /** Why A has what it has (calibration note or source), and what B has. */
  reasonA: string;
  reasonB: string;
  apply: (a: Scenario) => Scenario;
}

/** Scenarios and items are plain JSON values, so a JSON round trip is a faithful deep copy. */
const structuredCopy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
const clone = (s: Scenario): Scenario => structuredCopy(s);

function describeSource(source: Source | undefined): string {
  if (!source) return "";
  const kind = source.kind === "calibrated" ? "calibrated" : source.ref;
  return source.note ? `${kind}: ${source.note}` : kind;
}

/** An item with its input values blanked, to tell value differences from structural ones. */
function structureOf(item: CostItem, inputs: InputEntry[]): string {
  const text = JSON.stringify(item);
  const paths = inputs.filter((e) => e.path.startsWith(`items.${item.id}.`)).map((e) => e.path);
  return `${paths.join("|")}#${text.replace(/"value":"[^"]*"|"source":\{[^}]*\}|"label":"[^"]*"|"stated":"[^"]*"/g, "")}`;
}

function itemReason(item: CostItem | undefined): string {
  if (!item) return "absent";
  const notes: string[] = [];
  const visit = (v: unknown) => {
    if (v && typeof v === "object") {
      const o = v as Record<string, unknown>;
      if (o.kind === "calibrated" && typeof o.note === "string") notes.push(`calibrated: ${o.note}`);
      Object.values(o).forEach(visit);
    }
  };
  visit(item);
  if (item.kind === "payRate") notes.unshift(`applies to ${item.appliesTo.join(" + ")}`);
  return notes.join("; ") || "as stated";
}

export function diffScenarios(a: Scenario, b: Scenario): ScenarioDifference[] {
  const diffs: ScenarioDifference[] = [];
  const inputsA = listInputs(a);
  const inputsB = listInputs(b);
  const structurallyDifferent = new Set<string>();
  for (const itemA of a.items) {
    const itemB = b.items.find((i) => i.id === itemA.id);
    if (!itemB || structureOf(itemA, inputsA) !== structureOf(itemB, inputsB)) structurallyDifferent.add(itemA.id);
  }
  for (const itemB of b.items) if (!a.items.some((i) => i.id === itemB.id)) structurallyDifferent.add(itemB.id);

  for (const key of Object.keys(a.settings) as (keyof Settings)[]) {
    if (a.settings[key] !== b.settings[key]) {
      diffs.push({
        id: `settings.${key}`,
        what: `setting ${key}: ${a.settings[key]} vs ${b.settings[key]}`,
        reasonA: a.settings[key],
        reasonB: b.settings[key],
        apply: (s) => ({ ...clone(s), settings: { ...s.settings, [key]: b.settings[key] } }),
      });
    }
  }
  // Whole blocks of version 2 that change results without being inputs: the calendar, the table's display and columns.
  const blocks: { id: string; get: (s: Scenario) => unknown; set: (s: Scenario, v: unknown) => Scenario }[] = [
    { id: "calendar", get: (s) => s.calendar, set: (s, v) => ({ ...s, calendar: v as Scenario["calendar"] }) },
    {
      id: "table.display",
      get: (s) => s.table.display,
      set: (s, v) => ({ ...s, table: { ...s.table, display: v as Scenario["table"]["display"] } }),
    },
    {
      id: "table.columns",
      get: (s) => s.table.columns,
      set: (s, v) => ({ ...s, table: { ...s.table, columns: v as Scenario["table"]["columns"] } }),
    },
  ];
  for (const block of blocks) {
    const va = JSON.stringify(block.get(a));
    const vb = JSON.stringify(block.get(b));
    if (va !== vb)
      diffs.push({
        id: block.id,
        what: `${block.id}: ${va} vs ${vb}`,
        reasonA: va,
        reasonB: vb,
        apply: (s) => block.set(clone(s), structuredCopy(block.get(b))),
      });
  }
  for (const id of structurallyDifferent) {
    const itemA = a.items.find((i) => i.id === id);
    const itemB = b.items.find((i) => i.id === id);
    diffs.push({
      id: `items.${id}`,
      what: `${itemA?.label ?? itemB?.label ?? id}: ${!itemA ? "only in B" : !itemB ? "only in A" : "defined differently"}`,
      reasonA: itemReason(itemA),
      reasonB: itemReason(itemB),
      apply: (s) => {
        const c = clone(s);
        const others = c.items.filter((i) => i.id !== id);
        c.items = itemB ? [...others, structuredCopy(itemB)] : others;
        return c;
      },
    });
  }
  for (const entryA of inputsA) {
    if (entryA.path.startsWith("items.") && structurallyDifferent.has(entryA.path.split(".")[1]!)) continue;
    const entryB = inputsB.find((e) => e.path === entryA.path);
    if (!entryB || entryB.param.value === entryA.param.value) continue;
    diffs.push({
      id: entryA.path,
      what: `${entryA.param.label}: ${entryA.param.value} vs ${entryB.param.value} ${entryA.unit}`,
      reasonA: describeSource(entryA.param.source),
      reasonB: describeSource(entryB.param.source),
      apply: (s) => {
        const c = clone(s);
        const target = listInputs(c).find((e) => e.path === entryA.path);
        if (target) target.param.value = entryB.param.value;
        return c;
      },
    });
  }
  return diffs;
}

export interface CellComparison {
  line: string;
  lineLabel: string;
  column: string;
  a: string;
  b: string;
  /** B - A in displayed $ thousands. */
  difference: string;
  /** Ids of the differences that, applied alone to A, move this displayed cell. */
  causes: string[];
}

export interface ScenarioComparison {
  a: TableResult;
  b: TableResult;
  differences: ScenarioDifference[];
  cells: CellComparison[];
}

export function compareScenarios(a: Scenario, b: Scenario): ScenarioComparison {
  const ra = computeTable(a);
  const rb = computeTable(b);
  const differences = diffScenarios(a, b);
  const moved = differences.map((d) => ({ id: d.id, result: computeTable(d.apply(a)) }));
  const cells: CellComparison[] = [];
  for (const line of ra.lines) {
    const lineB = rb.lines.find((l) => l.id === line.id);
    if (!lineB) continue;
    for (const column of ra.columns) {
      const va = line.cells[column]!.display;
      const vb = lineB.cells[column]?.display;
      if (!vb || va.equals(vb)) continue;
      const causes = moved.filter((m) => !m.result.lines.find((l) => l.id === line.id)!.cells[column]!.display.equals(va)).map((m) => m.id);
      cells.push({
        line: line.id,
        lineLabel: line.label,
        column,
        a: va.toString(),
        b: vb.toString(),
        difference: vb.minus(va).toString(),
        causes,
      });
    }
  }
  return { a: ra, b: rb, differences, cells };
}
