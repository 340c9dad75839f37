/**
 * One assumptions import as plain data, so it can cross the worker boundary: the workbook's bytes,
 * the scenario it applies to, the imported census the workbook may have been exported with (as
 * JSON), and the questions already answered in; out, the new scenario with the import's summary
 * (what it applied, ignored and why, what needs confirming), or the first errors. Both the worker
 * and the main-thread fallback run this, with the importer module handed in.
 */
import type { InputError } from "../../model/engine/errors";
import type { Scenario } from "../../model/engine/scenario/types";
import { assertCensus } from "../../model/engine/schedule/census-check";
import { censusFromJson, type CensusJson } from "../../model/engine/schedule/census";
import type * as AssumptionsImportModule from "../../model/io/assumptions-import";
import { MAX_ERRORS_SENT } from "./census-import-job";

export type AssumptionsImporter = Pick<typeof AssumptionsImportModule, "importAssumptions" | "importSummary" | "needsConfirmation">;

export interface AssumptionsImportRequest {
  bytes: Uint8Array;
  fileName: string;
  base: Scenario;
  /** The app's imported census, when the scenario is costed by the schedule method with it. */
  census?: CensusJson;
  accept?: { otherScenario?: boolean; outliers?: boolean };
}

export type AssumptionsImportAnswer =
  | { ok: true; scenario: Scenario; summary: string[]; applied: number; ignored: number; needsConfirmation: boolean }
  | { ok: false; errors: InputError[]; total: number };

export function runAssumptionsImport(
  importer: AssumptionsImporter,
  { bytes, fileName, base, census, accept }: AssumptionsImportRequest,
): AssumptionsImportAnswer {
  const computeOptions = census ? { scheduleMethod: { census: assertCensus(censusFromJson(census)) } } : undefined;
  const checked = importer.importAssumptions(bytes, fileName, base, {
    ...(computeOptions ? { computeOptions } : {}),
    ...(accept ? { accept } : {}),
  });
  if (!checked.ok) return { ok: false, errors: checked.errors.slice(0, MAX_ERRORS_SENT), total: checked.errors.length };
  const found = checked.value;
  return {
    ok: true,
    scenario: found.scenario,
    summary: importer.importSummary(found),
    applied: found.applied.length,
    ignored: found.ignored.length,
    needsConfirmation: importer.needsConfirmation(found),
  };
}
