/**
 * Screen 2: every input of the active scenario, by section. Only the value column is editable;
 * edits go to the store (readOnlyEdit), which parses them by unit, checks the scenario and either
 * applies them (one undo step) or marks the cell red with the reason.
 */
import type { CellEditRequestEvent, ColDef, GetRowIdParams, GridApi, RowClassRules } from "ag-grid-community";
import { AgGridReact } from "ag-grid-react";
import { useEffect, useMemo, useRef, useState } from "react";
import type { InputEntry } from "../../model/engine/scenario/paths";
import { listInputs } from "../../model/engine/scenario/paths";
import type { Scenario } from "../../model/engine/scenario/types";
import { inputText } from "../format/money";
import { describeUnit } from "../format/parse-number";
import type { CellError } from "../state/store";
import { gridTheme } from "./ag-setup";
import { pastedColumn } from "./paste";

export interface InputRow {
  path: string;
  section: string;
  firstInSection: boolean;
  owner: string;
  label: string;
  value: string;
  unit: string;
  unitRaw: InputEntry["unit"];
  sourceKind: string;
  source: string;
  calibrated: boolean;
  baseline: string;
  edited: boolean;
  error?: CellError;
}

function sourceText(e: InputEntry): string {
  const s = e.param.source;
  if (s.kind === "calibrated") return `CALIBRATED${e.param.stated ? ` (stated ${e.param.stated})` : ""}: ${s.note ?? ""}`;
  return [s.kind === "user" ? "edited by you" : s.kind, s.ref, s.note].filter(Boolean).join(" · ");
}

export function inputRows(scenario: Scenario, baseline: Scenario, errors: (path: string) => CellError | undefined): InputRow[] {
  const base = new Map(listInputs(baseline).map((e) => [e.path, e.param]));
  let lastSection = "";
  return listInputs(scenario).map((e) => {
    const b = base.get(e.path);
    const error = errors(e.path);
    // Sections come from the field's owner: a kind module, the groups, the table lines, the schedule method.
    const section = e.section;
    const row: InputRow = {
      path: e.path,
      section,
      firstInSection: section !== lastSection,
      owner: e.owner,
      label: e.param.label,
      value: e.param.value,
      unit: e.unit,
      unitRaw: e.unit,
      sourceKind: e.param.source.kind,
      source: sourceText(e),
      calibrated: e.param.source.kind === "calibrated",
      baseline: b ? b.value : "",
      edited: b ? b.value !== e.param.value : true,
      ...(error ? { error } : {}),
    };
    lastSection = section;
    return row;
  });
}

function sameInputRow(a: InputRow, b: InputRow): boolean {
  const keys = Object.keys(b) as (keyof InputRow)[];
  return keys.length === Object.keys(a).length && keys.every((k) => a[k] === b[k]);
}

/**
 * `next` with every row that shows the same as in `previous` replaced by the previous object: AG
 * Grid (getRowId + immutable rowData) then refreshes only the rows an edit touched, not all of them.
 */
export function reuseUnchangedRows(previous: readonly InputRow[], next: InputRow[]): InputRow[] {
  const old = new Map(previous.map((r) => [r.path, r]));
  return next.map((r) => {
    const o = old.get(r.path);
    return o && sameInputRow(o, r) ? o : r;
  });
}

const getRowId = (p: GetRowIdParams<InputRow>) => p.data.path;
// Constants: AG Grid rebuilds every column on a new defaultColDef and restyles every row on new rowClassRules.
const ROW_CLASS_RULES: RowClassRules<InputRow> = {
  "row-section-start": (p) => !!p.data?.firstInSection,
  // An input a new agreement still needs (its value is empty).
  "row-to-fill": (p) => p.data?.value === "",
};
const DEFAULT_COL_DEF: ColDef<InputRow> = { sortable: false, resizable: true, suppressHeaderMenuButton: true };

export interface InputsGridProps {
  rows: InputRow[];
  readOnlyHint: boolean;
  jump: { path: string; seq: number } | null;
  onEdit: (edits: { path: string; text: string }[]) => void;
}

/** The grid unmounts with its tab; the last handled jump outlives it so a jump is not replayed. */
let lastJumpHandled = 0;

export function InputsGrid({ rows, readOnlyHint, jump, onEdit }: InputsGridProps) {
  const apiRef = useRef<GridApi<InputRow> | null>(null);
  const boxRef = useRef<HTMLDivElement | null>(null);
  const [ready, setReady] = useState(false);
  const onEditRef = useRef(onEdit);
  onEditRef.current = onEdit;

  const columnDefs = useMemo<ColDef<InputRow>[]>(
    (): ColDef<InputRow>[] => [
      {
        colId: "section",
        headerName: "Section",
        valueGetter: (p) => (p.data?.firstInSection ? p.data.section : ""),
        width: 210,
        cellClass: "section-cell",
        tooltipField: "section",
      },
      { colId: "label", headerName: "Input", field: "label", width: 330, tooltipField: "label" },
      {
        colId: "value",
        headerName: "Value",
        editable: true,
        valueGetter: (p) => (p.data ? inputText(p.data.value, p.data.unitRaw) : ""),
        valueFormatter: (p) => (p.data?.value === "" ? "to fill" : String(p.value ?? "")),
        width: 140,
        cellClass: "num value-cell",
        cellClassRules: { "cell-error": (p) => !!p.data?.error, "cell-edited": (p) => !!p.data?.edited && !p.data.error },
        tooltipValueGetter: (p) =>
          p.data?.error
            ? `Rejected "${p.data.error.text}": ${p.data.error.message}`
            : p.data
              ? `Type a new value (${describeUnit(p.data.unitRaw)}); Enter to apply`
              : "",
      },
      { colId: "unit", headerName: "Unit", field: "unit", width: 100 },
      {
        colId: "edited",
        headerName: "Edited",
        valueGetter: (p) => (p.data?.edited ? "● edited" : ""),
        width: 88,
        cellClass: "edited-cell",
      },
      {
        colId: "baseline",
        headerName: "Baseline",
        valueGetter: (p) => (p.data ? inputText(p.data.baseline, p.data.unitRaw) : ""),
        width: 130,
        cellClass: "num muted",
      },
      {
        colId: "source",
        headerName: "Source",
        field: "source",
        flex: 1,
        minWidth: 280,
        tooltipField: "source",
        cellClassRules: { "source-calibrated": (p) => !!p.data?.calibrated, "source-user": (p) => p.data?.sourceKind === "user" },
      },
    ],
    [],
  );

  // Jump requests from the explain panel: scroll, focus and flash the row (once per request).
  useEffect(() => {
    const api = apiRef.current;
    if (!ready || !api || !jump || jump.seq === lastJumpHandled) return;
    const node = api.getRowNode(jump.path);
    if (!node || node.rowIndex == null) return;
    lastJumpHandled = jump.seq;
    api.ensureNodeVisible(node, "middle");
    api.setFocusedCell(node.rowIndex, "value");
    api.flashCells({ rowNodes: [node] });
  }, [jump, ready]);

  // AG Grid Community has no clipboard module: paste a column of values from the focused cell down.
  useEffect(() => {
    const box = boxRef.current;
    if (!box) return;
    const onPaste = (ev: ClipboardEvent) => {
      const api = apiRef.current;
      if (!api || api.getEditingCells().length > 0) return; // the cell editor handles its own paste
      const focused = api.getFocusedCell();
      if (!focused) return;
      const values = pastedColumn(ev.clipboardData?.getData("text/plain") ?? "");
      if (values.length === 0) return;
      ev.preventDefault();
      const edits: { path: string; text: string }[] = [];
      values.forEach((text, i) => {
        const node = api.getDisplayedRowAtIndex(focused.rowIndex + i);
        if (node?.data) edits.push({ path: node.data.path, text });
      });
      onEditRef.current(edits);
    };
    box.addEventListener("paste", onPaste);
    return () => box.removeEventListener("paste", onPaste);
  }, []);

  return (
    <div className="inputs-grid" ref={boxRef} data-testid="inputs-grid">
      {readOnlyHint && (
        <div className="hint">This built-in scenario is read-only: typing a value creates an editable copy automatically.</div>
      )}
      <div className="inputs-grid-body">
        <AgGridReact<InputRow>
          theme={gridTheme}
          rowData={rows}
          columnDefs={columnDefs}
          getRowId={getRowId}
          rowClassRules={ROW_CLASS_RULES}
          readOnlyEdit
          singleClickEdit={false}
          enterNavigatesVertically
          enterNavigatesVerticallyAfterEdit
          stopEditingWhenCellsLoseFocus
          rowBuffer={200}
          suppressColumnVirtualisation
          tooltipShowDelay={300}
          defaultColDef={DEFAULT_COL_DEF}
          onGridReady={(e) => {
            apiRef.current = e.api;
            setReady(true);
          }}
          onCellEditRequest={(e: CellEditRequestEvent<InputRow>) => {
            if (!e.data) return;
            const text = e.newValue == null ? "" : String(e.newValue);
            // Unchanged display text (Enter without typing) is not an edit.
            if (text === inputText(e.data.value, e.data.unitRaw)) return;
            onEditRef.current([{ path: e.data.path, text }]);
          }}
        />
      </div>
    </div>
  );
}
