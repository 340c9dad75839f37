/**
 * Building blocks of the scenario schema: strict objects whose unknown keys are refused with a
 * "did you mean" suggestion, ids, dates, sources. Every object of a scenario is built with
 * `strict`, so a typo at any depth is an error rather than a silently ignored key.
 */
import { closest, distance } from "fastest-levenshtein";
import { z } from "zod";
import { isIsoDate } from "../calendar";

/** Marks a message that carries per-key suggestions, for schema.ts to split into one error per key. */
export const UNKNOWN_KEYS_MARK = "\u0001unknown-keys:";

/** The known key closest to `key`, when close enough to be a likely typo. */
export function suggestKey(key: string, known: readonly string[]): string | undefined {
  if (known.length === 0) return undefined;
  const lower = key.toLowerCase();
  const sameLetters = known.find((k) => k.toLowerCase() === lower);
  if (sameLetters) return sameLetters;
  const best = closest(key, [...known]);
  return distance(key, best) <= Math.max(2, Math.floor(key.length / 3)) ? best : undefined;
}

/**
 * A reference to an id the scenario does not have: the likely typo's suggestion and, for a short
 * list, the ids it has ('fund "generalrevenue" is not one of the scenario's funds; did you mean
 * "generalRevenue"? (funds: generalRevenue, specialRevenue)').
 */
export function unknownIdMessage(base: string, id: string, known: Iterable<string>, plural: string): string {
  const ids = [...known];
  const near = suggestKey(id, ids);
  const list = ids.length === 0 ? ` (the scenario has no ${plural})` : ids.length <= 12 ? ` (${plural}: ${ids.join(", ")})` : "";
  return `${base}${near ? `; did you mean "${near}"?` : ""}${list}`;
}

/** z.strictObject whose unknown-key error names each key and the known key it was probably meant to be. */
export function strict<T extends z.core.$ZodLooseShape>(shape: T, description?: string) {
  const known = Object.keys(shape);
  const schema = z.strictObject(shape, {
    error: (issue) => {
      if (issue.code !== "unrecognized_keys") return undefined;
      const suggestions = Object.fromEntries(issue.keys.map((k) => [k, suggestKey(k, known) ?? null]));
      return UNKNOWN_KEYS_MARK + JSON.stringify({ suggestions, known });
    },
  });
  return description ? schema.describe(description) : schema;
}

export const idSchema = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_-]{0,63}$/, "must start with a letter and use only letters, digits, _ and - (at most 64)");
export const keySchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, "must use only letters, digits, _ and - (at most 64), starting with a letter or digit");
export const dateSchema = z.string().refine(isIsoDate, "must be a real date written YYYY-MM-DD");
export const yearSchema = z.number().int().min(1900).max(2200);
export const fyKeySchema = z.string().regex(/^FY\d{4}$/, "keys must look like FY2025");
export const labelSchema = z.string().min(1).max(200);

export const SOURCE_KINDS = ["contract", "fis", "document", "calibrated", "assumed", "derived", "user"] as const;
export const sourceSchema = strict(
  {
    kind: z
      .enum(SOURCE_KINDS)
      .describe(
        "contract | fis (the DC CFO's Fiscal Impact Statement) | document (any other published fiscal note, costing or report, named in agreement.source) | calibrated | assumed | derived | user",
      ),
    ref: z.string().max(500).describe('Where the value comes from, e.g. "Art. 36.2.1" or "FIS p.3".'),
    note: z.string().max(4000).optional().describe("Why, for a calibrated or assumed value; free text otherwise."),
  },
  "Where a value comes from.",
);
