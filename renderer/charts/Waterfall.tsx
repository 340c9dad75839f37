/**
 * A waterfall: a starting total, the changes that lead from it, and the total they arrive at, as
 * horizontal bars so long labels read in full. Amounts arrive as Decimals with their display text
 * made by the caller (the table's number format); the chart turns them into numbers only to draw.
 */
import { Bar, BarChart, CartesianGrid, Cell, LabelList, ReferenceLine, ResponsiveContainer, XAxis, YAxis } from "recharts";
import { Decimal } from "../../model/engine/decimal";
import { THOUSANDS, tickText, unitDivisor, type DisplayUnits } from "../format/number";

export interface WaterfallStep {
  label: string;
  /** Dollars: the total itself for a total, the change for a change. */
  value: Decimal;
  kind: "total" | "change";
  /** The value as the table prints it. */
  text: string;
}

const COLORS = { total: "#5b6b80", up: "#b8443a", down: "#3a9a5b" };
const LABEL_WIDTH = 300;
const CHARS_PER_LINE = 44;

function wrap(text: string): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    if (line && line.length + 1 + word.length > CHARS_PER_LINE) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  lines.push(line);
  return lines;
}

/** A category label wrapped onto as many lines as it needs, right-aligned against the axis. */
function WrappedTick({ x, y, payload }: { x?: number; y?: number; payload?: { value: string } }) {
  const lines = wrap(payload?.value ?? "");
  return (
    <text x={x} y={y} textAnchor="end" fontSize={12} fill="#1d2733">
      <title>{payload?.value}</title>
      {lines.map((l, i) => (
        <tspan key={i} x={x} dy={i === 0 ? `${0.35 - (lines.length - 1) * 0.6}em` : "1.2em"}>
          {l}
        </tspan>
      ))}
    </text>
  );
}

type Row = { name: string; start: number; end: number; text: string; kind: WaterfallStep["kind"]; up: boolean };

export interface WaterfallAxis {
  rows: Row[];
  axisMin: number;
  axisMax: number;
  ticks: number[];
  /** A tick as the axis writes it, in the chart's unit: "$20,000K", "$20,000,000". */
  tickLabel: (v: number) => string;
  tickLabels: string[];
  zoomed: boolean;
  /** Under a zoomed axis, where it starts; "" otherwise. */
  zoomNote: string;
}

/**
 * The bars and the axis in `units` (the unit the caption names): numbers only to draw, the tick
 * labels in the workbench's number format for that unit.
 */
export function waterfallAxis(steps: readonly WaterfallStep[], units: DisplayUnits): WaterfallAxis {
  const divisor = unitDivisor(units.scale);
  const drawn = (dollars: Decimal): number => Number(dollars.div(divisor).toFixed(3));
  const rows: Row[] = [];
  let running = 0;
  for (const s of steps) {
    const v = drawn(s.value);
    const start = s.kind === "total" ? 0 : running;
    const end = s.kind === "total" ? v : running + v;
    running = end;
    rows.push({ name: s.label, start, end, text: s.text, kind: s.kind, up: v >= 0 });
  }
  // Totals dwarf the changes between them: when every running value is on one side of zero and the
  // changes are small, the axis starts near the smallest total (said under the chart) so the changes show.
  const levels = rows.flatMap((r) => (r.kind === "total" ? [r.end] : [r.start, r.end]));
  const lo = Math.min(...levels);
  const hi = Math.max(...levels);
  const span = hi - lo || Math.abs(hi) || 1;
  const zoomed = lo > 0 && span < hi * 0.5;
  // Room on the right for the value labels; ticks on a 1-2-5 ladder, about five of them.
  const from = zoomed ? lo - span * 0.3 : Math.min(0, lo);
  const to = Math.max(0, hi) + span * 0.25;
  const rough = (to - from) / 5;
  const decade = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * decade).find((t) => t >= rough) ?? 10 * decade;
  const axisMin = Math.floor(from / step) * step;
  const axisMax = Math.ceil(to / step) * step;
  const ticks = Array.from({ length: Math.round((axisMax - axisMin) / step) + 1 }, (_, i) => axisMin + i * step);
  const label = (v: number) => tickText(new Decimal(Math.round(v)), { ...units, decimals: 0 });
  return {
    rows,
    axisMin,
    axisMax,
    ticks,
    tickLabel: label,
    tickLabels: ticks.map(label),
    zoomed,
    zoomNote: zoomed ? `The axis starts at ${label(axisMin)}, not at zero, so the changes between the totals show.` : "",
  };
}

/**
 * `described`: the chart sits in a figure whose summary and data table say what it shows, so its drawing takes no focus.
 * `units`: the unit the caption names (the axis is drawn and labelled in it).
 */
export function Waterfall({
  steps,
  caption,
  units = THOUSANDS,
  testId,
  described = false,
}: {
  steps: WaterfallStep[];
  caption: string;
  units?: DisplayUnits;
  testId?: string;
  described?: boolean;
}) {
  const { rows, axisMin, axisMax, ticks, tickLabel, zoomNote } = waterfallAxis(steps, units);
  const data = rows.map((r) => ({
    ...r,
    range: r.kind === "total" && zoomNote ? [axisMin, r.end] : [Math.min(r.start, r.end), Math.max(r.start, r.end)],
  }));
  // Categories share the height evenly, so every row gets room for the longest label.
  const rowHeight = Math.max(34, Math.max(...rows.map((r) => wrap(r.name).length)) * 15 + 12);
  const height = 48 + rows.length * rowHeight;

  return (
    <figure className="waterfall" data-testid={testId}>
      {caption && <figcaption>{caption}</figcaption>}
      <ResponsiveContainer width="100%" height={height}>
        <BarChart
          accessibilityLayer={!described}
          data={data}
          layout="vertical"
          margin={{ top: 6, right: 24, left: 8, bottom: 6 }}
          barCategoryGap="22%"
        >
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" domain={[axisMin, axisMax]} ticks={ticks} tickFormatter={tickLabel} allowDataOverflow />
          <YAxis type="category" dataKey="name" width={LABEL_WIDTH} tick={<WrappedTick />} interval={0} />
          {axisMin <= 0 && <ReferenceLine x={0} stroke="#1d2733" />}
          <Bar dataKey="range" isAnimationActive={false}>
            {data.map((r, i) => (
              <Cell key={i} fill={r.kind === "total" ? COLORS.total : r.up ? COLORS.up : COLORS.down} />
            ))}
            <LabelList dataKey="text" position="right" fontSize={12} fill="#1d2733" />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
      {zoomNote && <p className="muted small">{zoomNote}</p>}
    </figure>
  );
}
