#!/usr/bin/env node
/**
 * The `fis` command (package.json "bin", `npm run fis`): runs the bundled command line
 * (dist/cli/fis.cjs, built by build-cli.mjs), rebuilding it first when a file it was built from is
 * newer than the bundle or gone. The check is one stat per source file, a few milliseconds.
 *
 * The bundle runs through vm.Script with a V8 code cache beside it (fis.<hash>.cache, written after
 * the first run of each build), which saves parsing its megabyte on every later start.
 */
"use strict";
const { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } = require("node:fs");
const { createRequire } = require("node:module");
const { dirname, join } = require("node:path");
const { pathToFileURL } = require("node:url");
const vm = require("node:vm");

const ROOT = join(__dirname, "..", "..");
const BUNDLE = join(ROOT, "dist", "cli", "fis.cjs");
const BUILD_INFO = join(ROOT, "dist", "cli", "build.json");

function mtime(path) {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}

/** The build's hash and sources, or null when the bundle is missing or older than a file it was built from. */
function freshBuild() {
  const bundleTime = mtime(BUNDLE);
  const infoTime = mtime(BUILD_INFO);
  if (!Number.isFinite(bundleTime) || !Number.isFinite(infoTime)) return null;
  const built = Math.min(bundleTime, infoTime);
  let info;
  try {
    info = JSON.parse(readFileSync(BUILD_INFO, "utf8"));
  } catch {
    return null;
  }
  if (typeof info.hash !== "string" || !Array.isArray(info.inputs)) return null;
  return info.inputs.some((p) => mtime(join(ROOT, p)) > built) ? null : info;
}

function readOrNull(path) {
  try {
    return readFileSync(path);
  } catch {
    return null;
  }
}

/** Best effort: a read-only install simply runs without a cache. */
function writeCache(path, data) {
  try {
    mkdirSync(dirname(path), { recursive: true });
    const tmp = `${path}.${process.pid}.tmp`;
    writeFileSync(tmp, data);
    renameSync(tmp, path);
  } catch {
    // no cache this time
  }
}

async function run() {
  let info = freshBuild();
  if (!info) {
    const { buildCli } = await import(pathToFileURL(join(__dirname, "build-cli.mjs")).href);
    info = await buildCli();
  }
  const source = readFileSync(BUNDLE, "utf8");
  // The cache is keyed by the bundle's content hash: V8 itself checks only the source length.
  const cachePath = join(ROOT, "dist", "cli", `fis.${info.hash}.cache`);
  const cachedData = readOrNull(cachePath) ?? undefined;
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: BUNDLE,
    cachedData,
  });
  const mod = { exports: {} };
  script.runInThisContext()(mod.exports, createRequire(BUNDLE), mod, BUNDLE, dirname(BUNDLE));
  const code = await mod.exports.main(process.argv.slice(2));
  // After the run, so the functions it compiled are in the cache too.
  if (!cachedData || script.cachedDataRejected) writeCache(cachePath, script.createCachedData());
  return code;
}

run().then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.stderr.write(`fis: unexpected failure: ${(e && e.stack) || String(e)}\n`);
    process.exitCode = 1;
  },
);
