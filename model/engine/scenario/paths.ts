/**
 * Every input of a scenario has a stable path built from ids ("groups.wtu.members",
 * "items.baseSalary.steps.2025-10-01.amount", "table.lines.stateShare.rate"), the field it sits
 * in (unit, range, words) and the inputs-grid section it is listed under. Explanations name inputs
 * by path so the app can jump from a number to its row; the grid, workbook import and the
 * analyses read and write inputs by path.
 */
import type { FieldSpec, Param, Unit } from "../fields";
import type { ItemBase } from "../kinds/kind";
import { DEFAULT_REGISTRY, type Registry } from "../kinds/registry";
import type { Source } from "../explain";
import { unitValueText } from "../risk/words";
import { SCHEDULE_FIELDS } from "../schedule/method";
import { LINE_FIELDS } from "../table/schema";
import type { ScenarioBase } from "./base";
import { GROUP_FIELDS } from "./groups";
import type { Scenario } from "./types";

export type InputSection = string;

export const GROUP_SECTION = "Headcount and salary";
export const TABLE_SECTION = "Table lines";
export const FUNDS_SECTION = "Fund shares";
export const SCHEDULE_SECTION = "Schedule method";

export interface InputEntry {
  path: string;
  section: InputSection;
  /** The item, group or line the input belongs to, for grouping rows. */
  owner: string;
  param: Param;
  /** The field the input sits in: its unit and range are the field's, never the file's. */
  spec: FieldSpec;
  unit: Unit;
}

const entry = (path: string, section: string, owner: string, param: Param, spec: FieldSpec): InputEntry => ({
  path,
  section,
  owner,
  param,
  spec,
  unit: spec.unit,
});

/** All inputs: groups, then items kind by kind in the registry's order, then table lines and the schedule method. */
export function listInputs(scenario: Scenario | ScenarioBase, registry: Registry = DEFAULT_REGISTRY): InputEntry[] {
  const s = scenario as ScenarioBase;
  const out: InputEntry[] = [];
  for (const g of s.groups) {
    const at = `groups.${g.id}`;
    if (g.members) out.push(entry(`${at}.members`, GROUP_SECTION, g.label, g.members, GROUP_FIELDS.members));
    if (g.averageSalary) out.push(entry(`${at}.averageSalary`, GROUP_SECTION, g.label, g.averageSalary, GROUP_FIELDS.averageSalary));
    if (g.payroll) out.push(entry(`${at}.payroll`, GROUP_SECTION, g.label, g.payroll, GROUP_FIELDS.payroll));
    for (const p of g.positions ?? []) {
      out.push(entry(`${at}.positions.${p.id}.count`, GROUP_SECTION, `${g.label}: ${p.label}`, p.count, GROUP_FIELDS.positionCount));
      out.push(entry(`${at}.positions.${p.id}.salary`, GROUP_SECTION, `${g.label}: ${p.label}`, p.salary, GROUP_FIELDS.positionSalary));
    }
    if (g.vacancyRate) out.push(entry(`${at}.vacancyRate`, GROUP_SECTION, g.label, g.vacancyRate, GROUP_FIELDS.vacancyRate));
    for (const [fund, p] of Object.entries(g.fundShares ?? {}))
      out.push(entry(`${at}.fundShares.${fund}`, FUNDS_SECTION, g.label, p, GROUP_FIELDS.fundShare));
  }
  for (const kind of registry)
    for (const item of s.items as ItemBase[]) {
      if (item.kind !== kind.kind) continue;
      for (const f of kind.fields(item)) out.push(entry(`items.${item.id}.${f.path}`, kind.section, item.label, f.param, f.spec));
    }
  for (const line of s.table.lines) {
    const at = `table.lines.${line.id}`;
    if (line.share) out.push(entry(`${at}.rate`, TABLE_SECTION, line.label, line.share.rate, LINE_FIELDS.shareRate));
    for (const [key, p] of Object.entries(line.amounts ?? {}))
      out.push(entry(`${at}.amounts.${key}`, TABLE_SECTION, line.label, p, LINE_FIELDS.amount));
  }
  if (s.scheduleMethod) {
    out.push(
      entry(
        "scheduleMethod.separationRate",
        SCHEDULE_SECTION,
        "Schedule method",
        s.scheduleMethod.separationRate,
        SCHEDULE_FIELDS.separationRate,
      ),
    );
    out.push(entry("scheduleMethod.heldShare", SCHEDULE_SECTION, "Schedule method", s.scheduleMethod.heldShare, SCHEDULE_FIELDS.heldShare));
  }
  return out;
}

export function getInput(scenario: Scenario | ScenarioBase, path: string, registry: Registry = DEFAULT_REGISTRY): Param | undefined {
  return listInputs(scenario, registry).find((e) => e.path === path)?.param;
}

export function getInputEntry(
  scenario: Scenario | ScenarioBase,
  path: string,
  registry: Registry = DEFAULT_REGISTRY,
): InputEntry | undefined {
  return listInputs(scenario, registry).find((e) => e.path === path);
}

/** A copy of `root` with the object `target` replaced by `next`; only the objects on the way are copied (a census is shared, never copied). */
function replaceObject<T>(root: T, target: object, next: object): T {
  if (root === target) return next as T;
  if (Array.isArray(root)) {
    let changed = false;
    const out = root.map((x) => {
      const y = typeof x === "object" && x !== null ? replaceObject(x, target, next) : x;
      if (y !== x) changed = true;
      return y;
    });
    return (changed ? out : root) as T;
  }
  if (typeof root !== "object" || root === null) return root;
  let out: Record<string, unknown> | undefined;
  for (const [k, v] of Object.entries(root)) {
    if (k === "census" || typeof v !== "object" || v === null) continue;
    const y = replaceObject(v, target, next);
    if (y !== v) (out ??= { ...(root as Record<string, unknown>) })[k] = y;
  }
  return (out ?? root) as T;
}

/**
 * A copy of the scenario with one input's value replaced (the value is checked by the caller or by
 * checkScenario). The source becomes "user" so an edited calibration is never shown as the note's.
 */
export function setInputValue<S extends Scenario | ScenarioBase>(
  scenario: S,
  path: string,
  value: string,
  registry: Registry = DEFAULT_REGISTRY,
  /** The formula the value was typed as ("=105000*1.01"), kept beside it; a value set without one drops the old one. */
  formula?: string,
): S {
  const found = listInputs(scenario, registry).find((e) => e.path === path);
  if (!found) throw new Error(`No input at path "${path}"`);
  const p = found.param;
  if (p.value === value && p.formula === formula) return scenario;
  const { formula: _old, ...rest } = p;
  const withFormula = formula !== undefined ? { formula } : {};
  if (p.value === "")
    // An input to fill keeps where the template said it comes from.
    return replaceObject(scenario, p, {
      ...rest,
      value,
      source: { kind: "user", ref: p.source.ref || "entered", note: "filled in (left blank by the template)" },
      ...withFormula,
    });
  const source = p.source.kind === "user" && p.value === value ? p.source : editedSource(unitValueText(p.value, found.unit), p.source);
  return replaceObject(scenario, p, { ...rest, value, source, ...withFormula });
}

/**
 * The source of an edited value: what it was (`was`, in its unit as the inputs grid shows it:
 * "3%", "$105,271.5", "5,776") and where it came from before any edit. An edit of an edited value
 * keeps that first reference ("was 3.7%, Art. 36.2.1"), not a pointer to the edit before ("edited").
 */
export function editedSource(was: string, old: Source): Source {
  return { kind: "user", ref: "edited", note: `was ${was}, ${originOf(old)}` };
}

function originOf(old: Source): string {
  if (old.kind === "user" && old.ref === "edited") {
    // This module wrote the note as "was <value>, <origin>"; no value it writes holds ", ".
    const origin = /^was .*?, (.+)$/s.exec(old.note ?? "")?.[1];
    if (origin) return origin;
  }
  if (old.kind === "calibrated") return "calibrated";
  if (old.kind === "assumed") return `assumed ${old.ref}`;
  return old.ref;
}
