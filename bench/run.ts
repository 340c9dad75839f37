/**
 * npm run bench [-- --quick] [--only engine,fast,analysis,io,spreadsheets,browser,cli,memory,property] [--dist DIR] [--markdown]
 *
 * --quick: a fifth of the runs (never fewer than 3); --only: some groups (property, a long run of the
 * fast path's property test, only when named); --dist: measure that web
 * build as it is; --markdown: also print the table as Markdown for bench/README.md.
 *
 * Prints a table and writes bench/results.json. A script, not a test: timings depend on the
 * machine, so they are recorded with the machine rather than asserted.
 */
import { writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { analysisCases } from "./cases/analysis";
import { browserCases } from "./cases/browser";
import { cliCases } from "./cases/cli";
import { makeContext, type BenchContext } from "./cases/context";
import { engineCases } from "./cases/engine";
import { fastCases } from "./cases/fast";
import { propertyCases } from "./cases/property";
import { ioCases } from "./cases/io";
import { memoryCases } from "./cases/memory";
import { spreadsheetCases, spreadsheetComparisons } from "./cases/spreadsheets";
import { describeMachine } from "./machine";
import { REPO_ROOT } from "./paths";
import { formatMarkdown, formatReport } from "./report";
import { failed, type BenchResults, type CaseResult } from "./results";

const GROUPS: Record<string, (ctx: BenchContext) => Promise<CaseResult[]>> = {
  engine: engineCases,
  fast: fastCases,
  analysis: analysisCases,
  io: ioCases,
  spreadsheets: spreadsheetCases,
  browser: browserCases,
  cli: cliCases,
  memory: memoryCases,
  property: propertyCases,
};
/** Groups that run only when named with --only. */
const OPT_IN = new Set(["property"]);

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const quick = args.includes("--quick");
  const onlyAt = args.indexOf("--only");
  const only = onlyAt >= 0 ? (args[onlyAt + 1] ?? "").split(",").filter(Boolean) : Object.keys(GROUPS).filter((g) => !OPT_IN.has(g));
  const unknown = only.filter((g) => !(g in GROUPS));
  if (unknown.length) {
    process.stderr.write(`bench: unknown group(s) ${unknown.join(", ")}; groups are ${Object.keys(GROUPS).join(", ")}\n`);
    process.exit(2);
  }
  const distAt = args.indexOf("--dist");
  const ctx = makeContext(quick, distAt >= 0 ? path.resolve(args[distAt + 1] ?? "") : null);
  const started = performance.now();
  const machine = describeMachine();
  const cases: CaseResult[] = [];
  for (const group of only) {
    process.stderr.write(`[${group}]\n`);
    try {
      cases.push(...(await GROUPS[group]!(ctx)));
    } catch (e) {
      // A group that throws past its own guards still must not sink the others.
      cases.push(failed(`${group}`, group, `${group} cases`, e));
    }
  }
  const results: BenchResults = {
    generatedAt: new Date().toISOString(),
    command: `npm run bench${args.length ? " -- " + args.join(" ") : ""}`,
    durationSeconds: (performance.now() - started) / 1000,
    machine: { ...machine, loadAverageAtEnd: os.loadavg().map((l) => Math.round(l * 100) / 100) } as unknown as Record<string, unknown>,
    cases,
    comparisons: spreadsheetComparisons(cases),
  };
  writeFileSync(path.join(REPO_ROOT, "bench", "results.json"), JSON.stringify(results, null, 2) + "\n");
  process.stdout.write(formatReport(results) + "\n");
  if (args.includes("--markdown")) process.stdout.write("\n" + formatMarkdown(results) + "\n");
}

main().catch((e) => {
  process.stderr.write(`bench: ${(e as Error).stack ?? e}\n`);
  process.exit(1);
});
