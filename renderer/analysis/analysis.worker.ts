/** The analysis worker: runs one request at a time off the UI thread and posts back plain data. */
import { runAnalysis, type AnalysisRequest } from "./jobs";

const scope = self as unknown as { onmessage: ((e: MessageEvent<{ id: number; request: AnalysisRequest }>) => void) | null; postMessage(message: unknown): void };

scope.onmessage = (e) => {
  const { id, request } = e.data;
  try {
    scope.postMessage({ id, ok: true, data: runAnalysis(request) });
  } catch (err) {
    scope.postMessage({ id, ok: false, message: err instanceof Error ? err.message : String(err) });
  }
};
