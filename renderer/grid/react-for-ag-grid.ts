/**
 * React as ag-grid-react sees it (ag-grid-react-plugin.ts routes that package's "react" imports
 * here, and only that package's): the same React, except that a useState setter called with the
 * value the state already has, or will have once its queued updates are applied, does nothing.
 *
 * Why: ag-grid-react 36.2 (the newest release) calls state setters with unchanged values on
 * components that do not re-render: each row container's setHidden on every displayed-rows change,
 * GridBodyComp's setPinnedSection, RowComp's setRowId and setUserStyles on every row-data change.
 * React keeps such an update queued on its hook until that component renders again (the eager
 * bail-out still enqueues it; facebook/react#21706), so on the Inputs screen, where both grids get
 * new row data on every edit, tens of updates piled up per edit and the heap crept until the grids
 * unmounted. Skipping them here changes no rendered result: React would have bailed out anyway.
 */
import { useRef, useState as reactUseState, type Dispatch, type SetStateAction } from "react";

// Exactly what ag-grid-react imports from "react" besides useState (a test keeps this list complete).
export {
  Component,
  Suspense,
  createContext,
  createElement,
  default,
  forwardRef,
  memo,
  useCallback,
  useContext,
  useEffect,
  useImperativeHandle,
  useLayoutEffect,
  useMemo,
  useRef,
} from "react";

/**
 * A setter that calls `set` only when the next state differs (Object.is) from the state all earlier
 * calls lead to. Functional updates are applied here, to that state, and passed on as values: the
 * final state is the same fold of the same updates React would compute.
 */
export function skippingSetter<S>(set: Dispatch<SetStateAction<S>>, initial: S): Dispatch<SetStateAction<S>> {
  let latest = initial;
  return (action) => {
    const next = typeof action === "function" ? (action as (previous: S) => S)(latest) : action;
    if (Object.is(next, latest)) return;
    latest = next;
    set(next);
  };
}

export function useState<S>(initial: S | (() => S)): [S, Dispatch<SetStateAction<S>>];
export function useState<S = undefined>(): [S | undefined, Dispatch<SetStateAction<S | undefined>>];
export function useState<S>(initial?: S | (() => S)): [S | undefined, Dispatch<SetStateAction<S | undefined>>] {
  const [state, set] = reactUseState<S | undefined>(initial);
  const setter = useRef<Dispatch<SetStateAction<S | undefined>> | null>(null);
  if (setter.current === null) setter.current = skippingSetter(set, state);
  return [state, setter.current];
}
