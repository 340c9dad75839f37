/**
 * The message bar: a census import under way (it runs in a worker, so the page stays usable), then
 * the last notice (errors stay until dismissed or replaced).
 */
import { useEffect } from "react";
import { useApp } from "../state/context";
import { announce } from "./LiveRegions";

const megabytes = (bytes: number) => (bytes / 1_000_000 >= 10 ? (bytes / 1_000_000).toFixed(0) : (bytes / 1_000_000).toFixed(1));

export function MessageBar() {
  const { state } = useApp();
  const importing = state.censusImport;
  return (
    <>
      {importing && (
        <div className="notice notice-info notice-busy" data-testid="census-importing">
          Importing census… ({megabytes(importing.bytes)} MB, &ldquo;{importing.fileName}&rdquo;)
        </div>
      )}
      <Notice />
    </>
  );
}

function Notice() {
  const { state, dispatch } = useApp();
  const n = state.notice;
  // Said through the app's live regions, which exist before any message does (a region created
  // together with its message may not be read).
  useEffect(() => {
    if (n) announce(n.text, n.kind === "error" ? "assertive" : "polite");
  }, [n]);
  useEffect(() => {
    if (state.censusImport) announce(`Importing census "${state.censusImport.fileName}"…`);
  }, [state.censusImport]);
  if (!n) return null;
  return (
    <div className={`notice notice-${n.kind}`} data-testid="message-bar">
      <span data-testid="message-text">{n.text}</span>
      {n.details && (
        <ul data-testid="message-details">
          {n.details.map((d, i) => (
            <li key={i}>{d}</li>
          ))}
        </ul>
      )}
      {n.confirm && (
        <span className="notice-actions">
          <button type="button" data-testid="message-confirm" onClick={() => dispatch(n.confirm!.action)}>
            {n.confirm.label}
          </button>
          <button type="button" data-testid="message-cancel" onClick={() => dispatch({ type: "notice", notice: null })}>
            Cancel
          </button>
        </span>
      )}
      <button
        type="button"
        className="close"
        aria-label="Dismiss the message"
        onClick={() => {
          dispatch({ type: "notice", notice: null });
          // The button goes away with the message: focus moves to the main area, not the page body.
          document.getElementById("main")?.focus();
        }}
      >
        ×
      </button>
    </div>
  );
}
