/**
 * One census import as plain data, so it can cross the worker boundary: bytes in; out, the merged
 * census as JSON (a few hundred cells however many people the file lists) or its errors. Both the
 * worker and the main-thread fallback run this, with the importer handed in (the worker bundles
 * it; the main thread loads it on demand).
 */
import type { Checked, InputError } from "../../model/engine/errors";
import { censusFromJson, censusToJson, type CensusJson } from "../../model/engine/schedule/census";
import type { Census } from "../../model/engine/schedule/types";

export type ImportCensusFn = (bytes: Uint8Array, fileName: string) => Checked<Census> & { notes?: InputError[] };

export interface CensusImportRequest {
  bytes: Uint8Array;
  fileName: string;
}

/** Errors sent back at most: the message bar lists 30; a file wrong in every row has 100,000. */
export const MAX_ERRORS_SENT = 200;

/** `notes`: what the file held that the census does not use (an extra column, another census sheet). */
export type CensusImportAnswer = { ok: true; census: CensusJson; notes: InputError[] } | { ok: false; errors: InputError[]; total: number };

export function runCensusImport(run: ImportCensusFn, bytes: Uint8Array, fileName: string): CensusImportAnswer {
  const checked = run(bytes, fileName);
  if (!checked.ok) return { ok: false, errors: checked.errors.slice(0, MAX_ERRORS_SENT), total: checked.errors.length };
  return {
    ok: true,
    census: censusToJson(checked.value),
    notes: (checked.notes ?? []).slice(0, MAX_ERRORS_SENT),
  };
}

export function censusOf(answer: { census: CensusJson }): Census {
  return censusFromJson(answer.census);
}
