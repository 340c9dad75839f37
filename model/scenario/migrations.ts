/**
 * Scenario files carry `schemaVersion`; a file written by an older version is migrated step by
 * step to the current one before validation, so a saved work product keeps opening. Version 1 is
 * the first; each later version adds one function here and a fixture test.
 */
import type { Checked } from "../errors";

type Migration = (data: Record<string, unknown>) => Record<string, unknown>;

/** MIGRATIONS[n] turns version n into version n + 1. */
const MIGRATIONS: Record<number, Migration> = {};

export const LATEST_VERSION = 1;

export function migrateScenario(data: unknown): Checked<unknown> {
  if (typeof data !== "object" || data === null || Array.isArray(data)) return { ok: false, errors: [{ field: "(root)", message: "a scenario must be a JSON object" }] };
  let current = data as Record<string, unknown>;
  const version = current.schemaVersion;
  if (typeof version !== "number" || !Number.isInteger(version) || version < 1) return { ok: false, errors: [{ field: "schemaVersion", message: "missing or not a positive whole number" }] };
  if (version > LATEST_VERSION) return { ok: false, errors: [{ field: "schemaVersion", message: `version ${version} was written by a newer Fiscal Impact Studio (this one reads up to ${LATEST_VERSION})` }] };
  for (let v = version; v < LATEST_VERSION; v++) {
    const step = MIGRATIONS[v];
    if (!step) return { ok: false, errors: [{ field: "schemaVersion", message: `no migration from version ${v}` }] };
    current = step(current);
  }
  return { ok: true, value: current };
}
