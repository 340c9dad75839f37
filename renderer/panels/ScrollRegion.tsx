/**
 * A table wider than a narrow screen scrolls inside this box rather than the page sideways (WCAG
 * 1.4.10 reflow); the box takes focus so keyboard users can scroll it too.
 */
import type { ReactNode } from "react";

export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={label}>
      {children}
    </div>
  );
}
