/**
 * The one typed surface between the renderer and the platform (types plus a few constant lists; no
 * imports, no logic, so both the sandboxed preload and the renderer can bundle it).
 *
 * Two implementations satisfy it: the Electron preload (IPC to the main process) and the browser
 * implementation in renderer/platform/browser.ts (file pickers, downloads, localStorage) used by the
 * end-to-end tests and the web build. The renderer never sees a filesystem path it could choose:
 * files are named by opaque tokens that the main process hands out only after a user's dialog choice.
 */

/** A file the user chose in a dialog. `token` is opaque; only the platform can map it to a location. */
export interface FileHandle {
  token: string;
  name: string;
}

export interface OpenedTextFile extends FileHandle {
  text: string;
}

export interface OpenedBinaryFile {
  name: string;
  bytes: Uint8Array;
}

export interface SaveTextRequest {
  /** Present for Save (overwrite the file the user opened or saved before); absent for Save As. */
  token?: string;
  suggestedName: string;
  text: string;
  /** The user agreed to replace a read-only file (after a `readOnly` answer); never set otherwise. */
  overwriteReadOnly?: boolean;
}

/** What an export writes: a workbook, a CSV table, or a fiscal impact document (Word or PDF). */
export const EXPORT_KINDS = ["xlsx", "csv", "docx", "pdf"] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

export interface ExportRequest {
  suggestedName: string;
  kind: ExportKind;
  bytes: Uint8Array;
}

export interface AutosaveSnapshot {
  text: string;
  /** ISO 8601 instant of the write. */
  savedAt: string;
}

/**
 * Every command a native menu can send. A const list (not just a type) so the preload can drop
 * anything else that arrives on MENU_EVENT_CHANNEL.
 */
export const MENU_COMMANDS = [
  "file.new",
  /** File > New agreement…: the dialog that starts a scenario from a template. */
  "file.newAgreement",
  "file.open",
  /** File > Recent > (a file): sent with that file's token as the second handler argument. */
  "file.openRecent",
  "file.save",
  "file.saveAs",
  "file.exportXlsx",
  /** The Compare tab's scenarios side by side in one workbook. */
  "file.exportXlsxComparison",
  "file.exportCsv",
  "file.exportDocument",
  "file.importAssumptions",
  "file.importCensus",
  "edit.undo",
  "edit.redo",
  "view.table",
  "view.inputs",
  "view.census",
  "view.compare",
  "view.charts",
  "view.analysis",
] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

/** Size limits both platforms enforce (the main process re-checks every one of them). */
export const PLATFORM_LIMITS = {
  /** Scenario JSON and autosave text, in UTF-8 bytes. */
  maxScenarioBytes: 20 * 1024 * 1024,
  /** An exported workbook or CSV, in bytes. */
  maxExportBytes: 200 * 1024 * 1024,
  /** An imported spreadsheet (census, assumptions), in bytes: model/io DEFAULT_READ_LIMITS.maxBytes. */
  maxSpreadsheetBytes: 50 * 1024 * 1024,
  /** Window title, in UTF-16 code units. */
  maxTitleLength: 200,
  /** A suggested file name (no directory part), in UTF-16 code units. */
  maxFileNameLength: 255,
} as const;

/**
 * Errors cross the boundary as values, never as thrown strings. `readOnly`: a save stopped because
 * the file it would replace is read-only; to go ahead, save again with that handle's token and
 * `overwriteReadOnly: true` once the user has agreed.
 */
export type PlatformResult<T> = { ok: true; value: T } | { ok: false; error: string; readOnly?: FileHandle };

export interface PlatformApi {
  readonly kind: "electron" | "browser";
  /** Shows an open dialog for scenario JSON; null when the user cancels. */
  openScenarioFile(): Promise<PlatformResult<OpenedTextFile | null>>;
  /** Saves atomically (temp file, fsync, rename); shows a dialog when no token is given. */
  saveScenarioFile(req: SaveTextRequest): Promise<PlatformResult<FileHandle | null>>;
  /** Shows an open dialog for .xlsx/.xls/.csv; returns the bytes for the model's importers. */
  openSpreadsheetFile(): Promise<PlatformResult<OpenedBinaryFile | null>>;
  /** Shows a save dialog (Electron) or downloads (browser). */
  exportFile(req: ExportRequest): Promise<PlatformResult<FileHandle | null>>;
  recentFiles(): Promise<PlatformResult<FileHandle[]>>;
  openRecent(token: string): Promise<PlatformResult<OpenedTextFile | null>>;
  /** Unsaved work, written to the app's data folder (renderer/state/autosave-writer.ts says when). */
  writeAutosave(text: string): Promise<PlatformResult<void>>;
  readAutosave(): Promise<PlatformResult<AutosaveSnapshot | null>>;
  clearAutosave(): Promise<PlatformResult<void>>;
  /**
   * Native menu commands; returns an unsubscribe function. `token` is present only with
   * "file.openRecent" (pass it to openRecent). The browser platform has no native menu and never calls.
   */
  onMenuCommand(handler: (command: MenuCommand, token?: string) => void): () => void;
  /**
   * The app is about to quit or the window to close: `handler` writes the autosave and resolves when
   * it is written; the main process waits for it (with a timeout). Returns an unsubscribe function.
   * The browser platform never calls it (the page flushes on pagehide itself).
   */
  onFlushRequest(handler: () => Promise<void>): () => void;
  setWindowTitle(title: string): void;
}

/** IPC channel names, one per PlatformApi method that crosses to the main process. */
export const IPC_CHANNELS = [
  "scenario:open",
  "scenario:save",
  "spreadsheet:open",
  "file:export",
  "recent:list",
  "recent:open",
  "autosave:write",
  "autosave:read",
  "autosave:clear",
  /** The renderer's answer to a FLUSH_REQUEST_CHANNEL request: its id, once the autosave is written. */
  "autosave:flushed",
  "window:setTitle",
] as const;
export type IpcChannel = (typeof IPC_CHANNELS)[number];
export const MENU_EVENT_CHANNEL = "menu:command";
/** Main -> renderer before quitting or closing a window: "write the autosave now", with a request id. */
export const FLUSH_REQUEST_CHANNEL = "autosave:flush-request";
