/**
 * Build plugin (vite.web.config.ts, electron.vite.config.ts): ag-grid-react's imports of "react"
 * resolve to react-for-ag-grid.ts, whose useState skips updates that change nothing (see there for
 * the heap creep this stops). Everything else imports React itself. The dev server must not
 * pre-bundle ag-grid-react, or its imports would bypass this resolver.
 */
import { fileURLToPath } from "node:url";
import type { Plugin } from "vite";

const SHIM = fileURLToPath(new URL("./react-for-ag-grid.ts", import.meta.url));
const AG_GRID_REACT = /[\\/]node_modules[\\/]ag-grid-react[\\/]/;

export function agGridReactWithoutNoOpUpdates(): Plugin {
  return {
    name: "fis:ag-grid-react-without-no-op-updates",
    enforce: "pre",
    config: () => ({ optimizeDeps: { exclude: ["ag-grid-react"] } }),
    resolveId(source, importer) {
      return source === "react" && importer !== undefined && AG_GRID_REACT.test(importer) ? SHIM : null;
    },
  };
}
