/**
 * What every chart shares for readers who cannot see it or tell its colours apart: a palette at
 * 4.5:1 or better against white (bars and their text), legend text in the ink colour rather than
 * the series colour, and a "Show data table" toggle under a one-paragraph text summary.
 */
import { useId, useState, type ReactNode } from "react";

/** Each at ≥ 4.5:1 on white (checked in test/renderer/chart-colors.test.ts); adjacent ones differ in hue and lightness. */
export const SERIES_COLORS = ["#1f5fa8", "#b35900", "#2e7d32", "#b8443a", "#7b5ea7", "#00798c", "#8a6d1f"];
export const BASELINE_COLOR = "#6b7785";
/** Derived lines drawn over the bars: dark colours (≥ 4.5:1) told apart by dash as well as hue. */
export const LINE_STYLES: { color: string; dash?: string }[] = [
  { color: "#1b2430" },
  { color: "#6a1b9a", dash: "7 4" },
  { color: "#8a1c1c", dash: "2 3" },
  { color: "#00606e", dash: "10 3 2 3" },
];
export const INK = "#1b2430";

/** Legend entries in the ink colour (series colours fail 4.5:1 as text). */
export const legendText = (value: string) => <span style={{ color: INK }}>{value}</span>;

export function ChartFigure({
  caption,
  summary,
  table,
  children,
  controls,
  testid,
}: {
  caption: string;
  summary: string;
  /** The chart's values as a table behind a toggle; none where a table is already on the screen. */
  table?: { head: string[]; rows: string[][] };
  children: ReactNode;
  /** Form controls for the chart (a column to show): outside the drawing, which screen readers skip. */
  controls?: ReactNode;
  testid?: string;
}) {
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <figure className="chart-figure" data-testid={testid} aria-labelledby={`${id}-cap`} aria-describedby={`${id}-sum`}>
      <figcaption id={`${id}-cap`}>{caption}</figcaption>
      {controls}
      {/* The drawing itself is described by the summary and the table; its SVG is not read piece by piece. */}
      <div className="chart-body" aria-hidden="true">
        {children}
      </div>
      <p className="chart-summary small" id={`${id}-sum`} data-testid="chart-summary">
        {summary}
      </p>
      {table && (
        <button
          type="button"
          className="small"
          aria-expanded={open}
          aria-controls={`${id}-table`}
          onClick={() => setOpen(!open)}
          data-testid="chart-table-toggle"
        >
          {open ? "Hide data table" : "Show data table"}
        </button>
      )}
      {table && open && (
        <div className="table-scroll" id={`${id}-table`} tabIndex={0} role="region" aria-label={`${caption}: data table`}>
          <table className="analysis-table small chart-table" data-testid="chart-table">
            <caption className="sr-only">{caption}</caption>
            <thead>
              <tr>
                {table.head.map((h, i) => (
                  <th key={i} scope="col">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((r, i) => (
                <tr key={i}>
                  {r.map((c, j) =>
                    j === 0 ? (
                      <th key={j} scope="row">
                        {c}
                      </th>
                    ) : (
                      <td key={j} className="num">
                        {c}
                      </td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </figure>
  );
}
