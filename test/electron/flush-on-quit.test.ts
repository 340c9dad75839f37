/**
 * Quitting and closing wait for the renderer's autosave (electron/flush-on-quit.ts), with fakes
 * for the windows and fake timers: the request goes out, the answer (or the timeout) lets the quit
 * or close go on, exactly once, and a stranger cannot answer for a window.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { FLUSH_REQUEST_CHANNEL } from "../../electron/ipc/contract";
import { createQuitFlush, FLUSH_TIMEOUT_MS, type FlushableWindow } from "../../electron/flush-on-quit";

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

function fakeWindow(id: number) {
  const sent: unknown[][] = [];
  const win = {
    webContents: { id, send: (...args: unknown[]) => void sent.push(args), isDestroyed: (): boolean => false },
    close: vi.fn(),
  } satisfies FlushableWindow;
  return { win, sent };
}

const event = () => ({ preventDefault: vi.fn() });

describe("flush before quit", () => {
  it("holds the quit, asks every window to write its autosave, and quits once all have answered", async () => {
    const a = fakeWindow(1);
    const b = fakeWindow(2);
    const quit = vi.fn();
    const flush = createQuitFlush({ windows: () => [a.win, b.win], quit });
    const first = event();
    flush.beforeQuit(first);
    expect(first.preventDefault).toHaveBeenCalledOnce();
    expect(a.sent).toEqual([[FLUSH_REQUEST_CHANNEL, 1]]);
    expect(b.sent).toEqual([[FLUSH_REQUEST_CHANNEL, 2]]);
    // A second quit request while waiting asks nobody again.
    flush.beforeQuit(event());
    expect(a.sent).toHaveLength(1);

    flush.flushed(1, 1);
    await vi.advanceTimersByTimeAsync(0);
    expect(quit).not.toHaveBeenCalled();
    flush.flushed(2, 2);
    await vi.advanceTimersByTimeAsync(0);
    expect(quit).toHaveBeenCalledOnce();
    // The quit that follows goes through, and so do the windows' closes.
    const again = event();
    flush.beforeQuit(again);
    expect(again.preventDefault).not.toHaveBeenCalled();
    const close = event();
    flush.beforeClose(a.win, close);
    expect(close.preventDefault).not.toHaveBeenCalled();
  });

  it("a renderer that never answers delays the quit by FLUSH_TIMEOUT_MS, no more", async () => {
    const a = fakeWindow(1);
    const quit = vi.fn();
    const flush = createQuitFlush({ windows: () => [a.win], quit });
    flush.beforeQuit(event());
    await vi.advanceTimersByTimeAsync(FLUSH_TIMEOUT_MS - 1);
    expect(quit).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(quit).toHaveBeenCalledOnce();
  });

  it("only the window that was asked can answer its request", async () => {
    const a = fakeWindow(1);
    const quit = vi.fn();
    const flush = createQuitFlush({ windows: () => [a.win], quit });
    flush.beforeQuit(event());
    flush.flushed(99, 1);
    flush.flushed(1, 42);
    await vi.advanceTimersByTimeAsync(10);
    expect(quit).not.toHaveBeenCalled();
    flush.flushed(1, 1);
    await vi.advanceTimersByTimeAsync(0);
    expect(quit).toHaveBeenCalledOnce();
  });

  it("with no window left, quits at once", async () => {
    const quit = vi.fn();
    createQuitFlush({ windows: () => [], quit }).beforeQuit(event());
    await vi.advanceTimersByTimeAsync(0);
    expect(quit).toHaveBeenCalledOnce();
  });
});

describe("flush before a window closes", () => {
  it("holds the close, asks that window, then closes it once", async () => {
    const a = fakeWindow(7);
    const flush = createQuitFlush({ windows: () => [a.win], quit: vi.fn() });
    const first = event();
    flush.beforeClose(a.win, first);
    flush.beforeClose(a.win, event());
    expect(first.preventDefault).toHaveBeenCalledOnce();
    expect(a.sent).toEqual([[FLUSH_REQUEST_CHANNEL, 1]]);
    expect(a.win.close).not.toHaveBeenCalled();
    flush.flushed(7, 1);
    await vi.advanceTimersByTimeAsync(0);
    expect(a.win.close).toHaveBeenCalledOnce();
    const second = event();
    flush.beforeClose(a.win, second);
    expect(second.preventDefault).not.toHaveBeenCalled();
  });

  it("a window whose renderer is gone closes without waiting", async () => {
    const a = fakeWindow(3);
    a.win.webContents.isDestroyed = () => true;
    const flush = createQuitFlush({ windows: () => [a.win], quit: vi.fn() });
    flush.beforeClose(a.win, event());
    await vi.advanceTimersByTimeAsync(0);
    expect(a.win.close).toHaveBeenCalledOnce();
    expect(a.sent).toEqual([]);
  });
});
