#!/usr/bin/env node
/**
 * `npm start`: runs the built app (out/) in Electron, or says in one line why it cannot.
 *
 *   node electron/launch.mjs --check   exit 0 when the Electron binary is there, 1 with the reason when not
 *   node electron/launch.mjs [args]    start Electron on this package with args; exit with its exit code
 *
 * The `electron` package is only a launcher: its install script downloads the binary. When that
 * never happened (no internet, ELECTRON_SKIP_BINARY_DOWNLOAD=1, install scripts skipped), a plain
 * `electron .` ends with a stack trace that hides what to do; this prints the remedy instead.
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const remedy = "re-run `npm install` with internet access to download it, or run `npm run web` to use the app in a browser";

/** The Electron executable, or why there is none. */
function findElectron() {
  let binary;
  try {
    // node_modules/electron/index.js returns the binary's path, or throws when the download never ran.
    binary = createRequire(join(root, "package.json"))("electron");
  } catch {
    return { ok: false, reason: `the Electron binary was never downloaded (node_modules/electron has no path.txt); ${remedy}` };
  }
  if (typeof binary !== "string" || !existsSync(binary))
    return { ok: false, reason: `the Electron binary is missing (${binary}); ${remedy}` };
  return { ok: true, binary };
}

const found = findElectron();
if (!found.ok) {
  process.stderr.write(`Cannot start Fiscal Impact Studio: ${found.reason}.\n`);
  process.exit(1);
}
if (process.argv[2] === "--check") process.exit(0);

const child = spawn(found.binary, [root, ...process.argv.slice(2)], { stdio: "inherit", windowsHide: false });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("error", (e) => {
  process.stderr.write(`Cannot start Fiscal Impact Studio: ${found.binary} did not run (${e.code ?? e.message}); ${remedy}.\n`);
  process.exit(1);
});
child.on("close", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
