/**
 * The worker side of a job (renderer/workers/worker-job-host.ts) against a stand-in worker scope:
 * progress is posted under the job's id, at most one message per 50 ms except the last step, and
 * the answer (or the error's message) follows.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { serveWorkerJobs } from "../../renderer/workers/worker-job-host";
import type { JobMessage, JobReply } from "../../renderer/workers/worker-job-protocol";

const posted: JobReply<unknown>[] = [];
let scope: { onmessage: ((e: { data: JobMessage<unknown> }) => void) | null; postMessage(m: JobReply<unknown>): void };

beforeEach(() => {
  posted.length = 0;
  scope = { onmessage: null, postMessage: (m) => posted.push(m) };
  vi.stubGlobal("self", scope);
  vi.useFakeTimers({ now: 1_000_000 });
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe("worker-job host", () => {
  it("posts progress under the job's id, throttled to one message per 50 ms, the last step always, then the answer", () => {
    serveWorkerJobs((n: number, progress) => {
      for (let i = 1; i <= n; i++) {
        progress(i, n);
        vi.advanceTimersByTime(10); // each step takes 10 ms
      }
      return n * 2;
    });
    scope.onmessage!({ data: { id: 4, request: 20 } });
    const steps = posted.filter((m) => "progress" in m).map((m) => ("progress" in m ? m.progress.done : 0));
    // Step 1 at t=0, then every 5th step (50 ms later), and step 20 (the last) whatever the clock says.
    expect(steps).toEqual([1, 6, 11, 16, 20]);
    expect(posted.every((m) => m.id === 4)).toBe(true);
    expect(posted.at(-1)).toEqual({ id: 4, ok: true, value: 40 });
  });

  it("a handler's error is posted as its message", () => {
    serveWorkerJobs(() => {
      throw new Error("no such scenario");
    });
    scope.onmessage!({ data: { id: 1, request: null } });
    expect(posted).toEqual([{ id: 1, ok: false, message: "no such scenario" }]);
  });
});
