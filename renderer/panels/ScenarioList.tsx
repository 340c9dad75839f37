/**
 * Sidebar: the scenarios, with Duplicate (a copy of the active one, built-ins included), Rename and
 * Delete (not the built-ins). "New" is the toolbar's alone: two New buttons doing different things confused.
 */
import { useEffect, useRef, useState } from "react";
import { useApp } from "../state/context";

export function ScenarioList() {
  const { state, dispatch } = useApp();
  const [renaming, setRenaming] = useState<string | null>(null);
  const [draft, setDraft] = useState("");
  const [confirmDelete, setConfirmDelete] = useState<string | null>(null);
  const active = state.entries.find((e) => e.key === state.activeKey);
  const listRef = useRef<HTMLUListElement | null>(null);
  // After rename, delete or Escape the control the user was on is gone: focus the active scenario.
  const [focusActive, setFocusActive] = useState(0);
  useEffect(() => {
    if (focusActive) listRef.current?.querySelector<HTMLElement>(`[data-key="${state.activeKey}"]`)?.focus();
  }, [focusActive, state.activeKey]);
  const refocus = () => setFocusActive((n) => n + 1);

  return (
    <nav className="scenarios" id="scenario-sidebar" aria-labelledby="scenarios-heading" data-testid="scenario-list">
      <h2 id="scenarios-heading">Scenarios</h2>
      <ul ref={listRef}>
        {state.entries.map((e) => (
          <li key={e.key} className={e.key === state.activeKey ? "active" : ""}>
            {renaming === e.key ? (
              <input
                autoFocus
                aria-label="Scenario name"
                data-testid="rename-input"
                value={draft}
                onChange={(ev) => setDraft(ev.target.value)}
                onKeyDown={(ev) => {
                  if (ev.key === "Enter") {
                    dispatch({ type: "rename", key: e.key, name: draft });
                    setRenaming(null);
                    refocus();
                  } else if (ev.key === "Escape") {
                    setRenaming(null);
                    refocus();
                  }
                }}
                onBlur={() => setRenaming(null)}
              />
            ) : (
              <button
                type="button"
                className="scenario-name"
                data-testid="scenario-item"
                data-key={e.key}
                aria-current={e.key === state.activeKey ? "true" : undefined}
                onClick={() => dispatch({ type: "select", key: e.key })}
                title={e.builtIn ? "Built-in, read-only" : e.file ? `File: ${e.file.name}` : "Not saved to a file yet"}
              >
                {e.scenario.name}
                {e.key === state.activeKey && <span className="sr-only"> (active)</span>}
                {e.builtIn && <span className="badge">built-in</span>}
                {e.dirty && !e.builtIn && (
                  <span className="dirty" title="Unsaved changes">
                    {" "}
                    <span aria-hidden="true">•</span>
                    <span className="sr-only">(unsaved changes)</span>
                  </span>
                )}
              </button>
            )}
          </li>
        ))}
      </ul>
      <div className="scenario-actions">
        <button
          type="button"
          data-testid="scenario-duplicate"
          title="A copy of the active scenario"
          onClick={() => dispatch({ type: "newFrom", key: state.activeKey })}
        >
          Duplicate
        </button>
        <button
          type="button"
          data-testid="scenario-rename"
          disabled={!active || active.builtIn}
          title={active?.builtIn ? "Built-in scenarios cannot be renamed" : "Rename the active scenario"}
          onClick={() => {
            if (!active) return;
            setDraft(active.scenario.name);
            setRenaming(active.key);
          }}
        >
          Rename
        </button>
        <button
          type="button"
          data-testid="scenario-delete"
          className={confirmDelete === state.activeKey ? "danger" : ""}
          disabled={!active || active.builtIn}
          title={active?.builtIn ? "Built-in scenarios cannot be deleted" : "Delete the active scenario"}
          onClick={() => {
            if (!active) return;
            if (confirmDelete === active.key) {
              dispatch({ type: "delete", key: active.key });
              setConfirmDelete(null);
              refocus();
            } else setConfirmDelete(active.key);
          }}
          onBlur={() => setConfirmDelete(null)}
        >
          {confirmDelete === state.activeKey ? "Click again to delete" : "Delete"}
        </button>
      </div>
    </nav>
  );
}
