/**
 * The browser PlatformApi with injected storage, picker and download: no DOM needed.
 */
import { describe, expect, it, vi } from "vitest";
import type { FileHandle, OpenedTextFile, PlatformResult } from "../../electron/ipc/contract";
import { createBrowserPlatform, newBrowserToken, STORAGE_KEYS, type PickedFile, type StorageLike } from "../../renderer/platform/browser";
import { getPlatform, resetPlatformForTests } from "../../renderer/platform/index";

class MemoryStorage implements StorageLike {
  readonly data = new Map<string, string>();
  quotaBytes = Infinity;
  getItem(key: string) {
    return this.data.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    const used = [...this.data].reduce((n, [k, v]) => n + (k === key ? 0 : v.length), 0);
    if (used + value.length > this.quotaBytes) throw Object.assign(new Error("quota"), { name: "QuotaExceededError" });
    this.data.set(key, value);
  }
  removeItem(key: string) {
    this.data.delete(key);
  }
}

function picked(name: string, content: string | Uint8Array): PickedFile {
  const bytes = typeof content === "string" ? new TextEncoder().encode(content) : content;
  return { name, size: bytes.byteLength, arrayBuffer: async () => bytes.slice().buffer };
}

function setup(picks: (PickedFile | null)[] = []) {
  const storage = new MemoryStorage();
  const downloads: { name: string; blob: Blob }[] = [];
  const pickFile = vi.fn(async (_accept: string) => picks.shift() ?? null);
  const setTitle = vi.fn();
  const platform = createBrowserPlatform({
    storage,
    pickFile,
    download: (name, blob) => downloads.push({ name, blob }),
    setTitle,
    now: () => new Date("2025-03-01T00:00:00.000Z"),
  });
  return { storage, downloads, pickFile, setTitle, platform };
}

function value<T>(r: PlatformResult<T>): T {
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

describe("browser platform", () => {
  it("is kind 'browser' and has no native menu", () => {
    const { platform } = setup();
    expect(platform.kind).toBe("browser");
    const handler = vi.fn();
    const unsubscribe = platform.onMenuCommand(handler);
    unsubscribe();
    expect(handler).not.toHaveBeenCalled();
  });

  it("opens a scenario through the picker and lists it as recent", async () => {
    const { platform, pickFile } = setup([picked("FIS.json", '\uFEFF{"a":1}')]);
    const opened = value(await platform.openScenarioFile()) as OpenedTextFile;
    expect(pickFile).toHaveBeenCalledWith(expect.stringContaining(".json"));
    expect(opened).toMatchObject({ name: "FIS.json", text: '{"a":1}' });
    expect(opened.token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(value(await platform.recentFiles())).toEqual([{ token: opened.token, name: "FIS.json" }]);
    expect(value(await platform.openRecent(opened.token))).toEqual(opened);
  });

  it("a cancelled picker is a successful null", async () => {
    const { platform } = setup([null]);
    expect(await platform.openScenarioFile()).toEqual({ ok: true, value: null });
  });

  it("refuses files over the limits and non-UTF-8 text", async () => {
    const huge: PickedFile = { name: "big.json", size: 20 * 1024 * 1024 + 1, arrayBuffer: vi.fn() };
    const { platform } = setup([huge, picked("latin1.json", new Uint8Array([0x7b, 0xe9, 0x7d]))]);
    expect(await platform.openScenarioFile()).toEqual({ ok: false, error: '"big.json" is larger than 20 MB.' });
    expect(huge.arrayBuffer).not.toHaveBeenCalled();
    expect(await platform.openScenarioFile()).toEqual({
      ok: false,
      error: expect.stringMatching(/^"latin1\.json" is not valid UTF-8: byte 0xE9 at offset 1 \(line 1\)/),
    });
  });

  it("Save As downloads under a safe name; Save with the token downloads under the same name", async () => {
    const { platform, downloads } = setup();
    const first = value(await platform.saveScenarioFile({ suggestedName: "../../etc/FIS.json", text: "{}" })) as FileHandle;
    expect(first.name).toBe(".._.._etc_FIS.json");
    const again = value(
      await platform.saveScenarioFile({ token: first.token, suggestedName: "other.json", text: '{"v":2}' }),
    ) as FileHandle;
    expect(again).toEqual(first);
    expect(downloads.map((d) => d.name)).toEqual([".._.._etc_FIS.json", ".._.._etc_FIS.json"]);
    expect(await downloads[1]?.blob.text()).toBe('{"v":2}');
    expect(downloads[1]?.blob.type).toBe("application/json");
    // The recent copy follows the last save.
    expect(value(await platform.openRecent(first.token))).toMatchObject({ text: '{"v":2}' });
  });

  it("an unknown token is refused, nothing downloaded", async () => {
    const { platform, downloads } = setup();
    expect(await platform.saveScenarioFile({ token: newBrowserToken(), suggestedName: "a.json", text: "{}" })).toEqual({
      ok: false,
      error: "Unknown file token; use Save As.",
    });
    expect(await platform.openRecent("../../etc/passwd")).toMatchObject({ ok: false });
    expect(downloads).toEqual([]);
  });

  it("exports bytes as a download with the right type", async () => {
    const { platform, downloads } = setup();
    const handle = value(
      await platform.exportFile({ suggestedName: "FIS.xlsx", kind: "xlsx", bytes: new Uint8Array([80, 75]) }),
    ) as FileHandle;
    expect(handle.name).toBe("FIS.xlsx");
    expect(downloads[0]?.blob.type).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(new Uint8Array(await downloads[0]!.blob.arrayBuffer())).toEqual(new Uint8Array([80, 75]));
    expect(await platform.exportFile({ suggestedName: "x.csv", kind: "csv", bytes: "a,b" as unknown as Uint8Array })).toMatchObject({
      ok: false,
    });
  });

  it("opens a spreadsheet's bytes", async () => {
    const { platform } = setup([picked("census.csv", "lane,step\n")]);
    const opened = value(await platform.openSpreadsheetFile());
    expect(opened?.name).toBe("census.csv");
    expect(new TextDecoder().decode(opened?.bytes)).toBe("lane,step\n");
  });

  it("keeps at most 10 recent files and drops the evicted texts", async () => {
    const { platform, storage } = setup();
    const handles: FileHandle[] = [];
    for (let i = 0; i < 12; i++)
      handles.push(value(await platform.saveScenarioFile({ suggestedName: `s${i}.json`, text: `{"i":${i}}` })) as FileHandle);
    const recent = value(await platform.recentFiles());
    expect(recent.map((r) => r.name)).toEqual([
      "s11.json",
      "s10.json",
      "s9.json",
      "s8.json",
      "s7.json",
      "s6.json",
      "s5.json",
      "s4.json",
      "s3.json",
      "s2.json",
    ]);
    expect(storage.getItem(STORAGE_KEYS.recentText(handles[0]!.token))).toBeNull();
    expect(storage.getItem(STORAGE_KEYS.recentText(handles[11]!.token))).toBe('{"i":11}');
  });

  it("a corrupt recent list in storage reads as empty", async () => {
    const { platform, storage } = setup();
    storage.setItem(STORAGE_KEYS.recent, "{not json");
    expect(await platform.recentFiles()).toEqual({ ok: true, value: [] });
    storage.setItem(
      STORAGE_KEYS.recent,
      JSON.stringify([
        { token: "../x", name: "a" },
        { token: newBrowserToken(), name: "ok.json" },
      ]),
    );
    expect(value(await platform.recentFiles()).map((f) => f.name)).toEqual(["ok.json"]);
  });

  it("an autosave is in storage when writeAutosave returns, before its promise settles (the pagehide path needs this)", () => {
    const { storage, platform } = setup();
    void platform.writeAutosave('{"scenarios":[]}');
    expect(JSON.parse(storage.data.get(STORAGE_KEYS.autosave)!)).toEqual({
      version: 1,
      savedAt: "2025-03-01T00:00:00.000Z",
      text: '{"scenarios":[]}',
    });
  });

  it("never asks to flush: the page does that on pagehide itself", () => {
    const { platform } = setup();
    const handler = vi.fn(async () => undefined);
    platform.onFlushRequest(handler)();
    expect(handler).not.toHaveBeenCalled();
  });

  it("autosave round-trips through storage; a full storage is an error value", async () => {
    const { platform, storage } = setup();
    expect(await platform.readAutosave()).toEqual({ ok: true, value: null });
    expect(await platform.writeAutosave('{"d":1}')).toEqual({ ok: true, value: undefined });
    expect(await platform.readAutosave()).toEqual({ ok: true, value: { text: '{"d":1}', savedAt: "2025-03-01T00:00:00.000Z" } });
    storage.quotaBytes = 10;
    expect(await platform.writeAutosave('{"d":2}')).toEqual({ ok: false, error: "Browser storage is full; the autosave was not written." });
    expect(await platform.clearAutosave()).toEqual({ ok: true, value: undefined });
    expect(await platform.readAutosave()).toEqual({ ok: true, value: null });
  });

  it("a recent file too large to keep in storage is listed but cannot be reopened", async () => {
    const { platform, storage } = setup();
    storage.quotaBytes = 2000;
    const handle = value(await platform.saveScenarioFile({ suggestedName: "big.json", text: "x".repeat(5000) })) as FileHandle;
    expect(value(await platform.recentFiles())).toEqual([handle]);
    expect(await platform.openRecent(handle.token)).toEqual({
      ok: false,
      error: '"big.json" is not stored in this browser; use Open to choose it again.',
    });
  });

  it("sets the title, capped at 200 characters", () => {
    const { platform, setTitle } = setup();
    platform.setWindowTitle("x".repeat(300));
    expect(setTitle).toHaveBeenCalledWith("x".repeat(200));
  });
});

describe("browser platform without storage", () => {
  it("works when localStorage is blocked: no recents, autosave fails as a value", async () => {
    vi.stubGlobal("window", {
      get localStorage(): Storage {
        throw Object.assign(new Error("denied"), { name: "SecurityError" });
      },
    });
    const downloads: string[] = [];
    const platform = createBrowserPlatform({ download: (name) => downloads.push(name), setTitle: () => undefined });
    expect(await platform.recentFiles()).toEqual({ ok: true, value: [] });
    expect(await platform.readAutosave()).toEqual({ ok: true, value: null });
    expect(await platform.writeAutosave("{}")).toEqual({ ok: false, error: "Browser storage is unavailable." });
    expect(await platform.saveScenarioFile({ suggestedName: "a.json", text: "{}" })).toMatchObject({ ok: true, value: { name: "a.json" } });
    expect(downloads).toEqual(["a.json"]);
    vi.unstubAllGlobals();
  });
});

describe("getPlatform", () => {
  it("prefers window.platform (Electron's preload), else the browser implementation", () => {
    const electronApi = { kind: "electron" } as unknown;
    vi.stubGlobal("window", { platform: electronApi });
    resetPlatformForTests();
    expect(getPlatform()).toBe(electronApi);

    vi.stubGlobal("window", { localStorage: new MemoryStorage() });
    resetPlatformForTests();
    expect(getPlatform().kind).toBe("browser");
    expect(getPlatform()).toBe(getPlatform());
    vi.unstubAllGlobals();
    resetPlatformForTests();
  });
});
