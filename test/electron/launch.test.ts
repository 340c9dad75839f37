/**
 * `npm start` (electron/launch.mjs): with no Electron binary it prints one line saying why and how
 * to get one, and exits 1 without a stack trace; with a binary it runs it on this package and
 * passes on its exit code. The binary here is a stand-in script (ELECTRON_OVERRIDE_DIST_PATH is
 * Electron's own way to point its launcher elsewhere).
 */
import { spawnSync } from "node:child_process";
import { chmodSync, cpSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const REPO = process.cwd();
const env = (extra: Record<string, string>) => {
  const { ELECTRON_OVERRIDE_DIST_PATH: _drop, ...rest } = process.env;
  return { ...rest, ...extra };
};
const launch = (root: string, args: string[], extra: Record<string, string> = {}) =>
  spawnSync(process.execPath, [join(root, "electron", "launch.mjs"), ...args], { encoding: "utf8", env: env(extra) });

function expectOneLineRemedy(stderr: string) {
  const lines = stderr.trimEnd().split("\n");
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^Cannot start Fiscal Impact Studio: /);
  expect(lines[0]).toContain("`npm install` with internet access");
  expect(lines[0]).toContain("`npm run web`");
  expect(stderr).not.toMatch(/\n\s+at /);
}

describe("electron/launch.mjs", () => {
  it("Electron's download never ran: one line with the remedy, exit 1", () => {
    // A project whose node_modules/electron is the real package without the downloaded binary's path.txt.
    const root = mkdtempSync(join(tmpdir(), "fis-launch-"));
    mkdirSync(join(root, "electron"));
    cpSync(join(REPO, "electron", "launch.mjs"), join(root, "electron", "launch.mjs"));
    cpSync(join(REPO, "package.json"), join(root, "package.json"));
    mkdirSync(join(root, "node_modules", "electron"), { recursive: true });
    for (const file of ["index.js", "package.json"])
      cpSync(join(REPO, "node_modules", "electron", file), join(root, "node_modules", "electron", file));
    const r = launch(root, ["--check"]);
    expect(r.status).toBe(1);
    expectOneLineRemedy(r.stderr);
    expect(r.stderr).toContain("never downloaded");
  });

  it("the binary's folder is empty: one line with the remedy, exit 1", () => {
    const r = launch(REPO, [], { ELECTRON_OVERRIDE_DIST_PATH: mkdtempSync(join(tmpdir(), "fis-no-electron-")) });
    expect(r.status).toBe(1);
    expectOneLineRemedy(r.stderr);
    expect(r.stderr).toContain("is missing");
  });

  it("with a binary: --check exits 0 without starting it; otherwise it runs on this package and its exit code is kept", () => {
    const dist = mkdtempSync(join(tmpdir(), "fis-fake-electron-"));
    writeFileSync(join(dist, "electron"), '#!/bin/sh\necho "started with: $*"\nexit 7\n');
    chmodSync(join(dist, "electron"), 0o755);
    const check = launch(REPO, ["--check"], { ELECTRON_OVERRIDE_DIST_PATH: dist });
    expect(check.status).toBe(0);
    expect(check.stdout).toBe("");
    const run = launch(REPO, ["--inspect-nothing"], { ELECTRON_OVERRIDE_DIST_PATH: dist });
    expect(run.stdout.trim()).toBe(`started with: ${REPO} --inspect-nothing`);
    expect(run.status).toBe(7);
  });
});
