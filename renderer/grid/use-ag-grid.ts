/**
 * AG Grid's own grid (`createGrid`) inside a React component, instead of `<AgGridReact>`. The
 * React wrapper renders every header, row and cell as a React component, so a cell that takes a
 * new value is a React state update with its own render and commit; the grid made by `createGrid`
 * writes the same DOM (the same classes, ids, roles and attributes) itself. For the FIS tables,
 * whose cells are text from value getters, that is all the difference. Profiled over 10 edits
 * each (bench/README.md), an edit followed at once by the Table tab ran 18 ms of script instead
 * of 33, and the Inputs-screen edit 18 instead of 20; screenshots of both screens are unchanged.
 * The inputs grid stays on <AgGridReact>: made this way too, its edit measured no faster.
 *
 * The grid is made in a task of its own just after mounting, with `options()` as they are then,
 * and destroyed on unmount.
 * `live` holds the options that may change afterwards (column definitions, say): each is handed
 * to the grid (`setGridOption`) when its value changes (Object.is), in a layout effect, so the
 * change is drawn before the next paint. Every other option is read once, so its functions must
 * read what changes through refs.
 */
import { createGrid, type GridApi, type GridOptions, type ManagedGridOptionKey } from "ag-grid-community";
import { useLayoutEffect, useRef, useState, type RefObject } from "react";

export function useAgGrid<T>(
  host: RefObject<HTMLElement | null>,
  options: () => GridOptions<T>,
  live: { [K in ManagedGridOptionKey]?: GridOptions<T>[K] },
): GridApi<T> | null {
  const [api, setApi] = useState<GridApi<T> | null>(null);
  const first = useRef(options);
  const liveRef = useRef(live);
  liveRef.current = live;
  /** The live options as the grid has them. */
  const given = useRef<Partial<Record<ManagedGridOptionKey, unknown>>>({});
  useLayoutEffect(() => {
    const el = host.current;
    if (!el) return;
    let made: GridApi<T> | null = null;
    // Made in a task of its own, not in the one that rendered and mounted the component. Making a
    // grid of 30-odd columns takes 150 ms or more on a slow machine; added to the render that mounted
    // it, it made a task of over 200 ms when a heavy table landed. Not at the next animation frame:
    // Chromium then counted the frame and the task before it as one long task.
    const timer = setTimeout(() => {
      given.current = { ...liveRef.current };
      made = createGrid<T>(el, { ...first.current(), ...liveRef.current });
      setApi(made);
    }, 0);
    return () => {
      clearTimeout(timer);
      setApi(null);
      made?.destroy();
    };
  }, [host]);
  useLayoutEffect(() => {
    if (!api || api.isDestroyed()) return;
    for (const key of Object.keys(live) as ManagedGridOptionKey[]) {
      const value = live[key];
      if (Object.is(given.current[key], value)) continue;
      given.current[key] = value;
      api.setGridOption(key, value as never);
    }
  });
  return api;
}

/** The element the grid is made in fills its box, as <AgGridReact>'s did (a grid of fixed height sizes to it). */
export const GRID_HOST_STYLE = { height: "100%" } as const;
