import type { GridApi } from "ag-grid-community";
import { describe, expect, it } from "vitest";
import { applyRows } from "../../renderer/grid/apply-rows";

interface Row {
  id: string;
  v: number;
}

/** A grid holding row nodes by id that records what it was asked to do. */
function fakeGrid(rows: Row[]) {
  const calls: string[] = [];
  const nodes = new Map(rows.map((r) => [r.id, { data: r, updateData: (d: Row) => calls.push(`update ${d.id}=${d.v}`) }]));
  const api = {
    getRowNode: (id: string) => nodes.get(id),
    setGridOption: (key: string, value: Row[]) => calls.push(`${key} ${value.map((r) => r.id).join(",")}`),
  } as unknown as GridApi<Row>;
  return { api, calls };
}

const id = (r: Row) => r.id;
const a = { id: "a", v: 1 };
const b = { id: "b", v: 2 };
const c = { id: "c", v: 3 };

describe("applyRows", () => {
  it("an edit (same rows, same order) updates only the rows whose object changed", () => {
    const { api, calls } = fakeGrid([a, b, c]);
    applyRows(api, [a, b, c], [a, { id: "b", v: 20 }, { id: "c", v: 30 }], id);
    expect(calls).toEqual(["update b=20", "update c=30"]);
  });

  it("nothing changed: nothing is done", () => {
    const { api, calls } = fakeGrid([a, b]);
    applyRows(api, [a, b], [a, b], id);
    expect(calls).toEqual([]);
  });

  it("rows added, removed or reordered: the rows are set as a whole", () => {
    for (const next of [[a, b, c], [a], [b, a]]) {
      const { api, calls } = fakeGrid([a, b]);
      applyRows(api, [a, b], next, id);
      expect(calls).toEqual([`rowData ${next.map(id).join(",")}`]);
    }
  });

  it("a row the grid does not hold: the rows are set as a whole, none updated one by one", () => {
    const { api, calls } = fakeGrid([a]);
    applyRows(
      api,
      [a, b],
      [
        { id: "a", v: 10 },
        { id: "b", v: 20 },
      ],
      id,
    );
    expect(calls).toEqual(["rowData a,b"]);
  });
});
