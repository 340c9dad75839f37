// @vitest-environment happy-dom
/**
 * AG Grid's own grid in a React component (renderer/grid/use-ag-grid.ts): made once in its host
 * in a task of its own just after mounting (not in the render that mounts it), handed a live option when
 * (and only when) that option's value changes, destroyed on unmount.
 */
import type { ColDef, GridApi } from "ag-grid-community";
import { act, useRef } from "react";
import { createRoot } from "react-dom/client";
import { describe, expect, it, vi } from "vitest";
import "../../renderer/grid/ag-setup";
import { useAgGrid } from "../../renderer/grid/use-ag-grid";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

interface Row {
  id: string;
  amount: number;
}
const ROWS: Row[] = [
  { id: "a", amount: 1 },
  { id: "b", amount: 2 },
];

function Grid({ columnDefs, rows, onApi }: { columnDefs: ColDef<Row>[]; rows: Row[]; onApi: (api: GridApi<Row> | null) => void }) {
  const host = useRef<HTMLDivElement | null>(null);
  const api = useAgGrid<Row>(host, () => ({ rowData: rows, getRowId: (p) => p.data.id }), { columnDefs });
  onApi(api);
  return <div ref={host} data-testid="host" />;
}

function mount() {
  const container = document.createElement("div");
  document.body.append(container);
  const root = createRoot(container);
  const apis: (GridApi<Row> | null)[] = [];
  const mountOnly = (columnDefs: ColDef<Row>[], rows = ROWS) =>
    act(() => root.render(<Grid columnDefs={columnDefs} rows={rows} onApi={(a) => apis.push(a)} />));
  /** Renders, then lets the next task run (the grid is made in it). */
  const render = async (columnDefs: ColDef<Row>[], rows = ROWS) => {
    mountOnly(columnDefs, rows);
    await act(nextTask);
  };
  return { container, root, apis, mountOnly, render, api: () => apis.at(-1)! };
}

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

const AMOUNT: ColDef<Row>[] = [{ colId: "amount", field: "amount", headerName: "Amount" }];
const AMOUNT_AND_ID: ColDef<Row>[] = [...AMOUNT, { colId: "id", field: "id", headerName: "Id" }];

describe("useAgGrid", () => {
  it("makes the grid in the next task, not in the render that mounts it", async () => {
    const m = mount();
    m.mountOnly(AMOUNT);
    expect(m.api()).toBeNull();
    expect(m.container.querySelector(".ag-root-wrapper")).toBeNull();
    await act(nextTask);
    expect(m.api()).not.toBeNull();
    expect(m.container.querySelector('[data-testid="host"] .ag-root-wrapper')).not.toBeNull();
    act(() => m.root.unmount());
  });

  it("makes no grid when unmounted before that task", async () => {
    const m = mount();
    m.mountOnly(AMOUNT);
    act(() => m.root.unmount());
    await nextTask();
    expect(m.apis.every((a) => a === null)).toBe(true);
    expect(m.container.querySelector(".ag-root-wrapper")).toBeNull();
  });

  it("makes the grid in its host with the first options and the live ones, and returns its api", async () => {
    const m = mount();
    await m.render(AMOUNT);
    const api = m.api();
    expect(api).not.toBeNull();
    expect(api.isDestroyed()).toBe(false);
    expect(m.container.querySelector('[data-testid="host"] .ag-root-wrapper')).not.toBeNull();
    expect(api.getDisplayedRowCount()).toBe(2);
    expect(api.getColumns()!.map((c) => c.getColId())).toEqual(["amount"]);
    act(() => m.root.unmount());
  });

  it("hands a live option to the grid when its value changes, and only then", async () => {
    const m = mount();
    await m.render(AMOUNT);
    const api = m.api();
    const set = vi.spyOn(api, "setGridOption");
    await m.render(AMOUNT);
    expect(set).not.toHaveBeenCalled();
    await m.render(AMOUNT_AND_ID);
    expect(set).toHaveBeenCalledTimes(1);
    expect(set).toHaveBeenCalledWith("columnDefs", AMOUNT_AND_ID);
    expect(api.getColumns()!.map((c) => c.getColId())).toEqual(["amount", "id"]);
    // The same grid throughout: options other than the live ones are read once, not by re-making it.
    await m.render(AMOUNT_AND_ID, [{ id: "c", amount: 3 }]);
    expect(m.api()).toBe(api);
    expect(api.getDisplayedRowCount()).toBe(2);
    act(() => m.root.unmount());
  });

  it("destroys the grid when the component unmounts", async () => {
    const m = mount();
    await m.render(AMOUNT);
    const api = m.api();
    act(() => m.root.unmount());
    expect(api.isDestroyed()).toBe(true);
    expect(m.container.querySelector(".ag-root-wrapper")).toBeNull();
  });
});
