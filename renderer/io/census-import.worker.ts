/**
 * The census import worker: reads and validates one census file at a time off the UI thread
 * (SheetJS parse + the census checks: 0.5 s for 100,000 CSV rows, 1.3 s as xlsx in Chromium).
 * The importer is bundled into this worker, so the worker is one script.
 */
import { importCensus } from "../../model/io/census-import";
import { serveWorkerJobs } from "../workers/worker-job-host";
import { runCensusImport, type CensusImportRequest } from "./census-import-job";

serveWorkerJobs(({ bytes, fileName }: CensusImportRequest) => runCensusImport(importCensus, bytes, fileName));
