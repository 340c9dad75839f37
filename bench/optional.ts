/**
 * Modules other engineers are still building (model/io, model/engine/analysis, the renderer build) are
 * loaded by file search at run time, not by static import, so the bench typechecks and runs
 * before they exist and a missing piece becomes "not available: <why>" instead of a crash.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

export const REPO_ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");

export type Loaded<T> = { ok: true; value: T; file: string } | { ok: false; reason: string };

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) out.push(...sourceFiles(full));
    else if (/\.tsx?$/.test(name) && !name.endsWith(".d.ts")) out.push(full);
  }
  return out;
}

const exportPattern = (name: string) =>
  new RegExp(`export\\s+(async\\s+)?(function\\*?|const|let)\\s+${name}\\b|export\\s*\\{[^}]*\\b${name}\\b[^}]*\\}`);

/**
 * Finds the module under `dir` (relative to the repo) that exports `name`, preferring index.ts,
 * imports it and returns the export. Index files re-export, so they are tried first.
 */
export async function loadExport<T>(dir: string, name: string): Promise<Loaded<T>> {
  const abs = path.join(REPO_ROOT, dir);
  if (!existsSync(abs)) return { ok: false, reason: `${dir}/ does not exist yet` };
  const files = sourceFiles(abs).sort(
    (a, b) => Number(path.basename(b).startsWith("index.")) - Number(path.basename(a).startsWith("index.")),
  );
  const file = files.find((f) => exportPattern(name).test(readFileSync(f, "utf8")));
  if (!file) return { ok: false, reason: `no module in ${dir}/ exports ${name} yet` };
  try {
    const mod = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
    const value = mod[name];
    if (value === undefined)
      return { ok: false, reason: `${path.relative(REPO_ROOT, file)} mentions ${name} but does not export it at run time` };
    return { ok: true, value: value as T, file: path.relative(REPO_ROOT, file) };
  } catch (e) {
    return { ok: false, reason: `${path.relative(REPO_ROOT, file)} failed to load: ${(e as Error).message.split("\n")[0]}` };
  }
}

/** Loads several exports from one folder; the first missing one is the reason. */
export async function loadExports<T extends Record<string, unknown>>(
  dir: string,
  names: (keyof T & string)[],
): Promise<{ ok: true; value: T; files: string[] } | { ok: false; reason: string }> {
  const value: Record<string, unknown> = {};
  const files = new Set<string>();
  for (const name of names) {
    const loaded = await loadExport<unknown>(dir, name);
    if (!loaded.ok) return loaded;
    value[name] = loaded.value;
    files.add(loaded.file);
  }
  return { ok: true, value: value as T, files: [...files] };
}
