/**
 * The census import worker: reads and validates one census file at a time off the UI thread
 * (SheetJS parse + the census checks: 0.5 s for 100,000 CSV rows, 1.3 s as xlsx in Chromium).
 * The importer is bundled into this worker (eager glob) rather than loaded on demand, so the
 * worker is one script; a build without model/io/census-import.ts answers with the reason.
 */
import { serveWorkerJobs } from "../workers/worker-job-host";
import { runCensusImport, type CensusImportRequest, type ImportCensusFn } from "./census-import-job";

const found = import.meta.glob<ImportCensusFn>("../../model/io/census-import.ts", { eager: true, import: "importCensus" });
const importCensus = Object.values(found)[0];

serveWorkerJobs(({ bytes, fileName }: CensusImportRequest) => {
  if (typeof importCensus !== "function") throw new Error("model/io/census-import.ts is not in this build");
  return runCensusImport(importCensus, bytes, fileName);
});
