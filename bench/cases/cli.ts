/**
 * Command-line start-up: `npm run --silent fis -- --json` (the whole path a user types: npm, the
 * launcher's freshness check, the bundled CLI, the table as JSON) against `npm run` of an empty
 * script, which is what npm alone costs. The two run alternately, so a busy machine slows both
 * alike; the ratio of their medians is the figure with a target (at most 1.8).
 */
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { summarize } from "../measure";
import { REPO_ROOT } from "../paths";
import { failed, type CaseResult } from "../results";
import type { BenchContext } from "./context";

const GROUP = "cli";
const RATIO_TARGET = 1.8;
const run = promisify(execFile);
const npm = process.platform === "win32" ? "npm.cmd" : "npm";

async function timed(args: string[], cwd: string): Promise<{ ms: number; stdout: string }> {
  const t0 = performance.now();
  const { stdout } = await run(npm, args, { cwd, encoding: "utf8", maxBuffer: 16 * 1024 * 1024 });
  return { ms: performance.now() - t0, stdout };
}

export async function cliCases(ctx: BenchContext): Promise<CaseResult[]> {
  const id = "cli.fis.json";
  const label = "npm run --silent fis -- --json (launcher + bundled CLI, FIS table as JSON)";
  const emptyId = "cli.npmRunEmpty";
  const emptyLabel = "npm run of an empty script (npm's own start-up, the baseline)";
  // The empty script lives in a copy of package.json, so npm reads a manifest of the same size.
  const dir = mkdtempSync(path.join(os.tmpdir(), "fis-bench-npm-"));
  try {
    const manifest = JSON.parse(readFileSync(path.join(REPO_ROOT, "package.json"), "utf8")) as Record<string, unknown>;
    writeFileSync(path.join(dir, "package.json"), JSON.stringify({ ...manifest, scripts: { empty: "" } }, null, 2));
    const fisArgs = ["run", "--silent", "fis", "--", "--json"];
    const emptyArgs = ["run", "--silent", "empty"];
    // Warm-up: builds the bundle and writes its code cache if needed, fills the OS file cache.
    for (let i = 0; i < 2; i++) {
      const first = await timed(fisArgs, REPO_ROOT);
      const total = (JSON.parse(first.stdout) as { lines: { id: string; values: Record<string, number> }[] }).lines.find(
        (l) => l.id === "totalCost",
      );
      if (total?.values["Total"] !== 238980) throw new Error(`fis --json printed TOTAL COST ${total?.values["Total"]}, not 238,980`);
      await timed(emptyArgs, dir);
    }
    const fisMs: number[] = [];
    const emptyMs: number[] = [];
    const runs = ctx.runs(15);
    for (let i = 0; i < runs; i++) {
      fisMs.push((await timed(fisArgs, REPO_ROOT)).ms);
      emptyMs.push((await timed(emptyArgs, dir)).ms);
    }
    const fisStats = summarize(fisMs, 2);
    const emptyStats = summarize(emptyMs, 2);
    const ratio = fisStats.medianMs / emptyStats.medianMs;
    const out: CaseResult[] = [
      {
        id,
        group: GROUP,
        label,
        status: "ok",
        stats: fisStats,
        target: {
          text: `<= ${RATIO_TARGET} x empty npm run (${(RATIO_TARGET * emptyStats.medianMs).toFixed(0)} ms this run)`,
          limitMs: RATIO_TARGET * emptyStats.medianMs,
          pass: ratio <= RATIO_TARGET,
        },
        note: "Runs alternate with the empty script; the ratio of the two medians is compared with the target.",
        details: { ratioToEmptyNpmRun: Math.round(ratio * 100) / 100, emptyNpmRunMedianMs: Math.round(emptyStats.medianMs) },
      },
      { id: emptyId, group: GROUP, label: emptyLabel, status: "ok", stats: emptyStats },
    ];
    for (const r of out) ctx.log(`${r.id}: ${r.status}`);
    ctx.log(`fis --json / empty npm run = ${ratio.toFixed(2)} (target <= ${RATIO_TARGET})`);
    return out;
  } catch (e) {
    return [failed(id, GROUP, label, e)];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
