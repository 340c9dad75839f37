/**
 * The browser side of every e2e file: dist-web/ served on an ephemeral port, Debian's Chromium
 * launched headless with the flags a container needs, and pages opened on the app with their
 * uncaught errors collected (each file asserts there were none where it matters).
 */
import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type FileChooser, type Page } from "playwright-core";
import { serveStatic } from "./static-server";

export const root = fileURLToPath(new URL("../../", import.meta.url));
export const shots = `${root}test-artifacts/screenshots/`;

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];
export const VIEWPORT = { width: 1500, height: 950 };

export interface OpenOptions {
  context?: BrowserContextOptions;
  /** A platform where workers cannot start (e.g. a stricter CSP): the constructor throws. */
  withoutWorkers?: boolean;
  /** Runs on the new context before the page opens (init scripts). */
  prepare?: (context: BrowserContext) => Promise<unknown>;
}

export interface OpenPage {
  page: Page;
  /** Uncaught errors thrown in the page ("pageerror"), in order. */
  errors: string[];
  /** Closes the page's context (the app's own browser stays up). */
  close(): Promise<void>;
}

export interface App {
  url: string;
  browser: Browser;
  /** A new context (1500 x 950) and page, navigated to the app. */
  open(options?: OpenOptions): Promise<OpenPage>;
  close(): Promise<void>;
}

export async function startApp(): Promise<App> {
  mkdirSync(shots, { recursive: true });
  const server = await serveStatic(`${root}dist-web`);
  let browser: Browser;
  try {
    browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS });
  } catch (e) {
    await server.close();
    throw e;
  }
  return {
    url: server.url,
    browser,
    async open(options = {}) {
      const context = await browser.newContext({ viewport: VIEWPORT, ...options.context });
      if (options.withoutWorkers) {
        await context.addInitScript(() => {
          (window as unknown as { Worker: unknown }).Worker = function NoWorker() {
            throw new DOMException("workers are blocked here", "SecurityError");
          };
        });
      }
      await options.prepare?.(context);
      const page = await context.newPage();
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(e.message));
      await page.goto(server.url);
      return { page, errors, close: () => context.close() };
    },
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/** Clicks the button with data-testid `button` and gives the file chooser it opens `files`. */
export async function chooseFile(page: Page, button: string, files: Parameters<FileChooser["setFiles"]>[0]): Promise<void> {
  const [chooser] = await Promise.all([page.waitForEvent("filechooser"), page.click(`[data-testid="${button}"]`)]);
  await chooser.setFiles(files);
}
