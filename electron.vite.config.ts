/**
 * electron-vite build: main (ESM, out/main/main.js), preload (CommonJS, out/preload/preload.cjs,
 * because a sandboxed preload cannot be an ES module), renderer (renderer/index.html -> out/renderer).
 * Everything is bundled (no runtime node_modules): the package ships out/** only.
 */
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "electron-vite";
import type { Plugin } from "vite";
import { contentSecurityPolicyForMetaTag } from "./electron/security";
import { agGridReactWithoutNoOpUpdates } from "./renderer/grid/ag-grid-react-plugin";

const root = fileURLToPath(new URL(".", import.meta.url));
const at = (...parts: string[]) => resolve(root, ...parts);

/**
 * Writes the app's CSP into index.html as a meta tag, replacing any other CSP meta, so the policy
 * holds even where webRequest does not see file:// responses. It is the response header's policy
 * (electron/security.ts) minus frame-ancestors, which a meta tag cannot carry.
 */
export function injectContentSecurityPolicy(html: string): string {
  const withoutOld = html.replace(/[ \t]*<meta[^>]+http-equiv=["']?Content-Security-Policy["']?[^>]*>[ \t]*(\r?\n)?/gi, "");
  const meta = `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicyForMetaTag()}" />`;
  // After <meta charset> when there is one (the charset must come first), else first in <head>.
  const charset = /<meta\s+charset=[^>]*>/i;
  if (charset.test(withoutOld)) return withoutOld.replace(charset, (tag) => `${tag}\n    ${meta}`);
  return withoutOld.replace(/<head([^>]*)>/i, `<head$1>\n    ${meta}`);
}

function contentSecurityPolicyMeta(): Plugin {
  return {
    name: "fis:csp-meta",
    transformIndexHtml: { order: "post", handler: injectContentSecurityPolicy },
  };
}

export default defineConfig({
  main: {
    build: {
      outDir: at("out/main"),
      externalizeDeps: false,
      rolldownOptions: {
        input: { main: at("electron/main.ts") },
      },
    },
  },
  preload: {
    build: {
      outDir: at("out/preload"),
      externalizeDeps: false,
      rolldownOptions: {
        input: { preload: at("electron/preload.ts") },
        output: { format: "cjs", entryFileNames: "[name].cjs" },
      },
    },
  },
  renderer: {
    root: at("renderer"),
    // Relative asset URLs: the page is loaded from file://, not from a server root.
    base: "./",
    plugins: [react(), agGridReactWithoutNoOpUpdates(), contentSecurityPolicyMeta()],
    // Module workers, so a worker's dynamic imports (the document writers, the fallback font) stay chunks of their own.
    worker: { format: "es" },
    build: {
      outDir: at("out/renderer"),
      emptyOutDir: true,
      rolldownOptions: {
        input: at("renderer/index.html"),
      },
    },
  },
});
