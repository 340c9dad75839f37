/**
 * File → Export FIS document…: choose the statement of the active scenario or a comparison memo
 * against another scenario, Word or PDF; the preview shows the document as it will print (the same
 * document model the writers draw); Export writes it in the document worker and saves it through
 * the platform's save dialog (Electron) or a download (browser).
 */
import { useEffect, useMemo, useRef, useState } from "react";
import type { PlatformApi } from "../../electron/ipc/contract";
import { useApp } from "../state/context";
import { activeEntry } from "../state/store";
import { buildDocument, localToday } from "./build-document";
import { generateDocument, prewarmDocumentWorker } from "./client";
import { DocumentPreview } from "./DocumentPreview";
import type { DocumentFormat, DocumentKind } from "./document-job";
import "./report.css";

const safeName = (name: string) => name.replace(/[^\w .()–-]+/g, "_").trim() || "document";

interface Status {
  kind: "idle" | "busy" | "done" | "error";
  text: string;
}

export function ExportDocumentDialog({ platform, onClose }: { platform: PlatformApi; onClose: () => void }) {
  const { state, dispatch } = useApp();
  const entry = activeEntry(state);
  const census = state.census?.census ?? null;
  const [kind, setKind] = useState<DocumentKind>("fis");
  const [format, setFormat] = useState<DocumentFormat>("pdf");
  const [status, setStatus] = useState<Status>({ kind: "idle", text: "" });
  // Memo baselines: the scenario this one was copied from, and every other open scenario.
  const baselines = useMemo(
    () => [
      ...(entry.baseline !== entry.scenario ? [{ key: "own", label: `${entry.baselineName} (as copied)`, scenario: entry.baseline }] : []),
      ...state.entries.filter((e) => e.key !== entry.key).map((e) => ({ key: e.key, label: e.scenario.name, scenario: e.scenario })),
    ],
    [entry, state.entries],
  );
  const [baselineKey, setBaselineKey] = useState(baselines[0]?.key ?? "");
  const baseline = baselines.find((b) => b.key === baselineKey)?.scenario;
  const today = useMemo(() => localToday(), []);
  const request = useMemo(
    () => ({ kind, scenario: entry.scenario, ...(kind === "memo" && baseline ? { baseline } : {}), today, census }),
    [kind, entry.scenario, baseline, today, census],
  );
  const preview = useMemo(() => {
    try {
      return { doc: buildDocument(request), error: null };
    } catch (e) {
      return { doc: null, error: e instanceof Error ? e.message : String(e) };
    }
  }, [request]);
  const first = useRef<HTMLInputElement>(null);

  useEffect(() => {
    prewarmDocumentWorker();
    first.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") onClose();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [onClose]);

  const exportNow = async () => {
    if (!preview.doc) return;
    setStatus({ kind: "busy", text: `Writing the ${format === "pdf" ? "PDF" : "Word file"}…` });
    try {
      const { value, where } = await generateDocument({ ...request, format });
      const r = await platform.exportFile({ suggestedName: `${safeName(value.fileName)}.${format}`, kind: format, bytes: value.bytes });
      if (!r.ok) return setStatus({ kind: "error", text: `Export failed: ${r.error}` });
      if (!r.value) return setStatus({ kind: "idle", text: "" });
      const where_ = where === "worker" ? "" : " (on the main thread)";
      setStatus({
        kind: "done",
        text: `Exported "${r.value.name}" (${Math.round(value.bytes.byteLength / 1024)} KB, ${Math.round(value.ms)} ms${where_}).`,
      });
      dispatch({ type: "notice", notice: { kind: "info", text: `Exported "${r.value.name}".` } });
    } catch (e) {
      setStatus({ kind: "error", text: `Export failed: ${e instanceof Error ? e.message : String(e)}` });
    }
  };

  return (
    <div className="doc-export-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div className="doc-export" role="dialog" aria-modal="true" aria-labelledby="doc-export-title" data-testid="export-document-dialog">
        <header>
          <h2 id="doc-export-title">Export FIS document</h2>
          <button type="button" onClick={onClose} aria-label="Close">
            ✕
          </button>
        </header>
        <div className="doc-export-options">
          <fieldset>
            <legend>Document</legend>
            <label>
              <input
                ref={first}
                type="radio"
                name="doc-kind"
                checked={kind === "fis"}
                onChange={() => setKind("fis")}
                data-testid="doc-kind-fis"
              />{" "}
              Fiscal impact statement of &ldquo;{entry.scenario.name}&rdquo;
            </label>
            <label title={baselines.length ? undefined : "Open or create another scenario to compare with"}>
              <input
                type="radio"
                name="doc-kind"
                checked={kind === "memo"}
                disabled={baselines.length === 0}
                onChange={() => setKind("memo")}
                data-testid="doc-kind-memo"
              />{" "}
              Comparison memo against
              <select
                value={baselineKey}
                disabled={kind !== "memo"}
                onChange={(e) => setBaselineKey(e.target.value)}
                aria-label="Baseline scenario"
                data-testid="doc-baseline"
              >
                {baselines.map((b) => (
                  <option key={b.key} value={b.key}>
                    {b.label}
                  </option>
                ))}
              </select>
            </label>
          </fieldset>
          <fieldset>
            <legend>Format</legend>
            <label>
              <input
                type="radio"
                name="doc-format"
                checked={format === "pdf"}
                onChange={() => setFormat("pdf")}
                data-testid="doc-format-pdf"
              />{" "}
              PDF
            </label>
            <label>
              <input
                type="radio"
                name="doc-format"
                checked={format === "docx"}
                onChange={() => setFormat("docx")}
                data-testid="doc-format-docx"
              />{" "}
              Word (.docx)
            </label>
          </fieldset>
          <div className="doc-export-actions">
            <button
              type="button"
              onClick={() => void exportNow()}
              disabled={!preview.doc || status.kind === "busy"}
              aria-busy={status.kind === "busy"}
              data-testid="doc-export-save"
            >
              Export…
            </button>
            <button type="button" onClick={onClose}>
              Cancel
            </button>
          </div>
          <div className={`doc-export-status${status.kind === "error" ? " error" : ""}`} role="status" data-testid="doc-export-status">
            {status.text}
          </div>
        </div>
        {/* A scroll region keyboard users can reach and scroll (WCAG 2.1.1). */}
        <div className="doc-export-preview" data-testid="doc-export-preview" tabIndex={0} role="region" aria-label="Document preview">
          {preview.doc ? (
            <DocumentPreview doc={preview.doc} />
          ) : (
            <p className="doc-export-status error">The document cannot be made: {preview.error}</p>
          )}
        </div>
      </div>
    </div>
  );
}
