/**
 * When the autosave is written (renderer/state/autosave-writer.ts), with fake timers: the recovery
 * promise of docs/files-and-recovery.md ("written within 1 s of every committed edit, 300 ms after
 * editing pauses; at once when the page is hidden or closed or the app quits") and the retry of a
 * failed write without waiting for the next edit.
 */
import fc from "fast-check";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { vi } from "vitest";
import type { PlatformResult } from "../../electron/ipc/contract";
import { AUTOSAVE_TIMING, AutosaveWriter, type AutosaveContent } from "../../renderer/state/autosave-writer";

beforeEach(() => {
  vi.useFakeTimers({ now: 0 });
});

afterEach(() => {
  vi.useRealTimers();
});

interface Harness {
  writer: AutosaveWriter;
  /** [time, text] of each write call, taken when the platform was called. */
  writes: [number, string][];
  clears: number[];
  /** What the app would write now. */
  content: { value: AutosaveContent };
  /** Results the next write calls give (default ok); a promise for a slow write. */
  results: (PlatformResult<void> | Promise<PlatformResult<void>>)[];
}

function harness(): Harness {
  const writes: [number, string][] = [];
  const clears: number[] = [];
  const results: (PlatformResult<void> | Promise<PlatformResult<void>>)[] = [];
  const content = { value: { kind: "write", text: "v0" } as AutosaveContent };
  const writer = new AutosaveWriter({
    write: async (text) => {
      writes.push([Date.now(), text]);
      return (await results.shift()) ?? { ok: true, value: undefined };
    },
    clear: async () => {
      clears.push(Date.now());
      return { ok: true, value: undefined };
    },
    content: () => content.value,
  });
  writer.start();
  return { writer, writes, clears, content, results };
}

const edit = (h: Harness, text: string) => {
  h.content.value = { kind: "write", text };
  h.writer.changed();
};

describe("when the autosave is written", () => {
  it("300 ms after a committed edit, not before", async () => {
    const h = harness();
    edit(h, "a");
    await vi.advanceTimersByTimeAsync(AUTOSAVE_TIMING.debounceMs - 1);
    expect(h.writes).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(h.writes).toEqual([[300, "a"]]);
    expect(h.writer.getStatus()).toEqual({ kind: "saved", at: 300, cleared: false });
  });

  it("a burst of edits is one write, of the last one", async () => {
    const h = harness();
    for (const t of ["a", "b", "c"]) {
      edit(h, t);
      await vi.advanceTimersByTimeAsync(100);
    }
    await vi.advanceTimersByTimeAsync(1000);
    expect(h.writes).toEqual([[500, "c"]]);
  });

  it("edits without a pause are still written at least every second", async () => {
    const h = harness();
    for (let i = 0; i < 30; i++) {
      edit(h, `e${i}`);
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(h.writes.map(([t]) => t)).toEqual([1000, 2000, 3000 - 0]);
    expect(h.writes[0]![1]).toBe("e9");
  });

  it("property: every committed edit is in a write that starts at most 1,000 ms after it", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 0, max: 1500 }), { minLength: 1, maxLength: 40 }), async (gaps) => {
        vi.setSystemTime(0);
        const h = harness();
        // [time of the edit, writes made before it]
        const edits: [number, number][] = [];
        for (const [i, gap] of gaps.entries()) {
          await vi.advanceTimersByTimeAsync(gap);
          edit(h, `e${i}`);
          edits.push([Date.now(), h.writes.length]);
        }
        await vi.advanceTimersByTimeAsync(AUTOSAVE_TIMING.maxWaitMs);
        for (const [i, [at, before]] of edits.entries()) {
          // The first write after the edit holds it or a later edit.
          const write = h.writes[before];
          expect(write, `edit ${i} at ${at}`).toBeDefined();
          expect(write![0] - at).toBeLessThanOrEqual(AUTOSAVE_TIMING.maxWaitMs);
          expect(Number(write![1].slice(1))).toBeGreaterThanOrEqual(i);
        }
        expect(h.writes.at(-1)![1]).toBe(`e${gaps.length - 1}`);
        h.writer.dispose();
      }),
      { numRuns: 60 },
    );
  });

  it("flush() calls the platform before it returns (a synchronous store has written), and only when something is unwritten", async () => {
    const h = harness();
    edit(h, "typed then reloaded");
    void h.writer.flush();
    expect(h.writes).toEqual([[0, "typed then reloaded"]]);
    await vi.advanceTimersByTimeAsync(2000);
    void h.writer.flush();
    expect(h.writes).toHaveLength(1);
  });

  it("writes nothing before start(): the last session's autosave must be read first", async () => {
    const writes: string[] = [];
    const writer = new AutosaveWriter({
      write: async (t) => (writes.push(t), { ok: true, value: undefined }),
      clear: async () => ({ ok: true, value: undefined }),
      content: () => ({ kind: "write", text: "x" }),
    });
    writer.changed();
    await writer.flush();
    await vi.advanceTimersByTimeAsync(5000);
    expect(writes).toEqual([]);
    writer.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(writes).toEqual(["x"]);
  });

  it("one write at a time: an edit made during a slow write is written after it", async () => {
    const h = harness();
    let finish: (r: PlatformResult<void>) => void = () => undefined;
    h.results.push(new Promise((resolve) => (finish = resolve)));
    edit(h, "a");
    await vi.advanceTimersByTimeAsync(300);
    edit(h, "b");
    await vi.advanceTimersByTimeAsync(2000);
    expect(h.writes.map(([, t]) => t)).toEqual(["a"]);
    finish({ ok: true, value: undefined });
    await vi.advanceTimersByTimeAsync(300);
    expect(h.writes.map(([, t]) => t)).toEqual(["a", "b"]);
  });

  it("clears the slot when no unsaved work is left, and leaves it alone on 'keep'", async () => {
    const h = harness();
    h.content.value = { kind: "clear" };
    h.writer.changed();
    await vi.advanceTimersByTimeAsync(300);
    expect(h.clears).toEqual([300]);
    expect(h.writer.getStatus()).toMatchObject({ kind: "saved", cleared: true });
    h.content.value = { kind: "keep" };
    h.writer.changed();
    await vi.advanceTimersByTimeAsync(300);
    expect(h.clears).toHaveLength(1);
    expect(h.writes).toHaveLength(0);
  });
});

describe("a failed autosave", () => {
  it("is retried on its own with backoff (1, 2, 4 s ...), with the latest content, and says why meanwhile", async () => {
    const h = harness();
    const full: PlatformResult<void> = { ok: false, error: "Browser storage is full; the autosave was not written." };
    h.results.push(full, full, full);
    edit(h, "a");
    await vi.advanceTimersByTimeAsync(300);
    expect(h.writer.getStatus()).toEqual({
      kind: "retrying",
      error: full.error,
      attempt: 1,
      retryAt: 1300,
      lastSavedAt: null,
    });
    edit(h, "b"); // does not hurry the retry
    await vi.advanceTimersByTimeAsync(999);
    expect(h.writes).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(h.writes.map(([t, x]) => `${t}:${x}`)).toEqual(["300:a", "1300:b"]);
    await vi.advanceTimersByTimeAsync(2000);
    expect(h.writer.getStatus()).toMatchObject({ kind: "retrying", attempt: 3, retryAt: 3300 + 4000 });
    // The fourth try succeeds: no edit was needed for it.
    await vi.advanceTimersByTimeAsync(4000);
    expect(h.writes.map(([t]) => t)).toEqual([300, 1300, 3300, 7300]);
    expect(h.writer.getStatus()).toEqual({ kind: "saved", at: 7300, cleared: false });
  });

  it("keeps retrying every 30 s after the backoff runs out; retryNow() tries at once", async () => {
    const h = harness();
    const denied: PlatformResult<void> = { ok: false, error: 'Permission denied for "autosave.json".' };
    for (let i = 0; i < 8; i++) h.results.push(denied);
    edit(h, "a");
    await vi.advanceTimersByTimeAsync(300 + 1000 + 2000 + 4000 + 8000 + 16000);
    expect(h.writes).toHaveLength(6);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(h.writes).toHaveLength(7);
    expect(h.writer.getStatus()).toMatchObject({ kind: "retrying", attempt: 7, error: denied.error });
    await h.writer.retryNow();
    expect(h.writes).toHaveLength(8);
    await h.writer.retryNow();
    expect(h.writes).toHaveLength(9);
    expect(h.writer.getStatus()).toMatchObject({ kind: "saved" });
  });

  it("a platform that throws is a failure like any other, not a crash", async () => {
    const writer = new AutosaveWriter({
      write: () => {
        throw new Error("IPC channel closed");
      },
      clear: async () => ({ ok: true, value: undefined }),
      content: () => ({ kind: "write", text: "x" }),
    });
    writer.start();
    writer.changed();
    await vi.advanceTimersByTimeAsync(300);
    expect(writer.getStatus()).toMatchObject({ kind: "retrying", error: "IPC channel closed", attempt: 1 });
    writer.dispose();
  });
});
