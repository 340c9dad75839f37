#!/usr/bin/env node
/**
 * Runs before `npm run dist` builds installers, and stops with one line when it cannot succeed:
 *  - Node older than electron-builder 26's toolchain declares (@electron/rebuild and node-abi ask
 *    for Node >= 22.12; the app itself, its tests and the CLI need only Node >= 20.19);
 *  - no internet: electron-builder downloads Electron's zip for each target and its packaging tools
 *    (AppImage, NSIS) from GitHub, or from ELECTRON_MIRROR when that is set.
 */
import { get } from "node:https";
import { get as getHttp } from "node:http";

export const DIST_MIN_NODE = "22.12.0";

const newer = (a, b) => {
  const [x, y] = [a, b].map((v) => v.split(".").map(Number));
  for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return x[i] > y[i];
  return true;
};

function fail(line) {
  process.stderr.write(`npm run dist: ${line}\n`);
  process.exit(1);
}

if (!newer(process.versions.node, DIST_MIN_NODE))
  fail(
    `needs Node >= ${DIST_MIN_NODE} (electron-builder's toolchain), this is ${process.versions.node}; ` +
      "npm start, npm test and the fis CLI run on Node >= 20.19.",
  );

const url = new URL(process.env.ELECTRON_MIRROR || "https://github.com/electron/electron/releases");
const reachable = await new Promise((resolve) => {
  const request = (url.protocol === "http:" ? getHttp : get)(url, { method: "HEAD", timeout: 8000 }, (res) => {
    res.resume();
    resolve(null);
  });
  request.on("timeout", () => request.destroy(new Error("no answer in 8 s")));
  request.on("error", (e) => resolve(e.code ?? e.message));
});
if (reachable !== null)
  fail(
    `cannot reach ${url.host} (${reachable}): building installers downloads Electron's zip and the packaging tools, ` +
      "so it needs internet access; offline, `npm run build` still builds the app into out/.",
  );
