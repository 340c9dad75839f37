/**
 * Main process: lifecycle, the one window, menus, and wiring. Deliberately thin: every decision it
 * relies on lives in a module with plain-Node tests (window-options, security, menu, ipc/handlers,
 * files/*). It loads only the bundled renderer (out/renderer), served as app://fis/ by app-protocol.ts;
 * no file:// page, no remote content.
 */
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, type IpcMainInvokeEvent } from "electron";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { APP_SCHEME, APP_SCHEME_PRIVILEGES, createAppProtocolHandler, RENDERER_URL } from "./app-protocol";
import { MENU_EVENT_CHANNEL, type FileHandle, type MenuCommand } from "./ipc/contract";
import { createQuitFlush } from "./flush-on-quit";
import { createPlatformHandlers, registerIpcHandlers, type DialogFilter } from "./ipc/handlers";
import { buildMenuTemplate } from "./menu";
import { installAppSecurity, installSessionSecurity } from "./security";
import { createWindowOptions, PRODUCT_NAME } from "./window-options";

// Built layout (electron-vite): out/main/main.js, out/preload/preload.cjs, out/renderer/index.html.
const here = dirname(fileURLToPath(import.meta.url));
const rendererDir = join(here, "..", "renderer");
const preloadPath = join(here, "..", "preload", "preload.cjs");
const rendererUrl = RENDERER_URL;

// Checklist #18 (custom protocol instead of file://): app:// must be privileged before "ready".
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]);

// Checklist #4: every renderer is sandboxed, whatever a window's options say.
app.enableSandbox();
// Checklist #13/#14/#12: navigation, new windows and <webview> are locked down for every webContents.
installAppSecurity(app, rendererUrl);

let mainWindow: BrowserWindow | null = null;
// Quitting and closing wait (briefly) for each renderer to write its autosave.
const quitFlush = createQuitFlush({ windows: () => BrowserWindow.getAllWindows(), quit: () => app.quit() });

function windowFor(event: IpcMainInvokeEvent): BrowserWindow | undefined {
  return BrowserWindow.fromWebContents(event.sender) ?? mainWindow ?? undefined;
}

function sendMenuCommand(command: MenuCommand, token?: string): void {
  const contents = mainWindow?.webContents;
  if (!contents || contents.isDestroyed()) return;
  if (token === undefined) contents.send(MENU_EVENT_CHANNEL, command);
  else contents.send(MENU_EVENT_CHANNEL, command, token);
}

function installMenu(recentFiles: readonly FileHandle[]): void {
  const template = buildMenuTemplate({ isPackaged: app.isPackaged, platform: process.platform, recentFiles, send: sendMenuCommand });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

function defaultPathFor(name: string): string {
  try {
    return join(app.getPath("documents"), name);
  } catch {
    return name; // no Documents folder (some Linux setups): the dialog opens in its own default
  }
}

async function showOpen(event: IpcMainInvokeEvent, title: string, filters: DialogFilter[]): Promise<string | null> {
  const win = windowFor(event);
  const options = { title, filters, properties: ["openFile" as const] };
  const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
  return result.canceled || result.filePaths.length === 0 ? null : (result.filePaths[0] ?? null);
}

async function showSave(event: IpcMainInvokeEvent, title: string, defaultName: string, filters: DialogFilter[]): Promise<string | null> {
  const win = windowFor(event);
  const options = { title, filters, defaultPath: defaultPathFor(defaultName), properties: ["showOverwriteConfirmation" as const] };
  const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
  return result.canceled || !result.filePath ? null : result.filePath;
}

function createWindow(): BrowserWindow {
  const win = new BrowserWindow(createWindowOptions(preloadPath));
  win.once("ready-to-show", () => win.show());
  win.on("close", (event) => quitFlush.beforeClose(win, event));
  win.on("closed", () => {
    if (mainWindow === win) mainWindow = null;
  });
  void win.loadURL(rendererUrl);
  return win;
}

async function start(): Promise<void> {
  installSessionSecurity(session.defaultSession);
  protocol.handle(APP_SCHEME, createAppProtocolHandler(rendererDir));

  const platform = await createPlatformHandlers<IpcMainInvokeEvent>({
    rendererUrl,
    userDataDir: app.getPath("userData"),
    showOpenDialog: (event, req) => showOpen(event, req.title, req.filters),
    showSaveDialog: (event, req) => showSave(event, req.title, req.defaultName, req.filters),
    setWindowTitle: (event, title) => windowFor(event)?.setTitle(title.trim() === "" ? PRODUCT_NAME : title),
    onRecentFilesChanged: (files) => installMenu(files),
    onFlushed: (event, id) => quitFlush.flushed(event.sender.id, id),
  });
  registerIpcHandlers(ipcMain, platform.handlers);
  installMenu(platform.recentFileHandles());

  mainWindow = createWindow();
  app.on("activate", () => {
    if (BrowserWindow.getAllWindows().length === 0) mainWindow = createWindow();
  });
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on("second-instance", () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on("before-quit", (event) => quitFlush.beforeQuit(event));
  app.on("window-all-closed", () => {
    if (process.platform !== "darwin") app.quit();
  });
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      console.error("Fiscal Impact Studio failed to start", error);
      app.exit(1);
    });
}
