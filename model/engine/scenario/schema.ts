/**
 * Validation of a scenario from JSON: size limits first (a hostile file is refused in time
 * proportional to the limit), then migration of older versions, then the schema (zod, built from
 * the kind registry: shapes, units and ranges by field, unknown keys with a suggestion), then the
 * checks across the scenario (checks.ts). Every problem is reported with its field path, built
 * from ids rather than array positions; nothing is computed from a scenario that did not pass.
 */
import { z } from "zod";
import type { Checked, InputError } from "../errors";
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
    if (depth >= SCENARIO_LIMITS.depth)
      return [{ field: path, message: `nested more than ${SCENARIO_LIMITS.depth} levels deep; a scenario is never this deep` }];
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
      parts.push(String(key));
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
 * Strings and keys holding an unpaired UTF-16 surrogate (JSON allows "\udc00" alone): no font or
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
    const field = fieldPath(data, issue.path);
    if (issue.message.startsWith(UNKNOWN_KEYS_MARK)) {
      const { suggestions } = JSON.parse(issue.message.slice(UNKNOWN_KEYS_MARK.length)) as { suggestions: Record<string, string | null> };
      return Object.entries(suggestions).map(([key, near]) => ({
        field: key === "" ? field : field === "(root)" ? key : `${field}.${key}`,
        message: `unknown key "${key}"${near ? `; did you mean "${near}"?` : ""} (a scenario refuses keys it does not know)`,
      }));
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

/**
 * JSON.parse keeps the last of two equal keys without a word; a file edited by hand (or merged by
 * a sync tool) can then mean something other than what its reader sees. Scans text that already
 * parsed, so it only has to track strings, nesting and key positions.
 */
export function duplicateKeyErrors(text: string): InputError[] {
  type Frame = { keys: Set<string> | null; path: string; index: number; key: string };
  const stack: Frame[] = [];
  const errors: InputError[] = [];
  const here = () => {
    const top = stack[stack.length - 1];
    return top ? (top.keys ? top.key : String(top.index)) : "";
  };
  const childPath = () => {
    const top = stack[stack.length - 1];
    if (!top) return "(root)";
    return top.path === "(root)" ? here() : `${top.path}.${here()}`;
  };
  let expectKey = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '"') {
      let j = i + 1;
      while (text[j] !== '"') j += text[j] === "\\" ? 2 : 1;
      const top = stack[stack.length - 1];
      if (expectKey && top?.keys) {
        const key = JSON.parse(text.slice(i, j + 1)) as string;
        if (top.keys.has(key))
          errors.push({
            field: top.path === "(root)" ? key : `${top.path}.${key}`,
            message: `"${key}" appears twice in the same object; keep one`,
          });
        top.keys.add(key);
        top.key = key;
        expectKey = false;
      }
      i = j;
    } else if (ch === "{" || ch === "[") {
      stack.push({ keys: ch === "{" ? new Set() : null, path: childPath(), index: 0, key: "" });
      expectKey = ch === "{";
    } else if (ch === "}" || ch === "]") {
      stack.pop();
    } else if (ch === ",") {
      const top = stack[stack.length - 1]!;
      if (top.keys) expectKey = true;
      else top.index += 1;
    }
    if (errors.length >= 50) break;
  }
  return errors;
}

/** Text of a scenario file -> a valid scenario or errors naming the file and field. */
export function parseScenarioJson(text: string, file?: string, registry: Registry = DEFAULT_REGISTRY): Checked<Scenario> {
  const fail = (message: string): Checked<Scenario> => ({ ok: false, errors: withFile([{ field: "(root)", message }], file) });
  if (text.length > SCENARIO_LIMITS.textLength)
    return fail(
      `the file is ${text.length.toLocaleString("en-US")} characters; a scenario is limited to ${SCENARIO_LIMITS.textLength.toLocaleString("en-US")}`,
    );
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return fail(`not valid JSON: ${(e as Error).message}`);
  }
  // The scan names array elements by position; name them by id, as every other error does.
  const duplicates = duplicateKeyErrors(text).map((e) => ({ ...e, field: idPath(data, e.field!) }));
  if (duplicates.length) return { ok: false, errors: withFile(duplicates, file) };
  return validateScenario(data, file, registry);
}

export function serializeScenario(s: Scenario | ScenarioBase): string {
  return `${JSON.stringify(s, null, 2)}\n`;
}
