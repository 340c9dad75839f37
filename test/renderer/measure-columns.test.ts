// @vitest-environment happy-dom
/**
 * fitColumnsWhenDrawn (renderer/grid/measure-columns.ts): a grid asked to fit twice before the next
 * frame (its first data drawn, then its row data updated, as the census grids are on first show) is
 * measured and resized once, and a grid gone by then is left alone.
 */
import type { GridApi } from "ag-grid-community";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { fitColumnsWhenDrawn } from "../../renderer/grid/measure-columns";

let frames: Map<number, FrameRequestCallback>;
let next = 0;
beforeEach(() => {
  frames = new Map();
  vi.stubGlobal("requestAnimationFrame", (cb: FrameRequestCallback) => {
    next += 1;
    frames.set(next, cb);
    return next;
  });
  vi.stubGlobal("cancelAnimationFrame", (id: number) => frames.delete(id));
});
afterEach(() => vi.unstubAllGlobals());

/** Runs the frame callbacks queued so far (not those they queue). */
function runFrame() {
  const due = [...frames.values()];
  frames.clear();
  for (const cb of due) cb(0);
}

function grid(ids: string[]) {
  const root = document.createElement("div");
  for (const id of ids) {
    const header = `<div class="ag-header-cell" col-id="${id}">${id}</div>`;
    root.insertAdjacentHTML("beforeend", `${header}<div class="ag-row"><div class="ag-cell" col-id="${id}">1</div></div>`);
  }
  document.body.append(root);
  let destroyed = false;
  const setColumnWidths = vi.fn();
  const columns = ids.map((id) => ({ getColId: () => id, getParent: () => null, getMinWidth: () => 30, getMaxWidth: () => null }));
  const api = {
    isDestroyed: () => destroyed,
    getDisplayedRowCount: () => 1,
    getAllDisplayedColumns: () => columns,
    getGridOption: () => 6,
    setColumnWidths,
  } as unknown as GridApi<unknown>;
  return { root, api, setColumnWidths, destroy: () => (destroyed = true) };
}

describe("fitColumnsWhenDrawn", () => {
  it("fits once when asked twice before the frame", () => {
    const g = grid(["a", "b"]);
    fitColumnsWhenDrawn(g.api, g.root);
    fitColumnsWhenDrawn(g.api, g.root);
    runFrame();
    expect(g.setColumnWidths).toHaveBeenCalledTimes(1);
    expect(g.setColumnWidths.mock.calls[0]![0].map((w: { key: string }) => w.key)).toEqual(["a", "b"]);
    runFrame();
    expect(g.setColumnWidths).toHaveBeenCalledTimes(1);
  });

  it("fits each grid of a screen on its own", () => {
    const a = grid(["a"]);
    const b = grid(["b"]);
    fitColumnsWhenDrawn(a.api, a.root);
    fitColumnsWhenDrawn(b.api, b.root);
    runFrame();
    expect(a.setColumnWidths).toHaveBeenCalledTimes(1);
    expect(b.setColumnWidths).toHaveBeenCalledTimes(1);
  });

  it("leaves a grid destroyed before the frame alone", () => {
    const g = grid(["a"]);
    fitColumnsWhenDrawn(g.api, g.root);
    g.destroy();
    runFrame();
    expect(g.setColumnWidths).not.toHaveBeenCalled();
  });

  it("waits for a column's first cell, then fits", () => {
    const g = grid(["a"]);
    const cell = g.root.querySelector(".ag-cell")!;
    cell.remove();
    fitColumnsWhenDrawn(g.api, g.root);
    runFrame();
    expect(g.setColumnWidths).not.toHaveBeenCalled();
    g.root.querySelector(".ag-row")!.append(cell);
    runFrame();
    expect(g.setColumnWidths).toHaveBeenCalledTimes(1);
  });
});
