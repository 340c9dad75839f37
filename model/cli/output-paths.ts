/**
 * Where the CLI's outputs go: two outputs naming one file (--xlsx X --csv X), or an output naming
 * a file the run reads, would silently destroy one of them. Compared by resolved real path, so a
 * symlink or "dir/../x" is the same file.
 */
import { realpathSync } from "node:fs";
import { basename, dirname, extname, join, resolve } from "node:path";
import { UsageError } from "./args";
import { InputFailure } from "./input-files";

/**
 * The file a path names once symlinks and `..` are resolved: realpath of the file when it exists,
 * else realpath of its folder plus its name (a new output). Unresolvable paths stay as given and
 * fail later with the write's own error.
 */
export function fileIdentity(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    try {
      return join(realpathSync(dirname(resolve(path))), basename(path));
    } catch {
      return resolve(path);
    }
  }
}

/** Refuses two outputs naming one file, and an output naming one of the inputs. */
export function checkOutputPaths(outputs: readonly [flag: string, path: string][], inputs: readonly [flag: string, path: string][]): void {
  const seen = new Map<string, string>();
  for (const [flag, path] of inputs) seen.set(fileIdentity(path), `in:${flag}`);
  for (const [flag, path] of outputs) {
    const id = fileIdentity(path);
    const other = seen.get(id);
    if (other?.startsWith("in:")) throw new InputFailure(`${flag} would overwrite the ${other.slice(3)} file (${path})`);
    if (other) throw new InputFailure(`${other} and ${flag} name the same file (${path}); give each output its own file`);
    seen.set(id, flag);
  }
}

/**
 * An output's name says what is in it: a workbook written to "out.csv", or CSV text to "out.xlsx",
 * opens as a damaged file in Excel. An empty name is asked for, not failed on with ENOENT.
 */
export function checkOutputName(flag: string, path: string, extension: ".xlsx" | ".csv"): void {
  if (path.trim() === "") throw new UsageError(`${flag} needs a file name, e.g. ${flag} out${extension}`);
  const ext = extname(path).toLowerCase();
  if (ext !== extension)
    throw new UsageError(`${flag} writes a ${extension} file; "${path}" ends in ${ext === "" ? "no extension" : `"${ext}"`}`);
}
