/**
 * Pure validators for everything that crosses IPC from the renderer: `unknown -> typed | error`.
 *
 * The renderer is treated as untrusted (Electron security checklist #17): a compromised page can call
 * the preload's functions with any structured-clone value. Each validator checks the shape exactly
 * (unknown keys rejected, plain objects only, so a `__proto__` or `constructor` key cannot smuggle
 * anything in), checks sizes before doing any work, and returns a fresh object holding only the
 * fields it checked. No Electron import: unit-tested in plain Node.
 */
import { z } from "zod";
import { EXPORT_KINDS, PLATFORM_LIMITS, type ExportRequest, type PlatformResult, type SaveTextRequest } from "./contract";

/**
 * File tokens are 32 characters of base64url (24 random bytes). Nothing path-like can match:
 * no dots, slashes, backslashes, colons or percent signs.
 */
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{32}$/;

const MB = 1024 * 1024;

export type Validated<T> = PlatformResult<T>;

function ok<T>(value: T): Validated<T> {
  return { ok: true, value };
}

function fail<T>(error: string): Validated<T> {
  return { ok: false, error };
}

/** True only for `{...}` literals and `Object.create(null)`: not arrays, class instances, Dates, Maps, typed arrays. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);

function hasForbiddenKey(value: Record<string, unknown>): string | undefined {
  return Reflect.ownKeys(value).find((k) => typeof k !== "string" || FORBIDDEN_KEYS.has(k)) as string | undefined;
}

function utf8Length(text: string): number {
  return Buffer.byteLength(text, "utf8");
}

/** Control characters (C0, DEL, C1) and the bidi overrides that can disguise a name ("txt.exe" shown as "exe.txt"). */
// eslint-disable-next-line no-control-regex
const CONTROL_OR_BIDI = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

const tokenSchema = z
  .string({ error: "token must be a string" })
  .max(64, { error: "token is not valid" })
  .regex(TOKEN_PATTERN, { error: "token is not valid" });

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;

/** A bare file name offered as the dialog's default: never a path, never "." or "..". */
const fileNameSchema = z
  .string({ error: "suggestedName must be a string" })
  .min(1, { error: "suggestedName is empty" })
  .max(PLATFORM_LIMITS.maxFileNameLength, { error: `suggestedName is longer than ${PLATFORM_LIMITS.maxFileNameLength} characters` })
  .refine((s) => !/[/\\:*?"<>|]/.test(s), { error: "suggestedName must be a file name, not a path" })
  .refine((s) => !CONTROL_OR_BIDI.test(s), { error: "suggestedName contains control characters" })
  .refine((s) => s.trim() !== "" && !/^\.+$/.test(s.trim()), { error: "suggestedName is not a file name" })
  .refine((s) => !WINDOWS_RESERVED.test(s.trim()), { error: "suggestedName is a reserved device name" });

function textSchema(field: string, maxBytes: number) {
  // Cheap length check first (a UTF-16 unit is at least one UTF-8 byte), then the exact byte count.
  return z
    .string({ error: `${field} must be a string` })
    .max(maxBytes, { error: `${field} is larger than ${maxBytes / MB} MB` })
    .refine((s) => utf8Length(s) <= maxBytes, { error: `${field} is larger than ${maxBytes / MB} MB` });
}

const scenarioTextSchema = textSchema("text", PLATFORM_LIMITS.maxScenarioBytes);

const bytesSchema = z
  .custom<Uint8Array>((v) => v instanceof Uint8Array, { error: "bytes must be a Uint8Array" })
  .refine((b) => b.byteLength <= PLATFORM_LIMITS.maxExportBytes, {
    error: `bytes are larger than ${PLATFORM_LIMITS.maxExportBytes / MB} MB`,
  });

const saveTextRequestSchema = z.strictObject({
  token: tokenSchema.optional(),
  suggestedName: fileNameSchema,
  text: scenarioTextSchema,
  overwriteReadOnly: z.boolean({ error: "overwriteReadOnly must be a boolean" }).optional(),
});

const exportRequestSchema = z.strictObject({
  suggestedName: fileNameSchema,
  kind: z.enum(EXPORT_KINDS, { error: `kind must be one of ${EXPORT_KINDS.map((k) => `"${k}"`).join(", ")}` }),
  bytes: bytesSchema,
});

const titleSchema = z
  .string({ error: "title must be a string" })
  .max(PLATFORM_LIMITS.maxTitleLength, { error: `title is longer than ${PLATFORM_LIMITS.maxTitleLength} characters` })
  .refine((s) => !CONTROL_OR_BIDI.test(s), { error: "title contains control characters" });

function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return "invalid value";
  if (issue.code === "unrecognized_keys") return `unknown field ${issue.keys.map((k) => JSON.stringify(k)).join(", ")}`;
  return issue.message;
}

function run<T>(what: string, schema: z.ZodType<T>, value: unknown): Validated<T> {
  const parsed = schema.safeParse(value);
  return parsed.success ? ok(parsed.data) : fail(`${what}: ${firstIssue(parsed.error)}`);
}

function runObject<T>(what: string, schema: z.ZodType<T>, value: unknown): Validated<T> {
  if (!isPlainObject(value)) return fail(`${what}: expected an object`);
  const bad = hasForbiddenKey(value);
  if (bad !== undefined) return fail(`${what}: forbidden field ${JSON.stringify(String(bad))}`);
  return run(what, schema, value);
}

export function validateToken(value: unknown): Validated<string> {
  return run("Invalid file token", tokenSchema, value);
}

export function validateSaveTextRequest(value: unknown): Validated<SaveTextRequest> {
  const result = runObject("Invalid save request", saveTextRequestSchema, value);
  if (!result.ok) return result;
  const { token, suggestedName, text, overwriteReadOnly } = result.value;
  return ok({ ...(token === undefined ? {} : { token }), suggestedName, text, ...(overwriteReadOnly ? { overwriteReadOnly: true } : {}) });
}

export function validateExportRequest(value: unknown): Validated<ExportRequest> {
  const result = runObject("Invalid export request", exportRequestSchema, value);
  if (!result.ok) return result;
  const { suggestedName, kind, bytes } = result.value;
  return ok({ suggestedName, kind, bytes });
}

export function validateAutosaveText(value: unknown): Validated<string> {
  return run("Invalid autosave", textSchema("text", PLATFORM_LIMITS.maxScenarioBytes), value);
}

/** The id of a flush request the main process sent (a positive safe integer it handed out). */
export function validateFlushRequestId(value: unknown): Validated<number> {
  return Number.isSafeInteger(value) && (value as number) > 0
    ? ok(value as number)
    : fail("Invalid flush request id: expected a positive integer");
}

export function validateTitle(value: unknown): Validated<string> {
  return run("Invalid window title", titleSchema, value);
}

/** Channels without arguments accept none: extra arguments mean a caller the app did not write. */
export function validateNoArgs(args: readonly unknown[]): Validated<void> {
  return args.length === 0 ? ok(undefined) : fail(`Unexpected arguments (${args.length})`);
}

/** Exactly one argument, for channels that take one. */
export function validateOneArg(args: readonly unknown[]): Validated<unknown> {
  return args.length === 1 ? ok(args[0]) : fail(`Expected one argument, got ${args.length}`);
}

/**
 * recent.json, read from disk: `{ "version": 1, "files": ["/abs/path", ...] }`. Anything else (not
 * JSON, wrong version, relative paths, NUL bytes, absurd lengths) is "no recent files", never fatal.
 * Paths are deduplicated in order and capped at `max`.
 */
export function parseRecentFilesJson(text: string, isAbsolute: (p: string) => boolean, max: number): string[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return [];
  }
  if (!isPlainObject(data) || data.version !== 1 || !Array.isArray(data.files)) return [];
  const seen = new Set<string>();
  const out: string[] = [];
  for (const entry of data.files as unknown[]) {
    if (out.length >= max) break;
    if (typeof entry !== "string" || entry.length === 0 || entry.length > 4096) continue;
    if (entry.includes("\u0000") || !isAbsolute(entry) || seen.has(entry)) continue;
    seen.add(entry);
    out.push(entry);
  }
  return out;
}

/** autosave.json, read from disk: `{ "version": 1, "savedAt": ISO, "text": string }`; anything else is null. */
export function parseAutosaveJson(text: string): { text: string; savedAt: string } | null {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isPlainObject(data) || data.version !== 1) return null;
  if (typeof data.text !== "string" || typeof data.savedAt !== "string") return null;
  if (utf8Length(data.text) > PLATFORM_LIMITS.maxScenarioBytes) return null;
  if (Number.isNaN(Date.parse(data.savedAt))) return null;
  return { text: data.text, savedAt: data.savedAt };
}
