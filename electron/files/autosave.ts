/**
 * Unsaved work, kept in userData/autosave.json (`{ "version": 1, "savedAt": ISO, "text": ... }`) and
 * always written through writeFileAtomic, so a crash during an autosave leaves the previous snapshot.
 * Writes are serialized: a slow older write can never overwrite a newer one. A corrupt or foreign
 * file reads as "no autosave".
 */
import { readFile, rm, stat } from "node:fs/promises";
import type { AutosaveSnapshot } from "../ipc/contract";
import { PLATFORM_LIMITS } from "../ipc/contract";
import { parseAutosaveJson } from "../ipc/validate";
import { removeStaleTempFiles, writeFileAtomic } from "../../model/io/atomic-write";

export interface AutosaveStore {
  write(text: string): Promise<void>;
  read(): Promise<AutosaveSnapshot | null>;
  clear(): Promise<void>;
}

export function createAutosaveStore(file: string, now: () => Date = () => new Date(), writer = writeFileAtomic): AutosaveStore {
  let chain: Promise<unknown> = removeStaleTempFiles(file).catch(() => 0);
  const enqueue = <T>(job: () => Promise<T>): Promise<T> => {
    const run = chain.catch(() => undefined).then(job);
    chain = run;
    return run;
  };
  return {
    write: (text) => enqueue(() => writer(file, JSON.stringify({ version: 1, savedAt: now().toISOString(), text }))),
    read: () =>
      enqueue(async () => {
        try {
          // JSON escaping can at most ~6x the text; anything bigger is not a snapshot the app wrote.
          if ((await stat(file)).size > PLATFORM_LIMITS.maxScenarioBytes * 6 + 1024) return null;
          return parseAutosaveJson(await readFile(file, "utf8"));
        } catch {
          return null;
        }
      }),
    clear: () => enqueue(() => rm(file, { force: true })),
  };
}
