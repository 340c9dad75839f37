/**
 * Runs assumptions imports in a module Web Worker (renderer/workers/worker-job-client.ts), so a
 * large or hostile workbook never freezes the page; where a worker cannot start, the import runs
 * on the main thread after the "Importing…" notice has painted.
 */
import { createWorkerJobClient } from "../workers/worker-job-client";
import { runAssumptionsImport, type AssumptionsImportAnswer, type AssumptionsImportRequest } from "./assumptions-import-job";
import { loadAssumptionsImport } from "./spreadsheet-io";

const client = createWorkerJobClient<AssumptionsImportRequest, AssumptionsImportAnswer>({
  createWorker: () => new Worker(new URL("./assumptions-import.worker.ts", import.meta.url), { type: "module" }),
  runOnMainThread: (request) => loadAssumptionsImport().then((importer) => runAssumptionsImport(importer, request)),
  // A transferred copy: the caller's bytes stay here for the main-thread fallback.
  toMessage: (request) => {
    const copy = request.bytes.slice();
    return { message: { ...request, bytes: copy }, transfer: [copy.buffer] };
  },
});

export function prepareAssumptionsImport(): void {
  client.prewarm();
}

export function importAssumptionsInBackground(
  request: AssumptionsImportRequest,
): Promise<{ answer: AssumptionsImportAnswer; where: "worker" | "main thread" }> {
  return client.run(request).then(({ value, where }) => ({ answer: value, where }));
}
