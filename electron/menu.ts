/**
 * The native menu as a pure template builder: a test can walk the template, click items and see
 * which MenuCommand was sent, without Electron. Menu items that act on the document only send a
 * command to the renderer (MENU_EVENT_CHANNEL); the renderer decides what to do (it owns the
 * scenario, the undo stack and the dialogs' follow-up). Cut/copy/paste/select-all are native roles.
 */
import type { MenuItemConstructorOptions } from "electron";
import type { FileHandle, MenuCommand } from "./ipc/contract";
import { PRODUCT_NAME } from "./window-options";

export interface MenuOptions {
  isPackaged: boolean;
  /** process.platform: macOS gets the application menu and Cmd-style roles. */
  platform: NodeJS.Platform;
  recentFiles: readonly FileHandle[];
  send(command: MenuCommand, token?: string): void;
}

export function buildMenuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const { send } = options;
  const item = (label: string, cmd: MenuCommand, accelerator?: string): MenuItemConstructorOptions => ({
    id: cmd,
    label,
    ...(accelerator ? { accelerator } : {}),
    click: () => send(cmd),
  });
  const isMac = options.platform === "darwin";

  const recentSubmenu: MenuItemConstructorOptions[] =
    options.recentFiles.length === 0
      ? [{ label: "No recent files", enabled: false }]
      : options.recentFiles.map((file) => ({
          // "&" would be read as a mnemonic marker on Windows/Linux.
          label: file.name.replace(/&/g, "&&"),
          click: () => send("file.openRecent", file.token),
        }));

  const fileMenu: MenuItemConstructorOptions = {
    label: "&File",
    submenu: [
      item("New", "file.new", "CmdOrCtrl+N"),
      item("New agreement…", "file.newAgreement", "CmdOrCtrl+Shift+N"),
      item("Open…", "file.open", "CmdOrCtrl+O"),
      { id: "file.recent", label: "Open Recent", submenu: recentSubmenu },
      { type: "separator" },
      item("Save", "file.save", "CmdOrCtrl+S"),
      item("Save As…", "file.saveAs", "CmdOrCtrl+Shift+S"),
      { type: "separator" },
      item("Export to Excel…", "file.exportXlsx", "CmdOrCtrl+E"),
      item("Export Comparison to Excel…", "file.exportXlsxComparison"),
      item("Export CSV…", "file.exportCsv"),
      item("Export FIS document…", "file.exportDocument", "CmdOrCtrl+Shift+E"),
      { type: "separator" },
      item("Import Assumptions…", "file.importAssumptions"),
      item("Import Census…", "file.importCensus"),
      ...(isMac ? [] : [{ type: "separator" } as const, { role: "quit" } as const]),
    ],
  };

  const editMenu: MenuItemConstructorOptions = {
    label: "&Edit",
    submenu: [
      // The renderer owns undo/redo of scenario edits (and forwards to a focused text field itself).
      item("Undo", "edit.undo", "CmdOrCtrl+Z"),
      item("Redo", "edit.redo", isMac ? "Cmd+Shift+Z" : "Ctrl+Y"),
      { type: "separator" },
      { role: "cut" },
      { role: "copy" },
      { role: "paste" },
      { role: "selectAll" },
    ],
  };

  const viewMenu: MenuItemConstructorOptions = {
    label: "&View",
    submenu: [
      item("Cost Table", "view.table", "CmdOrCtrl+1"),
      item("Inputs", "view.inputs", "CmdOrCtrl+2"),
      item("Census", "view.census", "CmdOrCtrl+3"),
      item("Compare", "view.compare", "CmdOrCtrl+4"),
      item("Charts", "view.charts", "CmdOrCtrl+5"),
      item("Analysis", "view.analysis", "CmdOrCtrl+6"),
      { type: "separator" },
      { role: "resetZoom" },
      { role: "zoomIn" },
      { role: "zoomOut" },
      { type: "separator" },
      { role: "togglefullscreen" },
      // Developer tools only in a development build: a packaged app must not offer a console.
      ...(options.isPackaged
        ? []
        : [
            { type: "separator" } as const,
            { role: "reload" } as const,
            { role: "forceReload" } as const,
            { role: "toggleDevTools" } as const,
          ]),
    ],
  };

  const windowMenu: MenuItemConstructorOptions = {
    role: "windowMenu",
  };

  return [
    ...(isMac ? [{ label: PRODUCT_NAME, role: "appMenu" } as MenuItemConstructorOptions] : []),
    fileMenu,
    editMenu,
    viewMenu,
    windowMenu,
  ];
}
