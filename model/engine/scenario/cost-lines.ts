/**
 * Adding and removing FIS table lines in a scenario (the app's "Add cost line" / "Remove cost line").
 * Pure and immutable: each function returns a new scenario or the reasons it cannot, and a change
 * that would make checkScenario report a new problem is refused, so a bad line never enters a
 * scenario. A new line holds one item of a simple kind (amounts per year, a rate of pay, a
 * one-time payment); its values then show up as ordinary inputs, editable by path.
 */
import type { InputError } from "../errors";
import { formatInputError } from "../errors";
import type { Source } from "../explain";
import { checkScenario } from "./schema";
import { lineKind } from "../table/schema";
import type { CostItem, FixedAmountsItem, OneTimeItem, Param, PayRateItem, Scenario, TableLine } from "./types";

export type NewCostItem =
  /** Dollars per fiscal year, keyed "FY2025"...; years left out cost nothing, or with `recurring` carry the last amount entered (grown by `growthRate` a year). */
  | { kind: "fixedAmounts"; amounts: Record<string, string>; recurring?: boolean; growthRate?: string }
  /** A rate (0.0765 = 7.65%) on the cost of the named items, optionally from a fiscal year on. */
  | { kind: "payRate"; rate: string; appliesTo: string[]; startFiscalYear?: number }
  /** rate x earnings (members x average salary, or the payroll before a raises item's first raise) plus members x amountPerMember. */
  | { kind: "oneTime"; paidInFiscalYear: number; rate: string; amountPerMember?: string; earningsFromRaisesItem?: string };

export interface NewCostLine {
  label: string;
  note?: string;
  item: NewCostItem;
}

export const COST_LINE_KINDS: { kind: NewCostItem["kind"]; label: string }[] = [
  { kind: "fixedAmounts", label: "Amounts per year" },
  { kind: "payRate", label: "Rate of pay" },
  { kind: "oneTime", label: "One-time payment" },
];

export type CostLineChange = { ok: true; scenario: Scenario; lineId: string; message: string } | { ok: false; errors: InputError[] };

const ADDED: Source = { kind: "user", ref: "added in the app" };
/** "FICA 7.65% on base salary" -> "ficaOnBaseSalary": an id in the schema's alphabet, unique in `taken`. */
export function idFromLabel(label: string, taken: ReadonlySet<string>): string {
  const words = label
    .replace(/[^A-Za-z0-9]+/g, " ")
    .trim()
    .split(" ")
    .filter((w) => w !== "" && !/^\d/.test(w));
  let base = words
    .map((w, i) => (i === 0 ? w.toLowerCase() : w[0]!.toUpperCase() + w.slice(1).toLowerCase()))
    .join("")
    .slice(0, 48);
  if (!/^[A-Za-z]/.test(base)) base = `line${base}`;
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}${i}`)) return `${base}${i}`;
}

const param = (value: string, label: string): Param => ({ value, label, source: ADDED });

function buildItem(spec: NewCostLine, id: string, line: string): CostItem {
  const label = spec.label.trim();
  const item = spec.item;
  switch (item.kind) {
    case "fixedAmounts":
      return {
        kind: "fixedAmounts",
        id,
        label,
        line,
        amounts: Object.fromEntries(Object.entries(item.amounts).map(([fy, v]) => [fy, param(v, `${label} ${fy}`)])),
        ...(item.recurring ? { recurring: true } : {}),
        ...(item.recurring && item.growthRate !== undefined ? { growthRate: param(item.growthRate, `${label} growth a year`) } : {}),
      } satisfies FixedAmountsItem;
    case "payRate":
      return {
        kind: "payRate",
        id,
        label,
        line,
        rate: param(item.rate, `${label} rate`),
        appliesTo: [...item.appliesTo],
        ...(item.startFiscalYear !== undefined ? { startFiscalYear: item.startFiscalYear } : {}),
      } satisfies PayRateItem;
    case "oneTime":
      return {
        kind: "oneTime",
        id,
        label,
        line,
        paidInFiscalYear: item.paidInFiscalYear,
        rate: param(item.rate, `${label} rate`),
        ...(item.amountPerMember !== undefined ? { amountPerMember: param(item.amountPerMember, `${label} per member`) } : {}),
        ...(item.earningsFromRaisesItem ? { earningsFromRaisesItem: item.earningsFromRaisesItem } : {}),
      } satisfies OneTimeItem;
  }
}

/** Problems `next` has that `before` did not: what a change introduced. */
function introduced(before: Scenario, next: Scenario): InputError[] {
  const known = new Set(checkScenario(before).map(formatInputError));
  return checkScenario(next).filter((e) => !known.has(formatInputError(e)));
}

/**
 * A new cost line holding one item, placed after the last cost line, and added to every sum line
 * that adds up that last cost line (so it flows into the same totals as the line above it).
 */
export function addCostLine(scenario: Scenario, spec: NewCostLine): CostLineChange {
  const label = spec.label.trim();
  if (label === "") return { ok: false, errors: [{ field: "label", message: "Give the new line a name." }] };
  if (label.length > 200) return { ok: false, errors: [{ field: "label", message: "A line name is limited to 200 characters." }] };
  if (spec.item.kind === "payRate") {
    if (spec.item.appliesTo.length === 0)
      return { ok: false, errors: [{ field: "appliesTo", message: "Choose at least one item the rate applies to." }] };
  }
  if (spec.item.kind === "fixedAmounts" && Object.keys(spec.item.amounts).length === 0)
    return { ok: false, errors: [{ field: "amounts", message: "Enter an amount for at least one fiscal year." }] };
  const lines = scenario.table.lines;
  const lineId = idFromLabel(label, new Set(lines.map((l) => l.id)));
  const itemId = idFromLabel(label, new Set(scenario.items.map((i) => i.id)));
  const line: TableLine = { id: lineId, label, ...(spec.note?.trim() ? { note: spec.note.trim() } : {}) };
  const lastCost = [...lines].reverse().find((l) => lineKind(l) === "cost");
  const at = lastCost ? lines.indexOf(lastCost) + 1 : lines.length;
  const withSums = lines.map((l) => (lastCost && l.sum?.includes(lastCost.id) ? { ...l, sum: [...l.sum, lineId] } : l));
  const next: Scenario = {
    ...scenario,
    table: { ...scenario.table, lines: [...withSums.slice(0, at), line, ...withSums.slice(at)] },
    items: [...scenario.items, buildItem(spec, itemId, lineId)],
  };
  const errors = introduced(scenario, next);
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, scenario: next, lineId, message: `Added the line "${label}".` };
}

export interface LineDependent {
  /** The item outside the line that refers to one of the line's items. */
  itemId: string;
  itemLabel: string;
  /** The referenced item on the line and how it is referred to. */
  refersTo: string;
  via: "appliesTo" | "payRateIds" | "earningsFromRaisesItem";
  /** The removal is refused for it: it prices its earnings from the line, or is a rate applying to the line's items alone. */
  blocks: boolean;
}

/** Items on other lines that refer to the line's items (a rate applied to them, a premium loaded by them, a bonus priced from them). */
export function lineDependents(scenario: Scenario, lineId: string): LineDependent[] {
  const onLine = new Set(scenario.items.filter((i) => i.line === lineId).map((i) => i.id));
  const out: LineDependent[] = [];
  for (const item of scenario.items) {
    if (onLine.has(item.id)) continue;
    const refs: [string, LineDependent["via"]][] =
      item.kind === "payRate"
        ? item.appliesTo.map((id) => [id, "appliesTo"])
        : item.kind === "premiumPay"
          ? item.payRateIds.map((id) => [id, "payRateIds"])
          : item.kind === "oneTime" && item.earningsFromRaisesItem
            ? [[item.earningsFromRaisesItem, "earningsFromRaisesItem"]]
            : [];
    const emptied = refs.length > 0 && item.kind === "payRate" && refs.every(([id]) => onLine.has(id));
    for (const [id, via] of refs)
      if (onLine.has(id))
        out.push({ itemId: item.id, itemLabel: item.label, refersTo: id, via, blocks: via === "earningsFromRaisesItem" || emptied });
  }
  return out;
}

function dependentText(d: LineDependent): string {
  switch (d.via) {
    case "appliesTo":
      return `"${d.itemLabel}" would no longer apply to ${d.refersTo}`;
    case "payRateIds":
      return `"${d.itemLabel}" would no longer be loaded by ${d.refersTo}`;
    case "earningsFromRaisesItem":
      return `"${d.itemLabel}" takes its earnings from ${d.refersTo}`;
  }
}

/**
 * The line and its items removed. References from other items to them are dropped from
 * appliesTo / payRateIds (each named in the message, since it changes those items' cost), and the
 * line is dropped from sums and fund lines; an item that prices its earnings from one of them, or
 * a share or change line built on the line, cannot simply lose it, so the removal is refused naming it.
 */
export function removeCostLine(scenario: Scenario, lineId: string): CostLineChange & { detached?: string[] } {
  const lines = scenario.table.lines;
  const line = lines.find((l) => l.id === lineId && lineKind(l) === "cost");
  if (!line) return { ok: false, errors: [{ field: `table.lines.${lineId}`, message: `There is no cost line "${lineId}".` }] };
  if (lines.filter((l) => lineKind(l) === "cost").length === 1)
    return {
      ok: false,
      errors: [{ field: `table.lines.${lineId}`, message: `"${line.label}" is the only cost line; a scenario needs at least one.` }],
    };
  const builtOn = lines.filter((l) => l.share?.of === lineId || l.change?.of === lineId);
  if (builtOn.length > 0)
    return {
      ok: false,
      errors: builtOn.map((l) => ({
        field: `table.lines.${l.id}`,
        message: `Cannot remove "${line.label}": the line "${l.label}" is computed from it; change that line first.`,
      })),
    };
  const dependents = lineDependents(scenario, lineId);
  const blocking = dependents.filter((d) => d.via === "earningsFromRaisesItem");
  if (blocking.length > 0) {
    return {
      ok: false,
      errors: blocking.map((d) => ({
        field: `items.${d.itemId}.earningsFromRaisesItem`,
        message: `Cannot remove "${line.label}": ${dependentText(d)}; change or remove "${d.itemLabel}" first.`,
      })),
    };
  }
  const gone = new Set(scenario.items.filter((i) => i.line === lineId).map((i) => i.id));
  // A rate left applying to nothing would cost nothing without a word; validation refuses it, so name it here.
  const emptied = scenario.items.filter(
    (i) => i.kind === "payRate" && !gone.has(i.id) && i.appliesTo.length > 0 && i.appliesTo.every((id) => gone.has(id)),
  );
  if (emptied.length > 0)
    return {
      ok: false,
      errors: emptied.map((i) => ({
        field: `items.${i.id}.appliesTo`,
        message:
          `Cannot remove "${line.label}": "${i.label}" applies only to its items and would apply to nothing; ` +
          `change or remove "${i.label}" first.`,
      })),
    };
  const items = scenario.items
    .filter((i) => !gone.has(i.id))
    .map((i): CostItem => {
      if (i.kind === "payRate" && i.appliesTo.some((id) => gone.has(id)))
        return { ...i, appliesTo: i.appliesTo.filter((id) => !gone.has(id)) };
      if (i.kind === "premiumPay" && i.payRateIds.some((id) => gone.has(id)))
        return { ...i, payRateIds: i.payRateIds.filter((id) => !gone.has(id)) };
      return i;
    });
  const without = (ids: string[] | undefined) => ids?.filter((id) => id !== lineId);
  const published = scenario.table.published;
  // The published figures of a line that is gone have nothing to be compared with, nor to calibrate from; an input of
  // an item that is gone calibrates nothing.
  const kept = (cell: string) => cell.split(".")[0] !== lineId;
  const table = {
    ...scenario.table,
    ...(published
      ? {
          published: {
            ...published,
            values: Object.fromEntries(Object.entries(published.values).filter(([id]) => id !== lineId)),
            ...(published.expectedDisagreements
              ? { expectedDisagreements: published.expectedDisagreements.filter((d) => kept(d.cell)) }
              : {}),
            ...(published.calibratedFrom
              ? {
                  calibratedFrom: published.calibratedFrom.filter(
                    (c) => kept(c.cell) && !gone.has(/^items\.([^.]+)\./.exec(c.input)?.[1] ?? ""),
                  ),
                }
              : {}),
          },
        }
      : {}),
    lines: lines
      .filter((l) => l.id !== lineId)
      .map((l): TableLine => {
        if (l.sum?.includes(lineId) || l.minus?.includes(lineId))
          return { ...l, sum: without(l.sum)!, ...(l.minus ? { minus: without(l.minus)! } : {}) };
        if (l.fund?.of.includes(lineId)) return { ...l, fund: { ...l.fund, of: without(l.fund.of)! } };
        return l;
      }),
  };
  const next: Scenario = { ...scenario, table, items };
  const errors = introduced(scenario, next);
  if (errors.length > 0) return { ok: false, errors };
  const detached = dependents.map(dependentText);
  return {
    ok: true,
    scenario: next,
    lineId,
    detached,
    message: `Removed the line "${line.label}"${detached.length ? `; ${detached.join("; ")}` : ""}.`,
  };
}

/**
 * The line printed (the default, so the field goes) or made a helper line (printed: false):
 * computed and feeding the lines that name it, no row of any table. Whether the result is valid
 * (a helper line with published figures, no line left printed) is for the caller's check.
 */
export function withLinePrinted(scenario: Scenario, lineId: string, printed: boolean): Scenario {
  const lines = scenario.table.lines.map((l): TableLine => {
    if (l.id !== lineId) return l;
    const { printed: _was, ...rest } = l;
    return printed ? rest : { ...rest, printed: false };
  });
  return { ...scenario, table: { ...scenario.table, lines } };
}
