/**
 * Runs analysis requests in a module Web Worker (same origin, so the app's script-src 'self'
 * covers it). Where a worker cannot start (or dies), requests run on the main thread instead,
 * after a macrotask so the "computing…" state has painted first; the answer says where it ran.
 */
import { runAnalysis, type AnalysisData, type AnalysisRequest } from "./jobs";

export interface AnalysisAnswer {
  data: AnalysisData;
  where: "worker" | "main thread";
  /** Wall time from request to answer, ms (includes queueing behind earlier requests). */
  wallMs: number;
}

type Pending = { resolve: (a: AnalysisAnswer) => void; reject: (e: Error) => void; request: AnalysisRequest; started: number };

let worker: Worker | null = null;
let workerFailed = false;
let nextId = 1;
const pending = new Map<number, Pending>();

function onMainThread(request: AnalysisRequest, started: number): Promise<AnalysisAnswer> {
  return new Promise((resolve, reject) => {
    setTimeout(() => {
      try {
        resolve({ data: runAnalysis(request), where: "main thread", wallMs: performance.now() - started });
      } catch (e) {
        reject(e instanceof Error ? e : new Error(String(e)));
      }
    }, 30);
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
    worker = new Worker(new URL("./analysis.worker.ts", import.meta.url), { type: "module" });
  } catch {
    workerFailed = true;
    return null;
  }
  worker.onmessage = (e: MessageEvent<{ id: number; ok: true; data: AnalysisData } | { id: number; ok: false; message: string }>) => {
    const p = pending.get(e.data.id);
    if (!p) return;
    pending.delete(e.data.id);
    if (e.data.ok) p.resolve({ data: e.data.data, where: "worker", wallMs: performance.now() - p.started });
    else p.reject(new Error(e.data.message));
  };
  worker.onerror = (e) => {
    e.preventDefault();
    failWorker();
  };
  return worker;
}

export function runInBackground(request: AnalysisRequest): Promise<AnalysisAnswer> {
  const started = performance.now();
  const w = getWorker();
  if (!w) return onMainThread(request, started);
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject, request, started });
    w.postMessage({ id, request });
  });
}
