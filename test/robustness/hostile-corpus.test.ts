/**
 * The hostile corpus (test/fixtures/hostile/manifest.json), read as a table: each file goes to the
 * real CLI in a child process, and must be accepted with the meaning the manifest gives or refused
 * with exit code 2 and a message naming the file and where. Nothing may exit 1, run past 5 s (the
 * child is killed at 5 s) or use more than 300 MB (the child's own peak RSS, from
 * process.resourceUsage() as it exits).
 *
 * The CLI runs as users run it: model/cli/launch.cjs and its bundle (built once before the runs).
 */
import { spawn, spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { computeTable } from "../../model/engine/compute";
import { setInputValue } from "../../model/engine/scenario/paths";
import { fisAsPublished } from "../../model/built-ins";
import { generate } from "../fixtures/hostile/corpus-generators";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const HOSTILE = join(ROOT, "test/fixtures/hostile");
const TIME_LIMIT_MS = 5000;
const MEMORY_LIMIT_MB = 300;

interface Entry {
  file: string;
  run: "scenario" | "census" | "assumptions";
  outcome: "accepted" | "refused";
  generate?: string;
  where?: string[];
  says?: string[];
  table?: { edits: Record<string, string> };
  why: string;
}
const manifest = JSON.parse(readFileSync(join(HOSTILE, "manifest.json"), "utf8")) as { files: Entry[] };

interface Outcome {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
  peakMb: number | undefined;
}

let work = "";
/** The `fis` command as package.json runs it (model/cli/launch.cjs runs the bundled CLI). */
const cli = join(ROOT, "model", "cli", "launch.cjs");
const results = new Map<string, Outcome>();

const ARGS: Record<Entry["run"], (file: string) => string[]> = {
  scenario: (f) => ["--scenario", f, "--json"],
  census: (f) => ["--method", "schedule", "--census", f, "--json"],
  assumptions: (f) => ["--assumptions", f, "--json"],
};

function runCli(entry: Entry): Promise<Outcome> {
  const rssFile = join(work, `rss-${results.size}-${Math.random().toString(36).slice(2)}.txt`);
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(process.execPath, ["--import", join(work, "report-rss.mjs"), cli, ...ARGS[entry.run](entry.file)], {
      cwd: work,
      env: { ...process.env, FIS_RSS_FILE: rssFile },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill("SIGKILL"), TIME_LIMIT_MS);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      let peakMb: number | undefined;
      try {
        peakMb = Number(readFileSync(rssFile, "utf8")) / 1024;
      } catch {
        peakMb = undefined;
      }
      resolve({ code, signal, stdout, stderr, ms: performance.now() - started, peakMb });
    });
  });
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), "fis-hostile-"));
  // The bundle is (re)built by the launcher when a source is newer; once here, not in a timed run.
  const warm = spawnSync(process.execPath, [cli, "--help"], { encoding: "utf8", timeout: 300_000 });
  if (warm.status !== 0) throw new Error(`fis --help failed: ${warm.stderr}`);
  // Loaded before the CLI; writes the process's peak resident set (KB) as it exits. VmHWM belongs to
  // this process's own memory map; getrusage's maxrss would carry over the forking test runner's.
  writeFileSync(
    join(work, "report-rss.mjs"),
    [
      `import { readFileSync, writeFileSync } from "node:fs";`,
      `process.on("exit", () => {`,
      `  let kb = String(process.resourceUsage().maxRSS);`,
      `  try { kb = /VmHWM:\\s+(\\d+) kB/.exec(readFileSync("/proc/self/status", "utf8"))?.[1] ?? kb; } catch {}`,
      `  writeFileSync(process.env.FIS_RSS_FILE, kb);`,
      `});`,
    ].join("\n"),
  );
  for (const dir of ["scenario", "census", "assumptions"]) cpSync(join(HOSTILE, dir), join(work, dir), { recursive: true });
  for (const e of manifest.files) if (e.generate) generate(e.generate, join(work, e.file));
  // Two at a time: the machine's cores, and a fair measure of each child's time.
  const queue = [...manifest.files];
  await Promise.all(
    [0, 1].map(async () => {
      for (let e = queue.shift(); e; e = queue.shift()) results.set(e.file, await runCli(e));
    }),
  );
}, 600_000);

afterAll(() => {
  const rows = manifest.files.map((e) => {
    const r = results.get(e.file);
    const exit = String(r?.code ?? r?.signal).padEnd(7);
    const ms = String(Math.round(r?.ms ?? 0)).padStart(5);
    return `${e.file.padEnd(44)} exit ${exit} ${ms} ms ${String(Math.round(r?.peakMb ?? 0)).padStart(4)} MB`;
  });
  console.log(`[hostile corpus] ${manifest.files.length} files\n${rows.join("\n")}`);
  if (work) rmSync(work, { recursive: true, force: true });
});

const expectedTable = (edits: Record<string, string>) => {
  let s = fisAsPublished();
  for (const [path, value] of Object.entries(edits)) s = setInputValue(s, path, value);
  const t = computeTable(s);
  return t.lines.map((l) => ({
    id: l.id,
    // Unrounded dollars, as --json prints them (model/cli/format-table.ts).
    exact: Object.fromEntries(t.columns.map((c) => [c, l.cells[c]!.exact.toFixed()])),
  }));
};

describe("hostile corpus", () => {
  it("has at least 60 files of each kind together, 40 of them committed", () => {
    expect(manifest.files.length).toBeGreaterThanOrEqual(60);
    expect(manifest.files.filter((e) => !e.generate).length).toBeGreaterThanOrEqual(40);
  });

  for (const e of manifest.files) {
    it(`${e.file}: exit 0 or 2, within ${TIME_LIMIT_MS / 1000} s and ${MEMORY_LIMIT_MB} MB`, () => {
      const r = results.get(e.file)!;
      expect(r.signal, `killed after ${TIME_LIMIT_MS} ms`).toBeNull();
      expect([0, 2], r.stderr).toContain(r.code);
      expect(r.ms).toBeLessThan(TIME_LIMIT_MS);
      expect(r.peakMb, "peak RSS reported").toBeDefined();
      expect(r.peakMb!).toBeLessThan(MEMORY_LIMIT_MB);
    });
    it(`${e.file}: ${e.outcome}`, () => {
      const r = results.get(e.file)!;
      if (e.outcome === "refused") {
        expect(r.code, r.stdout.slice(0, 200)).toBe(2);
        expect(r.stdout).toBe("");
        expect(r.stderr).toContain(e.file);
      } else {
        expect(r.code, r.stderr).toBe(0);
      }
      for (const text of [...(e.where ?? []), ...(e.says ?? [])]) expect(r.stderr).toContain(text);
      if (e.table) {
        const printed = (JSON.parse(r.stdout) as { lines: { id: string; exact: Record<string, string> }[] }).lines.map(({ id, exact }) => ({
          id,
          exact,
        }));
        expect(printed).toEqual(expectedTable(e.table.edits));
      }
    });
  }
});
