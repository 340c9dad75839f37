/**
 * The only bridge between the page and the main process (runs sandboxed: it may import nothing but
 * `electron`; electron-vite bundles ./ipc/contract in and emits CommonJS, out/preload/preload.cjs).
 *
 * Exposes `window.platform`: named functions, each bound to one fixed channel. No ipcRenderer, no
 * generic send/invoke, no sendSync, and the IPC event object never reaches the page.
 * The main process re-validates every argument; nothing here is trusted for security.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from "electron";
import { FLUSH_REQUEST_CHANNEL, MENU_COMMANDS, MENU_EVENT_CHANNEL } from "./ipc/contract";
import type { IpcChannel, MenuCommand, PlatformApi, PlatformResult } from "./ipc/contract";

const menuCommands: ReadonlySet<string> = new Set(MENU_COMMANDS);

/** invoke() rejects when the main process has no handler or the channel dies; turn that into a value too. */
function invoke<T>(channel: IpcChannel, ...args: unknown[]): Promise<PlatformResult<T>> {
  return ipcRenderer
    .invoke(channel, ...args)
    .then((result: PlatformResult<T>) => result)
    .catch((): PlatformResult<T> => ({ ok: false, error: "The application could not complete the request." }));
}

const api = {
  kind: "electron",
  openScenarioFile: () => invoke("scenario:open"),
  saveScenarioFile: (req) => invoke("scenario:save", req),
  openSpreadsheetFile: () => invoke("spreadsheet:open"),
  exportFile: (req) => invoke("file:export", req),
  recentFiles: () => invoke("recent:list"),
  openRecent: (token) => invoke("recent:open", token),
  writeAutosave: (text) => invoke("autosave:write", text),
  readAutosave: () => invoke("autosave:read"),
  clearAutosave: () => invoke("autosave:clear"),
  onMenuCommand(handler) {
    if (typeof handler !== "function") throw new TypeError("onMenuCommand needs a function");
    const listener = (_event: IpcRendererEvent, command: unknown, token: unknown): void => {
      if (typeof command !== "string" || !menuCommands.has(command)) return;
      if (command === "file.openRecent") {
        if (typeof token === "string") handler(command, token);
        return;
      }
      handler(command as MenuCommand);
    };
    ipcRenderer.on(MENU_EVENT_CHANNEL, listener);
    return () => {
      ipcRenderer.removeListener(MENU_EVENT_CHANNEL, listener);
    };
  },
  onFlushRequest(handler) {
    if (typeof handler !== "function") throw new TypeError("onFlushRequest needs a function");
    const listener = (_event: IpcRendererEvent, id: unknown): void => {
      if (!Number.isSafeInteger(id) || (id as number) <= 0) return;
      // Answered even when the write failed or threw: the main process must not wait for nothing.
      void Promise.resolve()
        .then(handler)
        .catch(() => undefined)
        .then(() => invoke("autosave:flushed", id));
    };
    ipcRenderer.on(FLUSH_REQUEST_CHANNEL, listener);
    return () => {
      ipcRenderer.removeListener(FLUSH_REQUEST_CHANNEL, listener);
    };
  },
  setWindowTitle(title) {
    void invoke("window:setTitle", title);
  },
} satisfies PlatformApi;

contextBridge.exposeInMainWorld("platform", api);
