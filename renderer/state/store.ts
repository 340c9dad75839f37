/**
 * The app's state and its one reducer (pure: no platform, no DOM, unit-tested in Node).
 *
 * Scenarios live in entries; the two built-ins are read-only, and an edit aimed at one lands in a
 * fresh copy that becomes active (one step, no dialog: the message bar says what happened). Every
 * input edit is one step on its entry's own undo stack, and a value is parsed by its unit and
 * checked with checkScenario before it may enter the scenario. The undo stack keeps patches
 * (history.ts), never whole scenarios or results.
 */
import type { FileHandle } from "../../electron/ipc/contract";
import { formatInputError } from "../../model/engine/errors";
import { addCostLine, removeCostLine, type CostLineChange, type NewCostLine } from "../../model/engine/scenario/cost-lines";
import { contractAsStated, fisAsPublished } from "../../model/built-ins";
import { getInputEntry, listInputs, setInputValue } from "../../model/engine/scenario/paths";
import { checkInputChange, checkScenario } from "../../model/engine/scenario/schema";
import type { FieldSpec } from "../../model/engine/fields";
import { isSettingPath, listSettings, setSettingValue, settingRowPath } from "../../model/engine/scenario/settings";
import { censusMembersGap } from "../../model/engine/schedule/census-members";
import { withScheduleMethod } from "../../model/engine/schedule/with-method";
import type { Census } from "../../model/engine/schedule/types";
import type { Scenario } from "../../model/engine/scenario/types";
import { readInput } from "../format/parse-number";
import { capHistory, redoStep, stepBetween, undoStep, type Step } from "./history";

export type Tab = "table" | "inputs" | "census" | "compare" | "charts" | "analysis";
export const TABS: { id: Tab; label: string }[] = [
  { id: "table", label: "FIS table" },
  { id: "inputs", label: "Inputs" },
  { id: "census", label: "Census & schedules" },
  { id: "compare", label: "Compare" },
  { id: "charts", label: "Charts" },
  { id: "analysis", label: "Analysis" },
];

export interface ScenarioEntry {
  /** The UI's id for the entry; scenario.id may repeat across opened files. */
  key: string;
  scenario: Scenario;
  builtIn: boolean;
  /** What the "edited" markers compare against: the scenario this one was copied from, as it was. */
  baseline: Scenario;
  baselineName: string;
  /** Undo steps, oldest first, capped by count and size (HISTORY_LIMITS); redo steps, newest last. */
  past: Step[];
  future: Step[];
  file?: FileHandle;
  dirty: boolean;
}

export interface Notice {
  kind: "error" | "warning" | "info";
  text: string;
  details?: string[];
  /** A question: the button applies `action` (e.g. imported assumptions that need confirming); dismissing cancels. */
  confirm?: { label: string; action: Action };
}

export interface CellError {
  text: string;
  message: string;
}

export interface AppState {
  entries: ScenarioEntry[];
  activeKey: string;
  tab: Tab;
  notice: Notice | null;
  /** Rejected entries by `${entryKey}|${inputPath}`, shown red on the cell until a good value lands. */
  cellErrors: Record<string, CellError>;
  /** A request for the inputs grid to scroll to and flash a row; seq makes repeats distinct. */
  jump: { path: string; seq: number } | null;
  selectedCell: { line: string; column: string } | null;
  /**
   * The scenarios on the Compare tab, the first the baseline; null follows the active scenario (it
   * against its own baseline). A key may be `baseline:<entry key>`, that entry's baseline.
   */
  compareKeys: string[] | null;
  /** An imported census: shown on the census screen and used by schedule-method scenarios. */
  census: { census: Census; fileName: string; importedIn?: "worker" | "main thread" } | null;
  /** A census file being read and checked (off the UI thread); the import button waits for it. */
  censusImport: { fileName: string; bytes: number } | null;
  nextKey: number;
  /** Bumped whenever user scenarios change; autosave writes when it moved since the last write. */
  changeSeq: number;
}

export type Action =
  | { type: "select"; key: string }
  | { type: "tab"; tab: Tab }
  | { type: "edit"; edits: { path: string; text: string }[] }
  | { type: "undo" }
  | { type: "redo" }
  | { type: "newFrom"; key: string; name?: string }
  | { type: "rename"; key: string; name: string }
  | { type: "delete"; key: string }
  | { type: "opened"; scenario: Scenario; file?: FileHandle }
  | { type: "saved"; key: string; file: FileHandle }
  | { type: "recovered"; scenarios: Scenario[] }
  /** `expect`: the scenario the replacement was made from; refused when the active one changed since. */
  | { type: "replaceScenario"; scenario: Scenario; what: string; expect?: Scenario }
  | { type: "addCostLine"; line: NewCostLine }
  | { type: "removeCostLine"; lineId: string }
  /** A scenario made elsewhere (e.g. goal seek) added as a user scenario and made active. */
  | { type: "addScenario"; scenario: Scenario; from: string; what: string }
  | { type: "notice"; notice: Notice | null }
  | { type: "jump"; path: string }
  | { type: "selectCell"; line: string; column: string }
  | { type: "compareKeys"; keys: string[] | null }
  | { type: "census"; census: Census; fileName: string; importedIn?: "worker" | "main thread"; notes?: string[] }
  /** A census import started (with its file) or ended without a census (null). */
  | { type: "censusImporting"; file: { fileName: string; bytes: number } | null };

/** A compare key naming an entry's baseline rather than the entry. */
export const BASELINE_KEY = "baseline:";

export const cellErrorKey = (entryKey: string, path: string): string => `${entryKey}|${path}`;

export function initialState(): AppState {
  const fis = fisAsPublished();
  const stated = contractAsStated();
  const builtIn = (key: string, s: Scenario): ScenarioEntry => ({
    key,
    scenario: s,
    builtIn: true,
    baseline: s,
    baselineName: s.name,
    past: [],
    future: [],
    dirty: false,
  });
  return {
    entries: [builtIn("fis", fis), builtIn("stated", stated)],
    activeKey: "fis",
    tab: "table",
    notice: null,
    cellErrors: {},
    jump: null,
    selectedCell: null,
    compareKeys: null,
    census: null,
    censusImport: null,
    nextKey: 1,
    changeSeq: 0,
  };
}

export function activeEntry(state: AppState): ScenarioEntry {
  return state.entries.find((e) => e.key === state.activeKey) ?? state.entries[0]!;
}

function uniqueName(state: AppState, wanted: string): string {
  const names = new Set(state.entries.map((e) => e.scenario.name));
  if (!names.has(wanted)) return wanted;
  for (let i = 2; ; i++) if (!names.has(`${wanted} ${i}`)) return `${wanted} ${i}`;
}

function copyName(state: AppState, name: string): string {
  const base = `${name.replace(/ \(copy( \d+)?\)$/, "")} (copy)`;
  const names = new Set(state.entries.map((e) => e.scenario.name));
  if (!names.has(base)) return base;
  for (let i = 2; ; i++) {
    const n = base.replace(/\(copy\)$/, `(copy ${i})`);
    if (!names.has(n)) return n;
  }
}

/** A new user entry holding a copy of `from` (baseline = `from` as it is now). */
function addCopy(state: AppState, from: ScenarioEntry, name?: string): [AppState, ScenarioEntry] {
  const key = `u${state.nextKey}`;
  const scenario: Scenario = {
    ...structuredClone(from.scenario),
    id: `scenario-${state.nextKey}`,
    name: name ? uniqueName(state, name) : copyName(state, from.scenario.name),
  };
  const entry: ScenarioEntry = {
    key,
    scenario,
    builtIn: false,
    baseline: from.scenario,
    baselineName: from.scenario.name,
    past: [],
    future: [],
    dirty: true,
  };
  return [
    { ...state, entries: [...state.entries, entry], activeKey: key, nextKey: state.nextKey + 1, changeSeq: state.changeSeq + 1 },
    entry,
  ];
}

/** `entry` moved to `scenario` as one undo step (redo cleared); unchanged when nothing differs. */
function commit(entry: ScenarioEntry, scenario: Scenario): ScenarioEntry {
  const step = stepBetween(entry.scenario, scenario);
  if (!step) return entry;
  return { ...entry, scenario, past: capHistory([...entry.past, step]), future: [], dirty: true };
}

function updateEntry(state: AppState, key: string, f: (e: ScenarioEntry) => ScenarioEntry): AppState {
  return { ...state, entries: state.entries.map((e) => (e.key === key ? f(e) : e)), changeSeq: state.changeSeq + 1 };
}

/**
 * checkScenario once per scenario object. Scenarios in the state are never changed in place, and an
 * edit's checked result is the next edit's starting point, so each edit parses the scenario once, not twice.
 */
const checked = new WeakMap<Scenario, ReturnType<typeof checkScenario>>();
function problemsOf(s: Scenario): ReturnType<typeof checkScenario> {
  let problems = checked.get(s);
  if (!problems) checked.set(s, (problems = checkScenario(s)));
  return problems;
}

/**
 * What `next` gets wrong that `current` did not, in one message ("" when nothing). `input`: `next`
 * is `current` with that one input set (setInputValue); when `current` passed every check, only the
 * changed input and the checks across the scenario are run again (checkInputChange), not the whole
 * schema.
 */
function introducedProblems(current: Scenario, next: Scenario, input?: { path: string; spec: FieldSpec }): string {
  if (next === current) return "";
  if (input && checked.get(current)?.length === 0) {
    const changed = getInputEntry(next, input.path)?.param;
    if (changed) {
      const problems = checkInputChange(next, input.path, changed, input.spec);
      if (problems.length === 0) checked.set(next, problems);
      return problems.map((e) => e.message).join("; ");
    }
  }
  const before = new Set(problemsOf(current).map(formatInputError));
  return problemsOf(next)
    .filter((e) => !before.has(formatInputError(e)))
    .map((e) => e.message)
    .join("; ");
}

/** Parses and checks each edit (an input by its unit, a setting by its rule); returns the scenario with the good ones and rejections. */
export function applyEdits(
  scenario: Scenario,
  edits: { path: string; text: string }[],
): { scenario: Scenario; rejected: { path: string; text: string; message: string }[]; applied: string[] } {
  let current = scenario;
  const rejected: { path: string; text: string; message: string }[] = [];
  const applied: string[] = [];
  for (const { path, text } of edits) {
    if (isSettingPath(path)) {
      // A setting (where replacements enter, the step date) is checked by its own rule, not by a unit.
      const set = setSettingValue(current, path, text);
      const label = listSettings(current).find((e) => e.path === path)?.label ?? path;
      const message = !set.ok ? `${label}: ${set.message}` : introducedProblems(current, set.scenario);
      if (message) rejected.push({ path, text, message });
      else if (set.ok && set.scenario !== current) {
        current = set.scenario;
        applied.push(path);
      }
      continue;
    }
    const entry = getInputEntry(current, path);
    if (!entry) {
      rejected.push({ path, text, message: `No input at ${path}.` });
      continue;
    }
    const param = entry.param;
    const parsed = readInput(text, entry.spec);
    if (!parsed.ok) {
      rejected.push({ path, text, message: `${param.label}: ${parsed.message}` });
      continue;
    }
    if (parsed.value === param.value && parsed.formula === param.formula) continue;
    const next = setInputValue(current, path, parsed.value, undefined, parsed.formula);
    const introduced = introducedProblems(current, next, { path, spec: entry.spec });
    if (introduced) {
      rejected.push({ path, text, message: introduced });
      continue;
    }
    current = next;
    applied.push(path);
  }
  return { scenario: current, rejected, applied };
}

function edit(state: AppState, edits: { path: string; text: string }[]): AppState {
  let target = activeEntry(state);
  let { scenario, rejected, applied } = applyEdits(target.scenario, edits);
  let next = state;
  let copiedNotice: Notice | null = null;
  if (applied.length > 0 && target.builtIn) {
    [next, target] = addCopy(state, target);
    // Re-applied to the copy so it keeps its own id and name.
    ({ scenario, rejected, applied } = applyEdits(target.scenario, edits));
    copiedNotice = {
      kind: "info",
      text:
        `"${state.entries.find((e) => e.key === state.activeKey)!.scenario.name}" is a read-only built-in, so your edit was made in a ` +
        `new copy, "${target.scenario.name}".`,
    };
  }
  const cellErrors = { ...next.cellErrors };
  // Errors are keyed by the entry the user was looking at, so a rejected edit on a built-in shows there.
  for (const r of rejected) cellErrors[cellErrorKey(state.activeKey, r.path)] = { text: r.text, message: r.message };
  for (const p of applied) {
    delete cellErrors[cellErrorKey(state.activeKey, p)];
    delete cellErrors[cellErrorKey(target.key, p)];
  }
  if (applied.length > 0) {
    next = updateEntry(next, target.key, (e) => commit(e, scenario));
  }
  const notice: Notice | null =
    rejected.length > 0
      ? {
          kind: "error",
          text:
            (rejected.length === 1
              ? `Rejected "${rejected[0]!.text}": ${rejected[0]!.message}`
              : `${rejected.length} values were rejected; the others were applied.`) + (copiedNotice ? ` ${copiedNotice.text}` : ""),
          ...(rejected.length > 1 ? { details: rejected.map((r) => `"${r.text}" for ${r.path}: ${r.message}`) } : {}),
        }
      : (copiedNotice ?? (applied.length > 0 ? null : next.notice));
  return { ...next, cellErrors, notice };
}

/**
 * A structural change (a cost line added or removed) to the active scenario: one undo step, or
 * nothing but a message when the change is refused. On a built-in it lands in a fresh copy, as
 * an input edit does.
 */
function structural(state: AppState, change: (s: Scenario) => CostLineChange): AppState {
  const entry = activeEntry(state);
  const result = change(entry.scenario);
  if (!result.ok) {
    const [first, ...rest] = result.errors;
    return {
      ...state,
      notice: {
        kind: "error",
        text: first ? first.message : "The change was refused.",
        ...(rest.length ? { details: rest.map((e) => e.message) } : {}),
      },
    };
  }
  let next = state;
  let target = entry;
  let copied = "";
  if (entry.builtIn) {
    [next, target] = addCopy(state, entry);
    copied = ` "${entry.scenario.name}" is a read-only built-in, so this was done in a new copy, "${target.scenario.name}".`;
  }
  const scenario = { ...result.scenario, id: target.scenario.id, name: target.scenario.name };
  // A new line's first input is scrolled into view on the inputs grid, ready to edit.
  const item = scenario.items.find((i) => i.line === result.lineId);
  const firstInput = item ? listInputs(scenario).find((e) => e.path.startsWith(`items.${item.id}.`)) : undefined;
  return {
    ...updateEntry(next, target.key, (e) => commit(e, scenario)),
    notice: { kind: "info", text: `${result.message}${copied}` },
    ...(firstInput ? { jump: { path: firstInput.path, seq: (state.jump?.seq ?? 0) + 1 } } : {}),
  };
}

function step(state: AppState, direction: "undo" | "redo"): AppState {
  const entry = activeEntry(state);
  const from = direction === "undo" ? entry.past : entry.future;
  const last = from[from.length - 1];
  if (last === undefined)
    return { ...state, notice: { kind: "info", text: direction === "undo" ? "Nothing to undo." : "Nothing to redo." } };
  return updateEntry({ ...state, notice: null }, entry.key, (e) =>
    direction === "undo"
      ? { ...e, scenario: undoStep(e.scenario, last), past: e.past.slice(0, -1), future: [...e.future, last], dirty: true }
      : { ...e, scenario: redoStep(e.scenario, last), future: e.future.slice(0, -1), past: [...e.past, last], dirty: true },
  );
}

/** The census notice says where the census went and names a headcount gap with the scenario on screen. */
/** What the import did, then what the user should check: a headcount far from the members input, parts of the file not read. */
function censusNotice(fileName: string, scenario: Scenario, census: Census, embedded: boolean, notes: string[]): Notice {
  const text = embedded
    ? `Imported the census in "${fileName}" into "${scenario.name}": it is saved with the scenario and priced by the schedule method.`
    : `Imported the census in "${fileName}". "${scenario.name}" is costed by members × average salary: choose the schedule method ` +
      `under Salary method to price it on this census.`;
  const gap = censusMembersGap(scenario, census);
  const details = [...(gap ? [`"${scenario.name}": ${gap.message}`] : []), ...notes];
  return details.length ? { kind: "warning", text, details } : { kind: "info", text };
}

/**
 * An imported census belongs to the scenario it prices: a schedule-method scenario on screen gets
 * it embedded (with its hash) as one undo step, so save, autosave and recovery keep it. Otherwise
 * it waits in `census` until a scenario switches to the schedule method (SettingsBar).
 */
function importCensusInto(
  state: AppState,
  census: Census,
  fileName: string,
  importedIn: "worker" | "main thread" | undefined,
  notes: string[],
): AppState {
  const entry = activeEntry(state);
  let next: AppState = { ...state, census: { census, fileName, ...(importedIn ? { importedIn } : {}) }, censusImport: null };
  if (entry.scenario.settings.salaryMethod !== "schedule")
    return { ...next, notice: censusNotice(fileName, entry.scenario, census, false, notes) };
  let target = entry;
  if (entry.builtIn) [next, target] = addCopy(next, entry);
  const scenario = { ...withScheduleMethod(target.scenario, census), id: target.scenario.id, name: target.scenario.name };
  next = updateEntry(next, target.key, (e) => commit(e, scenario));
  return { ...next, notice: censusNotice(fileName, scenario, census, true, notes) };
}

/** Compare follows the active scenario again whenever another one becomes active. */
export function reducer(state: AppState, action: Action): AppState {
  const next = reduce(state, action);
  return next.activeKey !== state.activeKey && next.compareKeys !== null ? { ...next, compareKeys: null } : next;
}

function reduce(state: AppState, action: Action): AppState {
  switch (action.type) {
    case "select":
      if (action.key === state.activeKey || !state.entries.some((e) => e.key === action.key)) return state;
      // A message speaks of the scenario it came from: picking another one clears it.
      return { ...state, activeKey: action.key, selectedCell: null, notice: null };
    case "tab":
      return { ...state, tab: action.tab };
    case "edit":
      return edit(state, action.edits);
    case "undo":
    case "redo":
      return step(state, action.type);
    case "newFrom": {
      const from = state.entries.find((e) => e.key === action.key);
      if (!from) return state;
      const [next, entry] = addCopy(state, from, action.name);
      return { ...next, notice: { kind: "info", text: `Created "${entry.scenario.name}" from "${from.scenario.name}".` } };
    }
    case "rename": {
      const entry = state.entries.find((e) => e.key === action.key);
      const name = action.name.trim().slice(0, 200);
      if (!entry || entry.builtIn || name === "" || name === entry.scenario.name) return state;
      return updateEntry(state, action.key, (e) => ({ ...e, scenario: { ...e.scenario, name: uniqueName(state, name) }, dirty: true }));
    }
    case "delete": {
      const entry = state.entries.find((e) => e.key === action.key);
      if (!entry || entry.builtIn) return state;
      const entries = state.entries.filter((e) => e.key !== action.key);
      return {
        ...state,
        entries,
        activeKey: state.activeKey === action.key ? entries[0]!.key : state.activeKey,
        compareKeys: state.compareKeys?.filter((k) => k !== action.key && k !== `${BASELINE_KEY}${action.key}`) ?? null,
        notice: { kind: "info", text: `Deleted "${entry.scenario.name}".` },
        changeSeq: state.changeSeq + 1,
      };
    }
    case "opened": {
      const key = `u${state.nextKey}`;
      const scenario = { ...action.scenario, name: uniqueName(state, action.scenario.name) };
      const entry: ScenarioEntry = {
        key,
        scenario,
        builtIn: false,
        baseline: action.scenario,
        baselineName: `${action.scenario.name} (as opened)`,
        past: [],
        future: [],
        ...(action.file ? { file: action.file } : {}),
        dirty: false,
      };
      return {
        ...state,
        entries: [...state.entries, entry],
        activeKey: key,
        nextKey: state.nextKey + 1,
        changeSeq: state.changeSeq + 1,
        notice: { kind: "info", text: `Opened "${action.file?.name ?? scenario.name}".` },
      };
    }
    case "saved":
      return {
        ...updateEntry(state, action.key, (e) => ({ ...e, file: action.file, dirty: false })),
        notice: { kind: "info", text: `Saved "${action.file.name}".` },
      };
    case "recovered": {
      let next = state;
      for (const recovered of action.scenarios) {
        const key = `u${next.nextKey}`;
        // This window may already hold a scenario of that name (made while the banner was open).
        const s = { ...recovered, name: uniqueName(next, recovered.name) };
        const entry: ScenarioEntry = {
          key,
          scenario: s,
          builtIn: false,
          baseline: s,
          baselineName: `${s.name} (as recovered)`,
          past: [],
          future: [],
          dirty: true,
        };
        next = { ...next, entries: [...next.entries, entry], activeKey: key, nextKey: next.nextKey + 1 };
      }
      return {
        ...next,
        changeSeq: next.changeSeq + 1,
        notice: { kind: "info", text: `Recovered ${action.scenarios.length} scenario(s).` },
      };
    }
    case "replaceScenario": {
      // A whole-scenario change (e.g. imported assumptions) on the active entry: one undo step.
      const entry = activeEntry(state);
      if (action.expect && action.expect !== entry.scenario)
        return {
          ...state,
          notice: { kind: "error", text: "Nothing was applied: the scenario changed since the file was read; import it again." },
        };
      // A setting can ask more of the scenario than it has (the schedule method needs raise years that follow the census).
      const problems = problemsOf(action.scenario);
      if (problems.length)
        return {
          ...state,
          notice: {
            kind: "error",
            text: `Nothing was applied: ${action.what.replace(/\.(\s.*)?$/s, "")} would leave the scenario invalid.`,
            details: problems.slice(0, 30).map(formatInputError),
          },
        };
      if (entry.builtIn) {
        const [next, copy] = addCopy(state, entry);
        return {
          ...updateEntry(next, copy.key, (e) => commit(e, { ...action.scenario, id: e.scenario.id, name: e.scenario.name })),
          notice: {
            kind: "info",
            text:
              `${action.what} "${entry.scenario.name}" is a read-only built-in, so this was applied to a new copy, ` +
              `"${copy.scenario.name}".`,
          },
        };
      }
      return {
        ...updateEntry(state, entry.key, (e) => commit(e, action.scenario)),
        notice: { kind: "info", text: action.what },
      };
    }
    case "addCostLine":
      return structural(state, (s) => addCostLine(s, action.line));
    case "removeCostLine":
      return structural(state, (s) => removeCostLine(s, action.lineId));
    case "addScenario": {
      const key = `u${state.nextKey}`;
      const scenario = { ...action.scenario, name: uniqueName(state, action.scenario.name) };
      const from = state.entries.find((e) => e.key === action.from);
      const entry: ScenarioEntry = {
        key,
        scenario,
        builtIn: false,
        baseline: from?.scenario ?? action.scenario,
        baselineName: from?.scenario.name ?? scenario.name,
        past: [],
        future: [],
        dirty: true,
      };
      return {
        ...state,
        entries: [...state.entries, entry],
        activeKey: key,
        selectedCell: null,
        nextKey: state.nextKey + 1,
        changeSeq: state.changeSeq + 1,
        notice: { kind: "info", text: `${action.what} "${scenario.name}".` },
      };
    }
    case "notice":
      return { ...state, notice: action.notice };
    case "jump":
      return { ...state, tab: "inputs", jump: { path: settingRowPath(action.path), seq: (state.jump?.seq ?? 0) + 1 } };
    case "selectCell":
      return { ...state, selectedCell: { line: action.line, column: action.column } };
    case "census":
      return importCensusInto(state, action.census, action.fileName, action.importedIn, action.notes ?? []);
    case "censusImporting":
      return { ...state, censusImport: action.file };
    case "compareKeys":
      return {
        ...state,
        compareKeys:
          action.keys === null
            ? null
            : action.keys.filter((k) => state.entries.some((e) => e.key === k || `${BASELINE_KEY}${e.key}` === k)),
      };
  }
}

/** The window title: the scenario's name, and unsaved changes said in words (a lone "•" before the dash read as a stray mark). */
export function windowTitle(entry: { name: string; dirty: boolean; builtIn: boolean }): string {
  return `${entry.name.trim()}${entry.dirty && !entry.builtIn ? " (unsaved changes)" : ""} — Fiscal Impact Studio`;
}

/** The user scenarios as autosave text (renderer/state/autosave.ts describes the document). */
export function autosaveText(state: AppState): string {
  return JSON.stringify({ version: 1, scenarios: state.entries.filter((e) => !e.builtIn).map((e) => e.scenario) });
}
