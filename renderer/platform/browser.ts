/**
 * PlatformApi for a plain browser (the web build and the end-to-end tests). No React, no globals at
 * import time: everything that touches the page (storage, file picking, downloads, the title) is
 * injectable, so tests run it in Node with fakes.
 *
 * - Open: a hidden <input type=file>; the chosen file is read in memory.
 * - Save and export: a download (Blob + <a download>). A browser cannot overwrite a file, so "Save"
 *   downloads again under the same name; each name keeps one token for the session and in the
 *   recent list.
 * - Recent files and autosave: localStorage. The recent list keeps a copy of each file's last text
 *   when it fits, since a browser cannot reopen a file from disk by itself. localStorage writes
 *   synchronously, and writeAutosave stores before its first await: an autosave written on
 *   pagehide has landed before the page goes (IndexedDB could not promise that).
 */
import { PLATFORM_LIMITS } from "../../electron/ipc/contract";
import { decodeText } from "../../model/io/text-decode";
import type {
  AutosaveSnapshot,
  ExportRequest,
  FileHandle,
  OpenedBinaryFile,
  OpenedTextFile,
  PlatformApi,
  PlatformResult,
  SaveTextRequest,
} from "../../electron/ipc/contract";

export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** What a picked file must offer (a DOM File does). */
export interface PickedFile {
  readonly name: string;
  readonly size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

export interface BrowserPlatformOptions {
  /** Default: window.localStorage. */
  storage?: StorageLike;
  /** Shows a file picker for `accept` (e.g. ".json"); null when cancelled. Default: hidden <input type=file>. */
  pickFile?: (accept: string) => Promise<PickedFile | null>;
  /** Offers `blob` as a download named `name`. Default: object URL + <a download>. */
  download?: (name: string, blob: Blob) => void;
  /** Default: sets document.title. */
  setTitle?: (title: string) => void;
  now?: () => Date;
  newToken?: () => string;
}

export const STORAGE_KEYS = {
  recent: "fis.platform.recent",
  recentText: (token: string) => `fis.platform.recent.text.${token}`,
  autosave: "fis.platform.autosave",
} as const;

const MAX_RECENT = 10;
const EXPORT_TYPES: Record<ExportRequest["kind"], string> = {
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  csv: "text/csv",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  pdf: "application/pdf",
};
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{32}$/;
const MB = 1024 * 1024;

interface RecentEntry {
  token: string;
  name: string;
}

const ok = <T>(value: T): PlatformResult<T> => ({ ok: true, value });
const fail = <T>(error: string): PlatformResult<T> => ({ ok: false, error });

/** 24 random bytes as base64url (32 characters), the same shape the Electron side uses. */
export function newBrowserToken(): string {
  const bytes = new Uint8Array(24);
  globalThis.crypto.getRandomValues(bytes);
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function utf8Bytes(text: string): number {
  return new TextEncoder().encode(text).byteLength;
}

/** The same rules as the CLI and the Electron main process (model/io/text-decode.ts). */
function decodeFileText(buffer: ArrayBuffer, name: string): PlatformResult<string> {
  const decoded = decodeText(new Uint8Array(buffer));
  return decoded.ok ? ok(decoded.text) : fail(`"${name}" ${decoded.message}.`);
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function isQuotaError(error: unknown): boolean {
  const name = (error as { name?: unknown } | null)?.name;
  return name === "QuotaExceededError" || name === "NS_ERROR_DOM_QUOTA_REACHED";
}

/** A bare file name for a download: no directory parts, no control characters, never empty. */
export function safeDownloadName(name: string, fallback: string): string {
  const cleaned = name
    // eslint-disable-next-line no-control-regex -- control characters are what this removes
    .replace(/[/\\:*?"<>|\u0000-\u001f\u007f]/g, "_")
    .trim()
    .slice(0, PLATFORM_LIMITS.maxFileNameLength);
  return cleaned === "" || /^\.+$/.test(cleaned) ? fallback : cleaned;
}

function pickWithInput(accept: string): Promise<PickedFile | null> {
  return new Promise((resolve) => {
    const input = document.createElement("input");
    input.type = "file";
    input.accept = accept;
    input.style.display = "none";
    let settled = false;
    const finish = (file: PickedFile | null) => {
      if (settled) return;
      settled = true;
      input.remove();
      resolve(file);
    };
    input.addEventListener("change", () => finish(input.files?.[0] ?? null));
    // "cancel" fires when the picker is dismissed (Chrome 113+, Firefox 91+, Safari 16.4+).
    input.addEventListener("cancel", () => finish(null));
    document.body.appendChild(input);
    input.click();
  });
}

function downloadWithAnchor(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement("a");
  anchor.href = url;
  anchor.download = name;
  anchor.rel = "noopener";
  anchor.style.display = "none";
  document.body.appendChild(anchor);
  anchor.click();
  anchor.remove();
  // Revoking at once can cancel the download in some browsers; a minute is plenty.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Stands in when the page may not use localStorage at all: reads find nothing, writes fail. */
const UNAVAILABLE_STORAGE: StorageLike = {
  getItem: () => null,
  setItem: () => {
    throw new Error("Browser storage is unavailable.");
  },
  removeItem: () => undefined,
};

function readRecent(storage: StorageLike): RecentEntry[] {
  let data: unknown;
  try {
    data = JSON.parse(storage.getItem(STORAGE_KEYS.recent) ?? "[]");
  } catch {
    return [];
  }
  if (!Array.isArray(data)) return [];
  const out: RecentEntry[] = [];
  const seen = new Set<string>();
  for (const entry of data as unknown[]) {
    if (typeof entry !== "object" || entry === null) continue;
    const { token, name } = entry as Record<string, unknown>;
    if (typeof token !== "string" || !TOKEN_PATTERN.test(token) || typeof name !== "string" || name === "") continue;
    if (seen.has(token) || out.length >= MAX_RECENT) continue;
    seen.add(token);
    out.push({ token, name: name.slice(0, PLATFORM_LIMITS.maxFileNameLength) });
  }
  return out;
}

export function createBrowserPlatform(options: BrowserPlatformOptions = {}): PlatformApi {
  const storage = (): StorageLike => {
    try {
      return options.storage ?? window.localStorage;
    } catch {
      return UNAVAILABLE_STORAGE; // storage disabled (privacy settings, sandboxed iframe)
    }
  };
  const pickFile = options.pickFile ?? pickWithInput;
  const download = options.download ?? downloadWithAnchor;
  const setTitle = options.setTitle ?? ((title: string) => void (document.title = title));
  const now = options.now ?? (() => new Date());
  const newToken = options.newToken ?? newBrowserToken;

  /** name -> token for this session (seeded from the recent list, so Save after a reload keeps its name). */
  const tokenByName = new Map<string, string>();
  const nameByToken = new Map<string, string>();
  const remember = (name: string, token: string) => {
    tokenByName.set(name, token);
    nameByToken.set(token, name);
  };
  const tokenFor = (name: string): string => {
    const existing = tokenByName.get(name) ?? readRecent(storage()).find((e) => e.name === name)?.token;
    const token = existing ?? newToken();
    remember(name, token);
    return token;
  };
  const nameFor = (token: string): string | undefined =>
    nameByToken.get(token) ?? readRecent(storage()).find((e) => e.token === token)?.name;

  /** Moves (token, name) to the top of the recent list and stores its text if it fits. */
  const noteRecent = (token: string, name: string, text: string): void => {
    const store = storage();
    try {
      const previous = readRecent(store);
      const next = [{ token, name }, ...previous.filter((e) => e.token !== token)].slice(0, MAX_RECENT);
      for (const dropped of previous.filter((e) => !next.some((n) => n.token === e.token))) {
        store.removeItem(STORAGE_KEYS.recentText(dropped.token));
      }
      store.setItem(STORAGE_KEYS.recent, JSON.stringify(next));
    } catch {
      return; // storage unavailable or full: the list is a convenience
    }
    try {
      store.setItem(STORAGE_KEYS.recentText(token), text);
    } catch {
      try {
        store.removeItem(STORAGE_KEYS.recentText(token)); // too big to keep; openRecent will say so
      } catch {
        // storage unavailable
      }
    }
  };

  const openPicked = async (accept: string, maxBytes: number): Promise<PlatformResult<{ name: string; buffer: ArrayBuffer } | null>> => {
    const file = await pickFile(accept);
    if (file === null) return ok(null);
    if (file.size > maxBytes) return fail(`"${file.name}" is larger than ${maxBytes / MB} MB.`);
    const buffer = await file.arrayBuffer();
    if (buffer.byteLength > maxBytes) return fail(`"${file.name}" is larger than ${maxBytes / MB} MB.`);
    return ok({ name: file.name, buffer });
  };

  const guard = async <T>(work: () => Promise<PlatformResult<T>>): Promise<PlatformResult<T>> => {
    try {
      return await work();
    } catch (error) {
      return fail(message(error));
    }
  };

  return {
    kind: "browser",

    openScenarioFile: () =>
      guard(async (): Promise<PlatformResult<OpenedTextFile | null>> => {
        const picked = await openPicked(".json,application/json", PLATFORM_LIMITS.maxScenarioBytes);
        if (!picked.ok || picked.value === null) return picked as PlatformResult<null>;
        const text = decodeFileText(picked.value.buffer, picked.value.name);
        if (!text.ok) return text;
        const token = tokenFor(picked.value.name);
        noteRecent(token, picked.value.name, text.value);
        return ok({ token, name: picked.value.name, text: text.value });
      }),

    saveScenarioFile: (req: SaveTextRequest) =>
      guard(async (): Promise<PlatformResult<FileHandle | null>> => {
        if (typeof req?.text !== "string") return fail("Invalid save request: text must be a string");
        if (utf8Bytes(req.text) > PLATFORM_LIMITS.maxScenarioBytes)
          return fail(`Invalid save request: text is larger than ${PLATFORM_LIMITS.maxScenarioBytes / MB} MB`);
        let name: string;
        if (req.token !== undefined) {
          const known = nameFor(req.token);
          if (known === undefined) return fail("Unknown file token; use Save As.");
          name = known;
        } else {
          name = safeDownloadName(String(req.suggestedName ?? ""), "scenario.json");
        }
        download(name, new Blob([req.text], { type: "application/json" }));
        const token = tokenFor(name);
        noteRecent(token, name, req.text);
        return ok({ token, name });
      }),

    openSpreadsheetFile: () =>
      guard(async (): Promise<PlatformResult<OpenedBinaryFile | null>> => {
        const picked = await openPicked(
          ".xlsx,.xls,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel,text/csv",
          PLATFORM_LIMITS.maxSpreadsheetBytes,
        );
        if (!picked.ok || picked.value === null) return picked as PlatformResult<null>;
        return ok({ name: picked.value.name, bytes: new Uint8Array(picked.value.buffer) });
      }),

    exportFile: (req: ExportRequest) =>
      guard(async (): Promise<PlatformResult<FileHandle | null>> => {
        if (!(req?.bytes instanceof Uint8Array)) return fail("Invalid export request: bytes must be a Uint8Array");
        if (req.bytes.byteLength > PLATFORM_LIMITS.maxExportBytes)
          return fail(`Invalid export request: bytes are larger than ${PLATFORM_LIMITS.maxExportBytes / MB} MB`);
        const kind = EXPORT_TYPES[req.kind] ? req.kind : "xlsx";
        const name = safeDownloadName(String(req.suggestedName ?? ""), `export.${kind}`);
        const type = EXPORT_TYPES[kind];
        // Copy into a fresh ArrayBuffer-backed array: a Blob must not alias a shared or resizable buffer.
        download(name, new Blob([new Uint8Array(req.bytes)], { type }));
        return ok({ token: tokenFor(name), name });
      }),

    recentFiles: () => guard(async () => ok(readRecent(storage()).map(({ token, name }) => ({ token, name })))),

    openRecent: (token: string) =>
      guard(async (): Promise<PlatformResult<OpenedTextFile | null>> => {
        if (typeof token !== "string" || !TOKEN_PATTERN.test(token)) return fail("Invalid file token: token is not valid");
        const entry = readRecent(storage()).find((e) => e.token === token);
        if (entry === undefined) return fail("That file is not in the recent files list.");
        const text = storage().getItem(STORAGE_KEYS.recentText(token));
        if (text === null) return fail(`"${entry.name}" is not stored in this browser; use Open to choose it again.`);
        remember(entry.name, token);
        noteRecent(token, entry.name, text);
        return ok({ token, name: entry.name, text });
      }),

    writeAutosave: (text: string) =>
      guard(async (): Promise<PlatformResult<void>> => {
        if (typeof text !== "string") return fail("Invalid autosave: text must be a string");
        if (utf8Bytes(text) > PLATFORM_LIMITS.maxScenarioBytes)
          return fail(`Invalid autosave: text is larger than ${PLATFORM_LIMITS.maxScenarioBytes / MB} MB`);
        try {
          // Synchronous, with no await before it: see the header (pagehide).
          storage().setItem(STORAGE_KEYS.autosave, JSON.stringify({ version: 1, savedAt: now().toISOString(), text }));
        } catch (error) {
          return fail(isQuotaError(error) ? "Browser storage is full; the autosave was not written." : message(error));
        }
        return ok(undefined);
      }),

    readAutosave: () =>
      guard(async (): Promise<PlatformResult<AutosaveSnapshot | null>> => {
        const raw = storage().getItem(STORAGE_KEYS.autosave);
        if (raw === null) return ok(null);
        try {
          const data = JSON.parse(raw) as Record<string, unknown> | null;
          if (data?.version === 1 && typeof data.text === "string" && typeof data.savedAt === "string") {
            return ok({ text: data.text, savedAt: data.savedAt });
          }
        } catch {
          // corrupt: treated as no autosave
        }
        return ok(null);
      }),

    clearAutosave: () =>
      guard(async (): Promise<PlatformResult<void>> => {
        storage().removeItem(STORAGE_KEYS.autosave);
        return ok(undefined);
      }),

    // No native menu in a browser: the page's own shortcuts and buttons issue the commands.
    onMenuCommand: () => () => undefined,

    // No main process asks a page to flush: the app writes its autosave on pagehide itself.
    onFlushRequest: () => () => undefined,

    setWindowTitle: (title: string) => {
      if (typeof title === "string") setTitle(title.slice(0, PLATFORM_LIMITS.maxTitleLength));
    },
  };
}
