/**
 * The renderer's single way to reach the platform. In Electron the preload has exposed
 * `window.platform` (IPC to the main process); anywhere else the browser implementation is used.
 */
import type { PlatformApi } from "../../electron/ipc/contract";
import { createBrowserPlatform } from "./browser";

export type {
  AutosaveSnapshot,
  ExportRequest,
  FileHandle,
  MenuCommand,
  OpenedBinaryFile,
  OpenedTextFile,
  PlatformApi,
  PlatformResult,
  SaveTextRequest,
} from "../../electron/ipc/contract";
export { MENU_COMMANDS, PLATFORM_LIMITS } from "../../electron/ipc/contract";
export { createBrowserPlatform } from "./browser";

declare global {
  interface Window {
    /** Set by electron/preload.ts through contextBridge; absent in a plain browser. */
    readonly platform?: PlatformApi;
  }
}

let current: PlatformApi | undefined;

export function getPlatform(): PlatformApi {
  if (current === undefined) {
    const bridged = typeof window !== "undefined" ? window.platform : undefined;
    current = bridged ?? createBrowserPlatform();
  }
  return current;
}

/** Tests only: forget the cached platform so the next getPlatform() looks again. */
export function resetPlatformForTests(): void {
  current = undefined;
}
