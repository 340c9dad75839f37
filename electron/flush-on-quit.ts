/**
 * Nothing unsaved is lost when the app quits or a window closes: the window's renderer is asked to
 * write its autosave first (FLUSH_REQUEST_CHANNEL with a request id), and quitting or closing waits
 * until it answers on "autosave:flushed", or FLUSH_TIMEOUT_MS at most, so a hung or crashed renderer
 * can never keep the app from quitting. Electron-free (tested with fakes); main.ts wires it to
 * app "before-quit" and each window's "close".
 */
import { FLUSH_REQUEST_CHANNEL } from "./ipc/contract";

export const FLUSH_TIMEOUT_MS = 3000;

export interface FlushableWindow {
  readonly webContents: { readonly id: number; send(channel: string, ...args: unknown[]): void; isDestroyed(): boolean };
  close(): void;
}

export interface PreventableEvent {
  preventDefault(): void;
}

export interface QuitFlushDeps<W extends FlushableWindow> {
  windows(): readonly W[];
  quit(): void;
  timeoutMs?: number;
}

export interface QuitFlush<W extends FlushableWindow> {
  /** app "before-quit". */
  beforeQuit(event: PreventableEvent): void;
  /** A window's "close". */
  beforeClose(win: W, event: PreventableEvent): void;
  /** "autosave:flushed" from the renderer with webContents id `senderId`: only the one asked can answer. */
  flushed(senderId: number, requestId: number): void;
}

export function createQuitFlush<W extends FlushableWindow>(deps: QuitFlushDeps<W>): QuitFlush<W> {
  const timeoutMs = deps.timeoutMs ?? FLUSH_TIMEOUT_MS;
  const waiting = new Map<number, { senderId: number; done: () => void }>();
  let nextId = 1;
  let quitting: Promise<void> | null = null;
  let readyToQuit = false;
  const closing = new WeakMap<W, Promise<void>>();
  const readyToClose = new WeakSet<W>();

  const flushWindow = (win: W): Promise<void> => {
    const contents = win.webContents;
    if (contents.isDestroyed()) return Promise.resolve();
    const id = nextId++;
    return new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        waiting.delete(id);
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      waiting.set(id, { senderId: contents.id, done });
      try {
        contents.send(FLUSH_REQUEST_CHANNEL, id);
      } catch {
        done(); // the renderer is gone: nothing to wait for
      }
    });
  };

  return {
    beforeQuit(event) {
      if (readyToQuit) return;
      event.preventDefault();
      quitting ??= Promise.all(deps.windows().map(flushWindow)).then(() => {
        readyToQuit = true;
        deps.quit();
      });
    },
    beforeClose(win, event) {
      if (readyToQuit || readyToClose.has(win)) return;
      event.preventDefault();
      if (closing.has(win)) return;
      closing.set(
        win,
        flushWindow(win).then(() => {
          readyToClose.add(win);
          win.close();
        }),
      );
    },
    flushed(senderId, requestId) {
      const entry = waiting.get(requestId);
      if (entry && entry.senderId === senderId) entry.done();
    },
  };
}
