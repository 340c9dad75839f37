/**
 * Runs analysis requests in a module Web Worker, falling back to the main thread where a worker
 * cannot start or dies (renderer/workers/worker-job-client.ts); the answer says where it ran.
 * Monte Carlo ranges have a worker of their own, so cancelling a run of ranges stops only that run,
 * not the tornado or two-way table computing beside it.
 */
import { createWorkerJobClient, type RunOptions, type WorkerJobClient } from "../workers/worker-job-client";
import { runAnalysis, type AnalysisData, type AnalysisRequest } from "./jobs";

export interface AnalysisAnswer {
  data: AnalysisData;
  where: "worker" | "main thread";
  /** Wall time from request to answer, ms (includes queueing behind earlier requests). */
  wallMs: number;
}

export type Lane = "analyses" | "ranges";

const clientFor = (): WorkerJobClient<AnalysisRequest, AnalysisData> =>
  createWorkerJobClient<AnalysisRequest, AnalysisData>({
    createWorker: () => new Worker(new URL("./analysis.worker.ts", import.meta.url), { type: "module" }),
    runOnMainThread: (request, progress) => runAnalysis(request, progress),
  });

const clients: Record<Lane, WorkerJobClient<AnalysisRequest, AnalysisData>> = { analyses: clientFor(), ranges: clientFor() };

export function runInBackground(request: AnalysisRequest, options: RunOptions = {}, lane: Lane = "analyses"): Promise<AnalysisAnswer> {
  return clients[lane].run(request, options).then(({ value, where, wallMs }) => ({ data: value, where, wallMs }));
}

/** Stops every job of the lane (each rejects with JobCancelled); false when they run on the main thread, which cannot be stopped. */
export function cancelBackground(lane: Lane = "analyses"): boolean {
  return clients[lane].cancel();
}

export function canCancelBackground(lane: Lane = "analyses"): boolean {
  return clients[lane].canCancel();
}
