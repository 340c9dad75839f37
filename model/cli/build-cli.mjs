/**
 * Builds the `fis` command line into one Node script (dist/cli/fis.cjs), so a run parses plain
 * JavaScript instead of compiling TypeScript on every start. SheetJS, docx and pdfmake stay outside the
 * bundle and are required only by the Excel, CSV and document commands (fis.ts reaches them through import()).
 *
 *   node model/cli/build-cli.mjs    (part of `npm run build`; model/cli/launch.cjs calls it when stale)
 *
 * Beside the bundle, build.json holds the bundle's hash (the key of its V8 code cache) and every
 * source file it was built from, so the launcher can tell with a few stat calls whether to rebuild.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const OUT_DIR = join(ROOT, "dist", "cli");
export const BUNDLE = join(OUT_DIR, "fis.cjs");
export const BUILD_INFO = join(OUT_DIR, "build.json");
/** Besides the bundle's own sources, what changes its contents: the installed versions and this build. */
const ALSO_DEPENDS_ON = ["package-lock.json", "model/cli/build-cli.mjs"];

/** Writes through a temporary name, so a concurrent reader sees the old or the new file, never half of one. */
function writeAtomically(path, contents) {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, contents);
  renameSync(tmp, path);
}

export async function buildCli() {
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: ["model/cli/fis.ts"],
    outfile: BUNDLE,
    bundle: true,
    // CommonJS, so the launcher can run it with a V8 code cache (Node 20 has none for ES modules).
    format: "cjs",
    platform: "node",
    target: "node20",
    // Loaded only by the commands that need them (a workbook, a document), from node_modules.
    external: ["xlsx", "docx", "pdfmake"],
    // A CommonJS bundle has no import.meta: its URL is the bundle's own file (the launcher passes __filename).
    define: { "import.meta.url": "__bundleUrl" },
    banner: { js: 'var __bundleUrl = require("node:url").pathToFileURL(__filename).href;' },
    minifyWhitespace: true,
    minifySyntax: true,
    write: false,
    metafile: true,
    logLevel: "warning",
    legalComments: "none",
  });
  const bundle = result.outputFiles.find((f) => f.path === BUNDLE);
  if (!bundle) throw new Error(`esbuild wrote no ${BUNDLE}`);
  const hash = createHash("sha256").update(bundle.contents).digest("hex").slice(0, 16);
  const sources = Object.keys(result.metafile.inputs).filter((p) => !p.startsWith("node_modules/"));
  const inputs = [...sources, ...ALSO_DEPENDS_ON].map((p) => relative(ROOT, join(ROOT, p)).replaceAll("\\", "/"));
  mkdirSync(OUT_DIR, { recursive: true });
  writeAtomically(BUNDLE, bundle.contents);
  writeAtomically(BUILD_INFO, JSON.stringify({ hash, inputs }, null, 2) + "\n");
  // Code caches of earlier bundles can never be used again.
  for (const name of readdirSync(OUT_DIR))
    if (name.endsWith(".cache") && !name.includes(hash)) rmSync(join(OUT_DIR, name), { force: true });
  return { bundle: BUNDLE, hash, inputs };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { inputs } = await buildCli();
  process.stdout.write(`built ${relative(ROOT, BUNDLE)} from ${inputs.length} files\n`);
}
