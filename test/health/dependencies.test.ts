/**
 * package.json tells the truth about what ships and what installs:
 *  - every package the shipped code imports (renderer/, electron/, model/) is in `dependencies`,
 *    and `dependencies` holds nothing else, so `npm audit --omit=dev` audits exactly what ships;
 *  - no package needed to run the app has its install script denied in `allowScripts` (a denied
 *    Electron script means the Electron binary is never downloaded and `npm start` cannot work),
 *    and every package with an install script is reviewed there (CI installs with --strict-allow-scripts).
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = process.cwd();
const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as {
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  allowScripts?: Record<string, boolean>;
};
const lock = JSON.parse(readFileSync(join(ROOT, "package-lock.json"), "utf8")) as {
  packages: Record<string, { dev?: boolean; hasInstallScript?: boolean; optional?: boolean }>;
};

/** Packages the app cannot run without although they are build tools: Electron is the app's runtime. */
const RUNTIME_TOOLS = ["electron"];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === "node_modules" ? [] : sources(path);
    return /\.(ts|tsx|mjs|cjs)$/.test(name) ? [path] : [];
  });
}

/** "react-dom/client" -> "react-dom", "@scope/pkg/x" -> "@scope/pkg"; null for relative paths and Node built-ins. */
function packageOf(specifier: string): string | null {
  if (specifier.startsWith(".") || specifier.startsWith("node:") || specifier.startsWith("/")) return null;
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0]!;
}

/** Bare imports of the code that runs in the app or the CLI (build scripts and launchers aside). */
function shippedImports(): Map<string, string[]> {
  const found = new Map<string, string[]>();
  const files = ["renderer", "electron", "model"].flatMap((d) => sources(join(ROOT, d)));
  for (const file of files) {
    const rel = relative(ROOT, file).replaceAll("\\", "/");
    // Build, launch and packaging scripts run from the repository, not in the app.
    if (/^(model\/cli\/(build-cli|launch)\.|electron\/(launch|dist-preflight)\.|electron\/resources\/|model\/extract\/)/.test(rel))
      continue;
    const text = readFileSync(file, "utf8");
    for (const m of text.matchAll(
      /(?:^|\n)\s*(?:import|export)\s(?:[^"';]*?\sfrom\s)?["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g,
    )) {
      if (/^\s*(?:import|export)\s+type\s/.test(m[0])) continue;
      const name = packageOf(m[1] ?? m[2]!);
      if (name && !RUNTIME_TOOLS.includes(name)) found.set(name, [...(found.get(name) ?? []), rel]);
    }
  }
  return found;
}

describe("dependencies", () => {
  const imports = shippedImports();

  it("lists every package the shipped code imports", () => {
    const missing = [...imports].filter(([name]) => !pkg.dependencies?.[name]).map(([name, files]) => `${name} (${files[0]})`);
    expect(missing).toEqual([]);
  });

  it("lists nothing the shipped code does not import (build and test tools are devDependencies)", () => {
    expect(Object.keys(pkg.dependencies ?? {}).filter((name) => !imports.has(name))).toEqual([]);
  });
});

describe("allowScripts", () => {
  const withScripts = Object.entries(lock.packages)
    .filter(([path, p]) => path.startsWith("node_modules/") && p.hasInstallScript)
    .map(([path, p]) => ({ name: path.slice(path.lastIndexOf("node_modules/") + "node_modules/".length), dev: p.dev === true }));

  it("denies no install script of a package needed to run the app", () => {
    const needed = withScripts.filter((p) => !p.dev || RUNTIME_TOOLS.includes(p.name));
    expect(needed.map((p) => p.name)).toContain("electron");
    expect(needed.filter((p) => pkg.allowScripts?.[p.name] === false).map((p) => p.name)).toEqual([]);
  });

  it("names every package that has an install script, allowed or denied", () => {
    expect(withScripts.filter((p) => pkg.allowScripts?.[p.name] === undefined).map((p) => p.name)).toEqual([]);
  });
});
