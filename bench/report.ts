/** The printed table: one row per case, the target and pass/miss; comparisons after. */
import { formatMs } from "./measure";
import type { BenchResults, CaseResult } from "./results";

function pad(text: string, width: number): string {
  return text.length >= width ? text : text + " ".repeat(width - text.length);
}

function verdict(c: CaseResult): string {
  if (c.status !== "ok") return c.status === "error" ? "ERROR" : "n/a";
  if (!c.target) return "-";
  return c.target.pass ? "pass" : "MISS";
}

export function formatReport(results: BenchResults): string {
  const rows: string[][] = [["case", "median", "min", "max", "runs", "cpu", "target", "result"]];
  for (const c of results.cases) {
    if (c.status === "ok" && c.stats) {
      const cpu = c.stats.cpuMedianMs === undefined ? "-" : formatMs(c.stats.cpuMedianMs);
      rows.push([
        c.id,
        formatMs(c.stats.medianMs),
        formatMs(c.stats.minMs),
        formatMs(c.stats.maxMs),
        String(c.stats.runs),
        cpu,
        c.target?.text.split(" (")[0] ?? "-",
        verdict(c),
      ]);
    } else {
      rows.push([c.id, "", "", "", "", "", "", verdict(c)]);
    }
  }
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const lines = rows.map((r) =>
    r
      .map((cell, i) => pad(cell, widths[i]!))
      .join("  ")
      .trimEnd(),
  );
  lines.splice(1, 0, widths.map((w) => "-".repeat(w)).join("  "));
  const notes = results.cases.filter((c) => c.status !== "ok").map((c) => `  ${c.id}: ${c.status}: ${c.reason ?? ""}`);
  const load = (k: string) => ((results.machine[k] as number[] | undefined) ?? []).join(" ");
  const out = [
    `Fiscal Impact Studio benchmark, ${results.generatedAt}`,
    `${results.machine["cpu"]}, ${results.machine["logicalCores"]} cores, ${results.machine["memoryGiB"]} GiB, Node ` +
      `${results.machine["node"]}; load average ${load("loadAverageAtStart")} at start, ${load("loadAverageAtEnd")} at end`,
    "median/min/max: wall time; cpu: median CPU time of this process (in-process cases), for telling slow code from a busy machine",
    "",
    ...lines,
  ];
  if (notes.length) out.push("", ...notes);
  if (results.comparisons.length) {
    out.push("", "Against spreadsheet engines (engine / spreadsheet, < 1 means the engine is faster):");
    for (const c of results.comparisons)
      out.push(
        `  ${c.label}: ${formatMs(c.ours.medianMs)} / ${formatMs(c.theirs.medianMs)} = ` +
          `${c.ratio < 0.01 ? c.ratio.toExponential(2) : c.ratio.toFixed(3)}  (${c.note})`,
      );
  }
  out.push("", `Total bench time ${results.durationSeconds.toFixed(1)} s; results in bench/results.json`);
  return out.join("\n");
}

/** The same table in Markdown, for bench/README.md (npm run bench -- --markdown). */
export function formatMarkdown(results: BenchResults): string {
  const lines = [
    "| case | what | median | min | max | runs | CPU median | target | result |",
    "|---|---|---:|---:|---:|---:|---:|---|---|",
  ];
  for (const c of results.cases) {
    if (c.status === "ok" && c.stats) {
      const cpu = c.stats.cpuMedianMs === undefined ? "-" : formatMs(c.stats.cpuMedianMs);
      lines.push(
        `| \`${c.id}\` | ${c.label} | ${formatMs(c.stats.medianMs)} | ${formatMs(c.stats.minMs)} | ${formatMs(c.stats.maxMs)} | ` +
          `${c.stats.runs} | ${cpu} | ${c.target?.text ?? "-"} | ${verdict(c)} |`,
      );
    } else {
      lines.push(`| \`${c.id}\` | ${c.label} | | | | | | | ${verdict(c)}: ${c.reason ?? ""} |`);
    }
  }
  if (results.comparisons.length) {
    lines.push("", "| comparison | engine | spreadsheet | engine / spreadsheet | note |", "|---|---:|---:|---:|---|");
    for (const c of results.comparisons)
      lines.push(
        `| ${c.label} (${c.theirs.engine}) | ${formatMs(c.ours.medianMs)} | ${formatMs(c.theirs.medianMs)} | ` +
          `${c.ratio < 0.01 ? c.ratio.toExponential(2) : c.ratio.toFixed(3)} | ${c.note} |`,
      );
  }
  return lines.join("\n");
}
