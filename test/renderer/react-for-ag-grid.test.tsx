// @vitest-environment happy-dom
/**
 * The React that ag-grid-react is built against (renderer/grid/react-for-ag-grid.ts): a setter
 * called with an unchanged value queues nothing, changed values still render, and the final state
 * is the one plain React would reach.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { memo, useState as reactUseState, type Dispatch, type SetStateAction } from "react";
import { act } from "react";
import { createRoot } from "react-dom/client";
import { describe, expect, it, vi } from "vitest";
import * as shim from "../../renderer/grid/react-for-ag-grid";
import { skippingSetter, useState as shimUseState } from "../../renderer/grid/react-for-ag-grid";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/** Updates React still holds on the hooks of the fibers under `container` (queued, not yet rendered). */
function queuedUpdates(container: Element): number {
  const key = Object.keys(container).find((k) => k.startsWith("__reactContainer$"))!;
  type Update = { next: Update | null };
  type Hook = { queue?: { pending: Update | null } | null; baseQueue?: Update | null; next: Hook | null };
  type Fiber = { memoizedState: unknown; child: Fiber | null; sibling: Fiber | null; type: unknown };
  const length = (last: Update | null | undefined) => {
    if (!last) return 0;
    let n = 1;
    for (let u = last.next; u && u !== last; u = u.next) n++;
    return n;
  };
  let total = 0;
  const stack: (Fiber | null)[] = [(container as unknown as Record<string, Fiber>)[key]!];
  while (stack.length) {
    const fiber = stack.pop();
    if (!fiber) continue;
    if (typeof fiber.type === "function" || typeof fiber.type === "object") {
      for (let h = fiber.memoizedState as Hook | null; h && typeof h === "object" && "next" in h; h = h.next)
        total += length(h.queue?.pending) + length(h.baseQueue);
    }
    stack.push(fiber.child, fiber.sibling);
  }
  return total;
}

type UseState = typeof reactUseState;

/** A memoized child that never re-renders on its own, like AG Grid's row containers; it hands out its setter. */
function mount(useStateImpl: UseState) {
  let setHidden: Dispatch<SetStateAction<boolean>> = () => undefined;
  const renders = { count: 0 };
  const Child = memo(function Child() {
    const [hidden, set] = useStateImpl(true);
    setHidden = set;
    renders.count++;
    return <div data-hidden={String(hidden)} />;
  });
  const container = document.createElement("div");
  const root = createRoot(container);
  act(() => root.render(<Child />));
  return { container, root, set: (v: SetStateAction<boolean>) => act(() => setHidden(v)), renders };
}

describe("skippingSetter", () => {
  it("passes on only values that differ from the state the earlier calls lead to", () => {
    const set = vi.fn();
    const setter = skippingSetter<number>(set, 0);
    setter(0);
    setter((n) => n);
    setter(1);
    setter(1);
    setter((n) => n + 1);
    setter(0);
    setter(0);
    expect(set.mock.calls).toEqual([[1], [2], [0]]);
  });
});

describe("useState for ag-grid-react", () => {
  it("plain React queues an update per unchanged setState on a component that does not re-render (the creep)", () => {
    const { container, set, root } = mount(reactUseState);
    set(false);
    for (let i = 0; i < 500; i++) set(false);
    expect(queuedUpdates(container)).toBeGreaterThanOrEqual(500);
    act(() => root.unmount());
  });

  it("the shim queues none, and a real change still renders", () => {
    const { container, set, root, renders } = mount(shimUseState as UseState);
    set(false);
    for (let i = 0; i < 500; i++) set(false);
    for (let i = 0; i < 500; i++) set((h) => h);
    expect(queuedUpdates(container)).toBe(0);
    const before = renders.count;
    set(true);
    expect(container.querySelector("div")!.getAttribute("data-hidden")).toBe("true");
    expect(renders.count).toBeGreaterThan(before);
    act(() => root.unmount());
  });

  it("re-exports every name ag-grid-react imports from react", () => {
    const require = createRequire(import.meta.url);
    const source = readFileSync(require.resolve("ag-grid-react").replace(/index\.cjs\.js$|main\.cjs\.js$/, "index.esm.mjs"), "utf8");
    const names = new Set<string>();
    for (const m of source.matchAll(/import\s+([^;]*?)\s+from\s+"react";/gs)) {
      const spec = m[1]!;
      if (!spec.trim().startsWith("{")) names.add("default");
      for (const part of /\{([^}]*)\}/.exec(spec)?.[1]?.split(",") ?? []) if (part.trim()) names.add(part.trim().split(/\s+as\s+/)[0]!);
    }
    expect(names.size).toBeGreaterThan(10);
    for (const name of names) expect(shim, name).toHaveProperty(name);
  });
});
