/**
 * What every AG Grid in the workbench shares for keyboard and screen-reader users:
 * - a name and read-only state on the element with role grid (AG Grid has no option for either);
 * - a rectangular cell range (click, then Shift+click or Shift+arrows), since cell ranges are an
 *   AG Grid Enterprise feature, and Ctrl+C copying it as tab-separated text and an HTML table;
 * - `decorate`, re-applied to the rows the grid redraws (attributes AG Grid does not manage, such
 *   as aria-invalid and aria-describedby on a rejected input cell).
 * Tab leaves the grid (tabToNextCell returns false), so a grid is one Tab stop with arrows inside.
 */
import type { CellFocusedEvent, Column, GridApi, IRowNode } from "ag-grid-community";
import { useEffect, useRef, type RefObject } from "react";
import { writeClipboard, type CopyBlock } from "./clipboard";

export interface CellPos {
  row: number;
  col: string;
}

export interface Range {
  anchor: CellPos;
  focus: CellPos;
}

/** The rows and displayed column ids a range covers, in display order. */
export function rangeBounds(range: Range, columnIds: string[]): { rows: number[]; cols: string[] } {
  const a = columnIds.indexOf(range.anchor.col);
  const b = columnIds.indexOf(range.focus.col);
  const [c0, c1] = a <= b ? [a, b] : [b, a];
  const [r0, r1] = range.anchor.row <= range.focus.row ? [range.anchor.row, range.focus.row] : [range.focus.row, range.anchor.row];
  const rows: number[] = [];
  for (let r = r0; r <= r1; r++) rows.push(r);
  return { rows, cols: c0 < 0 || c1 < 0 ? [] : columnIds.slice(c0, c1 + 1) };
}

export const tabOutOfGrid = () => false as const;

export interface GridA11yOptions {
  /** The grid's accessible name. */
  label: string;
  /** Every cell read-only (aria-readonly on the grid and its cells). */
  readOnly: boolean;
  /** Called after the grid redraws rows, with the row elements it redrew (\`.ag-row\`). */
  decorate?: (rows: readonly HTMLElement[]) => void;
  /** The text of one cell as copied (defaults to the grid's displayed value). */
  cellText?: (node: IRowNode, column: Column) => string;
  /** Copy the column headers with a range that spans every row. */
  onCopied?: (cells: number) => void;
}

/** New rows and cells, and class changes (a refresh re-applies AG Grid's classes over the range marks). */
const OBSERVE: MutationObserverInit = { childList: true, subtree: true, attributes: true, attributeFilter: ["class"] };

const ARROWS: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };

export function useGridA11y<T>(boxRef: RefObject<HTMLElement | null>, api: GridApi<T> | null, options: GridA11yOptions): void {
  const opts = useRef(options);
  opts.current = options;
  const range = useRef<Range | null>(null);
  const shift = useRef(false);
  /**
   * Cells a Shift+arrow moved the focus to, whose focus events have not arrived yet. AG Grid tells of
   * a focus move from a timer; on a busy machine the keys go first, so the event can land after Shift
   * is released and must not then be taken for a plain move that starts a new range.
   */
  const moved = useRef<string[]>([]);
  /** A Shift+click: its focus event extends the range even if Shift is released before it arrives. */
  const shiftClick = useRef(false);

  useEffect(() => {
    const box = boxRef.current;
    if (!box || !api) return;
    const columnIds = () => api.getAllDisplayedColumns().map((c) => c.getColId());

    const allRows = () => [...box.querySelectorAll<HTMLElement>(".ag-row[row-index]")];
    const paintRange = (rowEls: readonly HTMLElement[]) => {
      const r = range.current;
      const inRange = new Set<string>();
      if (r && (r.anchor.row !== r.focus.row || r.anchor.col !== r.focus.col)) {
        const { rows, cols } = rangeBounds(r, columnIds());
        for (const row of rows) for (const col of cols) inRange.add(`${row}|${col}`);
      }
      for (const rowEl of rowEls) {
        const row = rowEl.getAttribute("row-index");
        rowEl.querySelectorAll<HTMLElement>(".ag-cell[col-id]").forEach((cellEl) => {
          const on = inRange.has(`${row}|${cellEl.getAttribute("col-id")}`);
          if (cellEl.classList.contains("cell-in-range") !== on) cellEl.classList.toggle("cell-in-range", on);
          if (on) cellEl.setAttribute("aria-selected", "true");
          else if (cellEl.getAttribute("aria-selected") === "true") cellEl.removeAttribute("aria-selected");
        });
      }
    };

    const apply = (rowEls: readonly HTMLElement[]) => {
      const grid = box.querySelector<HTMLElement>('[role="grid"], [role="treegrid"]');
      if (grid) {
        if (grid.getAttribute("aria-label") !== opts.current.label) grid.setAttribute("aria-label", opts.current.label);
        if (opts.current.readOnly) {
          if (grid.getAttribute("aria-readonly") !== "true") grid.setAttribute("aria-readonly", "true");
          for (const rowEl of rowEls)
            rowEl.querySelectorAll('[role="gridcell"]:not([aria-readonly])').forEach((c) => c.setAttribute("aria-readonly", "true"));
        }
      }
      opts.current.decorate?.(rowEls);
      paintRange(rowEls);
    };

    /**
     * The rows to redo at the next frame: those the observed mutations touched, or every row (a new
     * range, or a mutation outside any row). An edit redraws a few rows of a grid of hundreds of
     * cells, and this runs in the frame that paints it.
     */
    let dirty: Set<HTMLElement> | "all" = "all";
    const touch = (records: MutationRecord[]) => {
      if (dirty === "all") return;
      for (const rec of records) {
        const target = rec.target instanceof Element ? rec.target : rec.target.parentElement;
        const row = target?.closest<HTMLElement>(".ag-row");
        if (row) {
          dirty.add(row);
          continue;
        }
        for (const node of rec.addedNodes) {
          if (!(node instanceof HTMLElement)) continue;
          if (node.matches(".ag-row")) dirty.add(node);
          else if (node.querySelector(".ag-row")) return void (dirty = "all");
        }
      }
    };
    let frame = 0;
    const schedule = (all = false) => {
      if (all) dirty = "all";
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        const rows = dirty === "all" ? allRows() : [...dirty].filter((r) => r.isConnected && r.hasAttribute("row-index"));
        dirty = new Set();
        observer.disconnect();
        apply(rows);
        observer.observe(box, OBSERVE);
      });
    };
    const observer = new MutationObserver((records) => {
      touch(records);
      schedule();
    });
    observer.observe(box, OBSERVE);
    apply(allRows());
    dirty = new Set();

    const onFocused = (e: CellFocusedEvent<T>) => {
      if (e.rowIndex == null || typeof e.column !== "object" || e.column === null) return;
      const pos = { row: e.rowIndex, col: e.column.getColId() };
      // A move made by a Shift+arrow is already in the range.
      const own = moved.current.indexOf(`${pos.row}|${pos.col}`);
      if (own >= 0) {
        moved.current.splice(0, own + 1);
        return;
      }
      // A redraw re-announces the same focused cell: that is not a move, so the range stays.
      const r = range.current;
      if (r && r.focus.row === pos.row && r.focus.col === pos.col) return;
      const spans = (x: Range | null) => !!x && (x.anchor.row !== x.focus.row || x.anchor.col !== x.focus.col);
      const before = spans(r);
      range.current = (shift.current || shiftClick.current) && r ? { anchor: r.anchor, focus: pos } : { anchor: pos, focus: pos };
      shiftClick.current = false;
      // A single cell is never marked: only a range shown or cleared repaints every row.
      if (before || spans(range.current)) schedule(true);
    };
    api.addEventListener("cellFocused", onFocused);

    const cellText = (node: IRowNode<T>, column: Column) =>
      opts.current.cellText
        ? opts.current.cellText(node as IRowNode, column)
        : String(api.getCellValue({ rowNode: node, colKey: column, useFormatter: true }) ?? "");

    const copy = async () => {
      const focused = api.getFocusedCell();
      const r =
        range.current ??
        (focused
          ? {
              anchor: { row: focused.rowIndex, col: focused.column.getColId() },
              focus: { row: focused.rowIndex, col: focused.column.getColId() },
            }
          : null);
      if (!r) return;
      const { rows, cols } = rangeBounds(r, columnIds());
      const columns = cols.map((id) => api.getColumn(id)).filter((c): c is Column => !!c);
      const block: CopyBlock = { rows: [] };
      for (const i of rows) {
        const node = api.getDisplayedRowAtIndex(i);
        if (node) block.rows.push(columns.map((c) => cellText(node, c)));
      }
      if (await writeClipboard(block)) opts.current.onCopied?.(rows.length * columns.length);
    };

    const onKeyDown = (e: KeyboardEvent) => {
      shift.current = e.shiftKey;
      shiftClick.current = false;
      if (api.getEditingCells().length > 0) return;
      const key = e.key;
      if ((e.ctrlKey || e.metaKey) && !e.altKey && key.toLowerCase() === "c") {
        e.preventDefault();
        e.stopPropagation();
        void copy();
        return;
      }
      const step = ARROWS[key];
      if (step && e.shiftKey && !e.ctrlKey && !e.altKey) {
        // Shift+arrow extends the range from its anchor: move the focus one cell, keep the anchor.
        const focused = api.getFocusedCell();
        if (!focused) return;
        const ids = columnIds();
        const row = Math.min(Math.max(focused.rowIndex + step[0], 0), api.getDisplayedRowCount() - 1);
        const colIndex = Math.min(Math.max(ids.indexOf(focused.column.getColId()) + step[1], 0), ids.length - 1);
        e.preventDefault();
        e.stopPropagation();
        // The range is set here, before the focus moves, so no focus event can reset its anchor.
        const anchor = range.current?.anchor ?? { row: focused.rowIndex, col: focused.column.getColId() };
        range.current = { anchor, focus: { row, col: ids[colIndex]! } };
        schedule(true);
        if (row !== focused.rowIndex || ids[colIndex] !== focused.column.getColId()) moved.current.push(`${row}|${ids[colIndex]}`);
        api.ensureIndexVisible(row);
        api.ensureColumnVisible(ids[colIndex]!);
        api.setFocusedCell(row, ids[colIndex]!);
      }
    };
    const onKeyUp = (e: KeyboardEvent) => (shift.current = e.shiftKey);
    const onMouseDown = (e: MouseEvent) => {
      shift.current = e.shiftKey;
      shiftClick.current = e.shiftKey;
      moved.current = [];
    };
    box.addEventListener("keydown", onKeyDown, true);
    box.addEventListener("keyup", onKeyUp, true);
    box.addEventListener("mousedown", onMouseDown, true);
    return () => {
      observer.disconnect();
      if (frame) cancelAnimationFrame(frame);
      if (!api.isDestroyed()) api.removeEventListener("cellFocused", onFocused);
      box.removeEventListener("keydown", onKeyDown, true);
      box.removeEventListener("keyup", onKeyUp, true);
      box.removeEventListener("mousedown", onMouseDown, true);
    };
  }, [boxRef, api]);
}
