/**
 * Salary schedules and the step-distribution method: public API.
 *
 *   loadSchedules()                               all schedules (FY2024 derived + FY2025-FY2028 printed)
 *   parseCensusCsv(text, fileName)                census CSV -> {ok, value} | {ok: false, errors}
 *   parseCensusRows(rows, fileName)               the same parser on any reader's cells (workbooks)
 *   censusMembersGap(scenario, census)            census headcount vs the scenario's members, when > 1% apart
 *   referenceCensus()                             the SYNTHETIC 5,776-member reference census
 *   syntheticCensus(n, seed)                      SYNTHETIC census of n members (benchmarks)
 *   projectCensus(census, throughFy, settings)    step movement year by year
 *   scheduleMethodCost(census, raises, settings)  per-FY raise / step / turnover lines with explanations
 *   reconcile(census, average, raises, settings)  schedule vs average-salary method, by part
 */
import { censusFromJson, type CensusJson } from "./census";
import referenceCensusJson from "./data/reference-census.json";
import { assertCensus, type CheckedCensus } from "./census-check";

export * from "./types";
export {
  loadSchedules,
  deriveFy2024,
  indexSchedules,
  getSchedule,
  scheduleKeyOf,
  stepLayout,
  payColumn,
  cellAmount,
  scheduleRef,
  assumedYears,
  FY2024_DIVISOR,
} from "./schedules";
export type { ScheduleIndex, StepLayout } from "./schedules";
export {
  parseCensusCsv,
  parseCensusRows,
  findCensusHeader,
  CENSUS_RULES,
  CENSUS_HEADER_SYNONYMS,
  splitCsv,
  splitCsvFile,
  splitCsvChecked,
  type CsvSplit,
  type CsvProblem,
  csvDelimiter,
  type CsvDelimiter,
  censusHeadcount,
  censusToCsv,
  censusTemplateCsv,
  CENSUS_CSV_HEADER,
  censusFromJson,
  censusToJson,
} from "./census";
export type { CensusImportError, CensusJson, CensusInputCell, CensusParse } from "./census";
export { censusMembersGap, CENSUS_MEMBERS_TOLERANCE, type CensusMembersGap } from "./census-members";
export { syntheticCensus } from "./synthetic";
export { projectCensus, advanceOneYear, normalizeCensus, defaultStepMovementSettings, YEARS_CAP } from "./step-movement";
export type { StepMovementSettings, EntryPlacement, ProjectedCell, ProjectedYear } from "./step-movement";
export { scheduleMethodCost, defaultScheduleCostSettings } from "./schedule-cost";
export type { RaiseTerm, ScheduleCostSettings, ScheduleCostResult, ScheduleCostYear, CostLine } from "./schedule-cost";
export { averageSalaryInputs, reconcile } from "./reconcile";
export type { AverageSalaryInputs, ReconcileResult, ReconcileYear } from "./reconcile";
export { checkCensus, checkedCensus, assertCensus, CENSUS_CELL_LIMIT, type CheckedCensus } from "./census-check";
export {
  scheduleMethodSchema,
  embedCensus,
  censusHash,
  canonicalCensus,
  defaultScheduleMethod,
  entryPlacement,
  type ScheduleMethod,
  type EmbeddedCensus,
} from "./method";

let reference: CheckedCensus | undefined;
/** The SYNTHETIC reference census (see data/reference-census.json "description"), checked once. */
export function referenceCensus(): CheckedCensus {
  return (reference ??= assertCensus(censusFromJson(referenceCensusJson as CensusJson)));
}

/** How the reference census was made (for display next to it). */
export const REFERENCE_CENSUS_DESCRIPTION: string = (referenceCensusJson as CensusJson).description ?? "SYNTHETIC";
