/**
 * The main window's options, as a pure function so a unit test can assert every security setting.
 * Electron security checklist: #2 nodeIntegration off, #3 contextIsolation on, #4 sandbox on,
 * #6 webSecurity on, #8 allowRunningInsecureContent off, #9 no experimental features, #12 no <webview>.
 */
import type { BrowserWindowConstructorOptions } from "electron";

export const PRODUCT_NAME = "Fiscal Impact Studio";

export function createWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    title: PRODUCT_NAME,
    width: 1440,
    height: 900,
    minWidth: 960,
    minHeight: 600,
    show: false, // shown on ready-to-show, so the user never sees a blank white frame
    backgroundColor: "#ffffff",
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
    },
  };
}
