/**
 * Runs jobs in a module Web Worker (same origin, so the app's script-src 'self' covers it). Where
 * the worker cannot start, or dies, jobs run on the main thread instead, after a macrotask so the
 * "busy" state the caller just set has painted first; each answer says where it ran. A long job
 * reports its progress; cancel() stops the worker at once (a synchronous job cannot be asked to
 * stop midway), rejects what was waiting with JobCancelled, and the next job starts a fresh worker.
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
  runOnMainThread: (request: Req, progress: (done: number, total: number) => void) => Res | Promise<Res>;
  /**
   * What to post for a request, and what to transfer with it (default: the request, nothing).
   * The request itself stays here for the main-thread fallback, so transfer only copies.
   */
  toMessage?: (request: Req) => { message: Msg; transfer?: Transferable[] };
}

/** What a job cancelled by cancel() rejects with (check with isJobCancelled: an error that crossed a realm is no instance). */
export class JobCancelled extends Error {
  readonly cancelled = true;
  constructor() {
    super("Cancelled.");
    this.name = "JobCancelled";
  }
}

export const isJobCancelled = (e: unknown): e is JobCancelled =>
  e instanceof JobCancelled || (e instanceof Error && e.name === "JobCancelled");

export interface RunOptions {
  onProgress?: (done: number, total: number) => void;
  /** The worker died while this job waited on it: the job now runs on the main thread, where it cannot be stopped. */
  onFallback?: () => void;
}

export interface WorkerJobClient<Req, Res> {
  run(request: Req, options?: RunOptions): Promise<JobAnswer<Res>>;
  /**
   * Stops the worker and every job waiting on it (each rejects with JobCancelled); the next run
   * starts a new worker. Returns false when jobs run on the main thread: those cannot be stopped.
   */
  cancel(): boolean;
  /** Whether a job started now could be cancelled (false once jobs fall back to the main thread). */
  canCancel(): boolean;
  /** Starts the worker (a no-op once it runs), so its script has loaded by the first run. */
  prewarm(): void;
}

/** Long enough for the browser to paint a frame before the main thread is taken. */
const FALLBACK_DELAY_MS = 30;

const asError = (e: unknown) => (e instanceof Error ? e : new Error(String(e)));

export function createWorkerJobClient<Req, Res, Msg = Req>(options: WorkerJobClientOptions<Req, Res, Msg>): WorkerJobClient<Req, Res> {
  type Pending = {
    resolve: (a: JobAnswer<Res>) => void;
    reject: (e: Error) => void;
    request: Req;
    started: number;
    onProgress?: RunOptions["onProgress"];
    onFallback?: RunOptions["onFallback"];
  };
  let worker: Worker | null = null;
  let workerFailed = false;
  let nextId = 1;
  const pending = new Map<number, Pending>();

  function onMainThread(request: Req, started: number, onProgress?: RunOptions["onProgress"]): Promise<JobAnswer<Res>> {
    return new Promise((resolve, reject) => {
      setTimeout(() => {
        try {
          Promise.resolve(options.runOnMainThread(request, onProgress ?? (() => {}))).then(
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
    for (const p of waiting) {
      p.onFallback?.();
      onMainThread(p.request, p.started, p.onProgress).then(p.resolve, p.reject);
    }
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
      const data = e.data;
      const p = pending.get(data.id);
      if (!p) return;
      if ("progress" in data) return void p.onProgress?.(data.progress.done, data.progress.total);
      pending.delete(data.id);
      if (data.ok) p.resolve({ value: data.value, where: "worker", wallMs: performance.now() - p.started });
      else p.reject(new Error(data.message));
    };
    worker.onerror = (e) => {
      e.preventDefault();
      failWorker();
    };
    return worker;
  }

  return {
    run(request, runOptions = {}) {
      const started = performance.now();
      const w = getWorker();
      if (!w) return onMainThread(request, started, runOptions.onProgress);
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, {
          resolve,
          reject,
          request,
          started,
          ...(runOptions.onProgress ? { onProgress: runOptions.onProgress } : {}),
          ...(runOptions.onFallback ? { onFallback: runOptions.onFallback } : {}),
        });
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
    cancel() {
      if (workerFailed) return false;
      worker?.terminate();
      worker = null;
      const waiting = [...pending.values()];
      pending.clear();
      for (const p of waiting) p.reject(new JobCancelled());
      return true;
    },
    canCancel() {
      return !workerFailed;
    },
  };
}
