/**
 * A scenario's settings: structural choices that are not continuous inputs. Today they are the
 * schedule method's placement of replacements (step, lane, years of service) and its step date.
 *
 * They are not Params and never enter listInputs: every listed input becomes a register of the
 * float fast path and is varied continuously by sensitivity, goal seek and Monte Carlo, while a
 * step is a whole number, a lane is a name and a step date is a day of the year; the exported
 * workbook's Projection sheet also lays out its replacement rows at the placement the file names.
 * They are edited by path like inputs (the inputs grid lists them under "Schedule method"), each
 * edit validated here and returned as a new scenario, only the changed objects copied.
 */
import type { Source } from "../explain";
import { anniversarySource, entryPlacement, entrySource, type ScheduleMethod } from "../schedule/method";
import { lanesOf, maxStepOf } from "../schedule/step-movement";
import { SCHEDULE_KEYS } from "../schedule/types";
import type { ScenarioBase } from "./base";
import { editedSource as sourceAfterEdit, SCHEDULE_SECTION } from "./paths";
import type { Scenario } from "./types";

export const SETTING_PATHS = {
  step: "scheduleMethod.entry.step",
  lane: "scheduleMethod.entry.lane",
  yearsOfService: "scheduleMethod.entry.yearsOfService",
  anniversary: "scheduleMethod.anniversary",
} as const;
type SettingPath = (typeof SETTING_PATHS)[keyof typeof SETTING_PATHS];

/** Years of service a replacement may enter with (a career is not longer). */
export const ENTRY_YEARS = { min: 0, max: 60 } as const;

export type SettingKind = "whole number" | "choice" | "month-day";

export interface SettingEntry {
  path: SettingPath;
  section: string;
  owner: string;
  label: string;
  help: string;
  kind: SettingKind;
  /** The value as text ("1", "Bachelors", "10-01"); the engine's default when the file names none. */
  value: string;
  /** The file names no value: `value` is the engine's default. */
  isDefault: boolean;
  /** What may be chosen, for a choice. */
  choices?: string[];
  /** The unit in words ("step", "years", "MM-DD"). */
  unit: string;
  /** What is allowed, in words ("a whole step from 1 to 16"). */
  allowed: string;
  source: Source;
}

export type SettingResult<S> = { ok: true; scenario: S } | { ok: false; message: string };

/** The highest step any schedule has (a placement above a schedule's own top step is held at its top). */
export const topEntryStep = (): number => Math.max(...SCHEDULE_KEYS.map(maxStepOf));

/** Every lane of the schedules, in schedule order (a lane a schedule lacks places replacements on its first lane). */
export function entryLanes(): string[] {
  const out: string[] = [];
  for (const k of SCHEDULE_KEYS) for (const l of lanesOf(k)) if (!out.includes(l)) out.push(l);
  return out;
}

const defaultAnniversary = (s: Pick<ScenarioBase, "calendar">) => `${String(s.calendar.fiscalYearStartMonth).padStart(2, "0")}-01`;

/** The settings of a scenario, in grid order; none without a schedule-method block. */
export function listSettings(scenario: Scenario | ScenarioBase): SettingEntry[] {
  const s = scenario as ScenarioBase;
  const block = s.scheduleMethod;
  if (!block) return [];
  const placed = entryPlacement(block);
  const lanes = entryLanes();
  const top = topEntryStep();
  const base = { section: SCHEDULE_SECTION, owner: "Schedule method" };
  const entry = entrySource(block);
  return [
    {
      ...base,
      path: SETTING_PATHS.step,
      label: "Replacement step",
      help: "The step a replacement for each leaver is hired at (an assumption; replace with hiring data).",
      kind: "whole number",
      value: String(placed.step),
      isDefault: block.entry === undefined,
      unit: "step",
      allowed: `a whole step from 1 to ${top}`,
      source: entry,
    },
    {
      ...base,
      path: SETTING_PATHS.lane,
      label: "Replacement lane",
      help: "The lane (degree column) a replacement is hired on; a schedule without that lane uses its first.",
      kind: "choice",
      value: placed.lane || lanes[0]!,
      isDefault: block.entry?.lane === undefined,
      choices: lanes,
      unit: "lane",
      allowed: `one of ${lanes.join(", ")}`,
      source: entry,
    },
    {
      ...base,
      path: SETTING_PATHS.yearsOfService,
      label: "Replacement years of service",
      help: "Years of service a replacement is credited with (places longevity steps).",
      kind: "whole number",
      value: String(placed.yearsOfService),
      isDefault: block.entry === undefined,
      unit: "years",
      allowed: `whole years from ${ENTRY_YEARS.min} to ${ENTRY_YEARS.max}`,
      source: entry,
    },
    {
      ...base,
      path: SETTING_PATHS.anniversary,
      label: "Step date",
      help: "The day of the year members move up a step (month-day).",
      kind: "month-day",
      value: block.anniversary ?? defaultAnniversary(s),
      isDefault: block.anniversary === undefined,
      unit: "month-day (MM-DD)",
      allowed: "a day of the year written MM-DD, e.g. 10-01",
      source: anniversarySource(block),
    },
  ];
}

/** The row an explanation's link lands on: the entry placement as a whole lands on its step. */
export function settingRowPath(path: string): string {
  return path === "scheduleMethod.entry" ? SETTING_PATHS.step : path;
}

export const isSettingPath = (path: string): boolean => (Object.values(SETTING_PATHS) as string[]).includes(path);

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function wholeNumber(text: string, range: string): { ok: true; n: number } | { ok: false; message: string } {
  const t = text.trim();
  if (!/^[-+]?\d+$/.test(t)) return { ok: false, message: `"${t}" is not a whole number; ${range}` };
  return { ok: true, n: Number.parseInt(t, 10) };
}

/** MM-DD of a day that exists in every year ("10-1" and "10/01" read as 10-01), or why not. */
export function monthDayProblem(text: string): { ok: true; value: string } | { ok: false; message: string } {
  const t = text.trim();
  const how = "write the step date as MM-DD, e.g. 10-01";
  const m = /^(\d{1,2})[-/](\d{1,2})$/.exec(t);
  if (!m) return { ok: false, message: `"${t}" is not a month and day; ${how}` };
  const month = Number(m[1]);
  const day = Number(m[2]);
  if (month < 1 || month > 12) return { ok: false, message: `"${t}": month ${month} is not 1 to 12; ${how}` };
  if (month === 2 && day === 29)
    return { ok: false, message: `02-29 is not in every year and steps move on one date each year; choose 02-28 or 03-01` };
  if (day < 1 || day > DAYS_IN_MONTH[month - 1]!)
    return { ok: false, message: `"${t}": ${MONTHS[month - 1]} has days 1 to ${DAYS_IN_MONTH[month - 1]}; ${how}` };
  return { ok: true, value: `${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}` };
}

function editedSource(old: SettingEntry): Source {
  const was =
    old.path === SETTING_PATHS.step
      ? `step ${old.value}`
      : old.path === SETTING_PATHS.lane
        ? `lane ${old.value}`
        : old.path === SETTING_PATHS.yearsOfService
          ? `${old.value} year${old.value === "1" ? "" : "s"} of service`
          : old.value;
  return sourceAfterEdit(was, old.source);
}

/**
 * A copy of the scenario with one setting changed, typed as text ("3", "Masters+30", "01-15"), or
 * why it is refused, in the user's terms. An unchanged value returns the same scenario object.
 */
export function setSettingValue<S extends Scenario | ScenarioBase>(scenario: S, path: string, text: string): SettingResult<S> {
  const setting = listSettings(scenario).find((e) => e.path === path);
  if (!setting) return { ok: false, message: `${path} is not a setting of this scenario` };
  const block = (scenario as ScenarioBase).scheduleMethod!;
  let value: string;
  switch (setting.path) {
    case SETTING_PATHS.step: {
      const top = topEntryStep();
      const range = `replacements enter at step 1 to ${top}`;
      const n = wholeNumber(text, range);
      if (!n.ok) return n;
      if (n.n < 1) return { ok: false, message: `step ${n.n} is below 1; ${range}` };
      if (n.n > top) return { ok: false, message: `step ${n.n} is above ${top}, the schedules' top step; ${range}` };
      value = String(n.n);
      break;
    }
    case SETTING_PATHS.yearsOfService: {
      const range = `replacements enter with ${ENTRY_YEARS.min} to ${ENTRY_YEARS.max} years of service`;
      const n = wholeNumber(text, range);
      if (!n.ok) return n;
      if (n.n < ENTRY_YEARS.min) return { ok: false, message: `${n.n} years is below ${ENTRY_YEARS.min}; ${range}` };
      if (n.n > ENTRY_YEARS.max) return { ok: false, message: `${n.n} years is above ${ENTRY_YEARS.max}; ${range}` };
      value = String(n.n);
      break;
    }
    case SETTING_PATHS.lane: {
      const t = text.trim();
      const lane = setting.choices!.find((l) => l.toLowerCase() === t.toLowerCase());
      if (!lane) return { ok: false, message: `"${t}" is not a lane of the salary schedules; choose ${setting.choices!.join(", ")}` };
      value = lane;
      break;
    }
    case SETTING_PATHS.anniversary: {
      const d = monthDayProblem(text);
      if (!d.ok) return d;
      value = d.value;
      break;
    }
  }
  if (value === setting.value) return { ok: true, scenario };
  const source = editedSource(setting);
  let next: ScheduleMethod;
  if (setting.path === SETTING_PATHS.anniversary) next = { ...block, anniversary: value, anniversarySource: source };
  else {
    const placed = entryPlacement(block);
    const entry = {
      step: placed.step,
      ...(block.entry?.lane !== undefined ? { lane: block.entry.lane } : {}),
      yearsOfService: placed.yearsOfService,
      source,
    };
    if (setting.path === SETTING_PATHS.step) entry.step = Number(value);
    else if (setting.path === SETTING_PATHS.yearsOfService) entry.yearsOfService = Number(value);
    next = { ...block, entry: setting.path === SETTING_PATHS.lane ? { ...entry, lane: value } : entry };
  }
  return { ok: true, scenario: { ...scenario, scheduleMethod: next } };
}
