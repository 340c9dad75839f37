/** Types for salary schedules and the step-distribution census. Pure data; no I/O. */
import type { Decimal } from "../decimal";

export type ScheduleFamily = "ET-15" | "EG-09";
export type ScheduleMonths = 10 | 11 | 12;

/** A schedule's identity across fiscal years: the census refers to these. */
export type ScheduleKey = "ET15-10M" | "ET15-11M" | "ET15-12M" | "EG09";
export const SCHEDULE_KEYS: readonly ScheduleKey[] = ["ET15-10M", "ET15-11M", "ET15-12M", "EG09"];

export interface ScheduleSource {
  file: string;
  /** 1-based inclusive line range in the source text. */
  lines: [number, number];
  note?: string;
}

/** One printed (or derived) salary table: annual salary by lane x step column for one fiscal year. */
export interface SalarySchedule {
  id: string;
  family: ScheduleFamily;
  fiscalYear: number;
  months: ScheduleMonths;
  /** YYYY-MM-DD, the date the table takes effect (first pay period of the fiscal year in the source). */
  effective: string;
  /** The printed "Adjustment" as a rate string ("0.02"), null when none is printed. */
  adjustment: string | null;
  /** Heading text from the source. */
  heading: string;
  source: ScheduleSource;
  lanes: string[];
  /** Column labels: "1".."11", "12-15", "16", "17-18 yrs", "19-20 yrs", "21+ yrs" (ET-15). */
  steps: string[];
  /** lane -> one entry per step column: whole-dollar amount as a string, null = N/A. */
  cells: Record<string, (string | null)[]>;
  /** Present on schedules computed rather than printed (FY2024). */
  derived?: { from: string; rule: string };
  /** Anomalies noticed in the printed table. */
  notes?: string[];
}

export interface ScheduleFile {
  family: ScheduleFamily;
  description: string;
  source: string;
  schedules: SalarySchedule[];
  notes?: string[];
}

/**
 * One census cell: headcount at a schedule x lane x step (x years of service). Steps are the individual
 * steps 1..16 (ET-15) or 1..16 (EG-09); they map to the printed columns ("12-15", "10-16").
 * Years of service only matter for longevity placement (17-18, 19-20, 21+ years at the top step).
 */
export interface CensusCell {
  schedule: ScheduleKey;
  lane: string;
  step: number;
  /** Whole years of service; omitted = unknown (assumed equal to the step when needed). */
  yearsOfService?: number;
  /** Members; whole numbers on import, fractional (Decimal) after projection. */
  headcount: Decimal;
}

export interface Census {
  /** Free text: what this census is (e.g. "SYNTHETIC reference census"). */
  label: string;
  /** The fiscal year the census stands in (placements as of that year). */
  asOfFiscalYear: number;
  cells: CensusCell[];
}

/** Errors are values the UI can show. */
export interface ImportError {
  file: string;
  sheet?: string;
  row: number;
  column: string;
  message: string;
}

export type ImportResult<T> = { ok: true; value: T } | { ok: false; errors: ImportError[] };
