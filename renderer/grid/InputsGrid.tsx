/**
 * Screen 2: every input of the active scenario, by section. Only the value column is editable;
 * edits go to the store (the value column's setter), which parses them by unit, checks the scenario and either
 * applies them (one undo step) or marks the cell red with the reason.
 */
import type { CellFocusedEvent, ColDef, GetRowIdParams, GridApi, RowClassRules, ValueSetterParams } from "ag-grid-community";
import { AgGridReact } from "ag-grid-react";
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import type { InputEntry } from "../../model/engine/scenario/paths";
import { listInputs } from "../../model/engine/scenario/paths";
import { listSettings, type SettingEntry, type SettingKind } from "../../model/engine/scenario/settings";
import type { Scenario } from "../../model/engine/scenario/types";
import { inputText } from "../format/money";
import { unitName } from "../format/number";
import { describeUnit } from "../format/parse-number";
import type { CellError } from "../state/store";
import { gridTheme } from "./ag-setup";
import { applyRows } from "./apply-rows";
import { tabOutOfGrid, useGridA11y } from "./grid-a11y";
import { pastedColumn } from "./paste";
import { RangeDialogHost } from "../analysis/RangeDialog";
import { rangeColumn } from "./range-column";

export interface InputRow {
  path: string;
  section: string;
  firstInSection: boolean;
  owner: string;
  label: string;
  value: string;
  /** The formula the value was typed as ("=105000*1.01"), or "". */
  formula: string;
  unit: string;
  unitRaw: InputEntry["unit"];
  sourceKind: string;
  source: string;
  calibrated: boolean;
  baseline: string;
  edited: boolean;
  error?: CellError;
  /** A setting (where replacements enter, the step date): its value is text checked by its own rule, not a number in a unit. */
  setting?: SettingKind;
  /** A setting's allowed values in words; a choice's options, one per line. */
  allowed?: string;
  choices?: string;
}

function sourceText(e: Pick<InputEntry["param"], "source" | "stated">): string {
  const s = e.source;
  if (s.kind === "calibrated") return `CALIBRATED${e.stated ? ` (stated ${e.stated})` : ""}: ${s.note ?? ""}`;
  if (s.kind === "assumed") return `ASSUMED: ${[s.ref, s.note].filter(Boolean).join(" · ")}`;
  // The kind in words, left out where the reference already says it ("FIS p.1", not "fis · FIS p.1"),
  // and an edit's reference where the kind does ("edited by you · was 3%, Art. 36.2.1", not "… · edited · …").
  const kind = s.kind === "user" ? "edited by you" : SOURCE_WORDS[s.kind];
  const said = s.ref && kind && s.ref.toLowerCase().startsWith(kind.toLowerCase());
  const ref = s.kind === "user" && s.ref === "edited" ? undefined : s.ref;
  return [said ? undefined : kind, ref, s.note].filter(Boolean).join(" · ");
}

const SOURCE_WORDS: Record<string, string> = { fis: "FIS", contract: "Contract", document: "Document", derived: "Derived" };

export function inputRows(scenario: Scenario, baseline: Scenario, errors: (path: string) => CellError | undefined): InputRow[] {
  const base = new Map(listInputs(baseline).map((e) => [e.path, e.param]));
  let lastSection = "";
  const rows = listInputs(scenario).map((e) => {
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
      formula: e.param.formula ?? "",
      unit: e.unit,
      unitRaw: e.unit,
      sourceKind: e.param.source.kind,
      source: sourceText(e.param),
      calibrated: e.param.source.kind === "calibrated",
      baseline: b ? b.value : "",
      edited: b ? b.value !== e.param.value : true,
      ...(error ? { error } : {}),
    };
    lastSection = section;
    return row;
  });
  return [...rows, ...settingRows(scenario, baseline, errors, lastSection)];
}

/** The settings after the inputs, in the schedule method's section (after the separation rate and the held share). */
function settingRows(scenario: Scenario, baseline: Scenario, errors: (path: string) => CellError | undefined, after: string): InputRow[] {
  const base = new Map(listSettings(baseline).map((e) => [e.path, e.value]));
  let lastSection = after;
  return listSettings(scenario).map((e: SettingEntry) => {
    const b = base.get(e.path);
    const error = errors(e.path);
    const row: InputRow = {
      path: e.path,
      section: e.section,
      firstInSection: e.section !== lastSection,
      owner: e.owner,
      label: e.label,
      value: e.value,
      formula: "",
      unit: e.unit,
      // Never read for a setting (its value is shown as written); a count keeps the type honest.
      unitRaw: "count",
      sourceKind: e.source.kind,
      source: sourceText({ source: e.source }),
      calibrated: false,
      baseline: b ?? "",
      edited: b !== e.value,
      ...(error ? { error } : {}),
      setting: e.kind,
      allowed: e.allowed,
      ...(e.choices ? { choices: e.choices.join("\n") } : {}),
    };
    lastSection = e.section;
    return row;
  });
}

/** A value as the grid shows it: a setting as written ("3", "Masters+30", "10-01"), an input in its unit. */
const shownValue = (row: InputRow, value: string) => (row.setting ? value : inputText(value, row.unitRaw));
/** What may be typed, in words. */
const typeWhat = (row: InputRow) => (row.setting ? row.allowed! : describeUnit(row.unitRaw));

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

const rowPath = (row: InputRow) => row.path;
const getRowId = (p: GetRowIdParams<InputRow>) => rowPath(p.data);
// Constants: AG Grid rebuilds every column on a new defaultColDef and restyles every row on new rowClassRules.
const ROW_CLASS_RULES: RowClassRules<InputRow> = {
  "row-section-start": (p) => !!p.data?.firstInSection,
  // An input a new agreement still needs (its value is empty).
  "row-to-fill": (p) => p.data?.value === "",
};
const DEFAULT_COL_DEF: ColDef<InputRow> = { sortable: false, resizable: true, suppressHeaderMenuButton: true };
/** Long text wraps onto more lines (the row grows) instead of being cut off. */
const WRAP: Partial<ColDef<InputRow>> = { wrapText: true, autoHeight: true, cellClass: "wrap-cell" };

/**
 * A source is shown in at most three lines (a calibration note can run to a paragraph) so rows keep
 * their height as the window narrows; the full text is the cell's title, and under the grid when focused.
 */
function SourceCell({ value }: { value?: string }) {
  return (
    <span className="source-text" title={value}>
      {value}
    </span>
  );
}

const formulaText = (row: InputRow) => (row.formula ? `Formula ${row.formula} = ${inputText(row.value, row.unitRaw)}. ` : "");
const typeHint = (row: InputRow) =>
  row.setting
    ? `${row.setting === "choice" ? "choose one" : "type a new value"}, Enter to apply; a setting, not varied by the analyses. `
    : `type a new value or a formula (=105000*1.01), Enter to apply. `;

/** What a cell's tooltip says, also shown under the grid for the focused cell (keyboard users get no hover). */
function helpText(row: InputRow | undefined): string {
  if (!row) return "";
  if (row.error) return `${row.label}: rejected "${row.error.text}": ${row.error.message}`;
  return `${row.label} (${typeWhat(row)}): ${formulaText(row)}${typeHint(row)}` + `Source: ${row.source}`;
}

/**
 * What the cell editor starts with: the text a rejected edit had (to correct it), else the value's
 * formula, else the value as displayed.
 */
export function editText(row: InputRow): string {
  return row.error ? row.error.text : row.formula || shownValue(row, row.value);
}
const errorId = (path: string) => `input-error-${path.replace(/[^A-Za-z0-9_-]/g, "_")}`;

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
  const [api, setApi] = useState<GridApi<InputRow> | null>(null);
  const [help, setHelp] = useState("");
  const rowsRef = useRef(rows);
  rowsRef.current = rows;
  const [firstRows] = useState(rows);
  /** The rows the grid shows (the first ones, then each set handed to it). */
  const applied = useRef(firstRows);
  // New rows reach the grid from a layout effect (see FisTable): rendered before the paint, not a frame later.
  useLayoutEffect(() => {
    if (!api || api.isDestroyed() || applied.current === rows) return;
    applyRows(api, applied.current, rows, rowPath);
    applied.current = rows;
  }, [api, rows]);
  const focusedPath = useRef<string | null>(null);
  // The focused cell's help follows its row (a rejection arrives after the edit, on the same cell).
  useEffect(() => {
    if (focusedPath.current) setHelp(helpText(rows.find((r) => r.path === focusedPath.current)));
  }, [rows]);
  const errors = rows.filter((r) => r.error);
  useGridA11y(boxRef, api, {
    label: "Inputs of the active scenario",
    readOnly: false,
    decorate: (rowEls) => {
      // A rejected value: aria-invalid on its cell, the reason linked by aria-describedby.
      const byPath = new Map(rowsRef.current.map((r) => [r.path, r]));
      rowEls.forEach((rowEl) => {
        const path = rowEl.getAttribute("row-id") ?? "";
        const row = byPath.get(path);
        const cell = rowEl.querySelector<HTMLElement>('.ag-cell[col-id="value"]');
        if (!cell) return;
        if (row?.error) {
          cell.setAttribute("aria-invalid", "true");
          cell.setAttribute("aria-describedby", errorId(path));
        } else if (cell.hasAttribute("aria-invalid")) {
          cell.removeAttribute("aria-invalid");
          cell.removeAttribute("aria-describedby");
        }
        rowEl.querySelectorAll('.ag-cell:not([col-id="value"])').forEach((c) => c.setAttribute("aria-readonly", "true"));
      });
    },
  });
  const onEditRef = useRef(onEdit);
  onEditRef.current = onEdit;
  // A typed edit that is rejected reopens the editor on its cell holding the typed text, for correction.
  const retry = useRef<{ path: string; text: string } | null>(null);
  const submitRef = useRef((row: InputRow, value: unknown) => {
    const text = value == null ? "" : String(value);
    // Unchanged display text or formula (Enter without typing) is not an edit.
    if (!row.error && (text === shownValue(row, row.value) || (row.formula && text === row.formula))) return;
    retry.current = { path: row.path, text };
    onEditRef.current([{ path: row.path, text }]);
  });
  useEffect(() => {
    const r = retry.current;
    const row = r && rows.find((x) => x.path === r.path);
    if (!r || !row || !api) return;
    retry.current = null;
    if (row.error?.text !== r.text) return;
    const node = api.getRowNode(r.path);
    if (node?.rowIndex == null) return;
    api.ensureNodeVisible(node);
    api.setFocusedCell(node.rowIndex, "value");
    api.startEditingCell({ rowIndex: node.rowIndex, colKey: "value" });
  }, [rows, api]);

  const columnDefs = useMemo<ColDef<InputRow>[]>(
    (): ColDef<InputRow>[] => [
      {
        colId: "section",
        headerName: "Section",
        valueGetter: (p) => (p.data?.firstInSection ? p.data.section : ""),
        width: 110,
        ...WRAP,
        cellClass: "section-cell wrap-cell",
        tooltipField: "section",
      },
      {
        colId: "label",
        headerName: "Input",
        field: "label",
        flex: 2,
        minWidth: 138,
        tooltipField: "label",
        cellAriaRole: "rowheader",
        ...WRAP,
      },
      {
        colId: "value",
        headerName: "Value",
        editable: true,
        // The store owns the value: the typed text goes to it here, in the Enter (or blur) that ends the
        // edit, and the grid's own row data is left alone (false: nothing changed). AG Grid's
        // cellEditRequest would come from a timer after the next frame, so the edit would paint two
        // frames late; here React renders it in the same task (a keydown's update is synchronous).
        valueSetter: (p: ValueSetterParams<InputRow>) => {
          if (p.data) submitRef.current(p.data, p.newValue);
          return false;
        },
        // The editor starts from the value's getter (the formula or the rejected text); the cell shows the formatter's value.
        valueGetter: (p) => (p.data ? editText(p.data) : ""),
        // The lane list's options are formatted with no row: each shows as itself.
        valueFormatter: (p) => (!p.data ? String(p.value ?? "") : p.data.value === "" ? "to fill" : shownValue(p.data, p.data.value)),
        // A lane is chosen from the schedules' lanes; everything else is typed.
        cellEditorSelector: (p) =>
          p.data?.setting === "choice"
            ? { component: "agSelectCellEditor", params: { values: p.data.choices!.split("\n"), valueListMaxWidth: 280 }, popup: false }
            : undefined,
        width: 130,
        cellClass: "num value-cell",
        cellClassRules: {
          "cell-error": (p) => !!p.data?.error,
          "cell-edited": (p) => !!p.data?.edited && !p.data.error,
          "cell-formula": (p) => !!p.data?.formula,
        },
        tooltipValueGetter: (p) =>
          p.data?.error
            ? `Rejected "${p.data.error.text}": ${p.data.error.message}`
            : p.data
              ? p.data.setting
                ? `${p.data.setting === "choice" ? "Choose" : "Type"} ${p.data.allowed}; Enter to apply`
                : `${formulaText(p.data)}Type a new value or a formula (${describeUnit(p.data.unitRaw)}); Enter to apply`
              : "",
      },
      rangeColumn<InputRow>(),
      {
        colId: "unit",
        headerName: "Unit",
        valueGetter: (p) => (p.data ? (p.data.setting ? p.data.unit : unitName(p.data.unitRaw)) : ""),
        width: 104,
        ...WRAP,
      },
      {
        colId: "edited",
        headerName: "Edited",
        valueGetter: (p) => (p.data?.edited ? "● edited" : ""),
        width: 94,
        cellClass: "edited-cell",
      },
      {
        colId: "baseline",
        headerName: "Baseline",
        valueGetter: (p) => (p.data ? shownValue(p.data, p.data.baseline) : ""),
        width: 128,
        cellClass: "num muted",
      },
      {
        colId: "source",
        headerName: "Source",
        field: "source",
        flex: 3,
        minWidth: 180,
        cellRenderer: SourceCell,
        ...WRAP,
        cellClassRules: {
          "source-calibrated": (p) => !!p.data?.calibrated,
          "source-assumed": (p) => p.data?.sourceKind === "assumed",
          "source-user": (p) => p.data?.sourceKind === "user",
        },
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
      <RangeDialogHost />
      {readOnlyHint && (
        <div className="hint">This built-in scenario is read-only: typing a value creates an editable copy automatically.</div>
      )}
      <div className="inputs-grid-body">
        <AgGridReact<InputRow>
          theme={gridTheme}
          rowData={firstRows}
          columnDefs={columnDefs}
          getRowId={getRowId}
          rowClassRules={ROW_CLASS_RULES}
          singleClickEdit={false}
          enterNavigatesVertically
          enterNavigatesVerticallyAfterEdit
          stopEditingWhenCellsLoseFocus
          // AG Grid's default row buffer: only the rows in view and a few around them are in the DOM (10 of ~50 at 1440x900).
          // Rendering all of them made every edit's style, layout and paint walk ~1,300 elements of
          // the inputs grid: the edit took 38.0 against 30.6 ms to paint (median, interleaved).
          rowBuffer={10}
          ensureDomOrder
          suppressColumnVirtualisation
          tooltipShowDelay={300}
          tabToNextCell={tabOutOfGrid}
          tabToNextHeader={tabOutOfGrid}
          defaultColDef={DEFAULT_COL_DEF}
          onGridReady={(e) => {
            apiRef.current = e.api;
            setApi(e.api);
            setReady(true);
          }}
          onCellFocused={(e: CellFocusedEvent<InputRow>) => {
            const row = e.rowIndex == null ? undefined : e.api.getDisplayedRowAtIndex(e.rowIndex)?.data;
            focusedPath.current = row?.path ?? null;
            setHelp(helpText(row));
          }}
        />
      </div>
      <p className="focus-help small" data-testid="input-help" aria-hidden="true">
        {help}
      </p>
      <div className="sr-only">
        {errors.map((r) => (
          <span key={r.path} id={errorId(r.path)}>
            Rejected "{r.error!.text}": {r.error!.message}
          </span>
        ))}
      </div>
    </div>
  );
}
