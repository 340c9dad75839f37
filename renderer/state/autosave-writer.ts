/**
 * When the autosave is written (no React, no DOM: unit-tested with fake timers).
 *
 * - After every committed change, AUTOSAVE_TIMING.debounceMs after the last one; while changes keep
 *   coming, at most maxWaitMs after the first unwritten one.
 * - At once on flush(): the page is being hidden, reloaded or closed, or the app is quitting. The
 *   platform call is made synchronously inside flush(), so a storage that writes synchronously
 *   (the browser's localStorage) has finished before flush() returns.
 * - One write at a time; changes made meanwhile are written when it ends.
 * - A failed write is retried on its own (1 s, 2 s, 4 s, 8 s, 16 s, then every 30 s) with the
 *   latest content, until one succeeds; flush() and retryNow() try at once.
 * - Nothing is written before start(): the previous session's autosave must be read first.
 *
 * The status (saved at, pending, retrying, failed with the reason) is observable for the UI.
 */
import type { PlatformResult } from "../../electron/ipc/contract";

export const AUTOSAVE_TIMING = {
  debounceMs: 300,
  maxWaitMs: 1000,
  retryMs: [1000, 2000, 4000, 8000, 16000] as readonly number[],
  retryEveryMs: 30_000,
} as const;

/** What the app wants in the autosave slot right now. "keep": leave the slot as it is. */
export type AutosaveContent = { kind: "write"; text: string } | { kind: "clear" } | { kind: "keep" };

export type AutosaveStatus =
  /** Nothing unsaved has needed writing yet. */
  | { kind: "idle" }
  /** Changes not yet written (waiting for the debounce, or being written). */
  | { kind: "pending"; lastSavedAt: number | null }
  /** The slot holds the latest work (or was cleared: no unsaved work is left). */
  | { kind: "saved"; at: number; cleared: boolean }
  /** The last write failed; another try is scheduled. `attempt`: failures in a row. */
  | { kind: "retrying"; error: string; attempt: number; retryAt: number; lastSavedAt: number | null };

export interface AutosaveWriterDeps {
  write(text: string): Promise<PlatformResult<void>>;
  clear(): Promise<PlatformResult<void>>;
  content(): AutosaveContent;
  now?: () => number;
  timing?: Partial<typeof AUTOSAVE_TIMING>;
}

export class AutosaveWriter {
  private status: AutosaveStatus = { kind: "idle" };
  private readonly listeners = new Set<() => void>();
  private readonly timing: typeof AUTOSAVE_TIMING;
  private readonly now: () => number;
  private ready = false;
  private dirty = false;
  private firstUnwrittenAt: number | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private inFlight: Promise<void> | null = null;
  private failures = 0;
  private lastSavedAt: number | null = null;

  constructor(private readonly deps: AutosaveWriterDeps) {
    this.timing = { ...AUTOSAVE_TIMING, ...deps.timing };
    this.now = deps.now ?? (() => Date.now());
  }

  getStatus = (): AutosaveStatus => this.status;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The previous session's autosave has been read: writing may begin. */
  start(): void {
    if (this.ready) return;
    this.ready = true;
    if (this.dirty) this.schedule();
  }

  /** Something the autosave holds changed (an edit committed, a scenario added, renamed, deleted, recovered). */
  changed(): void {
    this.dirty = true;
    this.firstUnwrittenAt ??= this.now();
    if (this.status.kind !== "retrying") this.setStatus({ kind: "pending", lastSavedAt: this.lastSavedAt });
    // While retrying, the retry writes the latest content; edits do not hurry it.
    if (this.failures === 0) this.schedule();
  }

  /** Write now if anything is unwritten (page hidden or closing, app quitting). Resolves when done. */
  flush(): Promise<void> {
    if (!this.ready || !this.dirty) return this.inFlight ?? Promise.resolve();
    return this.run();
  }

  /** The user asked: try a failed write again now. */
  retryNow = (): Promise<void> => this.flush();

  /** Stops timers (the page is going away for good, or a test ends). */
  dispose(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.listeners.clear();
  }

  private setStatus(status: AutosaveStatus): void {
    this.status = status;
    for (const listener of this.listeners) listener();
  }

  private schedule(delay?: number): void {
    if (!this.ready) return;
    if (this.timer !== null) clearTimeout(this.timer);
    const sinceFirst = this.now() - (this.firstUnwrittenAt ?? this.now());
    const wait = delay ?? Math.max(0, Math.min(this.timing.debounceMs, this.timing.maxWaitMs - sinceFirst));
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.run();
    }, wait);
  }

  private run(): Promise<void> {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    if (this.inFlight) {
      const current = this.inFlight;
      return current.then(() => (this.dirty && !this.inFlight ? this.run() : (this.inFlight ?? undefined)));
    }
    if (!this.dirty) return Promise.resolve();
    this.dirty = false;
    this.firstUnwrittenAt = null;
    const content = this.deps.content();
    if (content.kind === "keep") {
      if (this.status.kind === "pending") this.setStatus(this.lastSavedAt === null ? { kind: "idle" } : this.savedStatus(false));
      return Promise.resolve();
    }
    let call: Promise<PlatformResult<void>>;
    try {
      // Synchronous up to the platform call: a synchronous store has written when this returns.
      call = content.kind === "write" ? this.deps.write(content.text) : this.deps.clear();
    } catch (error) {
      call = Promise.resolve({ ok: false, error: error instanceof Error ? error.message : String(error) });
    }
    const done = call
      .catch((error: unknown): PlatformResult<void> => ({ ok: false, error: error instanceof Error ? error.message : String(error) }))
      .then((result) => {
        this.inFlight = null;
        if (result.ok) {
          this.failures = 0;
          this.lastSavedAt = this.now();
          this.setStatus(this.savedStatus(content.kind === "clear"));
          if (this.dirty) this.schedule();
          return;
        }
        this.failures++;
        this.dirty = true;
        this.firstUnwrittenAt ??= this.now();
        const delay = this.timing.retryMs[this.failures - 1] ?? this.timing.retryEveryMs;
        this.setStatus({
          kind: "retrying",
          error: result.error,
          attempt: this.failures,
          retryAt: this.now() + delay,
          lastSavedAt: this.lastSavedAt,
        });
        this.schedule(delay);
      });
    this.inFlight = done;
    return done;
  }

  private savedStatus(cleared: boolean): AutosaveStatus {
    return { kind: "saved", at: this.lastSavedAt ?? this.now(), cleared };
  }
}
