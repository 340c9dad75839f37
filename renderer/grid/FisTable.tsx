/**
 * Screen 1: the Fiscal Impact Statement table in the CFO's layout. Row id = line id, column id =
 * "FY2025".."Total" (computed), "FY2025:published", "FY2025:variance" for the optional columns, so
 * tests and the explain panel can address any cell.
 */
import type { CellClassParams, CellFocusedEvent, ColDef, ColGroupDef, GetRowIdParams, GridApi } from "ag-grid-community";
import { AgGridReact } from "ag-grid-react";
import { useEffect, useMemo, useRef } from "react";
import { Decimal } from "../../model/decimal";
import type { LineResult, TableResult } from "../../model/compute";
import { thousandsText, varianceText } from "../format/money";
import { publishedCell } from "../state/reference";
import { gridTheme } from "./ag-setup";

export interface FisRow {
  id: string;
  label: string;
  kind: LineResult["kind"];
  note?: string;
  line: LineResult;
}

export interface FisTableProps {
  result: TableResult;
  showComputed: boolean;
  showPublished: boolean;
  showVariance: boolean;
  selected: { line: string; column: string } | null;
  onSelect: (line: string, column: string) => void;
}

const columnLabel = (c: string) => (c === "Total" ? "Four-Year Total" : c.replace("FY", "FY "));

export function FisTable({ result, showComputed, showPublished, showVariance, selected, onSelect }: FisTableProps) {
  const rows = useMemo<FisRow[]>(() => result.lines.map((l) => ({ id: l.id, label: l.label, kind: l.kind, ...(l.note ? { note: l.note } : {}), line: l })), [result]);

  // Selection is read through a ref and repainted with refreshCells, so clicking a cell does not
  // rebuild the columns (which would drop widths the user has resized).
  const selectedRef = useRef(selected);
  selectedRef.current = selected;
  const apiRef = useRef<GridApi<FisRow> | null>(null);
  useEffect(() => {
    apiRef.current?.refreshCells({ force: true });
  }, [selected]);

  const columnDefs = useMemo<(ColDef<FisRow> | ColGroupDef<FisRow>)[]>(() => {
    const isSelected = (p: CellClassParams<FisRow>, column: string) => {
      const sel = selectedRef.current;
      return sel !== null && p.data?.id === sel.line && sel.column === column;
    };
    const yearCols = result.columns.map((column): ColDef<FisRow> | ColGroupDef<FisRow> => {
      const computed: ColDef<FisRow> = {
        colId: column,
        headerName: showPublished || showVariance ? "Model" : columnLabel(column),
        headerTooltip: "Computed by the model from the scenario's inputs",
        valueGetter: (p) => (p.data ? thousandsText(p.data.line.cells[column]!.display) : ""),
        cellClass: "num",
        cellClassRules: { "cell-selected": (p) => isSelected(p, column), "cell-negative": (p) => p.data?.line.cells[column]?.display.isNegative() ?? false },
        tooltipValueGetter: () => "Click to see where this number comes from",
        flex: 1,
        minWidth: column === "Total" ? 128 : 96,
      };
      const published: ColDef<FisRow> = {
        colId: `${column}:published`,
        headerName: "Published",
        headerTooltip: "The CFO's published Fiscal Impact Statement (Dec 3, 2024)",
        valueGetter: (p) => {
          const v = p.data ? publishedCell(p.data.id, column) : undefined;
          return v === undefined ? "" : thousandsText(new Decimal(v));
        },
        cellClass: "num published",
        flex: 1,
        minWidth: 90,
      };
      const variance: ColDef<FisRow> = {
        colId: `${column}:variance`,
        headerName: "Δ",
        headerTooltip: "Variance: computed − published, $ thousands",
        valueGetter: (p) => {
          const v = p.data ? publishedCell(p.data.id, column) : undefined;
          return v === undefined || !p.data ? "" : varianceText(p.data.line.cells[column]!.display.minus(v));
        },
        cellClass: "num variance",
        cellClassRules: {
          "variance-off": (p) => {
            const v = p.data ? publishedCell(p.data.id, column) : undefined;
            return v !== undefined && !!p.data && !p.data.line.cells[column]!.display.equals(v);
          },
        },
        flex: 1,
        minWidth: 64,
      };
      const parts = [...(showComputed || (!showPublished && !showVariance) ? [computed] : []), ...(showPublished ? [published] : []), ...(showVariance ? [variance] : [])];
      return parts.length === 1 ? { ...parts[0]!, headerName: columnLabel(column) } : { groupId: `group:${column}`, headerName: columnLabel(column), children: parts };
    });
    return [
      {
        colId: "label",
        headerName: "$ thousands",
        field: "label",
        pinned: "left",
        width: 320,
        tooltipValueGetter: (p) => p.data?.note ?? p.data?.label,
        cellClass: "line-label",
      },
      ...yearCols,
    ];
  }, [result.columns, showComputed, showPublished, showVariance]);

  // A fixed height rather than autoHeight: autoHeight leaves no room for a horizontal scrollbar and
  // clips the last (WIA) row when the Published/Variance columns overflow.
  const grouped = showPublished || showVariance;
  const height = (grouped ? 2 : 1) * 34 + rows.length * 30 + 20;
  return (
    <div className="fis-grid" data-testid="fis-grid" style={{ height }}>
      <AgGridReact<FisRow>
        theme={gridTheme}
        rowData={rows}
        columnDefs={columnDefs}
        getRowId={(p: GetRowIdParams<FisRow>) => p.data.id}
        rowClassRules={{ "row-total": (p) => p.data?.kind === "total", "row-derived": (p) => p.data?.kind === "derived" }}
        suppressColumnVirtualisation
        suppressMovableColumns
        defaultColDef={{ sortable: false, resizable: true, suppressHeaderMenuButton: true }}
        tooltipShowDelay={600}
        onGridReady={(e) => (apiRef.current = e.api)}
        onCellClicked={(e) => {
          const col = e.column.getColId();
          if (e.data && col !== "label") onSelect(e.data.id, col.split(":")[0]!);
        }}
        onCellFocused={(e: CellFocusedEvent<FisRow>) => {
          // Keyboard users get the same explain panel as mouse users.
          if (e.rowIndex == null || typeof e.column !== "object" || e.column === null) return;
          const col = e.column.getColId();
          const row = rows[e.rowIndex];
          if (row && col !== "label") onSelect(row.id, col.split(":")[0]!);
        }}
      />
    </div>
  );
}
