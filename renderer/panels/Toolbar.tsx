/** The toolbar: file commands (the browser build has no native menu), undo/redo, recent files. */
import { useEffect, useRef, useState } from "react";
import type { FileHandle } from "../../electron/ipc/contract";
import { useApp } from "../state/context";
import { activeEntry } from "../state/store";

export interface ToolbarActions {
  newScenario: () => void;
  newAgreement: () => void;
  open: () => void;
  save: () => void;
  saveAs: () => void;
  recent: () => Promise<FileHandle[]>;
  openRecent: (token: string) => void;
  exportXlsx: () => void;
  exportXlsxComparison: () => void;
  exportCsv: () => void;
  exportDocument: () => void;
  importAssumptions: () => void;
  importCensus: () => void;
}

export function Toolbar({ actions }: { actions: ToolbarActions }) {
  const { state, dispatch } = useApp();
  const entry = activeEntry(state);
  const [recent, setRecent] = useState<FileHandle[] | null>(null);
  const recentButton = useRef<HTMLButtonElement | null>(null);
  const menuRef = useRef<HTMLUListElement | null>(null);
  // The ARIA menu pattern: focus moves into the menu on open; arrows, Home/End move; Escape or Tab closes it.
  useEffect(() => {
    if (recent) menuRef.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
  }, [recent]);
  const closeRecent = (focusButton: boolean) => {
    setRecent(null);
    if (focusButton) recentButton.current?.focus();
  };
  const onMenuKey = (e: React.KeyboardEvent<HTMLUListElement>) => {
    const items = [...(menuRef.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const at = items.indexOf(document.activeElement as HTMLElement);
    const go = (i: number) => items[(i + items.length) % items.length]?.focus();
    if (e.key === "Escape") closeRecent(true);
    else if (e.key === "ArrowDown") go(at + 1);
    else if (e.key === "ArrowUp") go(at - 1);
    else if (e.key === "Home") go(0);
    else if (e.key === "End") go(items.length - 1);
    else if (e.key === "Tab") return setRecent(null);
    else return;
    e.preventDefault();
  };
  return (
    <div className="toolbar" role="toolbar" aria-label="File and edit">
      <button type="button" data-testid="file-new" onClick={actions.newScenario} title="New scenario (a copy of FIS as published)">
        New
      </button>
      <button
        type="button"
        data-testid="file-new-agreement"
        onClick={actions.newAgreement}
        aria-haspopup="dialog"
        title="Start a new agreement from a fiscal-note template"
      >
        New agreement…
      </button>
      <button type="button" data-testid="file-open" onClick={actions.open} title="Open a scenario file (.json)">
        Open…
      </button>
      <div className="recent">
        <button
          type="button"
          ref={recentButton}
          data-testid="file-recent"
          onClick={async () => setRecent(recent ? null : await actions.recent())}
          onKeyDown={async (e) => {
            if (e.key === "ArrowDown" && !recent) {
              e.preventDefault();
              setRecent(await actions.recent());
            }
          }}
          aria-haspopup="menu"
          aria-expanded={recent !== null}
          aria-controls={recent ? "recent-menu" : undefined}
        >
          Recent <span aria-hidden="true">▾</span>
        </button>
        {recent && (
          <ul
            className="menu"
            role="menu"
            id="recent-menu"
            aria-label="Recent files"
            ref={menuRef}
            onKeyDown={onMenuKey}
            data-testid="recent-menu"
          >
            {recent.length === 0 && (
              <li role="none">
                <button type="button" role="menuitem" aria-disabled="true" className="muted" onClick={() => closeRecent(true)}>
                  No recent files
                </button>
              </li>
            )}
            {recent.map((f) => (
              <li key={f.token} role="none">
                <button
                  type="button"
                  role="menuitem"
                  tabIndex={-1}
                  onClick={() => {
                    closeRecent(true);
                    actions.openRecent(f.token);
                  }}
                >
                  {f.name}
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
      <button
        type="button"
        data-testid="file-save"
        onClick={actions.save}
        title={entry.builtIn ? "Save a copy of this built-in to a file" : "Save (Ctrl+S)"}
      >
        Save
      </button>
      <button type="button" data-testid="file-save-as" onClick={actions.saveAs}>
        Save As…
      </button>
      <span className="sep" />
      <button
        type="button"
        data-testid="undo"
        onClick={() => dispatch({ type: "undo" })}
        disabled={entry.past.length === 0}
        title="Undo (Ctrl+Z)"
      >
        Undo
      </button>
      <button
        type="button"
        data-testid="redo"
        onClick={() => dispatch({ type: "redo" })}
        disabled={entry.future.length === 0}
        title="Redo (Ctrl+Y)"
      >
        Redo
      </button>
      <span className="sep" />
      <button
        type="button"
        data-testid="export-xlsx"
        onClick={actions.exportXlsx}
        title="Export this scenario to an Excel workbook (its Inputs, Calculation and Cost Table)"
      >
        Export Excel
      </button>
      <button type="button" data-testid="export-csv" onClick={actions.exportCsv} title="Export this table as CSV">
        Export CSV
      </button>
      <button
        type="button"
        data-testid="export-document"
        onClick={actions.exportDocument}
        title="Export the fiscal impact statement (or a comparison memo) as Word or PDF, with a preview"
      >
        Export FIS…
      </button>
      <button
        type="button"
        data-testid="import-assumptions"
        onClick={actions.importAssumptions}
        title="Import assumptions from a spreadsheet into this scenario"
      >
        Import assumptions…
      </button>
      <button
        type="button"
        data-testid="import-census"
        onClick={actions.importCensus}
        disabled={state.censusImport !== null}
        aria-busy={state.censusImport !== null}
        title={
          state.censusImport
            ? `Importing "${state.censusImport.fileName}"…`
            : "Import a census (headcount by schedule, lane and step) for the schedule method"
        }
      >
        Import census…
      </button>
    </div>
  );
}
