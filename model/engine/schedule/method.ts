/**
 * The schedule method's block of a scenario: the census it prices (embedded with a content hash,
 * or the named reference census) and its assumptions as Params (separation rate, share held on
 * step, entry placement, step anniversary). A census that changed since it was saved, or a missing
 * one, is reported; it is never silently replaced by the reference census.
 */
import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js";
import { z } from "zod";
import { Decimal, parseDecimal } from "../decimal";
import { param, SHARE, type FieldSpec, type Param, type Source } from "../fields";
import { sourceSchema, strict } from "../scenario/zod-kit";
import { censusFromJson, type CensusJson } from "./census";
import { CENSUS_CELL_LIMIT, checkCensus, MAX_HEADCOUNT, MAX_YEARS_OF_SERVICE, type CheckedCensus } from "./census-check";
import type { StepMovementSettings } from "./step-movement";
import { SCHEDULE_KEYS, type Census, type ScheduleKey } from "./types";

export const SCHEDULE_FIELDS = {
  separationRate: SHARE(
    "Separation rate",
    "Share of members leaving each year, replaced at the entry step (an assumption; replace with attrition data).",
  ),
  heldShare: SHARE(
    "Share held on step",
    "Share of the members who stay that is held on step each year instead of moving up (an assumption).",
  ),
} satisfies Record<string, FieldSpec>;

/** The entry placement when the block names none: step 1 on the schedule's first lane (an empty lane), 1 year of service. */
export const DEFAULT_ENTRY = { step: 1, lane: "", yearsOfService: 1 } as const;
export const ENTRY_ASSUMED_NOTE = "assumed placement of replacements for leavers; replace with hiring data";

const YEARS_RULE = `a whole number of years from 0 to ${MAX_YEARS_OF_SERVICE}`;

// The census import's rules (census.ts): a census in a file is held to what an imported one is.
const cellSchema = strict({
  schedule: z.enum(SCHEDULE_KEYS as unknown as [ScheduleKey, ...ScheduleKey[]]),
  lane: z.string().min(1).max(100),
  step: z.number().int("a step is a whole number").min(1).max(99),
  yearsOfService: z.number().int(YEARS_RULE).min(0, YEARS_RULE).max(MAX_YEARS_OF_SERVICE, YEARS_RULE).optional(),
  headcount: z
    .string()
    .max(40)
    .refine(
      (t) => /^\d+$/.test(t) && new Decimal(t).lessThanOrEqualTo(MAX_HEADCOUNT),
      `must be a whole number of members from 0 to ${MAX_HEADCOUNT.toLocaleString("en-US")}, written as a string of digits ("5776")`,
    ),
});

export const embeddedCensusSchema = strict(
  {
    label: z.string().max(500),
    description: z.string().max(4000).optional(),
    asOfFiscalYear: z.number().int().min(1900).max(2200),
    cells: z.array(cellSchema).min(1, "an empty census costs nothing; import one with members").max(CENSUS_CELL_LIMIT),
    sha256: z
      .string()
      .regex(/^[0-9a-f]{64}$/, "must be 64 lower-case hex digits")
      .describe("SHA-256 of the census in canonical form, written when the census is saved and checked on open."),
  },
  "A census embedded in the scenario: headcount by schedule, lane, step and years of service.",
);
export type EmbeddedCensus = z.infer<typeof embeddedCensusSchema>;

export const censusRefSchema = strict(
  { reference: z.literal("synthetic").describe("The SYNTHETIC reference census shipped with the salary schedules (not real people).") },
  "Names the reference census explicitly.",
);

export const entrySchema = strict({
  step: z.number().int().min(1).max(99),
  lane: z.string().min(1).max(100).optional().describe("Default: the schedule's first lane."),
  yearsOfService: z.number().int(YEARS_RULE).min(0, YEARS_RULE).max(MAX_YEARS_OF_SERVICE, YEARS_RULE),
  source: sourceSchema
    .optional()
    .describe("Where the placement comes from; without one it is an assumption (no agreement states where replacements enter)."),
});

export const scheduleMethodSchema = strict(
  {
    census: z.union([embeddedCensusSchema, censusRefSchema]),
    separationRate: param(SCHEDULE_FIELDS.separationRate),
    heldShare: param(SCHEDULE_FIELDS.heldShare),
    anniversary: z
      .string()
      .regex(/^\d{2}-\d{2}$/, "write the step date as MM-DD")
      .optional()
      .describe("Yearly step date MM-DD (default: the first day of the fiscal year)."),
    anniversarySource: sourceSchema
      .optional()
      .describe("Where the step date comes from; without one it is an assumption (the agreement prints no step date)."),
    entry: entrySchema.optional().describe("Where replacements enter (default step 1, the schedule's first lane, 1 year of service)."),
  },
  "The schedule (census) method: the census and its assumptions.",
);
export type ScheduleMethod = z.infer<typeof scheduleMethodSchema>;

/**
 * The census in canonical text: the as-of year, then one line per cell sorted by schedule, lane,
 * step and years of service, headcounts normalized ("24.0" = "24"). The label is not part of it.
 */
export function canonicalCensus(c: Pick<EmbeddedCensus, "asOfFiscalYear" | "cells">): string {
  const rows = c.cells.map((x) => `${x.schedule}\t${x.lane}\t${x.step}\t${x.yearsOfService ?? ""}\t${new Decimal(x.headcount).toString()}`);
  rows.sort();
  return `census v1\nasOfFiscalYear\t${c.asOfFiscalYear}\n${rows.join("\n")}\n`;
}

export const censusHash = (c: Pick<EmbeddedCensus, "asOfFiscalYear" | "cells">): string =>
  bytesToHex(sha256(utf8ToBytes(canonicalCensus(c))));

/** Problems of an embedded census (hash, schedules), by field path under `at`. */
export function embeddedCensusErrors(c: EmbeddedCensus, at: string): { field: string; message: string }[] {
  // A headcount that is no number at all was reported by the cell schema, and has no canonical form to hash.
  const unreadable = (t: unknown) => typeof t !== "string" || t !== t.trim() || parseDecimal(t) === null;
  if (c.cells.some((x) => unreadable(x.headcount))) return [];
  const hash = censusHash(c);
  const errors: { field: string; message: string }[] = [];
  if (hash !== c.sha256)
    errors.push({
      field: `${at}.sha256`,
      message: `the census differs from the one saved (its SHA-256 is ${hash}, the file records ${c.sha256}): it was changed after it was saved. If the change is intended, write "sha256": "${hash}"`,
    });
  // The cell schema has already said what is wrong with a headcount or years of service.
  const schemaChecked = /\.(headcount|yearsOfService)$/;
  for (const e of checkCensus(censusFromJson(c as CensusJson), at))
    if (!schemaChecked.test(e.field!)) errors.push({ field: e.field!, message: e.message });
  return errors;
}

/** A census as the scenario embeds it (headcounts as strings, with its hash). */
export function embedCensus(census: Census, description?: string): EmbeddedCensus {
  const cells = census.cells.map((x) => ({
    schedule: x.schedule,
    lane: x.lane,
    step: x.step,
    ...(x.yearsOfService !== undefined ? { yearsOfService: x.yearsOfService } : {}),
    headcount: x.headcount.toString(),
  }));
  const base = { label: census.label, ...(description ? { description } : {}), asOfFiscalYear: census.asOfFiscalYear, cells };
  return { ...base, sha256: censusHash(base) };
}

const embeddedCache = new WeakMap<object, CheckedCensus>();
/** The census of a validated scenario block (validation checked it; converted once per block object). */
export function censusOfBlock(block: ScheduleMethod, reference: () => CheckedCensus): CheckedCensus {
  if ("reference" in block.census) return reference();
  let c = embeddedCache.get(block.census);
  if (!c) {
    c = censusFromJson(block.census as CensusJson) as CheckedCensus;
    embeddedCache.set(block.census, c);
  }
  return c;
}

const ASSUMED = (ref: string, note: string) => ({ kind: "assumed" as const, ref, note });

/** The engine's stated assumptions for a new schedule-method block, each marked "assumed". */
export function defaultScheduleMethod(census: ScheduleMethod["census"] = { reference: "synthetic" }): ScheduleMethod {
  const p = (value: string, label: string, ref: string, note: string): Param => ({ value, label, source: ASSUMED(ref, note) });
  return {
    census,
    separationRate: p("0.10", "Annual separation rate", "separations", "assumed annual separation rate; replace with attrition data"),
    heldShare: p(
      "0.05",
      "Share held on step each year",
      "step holds",
      "assumed share held on step (e.g. rated below effective); replace with evaluation data",
    ),
  };
}

/** Where replacements enter, every part filled in (an empty lane is each schedule's first lane). */
export function entryPlacement(block: Pick<ScheduleMethod, "entry">): { step: number; lane: string; yearsOfService: number } {
  return {
    step: block.entry?.step ?? DEFAULT_ENTRY.step,
    lane: block.entry?.lane ?? DEFAULT_ENTRY.lane,
    yearsOfService: block.entry?.yearsOfService ?? DEFAULT_ENTRY.yearsOfService,
  };
}

/** The entry placement's source: its own, else an assumption (whether the file names a placement or not). */
export function entrySource(block: ScheduleMethod): Source {
  return block.entry?.source ?? { kind: "assumed", ref: "entry placement", note: ENTRY_ASSUMED_NOTE };
}

/** The step date's source: its own, else an assumption (whether the file names a date or not). */
export function anniversarySource(block: ScheduleMethod): Source {
  return (
    block.anniversarySource ?? {
      kind: "assumed",
      ref: "step date",
      note: block.anniversary
        ? "assumed step date; replace with the date the agreement or payroll moves steps"
        : "assumed: steps move on the first day of the fiscal year",
    }
  );
}

/** Step-movement settings from the block (the anniversary defaults to the fiscal year's first day). */
export function stepSettingsOf(
  block: ScheduleMethod,
  fiscalYearStartMonth: number,
): Omit<StepMovementSettings, "prorationMethod" | "calendar"> {
  const entry = entryPlacement(block);
  return {
    anniversary: block.anniversary ?? `${String(fiscalYearStartMonth).padStart(2, "0")}-01`,
    heldShare: new Decimal(block.heldShare.value),
    separationRate: new Decimal(block.separationRate.value),
    entry: Object.fromEntries(SCHEDULE_KEYS.map((k) => [k, entry])) as StepMovementSettings["entry"],
    sources: {
      anniversary: anniversarySource(block),
      heldShare: block.heldShare.source,
      separationRate: block.separationRate.source,
      entry: entrySource(block),
    },
  };
}
