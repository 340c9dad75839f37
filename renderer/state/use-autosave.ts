/**
 * The autosave wired into the app: reads the last session's autosave (the recovery offer), writes
 * after every change (AutosaveWriter decides when), flushes when the page is hidden or unloads and
 * when the main process asks before quitting, and keeps the offered work in the autosave until the
 * user answers the offer. The state is read through a ref updated on every render, so a flush
 * writes the last committed edit.
 */
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore, type RefObject } from "react";
import type { AutosaveSnapshot, PlatformApi } from "../../electron/ipc/contract";
import { autosaveContent, parseAutosave, type ParsedAutosave } from "./autosave";
import { AutosaveWriter, type AutosaveStatus } from "./autosave-writer";
import type { AppState } from "./store";

export interface RecoveryOffer {
  snapshot: AutosaveSnapshot;
  parsed: ParsedAutosave;
}

/** Where the autosave's status is read from; see useAutosaveStatus. */
export interface AutosaveStatusSource {
  subscribe(listener: () => void): () => void;
  getStatus(): AutosaveStatus;
}

/**
 * The autosave's status, read by the components that show it. Every edit changes it (to "Autosaving…"),
 * and a store read with useSyncExternalStore re-renders its reader at once: read in App, that was a
 * second render of the whole app in each edit's task, before its paint.
 */
export function useAutosaveStatus(source: AutosaveStatusSource): AutosaveStatus {
  return useSyncExternalStore(source.subscribe, source.getStatus);
}

/** When the window's work was last autosaved (null: not yet). */
export function lastAutosavedAt(status: AutosaveStatus): number | null {
  return status.kind === "saved" ? status.at : status.kind === "idle" ? null : status.lastSavedAt;
}

export interface Autosave {
  offer: RecoveryOffer | null;
  status: AutosaveStatusSource;
  /** The offer has been answered (recovered or discarded): the autosave no longer carries it. */
  answered(): void;
  /** Tries a failed write again now; resolves when that try ends. */
  retryNow(): Promise<void>;
}

export function useAutosave(platform: PlatformApi, stateRef: RefObject<AppState>, changeSeq: number): Autosave {
  const [offer, setOffer] = useState<RecoveryOffer | null>(null);
  // Read at write time; assigned during render, together with the state the same render shows.
  const offerRef = useRef<RecoveryOffer | null>(null);
  offerRef.current = offer;

  const writer = useMemo(
    () =>
      new AutosaveWriter({
        write: (text) => platform.writeAutosave(text),
        clear: () => platform.clearAutosave(),
        content: () => autosaveContent(stateRef.current, offerRef.current?.parsed.carry ?? null),
      }),
    [platform, stateRef],
  );

  // Offer unsaved work from the last session, even an unreadable one (the user decides); the
  // writer starts only once it has been read, so it can never overwrite it unseen.
  useEffect(() => {
    let live = true;
    void platform
      .readAutosave()
      .then((r) => {
        if (!live) return;
        if (r.ok && r.value) {
          const found = { snapshot: r.value, parsed: parseAutosave(r.value.text, r.value.savedAt) };
          offerRef.current = found;
          setOffer(found);
        }
      })
      .finally(() => {
        if (live) writer.start();
      });
    return () => {
      live = false;
    };
  }, [platform, writer]);

  const firstSeq = useRef(changeSeq);
  useEffect(() => {
    if (changeSeq !== firstSeq.current) writer.changed();
  }, [writer, changeSeq]);

  useEffect(() => {
    const flush = () => void writer.flush();
    const onVisibility = () => {
      if (document.visibilityState === "hidden") flush();
    };
    window.addEventListener("pagehide", flush);
    window.addEventListener("beforeunload", flush);
    document.addEventListener("visibilitychange", onVisibility);
    const stopFlushRequests =
      typeof platform.onFlushRequest === "function" ? platform.onFlushRequest(() => writer.flush()) : () => undefined;
    return () => {
      window.removeEventListener("pagehide", flush);
      window.removeEventListener("beforeunload", flush);
      document.removeEventListener("visibilitychange", onVisibility);
      stopFlushRequests();
    };
  }, [platform, writer]);

  // Once answered, the next write holds only this window's work (after the render that shows it).
  const wasOffered = useRef(false);
  useEffect(() => {
    if (offer) wasOffered.current = true;
    else if (wasOffered.current) {
      wasOffered.current = false;
      writer.changed();
    }
  }, [offer, writer]);

  const answered = useCallback(() => setOffer(null), []);
  return { offer, status: writer, answered, retryNow: writer.retryNow };
}
