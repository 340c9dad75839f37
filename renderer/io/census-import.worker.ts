/**
 * The census import worker: reads and validates one census file at a time off the UI thread
 * (SheetJS parse + the census checks: 0.5 s for 100,000 CSV rows, 1.3 s as xlsx in Chromium).
 * The importer is bundled into this worker (eager glob) rather than loaded on demand, so the
 * worker is one script; a build without model/io/census-import.ts answers with the reason.
 */
import { runCensusImport, type ImportCensusFn } from "./census-import-job";

const found = import.meta.glob<ImportCensusFn>("../../model/io/census-import.ts", { eager: true, import: "importCensus" });
const importCensus = Object.values(found)[0];

const scope = self as unknown as { onmessage: ((e: MessageEvent<{ id: number; bytes: Uint8Array; fileName: string }>) => void) | null; postMessage(message: unknown): void };

scope.onmessage = (e) => {
  const { id, bytes, fileName } = e.data;
  try {
    if (typeof importCensus !== "function") throw new Error("model/io/census-import.ts is not in this build");
    scope.postMessage({ id, ok: true, answer: runCensusImport(importCensus, bytes, fileName) });
  } catch (err) {
    scope.postMessage({ id, ok: false, message: err instanceof Error ? err.message : String(err) });
  }
};
