/**
 * The `fis` launcher (model/cli/launch.cjs) in a copy of the repo: it builds the bundle when there is
 * none, reuses it while no source changed, rebuilds after a source edit, and the table commands run
 * without SheetJS installed at all (Excel is loaded only by --xlsx / --csv).
 */
import { spawnSync } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const REPO = process.cwd();
let copy = "";
const bundle = () => join(copy, "dist", "cli", "fis.cjs");
const fis = (...args: string[]) => spawnSync(process.execPath, [join(copy, "model", "cli", "launch.cjs"), ...args], { encoding: "utf8" });

beforeAll(() => {
  copy = mkdtempSync(join(tmpdir(), "fis-launcher-"));
  cpSync(join(REPO, "model"), join(copy, "model"), { recursive: true });
  // The built-in scenarios are files the CLI bundles.
  cpSync(join(REPO, "examples", "dc-dcps-wtu-2023"), join(copy, "examples", "dc-dcps-wtu-2023"), { recursive: true });
  for (const file of ["package.json", "package-lock.json", "tsconfig.json"]) cpSync(join(REPO, file), join(copy, file));
  // Every installed package but SheetJS.
  mkdirSync(join(copy, "node_modules"));
  for (const name of readdirSync(join(REPO, "node_modules")))
    if (name !== "xlsx") symlinkSync(join(REPO, "node_modules", name), join(copy, "node_modules", name));
});

afterAll(() => rmSync(copy, { recursive: true, force: true }));

describe("fis launcher", () => {
  it("builds the bundle on first use and prints the table", () => {
    expect(existsSync(bundle())).toBe(false);
    const r = fis("--json");
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).lines[5]).toMatchObject({ id: "totalCost", values: { Total: 238980 } });
    expect(existsSync(bundle())).toBe(true);
  });

  it("reuses the bundle while no source changed, with a V8 code cache beside it", () => {
    const before = statSync(bundle()).mtimeMs;
    expect(fis("--help").status).toBe(0);
    expect(statSync(bundle()).mtimeMs).toBe(before);
    expect(readdirSync(join(copy, "dist", "cli")).filter((n) => n.endsWith(".cache"))).toHaveLength(1);
  });

  it("rebuilds when a source file is edited", () => {
    const file = join(copy, "model", "cli", "fis.ts");
    writeFileSync(file, readFileSync(file, "utf8").replace("Usage: npm run --silent fis", "Usage (edited): fis"));
    const r = fis("--help");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("Usage (edited): fis");
  });

  it("rebuilds when the bundle is gone", () => {
    rmSync(bundle());
    const r = fis("--help");
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(existsSync(bundle())).toBe(true);
  });

  it("loads SheetJS only for the Excel and CSV commands", () => {
    // The copy has no xlsx package: the table and the analyses run, --csv cannot.
    expect(fis("--cost-of-one-percent").status).toBe(0);
    const r = fis("--csv", join(copy, "t.csv"));
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/Cannot find module 'xlsx'/);
  });
});
