/** The toolbar: file commands (the browser build has no native menu), undo/redo, recent files. */
import { useState } from "react";
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
  exportCsv: () => void;
  importAssumptions: () => void;
  importCensus: () => void;
}

export function Toolbar({ actions }: { actions: ToolbarActions }) {
  const { state, dispatch } = useApp();
  const entry = activeEntry(state);
  const [recent, setRecent] = useState<FileHandle[] | null>(null);
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
          data-testid="file-recent"
          onClick={async () => setRecent(recent ? null : await actions.recent())}
          aria-expanded={recent !== null}
        >
          Recent ▾
        </button>
        {recent && (
          <ul className="menu" role="menu">
            {recent.length === 0 && <li className="muted">No recent files</li>}
            {recent.map((f) => (
              <li key={f.token}>
                <button
                  type="button"
                  role="menuitem"
                  onClick={() => {
                    setRecent(null);
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
      <button type="button" data-testid="export-xlsx" onClick={actions.exportXlsx} title="Export the scenarios to an Excel workbook">
        Export Excel
      </button>
      <button type="button" data-testid="export-csv" onClick={actions.exportCsv} title="Export this table as CSV">
        Export CSV
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
