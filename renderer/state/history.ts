/**
 * Undo history as patches: each step records only the values that changed between two scenario
 * states (path, value before, value after), never a whole scenario and never a computed result,
 * since results are derived and recomputed on demand. A typed edit costs a few hundred bytes of
 * history instead of a full copy of the scenario (~18 KB) and, through the compute cache, its table.
 *
 * Scenarios are immutable JSON data, so a step applied to the state it was recorded against gives
 * back exactly the other state (a property test checks this); applying copies only the objects on
 * each changed path and shares everything else.
 *
 * History is capped per scenario by count and by size (HISTORY_LIMITS); the oldest steps go first.
 */

export type PathKey = string | number;

/** One changed value. `before`/`after` undefined means the key is absent on that side. */
export interface Change {
  path: PathKey[];
  before: unknown;
  after: unknown;
}

export interface Step {
  changes: Change[];
  /** Size of the recorded changes as JSON, in characters: what the memory cap counts. */
  size: number;
}

export const HISTORY_LIMITS = {
  /** Undo steps kept per scenario. */
  steps: 1000,
  /** Recorded changes kept per scenario, as JSON characters (about that many bytes). */
  size: 2_000_000,
} as const;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function diffInto(a: unknown, b: unknown, path: PathKey[], out: Change[]): void {
  if (a === b) return;
  if (isObject(a) && isObject(b)) {
    for (const key of Object.keys(a)) diffInto(a[key], b[key], [...path, key], out);
    for (const key of Object.keys(b)) if (!(key in a)) diffInto(undefined, b[key], [...path, key], out);
    return;
  }
  if (Array.isArray(a) && Array.isArray(b) && a.length === b.length) {
    for (let i = 0; i < a.length; i++) diffInto(a[i], b[i], [...path, i], out);
    return;
  }
  // A primitive that changed, a type change, or an array that grew or shrank: recorded whole.
  out.push({ path, before: a, after: b });
}

/** The changes that turn `a` into `b` (both JSON data). Empty when they are equal. */
export function diff(a: unknown, b: unknown): Change[] {
  const out: Change[] = [];
  diffInto(a, b, [], out);
  return out;
}

function setIn(target: unknown, path: readonly PathKey[], at: number, value: unknown): unknown {
  if (at === path.length) return value;
  const key = path[at]!;
  if (Array.isArray(target)) {
    const copy = target.slice();
    copy[key as number] = setIn(target[key as number], path, at + 1, value);
    return copy;
  }
  const source = isObject(target) ? target : {};
  const child = setIn(source[key as string], path, at + 1, value);
  const copy: Record<string, unknown> = { ...source };
  if (child === undefined) delete copy[key as string];
  else copy[key as string] = child;
  return copy;
}

function applyChanges<T>(state: T, changes: readonly Change[], side: "before" | "after"): T {
  let out: unknown = state;
  for (const c of side === "after" ? changes : [...changes].reverse()) out = setIn(out, c.path, 0, c[side]);
  return out as T;
}

/** A step from `from` to `to`, or null when nothing changed. */
export function stepBetween(from: unknown, to: unknown): Step | null {
  const changes = diff(from, to);
  if (changes.length === 0) return null;
  return { changes, size: JSON.stringify(changes).length };
}

export const undoStep = <T>(state: T, step: Step): T => applyChanges(state, step.changes, "before");
export const redoStep = <T>(state: T, step: Step): T => applyChanges(state, step.changes, "after");

/** `steps` with the oldest dropped until both limits hold (the newest step is always kept). */
export function capHistory(steps: readonly Step[], limits: { steps: number; size: number } = HISTORY_LIMITS): Step[] {
  let start = Math.max(0, steps.length - limits.steps);
  let size = 0;
  for (let i = start; i < steps.length; i++) size += steps[i]!.size;
  while (start < steps.length - 1 && size > limits.size) size -= steps[start++]!.size;
  return start === 0 ? [...steps] : steps.slice(start);
}

/** Total recorded size of a history, for the docs' and tests' accounting. */
export const historySize = (steps: readonly Step[]): number => steps.reduce((n, s) => n + s.size, 0);
