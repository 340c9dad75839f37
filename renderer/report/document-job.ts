/**
 * One document export: the scenario (and for a memo its baseline) -> the document model -> Word or
 * PDF bytes. Runs in the document worker (document.worker.ts), or on the main thread where a worker
 * cannot start; the writers, pdfmake and the fonts load on the first export only.
 */
import type { Census } from "../../model/engine/schedule/types";
import { buildDocument } from "./build-document";
import type { Scenario } from "../../model/engine/scenario/types";

export type DocumentKind = "fis" | "memo";
export type DocumentFormat = "docx" | "pdf";

export interface DocumentRequest {
  kind: DocumentKind;
  format: DocumentFormat;
  scenario: Scenario;
  /** For a memo: the scenario it is compared with. */
  baseline?: Scenario;
  /** YYYY-MM-DD: the date a document carries when its scenario names none. */
  today: string;
  census?: Census | null;
}

export interface DocumentAnswer {
  bytes: Uint8Array;
  /** Suggested file name without extension. */
  fileName: string;
  /** Generation time in the worker (or main thread), ms. */
  ms: number;
}

export async function runDocumentJob(request: DocumentRequest): Promise<DocumentAnswer> {
  const started = performance.now();
  const doc = buildDocument(request);
  let bytes: Uint8Array;
  if (request.format === "docx") {
    const { renderDocx } = await import("../../model/report/docx");
    bytes = await renderDocx(doc);
  } else {
    const [{ renderPdf }, pdfmake, { browserFonts }] = await Promise.all([
      import("../../model/report/pdf"),
      import("pdfmake/build/pdfmake").then((m) => m.default),
      import("./browser-fonts"),
    ]);
    bytes = await renderPdf(doc, pdfmake, browserFonts, request.baseline ? [request.scenario, request.baseline] : [request.scenario]);
  }
  return { bytes, fileName: doc.meta.fileName, ms: performance.now() - started };
}
