/**
 * scenario -> the table the scenario declares, every cell with its unrounded value, its displayed
 * value (by the scenario's display unit and rounding rule) and its explanation.
 *
 * Items are costed per fiscal year in dependency order (a rate of pay after the items it is
 * charged on) by their kind's module; a cost line is the sum of its items; derived lines are
 * computed from the lines they name; the total column is the sum of the fiscal years; every sum
 * is of unrounded values. Years that end before the agreement takes effect cost nothing.
 */
import type { PayCalendar } from "./calendar";
import { Decimal, ZERO, sum } from "./decimal";
import type { Explanation } from "./explain";
import {
  afterAgreement,
  afterAgreementNote,
  beforeAgreement,
  beforeAgreementNote,
  coveredGroups,
  partForGroups,
  usdCell,
} from "./kinds/common";
import type { AnyKind, CostContext, ItemBase, ItemCell, ItemCosts } from "./kinds/kind";
import { DEFAULT_REGISTRY, kindIndex, type Registry } from "./kinds/registry";
import { lineRefs } from "./scenario/checks";
import { InputRejectedError } from "./errors";
import { inputsToFill } from "./scenario/drafts";
import { dec } from "./scenario/groups";
import type { Scenario, ScenarioBase } from "./scenario/types";
import type { CheckedCensus } from "./schedule/census-check";
import { censusOfBlock } from "./schedule/method";
import { referenceCensus } from "./schedule";
import { fundTerms } from "./table/fund-terms";
import { linesSubtractingCosts } from "./table/net-lines";
import { amountsCell, annualizedChangeCell, changeCell, shareCell, sumCell, zeroCell, type LineCells, type RawCell } from "./table/derived";
import { roundingRuleText, toDisplay, unitFactor, unitsWords } from "./table/display";
import {
  ANNUALIZED_COLUMN,
  annualizedLabel,
  fyKey,
  lineKind,
  TOTAL_COLUMN,
  totalLabel,
  type Display,
  type LineKind,
  type Published,
  type TableLine,
} from "./table/schema";

export { TOTAL_COLUMN, ANNUALIZED_COLUMN };

export interface Cell {
  /** Unrounded dollars. */
  exact: Decimal;
  /** In the display unit, by the scenario's rounding rule. */
  display: Decimal;
  explanation: Explanation;
}

export interface LineResult {
  id: string;
  label: string;
  kind: LineKind;
  style?: "total" | "subtotal";
  note?: string;
  /** Why the note prints this line as 0 although it has a cost; its cells display 0, their exact values keep the cost. */
  printedAsZero?: string;
  /** false: a helper line, computed for the lines that name it but never a row of a shown or written table (see printedLines). */
  printed?: false;
  /** The agreement's costs enter this line subtracted (a net of revenue less costs): never the analyses' total (table/net-lines.ts). */
  subtractsCosts?: true;
  cells: Record<string, Cell>;
}

export interface ItemResult {
  id: string;
  label: string;
  kind: string;
  line: string;
  cells: Record<string, ItemCell>;
}

export interface TableResult {
  scenarioId: string;
  scenarioName: string;
  /** Column ids: "FY2025", ..., "Total", "Annualized". */
  columns: string[];
  columnLabels: Record<string, string>;
  display: Display;
  /** "USD thousands", "USD", "USD millions". */
  units: string;
  roundingRule: string;
  lines: LineResult[];
  items: ItemResult[];
  published?: Published;
}

export interface ComputeOptions {
  /** The kinds of item (default: the built-in registry). */
  registry?: Registry;
  /** A checked census that replaces the scenario's own for this costing (an import not yet saved in the scenario). */
  scheduleMethod?: { census: CheckedCensus };
  /** Told as each item's fiscal year, each annualized item and each line is costed (done of total), for a progress bar on a heavy scenario. */
  onProgress?: (done: number, total: number) => void;
}

interface Built {
  line: TableLine | { id: string; label: string; note?: string };
  kind: LineKind;
  /** For companion lines: the line they follow. */
  companionOf?: string;
}

export function computeTable(scenario: Scenario | ScenarioBase, options: ComputeOptions = {}): TableResult {
  const s = scenario as ScenarioBase;
  const registry = options.registry ?? DEFAULT_REGISTRY;
  const toFill = inputsToFill(s, registry);
  if (toFill.length > 0)
    throw new InputRejectedError(toFill.map((t) => ({ field: t.path, message: `${t.label}: still to fill (the value is empty)` })));
  const kinds = kindIndex(registry);
  const kindOf = (item: ItemBase): AnyKind => {
    const k = kinds.get(item.kind);
    if (!k) throw new Error(`no kind "${item.kind}" in the registry`);
    return k;
  };
  const years = s.table.columns.fiscalYears;
  const calendar: PayCalendar = s.calendar;
  const items = new Map(s.items.map((i) => [i.id, i]));
  const costs: ItemCosts = new Map();
  const companions = new Map<string, string[]>();
  const census = options.scheduleMethod?.census;
  const ctx: CostContext = {
    scenario: s,
    calendar,
    years,
    costs,
    kindOf,
    itemById: (id) => items.get(id),
    companions,
    scheduleCensus: () => census ?? censusOfBlock(s.scheduleMethod!, referenceCensus),
  };
  const before = (fy: number) => beforeAgreement(s, fy);
  // A year after the agreement ends: raises stay in the base, other items cost what they state; the cell's explanation says so.
  const carriedOn = (cell: ItemCell, fy: number): ItemCell =>
    afterAgreement(s, fy)
      ? { ...cell, explanation: { ...cell.explanation, formula: `${cell.explanation.formula ?? "cost"}; ${afterAgreementNote(s)}` } }
      : cell;
  const annualized = s.table.columns.annualized ? annualizedLabel(s.table.columns) : undefined;

  // Items in dependency order (validation refused loops).
  const order: ItemBase[] = [];
  const placed = new Set<string>();
  const place = (item: ItemBase) => {
    if (placed.has(item.id)) return;
    placed.add(item.id);
    for (const dep of kindOf(item).dependsOn(item)) if (items.has(dep)) place(items.get(dep)!);
    order.push(item);
  };
  s.items.forEach(place);

  const itemResults = new Map<string, ItemResult>();
  const companionLines: Built[] = [];
  const annual = new Map<string, ItemCell>();
  // An item's years are the steps, not the item: a heavy scenario is often one item over many years.
  const steps = order.length * (years.length + (annualized ? 1 : 0)) + s.table.lines.length;
  let done = 0;
  const progress = (n = 1) => options.onProgress?.((done += n), steps);
  for (const item of order) {
    const kind = kindOf(item);
    const byYear = new Map<number, ItemCell>();
    costs.set(item.id, byYear);
    const together = kind.companions?.(item, ctx);
    if (together) {
      for (const fy of years) byYear.set(fy, together.own.get(fy)!);
      companions.set(
        item.id,
        together.parts.map((p) => p.id),
      );
      for (const part of together.parts) {
        costs.set(part.id, part.cells);
        itemResults.set(part.id, { id: part.id, label: part.label, kind: item.kind, line: part.line.id, cells: {} });
        companionLines.push({ line: part.line, kind: "cost", companionOf: item.line });
      }
      progress(years.length);
    } else {
      for (const fy of years) {
        byYear.set(
          fy,
          before(fy) ? usdCell(`${item.label} FY${fy}`, ZERO, beforeAgreementNote(s)) : carriedOn(kind.cost(item, ctx, fy), fy),
        );
        progress();
      }
    }
    itemResults.set(item.id, { id: item.id, label: item.label, kind: item.kind, line: item.line, cells: {} });
  }
  if (annualized)
    for (const item of order) {
      progress();
      annual.set(item.id, kindOf(item).annualized(item, ctx));
      for (const partId of companions.get(item.id) ?? []) {
        const last = costs.get(partId)!.get(years[years.length - 1]!)!;
        annual.set(
          partId,
          usdCell(`${itemResults.get(partId)!.label} annualized`, last.exact, "the last fiscal year's cost", [last.explanation]),
        );
      }
    }
  const totalSpec = s.table.columns.total === false ? undefined : (s.table.columns.total ?? {});
  const totalYears = totalSpec?.through === undefined ? years : years.filter((fy) => fy <= totalSpec.through!);
  for (const [id, r] of itemResults) {
    for (const fy of years) r.cells[fyKey(fy)] = costs.get(id)!.get(fy)!;
    r.cells[TOTAL_COLUMN] = usdCell(
      `${r.label}, ${totalYears.length}-year total`,
      sum(totalYears.map((fy) => costs.get(id)!.get(fy)!.exact)),
      "sum of the unrounded fiscal-year values",
    );
    if (annualized) r.cells[ANNUALIZED_COLUMN] = annual.get(id)!;
  }
  const itemOrder = [...s.items.map((i) => i.id), ...[...itemResults.keys()].filter((id) => !items.has(id))];

  // Lines in display order, the schedule method's parts after the line of their raises item.
  const built: Built[] = [];
  for (const line of s.table.lines) {
    built.push({ line, kind: lineKind(line) });
    // A helper line's step and turnover parts are helpers too: they are its cost, split out.
    for (const c of companionLines)
      if (c.companionOf === line.id) built.push(line.printed === false ? { ...c, line: { ...c.line, printed: false } } : c);
  }
  const byId = new Map(built.map((b) => [b.line.id, b]));
  const tableLines = new Map(s.table.lines.map((l) => [l.id, l]));
  const labelOf = (id: string) => byId.get(id)?.line.label ?? id;
  const expand = (id: string): string[] => [id, ...companionLines.filter((c) => c.companionOf === id).map((c) => c.line.id)];
  const fyColumns = years.map(fyKey);
  const valueColumns = annualized ? [...fyColumns, ANNUALIZED_COLUMN] : fyColumns;
  const lines: LineCells = new Map();

  const costLine = (b: Built): Record<string, RawCell> => {
    const onLine = itemOrder.filter((id) => itemResults.get(id)!.line === b.line.id).map((id) => itemResults.get(id)!);
    const negate = (b.line as TableLine).negate === true;
    return Object.fromEntries(
      valueColumns.map((column) => {
        const label = `${b.line.label} ${column === ANNUALIZED_COLUMN ? "annualized" : column}`;
        const parts = onLine.map((i) => i.cells[column]!);
        if (parts.length === 1 && !negate) return [column, { exact: parts[0]!.exact, explanation: { ...parts[0]!.explanation, label } }];
        const total = sum(parts.map((p) => p.exact));
        const words = parts.length === 0 ? "no cost items on this line" : `sum of ${onLine.map((i) => i.label).join(" + ")}`;
        return [
          column,
          {
            exact: negate ? total.negated() : total,
            explanation: {
              label,
              value: (negate ? total.negated() : total).toString(),
              unit: "USD",
              formula: negate ? `minus the ${words} (the line shows them negated)` : words,
              children: parts.map((p) => p.explanation),
            },
          },
        ];
      }),
    );
  };

  /** A fund named as the scenario names it ("General Revenue"), never by its id. */
  const fundLabel = (id: string) => s.funds?.find((f) => f.id === id)?.label ?? id;
  /** The part of a cost line's items paid by a fund, from item or group fund shares. */
  const fundPart = (lineId: string, fund: string, column: string): RawCell[] =>
    itemOrder
      .map((id) => itemResults.get(id)!)
      .filter((r) => r.line === lineId)
      .map((r) => {
        const owner = items.get(r.id) ?? items.get(r.id.split(".")[0]!)!;
        const whole = r.cells[column]!;
        const label = `${r.label}: ${fundLabel(fund)} part ${column}`;
        const itemShare = owner.fundShares?.[fund];
        if (owner.fundShares) {
          if (!itemShare) return zeroCell(label, `the item's fund shares give ${fundLabel(fund)} nothing`);
          const rate = dec(itemShare);
          return {
            exact: rate.times(whole.exact),
            explanation: {
              label,
              value: rate.times(whole.exact).toString(),
              unit: "USD",
              formula: "item's fund share x item cost",
              symbols: `${rate} x ${whole.exact}`,
              children: [whole.explanation],
            },
          };
        }
        const fy = column === ANNUALIZED_COLUMN ? "annualized" : Number.parseInt(column.slice(2), 10);
        const parts = coveredGroups(s, owner)
          .filter((g) => g.fundShares?.[fund])
          .map((g) => {
            const part = partForGroups(owner, whole, [g.id], ctx, fy as number | "annualized", r.id);
            const rate = dec(g.fundShares![fund]!);
            return {
              exact: rate.times(part.exact),
              explanation: {
                label: `${g.label}: ${fundLabel(fund)} share`,
                value: rate.times(part.exact).toString(),
                unit: "USD",
                formula: "group's fund share x the group's part of the cost",
                symbols: `${rate} x ${part.exact}`,
                children: [part.explanation],
              },
            };
          });
        const v = sum(parts.map((p) => p.exact));
        return {
          exact: v,
          explanation: {
            label,
            value: v.toString(),
            unit: "USD",
            formula: parts.length ? "sum over the covered groups with a share in this fund" : "no covered group has a share in this fund",
            children: parts.map((p) => p.explanation),
          },
        };
      });
  const fundCells = (line: TableLine, column: string, label: string): RawCell => {
    const parts = fundTerms(tableLines, line, expand).flatMap((t) =>
      fundPart(t.lineId, line.fund!.fund, column).map((c) => ({ c, sign: t.sign })),
    );
    const v = sum(parts.map((p) => (p.sign > 0 ? p.c.exact : p.c.exact.negated())));
    return {
      exact: v,
      explanation: {
        label,
        value: v.toString(),
        unit: "USD",
        formula: `the part of ${line.fund!.of.map(labelOf).join(", ")} paid by ${fundLabel(line.fund!.fund)}`,
        children: parts.map((p) => (p.sign > 0 ? p.c.explanation : { ...p.c.explanation, subtracted: true })),
      },
    };
  };

  const derivedLine = (b: Built): Record<string, RawCell> => {
    const line = b.line as TableLine;
    return Object.fromEntries(
      valueColumns.map((column) => {
        const label = `${line.label} ${column === ANNUALIZED_COLUMN ? "annualized" : column}`;
        switch (b.kind) {
          case "sum":
            return [column, sumCell(line, column, label, lines, expand, labelOf)];
          case "share":
            return [column, shareCell(line, column, label, lines, labelOf(line.share!.of))];
          case "amounts":
            return [column, amountsCell(line, column, label)];
          case "fund":
            return [column, fundCells(line, column, label)];
          default:
            return [
              column,
              column === ANNUALIZED_COLUMN
                ? annualizedChangeCell(line, years[years.length - 1]!, label, lines, labelOf(line.change!.of))
                : changeCell(line, Number.parseInt(column.slice(2), 10), years[0]!, label, lines, labelOf(line.change!.of)),
            ];
        }
      }),
    );
  };

  // Compute in reference order (validation refused loops), display in the table's order.
  const computed = new Set<string>();
  const computeLine = (id: string) => {
    if (computed.has(id)) return;
    computed.add(id);
    const b = byId.get(id)!;
    if (!companionLines.some((c) => c.line.id === id)) progress();
    if (b.kind === "cost") return void lines.set(id, costLine(b));
    for (const ref of lineRefs(b.line as TableLine).flatMap(expand)) computeLine(ref);
    lines.set(id, derivedLine(b));
  };
  built.forEach((b) => computeLine(b.line.id));

  // Display: every cell rounded on its own, or totals as sums of rounded cells. A line the note
  // prints as zero still counts its rounded cost in every sum; only its own cells show 0.
  const display = s.table.display;
  const showTotal = totalSpec !== undefined;
  const totalColumns = totalYears.map(fyKey);
  const totalDisplay = totalSpec?.roundTo === undefined ? display : { ...display, roundTo: totalSpec.roundTo };
  const rounded = new Map<string, Record<string, Decimal>>();
  const roundedOf = (id: string, column: string): Decimal => {
    const row = rounded.get(id) ?? (rounded.set(id, {}), rounded.get(id)!);
    if (row[column] !== undefined) return row[column]!;
    const b = byId.get(id)!;
    const rawLine = lines.get(id)!;
    let v: Decimal;
    if (display.totals === "sumOfRounded" && column === TOTAL_COLUMN) {
      v = sum(totalColumns.map((c) => roundedOf(id, c)));
      if (totalSpec?.roundTo !== undefined) v = toDisplay(v.times(unitFactor(display.unit)), totalDisplay);
    } else if (display.totals === "sumOfRounded" && b.kind === "sum") {
      const l = b.line as TableLine;
      v = sum([
        ...l.sum!.flatMap(expand).map((r) => roundedOf(r, column)),
        ...(l.minus ?? []).flatMap(expand).map((r) => roundedOf(r, column).negated()),
      ]);
    } else
      v = column === TOTAL_COLUMN ? toDisplay(totalOf(rawLine, totalColumns), totalDisplay) : toDisplay(rawLine[column]!.exact, display);
    row[column] = v;
    return v;
  };
  const displayOf = (id: string, column: string): Decimal =>
    (byId.get(id)!.line as TableLine).printedAsZero !== undefined ? ZERO : roundedOf(id, column);
  const totalOf = (raw: Record<string, RawCell>, cols: string[]) => sum(cols.map((c) => raw[c]!.exact));

  const columns = [...fyColumns, ...(showTotal ? [TOTAL_COLUMN] : []), ...(annualized ? [ANNUALIZED_COLUMN] : [])];
  const columnLabels: Record<string, string> = Object.fromEntries([
    ...years.map((fy) => [fyKey(fy), `FY ${fy}`]),
    ...(showTotal ? [[TOTAL_COLUMN, totalLabel(s.table.columns)]] : []),
    ...(annualized ? [[ANNUALIZED_COLUMN, annualized]] : []),
  ]);
  const subtracting = linesSubtractingCosts(s.table.lines, s.items);
  const lineResults: LineResult[] = built.map((b) => {
    const raw = lines.get(b.line.id)!;
    const cells: Record<string, Cell> = {};
    for (const column of columns) {
      const rc: RawCell =
        column === TOTAL_COLUMN
          ? (() => {
              const t = totalOf(raw, totalColumns);
              const through =
                totalColumns.length < fyColumns.length ? ` (${totalColumns[0]} to ${totalColumns[totalColumns.length - 1]})` : "";
              return {
                exact: t,
                explanation: {
                  label: `${b.line.label}, ${totalLabel(s.table.columns)}`,
                  value: t.toString(),
                  unit: "USD",
                  formula: `sum of the unrounded fiscal-year values${through}`,
                  children: totalColumns.map((c) => raw[c]!.explanation),
                },
              };
            })()
          : raw[column]!;
      const zeroReason = (b.line as TableLine).printedAsZero;
      const explanation =
        zeroReason === undefined || rc.exact.isZero()
          ? rc.explanation
          : {
              ...rc.explanation,
              formula: `${rc.explanation.formula}; printed as 0 as in the note (${zeroReason}), its cost counted in the sums`,
            };
      cells[column] = { exact: rc.exact, display: displayOf(b.line.id, column), explanation };
    }
    const line = b.line as TableLine;
    return {
      id: b.line.id,
      label: b.line.label,
      kind: b.kind,
      ...(line.style ? { style: line.style } : {}),
      ...(b.line.note ? { note: b.line.note } : {}),
      ...(line.printedAsZero ? { printedAsZero: line.printedAsZero } : {}),
      ...(line.printed === false ? { printed: false as const } : {}),
      ...(subtracting.has(b.line.id) ? { subtractsCosts: true as const } : {}),
      cells,
    };
  });

  return {
    scenarioId: s.id,
    scenarioName: s.name,
    columns,
    columnLabels,
    display,
    units: unitsWords(display.unit),
    roundingRule: roundingRuleText(display),
    lines: lineResults,
    items: itemOrder.map((id) => itemResults.get(id)!),
    ...(s.table.published ? { published: s.table.published } : {}),
  };
}

/** "benefits.FY2025" -> the cell, or undefined. */
export function findCell(result: TableResult, ref: string): Cell | undefined {
  const [lineId, column] = ref.split(".");
  return result.lines.find((l) => l.id === lineId)?.cells[column ?? ""];
}

/**
 * The line analyses treat as the scenario's total: the first line styled "total" that sums costs
 * (a sum, or a cost line the note prints as its total), else the first sum line; never a line that
 * subtracts the costs (a net of revenue less costs). Undefined when none: callers then sum the cost lines.
 */
export function totalLineId(result: {
  lines: readonly Pick<LineResult, "id" | "kind" | "style" | "subtractsCosts">[];
}): string | undefined {
  const lines = result.lines.filter((l) => !l.subtractsCosts);
  const totalKinds: readonly string[] = ["sum", "cost", "amounts"];
  return (lines.find((l) => l.style === "total" && totalKinds.includes(l.kind)) ?? lines.find((l) => l.kind === "sum"))?.id;
}

/** The scenario total by column, unrounded: the total line's cells, else the sum of the cost lines. */
export function totalByColumn(result: TableResult): Record<string, Decimal> {
  const id = totalLineId(result);
  if (id) {
    const line = result.lines.find((l) => l.id === id)!;
    return Object.fromEntries(result.columns.map((c) => [c, line.cells[c]!.exact]));
  }
  const cost = result.lines.filter((l) => l.kind === "cost");
  return Object.fromEntries(result.columns.map((c) => [c, sum(cost.map((l) => l.cells[c]!.exact))]));
}

/** The first share line (a local portion, a fund's share), which analyses report beside the total. */
export function shareLineId(result: Pick<TableResult, "lines">): string | undefined {
  return result.lines.find((l) => l.kind === "share")?.id;
}
