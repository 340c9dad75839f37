/**
 * A tab's screen kept mounted while another tab shows: hidden and not rendered again until it
 * shows. Its grids then take what changed meanwhile as an update of the rows that changed, instead
 * of being built anew: building the Table tab's AG Grid on every switch took about 100 ms, the
 * update takes a few. Only what is costly to build (the grids) should stay in a hidden screen; the
 * rest is rendered by the screen only while `active`, so no control, id or live text of a hidden
 * screen is left to be found twice.
 *
 * Hiding is in two steps. At once, the screen is taken out of the flow with no height (nothing of
 * it shows) and aria-hidden; after the next paint it is also made invisible ("parked"), which takes
 * it out of reach of the mouse and the keyboard. Visibility is inherited: changing it restyles every
 * element of the screen (about 1,400 for the Inputs screen, 15-20 ms), which would otherwise delay
 * the paint of the screen being shown. Showing undoes both at once, before the paint.
 */
import { memo, useLayoutEffect, useRef, type ReactNode } from "react";

export const KeptScreen = memo(
  function KeptScreen({ active, name, children }: { active: boolean; name: string; children: ReactNode }) {
    const ref = useRef<HTMLDivElement | null>(null);
    useLayoutEffect(() => {
      const el = ref.current;
      if (!el) return;
      if (active) {
        el.classList.remove("parked");
        return;
      }
      let timer = 0;
      const frame = requestAnimationFrame(() => {
        timer = window.setTimeout(() => el.classList.add("parked"), 0);
      });
      return () => {
        cancelAnimationFrame(frame);
        clearTimeout(timer);
      };
    }, [active]);
    return (
      <div ref={ref} className="kept-screen" data-screen={name} hidden={!active} aria-hidden={active ? undefined : true}>
        {children}
      </div>
    );
  },
  // Hidden before and after: nothing to render (the screen shows what it showed when it was left).
  (before, after) => !before.active && !after.active && before.name === after.name,
);
