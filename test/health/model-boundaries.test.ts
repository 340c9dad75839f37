/**
 * The engine stays a pure library: model/ imports nothing from renderer/ or electron/ or a UI
 * package, and model/engine imports no Node module and no SheetJS; those belong to the adapters
 * beside it (model/io, model/cli, model/extract). model/engine/tsconfig.json (no DOM, no Node
 * types) catches most of this at compile time; this test names the offending import.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = join(process.cwd(), "model");
const ADAPTERS = ["io/", "cli/", "extract/"];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith(".ts") ? [path] : [];
  });
}

describe("model/ boundaries", () => {
  const sources = files(ROOT).map((path) => ({ rel: relative(ROOT, path).replaceAll("\\", "/"), text: readFileSync(path, "utf8") }));
  const importsOf = (text: string) =>
    [...text.matchAll(/(?:import|export)[^"']*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1] ?? m[2]!);

  it("never imports from renderer/, electron/ or UI packages", () => {
    const bad = sources.flatMap((s) =>
      importsOf(s.text)
        .filter((spec) => /(^|\/)(renderer|electron)(\/|$)|^react|^ag-grid|^recharts/.test(spec))
        .map((spec) => `${s.rel}: ${spec}`),
    );
    expect(bad).toEqual([]);
  });

  it("uses Node modules and SheetJS only in the io/cli adapters", () => {
    const bad = sources
      .filter((s) => !ADAPTERS.some((a) => s.rel.startsWith(a)))
      .flatMap((s) =>
        importsOf(s.text)
          .filter((spec) => spec.startsWith("node:") || ["fs", "path", "os", "child_process", "xlsx"].includes(spec))
          .map((spec) => `${s.rel}: ${spec}`),
      );
    expect(bad).toEqual([]);
  });

  it("adapters (io, cli, extract, report) and the built-ins reach the engine only through model/engine/index.ts", () => {
    const bad = sources
      .filter((s) => [...ADAPTERS, "report/"].some((a) => s.rel.startsWith(a)) || !s.rel.includes("/"))
      .flatMap((s) =>
        importsOf(s.text)
          .filter((spec) => /(^|\/)engine\//.test(spec) && !/(^|\/)engine\/index(\.ts)?$/.test(spec))
          .map((spec) => `${s.rel}: ${spec}`),
      );
    expect(bad).toEqual([]);
  });

  it("the engine names no government: no DC agency, fund, layout or calibration in engine code", () => {
    // The version-1 migration writes the layout version 1 meant; the salary schedules' loader reads the
    // one data set the schedule method ships (ET-15 / EG-09), which is data, not layout.
    const exempt = ["engine/scenario/migrations.ts", "engine/schedule/schedules.ts"];
    const engine = sources.filter((s) => s.rel.startsWith("engine/") && !exempt.includes(s.rel));
    const bad = engine.flatMap((s) =>
      ["DCPS", "Workforce Investments", "costFundedByWia", "fundingAvailable", "localPortion", "totalCost", "2024-10-06", "105271.50"]
        .filter((word) => s.text.includes(word))
        .map((word) => `${s.rel}: ${word}`),
    );
    expect(bad).toEqual([]);
  });

  it("never turns money into a float: no parseFloat in the engine", () => {
    const bad = sources.filter((s) => !ADAPTERS.some((a) => s.rel.startsWith(a)) && /parseFloat\(/.test(s.text)).map((s) => s.rel);
    expect(bad).toEqual([]);
  });
});
