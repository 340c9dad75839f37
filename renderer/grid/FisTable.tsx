/**
 * Screen 1: the Fiscal Impact Statement table in the CFO's layout. Row id = line id, column id =
 * "FY2025".."Total" (computed), "FY2025:published", "FY2025:variance" for the optional columns, so
 * tests and the explain panel can address any cell. The same component, `compact`, sits above the
 * inputs grid on the Inputs screen so an edit shows in the table at once.
 *
 * It fits: the line labels are pinned on the left as row headers, every amount column is sized to
 * its widest formatted value, and the label column takes what is left (wrapping, never cut) down
 * to a floor; past that the amounts scroll sideways inside the grid under the pinned labels.
 *
 * An edit must reach the screen within a frame or two, so a re-render hands AG Grid only what
 * changed: a row object is reused while its displayed values are the same (AG Grid then leaves
 * that row alone), column defs are rebuilt only when the columns themselves change, every
 * object-valued grid option is a constant, and columns are re-measured only when the longest text
 * of some column changed.
 */
import type {
  CellClassParams,
  CellClickedEvent,
  CellFocusedEvent,
  ColDef,
  ColGroupDef,
  GetRowIdParams,
  GridApi,
  RowClassRules,
} from "ag-grid-community";
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import { Decimal } from "../../model/engine/decimal";
import type { TableResult } from "../../model/engine/compute";
import { publishedVariance } from "../../model/engine/analysis/published-check";
import {
  amountInWords,
  changeText,
  columnLabelOf,
  cellText,
  unitNoun,
  unitWords,
  unitsOfResult,
  type DisplayUnits,
} from "../format/number";
import type { ChangedCells } from "../state/changes";
import { gridTheme } from "./ag-setup";
import { applyRows } from "./apply-rows";
import { GRID_HOST_STYLE, useAgGrid } from "./use-ag-grid";
import { applyColumnWidths, measureColumnWidths } from "./measure-columns";
import { PlainHeader } from "./plain-header";
import { tabOutOfGrid, useGridA11y } from "./grid-a11y";
import { rowsFor, type FisRow } from "./fis-rows";

export type { FisRow };

export interface FisTableProps {
  result: TableResult;
  showComputed: boolean;
  showPublished: boolean;
  showVariance: boolean;
  selected: { line: string; column: string } | null;
  onSelect: (line: string, column: string) => void;
  /** Cells moved by the last edit: a lasting ▲/▼ marker until the next edit. */
  changed?: ChangedCells;
  /** The smaller copy on the Inputs screen: shorter rows, own test id. */
  compact?: boolean;
}

const rowId = (row: FisRow) => row.id;
const getRowId = (p: GetRowIdParams<FisRow>) => rowId(p.data);
const ROW_CLASS_RULES: RowClassRules<FisRow> = {
  "row-total": (p) => p.data?.style === "total",
  "row-derived": (p) => p.data !== undefined && p.data.kind !== "cost" && p.data.style !== "total",
};
const DEFAULT_COL_DEF: ColDef<FisRow> = {
  sortable: false,
  resizable: true,
  suppressHeaderMenuButton: true,
  suppressMovable: true,
  headerComponent: PlainHeader,
};
const SIZES = { normal: { row: 30, header: 34 }, compact: { row: 26, header: 30 } };
/** The label column never gets narrower than this; below it the amounts scroll under it. */
const LABEL_MIN = 130;

/** The longest shown text per column: when it is unchanged, so are the column widths. */
function widthSignature(rows: FisRow[], columns: string[], units: DisplayUnits): string {
  return columns.map((c) => rows.reduce((m, r) => Math.max(m, cellText(r.display[c]!, units).length), 0)).join(",");
}

export function FisTable({
  result,
  showComputed,
  showPublished,
  showVariance,
  selected,
  onSelect,
  changed,
  compact = false,
}: FisTableProps) {
  const previousRows = useRef(new Map<string, FisRow>());
  const rows = useMemo<FisRow[]>(() => {
    const next = rowsFor(result, previousRows.current);
    previousRows.current = new Map(next.map((r) => [r.id, r]));
    return next;
  }, [result]);
  const rowsRef = useRef(rows);
  rowsRef.current = rows;
  const [firstRows] = useState(rows);
  /** The rows the grid shows (the first ones, then each set handed to it). */
  const applied = useRef(firstRows);
  const onSelectRef = useRef(onSelect);
  onSelectRef.current = onSelect;
  const size = compact ? SIZES.compact : SIZES.normal;
  const units = unitsOfResult(result);
  const unitsRef = useRef(units);
  unitsRef.current = units;
  // A new array per recompute, the same column keys almost always.
  const columnKey = result.columns.join(",");
  const labelsKey = result.columns.map((c) => columnLabelOf(result, c)).join("|");
  const unitKey = `${units.scale}:${units.decimals}`;
  const publishedFigures = result.published;
  const publishedOf = (line: string, column: string) => publishedFigures?.values[line]?.[column];

  // Selection and change markers are read through refs and repainted with refreshCells, so
  // clicking a cell does not rebuild the columns (which would drop widths the user has resized).
  const selectedRef = useRef(selected);
  selectedRef.current = selected;
  const changedRef = useRef(changed);
  changedRef.current = changed;
  const boxRef = useRef<HTMLDivElement | null>(null);
  const gridHost = useRef<HTMLDivElement | null>(null);
  // Set below once the grid exists; the callbacks in between read it when they run.
  const apiRef = useRef<GridApi<FisRow> | null>(null);
  const columnDefs = useMemo<(ColDef<FisRow> | ColGroupDef<FisRow>)[]>(() => {
    const u = unitsRef.current;
    const labels = labelsKey.split("|");
    const isSelected = (p: CellClassParams<FisRow>, column: string) => {
      const sel = selectedRef.current;
      return sel !== null && p.data?.id === sel.line && sel.column === column;
    };
    const moved = (p: { data?: FisRow | undefined }, column: string) =>
      p.data ? changedRef.current?.get(`${p.data.id}|${column}`) : undefined;
    const yearCols = columnKey.split(",").map((column, i): ColDef<FisRow> | ColGroupDef<FisRow> => {
      const label = labels[i] ?? column;
      const computed: ColDef<FisRow> = {
        colId: column,
        headerName: showPublished || showVariance ? "Model" : label,
        headerTooltip: `${label}: computed by the model from the scenario's inputs, ${unitWords(u)}`,
        // Rows and columns change together when another scenario (other fiscal years) becomes active;
        // for a moment the grid may pair a new row with an old column, which it then shows blank.
        valueGetter: (p) => {
          const d = p.data?.display[column];
          return d ? cellText(d, u) : "";
        },
        cellClass: "num",
        cellClassRules: {
          "cell-selected": (p) => isSelected(p, column),
          "cell-negative": (p) => p.data?.display[column]?.isNegative() ?? false,
          "cell-up": (p) => moved(p, column)?.direction === "up",
          "cell-down": (p) => moved(p, column)?.direction === "down",
        },
        tooltipValueGetter: (p) => {
          const m = moved(p, column);
          const why = m ? `${m.direction === "up" ? "▲ Up" : "▼ Down"} ${amountInWords(m.by.abs(), u)} with the last edit. ` : "";
          return `${why}Click (or focus) to see where this number comes from`;
        },
        // A recomputed value flashes; the ▲/▼ marker stays until the next edit.
        enableCellChangeFlash: true,
      };
      const published: ColDef<FisRow> = {
        colId: `${column}:published`,
        headerName: "Published",
        headerTooltip: `${label}: ${publishedFigures ? `published in ${publishedFigures.source}` : "published figures"}, ${unitWords(u)}`,
        valueGetter: (p) => {
          const v = p.data ? publishedOf(p.data.id, column) : undefined;
          return v === undefined ? "" : cellText(new Decimal(v), u);
        },
        cellClass: "num published",
      };
      const variance: ColDef<FisRow> = {
        colId: `${column}:variance`,
        headerName: "Variance",
        headerTooltip: `${label}: variance, computed − published, ${unitWords(u)}`,
        valueGetter: (p) => {
          const v = p.data ? publishedOf(p.data.id, column) : undefined;
          const d = p.data?.display[column];
          return v === undefined || !d ? "" : changeText(publishedVariance(d, v), u);
        },
        cellClass: "num variance",
        cellClassRules: {
          "variance-off": (p) => {
            const v = p.data ? publishedOf(p.data.id, column) : undefined;
            const d = p.data?.display[column];
            return v !== undefined && !!d && !publishedVariance(d, v).isZero();
          },
        },
      };
      const parts = [
        ...(showComputed || (!showPublished && !showVariance) ? [computed] : []),
        ...(showPublished ? [published] : []),
        ...(showVariance ? [variance] : []),
      ];
      return parts.length === 1 ? { ...parts[0]!, headerName: label } : { groupId: `group:${column}`, headerName: label, children: parts };
    });
    return [
      {
        colId: "label",
        headerName: unitWords(u),
        field: "label",
        pinned: "left",
        lockPinned: true,
        cellAriaRole: "rowheader",
        wrapText: true,
        autoHeight: true,
        tooltipValueGetter: (p) => p.data?.note ?? p.data?.label,
        cellClass: "line-label",
      },
      ...yearCols,
    ];
    // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed by what the columns show, not by the result object
  }, [columnKey, labelsKey, unitKey, publishedFigures, showComputed, showPublished, showVariance]);

  /** Amounts at their widest text; the label column gets the rest of the width, wrapping if it must. */
  const fitted = useRef({ width: -1, columns: "" });
  const fit = useCallback((force = true) => {
    const a = apiRef.current;
    const box = boxRef.current;
    // A hidden screen (KeptScreen) has no width to fit to; it is fitted when it shows.
    if (!a || a.isDestroyed() || !box || box.clientWidth === 0) return;
    // Only a new width or a new set of columns needs measuring again: sizing columns moves the
    // grid's height (a scrollbar comes or goes) and AG Grid reports that as a size change too.
    const columns = a
      .getAllDisplayedColumns()
      .map((c) => c.getColId())
      .join(",");
    if (!force && fitted.current.width === box.clientWidth && fitted.current.columns === columns) return;
    fitted.current = { width: box.clientWidth, columns };
    const widths = measureColumnWidths(a, box);
    const label = a.getColumn("label");
    if (!label) return;
    const natural = widths.get("label") ?? label.getActualWidth();
    const amounts = a
      .getAllDisplayedColumns()
      .filter((c) => c !== label)
      .reduce((s, c) => s + (widths.get(c.getColId()) ?? c.getActualWidth()), 0);
    const available = box.clientWidth - 4;
    // Where the amounts fit, the labels get the rest; where they scroll anyway, labels keep a third.
    const rest = available - amounts;
    const width = rest >= natural ? natural : Math.max(LABEL_MIN, Math.min(natural, Math.max(rest, Math.round(available * 0.3))));
    widths.set("label", width);
    // One call for every column; wrapped labels re-measure their rows themselves (autoHeight).
    applyColumnWidths(a, widths);
  }, []);

  const onCellClicked = useCallback((e: CellClickedEvent<FisRow>) => {
    const col = e.column.getColId();
    if (e.data && col !== "label") onSelectRef.current(e.data.id, col.split(":")[0]!);
  }, []);
  const onCellFocused = useCallback((e: CellFocusedEvent<FisRow>) => {
    // Keyboard users get the same explain panel as mouse users.
    if (e.rowIndex == null || typeof e.column !== "object" || e.column === null) return;
    const col = e.column.getColId();
    const row = rowsRef.current[e.rowIndex];
    if (row && col !== "label") onSelectRef.current(row.id, col.split(":")[0]!);
  }, []);

  // AG Grid's own grid, not <AgGridReact> (use-ag-grid.ts): its cells are plain DOM. Every option but
  // the live ones is read once, so the handlers read what changes through refs (or are stable).
  const api = useAgGrid<FisRow>(
    gridHost,
    () => ({
      theme: gridTheme,
      rowData: firstRows,
      getRowId,
      rowClassRules: ROW_CLASS_RULES,
      domLayout: "autoHeight",
      autoSizePadding: 6,
      ensureDomOrder: true,
      suppressColumnVirtualisation: true,
      suppressMovableColumns: true,
      defaultColDef: DEFAULT_COL_DEF,
      tooltipShowDelay: 600,
      tabToNextCell: tabOutOfGrid,
      tabToNextHeader: tabOutOfGrid,
      onCellClicked,
      onCellFocused,
      onGridSizeChanged: () => fit(false),
      onDisplayedColumnsChanged: () => requestAnimationFrame(() => fit(false)),
    }),
    // Live: the columns, and the sizes should a table switch between compact and normal.
    { columnDefs, rowHeight: size.row, headerHeight: size.header },
  );
  apiRef.current = api;

  // New rows reach the grid from a layout effect, so a table shown by a click never paints its old figures
  // for a frame: what a layout effect changes is drawn before the paint.
  useLayoutEffect(() => {
    if (!api || api.isDestroyed() || applied.current === rows) return;
    applyRows(api, applied.current, rows, rowId);
    applied.current = rows;
  }, [api, rows]);

  // The cells marked (selected, moved) when the markers were last painted: only they and the newly
  // marked ones can change class, so only they are refreshed (all 50-odd cells took about 2 ms an edit).
  const marked = useRef(new Set<string>());
  useLayoutEffect(() => {
    const a = apiRef.current;
    const now = new Set<string>(changed?.keys() ?? []);
    if (selected) now.add(`${selected.line}|${selected.column}`);
    const before = marked.current;
    marked.current = now;
    if (!a || a.isDestroyed()) return;
    const lines = new Set<string>();
    const columns = new Set<string>();
    for (const key of [...before, ...now]) {
      const [line, column] = key.split("|") as [string, string];
      lines.add(line);
      columns.add(column);
    }
    const rowNodes = [...lines].flatMap((id) => a.getRowNode(id) ?? []);
    const shown = columns.size ? [...columns].filter((c) => a.getColumn(c)) : [];
    if (rowNodes.length === 0 || shown.length === 0) return;
    // Not forced: AG Grid re-runs the class rules of every cell it refreshes, and a forced refresh would
    // write each moved figure's text a second time in the same task (applyRows has just written it).
    a.refreshCells({ rowNodes, columns: shown, suppressFlash: true });
  }, [selected, changed, api]);

  const signature = useMemo(
    () => `${columnKey}|${labelsKey}|${widthSignature(rows, result.columns, units)}`,
    [rows, columnKey, labelsKey, result.columns, units],
  );
  const lastFit = useRef("");
  useEffect(() => {
    if (!api || lastFit.current === signature) return;
    lastFit.current = signature;
    const frame = requestAnimationFrame(() => fit());
    return () => cancelAnimationFrame(frame);
  }, [api, signature, fit]);
  useEffect(() => {
    // Columns shown or hidden: measure again once AG Grid has drawn them.
    lastFit.current = "";
  }, [columnDefs]);

  useGridA11y(boxRef, api, {
    label: `${compact ? "Live fiscal impact table" : "Fiscal impact table"}, ${result.scenarioName}, ${unitWords(units)}`,
    readOnly: true,
  });

  return (
    <div
      ref={boxRef}
      className={compact ? "fis-grid fis-grid-compact" : "fis-grid"}
      data-testid={compact ? "inputs-fis-grid" : "fis-grid"}
      style={{ ["--unit-noun" as string]: JSON.stringify(unitNoun(units)) }}
    >
      <div ref={gridHost} style={GRID_HOST_STYLE} />
    </div>
  );
}
