/**
 * One assumptions import as plain data, so it can cross the worker boundary: the workbook's bytes
 * and the scenario it applies to in; out, the new scenario or the first errors. Both the worker and
 * the main-thread fallback run this, with the importer handed in.
 */
import type { Checked, InputError } from "../../model/engine/errors";
import type { Scenario } from "../../model/engine/scenario/types";
import { MAX_ERRORS_SENT } from "./census-import-job";

export type ImportAssumptionsFn = (bytes: Uint8Array, fileName: string, base: Scenario) => Checked<Scenario>;

export interface AssumptionsImportRequest {
  bytes: Uint8Array;
  fileName: string;
  base: Scenario;
}

export type AssumptionsImportAnswer = { ok: true; scenario: Scenario } | { ok: false; errors: InputError[]; total: number };

export function runAssumptionsImport(
  run: ImportAssumptionsFn,
  { bytes, fileName, base }: AssumptionsImportRequest,
): AssumptionsImportAnswer {
  const checked = run(bytes, fileName, base);
  if (!checked.ok) return { ok: false, errors: checked.errors.slice(0, MAX_ERRORS_SENT), total: checked.errors.length };
  return { ok: true, scenario: checked.value };
}
