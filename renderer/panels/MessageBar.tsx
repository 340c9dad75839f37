/** The message bar: the last notice (errors stay until dismissed or replaced). */
import { useApp } from "../state/context";

export function MessageBar() {
  const { state, dispatch } = useApp();
  const n = state.notice;
  if (!n) return null;
  return (
    <div className={`notice notice-${n.kind}`} role={n.kind === "error" ? "alert" : "status"} data-testid="message-bar">
      <span data-testid="message-text">{n.text}</span>
      {n.details && (
        <ul data-testid="message-details">
          {n.details.map((d, i) => (
            <li key={i}>{d}</li>
          ))}
        </ul>
      )}
      <button type="button" className="close" aria-label="Dismiss" onClick={() => dispatch({ type: "notice", notice: null })}>
        ×
      </button>
    </div>
  );
}
