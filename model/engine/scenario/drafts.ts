/**
 * A draft is a scenario with inputs still to fill: a template, or a new agreement started from one.
 * An input to fill is written with an empty value (`"value": ""`), so the file is valid against
 * the JSON Schema and an editor shows the label and source of what is missing. A draft is checked
 * like any scenario (every key, id, line and reference) with its blanks set aside, and is never
 * costed: computeTable and the command line refuse it, listing every input still to fill by path
 * and label.
 */
import type { Checked, InputError } from "../errors";
import { DEFAULT_REGISTRY, type Registry } from "../kinds/registry";
import { listInputs } from "./paths";
import {
  duplicateKeyErrors,
  inexactNumberErrors,
  nestingErrors,
  parseScenarioJson,
  SCENARIO_LIMITS,
  sizeErrors,
  validateScenario,
} from "./schema";
import type { ScenarioBase } from "./base";
import type { Scenario } from "./types";

export interface InputToFill {
  path: string;
  label: string;
}

/** The inputs of a (parsed) scenario whose value is empty, in the inputs grid's order. */
export function inputsToFill(scenario: Scenario | ScenarioBase, registry: Registry = DEFAULT_REGISTRY): InputToFill[] {
  return listInputs(scenario, registry)
    .filter((e) => e.param.value === "")
    .map((e) => ({ path: e.path, label: e.param.label }));
}

const MARK = "\u2063to-fill#";
const MARK_AT = /\u2063to-fill#(\d+)/;
const MARKS = /\u2063to-fill#\d+/g;
const unmarked = (e: InputError): InputError => ({ ...e, message: e.message.replace(MARKS, "") });
/** Values a blank stands in for while the draft is checked: 0 suits every field but a count of at least one. */
const STAND_INS = ["0", "1"];

type Blank = { param: Record<string, unknown>; label: string; tries: number };

/** Every Param-shaped object ({value, label, source}) with an empty value, anywhere in the JSON. */
function findBlanks(node: unknown, out: Blank[]): void {
  if (Array.isArray(node)) for (const x of node) findBlanks(x, out);
  else if (node && typeof node === "object") {
    const o = node as Record<string, unknown>;
    if (o.value === "" && typeof o.label === "string" && typeof o.source === "object") out.push({ param: o, label: o.label, tries: 0 });
    else for (const [k, v] of Object.entries(o)) if (k !== "census") findBlanks(v, out);
  }
}

export type CheckedDraft = { ok: true; value: Scenario; toFill: InputToFill[] } | { ok: false; errors: InputError[] };

/**
 * Unknown JSON -> a checked scenario whose empty inputs stay empty, with the list of them. Each
 * blank stands in as 0 (or 1 where its field needs a count of at least one) while the scenario is
 * checked, then is emptied again; a scenario without blanks is simply validated.
 */
export function validateDraft(data: unknown, file?: string, registry: Registry = DEFAULT_REGISTRY): CheckedDraft {
  // Too big or too deep to copy and search: refused as validateScenario refuses it.
  if (sizeErrors(data).length > 0) return validateScenario(data, file, registry) as CheckedDraft;
  const copy: unknown = JSON.parse(JSON.stringify(data));
  const blanks: Blank[] = [];
  findBlanks(copy, blanks);
  if (blanks.length === 0) {
    const r = validateScenario(copy, file, registry);
    return r.ok ? { ...r, toFill: [] } : r;
  }
  blanks.forEach((b, i) => {
    b.param.label = `${b.label}${MARK}${i}`;
    b.param.value = STAND_INS[0];
  });
  for (;;) {
    const r: Checked<Scenario> = validateScenario(copy, file, registry);
    if (r.ok) {
      const toFill: InputToFill[] = [];
      for (const e of listInputs(r.value, registry)) {
        const at = e.param.label.indexOf(MARK);
        if (at < 0) continue;
        // The parsed scenario is a fresh object: its Params may be emptied in place.
        const p = e.param as { value: string; label: string };
        p.label = p.label.slice(0, at);
        p.value = "";
        toFill.push({ path: e.path, label: p.label });
      }
      return { ok: true, value: r.value, toFill };
    }
    // A stand-in outside its field's range is tried with the next one; any other error is the file's.
    const retry = new Set<number>();
    const own: InputError[] = [];
    for (const e of r.errors) {
      const m = MARK_AT.exec(e.message);
      if (m && /\.value$/.test(e.field ?? "")) retry.add(Number(m[1]));
      else own.push(unmarked(e));
    }
    const exhausted = [...retry].some((i) => ++blanks[i]!.tries >= STAND_INS.length);
    if (own.length > 0 || retry.size === 0 || exhausted) return { ok: false, errors: own.length ? own : r.errors.map(unmarked) };
    for (const i of retry) blanks[i]!.param.value = STAND_INS[blanks[i]!.tries];
  }
}

/** "12 inputs to fill:" and one line per input, path and label, for the command line and messages. */
export function toFillText(toFill: readonly InputToFill[]): string {
  const width = Math.max(...toFill.map((t) => t.path.length));
  return [
    `${toFill.length} input${toFill.length === 1 ? "" : "s"} to fill (each written "value": ""):`,
    ...toFill.map((t) => `  ${t.path.padEnd(width)}  ${t.label}`),
  ].join("\n");
}

/** Text of a scenario file that may hold inputs to fill -> a checked draft, or errors naming the file and field. */
export function parseDraftJson(text: string, file?: string, registry: Registry = DEFAULT_REGISTRY): CheckedDraft {
  const whole = parseScenarioJson(text, file, registry);
  if (whole.ok) return { ...whole, toFill: [] };
  // Only a file that parses as JSON, within the limits, without repeated keys or numbers a float
  // changes and with an empty value somewhere is looked at again for its blanks; anything else is
  // refused as the reader refused it (its text checks first: JSON.parse of a deep file is the cost).
  if (text.length > SCENARIO_LIMITS.textLength || !/"value"\s*:\s*""/.test(text) || nestingErrors(text).length > 0) return whole;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return whole;
  }
  if (sizeErrors(data).length > 0 || duplicateKeyErrors(text).length > 0 || inexactNumberErrors(text).length > 0) return whole;
  return validateDraft(data, file, registry);
}
