/**
 * Excel/CSV export and import live in model/io (another engineer's modules, written in parallel).
 * They are found with import.meta.glob so this file compiles and the app runs whether or not they
 * exist yet; a missing or differently-shaped module leaves its command disabled with the reason.
 */
import type { ComputeOptions, TableResult } from "../../model/engine/compute";
import type { Census } from "../../model/engine/schedule/types";
import type { Checked } from "../../model/engine/errors";
import type { Scenario } from "../../model/engine/scenario/types";

const modules = import.meta.glob([
  "../../model/io/xlsx-export.ts",
  "../../model/io/table-csv.ts",
  "../../model/io/assumptions-import.ts",
  "../../model/io/census-import.ts",
]);

export interface IoCapability<F> {
  available: boolean;
  /** Why the command is disabled, when it is. */
  reason: string;
  load: () => Promise<F>;
}

function capability<F>(file: string, exportName: string): IoCapability<F> {
  const key = `../../model/io/${file}`;
  const loader = modules[key];
  if (!loader)
    return {
      available: false,
      reason: `Not available yet: model/io/${file} is not in this build.`,
      load: () => Promise.reject(new Error(`model/io/${file} is missing`)),
    };
  return {
    available: true,
    reason: "",
    load: async () => {
      const mod = (await loader()) as Record<string, unknown>;
      const fn = mod[exportName];
      if (typeof fn !== "function") throw new Error(`model/io/${file} has no ${exportName}()`);
      return fn as F;
    },
  };
}

export const exportWorkbook = capability<(scenarios: Scenario[], options?: { computeOptions?: ComputeOptions }) => Uint8Array>(
  "xlsx-export.ts",
  "exportWorkbook",
);
export const exportTableCsv = capability<(result: TableResult) => string>("table-csv.ts", "exportTableCsv");
export const importAssumptions = capability<(bytes: Uint8Array, fileName: string, base: Scenario) => Checked<Scenario>>(
  "assumptions-import.ts",
  "importAssumptions",
);
export const importCensus = capability<(bytes: Uint8Array, fileName: string) => Checked<Census>>("census-import.ts", "importCensus");
