/**
 * Validation of a scenario from JSON: shape (zod), then values (every decimal parses, rates and
 * shares in range, counts non-negative, dates real and inside the agreement), then references
 * (lines, groups and items named by other items exist). Every problem is reported with the field
 * path; nothing is computed from a scenario that did not pass.
 */
import { z } from "zod";
import { fiscalYearEndExclusive, fiscalYearStart, isIsoDate } from "../calendar";
import { Decimal, parseDecimal } from "../decimal";
import type { Checked, InputError } from "../errors";
import { migrateScenario } from "./migrations";
import { listInputs } from "./paths";
import type { Scenario, Unit } from "./types";
import { indexSchedules, loadSchedules, stepLayout } from "../schedule/schedules";
import type { Census } from "../schedule/types";

/** 16 steps x 9 lanes x 4 schedules x 81 years of service is about 47,000 distinct cells; more means the census is not merged. */
export const CENSUS_CELL_LIMIT = 100_000;

export const CURRENT_SCHEMA_VERSION = 1;

const sourceSchema = z.object({
  kind: z.enum(["contract", "fis", "calibrated", "assumed", "derived", "user"]),
  ref: z.string().max(500),
  note: z.string().max(4000).optional(),
});
const unitSchema = z.enum(["USD", "USD/year", "USD/month", "USD/biweekly", "USD/hour", "rate", "members", "count", "hours", "share"]);
const paramSchema = z.object({
  value: z.string().max(64),
  unit: unitSchema,
  label: z.string().max(500),
  source: sourceSchema,
  stated: z.string().max(200).optional(),
});
const idSchema = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_-]{0,63}$/, "must start with a letter and use only letters, digits, _ and - (at most 64)");
const dateSchema = z.string().refine(isIsoDate, "must be a real date written YYYY-MM-DD");
const yearSchema = z.number().int().min(1900).max(2200);

const itemBase = { id: idSchema, label: z.string().min(1).max(200), line: idSchema, groupIds: z.array(idSchema).min(1).optional() };
const itemSchema = z.discriminatedUnion("kind", [
  z.object({
    ...itemBase,
    kind: z.literal("raises"),
    steps: z
      .array(
        z.object({
          fiscalYear: yearSchema,
          type: z.enum(["percent", "flat"]),
          amount: paramSchema,
          effective: dateSchema,
          source: sourceSchema,
        }),
      )
      .max(200),
  }),
  z.object({
    ...itemBase,
    kind: z.literal("oneTime"),
    paidInFiscalYear: yearSchema,
    rate: paramSchema,
    amountPerMember: paramSchema.optional(),
    earnings: paramSchema.optional(),
    earningsFromRaisesItem: idSchema.optional(),
  }),
  z.object({
    ...itemBase,
    kind: z.literal("premiumPay"),
    units: paramSchema,
    hoursPerUnit: paramSchema,
    hourlyRate: paramSchema,
    loadingItemIds: z.array(idSchema),
    annualAmount: paramSchema.optional(),
    growthRate: paramSchema,
    firstFiscalYear: yearSchema,
    yearsPaidInFirstYear: paramSchema,
  }),
  z.object({
    ...itemBase,
    kind: z.literal("perHeadBenefit"),
    frequency: z.enum(["monthly", "biweekly"]),
    basis: z.enum(["calendarYear", "fiscalYear"]),
    baselineYear: yearSchema,
    amounts: z
      .array(z.object({ year: yearSchema, amount: paramSchema }))
      .min(1)
      .max(200),
    headcount: paramSchema.optional(),
    countFrom: z.object({ date: dateSchema, source: sourceSchema }).optional(),
  }),
  z.object({
    ...itemBase,
    kind: z.literal("payRate"),
    rate: paramSchema,
    appliesTo: z.array(idSchema),
    startFiscalYear: yearSchema.optional(),
  }),
  z.object({
    ...itemBase,
    kind: z.literal("fixedAmounts"),
    amounts: z.record(z.string().regex(/^FY\d{4}$/, "keys must look like FY2025"), paramSchema),
  }),
]);

export const scenarioSchema = z.strictObject({
  schemaVersion: z.literal(CURRENT_SCHEMA_VERSION),
  id: idSchema,
  name: z.string().min(1).max(200),
  description: z.string().max(10_000),
  agreement: z.object({
    name: z.string().max(500),
    employer: z.string().max(500),
    union: z.string().max(500),
    fiscalYears: z.array(yearSchema).min(1).max(30),
    fiscalYearStartMonth: z.number().int().min(1).max(12),
    firstPayPeriodStart: dateSchema,
    effectiveFrom: dateSchema,
    effectiveTo: dateSchema,
  }),
  settings: z.object({
    rounding: z.enum(["halfUp", "truncate"]),
    proration: z.enum(["payPeriods", "days"]),
    calendarToFiscal: z.enum(["monthsInForce", "calendarYearOfFiscalYearEnd"]),
    salaryMethod: z.enum(["averageSalary", "schedule"]),
  }),
  groups: z
    .array(z.object({ id: idSchema, label: z.string().min(1).max(200), members: paramSchema, averageSalary: paramSchema }))
    .min(1)
    .max(100),
  lines: z
    .array(z.object({ id: idSchema, label: z.string().min(1).max(200), note: z.string().max(2000).optional() }))
    .min(1)
    .max(100),
  items: z.array(itemSchema).max(500),
  localShare: paramSchema,
  fundShares: z
    .array(z.object({ id: idSchema, label: z.string().min(1).max(200), share: paramSchema }))
    .max(50)
    .optional(),
  fundingAvailable: z.record(z.string().regex(/^FY\d{4}$/, "keys must look like FY2025"), paramSchema),
});

const RESERVED_LINE_IDS = new Set(["totalCost", "localPortion", "fundingAvailable", "costFundedByWia"]);

/**
 * Limits on what a file may hold, checked before the schema so a hostile or corrupted file is
 * refused in time proportional to the limit, not to its size.
 */
export const SCENARIO_LIMITS = {
  /** Characters of scenario JSON text (the reference scenarios are about 22 KB). */
  textLength: 5_000_000,
  /** Objects, arrays and values in the parsed JSON. */
  nodes: 200_000,
  /** Nesting depth of the parsed JSON. */
  depth: 32,
  /** Significant digits of one value: beyond the engine's 40-digit precision room, a value could not stay exact. */
  significantDigits: 30,
} as const;

/**
 * Walks the parsed JSON without recursion (a deep file must not overflow the stack). A container
 * is sized before it is opened, so a million-entry array is refused after counting, not walking, it.
 */
function sizeErrors(data: unknown): InputError[] {
  const limit = SCENARIO_LIMITS.nodes.toLocaleString("en-US");
  const tooMany = (path: string, what: string) => [
    { field: path, message: `${what}; a scenario is limited to ${limit} values in all (the reference scenario holds about 600)` },
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

/** Range rules by unit: what a value of that unit may be. */
function checkValue(text: string, unit: Unit): string | null {
  if (text.trim() === "") return "is empty; enter a number";
  // The engine reads values with new Decimal(text), which refuses surrounding spaces: refuse them here, where the message can name the field.
  if (text !== text.trim()) return `"${text}" has spaces around the number; remove them`;
  const d = parseDecimal(text);
  if (d === null) return `"${text}" is not a number`;
  const abs = d.abs();
  if (abs.greaterThan(new Decimal("1e15"))) return `${text} is too large (limit 1e15)`;
  if (d.sd() > SCENARIO_LIMITS.significantDigits) return `${text} has more than ${SCENARIO_LIMITS.significantDigits} significant digits`;
  switch (unit) {
    case "rate":
      return d.greaterThan(1) || d.lessThan(-1) ? `${text} is not a rate between -100% and 100% (write 3% as 0.03)` : null;
    case "share":
      return d.isNegative() || d.greaterThan(1) ? `${text} is not a share between 0 and 1` : null;
    case "members":
    case "count":
    case "hours":
      return d.isNegative() ? `${text} cannot be negative` : null;
    default:
      return d.isNegative() ? `${text} cannot be negative` : null;
  }
}

function referenceErrors(s: Scenario): InputError[] {
  const errors: InputError[] = [];
  const err = (field: string, message: string) => errors.push({ field, message });
  const dup = (ids: readonly (string | number)[], what: string, field: string) => {
    const seen = new Set<string | number>();
    for (const id of ids) {
      if (seen.has(id)) err(`${field}.${id}`, `duplicate ${what} "${id}"`);
      seen.add(id);
    }
  };
  dup(
    s.groups.map((g) => g.id),
    "group id",
    "groups",
  );
  dup(
    s.lines.map((l) => l.id),
    "line id",
    "lines",
  );
  dup(
    s.items.map((i) => i.id),
    "item id",
    "items",
  );
  for (const l of s.lines) if (RESERVED_LINE_IDS.has(l.id)) err(`lines.${l.id}`, `"${l.id}" is a derived line and cannot hold cost items`);
  const years = s.agreement.fiscalYears;
  years.forEach((fy, i) => {
    if (i > 0 && fy !== years[i - 1]! + 1) err("agreement.fiscalYears", "fiscal years must be consecutive and ascending");
  });
  if (s.agreement.effectiveFrom > s.agreement.effectiveTo) err("agreement.effectiveTo", "ends before it starts");
  const startMonth = s.agreement.fiscalYearStartMonth;
  for (const fy of years) {
    // A costed year wholly outside the agreement would be costed with terms that do not apply to it.
    if (fiscalYearEndExclusive(fy, startMonth) <= s.agreement.effectiveFrom || fiscalYearStart(fy, startMonth) > s.agreement.effectiveTo) {
      err(
        "agreement.fiscalYears",
        `FY${fy} (${fiscalYearStart(fy, startMonth)} on) lies outside the agreement (${s.agreement.effectiveFrom} to ${s.agreement.effectiveTo})`,
      );
    }
  }
  const lineIds = new Set(s.lines.map((l) => l.id));
  const groupIds = new Set(s.groups.map((g) => g.id));
  const itemsById = new Map(s.items.map((i) => [i.id, i]));
  for (const item of s.items) {
    const at = `items.${item.id}`;
    if (!lineIds.has(item.line)) err(`${at}.line`, `line "${item.line}" does not exist`);
    for (const g of item.groupIds ?? []) if (!groupIds.has(g)) err(`${at}.groupIds`, `group "${g}" does not exist`);
    if (item.kind === "raises") {
      item.steps.forEach((step, i) => {
        if (!years.includes(step.fiscalYear))
          err(
            `${at}.steps.${i}.fiscalYear`,
            `FY${step.fiscalYear} is outside the agreement's fiscal years FY${years[0]}-FY${years[years.length - 1]}`,
          );
        if (step.effective < s.agreement.effectiveFrom || step.effective > s.agreement.effectiveTo)
          err(
            `${at}.steps.${i}.effective`,
            `${step.effective} is outside the agreement (${s.agreement.effectiveFrom} to ${s.agreement.effectiveTo})`,
          );
        // Would silently cost nothing: a raise effective after its fiscal year has ended.
        else if (step.effective >= fiscalYearEndExclusive(step.fiscalYear, startMonth))
          err(
            `${at}.steps.${i}.effective`,
            `${step.effective} is after FY${step.fiscalYear} ends; put the raise in the fiscal year it takes effect`,
          );
        const amount = parseDecimal(step.amount.value);
        // The bonus derives prior-year earnings by dividing by (1 + first raise): a -100% raise would divide by zero.
        if (step.type === "percent" && amount !== null && amount.lessThanOrEqualTo(-1))
          err(`${at}.steps.${i}.amount.value`, `a raise of ${step.amount.value} would cut pay to nothing or less`);
        if (step.type === "flat" && step.amount.unit === "rate")
          err(`${at}.steps.${i}.amount.unit`, "a flat raise is in dollars (USD/year), not a rate");
        if (step.type === "percent" && step.amount.unit !== "rate") err(`${at}.steps.${i}.amount.unit`, "a percent raise is a rate");
        if (step.type === "flat" && s.settings.salaryMethod === "schedule")
          err(
            `${at}.steps.${i}.type`,
            "the schedule method prices percent raises on the salary schedules; a flat-dollar raise needs the average-salary method",
          );
      });
    }
    if (item.kind === "oneTime" && item.earningsFromRaisesItem && itemsById.get(item.earningsFromRaisesItem)?.kind !== "raises")
      err(`${at}.earningsFromRaisesItem`, `"${item.earningsFromRaisesItem}" is not a raises item`);
    if (item.kind === "oneTime" && !years.includes(item.paidInFiscalYear))
      err(
        `${at}.paidInFiscalYear`,
        `FY${item.paidInFiscalYear} is outside the agreement's fiscal years FY${years[0]}-FY${years[years.length - 1]}; the payment would never be costed`,
      );
    if (item.kind === "fixedAmounts")
      for (const key of Object.keys(item.amounts))
        if (!years.includes(Number.parseInt(key.slice(2), 10)))
          err(`${at}.amounts.${key}`, `${key} is outside the agreement's fiscal years`);
    if (item.kind === "perHeadBenefit")
      dup(
        item.amounts.map((a) => a.year),
        "year",
        `${at}.amounts`,
      );
    if (item.kind === "payRate") dup(item.appliesTo, "item in appliesTo (it would be charged twice)", `${at}.appliesTo`);
    if (item.kind === "premiumPay") dup(item.loadingItemIds, "loading item (it would load twice)", `${at}.loadingItemIds`);
    if (item.kind === "payRate") {
      for (const target of item.appliesTo) {
        const t = itemsById.get(target);
        if (!t) err(`${at}.appliesTo`, `item "${target}" does not exist`);
        else if (t.kind === "payRate") err(`${at}.appliesTo`, `a rate of pay cannot apply to another rate of pay ("${target}")`);
      }
    }
    if (item.kind === "premiumPay") {
      for (const id of item.loadingItemIds) {
        const loading = itemsById.get(id);
        if (loading?.kind !== "payRate") err(`${at}.loadingItemIds`, `"${id}" is not a rate-of-pay item`);
        // premium -> loaded by rate -> rate charged on the premium: the rate would be paid on itself.
        else if (loading.appliesTo.includes(item.id))
          err(
            `${at}.loadingItemIds`,
            `cycle: "${id}" loads this premium and is also charged on it (${item.id} -> ${id} -> ${item.id}); keep one`,
          );
      }
    }
    if (
      item.kind === "perHeadBenefit" &&
      item.countFrom &&
      (item.countFrom.date < s.agreement.effectiveFrom || item.countFrom.date > s.agreement.effectiveTo)
    ) {
      err(
        `${at}.countFrom.date`,
        `${item.countFrom.date} is outside the agreement (${s.agreement.effectiveFrom} to ${s.agreement.effectiveTo})`,
      );
    }
  }
  if (s.fundShares) {
    dup(
      s.fundShares.map((f) => f.id),
      "fund",
      "fundShares",
    );
    const shares = s.fundShares.map((f) => parseDecimal(f.share.value));
    if (shares.every((d) => d !== null) && shares.reduce((a, b) => a.plus(b!), new Decimal(0)).greaterThan(1))
      err("fundShares", "fund shares add up to more than 1 (100%)");
  }
  for (const key of Object.keys(s.fundingAvailable))
    if (!years.includes(Number.parseInt(key.slice(2), 10)))
      err(`fundingAvailable.${key}`, `${key} is outside the agreement's fiscal years`);
  return errors;
}

/** Checks an already-typed scenario's values and references (used after every edit, too). */
export function checkScenario(s: Scenario): InputError[] {
  const errors = referenceErrors(s);
  for (const entry of listInputs(s)) {
    const problem = checkValue(entry.param.value, entry.param.unit);
    if (problem) errors.push({ field: `${entry.path}`, message: `${entry.param.label}: ${problem}` });
  }
  return errors;
}

/**
 * A census that did not come through parseCensusCsv (saved JSON, built in code, edited in the app)
 * checked against the schedules before the schedule method prices it: the costing throws on a
 * lane, step or schedule the schedules do not have, and would price a negative headcount.
 */
export function checkCensus(census: Census): InputError[] {
  const errors: InputError[] = [];
  if (census.cells.length > CENSUS_CELL_LIMIT)
    return [
      {
        field: "census.cells",
        message: `${census.cells.length} cells; a census is limited to ${CENSUS_CELL_LIMIT} (schedule x lane x step x years of service)`,
      },
    ];
  const index = indexSchedules(loadSchedules());
  census.cells.forEach((cell, i) => {
    const at = `census.cells.${i}`;
    const byYear = index.get(cell.schedule);
    const schedule = byYear?.values().next().value;
    if (!schedule) return void errors.push({ field: `${at}.schedule`, message: `unknown schedule "${cell.schedule}"` });
    if (!schedule.lanes.includes(cell.lane))
      errors.push({
        field: `${at}.lane`,
        message: `lane "${cell.lane}" does not exist on ${cell.schedule} (lanes: ${schedule.lanes.join(", ")})`,
      });
    const max = stepLayout(schedule).maxStep;
    if (!Number.isInteger(cell.step) || cell.step < 1 || cell.step > max)
      errors.push({ field: `${at}.step`, message: `step ${cell.step} does not exist on ${cell.schedule} (1..${max})` });
    if (
      cell.yearsOfService !== undefined &&
      (!Number.isInteger(cell.yearsOfService) || cell.yearsOfService < 0 || cell.yearsOfService > 80)
    )
      errors.push({ field: `${at}.yearsOfService`, message: `${cell.yearsOfService} is not a whole number of years from 0 to 80` });
    if (!cell.headcount.isFinite() || cell.headcount.isNegative())
      errors.push({ field: `${at}.headcount`, message: `headcount ${cell.headcount.toString()} must be a number of members, 0 or more` });
  });
  return errors;
}

/** Unknown JSON value -> a valid scenario or the list of what is wrong with it. */
export function validateScenario(data: unknown, file?: string): Checked<Scenario> {
  const tooBig = sizeErrors(data);
  if (tooBig.length) return { ok: false, errors: tooBig.map((e) => ({ ...e, ...(file ? { file } : {}) })) };
  const migrated = migrateScenario(data);
  if (!migrated.ok) return { ok: false, errors: migrated.errors.map((e) => ({ ...e, ...(file ? { file } : {}) })) };
  const parsed = scenarioSchema.safeParse(migrated.value);
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues
        .slice(0, 50)
        .map((issue) => ({ ...(file ? { file } : {}), field: issue.path.map(String).join(".") || "(root)", message: issue.message })),
    };
  }
  const scenario = parsed.data as Scenario;
  const errors = checkScenario(scenario).map((e) => ({ ...e, ...(file ? { file } : {}) }));
  return errors.length ? { ok: false, errors } : { ok: true, value: scenario };
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
export function parseScenarioJson(text: string, file?: string): Checked<Scenario> {
  if (text.length > SCENARIO_LIMITS.textLength) {
    return {
      ok: false,
      errors: [
        {
          ...(file ? { file } : {}),
          field: "(root)",
          message: `the file is ${text.length.toLocaleString("en-US")} characters; a scenario is limited to ${SCENARIO_LIMITS.textLength.toLocaleString("en-US")}`,
        },
      ],
    };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return { ok: false, errors: [{ ...(file ? { file } : {}), field: "(root)", message: `not valid JSON: ${(e as Error).message}` }] };
  }
  const duplicates = duplicateKeyErrors(text);
  if (duplicates.length) return { ok: false, errors: duplicates.map((e) => ({ ...e, ...(file ? { file } : {}) })) };
  return validateScenario(data, file);
}

export function serializeScenario(s: Scenario): string {
  return `${JSON.stringify(s, null, 2)}\n`;
}
