/**
 * The app's two live regions, in the DOM from the first paint so screen readers are listening
 * before anything is said (a region created together with its message may not be read). Anything
 * can `announce(text)`: recomputes, "Computing…", errors, explain-panel updates, copies.
 */
import { useCallback, useEffect, useState } from "react";

type Politeness = "polite" | "assertive";
type Listener = (text: string, politeness: Politeness) => void;
const listeners = new Set<Listener>();

/** Says `text` through the live region (assertive for errors). Safe to call with no app mounted. */
export function announce(text: string, politeness: Politeness = "polite"): void {
  for (const l of listeners) l(text, politeness);
}

export function useAnnounce(): (text: string, politeness?: Politeness) => void {
  return useCallback((text: string, politeness: Politeness = "polite") => announce(text, politeness), []);
}

export function LiveRegions() {
  const [said, setSaid] = useState<{ polite: string; assertive: string; seq: number }>({ polite: "", assertive: "", seq: 0 });
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const listener: Listener = (text, politeness) => {
      // Cleared first, then set a moment later: the same sentence twice is still announced twice.
      setSaid((s) => ({ ...s, [politeness]: "", seq: s.seq + 1 }));
      clearTimeout(timer);
      timer = setTimeout(() => setSaid((s) => ({ ...s, [politeness]: text })), 60);
    };
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
      clearTimeout(timer);
    };
  }, []);
  return (
    <div className="sr-only">
      <div role="status" aria-live="polite" aria-atomic="true" data-testid="live-polite">
        {said.polite}
      </div>
      <div role="alert" aria-live="assertive" aria-atomic="true" data-testid="live-assertive">
        {said.assertive}
      </div>
    </div>
  );
}
