/**
 * Scenario files carry `schemaVersion`; a file written by an older version is migrated step by
 * step to the current one before validation, so a saved work product keeps opening. Each version
 * adds one function here and a fixture test (test/robustness/migrations.test.ts, fixtures in
 * test/fixtures/scenarios/).
 *
 * Version 0 (pre-release builds, before the settings that change results were user-visible):
 *   - `schemaVersion` is 0, or absent (the earliest builds did not write it);
 *   - `settings` holds only `rounding` (and possibly `salaryMethod`): the engine always prorated
 *     mid-year raises by pay periods and always costed calendar-year benefit rates at the rate of
 *     the calendar year the fiscal year ends in (the CFO's practice it was built to reproduce);
 *   - `localShare` and the `fundingAvailable` values are bare decimal strings, not Params.
 * Version 1 made those settings explicit and every input a Param with a source. Migration 0 -> 1
 * writes the behaviour the old engine had, not today's defaults, so a version-0 file computes the
 * same table it did when it was saved.
 */
import type { Checked } from "../errors";

type Json = Record<string, unknown>;
type Migration = (data: Json) => Json;

const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

const MIGRATED_SOURCE = {
  kind: "user",
  ref: "version-0 file",
  note: "a bare value in a pre-release scenario file; its source was not recorded",
} as const;

function paramFromBare(value: string, unit: "share" | "USD", label: string): Json {
  return { value, unit, label, source: { ...MIGRATED_SOURCE } };
}

/**
 * 0 -> 1. Only fills what version 0 lacked; anything else malformed is left as is for the schema
 * to report with its field path (a migration never guesses a value the user did not write).
 */
function v0ToV1(data: Json): Json {
  const out: Json = { ...data, schemaVersion: 1 };
  if (isObject(data.settings)) {
    out.settings = {
      proration: "payPeriods",
      calendarToFiscal: "calendarYearOfFiscalYearEnd",
      salaryMethod: "averageSalary",
      ...data.settings,
    };
  }
  if (typeof data.localShare === "string") out.localShare = paramFromBare(data.localShare, "share", "Local share of total cost");
  if (isObject(data.fundingAvailable)) {
    out.fundingAvailable = Object.fromEntries(
      Object.entries(data.fundingAvailable).map(([fy, v]) => [
        fy,
        typeof v === "string" ? paramFromBare(v, "USD", `Funding available ${fy}`) : v,
      ]),
    );
  }
  return out;
}

/** MIGRATIONS[n] turns version n into version n + 1. */
const MIGRATIONS: Record<number, Migration> = { 0: v0ToV1 };

export const LATEST_VERSION = 1;
export const OLDEST_SUPPORTED_VERSION = 0;

/** The version a file declares; an absent field means a pre-release (version 0) file. */
export function declaredVersion(data: Json): unknown {
  return "schemaVersion" in data ? data.schemaVersion : 0;
}

export function migrateScenario(data: unknown): Checked<unknown> {
  if (!isObject(data)) return { ok: false, errors: [{ field: "(root)", message: "a scenario must be a JSON object" }] };
  let current = data;
  const version = declaredVersion(data);
  if (typeof version !== "number" || !Number.isInteger(version) || version < OLDEST_SUPPORTED_VERSION) {
    return {
      ok: false,
      errors: [
        {
          field: "schemaVersion",
          message: `${(JSON.stringify(version) ?? String(version)).slice(0, 40)} is not a schema version (a whole number from ${OLDEST_SUPPORTED_VERSION} to ${LATEST_VERSION})`,
        },
      ],
    };
  }
  if (version > LATEST_VERSION) {
    return {
      ok: false,
      errors: [
        {
          field: "schemaVersion",
          message: `version ${version} was written by a newer Fiscal Impact Studio (this one reads versions ${OLDEST_SUPPORTED_VERSION} to ${LATEST_VERSION}); open it with the newer version, the file is left unchanged`,
        },
      ],
    };
  }
  for (let v = version; v < LATEST_VERSION; v++) {
    const step = MIGRATIONS[v];
    if (!step) return { ok: false, errors: [{ field: "schemaVersion", message: `no migration from version ${v}` }] };
    current = step(current);
  }
  return { ok: true, value: current };
}
