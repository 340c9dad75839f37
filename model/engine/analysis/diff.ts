/**
 * What differs between two scenarios, each difference at the finest grain that can be made on its
 * own: an input value at the same path, a setting, or (when an item's structure differs, e.g.
 * Medicare also applied to the bonus) the whole item; anything else that differs (the agreement's
 * years, the table's lines, the groups) as the whole field. Making every difference turns A into
 * B; analysis/attribution.ts measures what each one moves. The reason shown is the calibration
 * note (or source) behind the value in A, or in B.
 */
import { Decimal } from "../decimal";
import type { Source } from "../explain";
import { GROUP_FIELDS } from "../scenario/groups";
import { listInputs, type InputEntry } from "../scenario/paths";
import type { CostItem, Scenario, Settings, Unit } from "../scenario/types";
import { raiseBoundsText } from "../words";

export interface ScenarioDifference {
  id: string;
  /** What differs in the user's words, from -> to: "FY2026 base salary increase: 3% → 4%". */
  label: string;
  /** What differs, with the raw values. */
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

/**
 * An item with its input values blanked (and labels, sources and key order ignored), to tell value
 * differences from structural ones.
 */
function structureOf(item: CostItem, inputs: InputEntry[]): string {
  const blank = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(blank)
      : v && typeof v === "object"
        ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, k === "value" && typeof x === "string" ? "" : blank(x)]))
        : v;
  const paths = inputs.filter((e) => e.path.startsWith(`items.${item.id}.`)).map((e) => e.path);
  return `${paths.join("|")}#${JSON.stringify(substance(blank(item)))}`;
}

function itemReason(item: CostItem | undefined, items: ReadonlyMap<string, string>): string {
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
  if (item.kind === "payRate") notes.unshift(`applies to ${item.appliesTo.map((id) => items.get(id) ?? id).join(" + ")}`);
  return notes.join("; ") || "as stated";
}

/** Settings in words, as the settings bar names them. */
const SETTING_WORDS: Record<string, { label: string; values: Record<string, string> }> = {
  proration: {
    label: "Mid-year raises",
    values: {
      payPeriods: "prorated by pay periods",
      days: "prorated by days",
      months: "prorated by months",
      monthsCountingFirst: "prorated by months, the month of the date counted",
    },
  },
  calendarToFiscal: {
    label: "Calendar-year benefits",
    values: {
      monthsInForce: "each month at its calendar year's rate",
      calendarYearOfFiscalYearEnd: "whole FY at the rate of the year it ends in",
    },
  },
  salaryMethod: { label: "Salary method", values: { averageSalary: "members × average salary", schedule: "salary schedules × census" } },
};

/** Field names in words where splitting the camel case would not say it. */
const FIELD_WORDS: Record<string, string> = {
  countFrom: "costed-from date",
  appliesTo: "applies to",
  earningsFromRaisesItem: "earnings derived from",
  earnings: "stated earnings",
  groupIds: "groups covered",
  annualAmount: "annual amount",
  fiscalYears: "fiscal years",
  effectiveFrom: "start date",
  effectiveTo: "end date",
  fundShares: "fund split",
  lines: "table lines",
  display: "table display",
  columns: "table columns",
  calendar: "calendar",
  scheduleMethod: "schedule method",
  line: "table line",
  groups: "employee groups",
  items: "cost items",
  agreement: "agreement",
};

const words = (key: string): string =>
  FIELD_WORDS[key] ?? (/^[A-Z0-9]+$/.test(key) ? key : key.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase());
const capitalized = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** An input value as a person reads it: rates as percentages, money with $ and grouping. */
export function valueText(value: string, unit: Unit): string {
  let d: Decimal;
  try {
    d = new Decimal(value);
  } catch {
    return value;
  }
  if (!d.isFinite()) return value;
  if (unit === "rate" || unit === "share") return `${d.times(100).toString()}%`;
  // The digits as written ("52000.50" keeps its cents), grouped.
  const plain = /^-?\d+(\.\d+)?$/.test(value.trim()) ? value.trim().replace(/^-/, "") : d.abs().toFixed();
  const [int, frac] = plain.split(".");
  const text = `${int!.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}${frac ? `.${frac}` : ""}`;
  const sign = d.isNegative() ? "-" : "";
  return unit.startsWith("USD") ? `${sign}$${text}` : `${sign}${text}`;
}

/** What carries meaning for the numbers: labels, sources, notes, names and the document wording dropped, items in id order. */
function substance(value: unknown): unknown {
  if (Array.isArray(value)) {
    const items = value.map(substance);
    const ids = value.map((v) => (v && typeof v === "object" ? (v as { id?: unknown }).id : undefined));
    return ids.every((id) => typeof id === "string")
      ? items.map((item, i) => [ids[i] as string, item] as const).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))
      : items;
  }
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value).sort(([x], [y]) => (x < y ? -1 : 1)))
      if (!["label", "source", "stated", "note", "description", "name", "employer", "union", "document"].includes(k)) out[k] = substance(v);
    return out;
  }
  return value;
}
const same = (x: unknown, y: unknown) => JSON.stringify(substance(x)) === JSON.stringify(substance(y));

type Labelled = { id: string; label?: string };
const isListOfIds = (v: unknown): v is Labelled[] =>
  Array.isArray(v) && v.every((x) => x && typeof x === "object" && typeof (x as Labelled).id === "string");

/** A whole field that differs, in words: what was added, removed or changed, or each sub-field from -> to. */
/** Labels of the ids a field may name: table lines, employee groups, cost items. */
interface Names {
  line: ReadonlyMap<string, string>;
  group: ReadonlyMap<string, string>;
  item: ReadonlyMap<string, string>;
}
const namesFor = (key: string, names: Names) => (key === "line" ? names.line : key === "groupIds" ? names.group : names.item);

type Rec = Record<string, unknown>;
const isRecord = (v: unknown): v is Rec => v !== null && typeof v === "object" && !Array.isArray(v);
/** An input's value and what it says about it: { value: "0.02", label, source }. */
const isParam = (v: Rec): boolean => typeof v.value === "string" && ("label" in v || "source" in v);
const isStep = (v: Rec): boolean =>
  typeof v.fiscalYear === "number" && (v.type === "percent" || v.type === "flat" || v.type === "minimum") && isRecord(v.amount);

/**
 * Any value of a scenario in words: ids by their labels, an input by its value, a raise step as
 * "FY2026 3%", any other object by its fields, lists joined. `detail` adds what the short form
 * leaves out (a step's effective date, how many periods it is paid), for when only that differs.
 */
function valueWords(v: unknown, key: string, names: Names, detail = false): string {
  if (v === undefined || v === null) return "none";
  if (Array.isArray(v)) {
    if (v.length === 0) return "none";
    return v.map((e) => valueWords(e, key, names, detail)).join(v.some((e) => e !== null && typeof e === "object") ? ", " : " + ");
  }
  if (!isRecord(v)) return namesFor(key, names).get(String(v)) ?? String(v);
  if (isParam(v)) return String(v.value);
  if (isStep(v)) {
    const amount = String((v.amount as Rec).value);
    const bound = (k: string) => (isRecord(v[k]) ? String((v[k] as Rec).value) : undefined);
    const short = `FY${String(v.fiscalYear)} ${v.type === "minimum" ? "minimum salary " : ""}${valueText(amount, v.type === "percent" ? "rate" : "USD/year")}${raiseBoundsText(bound("atLeast"), bound("atMost"))}`;
    if (!detail) return short;
    const paid = isRecord(v.periodsPaid) ? `, paid ${valueWords(v.periodsPaid, "periodsPaid", names)}` : "";
    return `${short} from ${String(v.effective)}${paid}`;
  }
  const fields = Object.entries(substance(v) as Rec).filter(([, x]) => x !== undefined);
  // Only labels or sources, which carry no meaning for the numbers: the field as it comes by default.
  if (fields.length === 0) return "default";
  return fields.map(([k, x]) => `${words(k)} ${valueWords(x, k, names, detail)}`).join(", ");
}

/**
 * A list of objects that differs, by its elements: those only in A removed, those only in B added,
 * each in the short form unless a removed and an added one would then read alike.
 */
function elementChanges(key: string, a: unknown[], b: unknown[], names: Names): string {
  const removed = a.filter((x) => !b.some((y) => same(x, y)));
  const added = b.filter((y) => !a.some((x) => same(x, y)));
  const short = (xs: unknown[]) => xs.map((x) => valueWords(x, key, names));
  const alike = short(removed).some((w) => short(added).includes(w));
  const say = (xs: unknown[]) => xs.map((x) => valueWords(x, key, names, alike));
  const parts = [...say(removed).map((w) => `${w} removed`), ...say(added).map((w) => `${w} added`)];
  return `${words(key)}: ${parts.length ? parts.join(", ") : "order"}`;
}

/** The fields of one listed element (a group, an item) that differ: a field given on one side only, with its value. */
function fieldChanges(x: Labelled, y: Labelled, names: Names): string {
  const [rx, ry] = [x as unknown as Record<string, unknown>, y as unknown as Record<string, unknown>];
  // A group's own input in its unit (5%, not 0.05); other fields as the words for any value.
  const spec = (k: string) => (GROUP_FIELDS as Record<string, { unit: Unit } | undefined>)[k];
  const value = (v: unknown, k: string) =>
    spec(k) && isRecord(v) && typeof v.value === "string" ? valueText(v.value, spec(k)!.unit) : valueWords(v, k, names);
  const keys = [...new Set([...Object.keys(rx), ...Object.keys(ry)])].filter((k) => !same(rx[k], ry[k]));
  return keys
    .map((k) =>
      // "printed added (false)" would read as its opposite.
      k === "printed"
        ? ry[k] === false
          ? "not printed (a helper line)"
          : "printed"
        : rx[k] === undefined
          ? `${words(k)} added (${value(ry[k], k)})`
          : ry[k] === undefined
            ? `${words(k)} removed (was ${value(rx[k], k)})`
            : `${words(k)} changed`,
    )
    .join(", ");
}

function describeField(key: string, a: unknown, b: unknown, names: Names): string {
  const name = capitalized(words(key));
  if (a === undefined) return `${name}: only in the scenario`;
  if (b === undefined) return `${name}: only in the baseline`;
  if (isListOfIds(a) && isListOfIds(b)) {
    const label = (x: Labelled) => `“${x.label ?? x.id}”`;
    const added = b.filter((x) => !a.some((y) => y.id === x.id));
    const removed = a.filter((x) => !b.some((y) => y.id === x.id));
    const renamed = added.filter((x) => removed.some((y) => y.label !== undefined && y.label === x.label));
    const parts = [
      ...renamed.map((x) => `${label(x)} under another id`),
      ...removed.filter((x) => !renamed.some((r) => r.label === x.label)).map((x) => `${label(x)} removed`),
      ...added.filter((x) => !renamed.includes(x)).map((x) => `${label(x)} added`),
      ...a
        .filter((x) => b.some((y) => y.id === x.id && !same(x, y)))
        .map(
          (x) =>
            `${label(x)}: ${fieldChanges(
              x,
              b.find((y) => y.id === x.id)!,
              names,
            )}`,
        ),
    ];
    if (parts.length === 0) parts.push("order");
    return `${name}: ${parts.join("; ")}`;
  }
  if (a && b && typeof a === "object" && typeof b === "object" && !Array.isArray(a) && !Array.isArray(b)) {
    const ra = a as Record<string, unknown>;
    const rb = b as Record<string, unknown>;
    const keys = [...new Set([...Object.keys(ra), ...Object.keys(rb)])].filter((k) => !same(ra[k], rb[k]));
    const part = (k: string) => {
      const [x, y] = [ra[k], rb[k]];
      if (k === "fiscalYears" && Array.isArray(x) && Array.isArray(y)) {
        const span = (ys: unknown[]) => (ys.length ? `FY${ys[0]}–FY${ys[ys.length - 1]}` : "none");
        return `${words(k)} ${span(x)} → ${span(y)}`;
      }
      // The short form first; the detailed one when the short forms read alike (a step moved within its year).
      const [sx, sy] = [x, y].map((v) => valueWords(v, k, names));
      const [dx, dy] = sx === sy ? [x, y].map((v) => valueWords(v, k, names, true)) : [sx, sy];
      if (dx === dy) return `${words(k)} under another id`;
      const objects = (v: unknown): v is unknown[] => Array.isArray(v) && v.some((e) => e !== null && typeof e === "object");
      // Two lists of objects (raise steps) whole while short; longer, only the elements that differ.
      if (objects(x) && objects(y)) return dx!.length + dy!.length < 60 ? `${words(k)} ${dx} → ${dy}` : elementChanges(k, x, y, names);
      if ([dx!, dy!].every((w) => w.length < 60)) return `${words(k)} ${dx} → ${dy}`;
      if (x === undefined) return `${words(k)} added`;
      if (y === undefined) return `${words(k)} removed`;
      return words(k);
    };
    return `${name}: ${keys.map(part).join(", ")}`;
  }
  return `${name}: defined differently`;
}

export function diffScenarios(a: Scenario, b: Scenario): ScenarioDifference[] {
  const diffs: ScenarioDifference[] = [];
  // Ids named in words: an item, group or line by its label.
  const label = (xs: { id: string; label: string }[][]) => new Map(xs.flat().map((x) => [x.id, x.label]));
  const names: Names = {
    line: label([b.table.lines, a.table.lines]),
    group: label([b.groups, a.groups]),
    item: label([b.items, a.items]),
  };
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
      const w = SETTING_WORDS[key];
      const say = (v: string) => w?.values[v] ?? v;
      diffs.push({
        id: `settings.${key}`,
        label: `${w?.label ?? capitalized(words(key))}: ${say(a.settings[key])} → ${say(b.settings[key])}`,
        what: `setting ${key}: ${a.settings[key]} vs ${b.settings[key]}`,
        reasonA: say(a.settings[key]),
        reasonB: say(b.settings[key]),
        apply: (s) => ({ ...clone(s), settings: { ...s.settings, [key]: b.settings[key] } }),
      });
    }
  }
  for (const id of structurallyDifferent) {
    const itemA = a.items.find((i) => i.id === id);
    const itemB = b.items.find((i) => i.id === id);
    const label = itemA?.label ?? itemB?.label ?? id;
    const changed = itemA && itemB ? describeField("item", itemA, itemB, names).replace(/^Item: /, "") : "";
    diffs.push({
      id: `items.${id}`,
      label: `${label}: ${!itemA ? "only in the scenario" : !itemB ? "only in the baseline" : `defined differently (${changed})`}`,
      what: `${label}: ${!itemA ? "only in B" : !itemB ? "only in A" : "defined differently"}`,
      reasonA: itemReason(itemA, names.item),
      reasonB: itemReason(itemB, names.item),
      apply: (s) => {
        const c = clone(s);
        const at = c.items.findIndex((i) => i.id === id);
        if (!itemB) c.items = c.items.filter((i) => i.id !== id);
        // In place (or where B has it), so the items add up in the same order as in B.
        else if (at >= 0) c.items[at] = structuredCopy(itemB);
        else c.items.splice(Math.min(b.items.indexOf(itemB), c.items.length), 0, structuredCopy(itemB));
        return c;
      },
    });
  }
  for (const entryA of inputsA) {
    if (entryA.path.startsWith("items.") && structurallyDifferent.has(entryA.path.split(".")[1]!)) continue;
    const entryB = inputsB.find((e) => e.path === entryA.path);
    if (!entryB || entryB.param.value === entryA.param.value) continue;
    const unit = entryA.unit;
    const owner = entryA.path.startsWith("groups.") && a.groups.length > 1 ? `${entryA.owner}: ` : "";
    diffs.push({
      id: entryA.path,
      label: `${owner}${entryA.param.label}: ${valueText(entryA.param.value, unit)} → ${valueText(entryB.param.value, unit)}`,
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

  // Whatever still differs once every difference above is made (the agreement's years, the table's
  // lines, a group or an input on one side only) is a difference of its own, field by field.
  // The table is compared part by part (its lines, columns, display); its published figures change no cell.
  const made = diffs.reduce((s, d) => d.apply(s), a);
  const at = (s: Scenario, path: string[]): Rec => path.reduce((o, k) => (o?.[k] ?? {}) as Rec, s as unknown as Rec);
  const fieldsOf = (path: string[], skip: string[]) =>
    [...new Set([...Object.keys(at(made, path)), ...Object.keys(at(b, path))])].filter((k) => !skip.includes(k)).map((k) => [...path, k]);
  const fields = [
    ...fieldsOf([], ["schemaVersion", "id", "name", "description", "$schema", "table"]),
    ...fieldsOf(["table"], ["published"]),
  ];
  for (const path of fields) {
    const key = path[path.length - 1]!;
    const parent = path.slice(0, -1);
    const valueA = at(made, parent)[key];
    const valueB = at(b, parent)[key];
    if (same(valueA, valueB)) continue;
    diffs.push({
      id: path.join("."),
      label: describeField(key, at(a, parent)[key], valueB, names),
      what: `${path.join(".")}: defined differently`,
      reasonA: valueA === undefined ? "absent" : "as in the baseline",
      reasonB: valueB === undefined ? "absent" : "as in the scenario",
      apply: (s) => {
        const c = clone(s) as unknown as Rec;
        const holder = parent.reduce((o, k) => o[k] as Rec, c);
        if (valueB === undefined) delete holder[key];
        else holder[key] = structuredCopy(valueB);
        return c as unknown as Scenario;
      },
    });
  }
  return diffs;
}
