import type { MenuItemConstructorOptions } from "electron";
import { describe, expect, it, vi } from "vitest";
import { MENU_COMMANDS, type MenuCommand } from "../../electron/ipc/contract";
import { buildMenuTemplate, type MenuOptions } from "../../electron/menu";

function build(overrides: Partial<MenuOptions> = {}) {
  const send = vi.fn<(command: MenuCommand, token?: string) => void>();
  const template = buildMenuTemplate({ isPackaged: true, platform: "linux", recentFiles: [], send, ...overrides });
  return { template, send };
}

function submenu(item: MenuItemConstructorOptions | undefined): MenuItemConstructorOptions[] {
  return Array.isArray(item?.submenu) ? item.submenu : [];
}

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((i) => [i, ...flatten(submenu(i))]);
}

function topLevel(template: MenuItemConstructorOptions[], label: string) {
  return template.find((m) => m.label?.replace("&", "") === label);
}

function click(item: MenuItemConstructorOptions | undefined) {
  (item?.click as (() => void) | undefined)?.();
}

describe("native menu", () => {
  it("File has New, New agreement, Open, Recent, Save, Save As, exports and imports, each sending its command", () => {
    const { template, send } = build();
    const file = submenu(topLevel(template, "File"));
    const labels = file.filter((i) => i.label).map((i) => i.label);
    expect(labels).toEqual([
      "New",
      "New agreement…",
      "Open…",
      "Open Recent",
      "Save",
      "Save As…",
      "Export to Excel…",
      "Export Comparison to Excel…",
      "Export CSV…",
      "Export FIS document…",
      "Import Assumptions…",
      "Import Census…",
    ]);
    for (const item of file.filter((i) => i.id && i.id !== "file.recent")) {
      click(item);
      expect(send).toHaveBeenLastCalledWith(item.id);
    }
  });

  it("Edit sends undo/redo to the renderer and uses native roles for the clipboard", () => {
    const { template, send } = build();
    const edit = submenu(topLevel(template, "Edit"));
    click(edit.find((i) => i.id === "edit.undo"));
    expect(send).toHaveBeenLastCalledWith("edit.undo");
    click(edit.find((i) => i.id === "edit.redo"));
    expect(send).toHaveBeenLastCalledWith("edit.redo");
    expect(edit.map((i) => i.role).filter(Boolean)).toEqual(["cut", "copy", "paste", "selectAll"]);
  });

  it("View switches between the six views", () => {
    const { template, send } = build();
    const view = submenu(topLevel(template, "View"));
    const ids = view.filter((i) => i.id).map((i) => i.id);
    expect(ids).toEqual(["view.table", "view.inputs", "view.census", "view.compare", "view.charts", "view.analysis"]);
    for (const id of ids) {
      click(view.find((i) => i.id === id));
      expect(send).toHaveBeenLastCalledWith(id);
    }
  });

  it("every menu command is reachable, and only known commands are sent", () => {
    const { template, send } = build({ recentFiles: [{ token: "t".repeat(32), name: "a.json" }] });
    for (const item of flatten(template)) click(item);
    const sent = new Set(send.mock.calls.map(([command]) => command));
    expect([...sent].sort()).toEqual([...MENU_COMMANDS].sort());
  });

  it("reload and developer tools only in a development build", () => {
    const roles = (isPackaged: boolean) => flatten(build({ isPackaged }).template).map((i) => i.role);
    expect(roles(true)).not.toContain("toggleDevTools");
    expect(roles(true)).not.toContain("reload");
    expect(roles(true)).not.toContain("forceReload");
    expect(roles(false)).toEqual(expect.arrayContaining(["toggleDevTools", "reload", "forceReload"]));
  });

  it("Open Recent lists the files and sends the clicked file's token", () => {
    const files = [
      { token: "A".repeat(32), name: "FIS as published.json" },
      { token: "B".repeat(32), name: "R&D contract.json" },
    ];
    const { template, send } = build({ recentFiles: files });
    const recent = submenu(submenu(topLevel(template, "File")).find((i) => i.id === "file.recent"));
    expect(recent.map((i) => i.label)).toEqual(["FIS as published.json", "R&&D contract.json"]);
    click(recent[1]);
    expect(send).toHaveBeenLastCalledWith("file.openRecent", "B".repeat(32));
  });

  it("an empty recent list shows a disabled placeholder", () => {
    const { template } = build();
    const recent = submenu(submenu(topLevel(template, "File")).find((i) => i.id === "file.recent"));
    expect(recent).toEqual([{ label: "No recent files", enabled: false }]);
  });

  it("macOS gets the application menu; other platforms get Quit in File", () => {
    expect(build({ platform: "darwin" }).template[0]?.role).toBe("appMenu");
    expect(submenu(topLevel(build({ platform: "darwin" }).template, "File")).some((i) => i.role === "quit")).toBe(false);
    expect(submenu(topLevel(build({ platform: "win32" }).template, "File")).some((i) => i.role === "quit")).toBe(true);
  });
});
