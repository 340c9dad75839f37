/**
 * The assumptions import worker: a workbook is inspected (model/io/zip-guard.ts), parsed by SheetJS
 * and checked off the UI thread, as census imports are (census-import.worker.ts). The importer is
 * bundled into this worker, so the worker is one script.
 */
import * as importer from "../../model/io/assumptions-import";
import { serveWorkerJobs } from "../workers/worker-job-host";
import { runAssumptionsImport, type AssumptionsImportRequest } from "./assumptions-import-job";

serveWorkerJobs((request: AssumptionsImportRequest) => runAssumptionsImport(importer, request));
