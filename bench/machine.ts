/** The machine a run was measured on, so numbers from different boxes are never compared blind. */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import os from "node:os";

function cpuModel(): string {
  try {
    const line = readFileSync("/proc/cpuinfo", "utf8")
      .split("\n")
      .find((l) => l.startsWith("model name"));
    if (line) return line.split(":")[1]!.trim();
  } catch {
    // not Linux: fall through to os.cpus()
  }
  return os.cpus()[0]?.model ?? "unknown";
}

function versionOf(command: string, args: string[]): string | null {
  try {
    return (
      execFileSync(command, args, { encoding: "utf8", timeout: 20_000, stdio: ["ignore", "pipe", "ignore"] })
        .trim()
        .split("\n")[0] ?? null
    );
  } catch {
    return null;
  }
}

function packageVersion(name: string): string | null {
  try {
    return (JSON.parse(readFileSync(new URL(`../node_modules/${name}/package.json`, import.meta.url), "utf8")) as { version: string })
      .version;
  } catch {
    return null;
  }
}

export interface Machine {
  cpu: string;
  logicalCores: number;
  memoryGiB: number;
  /** 1-, 5- and 15-minute load averages when the run started: other work on a shared box shows here. */
  loadAverageAtStart: number[];
  os: string;
  node: string;
  v8: string;
  chromium: string | null;
  libreoffice: string | null;
  packages: Record<string, string | null>;
}

export function describeMachine(): Machine {
  return {
    cpu: cpuModel(),
    logicalCores: os.cpus().length,
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    loadAverageAtStart: os.loadavg().map((l) => Math.round(l * 100) / 100),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    v8: process.versions.v8,
    chromium: versionOf("/usr/bin/chromium", ["--version"]),
    libreoffice: versionOf("soffice", ["--version"]),
    packages: Object.fromEntries(
      ["decimal.js", "xlsx", "hyperformula", "playwright-core", "ag-grid-community", "react"].map((p) => [p, packageVersion(p)]),
    ),
  };
}
