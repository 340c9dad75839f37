/**
 * Runs census imports in a module Web Worker, like the analysis client (renderer/analysis/client.ts):
 * a 100,000-row file takes 0.5-1.4 s to parse and check, which on the UI thread froze the page
 * for all of it. Where a worker cannot start (or dies), the import runs on the main thread after a
 * macrotask, so the "Importing census…" state has painted first; the answer says where it ran.
 */
import { importCensus } from "./spreadsheet-io";
import { runCensusImport, type CensusImportAnswer } from "./census-import-job";

export interface CensusImportResult {
  answer: CensusImportAnswer;
  where: "worker" | "main thread";
  wallMs: number;
}

type Pending = { resolve: (r: CensusImportResult) => void; reject: (e: Error) => void; bytes: Uint8Array; fileName: string; started: number };
type Reply = { id: number; ok: true; answer: CensusImportAnswer } | { id: number; ok: false; message: string };

let worker: Worker | null = null;
let workerFailed = false;
let nextId = 1;
const pending = new Map<number, Pending>();

function onMainThread(bytes: Uint8Array, fileName: string, started: number): Promise<CensusImportResult> {
  return new Promise((resolve, reject) => {
    setTimeout(() => {
      importCensus
        .load()
        .then((run) => resolve({ answer: runCensusImport(run, bytes, fileName), where: "main thread", wallMs: performance.now() - started }))
        .catch((e: unknown) => reject(e instanceof Error ? e : new Error(String(e))));
    }, 30);
  });
}

function failWorker(): void {
  workerFailed = true;
  worker?.terminate();
  worker = null;
  const waiting = [...pending.values()];
  pending.clear();
  for (const p of waiting) onMainThread(p.bytes, p.fileName, p.started).then(p.resolve, p.reject);
}

function getWorker(): Worker | null {
  if (worker || workerFailed) return worker;
  try {
    worker = new Worker(new URL("./census-import.worker.ts", import.meta.url), { type: "module" });
  } catch {
    workerFailed = true;
    return null;
  }
  worker.onmessage = (e: MessageEvent<Reply>) => {
    const p = pending.get(e.data.id);
    if (!p) return;
    pending.delete(e.data.id);
    if (e.data.ok) p.resolve({ answer: e.data.answer, where: "worker", wallMs: performance.now() - p.started });
    else p.reject(new Error(e.data.message));
  };
  worker.onerror = (e) => {
    e.preventDefault();
    failWorker();
  };
  return worker;
}

/** Starts the worker (a no-op once it runs), so its script has loaded by the time a file is chosen. */
export function prepareCensusImport(): void {
  getWorker();
}

/**
 * Imports `bytes` as a census file. The worker gets a transferred copy: the caller's bytes stay
 * here for the main-thread fallback should the worker die (copying 7 MB takes a few ms).
 */
export function importCensusInBackground(bytes: Uint8Array, fileName: string): Promise<CensusImportResult> {
  const started = performance.now();
  const w = getWorker();
  if (!w) return onMainThread(bytes, fileName, started);
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject, bytes, fileName, started });
    const copy = bytes.slice();
    w.postMessage({ id, bytes: copy, fileName }, [copy.buffer]);
  });
}
