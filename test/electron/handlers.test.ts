/**
 * The IPC handlers driven end to end with fake dialogs and a real temp directory: what the renderer
 * can and cannot make the main process do.
 */
import { execFileSync } from "node:child_process";
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, stat, truncate, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { RENDERER_URL } from "../../electron/app-origin";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { IPC_CHANNELS, type FileHandle, type IpcChannel, type PlatformResult } from "../../electron/ipc/contract";
import {
  createPlatformHandlers,
  registerIpcHandlers,
  type InvokeEventLike,
  type OpenDialogRequest,
  type PlatformDeps,
  type SaveDialogRequest,
} from "../../electron/ipc/handlers";

let dir: string;
let userData: string;
let docs: string;
let rendererUrl: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "fis-handlers-"));
  userData = join(dir, "userData");
  docs = join(dir, "Documents");
  await mkdir(userData);
  await mkdir(docs);
  rendererUrl = RENDERER_URL;
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const trusted = (): InvokeEventLike => ({ senderFrame: { url: rendererUrl, parent: null } });

interface Harness {
  call(channel: IpcChannel, ...args: unknown[]): Promise<PlatformResult<unknown>>;
  callAs(event: InvokeEventLike, channel: IpcChannel, ...args: unknown[]): Promise<PlatformResult<unknown>>;
  openAnswers: (string | null)[];
  saveAnswers: (string | null)[];
  showOpenDialog: ReturnType<typeof vi.fn<(e: InvokeEventLike, r: OpenDialogRequest) => Promise<string | null>>>;
  showSaveDialog: ReturnType<typeof vi.fn<(e: InvokeEventLike, r: SaveDialogRequest) => Promise<string | null>>>;
  setWindowTitle: ReturnType<typeof vi.fn<(e: InvokeEventLike, title: string) => void>>;
  recentChanges: FileHandle[][];
  recentFileHandles(): FileHandle[];
}

async function harness(overrides: Partial<PlatformDeps> = {}): Promise<Harness> {
  const openAnswers: (string | null)[] = [];
  const saveAnswers: (string | null)[] = [];
  const recentChanges: FileHandle[][] = [];
  const showOpenDialog = vi.fn(async (_e: InvokeEventLike, _r: OpenDialogRequest) => openAnswers.shift() ?? null);
  const showSaveDialog = vi.fn(async (_e: InvokeEventLike, _r: SaveDialogRequest) => saveAnswers.shift() ?? null);
  const setWindowTitle = vi.fn<(e: InvokeEventLike, title: string) => void>();
  const platform = await createPlatformHandlers({
    rendererUrl,
    userDataDir: userData,
    showOpenDialog,
    showSaveDialog,
    setWindowTitle,
    onRecentFilesChanged: (files) => recentChanges.push(files),
    now: () => new Date("2025-03-01T12:00:00.000Z"),
    logError: () => undefined,
    ...overrides,
  });
  return {
    call: (channel, ...args) => platform.handlers[channel](trusted(), ...args),
    callAs: (event, channel, ...args) => platform.handlers[channel](event, ...args),
    openAnswers,
    saveAnswers,
    showOpenDialog,
    showSaveDialog,
    setWindowTitle,
    recentChanges,
    recentFileHandles: platform.recentFileHandles,
  };
}

function value<T>(result: PlatformResult<unknown>): T {
  if (!result.ok) throw new Error(`expected ok, got error: ${result.error}`);
  return result.value as T;
}

function errorOf(result: PlatformResult<unknown>): string {
  if (result.ok) throw new Error(`expected an error, got ${JSON.stringify(result.value)}`);
  return result.error;
}

/** A plausible argument for each channel, so sender checks are tested with otherwise valid calls. */
const VALID_ARGS: Record<IpcChannel, unknown[]> = {
  "scenario:open": [],
  "scenario:save": [{ suggestedName: "s.json", text: "{}" }],
  "spreadsheet:open": [],
  "file:export": [{ suggestedName: "t.csv", kind: "csv", bytes: new Uint8Array([97]) }],
  "recent:list": [],
  "recent:open": ["abcdefghijklmnopqrstuvwxyzABCD-_"],
  "autosave:write": ["{}"],
  "autosave:read": [],
  "autosave:clear": [],
  "autosave:flushed": [1],
  "window:setTitle": ["t"],
};

describe("registration", () => {
  it("registers exactly the channels of IPC_CHANNELS, each once", async () => {
    // Given a fake ipcMain that records handle() calls
    const registered: string[] = [];
    const h = await createPlatformHandlers({
      rendererUrl,
      userDataDir: userData,
      showOpenDialog: async () => null,
      showSaveDialog: async () => null,
      setWindowTitle: () => undefined,
    });
    registerIpcHandlers({ handle: (channel) => void registered.push(channel) }, h.handlers);
    // Then nothing else is listened to
    expect(registered).toEqual([...IPC_CHANNELS]);
    expect(Object.keys(h.handlers).sort()).toEqual([...IPC_CHANNELS].sort());
    expect(Object.isFrozen(h.handlers)).toBe(true);
  });

  it("the registered listener forwards the event and arguments to the handler", async () => {
    const h = await harness();
    const listeners = new Map<string, (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>>();
    const platform = await createPlatformHandlers({
      rendererUrl,
      userDataDir: userData,
      showOpenDialog: async () => null,
      showSaveDialog: async () => null,
      setWindowTitle: h.setWindowTitle,
    });
    registerIpcHandlers({ handle: (channel, listener) => void listeners.set(channel, listener) }, platform.handlers);
    await expect(listeners.get("window:setTitle")?.(trusted(), "Hello")).resolves.toEqual({ ok: true, value: undefined });
    expect(h.setWindowTitle).toHaveBeenCalledWith(expect.anything(), "Hello");
  });
});

describe("sender check", () => {
  const strangers: [string, () => InvokeEventLike][] = [
    ["an https origin", () => ({ senderFrame: { url: "https://evil.example/index.html", parent: null } })],
    ["a dev server", () => ({ senderFrame: { url: "http://localhost:5173/", parent: null } })],
    ["a local file", () => ({ senderFrame: { url: pathToFileURL(join(dir, "evil.html")).href, parent: null } })],
    ["another app:// page", () => ({ senderFrame: { url: "app://fis/evil.html", parent: null } })],
    ["an iframe inside the app's page", () => ({ senderFrame: { url: rendererUrl, parent: { url: rendererUrl } } })],
    ["a destroyed frame", () => ({ senderFrame: null })],
  ];

  for (const [label, event] of strangers) {
    it(`refuses every channel from ${label}, before any dialog or file access`, async () => {
      const h = await harness();
      h.openAnswers.push(join(docs, "x.json"));
      h.saveAnswers.push(join(docs, "x.json"));
      for (const channel of IPC_CHANNELS) {
        const result = await h.callAs(event(), channel, ...VALID_ARGS[channel]);
        expect(errorOf(result)).toMatch(/did not come from the application window/);
      }
      expect(h.showOpenDialog).not.toHaveBeenCalled();
      expect(h.showSaveDialog).not.toHaveBeenCalled();
      expect(h.setWindowTitle).not.toHaveBeenCalled();
      expect(await readdir(docs)).toEqual([]);
      expect(await readdir(userData)).toEqual([]);
    });
  }

  it("survives a missing or malformed event without throwing", async () => {
    const h = await harness();
    await expect(h.callAs(undefined as unknown as InvokeEventLike, "recent:list")).resolves.toMatchObject({ ok: false });
    await expect(h.callAs({} as InvokeEventLike, "recent:list")).resolves.toMatchObject({ ok: false });
  });
});

describe("bad payloads are rejected as PlatformResult errors", () => {
  const cases: [IpcChannel, unknown[], RegExp][] = [
    ["scenario:save", [], /one argument/],
    ["scenario:save", ["/etc/passwd"], /expected an object/],
    ["scenario:save", [{ suggestedName: "a.json", text: "{}", path: "/etc/passwd" }], /unknown field "path"/],
    ["scenario:save", [{ suggestedName: "a.json", text: "{}", token: "../../etc/passwd" }], /token is not valid/],
    ["scenario:save", [{ suggestedName: "../../.bashrc", text: "{}" }], /not a path/],
    ["scenario:save", [{ suggestedName: "a.json", text: "x".repeat(20 * 1024 * 1024 + 1) }], /larger than 20 MB/],
    ["scenario:save", [JSON.parse('{"suggestedName":"a.json","text":"{}","__proto__":{"x":1}}')], /forbidden field/],
    ["scenario:save", [{ suggestedName: "a.json", text: "{}", overwriteReadOnly: "yes" }], /boolean/],
    ["file:export", [{ suggestedName: "a.xlsx", kind: "xlsx", bytes: "PK" }], /Uint8Array/],
    ["file:export", [{ suggestedName: "a.xlsx", kind: "exe", bytes: new Uint8Array(1) }], /kind must be/],
    ["recent:open", ["../../etc/passwd"], /token is not valid/],
    ["recent:open", [{ token: "x" }], /must be a string/],
    ["autosave:write", [42], /must be a string/],
    ["window:setTitle", ["x".repeat(201)], /longer than 200/],
    ["scenario:open", [join("/", "etc", "passwd")], /Unexpected arguments/],
    ["spreadsheet:open", [{ path: "/etc/shadow" }], /Unexpected arguments/],
    ["autosave:read", ["/etc/passwd"], /Unexpected arguments/],
    ["autosave:flushed", ["1"], /positive integer/],
    ["autosave:flushed", [0], /positive integer/],
    ["autosave:flushed", [2 ** 60], /positive integer/],
    ["autosave:flushed", [], /one argument/],
  ];

  for (const [channel, args, pattern] of cases) {
    it(`${channel} ${JSON.stringify(args).slice(0, 80)}`, async () => {
      const h = await harness();
      h.openAnswers.push(join(docs, "x.json"));
      h.saveAnswers.push(join(docs, "x.json"));
      const result = await h.call(channel, ...args);
      expect(errorOf(result)).toMatch(pattern);
      expect(h.showOpenDialog).not.toHaveBeenCalled();
      expect(h.showSaveDialog).not.toHaveBeenCalled();
      expect(await readdir(docs)).toEqual([]);
    });
  }
});

describe("tokens: a file is only ever one the user chose", () => {
  it("Save As writes where the dialog says; Save with the token overwrites it without a dialog", async () => {
    const h = await harness();
    const target = join(docs, "chosen.json");
    h.saveAnswers.push(target);

    // When: Save As (no token)
    const first = value<FileHandle>(await h.call("scenario:save", { suggestedName: "FIS as published.json", text: '{"v":1}' }));
    // Then: the dialog was offered only a bare name, and the file is at the chosen path
    expect(h.showSaveDialog).toHaveBeenCalledTimes(1);
    expect(h.showSaveDialog.mock.calls[0]?.[1]).toMatchObject({ defaultName: "FIS as published.json" });
    expect(first.name).toBe("chosen.json");
    expect(await readFile(target, "utf8")).toBe('{"v":1}');

    // When: Save (with the token)
    const second = value<FileHandle>(await h.call("scenario:save", { token: first.token, suggestedName: "ignored.json", text: '{"v":2}' }));
    // Then: same file, same token, no second dialog
    expect(second).toEqual(first);
    expect(h.showSaveDialog).toHaveBeenCalledTimes(1);
    expect(await readFile(target, "utf8")).toBe('{"v":2}');
    expect(await readdir(docs)).toEqual(["chosen.json"]);
  });

  it("an unknown (well-formed) token is refused and nothing is written", async () => {
    const h = await harness();
    const result = await h.call("scenario:save", { token: "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", suggestedName: "a.json", text: "{}" });
    expect(errorOf(result)).toMatch(/Unknown file token/);
    expect(h.showSaveDialog).not.toHaveBeenCalled();
    expect(await readdir(docs)).toEqual([]);
    expect(errorOf(await h.call("recent:open", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"))).toMatch(/not in the recent files list/);
  });

  it("a token from an export can neither open it as a scenario nor overwrite it with scenario text", async () => {
    const h = await harness();
    h.saveAnswers.push(join(docs, "table.csv"));
    const exported = value<FileHandle>(
      await h.call("file:export", { suggestedName: "table.csv", kind: "csv", bytes: new Uint8Array([97, 44, 98]) }),
    );
    expect(await readFile(join(docs, "table.csv"), "utf8")).toBe("a,b");
    expect(errorOf(await h.call("recent:open", exported.token))).toMatch(/not in the recent files list/);
    expect(errorOf(await h.call("scenario:save", { token: exported.token, suggestedName: "x.json", text: "{}" }))).toMatch(
      /Unknown file token/,
    );
    expect(await readFile(join(docs, "table.csv"), "utf8")).toBe("a,b");
  });

  it("exports a FIS document as PDF or Word through a save dialog offering only that type", async () => {
    const h = await harness();
    for (const [kind, name, filter] of [
      ["pdf", "FIS.pdf", "PDF document"],
      ["docx", "FIS.docx", "Word document"],
    ] as const) {
      h.saveAnswers.push(join(docs, name));
      const bytes = new Uint8Array([37, 80, 68, 70]);
      expect(value<FileHandle>(await h.call("file:export", { suggestedName: name, kind, bytes })).name).toBe(name);
      expect(new Uint8Array(await readFile(join(docs, name)))).toEqual(bytes);
      const request = h.showSaveDialog.mock.calls.at(-1)![1];
      expect(request.title).toMatch(/^Export FIS document/);
      expect(request.filters).toEqual([{ name: filter, extensions: [kind] }]);
    }
  });

  it("a token from the recent list (a file chosen in an earlier session) can be saved over", async () => {
    const file = join(docs, "earlier.json");
    await writeFile(join(userData, "recent.json"), JSON.stringify({ version: 1, files: [file] }));
    await writeFile(file, "{}");
    const h = await harness();
    const [entry] = value<FileHandle[]>(await h.call("recent:list"));
    expect(value<FileHandle>(await h.call("scenario:save", { token: entry?.token, suggestedName: "x.json", text: '{"v":3}' }))).toEqual(
      entry,
    );
    expect(await readFile(file, "utf8")).toBe('{"v":3}');
  });

  it("a cancelled dialog is a successful null, and writes nothing", async () => {
    const h = await harness();
    expect(await h.call("scenario:save", { suggestedName: "a.json", text: "{}" })).toEqual({ ok: true, value: null });
    expect(await h.call("scenario:open")).toEqual({ ok: true, value: null });
    expect(await h.call("spreadsheet:open")).toEqual({ ok: true, value: null });
    expect(await h.call("file:export", { suggestedName: "a.csv", kind: "csv", bytes: new Uint8Array(1) })).toEqual({
      ok: true,
      value: null,
    });
    expect(await readdir(docs)).toEqual([]);
  });

  it("only one dialog at a time", async () => {
    let release: (p: string | null) => void = () => undefined;
    const h = await harness({ showOpenDialog: () => new Promise((resolve) => (release = resolve)) });
    const first = h.call("scenario:open");
    expect(errorOf(await h.call("spreadsheet:open"))).toMatch(/already open/);
    release(null);
    expect(await first).toEqual({ ok: true, value: null });
  });
});

describe("open, recent files, and reading limits", () => {
  it("opening a scenario returns its text, a token, and puts it on the recent list (persisted)", async () => {
    const h = await harness();
    const file = join(docs, "scenario.json");
    await writeFile(file, '\uFEFF{"name":"FIS"}');
    h.openAnswers.push(file);

    const opened = value<{ token: string; name: string; text: string }>(await h.call("scenario:open"));
    expect(opened).toMatchObject({ name: "scenario.json", text: '{"name":"FIS"}' });
    expect(h.showOpenDialog.mock.calls[0]?.[1].filters[0]?.extensions).toEqual(["json"]);

    const recent = value<FileHandle[]>(await h.call("recent:list"));
    expect(recent).toEqual([{ token: opened.token, name: "scenario.json" }]);
    expect(h.recentChanges.at(-1)).toEqual(recent);
    expect(JSON.parse(await readFile(join(userData, "recent.json"), "utf8"))).toEqual({ version: 1, files: [file] });

    // A new session (fresh token map) sees the list and can open from it.
    const next = await harness();
    const [entry] = value<FileHandle[]>(await next.call("recent:list"));
    expect(entry?.name).toBe("scenario.json");
    expect(value<{ text: string }>(await next.call("recent:open", entry?.token)).text).toBe('{"name":"FIS"}');
  });

  it("a recent file that was deleted gives an error and leaves the list", async () => {
    const h = await harness();
    const file = join(docs, "gone.json");
    await writeFile(file, "{}");
    h.openAnswers.push(file);
    const opened = value<FileHandle>(await h.call("scenario:open"));
    await rm(file);
    expect(errorOf(await h.call("recent:open", opened.token))).toMatch(/no longer exists/);
    expect(value<FileHandle[]>(await h.call("recent:list"))).toEqual([]);
  });

  it("refuses a scenario over 20 MB before reading it", async () => {
    const h = await harness();
    const file = join(docs, "huge.json");
    await writeFile(file, "");
    await truncate(file, 20 * 1024 * 1024 + 1); // sparse: no real 20 MB written
    h.openAnswers.push(file);
    expect(errorOf(await h.call("scenario:open"))).toBe('"huge.json" is larger than 20 MB (the limit): 20,971,521 bytes.');
  });

  it("refuses a named pipe instead of waiting on it (the reader the CLI uses)", async () => {
    const h = await harness();
    const fifo = join(docs, "pipe.json");
    execFileSync("mkfifo", [fifo]);
    h.openAnswers.push(fifo);
    expect(errorOf(await h.call("scenario:open"))).toBe('"pipe.json" is a named pipe (FIFO), not a regular file.');
  });

  it("refuses a scenario that is not UTF-8, naming the byte; accepts a BOM", async () => {
    const h = await harness();
    const file = join(docs, "latin1.json");
    await writeFile(file, Buffer.from([0x7b, 0xe9, 0x7d]));
    h.openAnswers.push(file);
    expect(errorOf(await h.call("scenario:open"))).toMatch(/^"latin1\.json" is not valid UTF-8: byte 0xE9 at offset 1 \(line 1\)/);
    const bom = join(docs, "bom.json");
    await writeFile(bom, Buffer.from([0xef, 0xbb, 0xbf, 0x7b, 0x7d]));
    h.openAnswers.push(bom);
    expect(value<{ text: string }>(await h.call("scenario:open")).text).toBe("{}");
  });

  it("imports a spreadsheet's bytes", async () => {
    const h = await harness();
    const file = join(docs, "census.csv");
    await writeFile(file, "lane,step\n1,2\n");
    h.openAnswers.push(file);
    const opened = value<{ name: string; bytes: Uint8Array }>(await h.call("spreadsheet:open"));
    expect(opened.name).toBe("census.csv");
    expect(Buffer.from(opened.bytes).toString()).toBe("lane,step\n1,2\n");
  });

  it.skipIf(process.platform === "win32")("saving over a named pipe is refused in words, the pipe left as it is", async () => {
    const h = await harness();
    const pipe = join(docs, "pipe.json");
    execFileSync("mkfifo", [pipe]);
    h.saveAnswers.push(pipe);
    expect(errorOf(await h.call("scenario:save", { suggestedName: "x.json", text: "{}" }))).toBe(
      '"pipe.json" is a named pipe (FIFO), not a regular file; left as it is: write to a regular file or a new one.',
    );
    expect((await stat(pipe)).isFIFO()).toBe(true);
  });

  it("a dialog answer that is a folder gives a readable error", async () => {
    const h = await harness();
    h.openAnswers.push(docs);
    expect(errorOf(await h.call("scenario:open"))).toMatch(/folder|Could not access/);
  });
});

describe("autosave", () => {
  it("writes userData/autosave.json atomically, reads it back, clears it", async () => {
    const h = await harness();
    expect(await h.call("autosave:read")).toEqual({ ok: true, value: null });
    expect(await h.call("autosave:write", '{"draft":1}')).toEqual({ ok: true, value: undefined });
    expect(await h.call("autosave:read")).toEqual({ ok: true, value: { text: '{"draft":1}', savedAt: "2025-03-01T12:00:00.000Z" } });
    expect((await readdir(userData)).filter((n) => n.endsWith(".tmp"))).toEqual([]);
    expect(await h.call("autosave:clear")).toEqual({ ok: true, value: undefined });
    expect(await h.call("autosave:read")).toEqual({ ok: true, value: null });
  });

  it("a corrupt autosave.json reads as no autosave", async () => {
    const h = await harness();
    await writeFile(join(userData, "autosave.json"), "{ torn");
    expect(await h.call("autosave:read")).toEqual({ ok: true, value: null });
  });

  it("back-to-back writes land in order", async () => {
    const h = await harness();
    await Promise.all(Array.from({ length: 20 }, (_, i) => h.call("autosave:write", `{"n":${i}}`)));
    expect(value<{ text: string }>(await h.call("autosave:read")).text).toBe('{"n":19}');
  });
});

describe("failures never throw across IPC", () => {
  it("a failing disk becomes an error value naming the file, and the target is untouched", async () => {
    const logError = vi.fn();
    const h = await harness({
      fs: { writeFileAtomic: async () => Promise.reject(Object.assign(new Error("no space"), { code: "ENOSPC" })) },
      logError,
    });
    h.saveAnswers.push(join(docs, "full.json"));
    expect(errorOf(await h.call("scenario:save", { suggestedName: "full.json", text: "{}" }))).toBe(
      'The disk is full; "full.json" was not written.',
    );
  });

  it("an unexpected fault is logged in main and reported generically", async () => {
    const logError = vi.fn();
    const h = await harness({ showOpenDialog: async () => Promise.reject(new TypeError("boom at /secret/path")), logError });
    const error = errorOf(await h.call("scenario:open"));
    expect(error).toBe("Unexpected error in scenario:open.");
    expect(error).not.toMatch(/secret/);
    expect(logError).toHaveBeenCalledWith("scenario:open", expect.any(TypeError));
  });

  it("sets the window title through the injected function", async () => {
    const h = await harness();
    expect(await h.call("window:setTitle", "FIS as published")).toEqual({ ok: true, value: undefined });
    expect(h.setWindowTitle).toHaveBeenCalledWith(expect.anything(), "FIS as published");
  });
});

describe("autosave:flushed", () => {
  it("passes the request id and the event to onFlushed, and nothing else happens", async () => {
    const flushed: [InvokeEventLike, number][] = [];
    const h = await harness({ onFlushed: (event, id) => void flushed.push([event, id]) });
    expect(await h.call("autosave:flushed", 12)).toEqual({ ok: true, value: undefined });
    expect(flushed.map(([, id]) => id)).toEqual([12]);
    expect(flushed[0]![0].senderFrame?.url).toBe(rendererUrl);
    expect(await readdir(userData)).toEqual([]);
  });
});

describe("saving over a read-only file asks first", () => {
  async function readOnlyFile(name: string): Promise<string> {
    const path = join(docs, name);
    await writeFile(path, '{"v":"original"}');
    await chmod(path, 0o444);
    return path;
  }

  it("Save (with a token) refuses to replace a read-only file unless told to, and says so with the file to answer with", async () => {
    const h = await harness();
    const path = await readOnlyFile("locked.json");
    h.openAnswers.push(path);
    const opened = value<FileHandle>(await h.call("scenario:open"));
    const refused = await h.call("scenario:save", { token: opened.token, suggestedName: "locked.json", text: '{"v":"new"}' });
    expect(refused).toEqual({
      ok: false,
      error: '"locked.json" is read-only. Overwrite it anyway, or use Save As?',
      readOnly: { token: opened.token, name: "locked.json" },
    });
    expect(await readFile(path, "utf8")).toBe('{"v":"original"}');

    const saved = value<FileHandle>(
      await h.call("scenario:save", { token: opened.token, suggestedName: "locked.json", text: '{"v":"new"}', overwriteReadOnly: true }),
    );
    expect(saved.name).toBe("locked.json");
    expect(await readFile(path, "utf8")).toBe('{"v":"new"}');
    // Still read-only: overwriting once does not unlock it.
    expect((await stat(path)).mode & 0o222).toBe(0);
  });

  it("Save As onto a read-only file asks too; the answer's token names the file the user chose", async () => {
    const h = await harness();
    const path = await readOnlyFile("chosen.json");
    h.saveAnswers.push(path);
    const refused = await h.call("scenario:save", { suggestedName: "x.json", text: '{"v":"new"}' });
    if (refused.ok || !refused.readOnly) throw new Error("expected a read-only refusal");
    expect(await readFile(path, "utf8")).toBe('{"v":"original"}');
    value(
      await h.call("scenario:save", {
        token: refused.readOnly.token,
        suggestedName: "x.json",
        text: '{"v":"new"}',
        overwriteReadOnly: true,
      }),
    );
    expect(await readFile(path, "utf8")).toBe('{"v":"new"}');
    expect(h.showSaveDialog).toHaveBeenCalledOnce();
  });

  it("a writable file is saved without a question", async () => {
    const h = await harness();
    const path = join(docs, "open.json");
    await writeFile(path, "{}");
    h.saveAnswers.push(path);
    value(await h.call("scenario:save", { suggestedName: "open.json", text: '{"v":1}' }));
    expect(await readFile(path, "utf8")).toBe('{"v":1}');
  });
});
