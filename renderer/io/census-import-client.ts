/**
 * Runs census imports in a module Web Worker (renderer/workers/worker-job-client.ts): a
 * 100,000-row file takes 0.5-1.4 s to parse and check, which on the UI thread froze the page for
 * all of it. Where a worker cannot start (or dies), the import runs on the main thread after the
 * "Importing census…" state has painted; the answer says where it ran.
 */
import { createWorkerJobClient } from "../workers/worker-job-client";
import { loadImportCensus } from "./spreadsheet-io";
import { runCensusImport, type CensusImportAnswer, type CensusImportRequest } from "./census-import-job";

export interface CensusImportResult {
  answer: CensusImportAnswer;
  where: "worker" | "main thread";
  wallMs: number;
}

const client = createWorkerJobClient<CensusImportRequest, CensusImportAnswer>({
  createWorker: () => new Worker(new URL("./census-import.worker.ts", import.meta.url), { type: "module" }),
  runOnMainThread: ({ bytes, fileName }) => loadImportCensus().then((run) => runCensusImport(run, bytes, fileName)),
  // The worker gets a transferred copy: the caller's bytes stay here for the main-thread fallback
  // should the worker die (copying 7 MB takes a few ms).
  toMessage: ({ bytes, fileName }) => {
    const copy = bytes.slice();
    return { message: { bytes: copy, fileName }, transfer: [copy.buffer] };
  },
});

/** Starts the worker (a no-op once it runs), so its script has loaded by the time a file is chosen. */
export function prepareCensusImport(): void {
  client.prewarm();
}

/** Imports `bytes` as a census file, in the worker where it can. */
export function importCensusInBackground(bytes: Uint8Array, fileName: string): Promise<CensusImportResult> {
  return client.run({ bytes, fileName }).then(({ value, where, wallMs }) => ({ answer: value, where, wallMs }));
}
