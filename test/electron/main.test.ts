/**
 * main.ts with Electron mocked: the wiring, not the logic (that is tested module by module).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { FLUSH_TIMEOUT_MS } from "../../electron/flush-on-quit";
import { FLUSH_REQUEST_CHANNEL, IPC_CHANNELS } from "../../electron/ipc/contract";

const fake = vi.hoisted(() => {
  const appListeners = new Map<string, ((...args: unknown[]) => void)[]>();
  const windows: {
    options: unknown;
    loadFile: ReturnType<typeof vi.fn>;
    loadURL: ReturnType<typeof vi.fn>;
    send: ReturnType<typeof vi.fn>;
    close: ReturnType<typeof vi.fn>;
    listeners: Map<string, ((...args: unknown[]) => void)[]>;
    instance: unknown;
  }[] = [];
  let ready: () => void = () => undefined;
  const whenReadyPromise = new Promise<void>((resolve) => (ready = resolve));
  return {
    appListeners,
    windows,
    ready: () => ready(),
    userData: "",
    handled: [] as string[],
    events: [] as string[],
    privileged: vi.fn((schemes: unknown) => void fake.events.push(`privileged ${JSON.stringify(schemes)}`)),
    protocolHandlers: new Map<string, (request: { url: string; method: string }) => Promise<Response>>(),
    quit: vi.fn(),
    enableSandbox: vi.fn(),
    setApplicationMenu: vi.fn(),
    session: {
      webRequest: { onHeadersReceived: vi.fn() },
      setPermissionRequestHandler: vi.fn(),
      setPermissionCheckHandler: vi.fn(),
      setDevicePermissionHandler: vi.fn(),
      on: vi.fn(),
    },
    whenReadyPromise,
  };
});

vi.mock("electron", () => {
  class BrowserWindow {
    static getAllWindows = () => fake.windows.map((w) => w.instance);
    static fromWebContents = () => null;
    webContents = { id: fake.windows.length + 1, send: vi.fn(), isDestroyed: () => false };
    loadFile = vi.fn(async () => undefined);
    loadURL = vi.fn(async () => undefined);
    close = vi.fn();
    listeners = new Map<string, ((...args: unknown[]) => void)[]>();
    constructor(options: unknown) {
      fake.events.push("window");
      fake.windows.push({
        options,
        loadFile: this.loadFile,
        loadURL: this.loadURL,
        send: this.webContents.send,
        close: this.close,
        listeners: this.listeners,
        instance: this,
      });
    }
    once() {}
    on(event: string, listener: (...args: unknown[]) => void) {
      this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    }
    show() {}
  }
  return {
    app: {
      enableSandbox: fake.enableSandbox,
      isPackaged: true,
      requestSingleInstanceLock: () => true,
      getPath: (name: string) => (name === "userData" ? fake.userData : join(fake.userData, name)),
      whenReady: () => fake.whenReadyPromise,
      on: (event: string, listener: (...args: unknown[]) => void) => {
        fake.appListeners.set(event, [...(fake.appListeners.get(event) ?? []), listener]);
      },
      quit: fake.quit,
      exit: vi.fn(),
    },
    BrowserWindow,
    Menu: { buildFromTemplate: (t: unknown) => ({ template: t }), setApplicationMenu: fake.setApplicationMenu },
    dialog: { showOpenDialog: vi.fn(), showSaveDialog: vi.fn() },
    ipcMain: { handle: (channel: string) => fake.handled.push(channel) },
    session: { defaultSession: fake.session },
    protocol: {
      registerSchemesAsPrivileged: fake.privileged,
      handle: (scheme: string, handler: (request: { url: string; method: string }) => Promise<Response>) => {
        fake.events.push(`handle ${scheme}`);
        fake.protocolHandlers.set(scheme, handler);
      },
    },
  };
});

beforeAll(async () => {
  fake.userData = mkdtempSync(join(tmpdir(), "fis-main-"));
  await import("../../electron/main");
});

afterAll(() => {
  rmSync(fake.userData, { recursive: true, force: true });
});

async function started() {
  fake.ready();
  await vi.waitFor(() => expect(fake.windows.length).toBe(1));
}

describe("main process wiring", () => {
  it("enables the sandbox for all renderers and hardens every webContents before anything is ready", () => {
    expect(fake.enableSandbox).toHaveBeenCalledOnce();
    expect(fake.appListeners.get("web-contents-created")).toHaveLength(1);
    expect(fake.windows).toHaveLength(0);
  });

  it("on ready: session security, exactly the IPC channels, the menu, then one window", async () => {
    await started();
    expect(fake.session.webRequest.onHeadersReceived).toHaveBeenCalledOnce();
    expect(fake.session.setPermissionRequestHandler).toHaveBeenCalledOnce();
    expect(fake.handled).toEqual([...IPC_CHANNELS]);
    expect(fake.setApplicationMenu).toHaveBeenCalled();
  });

  it("the window uses the secure options and loads the bundled page as app://fis/index.html, never file://", async () => {
    await started();
    const [win] = fake.windows;
    const web = (win?.options as { webPreferences: Record<string, unknown> }).webPreferences;
    expect(web).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false });
    expect(String(web.preload).replace(/\\/g, "/")).toMatch(/\/preload\/preload\.cjs$/);
    expect(win?.loadURL.mock.calls).toEqual([["app://fis/index.html"]]);
    expect(win?.loadFile).not.toHaveBeenCalled();
  });

  it("app:// is privileged before ready (standard, secure, fetch) and handled before the window opens", async () => {
    await started();
    expect(fake.privileged.mock.calls).toEqual([
      [[{ scheme: "app", privileges: { standard: true, secure: true, supportFetchAPI: true } }]],
    ]);
    expect(fake.events.indexOf('privileged [{"scheme":"app","privileges":{"standard":true,"secure":true,"supportFetchAPI":true}}]')).toBe(
      0,
    );
    expect(fake.events.indexOf("handle app")).toBeLessThan(fake.events.indexOf("window"));
  });

  it("the registered handler serves the renderer folder (out/renderer) with the CSP, and refuses escapes", async () => {
    await started();
    const handler = fake.protocolHandlers.get("app")!;
    // out/renderer is not built in unit tests: a page that is not there is a 404 with the CSP, not a crash.
    const missing = await handler({ url: "app://fis/index.html", method: "GET" });
    expect([200, 404]).toContain(missing.status);
    expect(missing.headers.get("content-security-policy")).toContain("script-src 'self'");
    expect((await handler({ url: "app://fis/../../package.json", method: "GET" })).status).toBe(404);
    expect((await handler({ url: "app://fis/%2e%2e%2f%2e%2e%2fpackage.json", method: "GET" })).status).toBe(404);
  });
});

describe("quitting and closing write the autosave first", () => {
  it("before-quit is held while the window is asked to flush, and goes on after FLUSH_TIMEOUT_MS at most", async () => {
    await started();
    const [win] = fake.windows;
    const beforeQuit = fake.appListeners.get("before-quit");
    expect(beforeQuit).toHaveLength(1);
    vi.useFakeTimers();
    try {
      const event = { preventDefault: vi.fn() };
      beforeQuit![0]!(event);
      expect(event.preventDefault).toHaveBeenCalledOnce();
      expect(win?.send).toHaveBeenCalledWith(FLUSH_REQUEST_CHANNEL, expect.any(Number));
      expect(fake.quit).not.toHaveBeenCalled();
      await vi.advanceTimersByTimeAsync(FLUSH_TIMEOUT_MS);
      expect(fake.quit).toHaveBeenCalledOnce();
    } finally {
      vi.useRealTimers();
    }
  });

  it("each window's close is wired to the same flush", async () => {
    await started();
    expect(fake.windows[0]?.listeners.get("close")).toHaveLength(1);
  });
});
