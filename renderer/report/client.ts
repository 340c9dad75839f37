/** Document exports in a module Web Worker (main thread where a worker cannot start); the answer says where it ran. */
import { createWorkerJobClient, type JobAnswer } from "../workers/worker-job-client";
import { runDocumentJob, type DocumentAnswer, type DocumentRequest } from "./document-job";

const client = createWorkerJobClient<DocumentRequest, DocumentAnswer>({
  createWorker: () => new Worker(new URL("./document.worker.ts", import.meta.url), { type: "module" }),
  runOnMainThread: runDocumentJob,
});

export const generateDocument = (request: DocumentRequest): Promise<JobAnswer<DocumentAnswer>> => client.run(request);
export const prewarmDocumentWorker = (): void => client.prewarm();
