/**
 * scenario -> a tape whose registers hold every cell of the table, compiled the way compute.ts
 * computes it: items in dependency order by their kinds' fast compilers, cost lines as sums of
 * their items, derived lines from the lines they name, the total column as the sum of the years.
 * Inputs are registers addressed by path; the inputs not varied are folded in as constants.
 */
import { beforeAgreement, coveredGroups } from "../kinds/common";
import type { AnyKind, ItemBase } from "../kinds/kind";
import { DEFAULT_REGISTRY, kindIndex, type Registry } from "../kinds/registry";
import type { Param } from "../fields";
import { lineRefs } from "../scenario/checks";
import { listInputs, type InputEntry } from "../scenario/paths";
import type { ScenarioBase } from "../scenario/base";
import type { Census } from "../schedule/types";
import { ANNUALIZED_COLUMN, annualizedLabel, fyKey, lineKind, TOTAL_COLUMN, type LineKind, type TableLine } from "../table/schema";
import { fundTerms } from "../table/fund-terms";
import { linesSubtractingCosts } from "../table/net-lines";
import { fastOf, partForGroupsReg, type CompileContext } from "./context";
import { conversionError, TapeBuilder, type Reg, type Tape } from "./tape";

export interface PlanLine {
  id: string;
  label: string;
  kind: LineKind;
  style?: "total" | "subtotal";
  /** sum/minus references expanded (companion lines included), for totals shown as sums of rounded cells. */
  plus?: string[];
  minus?: string[];
  /** The line shows 0 in every cell while its rounded cost counts in the sums (table line `printedAsZero`). */
  printedAsZero?: true;
  /** The agreement's costs enter this line subtracted: never the analyses' total (table/net-lines.ts). */
  subtractsCosts?: true;
}

/** One compiled variant of a scenario: the tape for one outcome of its guards. */
export interface Compiled {
  tape: Tape;
  /** cells[line][column] -> register; columns as in `columns`. */
  cells: Int32Array;
  lines: PlanLine[];
  columns: string[];
  /** The guards met while compiling and their outcome in this variant. */
  guards: Map<string, { inputs: readonly Param[]; test: (values: readonly number[]) => boolean; outcome: boolean }>;
  instructions: number;
}

export interface CompileOptions {
  registry?: Registry;
  census?: Census;
  /** Paths of the inputs kept variable; the others become constants. Default: every input. */
  vary?: readonly string[];
  /** Forced guard outcomes (a variant compiled for other input values). */
  outcomes?: ReadonlyMap<string, boolean>;
  /** The inputs' values in registers, for guards decided while compiling: slot index -> value. */
  values?: ArrayLike<number>;
}

/** The first registers after 0 and 1 are the varied inputs, in `inputs` order, in every variant. */
export const FIRST_INPUT = 2;

export function variedInputs(scenario: ScenarioBase, registry: Registry, vary?: readonly string[]): InputEntry[] {
  const all = listInputs(scenario, registry);
  if (!vary) return all;
  const wanted = new Set(vary);
  return all.filter((e) => wanted.has(e.path));
}

export function compileScenario(s: ScenarioBase, inputs: readonly InputEntry[], options: CompileOptions = {}): Compiled {
  const registry = options.registry ?? DEFAULT_REGISTRY;
  const kinds = kindIndex(registry);
  const kindOf = (item: ItemBase): AnyKind => {
    const k = kinds.get(item.kind);
    if (!k) throw new Error(`no kind "${item.kind}" in the registry`);
    return k;
  };
  const b = new TapeBuilder();
  const slotOf = new Map<Param, Reg>();
  inputs.forEach((e, i) => {
    const value = options.values ? options.values[i]! : Number(e.param.value);
    const r = b.input(value, conversionError(value, e.param.value));
    if (r !== FIRST_INPUT + i) throw new Error("internal: input registers out of order");
    slotOf.set(e.param, r);
  });
  const years = s.table.columns.fiscalYears;
  const items = new Map(s.items.map((i) => [i.id, i]));
  const costs = new Map<string, Map<number, Reg>>();
  const companions = new Map<string, string[]>();
  const guards: Compiled["guards"] = new Map();
  const valueOf = (p: Param) => {
    const r = slotOf.get(p);
    return r === undefined ? Number(p.value) : b.valueOf(r);
  };
  const ctx: CompileContext = {
    scenario: s,
    calendar: s.calendar,
    years,
    b,
    param: (p) => slotOf.get(p) ?? b.decimal(p.value),
    costs,
    kindOf,
    itemById: (id) => items.get(id),
    companions,
    ...(options.census ? { scheduleCensus: () => options.census! } : {}),
    guard(id, guardInputs, test) {
      const outcome = options.outcomes?.get(id) ?? test(guardInputs.map(valueOf));
      guards.set(id, { inputs: guardInputs, test, outcome });
      return outcome;
    },
  };
  const before = (fy: number) => beforeAgreement(s, fy);

  const order: ItemBase[] = [];
  const placed = new Set<string>();
  const place = (item: ItemBase) => {
    if (placed.has(item.id)) return;
    placed.add(item.id);
    for (const dep of kindOf(item).dependsOn(item)) if (items.has(dep)) place(items.get(dep)!);
    order.push(item);
  };
  s.items.forEach(place);

  /** Item or part id -> its line. */
  const lineOfItem = new Map<string, string>();
  const companionLines: { id: string; label: string; companionOf: string }[] = [];
  for (const item of order) {
    const fast = fastOf(kindOf(item));
    const byYear = new Map<number, Reg>();
    costs.set(item.id, byYear);
    const together = fast.companions?.(item, ctx);
    if (together) {
      for (const fy of years) byYear.set(fy, together.own.get(fy)!);
      companions.set(
        item.id,
        together.parts.map((p) => p.id),
      );
      for (const part of together.parts) {
        costs.set(part.id, part.cells);
        lineOfItem.set(part.id, part.line.id);
        companionLines.push({ id: part.line.id, label: part.label, companionOf: item.line });
      }
    } else for (const fy of years) byYear.set(fy, before(fy) ? b.zero : fast.cost(item, ctx, fy));
    lineOfItem.set(item.id, item.line);
  }
  const annualized = s.table.columns.annualized ? annualizedLabel(s.table.columns) : undefined;
  const annual = new Map<string, Reg>();
  if (annualized)
    for (const item of order) {
      annual.set(item.id, fastOf(kindOf(item)).annualized(item, ctx));
      for (const partId of companions.get(item.id) ?? []) annual.set(partId, costs.get(partId)!.get(years[years.length - 1]!)!);
    }
  const itemOrder = [...s.items.map((i) => i.id), ...[...lineOfItem.keys()].filter((id) => !items.has(id))];
  const itemCell = (id: string, column: string): Reg =>
    column === ANNUALIZED_COLUMN ? annual.get(id)! : costs.get(id)!.get(Number.parseInt(column.slice(2), 10))!;

  type Built = { id: string; label: string; kind: LineKind; line?: TableLine };
  const built: Built[] = [];
  for (const line of s.table.lines) {
    built.push({ id: line.id, label: line.label, kind: lineKind(line), line });
    for (const c of companionLines) if (c.companionOf === line.id) built.push({ id: c.id, label: c.label, kind: "cost" });
  }
  const byId = new Map(built.map((x) => [x.id, x]));
  const tableLines = new Map(s.table.lines.map((l) => [l.id, l]));
  const expand = (id: string): string[] => [id, ...companionLines.filter((c) => c.companionOf === id).map((c) => c.id)];
  const fyColumns = years.map(fyKey);
  const valueColumns = annualized ? [...fyColumns, ANNUALIZED_COLUMN] : fyColumns;
  const lines = new Map<string, Map<string, Reg>>();

  const fundPart = (lineId: string, fund: string, column: string): Reg[] =>
    itemOrder
      .filter((id) => lineOfItem.get(id) === lineId)
      .map((id) => {
        const owner = items.get(id) ?? items.get(id.split(".")[0]!)!;
        const whole = itemCell(id, column);
        if (owner.fundShares) {
          const itemShare = owner.fundShares[fund];
          return itemShare ? b.mul(ctx.param(itemShare), whole) : b.zero;
        }
        const fy = column === ANNUALIZED_COLUMN ? "annualized" : Number.parseInt(column.slice(2), 10);
        return b.sum(
          coveredGroups(s, owner)
            .filter((g) => g.fundShares?.[fund])
            .map((g) => b.mul(ctx.param(g.fundShares![fund]!), partForGroupsReg(owner, whole, [g.id], ctx, fy, id))),
        );
      });
  const fundCell = (line: TableLine, column: string): Reg => {
    let total = b.zero;
    for (const t of fundTerms(tableLines, line, expand))
      for (const part of fundPart(t.lineId, line.fund!.fund, column)) total = t.sign > 0 ? b.add(total, part) : b.sub(total, part);
    return total;
  };
  const derived = (x: Built, column: string): Reg => {
    const line = x.line!;
    switch (x.kind) {
      case "sum": {
        let total = b.zero;
        for (const id of line.sum!.flatMap(expand)) total = b.add(total, lines.get(id)!.get(column)!);
        for (const id of (line.minus ?? []).flatMap(expand)) total = b.sub(total, lines.get(id)!.get(column)!);
        return total;
      }
      case "share":
        return b.mul(ctx.param(line.share!.rate), lines.get(line.share!.of)!.get(column)!);
      case "amounts": {
        const p = line.amounts![column.startsWith("FY") ? column : "annualized"];
        if (!p) return b.zero;
        return line.negate ? b.neg(ctx.param(p)) : ctx.param(p);
      }
      case "fund":
        return fundCell(line, column);
      default: {
        const of = lines.get(line.change!.of)!;
        if (column === ANNUALIZED_COLUMN) return b.sub(of.get(column)!, of.get(fyKey(years[years.length - 1]!))!);
        const fy = Number.parseInt(column.slice(2), 10);
        return fy === years[0] ? of.get(column)! : b.sub(of.get(column)!, of.get(fyKey(fy - 1))!);
      }
    }
  };
  const computed = new Set<string>();
  const computeLine = (id: string) => {
    if (computed.has(id)) return;
    computed.add(id);
    const x = byId.get(id)!;
    const cells = new Map<string, Reg>();
    if (x.kind === "cost") {
      const onLine = itemOrder.filter((i) => lineOfItem.get(i) === id);
      // A cost line shown negated (a cost to a fund's balance beside revenue) carries its items' sum negated.
      const negate = x.line?.negate === true;
      for (const column of valueColumns) {
        const total = b.sum(onLine.map((i) => itemCell(i, column)));
        cells.set(column, negate ? b.neg(total) : total);
      }
    } else {
      for (const ref of lineRefs(x.line!).flatMap(expand)) computeLine(ref);
      for (const column of valueColumns) cells.set(column, derived(x, column));
    }
    lines.set(id, cells);
  };
  built.forEach((x) => computeLine(x.id));

  const showTotal = s.table.columns.total !== false;
  // The total adds the years through `total.through` (a biennial total beside five years), else all.
  const through = s.table.columns.total === false ? undefined : s.table.columns.total?.through;
  const totalColumns = years.filter((fy) => through === undefined || fy <= through).map(fyKey);
  const columns = [...fyColumns, ...(showTotal ? [TOTAL_COLUMN] : []), ...(annualized ? [ANNUALIZED_COLUMN] : [])];
  const cells = new Int32Array(built.length * columns.length);
  built.forEach((x, li) => {
    const row = lines.get(x.id)!;
    columns.forEach((column, ci) => {
      cells[li * columns.length + ci] = column === TOTAL_COLUMN ? b.sum(totalColumns.map((c) => row.get(c)!)) : row.get(column)!;
    });
  });
  const subtracting = linesSubtractingCosts(s.table.lines, s.items);
  return {
    tape: b.build(),
    cells,
    columns,
    lines: built.map((x) => ({
      id: x.id,
      label: x.label,
      kind: x.kind,
      ...(x.line?.style ? { style: x.line.style } : {}),
      ...(x.line?.printedAsZero !== undefined ? { printedAsZero: true as const } : {}),
      ...(subtracting.has(x.id) ? { subtractsCosts: true as const } : {}),
      ...(x.kind === "sum" ? { plus: x.line!.sum!.flatMap(expand), minus: (x.line!.minus ?? []).flatMap(expand) } : {}),
    })),
    guards,
    instructions: b.instructions,
  };
}
