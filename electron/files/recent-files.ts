/**
 * The recent-files list, persisted as userData/recent.json: `{ "version": 1, "files": [paths] }`,
 * newest first, at most MAX_RECENT_FILES. Only paths the user chose in a dialog are ever added.
 * A missing, corrupt or hostile recent.json reads as an empty list; it is never fatal, and the next
 * successful add rewrites it atomically.
 */
import { readFile, stat } from "node:fs/promises";
import { isAbsolute } from "node:path";
import { parseRecentFilesJson } from "../ipc/validate";
import { writeFileAtomic } from "../../model/io/atomic-write";

export const MAX_RECENT_FILES = 10;
/** A real recent.json is a few KB; anything far larger is not the app's. */
const MAX_RECENT_JSON_BYTES = 1024 * 1024;

export interface RecentFilesStore {
  list(): readonly string[];
  add(path: string): Promise<void>;
  remove(path: string): Promise<void>;
}

export async function loadRecentFiles(file: string, writer = writeFileAtomic): Promise<RecentFilesStore> {
  let paths: string[] = [];
  try {
    if ((await stat(file)).size <= MAX_RECENT_JSON_BYTES) {
      paths = parseRecentFilesJson(await readFile(file, "utf8"), isAbsolute, MAX_RECENT_FILES);
    }
  } catch {
    paths = []; // missing or unreadable: start empty
  }
  let pending: Promise<void> = Promise.resolve();

  // Writes are chained so an older list can never land after a newer one.
  const persist = (): Promise<void> => {
    const snapshot = JSON.stringify({ version: 1, files: paths }, null, 2);
    pending = pending.catch(() => undefined).then(() => writer(file, snapshot));
    return pending;
  };

  return {
    list: () => [...paths],
    add(path: string) {
      paths = [path, ...paths.filter((p) => p !== path)].slice(0, MAX_RECENT_FILES);
      return persist();
    },
    remove(path: string) {
      if (!paths.includes(path)) return Promise.resolve();
      paths = paths.filter((p) => p !== path);
      return persist();
    },
  };
}
