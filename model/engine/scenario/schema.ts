/**
 * Validation of a scenario from JSON: size limits first (a hostile file is refused in time
 * proportional to the limit), then migration of older versions, then the schema (zod, built from
 * the kind registry: shapes, units and ranges by field, unknown keys with a suggestion), then the
 * checks across the scenario (checks.ts). Every problem is reported with its field path, built
 * from ids rather than array positions; nothing is computed from a scenario that did not pass.
 */
import { z } from "zod";
import { clipped, type Checked, type InputError } from "../errors";
import { Decimal } from "../decimal";
import { DEFAULT_REGISTRY, kindIndex, type Registry } from "../kinds/registry";
import type { ItemBase } from "../kinds/kind";
import { param, type FieldSpec, type Param } from "../fields";
import { baseShape, CURRENT_SCHEMA_VERSION, type ScenarioBase } from "./base";
import { scenarioErrors } from "./checks";
import { migrateScenario } from "./migrations";
import type { Scenario } from "./types";
import { strict, UNKNOWN_KEYS_MARK } from "./zod-kit";

export { CURRENT_SCHEMA_VERSION };

const schemaCache = new WeakMap<Registry, z.ZodType>();

/** The scenario schema for a registry of kinds: the base, the items of those kinds, then the checks across the scenario. */
export function scenarioSchemaFor(registry: Registry = DEFAULT_REGISTRY): z.ZodType {
  const cached = schemaCache.get(registry);
  if (cached) return cached;
  const kinds = registry.map((k) => k.kind);
  const options = registry.map((k) => k.schema) as unknown as [z.core.$ZodTypeDiscriminable, ...z.core.$ZodTypeDiscriminable[]];
  const item = z.discriminatedUnion("kind", options, {
    error: (issue) => (issue.code === "invalid_union" ? `unknown kind of item; the kinds are ${kinds.join(", ")}` : undefined),
  });
  const index = kindIndex(registry);
  // Key order is the order a saved file lists them in: items before the table they feed.
  const { table, scheduleMethod, uncertainty, ...head } = baseShape;
  const schema = strict(
    {
      ...head,
      items: z.array(item).max(500).describe("The items of cost; each names its kind and the line it feeds."),
      table,
      scheduleMethod,
      uncertainty,
    },
    "A Fiscal Impact Studio scenario (schema version 2).",
  ).superRefine((s, ctx) => {
    for (const e of scenarioErrors(s as unknown as ScenarioBase, (i: ItemBase) => index.get(i.kind), registry))
      ctx.addIssue({ code: "custom", message: e.message, path: e.field!.split(".") });
  });
  schemaCache.set(registry, schema);
  return schema;
}

/** The default registry's schema, for the JSON Schema file and editors. */
export const scenarioSchema = scenarioSchemaFor(DEFAULT_REGISTRY);

/**
 * Limits on what a file may hold, checked before the schema so a hostile or corrupted file is
 * refused in time proportional to the limit, not to its size.
 */
export const SCENARIO_LIMITS = {
  /** Characters of scenario JSON text (the reference scenarios are about 25 KB; a 47,000-cell census about 5 MB). */
  textLength: 20_000_000,
  /** Objects, arrays and values in the parsed JSON. */
  nodes: 1_000_000,
  /** Nesting depth of the parsed JSON. */
  depth: 32,
  /** Significant digits of one value: beyond the engine's 40-digit precision room, a value could not stay exact. */
  significantDigits: 30,
} as const;

const TOO_DEEP = `nested more than ${SCENARIO_LIMITS.depth} levels deep; a scenario is never this deep`;

/**
 * Walks the parsed JSON without recursion (a deep file must not overflow the stack). A container
 * is sized before it is opened, so a million-entry array is refused after counting, not walking, it.
 */
export function sizeErrors(data: unknown): InputError[] {
  const limit = SCENARIO_LIMITS.nodes.toLocaleString("en-US");
  const tooMany = (path: string, what: string) => [
    { field: path, message: `${what}; a scenario is limited to ${limit} values in all (the reference scenario holds about 700)` },
  ];
  const stack: { value: unknown; depth: number; path: string }[] = [{ value: data, depth: 0, path: "(root)" }];
  let budget = SCENARIO_LIMITS.nodes;
  while (stack.length > 0) {
    const { value, depth, path } = stack.pop()!;
    if (typeof value !== "object" || value === null) continue;
    if (depth >= SCENARIO_LIMITS.depth) return [{ field: path, message: TOO_DEEP }];
    const isArray = Array.isArray(value);
    let size = 0;
    if (isArray) size = value.length;
    else for (const _ in value) if (++size > budget) break;
    if (size > budget) return tooMany(path, isArray ? `holds ${value.length.toLocaleString("en-US")} entries` : "holds too many entries");
    budget -= size;
    const at = (key: string) => (path === "(root)" ? key : `${path}.${key}`);
    if (isArray) value.forEach((child, i) => stack.push({ value: child, depth: depth + 1, path: at(String(i)) }));
    else for (const [key, child] of Object.entries(value)) stack.push({ value: child, depth: depth + 1, path: at(key) });
  }
  return [];
}

/**
 * A zod issue path as a field path made of ids: an array element is named by its "id" (raise steps
 * by their id or effective date, a list of ids by the id itself); only census rows, which have no
 * ids, keep their position.
 */
export function fieldPath(data: unknown, path: readonly PropertyKey[]): string {
  const parts: string[] = [];
  let node: unknown = data;
  for (const key of path) {
    if (Array.isArray(node) && typeof key === "number") {
      const el = node[key];
      const named =
        typeof el === "string"
          ? el
          : el && typeof el === "object"
            ? ((el as { id?: unknown }).id ?? (el as { effective?: unknown }).effective)
            : undefined;
      parts.push(typeof named === "string" && named !== "" ? named : String(key));
      node = el;
    } else {
      // A key past any id's length is not a field anyone could look for: quoted by its start.
      parts.push(clipped(String(key)));
      node = node && typeof node === "object" ? (node as Record<string, unknown>)[String(key)] : undefined;
    }
  }
  return parts.join(".") || "(root)";
}

const LONE_SURROGATE = /\p{Cs}/u;
const escapeSurrogates = (text: string) => text.replace(/\p{Cs}/gu, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);

/** The first unpaired surrogate of `text` and its 1-based position in characters (code points), or undefined. */
function loneSurrogate(text: string): { at: number; escaped: string } | undefined {
  if (!LONE_SURROGATE.test(text)) return undefined;
  let at = 0;
  // Iterating by code point keeps a well-formed pair together, so a one-unit surrogate here is unpaired.
  for (const ch of text) {
    at += 1;
    if (LONE_SURROGATE.test(ch)) return { at, escaped: escapeSurrogates(ch) };
  }
  return undefined;
}

/**
 * Keys named "__proto__", and strings and keys holding an unpaired UTF-16 surrogate (JSON allows "\udc00" alone): no font or
 * encoder can write one, so the PDF report failed on it and Word or Excel put U+FFFD in its place.
 * Runs after sizeErrors, so the depth is bounded and recursion is safe.
 */
export function malformedTextErrors(data: unknown): InputError[] {
  const errors: InputError[] = [];
  // One path, pushed and popped: a 5 MB census is walked without copying a path per value.
  const path: PropertyKey[] = [];
  const report = (found: { at: number; escaped: string }, what: string) =>
    errors.push({
      field: escapeSurrogates(fieldPath(data, path)),
      message:
        `${what}a lone UTF-16 surrogate (${found.escaped}) at character ${found.at}; ` +
        "it is not text any report can print, so retype or remove it",
    });
  const walk = (value: unknown): void => {
    if (errors.length >= 50) return;
    if (typeof value === "string") {
      const found = loneSurrogate(value);
      if (found) report(found, "has ");
    } else if (Array.isArray(value))
      value.forEach((child, i) => {
        path.push(i);
        walk(child);
        path.pop();
      });
    else if (value && typeof value === "object")
      for (const [key, child] of Object.entries(value)) {
        path.push(key);
        const found = loneSurrogate(key);
        if (found) report(found, "the key has ");
        // JSON.parse keeps it as a key, but zod's records copy entries by assignment, which sets the
        // copy's prototype instead: the entry vanished without a word (an amount, a published figure).
        if (key === "__proto__")
          errors.push({
            field: fieldPath(data, path),
            message:
              'the key "__proto__" cannot be read as a key of an object (JavaScript takes it for the object\'s prototype); rename it',
          });
        walk(child);
        path.pop();
      }
  };
  walk(data);
  return errors;
}

/** A dotted path with array positions ("table.lines.7.amounts") as the same path by ids. */
function idPath(data: unknown, field: string): string {
  if (field === "(root)") return field;
  return fieldPath(
    data,
    field.split(".").map((k) => (/^\d+$/.test(k) ? Number(k) : k)),
  );
}

/**
 * Zod's words where they say less than the schema knows: "required, and missing" for a field left
 * out ("expected object, received undefined"), and a record key's own rule ("keys must look like
 * FY2025") rather than "Invalid key in record".
 */
function plainMessage(issue: z.core.$ZodIssue, data: unknown): string | undefined {
  if (issue.code === "invalid_type" && /expected string, received number$/.test(issue.message)) {
    const given = issue.path.reduce<unknown>((at, k) => (at as Record<PropertyKey, unknown> | undefined)?.[k as PropertyKey], data);
    // A JSON number is a float once parsed: amounts and rates are kept exact as decimal strings.
    if (typeof given === "number" && Number.isFinite(given) && Math.abs(given) < 1e15)
      return `${String(given)} is a JSON number; write it as a string, "${String(given)}", so every digit is kept exactly`;
    return "a JSON number too long to be read exactly; write it as a string in quotes, as the documents print it";
  }
  const options = (issue as { options?: unknown }).options;
  // The field that picks a union's form (a discriminator such as "frequency") holds none of its values;
  // a union with its own message (the kinds of item) keeps it.
  if (issue.code === "invalid_union" && Array.isArray(options) && options.length > 0 && issue.message.startsWith("Invalid discriminator")) {
    const given = issue.path.reduce<unknown>((at, k) => (at as Record<PropertyKey, unknown> | undefined)?.[k as PropertyKey], data);
    const taken = options.map((o) => JSON.stringify(o)).join(", ");
    return given === undefined ? `required, and missing: one of ${taken}` : `${clipped(JSON.stringify(given))} is not one of ${taken}`;
  }
  if (issue.code === "invalid_key") {
    const rule = issue.issues.map((i) => i.message).find((m) => !/^Invalid/.test(m));
    return rule ? `not a valid key: ${rule}` : undefined;
  }
  if (issue.code !== "invalid_type" || !/received undefined$/.test(issue.message)) return undefined;
  const item = issue.path[0] === "items" && issue.path.length === 3;
  return `required, and missing${item ? " (docs/scenario-format.md lists each kind's fields)" : ""}`;
}

function issueErrors(data: unknown, issues: readonly z.core.$ZodIssue[]): InputError[] {
  return issues.flatMap((issue): InputError[] => {
    if (issue.code === "invalid_union" && issue.message === "Invalid input") {
      // Zod says only "Invalid input" when no form of a union fits (an embedded census with step 1.5):
      // the form that got furthest into the value (its deepest issue) is the one the file meant.
      const depth = (branch: readonly z.core.$ZodIssue[]) => Math.max(0, ...branch.map((i) => i.path.length));
      const meant = issue.errors.reduce<z.core.$ZodIssue[]>((a, b) => (depth(b) > depth(a) ? b : a), []);
      if (depth(meant) > 0)
        return issueErrors(
          data,
          meant.map((i) => ({ ...i, path: [...issue.path, ...i.path] })),
        );
      // No form got into the value (`"total": true` where false or an object is taken): say what each form takes.
      const forms = [...new Set(issue.errors.flatMap((branch) => branch.map((i) => i.message.replace(/^Invalid input: /, ""))))];
      if (forms.length > 0) return [{ field: fieldPath(data, issue.path), message: `not a form this field takes: ${forms.join("; or ")}` }];
    }
    const field = fieldPath(data, issue.path);
    if (issue.message.startsWith(UNKNOWN_KEYS_MARK)) {
      const { suggestions } = JSON.parse(issue.message.slice(UNKNOWN_KEYS_MARK.length)) as { suggestions: Record<string, string | null> };
      return Object.entries(suggestions).map(([whole, near]) => {
        const key = clipped(whole);
        return {
          field: key === "" ? field : field === "(root)" ? key : `${field}.${key}`,
          message: `unknown key "${key}"${near ? `; did you mean "${near}"?` : ""} (a scenario refuses keys it does not know)`,
        };
      });
    }
    // A custom issue already carries an id path (checks.ts builds them from ids).
    return [
      {
        field: issue.code === "custom" && issue.path.every((p) => typeof p === "string") ? issue.path.join(".") || "(root)" : field,
        message: plainMessage(issue, data) ?? issue.message,
      },
    ];
  });
}

/** A share line's rate is the input "table.lines.<id>.rate" (its path in the inputs grid), wherever it sits in the file. */
const asInputPath = (field: string) => field.replace(/^table\.lines\.([^.]+)\.share\.rate(?=\.|$)/, "table.lines.$1.rate");

const withFile = (errors: InputError[], file?: string) =>
  errors.map((e) => ({ ...(file ? { file } : {}), ...e, ...(e.field ? { field: asInputPath(e.field) } : {}) }));

/** Checks an already-typed scenario (after every edit, too): the same schema and checks a file goes through. */
export function checkScenario(s: Scenario | ScenarioBase, registry: Registry = DEFAULT_REGISTRY): InputError[] {
  const parsed = scenarioSchemaFor(registry).safeParse(s);
  return parsed.success ? [] : withFile(issueErrors(s, parsed.error.issues).slice(0, 200));
}

const paramSchemas = new WeakMap<FieldSpec, z.ZodType>();
const indexes = new WeakMap<Registry, ReturnType<typeof kindIndex>>();

/**
 * checkScenario of a scenario made from one that passed it by changing a single input
 * (setInputValue at `path`): the changed Param against its field's schema, then the checks across
 * the scenario. Nothing else in the file changed, so the whole-schema parse (about 3 ms on the
 * reference scenario, the largest share of an edit) could find nothing more. Only for that case:
 * a caller whose scenario did not pass checkScenario must use checkScenario.
 */
export function checkInputChange(
  next: Scenario | ScenarioBase,
  path: string,
  changed: Param,
  spec: FieldSpec,
  registry: Registry = DEFAULT_REGISTRY,
): InputError[] {
  let schema = paramSchemas.get(spec);
  if (!schema) paramSchemas.set(spec, (schema = param(spec)));
  const own = schema.safeParse(changed);
  const ownErrors = own.success
    ? []
    : own.error.issues.map((i) => ({ field: [path, ...i.path.map(String)].join("."), message: i.message }));
  let index = indexes.get(registry);
  if (!index) indexes.set(registry, (index = kindIndex(registry)));
  const byKind = index;
  // As in the whole parse, the checks across the scenario run even when the value itself is refused.
  return withFile([...ownErrors, ...scenarioErrors(next as ScenarioBase, (i: ItemBase) => byKind.get(i.kind), registry)]);
}

/** Unknown JSON value -> a valid scenario or the list of what is wrong with it. */
export function validateScenario(data: unknown, file?: string, registry: Registry = DEFAULT_REGISTRY): Checked<Scenario> {
  const tooBig = sizeErrors(data).map((e) => ({ ...e, field: idPath(data, e.field!) }));
  if (tooBig.length) return { ok: false, errors: withFile(tooBig, file) };
  const malformed = malformedTextErrors(data);
  if (malformed.length) return { ok: false, errors: withFile(malformed, file) };
  const migrated = migrateScenario(data, registry);
  if (!migrated.ok) return { ok: false, errors: withFile(migrated.errors, file) };
  const parsed = scenarioSchemaFor(registry).safeParse(migrated.value);
  if (!parsed.success) return { ok: false, errors: withFile(issueErrors(migrated.value, parsed.error.issues).slice(0, 50), file) };
  return { ok: true, value: parsed.data as Scenario };
}

/** An open object or array of JSON text, and where in it the scan is: a key's text (quotes included) or a position. */
interface Frame {
  object: boolean;
  /** The keys read so far, for the scan that looks for repeats. */
  keys?: Set<string>;
  index: number;
  keyAt: number;
  keyEnd: number;
}

const [QUOTE, BACKSLASH, COMMA, MINUS] = ['"', "\\", ",", "-"].map((c) => c.charCodeAt(0)) as [number, number, number, number];
const [OPEN_OBJECT, OPEN_ARRAY, CLOSE_OBJECT, CLOSE_ARRAY] = ["{", "[", "}", "]"].map((c) => c.charCodeAt(0)) as [
  number,
  number,
  number,
  number,
];
const isDigit = (c: number) => c >= 48 && c <= 57;
/** The characters a JSON number is written with (its sign, digits, point and exponent). */
const inNumber = (c: number) => isDigit(c) || c === 46 || c === 43 || c === MINUS || c === 101 || c === 69;

interface ScanVisitor {
  /** An object or array was opened (it is the top of `stack`); false stops the scan. */
  open?: (stack: Frame[]) => boolean | void;
  /** A key was read (the top frame's keyAt..keyEnd); false stops the scan. */
  key?: (stack: Frame[]) => boolean | void;
  /** A number was read; false stops the scan. */
  number?: (token: string, stack: Frame[]) => boolean | void;
}

/**
 * Walks JSON text by its structure without building it: string contents are skipped (escapes
 * honoured), so brackets and quotes inside strings count for nothing. Text that is not JSON ends the
 * scan quietly (an unterminated string) or is walked as far as it goes: JSON.parse reports it.
 */
function scanJson(text: string, visit: ScanVisitor): void {
  const stack: Frame[] = [];
  let expectKey = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      let j = i + 1;
      while (j < text.length && text.charCodeAt(j) !== QUOTE) j += text.charCodeAt(j) === BACKSLASH ? 2 : 1;
      if (j >= text.length) return;
      const top = stack[stack.length - 1];
      if (expectKey && top?.object) {
        top.keyAt = i;
        top.keyEnd = j + 1;
        expectKey = false;
        if (visit.key?.(stack) === false) return;
      }
      i = j;
    } else if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      stack.push({ object: c === OPEN_OBJECT, index: 0, keyAt: -1, keyEnd: -1 });
      expectKey = c === OPEN_OBJECT;
      if (visit.open?.(stack) === false) return;
    } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
      stack.pop();
      expectKey = false;
    } else if (c === COMMA) {
      const top = stack[stack.length - 1];
      if (top?.object) expectKey = true;
      else if (top) top.index += 1;
    } else if (c === MINUS || isDigit(c)) {
      let j = i + 1;
      while (j < text.length && inNumber(text.charCodeAt(j))) j++;
      if (visit.number?.(text.slice(i, j), stack) === false) return;
      i = j - 1;
    }
  }
}

const keyOf = (text: string, f: Frame): string => {
  const raw = text.slice(f.keyAt, f.keyEnd);
  try {
    return JSON.parse(raw) as string;
  } catch {
    return raw;
  }
};

/** The dotted path, by position, to where the scan is inside the first `depth` frames. */
function scanPath(text: string, stack: Frame[], depth = stack.length): string {
  const parts = stack.slice(0, depth).map((f) => (f.object ? keyOf(text, f) : String(f.index)));
  return parts.join(".") || "(root)";
}

/**
 * JSON.parse builds every level of a deep file before sizeErrors can count them: 9,999,999 nested
 * arrays (20 MB) took 22 s and 2.2 GB to be refused. This scan of the text stops at the limit.
 */
export function nestingErrors(text: string): InputError[] {
  let errors: InputError[] = [];
  scanJson(text, {
    open: (stack) => {
      if (stack.length <= SCENARIO_LIMITS.depth) return true;
      errors = [{ field: scanPath(text, stack, stack.length - 1), message: TOO_DEEP }];
      return false;
    },
  });
  return errors;
}

/**
 * JSON.parse keeps the last of two equal keys without a word; a file edited by hand (or merged by
 * a sync tool) can then mean something other than what its reader sees.
 */
export function duplicateKeyErrors(text: string): InputError[] {
  const errors: InputError[] = [];
  scanJson(text, {
    key: (stack) => {
      const top = stack[stack.length - 1]!;
      const key = keyOf(text, top);
      const keys = (top.keys ??= new Set());
      if (keys.has(key))
        errors.push({ field: scanPath(text, stack), message: `"${clipped(key)}" appears twice in the same object; keep one` });
      keys.add(key);
      return errors.length < 50;
    },
  });
  return errors;
}

/** Significant digits any decimal keeps through a float and back (DBL_DIG). */
const FLOAT_DIGITS = 15;

/** Whether the float JSON.parse makes of `token` is the number written, digit for digit. */
function heldExactly(token: string): boolean {
  const exponent = /[eE]/.test(token);
  if (!exponent && token.replace(/[-.]/g, "").replace(/^0+/, "").length <= FLOAT_DIGITS) return true;
  const read = Number(token);
  return Number.isFinite(read) && new Decimal(token).eq(read);
}

/**
 * A JSON number is read as a float: 9007199254740993 became 9007199254740992, and a published
 * 23853.99999999999999999 matched a computed 23854. Checked on the text, the only place the digits
 * as written still exist.
 */
export function inexactNumberErrors(text: string): InputError[] {
  const errors: InputError[] = [];
  scanJson(text, {
    number: (token, stack) => {
      if (heldExactly(token)) return true;
      const field = scanPath(text, stack);
      const rule = field.startsWith("table.published.")
        ? `a published figure has at most ${FLOAT_DIGITS} significant digits`
        : "write a decimal value as a string in quotes";
      errors.push({
        field,
        message: `${clipped(token)} is not held exactly by a JSON number, which would read it as ${String(Number(token))}; ${rule}`,
      });
      return errors.length < 50;
    },
  });
  return errors;
}

/** Text of a scenario file -> a valid scenario or errors naming the file and field. */
export function parseScenarioJson(text: string, file?: string, registry: Registry = DEFAULT_REGISTRY): Checked<Scenario> {
  const fail = (message: string): Checked<Scenario> => ({ ok: false, errors: withFile([{ field: "(root)", message }], file) });
  if (text.length > SCENARIO_LIMITS.textLength)
    return fail(
      `the file is ${text.length.toLocaleString("en-US")} characters; a scenario is limited to ${SCENARIO_LIMITS.textLength.toLocaleString("en-US")}`,
    );
  const tooDeep = nestingErrors(text);
  if (tooDeep.length) return { ok: false, errors: withFile(tooDeep, file) };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return fail(`not valid JSON: ${(e as Error).message}`);
  }
  // The scan names array elements by position; name them by id, as every other error does.
  const unread = [...duplicateKeyErrors(text), ...inexactNumberErrors(text)].map((e) => ({ ...e, field: idPath(data, e.field!) }));
  if (unread.length) return { ok: false, errors: withFile(unread, file) };
  return validateScenario(data, file, registry);
}

export function serializeScenario(s: Scenario | ScenarioBase): string {
  return `${JSON.stringify(s, null, 2)}\n`;
}
