/**
 * A census is checked once, where it enters (a CSV import, a scenario file, code that builds one),
 * and carries that as its type: the costing takes a CheckedCensus and never re-validates.
 */
import type { InputError } from "../errors";
import { InputRejectedError } from "../errors";
import { MAX_MEMBERS } from "../fields";
import { indexSchedules, loadSchedules, stepLayout } from "./schedules";
import type { Census } from "./types";

/** The census parser's plausible range (census.ts CENSUS_RULES): one rule for a file and for a census in a scenario. */
export const MAX_YEARS_OF_SERVICE = 60;

/** More members in one cell than any government employs: a unit or a typing slip, not a census. */
export const MAX_HEADCOUNT = MAX_MEMBERS;

/** 16 steps x 9 lanes x 4 schedules x 81 years of service is about 47,000 distinct cells; more means the census is not merged. */
export const CENSUS_CELL_LIMIT = 100_000;

declare const checkedMark: unique symbol;
/** A census that passed checkCensus (or came from a checked parser). */
export type CheckedCensus = Census & { readonly [checkedMark]: true };

/** Every way a census does not fit the salary schedules, by field ("census.cells.N.lane"; census rows have no ids). */
export function checkCensus(census: Census, at = "census"): InputError[] {
  const errors: InputError[] = [];
  if (census.cells.length > CENSUS_CELL_LIMIT)
    return [
      {
        field: `${at}.cells`,
        message: `${census.cells.length} cells; a census is limited to ${CENSUS_CELL_LIMIT} (schedule x lane x step x years of service)`,
      },
    ];
  const index = indexSchedules(loadSchedules());
  census.cells.forEach((cell, i) => {
    const field = `${at}.cells.${i}`;
    const byYear = index.get(cell.schedule);
    const schedule = byYear?.values().next().value;
    if (!schedule) return void errors.push({ field: `${field}.schedule`, message: `unknown schedule "${cell.schedule}"` });
    if (!schedule.lanes.includes(cell.lane))
      errors.push({
        field: `${field}.lane`,
        message: `lane "${cell.lane}" does not exist on ${cell.schedule} (lanes: ${schedule.lanes.join(", ")})`,
      });
    const max = stepLayout(schedule).maxStep;
    if (!Number.isInteger(cell.step) || cell.step < 1 || cell.step > max)
      errors.push({ field: `${field}.step`, message: `step ${cell.step} does not exist on ${cell.schedule} (1..${max})` });
    if (
      cell.yearsOfService !== undefined &&
      (!Number.isInteger(cell.yearsOfService) || cell.yearsOfService < 0 || cell.yearsOfService > MAX_YEARS_OF_SERVICE)
    )
      errors.push({
        field: `${field}.yearsOfService`,
        message: `${cell.yearsOfService} is not a whole number of years from 0 to ${MAX_YEARS_OF_SERVICE}`,
      });
    if (!cell.headcount.isFinite() || cell.headcount.isNegative() || cell.headcount.greaterThan(MAX_HEADCOUNT))
      errors.push({
        field: `${field}.headcount`,
        message: `headcount ${cell.headcount.toString()} must be a number of members from 0 to ${MAX_HEADCOUNT.toLocaleString("en-US")}`,
      });
  });
  return errors;
}

/** The census as checked, or its errors. */
export function checkedCensus(census: Census): { ok: true; value: CheckedCensus } | { ok: false; errors: InputError[] } {
  const errors = checkCensus(census);
  return errors.length ? { ok: false, errors } : { ok: true, value: census as CheckedCensus };
}

/** For censuses built in code (tests, benchmarks): checked, or an InputRejectedError naming what is wrong. */
export function assertCensus(census: Census): CheckedCensus {
  const checked = checkedCensus(census);
  if (!checked.ok) throw new InputRejectedError(checked.errors);
  return checked.value;
}

/** For parsers that apply the same rules while reading (parseCensusCsv): the census they return is checked by construction. */
export const censusCheckedByParser = (census: Census): CheckedCensus => census as CheckedCensus;
