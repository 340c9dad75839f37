/**
 * The main-process side of every IPC channel, as a factory over its side effects (dialogs, file
 * system, window title), so tests drive it with fakes and a temp directory.
 *
 * For every call: sender check (top frame of the app's own app://fis page) -> argument validation -> work.
 * Every outcome is a PlatformResult value; nothing throws across IPC. Files are named by opaque
 * tokens (files/tokens.ts): a path enters the token map only from a dialog the user answered or
 * from the recent-files list, so the renderer can never name a path itself.
 */
import { constants as fsConstants } from "node:fs";
import { access, stat } from "node:fs/promises";
import { basename, join } from "node:path";
import { FileReadError, readRegularFile } from "../../model/io/read-file";
import { decodeText } from "../../model/io/text-decode";
import { IPC_CHANNELS, PLATFORM_LIMITS } from "./contract";
import type { AutosaveSnapshot, ExportKind, FileHandle, IpcChannel, OpenedBinaryFile, OpenedTextFile, PlatformResult } from "./contract";
import {
  validateAutosaveText,
  validateExportRequest,
  validateFlushRequestId,
  validateNoArgs,
  validateOneArg,
  validateSaveTextRequest,
  validateTitle,
  validateToken,
} from "./validate";
import { isTrustedSender, type SenderFrameLike } from "../security";
import { FileTokens } from "../files/tokens";
import { NotARegularFileError, writeFileAtomic } from "../../model/io/atomic-write";
import { createAutosaveStore, type AutosaveStore } from "../files/autosave";
import { loadRecentFiles, type RecentFilesStore } from "../files/recent-files";

export interface DialogFilter {
  name: string;
  extensions: string[];
}

export interface OpenDialogRequest {
  title: string;
  filters: DialogFilter[];
}

export interface SaveDialogRequest {
  title: string;
  /** A bare file name (validated); the dialog picks the directory. */
  defaultName: string;
  filters: DialogFilter[];
}

/** The fields of Electron's IpcMainInvokeEvent that handlers read. */
export interface InvokeEventLike {
  readonly senderFrame: SenderFrameLike | null;
}

export interface PlatformDeps<E extends InvokeEventLike = InvokeEventLike> {
  /** app://fis/index.html (electron/app-origin.ts): the only page whose IPC is honoured. */
  rendererUrl: string;
  /** userData directory: holds autosave.json and recent.json. */
  userDataDir: string;
  /** Resolves to the chosen absolute path, or null when the user cancels. */
  showOpenDialog(event: E, request: OpenDialogRequest): Promise<string | null>;
  showSaveDialog(event: E, request: SaveDialogRequest): Promise<string | null>;
  setWindowTitle(event: E, title: string): void;
  /** Called after the recent list changes (the native File > Recent menu is rebuilt from it). */
  onRecentFilesChanged?(files: FileHandle[]): void;
  /** The renderer has written its autosave in answer to flush request `id` (electron/flush-on-quit.ts). */
  onFlushed?(event: E, id: number): void;
  /** Overridable for tests; default: node:fs + writeFileAtomic. */
  fs?: Partial<FileSystemDeps>;
  newToken?: () => string;
  now?: () => Date;
  /** Where unexpected faults are reported (the renderer only gets a generic message). Default console.error. */
  logError?: (context: string, error: unknown) => void;
}

export interface FileSystemDeps {
  /** A regular file of at most maxBytes (model/io/read-file.ts); throws FileReadError. */
  readFile(path: string, maxBytes: number): Promise<Uint8Array>;
  writeFileAtomic(path: string, data: string | Uint8Array): Promise<void>;
  /** Whether a save would replace a read-only file ("missing": nothing there yet). */
  writability(path: string): Promise<"writable" | "read-only" | "missing">;
}

/**
 * Read-only means no write permission bit for anyone (chmod a-w; the Windows read-only attribute)
 * or no write access for this process. The mode bits count even where access() would allow the
 * write (as root): the atomic save replaces the file by rename, so permissions alone would not stop it.
 */
export async function fileWritability(path: string): Promise<"writable" | "read-only" | "missing"> {
  let mode: number;
  try {
    mode = (await stat(path)).mode;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return "missing";
    throw error;
  }
  if ((mode & 0o222) === 0) return "read-only";
  try {
    await access(path, fsConstants.W_OK);
    return "writable";
  } catch {
    return "read-only";
  }
}

export type Handler<E> = (event: E, ...args: unknown[]) => Promise<PlatformResult<unknown>>;

export interface PlatformHandlers<E extends InvokeEventLike> {
  readonly handlers: Readonly<Record<IpcChannel, Handler<E>>>;
  /** Recent files as handles (tokens issued for the list's paths), for the native menu. */
  recentFileHandles(): FileHandle[];
  readonly autosave: AutosaveStore;
}

const SCENARIO_FILTERS: DialogFilter[] = [{ name: "Fiscal Impact scenario", extensions: ["json"] }];
const SPREADSHEET_FILTERS: DialogFilter[] = [
  { name: "Spreadsheets", extensions: ["xlsx", "xls", "csv"] },
  { name: "Excel workbook", extensions: ["xlsx", "xls"] },
  { name: "CSV", extensions: ["csv"] },
];
const EXPORT_FILTERS: Record<ExportKind, DialogFilter[]> = {
  xlsx: [{ name: "Excel workbook", extensions: ["xlsx"] }],
  csv: [{ name: "CSV", extensions: ["csv"] }],
  docx: [{ name: "Word document", extensions: ["docx"] }],
  pdf: [{ name: "PDF document", extensions: ["pdf"] }],
};
const EXPORT_TITLES: Record<ExportKind, string> = {
  xlsx: "Export to Excel",
  csv: "Export CSV",
  docx: "Export FIS document (Word)",
  pdf: "Export FIS document (PDF)",
};

/** Thrown inside handlers for user-facing failures; converted to `{ ok: false, error }` at the boundary. */
class PlatformError extends Error {
  constructor(
    message: string,
    /** The fs error code behind it, when there is one. */
    readonly code?: string,
    /** A save stopped at a read-only file: the handle to save again with, once the user agrees. */
    readonly readOnly?: FileHandle,
  ) {
    super(message);
  }
}

function fileError(error: unknown, name: string): PlatformError {
  return new PlatformError(describeFileError(error, name), (error as NodeJS.ErrnoException | undefined)?.code);
}

const okResult = <T>(value: T): PlatformResult<T> => ({ ok: true, value });

function unwrap<T>(result: PlatformResult<T>): T {
  if (!result.ok) throw new PlatformError(result.error);
  return result.value;
}

/** Turns an fs error into a sentence for the user; never echoes a stack. */
export function describeFileError(error: unknown, name: string): string {
  if (error instanceof NotARegularFileError) return `"${name}" ${error.message}.`;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case "ENOENT":
      return `"${name}" no longer exists.`;
    case "EACCES":
    case "EPERM":
      return `Permission denied for "${name}".`;
    case "EISDIR":
      return `"${name}" is a folder, not a file.`;
    case "ENOSPC":
      return `The disk is full; "${name}" was not written.`;
    case "EROFS":
      return `"${name}" is on a read-only disk.`;
    case "EBUSY":
      return `"${name}" is in use by another program.`;
    default:
      return `Could not access "${name}"${code ? ` (${code})` : ""}.`;
  }
}

/** Decoded by the rules the CLI and the browser use too (model/io/text-decode.ts). */
function decodeFileText(bytes: Uint8Array, name: string): string {
  const decoded = decodeText(bytes);
  if (!decoded.ok) throw new PlatformError(`"${name}" ${decoded.message}.`);
  return decoded.text;
}

export async function createPlatformHandlers<E extends InvokeEventLike>(deps: PlatformDeps<E>): Promise<PlatformHandlers<E>> {
  const fs: FileSystemDeps = {
    readFile: (p, maxBytes) => readRegularFile(p, maxBytes),
    writeFileAtomic: (p, d) => writeFileAtomic(p, d),
    writability: fileWritability,
    ...deps.fs,
  };
  const tokens = new FileTokens(deps.newToken);
  const recent: RecentFilesStore = await loadRecentFiles(join(deps.userDataDir, "recent.json"), fs.writeFileAtomic);
  const autosave = createAutosaveStore(join(deps.userDataDir, "autosave.json"), deps.now, fs.writeFileAtomic);
  let dialogOpen = false;
  const logError = deps.logError ?? ((context: string, error: unknown) => console.error(`[fis main] ${context}:`, error));

  const handleFor = (path: string): FileHandle => ({ token: tokens.issue(path), name: basename(path) });
  /**
   * Paths a scenario was opened from or saved to (by dialog, or from the recent list). Only these can
   * be overwritten by Save-with-token: the token of an exported workbook cannot be used to overwrite
   * that workbook with scenario text.
   */
  const scenarioPaths = new Set<string>();
  const scenarioHandle = (path: string): FileHandle => {
    scenarioPaths.add(path);
    return handleFor(path);
  };
  const recentFileHandles = (): FileHandle[] => recent.list().map(scenarioHandle);

  const noteRecent = async (path: string, change: "add" | "remove"): Promise<void> => {
    try {
      await (change === "add" ? recent.add(path) : recent.remove(path));
    } catch (error) {
      // The list is a convenience: failing to persist it must not fail the user's open or save.
      logError("recent.json", error);
    }
    deps.onRecentFilesChanged?.(recentFileHandles());
  };

  /** One dialog at a time: a page that spams open() must not stack up native dialogs. */
  const withDialog = async <T>(show: () => Promise<T>): Promise<T> => {
    if (dialogOpen) throw new PlatformError("Another file dialog is already open.");
    dialogOpen = true;
    try {
      return await show();
    } finally {
      dialogOpen = false;
    }
  };

  /** Regular files only, size checked before reading (a FIFO or a device is refused, not waited on). */
  const readLimited = async (path: string, maxBytes: number): Promise<Uint8Array> => {
    try {
      return await fs.readFile(path, maxBytes);
    } catch (error) {
      if (error instanceof FileReadError && error.code === undefined) throw new PlatformError(`"${basename(path)}" ${error.message}.`);
      throw fileError(error, basename(path));
    }
  };

  const writeChecked = async (path: string, data: string | Uint8Array): Promise<void> => {
    try {
      await fs.writeFileAtomic(path, data);
    } catch (error) {
      throw fileError(error, basename(path));
    }
  };

  const openScenarioAt = async (path: string): Promise<OpenedTextFile> => {
    const name = basename(path);
    const text = decodeFileText(await readLimited(path, PLATFORM_LIMITS.maxScenarioBytes), name);
    const { token } = scenarioHandle(path);
    await noteRecent(path, "add");
    return { token, name, text };
  };

  const impl: Record<IpcChannel, (event: E, args: unknown[]) => Promise<unknown>> = {
    "scenario:open": async (event, args) => {
      unwrap(validateNoArgs(args));
      const path = await withDialog(() => deps.showOpenDialog(event, { title: "Open scenario", filters: SCENARIO_FILTERS }));
      return path === null ? null : openScenarioAt(path);
    },

    "scenario:save": async (event, args) => {
      const req = unwrap(validateSaveTextRequest(unwrap(validateOneArg(args))));
      let path: string | null;
      if (req.token !== undefined) {
        path = tokens.resolve(req.token) ?? null;
        if (path === null || !scenarioPaths.has(path)) throw new PlatformError("Unknown file token; use Save As.");
      } else {
        path = await withDialog(() =>
          deps.showSaveDialog(event, { title: "Save scenario", defaultName: req.suggestedName, filters: SCENARIO_FILTERS }),
        );
        if (path === null) return null;
      }
      if (!req.overwriteReadOnly) {
        let writable: Awaited<ReturnType<FileSystemDeps["writability"]>>;
        try {
          writable = await fs.writability(path);
        } catch (error) {
          throw fileError(error, basename(path));
        }
        // The renderer asks the user, then saves again with this token (a Save As choice gets one here).
        if (writable === "read-only")
          throw new PlatformError(
            `"${basename(path)}" is read-only. Overwrite it anyway, or use Save As?`,
            "EROFILE",
            scenarioHandle(path),
          );
      }
      await writeChecked(path, req.text);
      const handle = scenarioHandle(path);
      await noteRecent(path, "add");
      return handle;
    },

    "spreadsheet:open": async (event, args): Promise<OpenedBinaryFile | null> => {
      unwrap(validateNoArgs(args));
      const path = await withDialog(() => deps.showOpenDialog(event, { title: "Import spreadsheet", filters: SPREADSHEET_FILTERS }));
      if (path === null) return null;
      const bytes = await readLimited(path, PLATFORM_LIMITS.maxSpreadsheetBytes);
      return { name: basename(path), bytes };
    },

    "file:export": async (event, args) => {
      const req = unwrap(validateExportRequest(unwrap(validateOneArg(args))));
      const path = await withDialog(() =>
        deps.showSaveDialog(event, {
          title: EXPORT_TITLES[req.kind],
          defaultName: req.suggestedName,
          filters: EXPORT_FILTERS[req.kind],
        }),
      );
      if (path === null) return null;
      await writeChecked(path, req.bytes);
      return handleFor(path);
    },

    "recent:list": async (_event, args) => {
      unwrap(validateNoArgs(args));
      return recentFileHandles();
    },

    "recent:open": async (_event, args) => {
      const token = unwrap(validateToken(unwrap(validateOneArg(args))));
      const path = tokens.resolve(token);
      if (path === undefined || !recent.list().includes(path)) throw new PlatformError("That file is not in the recent files list.");
      try {
        return await openScenarioAt(path);
      } catch (error) {
        if (error instanceof PlatformError && error.code === "ENOENT") await noteRecent(path, "remove");
        throw error;
      }
    },

    "autosave:write": async (_event, args) => {
      const text = unwrap(validateAutosaveText(unwrap(validateOneArg(args))));
      try {
        await autosave.write(text);
      } catch (error) {
        throw fileError(error, "autosave.json");
      }
      return undefined;
    },

    "autosave:read": async (_event, args): Promise<AutosaveSnapshot | null> => {
      unwrap(validateNoArgs(args));
      return autosave.read();
    },

    "autosave:clear": async (_event, args) => {
      unwrap(validateNoArgs(args));
      try {
        await autosave.clear();
      } catch (error) {
        throw fileError(error, "autosave.json");
      }
      return undefined;
    },

    "autosave:flushed": async (event, args) => {
      const id = unwrap(validateFlushRequestId(unwrap(validateOneArg(args))));
      deps.onFlushed?.(event, id);
      return undefined;
    },

    "window:setTitle": async (event, args) => {
      const title = unwrap(validateTitle(unwrap(validateOneArg(args))));
      deps.setWindowTitle(event, title);
      return undefined;
    },
  };

  const handlers = {} as Record<IpcChannel, Handler<E>>;
  for (const channel of IPC_CHANNELS) {
    const run = impl[channel];
    handlers[channel] = async (event, ...args) => {
      if (!isTrustedSender(event?.senderFrame, deps.rendererUrl)) {
        return { ok: false, error: "Refused: the request did not come from the application window." };
      }
      try {
        return okResult(await run(event, args));
      } catch (error) {
        if (error instanceof PlatformError)
          return { ok: false, error: error.message, ...(error.readOnly ? { readOnly: error.readOnly } : {}) };
        // An unexpected fault: logged in the main process; the renderer gets no stack or internal detail.
        logError(channel, error);
        return { ok: false, error: `Unexpected error in ${channel}.` };
      }
    };
  }
  return { handlers: Object.freeze(handlers), recentFileHandles, autosave };
}

/** The subset of Electron's ipcMain used here. */
export interface IpcMainLike<E> {
  handle(channel: string, listener: (event: E, ...args: unknown[]) => Promise<unknown>): void;
}

/** Registers exactly the channels in IPC_CHANNELS; nothing else is ever listened to. */
export function registerIpcHandlers<E extends InvokeEventLike>(
  ipcMain: IpcMainLike<E>,
  handlers: Readonly<Record<IpcChannel, Handler<E>>>,
): void {
  for (const channel of IPC_CHANNELS) {
    const handler = handlers[channel];
    ipcMain.handle(channel, (event, ...args) => handler(event, ...args));
  }
}
