/**
 * Runs jobs in a module Web Worker (same origin, so the app's script-src 'self' covers it). Where
 * the worker cannot start, or dies, jobs run on the main thread instead, after a macrotask so the
 * "busy" state the caller just set has painted first; each answer says where it ran.
 *
 * Vite bundles a worker only from a literal `new Worker(new URL("./x.worker.ts", import.meta.url),
 * { type: "module" })`, so each caller writes that in its own `createWorker`.
 */
import type { JobMessage, JobReply } from "./worker-job-protocol";

export type JobWhere = "worker" | "main thread";

export interface JobAnswer<Res> {
  value: Res;
  where: JobWhere;
  /** Wall time from request to answer, ms (includes queueing behind earlier requests). */
  wallMs: number;
}

export interface WorkerJobClientOptions<Req, Res, Msg = Req> {
  createWorker: () => Worker;
  runOnMainThread: (request: Req) => Res | Promise<Res>;
  /**
   * What to post for a request, and what to transfer with it (default: the request, nothing).
   * The request itself stays here for the main-thread fallback, so transfer only copies.
   */
  toMessage?: (request: Req) => { message: Msg; transfer?: Transferable[] };
}

export interface WorkerJobClient<Req, Res> {
  run(request: Req): Promise<JobAnswer<Res>>;
  /** Starts the worker (a no-op once it runs), so its script has loaded by the first run. */
  prewarm(): void;
}

/** Long enough for the browser to paint a frame before the main thread is taken. */
const FALLBACK_DELAY_MS = 30;

const asError = (e: unknown) => (e instanceof Error ? e : new Error(String(e)));

export function createWorkerJobClient<Req, Res, Msg = Req>(options: WorkerJobClientOptions<Req, Res, Msg>): WorkerJobClient<Req, Res> {
  type Pending = { resolve: (a: JobAnswer<Res>) => void; reject: (e: Error) => void; request: Req; started: number };
  let worker: Worker | null = null;
  let workerFailed = false;
  let nextId = 1;
  const pending = new Map<number, Pending>();

  function onMainThread(request: Req, started: number): Promise<JobAnswer<Res>> {
    return new Promise((resolve, reject) => {
      setTimeout(() => {
        try {
          Promise.resolve(options.runOnMainThread(request)).then(
            (value) => resolve({ value, where: "main thread", wallMs: performance.now() - started }),
            (e: unknown) => reject(asError(e)),
          );
        } catch (e) {
          reject(asError(e));
        }
      }, FALLBACK_DELAY_MS);
    });
  }

  function failWorker(): void {
    workerFailed = true;
    worker?.terminate();
    worker = null;
    // Whatever was waiting on the worker is run here instead.
    const waiting = [...pending.values()];
    pending.clear();
    for (const p of waiting) onMainThread(p.request, p.started).then(p.resolve, p.reject);
  }

  function getWorker(): Worker | null {
    if (worker || workerFailed) return worker;
    try {
      worker = options.createWorker();
    } catch {
      workerFailed = true;
      return null;
    }
    worker.onmessage = (e: MessageEvent<JobReply<Res>>) => {
      const p = pending.get(e.data.id);
      if (!p) return;
      pending.delete(e.data.id);
      if (e.data.ok) p.resolve({ value: e.data.value, where: "worker", wallMs: performance.now() - p.started });
      else p.reject(new Error(e.data.message));
    };
    worker.onerror = (e) => {
      e.preventDefault();
      failWorker();
    };
    return worker;
  }

  return {
    run(request) {
      const started = performance.now();
      const w = getWorker();
      if (!w) return onMainThread(request, started);
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject, request, started });
        const { message, transfer } = options.toMessage
          ? options.toMessage(request)
          : { message: request as unknown as Msg, transfer: undefined };
        const job: JobMessage<Msg> = { id, request: message };
        w.postMessage(job, transfer ?? []);
      });
    },
    prewarm() {
      getWorker();
    },
  };
}
