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
}

export interface ExportRequest {
  suggestedName: string;
  kind: "xlsx" | "csv";
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
  "file.exportCsv",
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
  /** An exported workbook or CSV, and an imported spreadsheet, in bytes. */
  maxExportBytes: 200 * 1024 * 1024,
  /** Window title, in UTF-16 code units. */
  maxTitleLength: 200,
  /** A suggested file name (no directory part), in UTF-16 code units. */
  maxFileNameLength: 255,
} as const;

/** Errors cross the boundary as values, never as thrown strings. */
export type PlatformResult<T> = { ok: true; value: T } | { ok: false; error: string };

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
  /** Unsaved work, written to the app's data folder every few seconds. */
  writeAutosave(text: string): Promise<PlatformResult<void>>;
  readAutosave(): Promise<PlatformResult<AutosaveSnapshot | null>>;
  clearAutosave(): Promise<PlatformResult<void>>;
  /**
   * Native menu commands; returns an unsubscribe function. `token` is present only with
   * "file.openRecent" (pass it to openRecent). The browser platform has no native menu and never calls.
   */
  onMenuCommand(handler: (command: MenuCommand, token?: string) => void): () => void;
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
  "window:setTitle",
] as const;
export type IpcChannel = (typeof IPC_CHANNELS)[number];
export const MENU_EVENT_CHANNEL = "menu:command";
