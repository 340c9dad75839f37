/**
 * A tab's screen kept mounted while another tab shows: hidden (display: none) and not rendered
 * again until it shows. Its grids then take what changed meanwhile as an update of the rows that
 * changed, instead of being built anew: building the Table tab's AG Grid on every switch took
 * about 100 ms, the update takes a few. Only what is costly to build (the grids) should stay in a
 * hidden screen; the rest is rendered by the screen only while `active`, so no control, id or live
 * text of a hidden screen is left to be found twice.
 */
import { memo, type ReactNode } from "react";

export const KeptScreen = memo(
  function KeptScreen({ active, name, children }: { active: boolean; name: string; children: ReactNode }) {
    return (
      <div className="kept-screen" data-screen={name} hidden={!active}>
        {children}
      </div>
    );
  },
  // Hidden before and after: nothing to render (the screen shows what it showed when it was left).
  (before, after) => !before.active && !after.active && before.name === after.name,
);
