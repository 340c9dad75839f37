/**
 * The worker side of a worker-job client (worker-job-client.ts): answers each job message with
 * the handler's value, or its error's message (an Error itself does not survive postMessage).
 */
import type { JobMessage, JobReply } from "./worker-job-protocol";

export function serveWorkerJobs<Req, Res>(handle: (request: Req) => Res): void {
  const scope = self as unknown as {
    onmessage: ((e: MessageEvent<JobMessage<Req>>) => void) | null;
    postMessage(message: JobReply<Res>): void;
  };
  scope.onmessage = (e) => {
    const { id, request } = e.data;
    try {
      scope.postMessage({ id, ok: true, value: handle(request) });
    } catch (err) {
      scope.postMessage({ id, ok: false, message: err instanceof Error ? err.message : String(err) });
    }
  };
}
