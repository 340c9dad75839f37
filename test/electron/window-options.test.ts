import { describe, expect, it } from "vitest";
import { createWindowOptions } from "../../electron/window-options";

describe("main window options", () => {
  // Given the options main.ts passes to new BrowserWindow()
  const options = createWindowOptions("/app/out/preload/preload.cjs");
  const web = options.webPreferences ?? {};

  it("isolates and sandboxes the renderer (checklist #2, #3, #4)", () => {
    expect(web.contextIsolation).toBe(true);
    expect(web.sandbox).toBe(true);
    expect(web.nodeIntegration).toBe(false);
    expect(web.nodeIntegrationInWorker).toBe(false);
    expect(web.nodeIntegrationInSubFrames).toBe(false);
  });

  it("keeps web security on and <webview> off (checklist #6, #8, #9, #12)", () => {
    expect(web.webSecurity).toBe(true);
    expect(web.allowRunningInsecureContent).toBe(false);
    expect(web.experimentalFeatures).toBe(false);
    expect(web.webviewTag).toBe(false);
    expect(web.navigateOnDragDrop).toBe(false);
  });

  it("uses the given preload script and nothing else from outside", () => {
    expect(web.preload).toBe("/app/out/preload/preload.cjs");
    expect(Object.keys(web).sort()).toEqual(
      [
        "allowRunningInsecureContent",
        "contextIsolation",
        "experimentalFeatures",
        "navigateOnDragDrop",
        "nodeIntegration",
        "nodeIntegrationInSubFrames",
        "nodeIntegrationInWorker",
        "preload",
        "safeDialogs",
        "sandbox",
        "spellcheck",
        "webSecurity",
        "webviewTag",
      ].sort(),
    );
  });

  it("titles the window with the product name", () => {
    expect(options.title).toBe("Fiscal Impact Studio");
  });
});
