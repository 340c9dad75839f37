/**
 * One engine, three ways to run it, one answer: the CLI (`fis`, the esbuild bundle run by Node), the engine in-process (this
 * test), and the engine as Vite bundles it for the renderer (decimal.js and the reference data
 * inlined, TypeScript stripped by Vite's transformer). Both built-ins, every cell.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { computeTable, type TableResult } from "../../model/engine/compute";
import { contractAsStated, fisAsPublished } from "../../model/built-ins";
import type { Scenario } from "../../model/engine/scenario/types";
import { tableCells } from "./helpers";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const BUILT_INS: [string, () => Scenario][] = [
  ["fis-as-published", fisAsPublished],
  ["contract-as-stated", contractAsStated],
];

interface CliJson {
  columns: string[];
  lines: { id: string; values: Record<string, number>; exact: Record<string, string> }[];
}

function runCli(id: string): CliJson {
  const out = execFileSync(process.execPath, [join(ROOT, "model/cli/launch.cjs"), "--scenario", id, "--json"], {
    cwd: ROOT,
    encoding: "utf8",
    timeout: 60_000,
  });
  return JSON.parse(out) as CliJson;
}

describe("CLI --json equals computeTable in-process", () => {
  for (const [id, build] of BUILT_INS) {
    it(id, () => {
      const cli = runCli(id);
      const table = computeTable(build());
      expect(cli.columns).toEqual(table.columns);
      expect(cli.lines.map((l) => l.id)).toEqual(table.lines.map((l) => l.id));
      for (const line of table.lines) {
        const printed = cli.lines.find((l) => l.id === line.id)!;
        for (const col of table.columns) {
          expect(printed.values[col], `${line.id}.${col}`).toBe(line.cells[col]!.display.toNumber());
          // The CLI prints exact dollars, unrounded (never cut to cents).
          expect(printed.exact[col], `${line.id}.${col}`).toBe(line.cells[col]!.exact.toFixed());
        }
      }
    });
  }
});

describe("the engine as Vite bundles it equals the engine in-process", () => {
  let outDir = "";
  let bundled: { computeTable: (s: Scenario) => TableResult; fisAsPublished: () => Scenario; contractAsStated: () => Scenario };

  beforeAll(async () => {
    outDir = mkdtempSync(join(tmpdir(), "fis-bundle-"));
    // The engine and the built-in scenario files, bundled as the renderer bundles them.
    const entry = join(outDir, "entry.ts");
    writeFileSync(
      entry,
      `export * from ${JSON.stringify(join(ROOT, "model/engine/index.ts"))};\n` +
        `export * from ${JSON.stringify(join(ROOT, "model/built-ins.ts"))};\n`,
    );
    const { build } = await import("vite");
    await build({
      configFile: false,
      logLevel: "silent",
      root: ROOT,
      build: {
        emptyOutDir: true,
        minify: true,
        outDir: join(outDir, "dist"),
        lib: { entry, formats: ["es"], fileName: () => "engine.js" },
      },
    });
    bundled = await import(pathToFileURL(join(outDir, "dist", "engine.js")).href);
  }, 120_000);

  afterAll(() => {
    if (outDir) rmSync(outDir, { recursive: true, force: true });
  });

  for (const [id, build] of BUILT_INS) {
    it(id, () => {
      const fromBundle = bundled.computeTable(id === "fis-as-published" ? bundled.fisAsPublished() : bundled.contractAsStated());
      // Same unrounded value (every digit) and displayed value in every cell.
      expect(tableCells(fromBundle)).toEqual(tableCells(computeTable(build())));
    });
  }
});
