/**
 * The worker side of a worker-job client (worker-job-client.ts): answers each job message with
 * the handler's value, or its error's message (an Error itself does not survive postMessage).
 */
import type { JobMessage, JobReply } from "./worker-job-protocol";

export function serveWorkerJobs<Req, Res>(
  handle: (request: Req, progress: (done: number, total: number) => void) => Res,
  /** What of an answer to transfer rather than copy (typed arrays' buffers). */
  transferOf?: (value: Res) => Transferable[],
): void {
  const scope = self as unknown as {
    onmessage: ((e: MessageEvent<JobMessage<Req>>) => void) | null;
    postMessage(message: JobReply<Res>, transfer?: Transferable[]): void;
  };
  scope.onmessage = (e) => {
    const { id, request } = e.data;
    // At most about 20 progress messages a second: a message per step would cost more than the step.
    let last = 0;
    const progress = (done: number, total: number) => {
      const now = Date.now();
      if (done < total && now - last < 50) return;
      last = now;
      scope.postMessage({ id, progress: { done, total } });
    };
    try {
      const value = handle(request, progress);
      scope.postMessage({ id, ok: true, value }, transferOf?.(value) ?? []);
    } catch (err) {
      scope.postMessage({ id, ok: false, message: err instanceof Error ? err.message : String(err) });
    }
  };
}
