/**
 * Runs analysis requests in a module Web Worker, falling back to the main thread where a worker
 * cannot start or dies (renderer/workers/worker-job-client.ts); the answer says where it ran.
 */
import { createWorkerJobClient } from "../workers/worker-job-client";
import { runAnalysis, type AnalysisData, type AnalysisRequest } from "./jobs";

export interface AnalysisAnswer {
  data: AnalysisData;
  where: "worker" | "main thread";
  /** Wall time from request to answer, ms (includes queueing behind earlier requests). */
  wallMs: number;
}

const client = createWorkerJobClient<AnalysisRequest, AnalysisData>({
  createWorker: () => new Worker(new URL("./analysis.worker.ts", import.meta.url), { type: "module" }),
  runOnMainThread: runAnalysis,
});

export function runInBackground(request: AnalysisRequest): Promise<AnalysisAnswer> {
  return client.run(request).then(({ value, where, wallMs }) => ({ data: value, where, wallMs }));
}
