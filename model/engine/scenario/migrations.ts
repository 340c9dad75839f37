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
 *
 * Version 2 moved the table into the scenario (lines, columns, display), the calendar into its own
 * block, and the units of inputs into the fields (see v1ToV2).
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

const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const obj = (v: unknown): Json => (isObject(v) ? v : {});

/**
 * 1 -> 2. Version 1's engine printed one layout: the cost lines, TOTAL COST (their sum), the local
 * portion (local share x TOTAL COST), funding available (entered, shown negative) and the cost
 * funded by the Workforce Investments Account (local portion - funding available), in $ thousands
 * rounded from unrounded values. Those lines, with version 1's labels and notes, are written into
 * the table here, so a version-1 file computes the same table; the layout lives in this migration
 * (what version 1 meant), not in the engine.
 *
 * Units: version-1 inputs carried their own `unit`. It is kept (biweekly amounts become "USD/pay
 * period") and the version-2 schema checks it against the unit of the field it lands in, so a
 * relabelled unit is an error naming the field, never a value read in the wrong unit.
 */
function v1ToV2(data: Json): Json {
  const agreement = obj(data.agreement);
  const settings = obj(data.settings);
  const fiscalYears = arr(agreement.fiscalYears);
  const costLines = arr(data.lines);
  const items = arr(data.items).map((raw) => {
    const item = obj(raw);
    if (item.kind === "premiumPay") {
      const { loadingItemIds, ...rest } = item;
      return { ...rest, payRateIds: loadingItemIds };
    }
    if (item.kind === "perHeadBenefit") {
      const biweekly = item.frequency === "biweekly";
      const amounts = Object.fromEntries(
        arr(item.amounts).map((a) => {
          const { year, amount } = obj(a);
          const param = obj(amount);
          return [String(year), biweekly && param.unit === "USD/biweekly" ? { ...param, unit: "USD/pay period" } : amount];
        }),
      );
      return { ...item, frequency: biweekly ? "payPeriod" : item.frequency, amounts };
    }
    if (item.kind === "raises") {
      // Two steps on one date would share a path: the later ones get ids.
      const seen = new Map<string, number>();
      const steps = arr(item.steps).map((raw) => {
        const step = obj(raw);
        const date = String(step.effective);
        const n = (seen.get(date) ?? 0) + 1;
        seen.set(date, n);
        return n === 1 ? step : { id: `${date}-${n}`, ...step };
      });
      return { ...item, steps };
    }
    return item;
  });
  const fundShares = Array.isArray(data.fundShares) ? data.fundShares.map(obj) : undefined;
  const groups = arr(data.groups).map((raw) => {
    const g = obj(raw);
    if (!fundShares?.length) return g;
    return { ...g, fundShares: Object.fromEntries(fundShares.map((f) => [f.id, f.share])) };
  });
  const costIds = costLines.map((l) => obj(l).id);
  const out: Json = {
    schemaVersion: 2,
    id: data.id,
    name: data.name,
    description: data.description,
    agreement: {
      name: agreement.name,
      employer: agreement.employer,
      union: agreement.union,
      effectiveFrom: agreement.effectiveFrom,
      effectiveTo: agreement.effectiveTo,
    },
    calendar: {
      fiscalYearStartMonth: agreement.fiscalYearStartMonth,
      payFrequency: "biweekly",
      payPeriodAnchor: agreement.firstPayPeriodStart,
    },
    settings: { proration: settings.proration, calendarToFiscal: settings.calendarToFiscal, salaryMethod: settings.salaryMethod },
    groups,
    ...(fundShares?.length ? { funds: fundShares.map((f) => ({ id: f.id, label: f.label })) } : {}),
    items,
    table: {
      lines: [
        ...costLines,
        { id: "totalCost", label: "TOTAL COST", style: "total", sum: costIds },
        {
          id: "localPortion",
          label: "Local Portion of Total Cost",
          note: "(g) Share of costs paid with local funds.",
          share: { of: "totalCost", rate: data.localShare },
        },
        {
          id: "fundingAvailable",
          label: "Funding available in DCPS Budget and Financial Plan",
          note: "(h) Financial plan funding.",
          amounts: data.fundingAvailable,
          negate: true,
        },
        {
          id: "costFundedByWia",
          label: "Cost Funded by Workforce Investments Account",
          style: "total",
          sum: ["localPortion", "fundingAvailable"],
        },
      ],
      columns: { fiscalYears },
      display: { unit: "thousands", decimals: 0, rounding: settings.rounding, totals: "roundedExact" },
    },
  };
  if (settings.salaryMethod === "schedule") {
    // Version 1 priced the SYNTHETIC reference census with fixed assumptions unless the app passed another census.
    out.scheduleMethod = {
      census: { reference: "synthetic" },
      separationRate: {
        value: "0.10",
        label: "Annual separation rate",
        source: { kind: "assumed", ref: "separations", note: "the version-1 engine's assumed rate" },
      },
      heldShare: {
        value: "0.05",
        label: "Share held on step each year",
        source: { kind: "assumed", ref: "step holds", note: "the version-1 engine's assumed share" },
      },
    };
  }
  for (const key of Object.keys(data))
    if (
      ![
        "schemaVersion",
        "id",
        "name",
        "description",
        "agreement",
        "settings",
        "groups",
        "lines",
        "items",
        "localShare",
        "fundShares",
        "fundingAvailable",
      ].includes(key)
    )
      out[key] = data[key];
  return out;
}

/** MIGRATIONS[n] turns version n into version n + 1. */
const MIGRATIONS: Record<number, Migration> = { 0: v0ToV1, 1: v1ToV2 };

export const LATEST_VERSION = 2;
export const OLDEST_SUPPORTED_VERSION = 0;

/** The version a file declares; an absent field means a pre-release (version 0) file. */
export function declaredVersion(data: Json): unknown {
  return "schemaVersion" in data ? data.schemaVersion : 0;
}

export function migrateScenario(data: unknown, _registry?: unknown): Checked<unknown> {
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
