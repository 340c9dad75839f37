/**
 * The assumptions import worker: a workbook is inspected (model/io/zip-guard.ts), parsed by SheetJS
 * and checked off the UI thread, as census imports are (census-import.worker.ts). The importer is
 * bundled into the worker; a build without model/io/assumptions-import.ts answers with the reason.
 */
import { serveWorkerJobs } from "../workers/worker-job-host";
import { runAssumptionsImport, type AssumptionsImportRequest, type ImportAssumptionsFn } from "./assumptions-import-job";

const found = import.meta.glob<ImportAssumptionsFn>("../../model/io/assumptions-import.ts", { eager: true, import: "importAssumptions" });
const importAssumptions = Object.values(found)[0];

serveWorkerJobs((request: AssumptionsImportRequest) => {
  if (typeof importAssumptions !== "function") throw new Error("model/io/assumptions-import.ts is not in this build");
  return runAssumptionsImport(importAssumptions, request);
});
