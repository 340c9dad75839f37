/**
 * Each displayed column's width to fit its header and its cells, measured as AG Grid's
 * autoSizeAllColumns measures them (every rendered cell and the header cloned, unconstrained, into
 * a hidden container inside the grid, plus `autoSizePadding`), but every column in one layout.
 * AG Grid measures a column, sets its width and so lays the page out again for the next one: a
 * 30-year table took 31 layouts, about 100 ms on a slow machine, in one task. Here all the clones
 * are written first and all the widths read after, so the page is laid out once, and the widths
 * are handed to the grid in one call.
 *
 * A column group's header (the fiscal year above Model, Published and Variance) wider than its
 * columns widens them in proportion, as AG Grid does.
 */
import type { Column, ColumnGroup, GridApi } from "ag-grid-community";

/** A clone of `el` in a wrapper carrying its row's classes (font weight of a total row, say), as AG Grid makes it. */
function cloneForMeasure(el: HTMLElement, into: HTMLElement): void {
  const clone = el.cloneNode(true) as HTMLElement;
  clone.style.width = "";
  clone.style.position = "static";
  clone.style.left = "";
  clone.style.right = "";
  const wrapper = document.createElement("div");
  const header = clone.classList.contains("ag-header-cell") || clone.classList.contains("ag-header-group-cell");
  if (header) {
    wrapper.classList.add("ag-header", "ag-header-row");
    wrapper.style.position = "static";
  } else wrapper.classList.add("ag-row");
  const row = el.closest(".ag-row, .ag-header-row");
  if (row) for (const c of row.classList) if (c !== "ag-row-position-absolute") wrapper.classList.add(c);
  wrapper.append(clone);
  into.append(wrapper);
}

const byColId = (root: HTMLElement, selector: string, id: string) => [
  ...root.querySelectorAll<HTMLElement>(`${selector}[col-id="${CSS.escape(id)}"]`),
];

interface Measure {
  box: HTMLElement;
  width: () => number;
}

function measureBox(into: HTMLElement, elements: HTMLElement[]): Measure | null {
  if (elements.length === 0) return null;
  const box = document.createElement("form");
  box.style.position = "fixed";
  for (const el of elements) cloneForMeasure(el, box);
  into.append(box);
  return { box, width: () => box.offsetWidth };
}

/** Widths (px) by column id for the displayed columns of the grid in `root`; a column not yet drawn is left out. */
export function measureColumnWidths<T>(api: GridApi<T>, root: HTMLElement): Map<string, number> {
  const widths = new Map<string, number>();
  const viewport = root.querySelector<HTMLElement>(".ag-grid-viewport, .ag-root") ?? root;
  const padding = api.getGridOption("autoSizePadding") ?? 20;
  const columns = api.getAllDisplayedColumns();
  const groups = new Set<ColumnGroup>();
  const measures: { column: Column; m: Measure }[] = [];
  for (const column of columns) {
    const id = column.getColId();
    const headerCell = byColId(root, ".ag-header-cell", id);
    if (headerCell.length === 0) continue;
    const m = measureBox(viewport, [...byColId(root, ".ag-cell", id), ...headerCell]);
    if (m) measures.push({ column, m });
    for (let g = column.getParent(); g; g = g.getParent()) groups.add(g);
  }
  const groupMeasures: { group: ColumnGroup; m: Measure }[] = [];
  for (const group of groups) {
    const m = measureBox(viewport, byColId(root, ".ag-header-group-cell", group.getUniqueId()));
    if (m) groupMeasures.push({ group, m });
  }
  // Every clone is in place: the first read lays the page out, the others read that layout.
  for (const { column, m } of measures) {
    const natural = m.width() + padding;
    widths.set(column.getColId(), Math.min(column.getMaxWidth() ?? Infinity, Math.max(column.getMinWidth(), natural)));
  }
  const groupWidths = groupMeasures.map(({ group, m }) => ({ group, width: m.width() + padding }));
  for (const { m } of [...measures, ...groupMeasures]) m.box.remove();
  for (const { group, width } of groupWidths) {
    const leaves = group.getDisplayedLeafColumns().filter((c) => widths.has(c.getColId()));
    const sum = leaves.reduce((s, c) => s + widths.get(c.getColId())!, 0);
    if (leaves.length === 0 || width <= sum) continue;
    let left = width;
    leaves.forEach((c, i) => {
      const own = widths.get(c.getColId())!;
      const w = i === leaves.length - 1 ? left : Math.round((own * width) / sum);
      widths.set(c.getColId(), w);
      left -= w;
    });
  }
  return widths;
}

/** Hands the grid every measured width in one call (one column resize, one layout). */
export function applyColumnWidths<T>(api: GridApi<T>, widths: Map<string, number>): void {
  if (widths.size > 0) api.setColumnWidths([...widths].map(([key, newWidth]) => ({ key, newWidth })));
}

/** Every displayed column has a cell drawn in the grid's body (or the grid shows no rows). */
function cellsDrawn<T>(api: GridApi<T>, root: HTMLElement): boolean {
  if (api.getDisplayedRowCount() === 0) return true;
  return api.getAllDisplayedColumns().every((c) => byColId(root, ".ag-cell", c.getColId()).length > 0);
}

/** The frame each grid's pending fit waits for: a newer request replaces it, so a grid is measured once a frame. */
const pendingFits = new WeakMap<object, number>();

/**
 * Sizes every displayed column to fit its header and cells, measured in one layout, at the next
 * frame once the grid has drawn a cell in every column (a React-rendered grid draws its cells after
 * its rows change; up to `frames` frames are waited for). For a grid whose cells change all at once
 * (an imported census), instead of AG Grid's `autoSizeAllColumns` with its layout per column.
 * Requests before that frame (first data drawn, then row data updated) make one fit, of the newest rows.
 */
export function fitColumnsWhenDrawn<T>(api: GridApi<T>, root: HTMLElement | null, frames = 5): void {
  const before = pendingFits.get(api);
  if (before !== undefined) cancelAnimationFrame(before);
  const frame = requestAnimationFrame(() => {
    pendingFits.delete(api);
    if (api.isDestroyed() || !root) return;
    if (!cellsDrawn(api, root) && frames > 1) return fitColumnsWhenDrawn(api, root, frames - 1);
    applyColumnWidths(api, measureColumnWidths(api, root));
  });
  pendingFits.set(api, frame);
}
