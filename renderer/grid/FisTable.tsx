/**
 * Screen 1: the Fiscal Impact Statement table in the CFO's layout. Row id = line id, column id =
 * "FY2025".."Total" (computed), "FY2025:published", "FY2025:variance" for the optional columns, so
 * tests and the explain panel can address any cell. The same component, `compact`, sits above the
 * inputs grid on the Inputs screen so an edit shows in the table at once.
 *
 * An edit must reach the screen within a frame or two, so a re-render hands AG Grid only what
 * changed: a row object is reused while its displayed $K values are the same (AG Grid then leaves
 * that row alone), column defs are rebuilt only when the columns themselves change, and every
 * object-valued grid option is a constant (AG Grid treats a new defaultColDef as new columns and a
 * new rowClassRules as a restyle of every row).
 */
import type {
  CellClassParams,
  CellClickedEvent,
  CellFocusedEvent,
  ColDef,
  ColGroupDef,
  GetRowIdParams,
  GridApi,
  GridReadyEvent,
  RowClassRules,
} from "ag-grid-community";
import { AgGridReact } from "ag-grid-react";
import { useCallback, useEffect, useMemo, useRef } from "react";
import { Decimal } from "../../model/engine/decimal";
import type { LineResult, TableResult } from "../../model/engine/compute";
import { thousandsText, varianceText } from "../format/money";
import { gridTheme } from "./ag-setup";

/** What a row shows: labels and each column's display value (the explanation stays in the result). */
export interface FisRow {
  id: string;
  label: string;
  kind: LineResult["kind"];
  style?: LineResult["style"];
  note?: string;
  display: Record<string, Decimal>;
}

export interface FisTableProps {
  result: TableResult;
  showComputed: boolean;
  showPublished: boolean;
  showVariance: boolean;
  selected: { line: string; column: string } | null;
  onSelect: (line: string, column: string) => void;
  /** The smaller copy on the Inputs screen: shorter rows, narrower label column, own test id. */
  compact?: boolean;
}

const getRowId = (p: GetRowIdParams<FisRow>) => p.data.id;
const ROW_CLASS_RULES: RowClassRules<FisRow> = {
  "row-total": (p) => p.data?.style === "total",
  "row-derived": (p) => p.data !== undefined && p.data.kind !== "cost" && p.data.style !== "total",
};
// Column labels come from the scenario ("Fiscal Year (Upon Full Implementation)"): long ones wrap rather than being cut.
const DEFAULT_COL_DEF: ColDef<FisRow> = {
  sortable: false,
  resizable: true,
  suppressHeaderMenuButton: true,
  wrapHeaderText: true,
  autoHeaderHeight: true,
};
const SIZES = { normal: { row: 30, header: 34, label: 380 }, compact: { row: 26, header: 30, label: 210 } };

function sameRow(a: FisRow, b: FisRow): boolean {
  if (a.id !== b.id || a.label !== b.label || a.kind !== b.kind || a.style !== b.style || a.note !== b.note) return false;
  const keys = Object.keys(b.display);
  return (
    keys.length === Object.keys(a.display).length && keys.every((k) => a.display[k] !== undefined && a.display[k]!.equals(b.display[k]!))
  );
}

/** Rows for `result`, reusing the previous row object wherever nothing shown in it changed. */
function rowsFor(result: TableResult, previous: Map<string, FisRow>): FisRow[] {
  return result.lines.map((l) => {
    const display: Record<string, Decimal> = {};
    for (const c of result.columns) display[c] = l.cells[c]!.display;
    const row: FisRow = {
      id: l.id,
      label: l.label,
      kind: l.kind,
      ...(l.style ? { style: l.style } : {}),
      ...(l.note ? { note: l.note } : {}),
      display,
    };
    const old = previous.get(l.id);
    return old && sameRow(old, row) ? old : row;
  });
}

export function FisTable({ result, showComputed, showPublished, showVariance, selected, onSelect, compact = false }: FisTableProps) {
  const previousRows = useRef(new Map<string, FisRow>());
  const rows = useMemo<FisRow[]>(() => {
    const next = rowsFor(result, previousRows.current);
    previousRows.current = new Map(next.map((r) => [r.id, r]));
    return next;
  }, [result]);
  const rowsRef = useRef(rows);
  rowsRef.current = rows;
  const onSelectRef = useRef(onSelect);
  onSelectRef.current = onSelect;
  const size = compact ? SIZES.compact : SIZES.normal;
  // A new array per recompute, the same column keys almost always.
  const columnKey = result.columns.join(",");
  const labelsKey = JSON.stringify(result.columnLabels);
  const decimals = result.display.decimals;
  const publishedFigures = result.published;
  const unitWords = result.display.unit === "dollars" ? "dollars" : `$ ${result.display.unit}`;
  const columnLabel = (c: string, short = false) => (short && c === "Total" ? "Total" : (result.columnLabels[c] ?? c));
  const publishedOf = (line: string, column: string) => publishedFigures?.values[line]?.[column];

  // Selection is read through a ref and repainted with refreshCells, so clicking a cell does not
  // rebuild the columns (which would drop widths the user has resized).
  const selectedRef = useRef(selected);
  selectedRef.current = selected;
  const apiRef = useRef<GridApi<FisRow> | null>(null);
  useEffect(() => {
    // force re-runs the class rules; a forced refresh would otherwise flash every cell as "changed".
    apiRef.current?.refreshCells({ force: true, suppressFlash: true });
  }, [selected]);

  // Whole-dollar tables print seven-digit figures: columns are at least as wide as the widest figure.
  const widest = Math.max(
    0,
    ...rows.flatMap((r) => Object.values(r.display).map((d) => thousandsText(d, decimals).length)),
    ...Object.values(publishedFigures?.values ?? {}).flatMap((row) =>
      Object.values(row).map((v) => thousandsText(new Decimal(v), decimals).length),
    ),
  );
  const figureWidth = widest * 8 + 24;

  const columnDefs = useMemo<(ColDef<FisRow> | ColGroupDef<FisRow>)[]>(() => {
    const isSelected = (p: CellClassParams<FisRow>, column: string) => {
      const sel = selectedRef.current;
      return sel !== null && p.data?.id === sel.line && sel.column === column;
    };
    const yearCols = columnKey.split(",").map((column): ColDef<FisRow> | ColGroupDef<FisRow> => {
      const computed: ColDef<FisRow> = {
        colId: column,
        headerName: showPublished || showVariance ? "Model" : columnLabel(column),
        headerTooltip: "Computed by the model from the scenario's inputs",
        // Rows and columns change together when another scenario (other fiscal years) becomes active;
        // for a moment the grid may pair a new row with an old column, which it then shows blank.
        valueGetter: (p) => {
          const d = p.data?.display[column];
          return d ? thousandsText(d, decimals) : "";
        },
        cellClass: "num",
        cellClassRules: {
          "cell-selected": (p) => isSelected(p, column),
          "cell-negative": (p) => p.data?.display[column]?.isNegative() ?? false,
        },
        tooltipValueGetter: () => "Click to see where this number comes from",
        // A recomputed value flashes so the user sees which cells an edit moved.
        enableCellChangeFlash: true,
        // The total's header ("Four-Year Total") is the longest.
        flex: column === "Total" ? 1.3 : 1,
        minWidth: Math.max(figureWidth, compact ? (column === "Total" ? 110 : 88) : column === "Total" ? 128 : 96),
      };
      const published: ColDef<FisRow> = {
        colId: `${column}:published`,
        headerName: "Published",
        headerTooltip: publishedFigures ? `Published: ${publishedFigures.source}` : "Published figures",
        valueGetter: (p) => {
          const v = p.data ? publishedOf(p.data.id, column) : undefined;
          return v === undefined ? "" : thousandsText(new Decimal(v), decimals);
        },
        cellClass: "num published",
        flex: 1,
        minWidth: Math.max(figureWidth, 90),
      };
      const variance: ColDef<FisRow> = {
        colId: `${column}:variance`,
        headerName: "Δ",
        headerTooltip: `Variance: computed − published, ${unitWords}`,
        valueGetter: (p) => {
          const v = p.data ? publishedOf(p.data.id, column) : undefined;
          const d = p.data?.display[column];
          return v === undefined || !d ? "" : varianceText(d.minus(v), decimals);
        },
        cellClass: "num variance",
        cellClassRules: {
          "variance-off": (p) => {
            const v = p.data ? publishedOf(p.data.id, column) : undefined;
            const d = p.data?.display[column];
            return v !== undefined && !!d && !d.equals(v);
          },
        },
        flex: 1,
        minWidth: Math.max(figureWidth - 8, 64),
      };
      const parts = [
        ...(showComputed || (!showPublished && !showVariance) ? [computed] : []),
        ...(showPublished ? [published] : []),
        ...(showVariance ? [variance] : []),
      ];
      return parts.length === 1
        ? { ...parts[0]!, headerName: columnLabel(column, compact) }
        : { groupId: `group:${column}`, headerName: columnLabel(column), children: parts };
    });
    return [
      {
        colId: "label",
        headerName: unitWords,
        field: "label",
        pinned: "left",
        width: size.label,
        tooltipValueGetter: (p) => p.data?.note ?? p.data?.label,
        cellClass: "line-label",
      },
      ...yearCols,
    ];
    // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed by what the columns show, not by the result object
  }, [
    columnKey,
    labelsKey,
    decimals,
    publishedFigures,
    unitWords,
    showComputed,
    showPublished,
    showVariance,
    compact,
    size.label,
    figureWidth,
  ]);

  const onGridReady = useCallback((e: GridReadyEvent<FisRow>) => (apiRef.current = e.api), []);
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

  // A fixed height rather than autoHeight: autoHeight leaves no room for a horizontal scrollbar and
  // clips the last (WIA) row when the Published/Variance columns overflow.
  const grouped = showPublished || showVariance;
  const height = (grouped ? 2 : 1) * size.header + rows.length * size.row + 20;
  return (
    <div
      className={compact ? "fis-grid fis-grid-compact" : "fis-grid"}
      data-testid={compact ? "inputs-fis-grid" : "fis-grid"}
      style={{ height }}
    >
      <AgGridReact<FisRow>
        theme={gridTheme}
        rowData={rows}
        columnDefs={columnDefs}
        getRowId={getRowId}
        rowClassRules={ROW_CLASS_RULES}
        rowHeight={size.row}
        headerHeight={size.header}
        suppressColumnVirtualisation
        suppressMovableColumns
        defaultColDef={DEFAULT_COL_DEF}
        tooltipShowDelay={600}
        onGridReady={onGridReady}
        onCellClicked={onCellClicked}
        onCellFocused={onCellFocused}
      />
    </div>
  );
}
