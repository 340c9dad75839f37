/** The document worker: builds and writes one document at a time off the UI thread. */
import type { JobMessage, JobReply } from "../workers/worker-job-protocol";
import { runDocumentJob, type DocumentAnswer, type DocumentRequest } from "./document-job";

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<JobMessage<DocumentRequest>>) => void) | null;
  postMessage(message: JobReply<DocumentAnswer>, transfer?: Transferable[]): void;
};

// The job is asynchronous (the writers load on first use), so the answer is posted when it settles.
scope.onmessage = (e) => {
  const { id, request } = e.data;
  runDocumentJob(request).then(
    (value) => scope.postMessage({ id, ok: true, value }, [value.bytes.buffer]),
    (err: unknown) => scope.postMessage({ id, ok: false, message: err instanceof Error ? err.message : String(err) }),
  );
};
