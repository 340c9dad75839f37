/**
 * Crash-safe file replacement: a reader (or the next launch after a crash or power loss) sees either
 * the complete old file or the complete new file, never a torn mix.
 *
 *   1. write the new bytes to a uniquely named temp file in the SAME directory (rename is only atomic
 *      within one filesystem), created with O_EXCL under a random name, so a file or symlink planted
 *      there is never written through;
 *   2. fsync the temp file, so its data is on disk before its name can point at it;
 *   3. rename it over the target (atomic replace on POSIX; MoveFileEx(REPLACE_EXISTING) on Windows);
 *   4. fsync the directory so the rename itself survives power loss. Windows cannot open a directory
 *      for fsync, and some filesystems refuse it: that step is best effort.
 *
 * An existing target must be a regular file: renaming over a named pipe or a device would put a
 * regular file in its place (/dev/full no longer a device), so those are refused before anything is
 * written (NotARegularFileError). A symlink is followed: the file it names is written, atomically
 * beside itself, and the link stays a link (renaming over the link would have replaced it).
 *
 * On any failure before the rename the temp file is removed and the target is untouched.
 * Plain Node only (no Electron): the Electron main process (scenarios, exports, autosave) and the
 * CLI's --xlsx/--csv/--report exports write through it, and so does the crash test's child process.
 */
import { randomBytes } from "node:crypto";
import { constants as fsConstants, type Stats } from "node:fs";
import { lstat, open, readlink, realpath, rename, rm, stat, readdir } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { kindOf } from "./read-file";

export interface AtomicWriteOptions {
  /** File mode for a new file; an existing target keeps its own mode. Default 0o644 (umask applies). */
  mode?: number;
  /** Test seam: called after the temp file is written and synced, before the rename. */
  beforeRename?: (tempPath: string) => void | Promise<void>;
}

const TEMP_SUFFIX = ".tmp";

/** The target exists and is not a regular file. `message` is a predicate ("is a folder, ..."); callers prefix the path. */
export class NotARegularFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "NotARegularFileError";
  }
}

/** The path to write: the target, or the file a symlink names; throws when that is not a regular file. */
async function regularTarget(target: string): Promise<string> {
  let stats: Stats;
  try {
    stats = await lstat(target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return target;
    throw error;
  }
  if (stats.isFile()) return target;
  if (stats.isSymbolicLink()) {
    const real = await realpath(target).catch(() => undefined);
    if (real === undefined) {
      const to = await readlink(target).catch(() => undefined);
      throw new NotARegularFileError(
        `is a symbolic link${to === undefined ? "" : ` to ${to}`}, which names no file; ` +
          "left as it is: write to a regular file or a new one",
      );
    }
    const named = await stat(real);
    if (named.isFile()) return real;
    throw new NotARegularFileError(
      `is a symbolic link to ${real}, which is ${kindOf(named)}, not a regular file; left as it is: write to a regular file or a new one`,
    );
  }
  throw new NotARegularFileError(`is ${kindOf(stats)}, not a regular file; left as it is: write to a regular file or a new one`);
}

/** `.name.<pid>.<random>.tmp`, next to the target. The leading dot hides it on POSIX. */
export function tempPathFor(target: string): string {
  const unique = `${process.pid}.${randomBytes(6).toString("hex")}`;
  return join(dirname(target), `.${basename(target)}.${unique}${TEMP_SUFFIX}`);
}

/** True for names tempPathFor produces for this target (used to clean up after a crash). */
export function isTempFileFor(targetBaseName: string, candidate: string): boolean {
  const prefix = `.${targetBaseName}.`;
  return candidate.startsWith(prefix) && /^\d+\.[0-9a-f]{12}\.tmp$/.test(candidate.slice(prefix.length));
}

export async function writeFileAtomic(given: string, data: string | Uint8Array, options: AtomicWriteOptions = {}): Promise<void> {
  const target = await regularTarget(given);
  const temp = tempPathFor(target);
  const mode = await existingMode(target, options.mode ?? 0o644);
  let renamed = false;
  try {
    const handle = await open(temp, fsConstants.O_CREAT | fsConstants.O_EXCL | fsConstants.O_WRONLY, mode);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await options.beforeRename?.(temp);
    await renameWithRetry(temp, target);
    renamed = true;
  } finally {
    if (!renamed) await rm(temp, { force: true }).catch(() => undefined);
  }
  await fsyncDirectory(dirname(target));
}

async function existingMode(target: string, fallback: number): Promise<number> {
  try {
    return (await stat(target)).mode & 0o777;
  } catch {
    return fallback;
  }
}

/**
 * Windows refuses to replace a file another process has open (antivirus, indexer, a sync client):
 * EPERM/EACCES/EBUSY that clears within moments. Retry briefly there; elsewhere fail at once.
 */
async function renameWithRetry(from: string, to: string): Promise<void> {
  const transient = new Set(["EPERM", "EACCES", "EBUSY"]);
  for (let attempt = 0; ; attempt++) {
    try {
      await rename(from, to);
      return;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? "";
      if (process.platform !== "win32" || !transient.has(code) || attempt >= 10) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20 * (attempt + 1)));
    }
  }
}

/** Best effort: durable rename on Linux/macOS; a no-op where directories cannot be opened or synced. */
export async function fsyncDirectory(dir: string): Promise<boolean> {
  let handle;
  try {
    handle = await open(dir, fsConstants.O_RDONLY);
    await handle.sync();
    return true;
  } catch {
    return false;
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/** Removes temp files a crash left next to `target` (only names tempPathFor could have produced). */
export async function removeStaleTempFiles(target: string): Promise<number> {
  const dir = dirname(target);
  const base = basename(target);
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return 0;
  }
  let removed = 0;
  for (const name of names) {
    if (!isTempFileFor(base, name)) continue;
    await rm(join(dir, name), { force: true }).catch(() => undefined);
    removed++;
  }
  return removed;
}
