/**
 * The preload with Electron mocked: what the page gets on window.platform, and what it does not.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { FLUSH_REQUEST_CHANNEL, IPC_CHANNELS, MENU_EVENT_CHANNEL, type PlatformApi } from "../../electron/ipc/contract";

const electron = vi.hoisted(() => {
  const listeners = new Map<string, Set<(...args: unknown[]) => void>>();
  return {
    exposed: new Map<string, unknown>(),
    listeners,
    ipcRenderer: {
      invoke: vi.fn(async (..._args: unknown[]): Promise<unknown> => ({ ok: true, value: null })),
      on: vi.fn((channel: string, listener: (...args: unknown[]) => void) => {
        if (!listeners.has(channel)) listeners.set(channel, new Set());
        listeners.get(channel)?.add(listener);
      }),
      removeListener: vi.fn((channel: string, listener: (...args: unknown[]) => void) => {
        listeners.get(channel)?.delete(listener);
      }),
      send: vi.fn(),
      sendSync: vi.fn(),
    },
  };
});

vi.mock("electron", () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => electron.exposed.set(key, api) },
  ipcRenderer: electron.ipcRenderer,
}));

let api: PlatformApi;

beforeAll(async () => {
  await import("../../electron/preload");
  api = electron.exposed.get("platform") as PlatformApi;
});

beforeEach(() => {
  electron.ipcRenderer.invoke.mockClear();
});

function emitFlushRequest(...args: unknown[]) {
  for (const listener of electron.listeners.get(FLUSH_REQUEST_CHANNEL) ?? [])
    listener({ sender: electron.ipcRenderer, senderId: 0 }, ...args);
}

/** A flush request answered by a handler that resolves at once; resolves after the answer is sent. */
async function flushOnce(id: number) {
  const unsubscribe = api.onFlushRequest(async () => undefined);
  emitFlushRequest(id);
  await vi.waitFor(() => expect(electron.ipcRenderer.invoke).toHaveBeenCalled());
  unsubscribe();
}

function emitMenu(...args: unknown[]) {
  for (const listener of electron.listeners.get(MENU_EVENT_CHANNEL) ?? []) listener({ sender: electron.ipcRenderer, senderId: 0 }, ...args);
}

describe("preload bridge", () => {
  it("exposes exactly one global, `platform`, with the PlatformApi's named members", () => {
    expect([...electron.exposed.keys()]).toEqual(["platform"]);
    expect(Object.keys(api).sort()).toEqual(
      [
        "kind",
        "openScenarioFile",
        "saveScenarioFile",
        "openSpreadsheetFile",
        "exportFile",
        "recentFiles",
        "openRecent",
        "writeAutosave",
        "readAutosave",
        "clearAutosave",
        "onMenuCommand",
        "onFlushRequest",
        "setWindowTitle",
      ].sort(),
    );
    expect(api.kind).toBe("electron");
    for (const [key, member] of Object.entries(api)) {
      if (key !== "kind") expect(typeof member, key).toBe("function");
    }
  });

  it("leaks no ipcRenderer, no generic send/invoke, no sendSync", () => {
    const values = Object.values(api);
    expect(values).not.toContain(electron.ipcRenderer);
    expect(values).not.toContain(electron.ipcRenderer.invoke);
    expect(Object.keys(api).some((k) => /send|invoke|ipc|channel/i.test(k))).toBe(false);
    expect(electron.ipcRenderer.sendSync).not.toHaveBeenCalled();
  });

  it("each method invokes its own fixed channel, and together they cover IPC_CHANNELS", async () => {
    const bytes = new Uint8Array([1]);
    const calls: [() => unknown, unknown[]][] = [
      [() => api.openScenarioFile(), ["scenario:open"]],
      [() => api.saveScenarioFile({ suggestedName: "a.json", text: "{}" }), ["scenario:save", { suggestedName: "a.json", text: "{}" }]],
      [() => api.openSpreadsheetFile(), ["spreadsheet:open"]],
      [
        () => api.exportFile({ suggestedName: "a.csv", kind: "csv", bytes }),
        ["file:export", { suggestedName: "a.csv", kind: "csv", bytes }],
      ],
      [() => api.recentFiles(), ["recent:list"]],
      [() => api.openRecent("t"), ["recent:open", "t"]],
      [() => api.writeAutosave("{}"), ["autosave:write", "{}"]],
      [() => api.readAutosave(), ["autosave:read"]],
      [() => api.clearAutosave(), ["autosave:clear"]],
      [() => api.setWindowTitle("T"), ["window:setTitle", "T"]],
      [() => flushOnce(7), ["autosave:flushed", 7]],
    ];
    for (const [call, expected] of calls) {
      electron.ipcRenderer.invoke.mockClear();
      await call();
      expect(electron.ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith(...expected);
    }
    expect(new Set(calls.map(([, [channel]]) => channel))).toEqual(new Set(IPC_CHANNELS));
  });

  it("a rejected invoke (no handler, channel gone) becomes an error value, never a throw", async () => {
    electron.ipcRenderer.invoke.mockRejectedValueOnce(new Error("No handler registered for 'scenario:open'"));
    await expect(api.openScenarioFile()).resolves.toEqual({ ok: false, error: "The application could not complete the request." });
  });

  it("menu commands reach the handler without the IPC event; unknown ones are dropped; unsubscribe works", () => {
    const handler = vi.fn();
    const unsubscribe = api.onMenuCommand(handler);
    emitMenu("file.save");
    emitMenu("file.openRecent", "A".repeat(32));
    emitMenu("file.openRecent"); // no token: dropped
    emitMenu("shell.openExternal");
    emitMenu({ command: "file.save" });
    expect(handler.mock.calls).toEqual([["file.save"], ["file.openRecent", "A".repeat(32)]]);
    unsubscribe();
    emitMenu("file.save");
    expect(handler).toHaveBeenCalledTimes(2);
    expect(electron.listeners.get(MENU_EVENT_CHANNEL)?.size).toBe(0);
  });

  it("source imports only `electron` and the bundled contract (sandbox-compatible)", () => {
    const source = readFileSync(fileURLToPath(new URL("../../electron/preload.ts", import.meta.url)), "utf8");
    const specifiers = [...source.matchAll(/^\s*import\s[^"']*["']([^"']+)["']/gm)].map((m) => m[1]);
    expect(new Set(specifiers)).toEqual(new Set(["electron", "./ipc/contract"]));
    const code = source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/\/\/.*$/gm, "");
    expect(code).not.toMatch(/require\(|sendSync|process\.|node:|ipcRenderer\.send\b/);
    const contract = readFileSync(fileURLToPath(new URL("../../electron/ipc/contract.ts", import.meta.url)), "utf8");
    expect(contract).not.toMatch(/^\s*import\s/m);
  });
});

describe("flush requests from the main process", () => {
  it("run the handler, then answer with the request id; bad ids are dropped; unsubscribe works", async () => {
    const order: string[] = [];
    electron.ipcRenderer.invoke.mockImplementation(async (...args: unknown[]) => {
      order.push(`invoke ${String(args[0])} ${String(args[1])}`);
      return { ok: true, value: undefined };
    });
    let finish: () => void = () => undefined;
    const handler = vi.fn(() => new Promise<void>((resolve) => (finish = () => (order.push("written"), resolve()))));
    const unsubscribe = api.onFlushRequest(handler);
    emitFlushRequest(3);
    emitFlushRequest("3");
    emitFlushRequest(-1);
    emitFlushRequest(1.5);
    await vi.waitFor(() => expect(handler).toHaveBeenCalledOnce());
    expect(order).toEqual([]);
    finish();
    await vi.waitFor(() => expect(order).toEqual(["written", "invoke autosave:flushed 3"]));
    unsubscribe();
    emitFlushRequest(4);
    await new Promise((r) => setTimeout(r, 10));
    expect(handler).toHaveBeenCalledOnce();
  });

  it("answers even when the handler fails, so the main process is not kept waiting", async () => {
    electron.ipcRenderer.invoke.mockClear();
    const unsubscribe = api.onFlushRequest(async () => {
      throw new Error("disk full");
    });
    emitFlushRequest(9);
    await vi.waitFor(() => expect(electron.ipcRenderer.invoke).toHaveBeenCalledWith("autosave:flushed", 9));
    unsubscribe();
  });
});
