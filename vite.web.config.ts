/**
 * The browser build of the renderer (end-to-end tests, a demo without Electron): renderer/index.html
 * -> dist-web/. Relative asset URLs so the page works from any static server path.
 */
import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { agGridReactWithoutNoOpUpdates } from "./renderer/grid/ag-grid-react-plugin";

const at = (p: string) => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  root: at("./renderer"),
  base: "./",
  plugins: [react(), agGridReactWithoutNoOpUpdates()],
  // Module workers, so a worker's dynamic imports (the document writers, the fallback font) stay chunks of their own.
  worker: { format: "es" },
  build: {
    outDir: at("./dist-web"),
    emptyOutDir: true,
    // AG Grid + recharts make one large chunk; splitting buys nothing for a local app.
    chunkSizeWarningLimit: 4000,
  },
});
