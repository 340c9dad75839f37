/**
 * Charts of the active scenario, each the full width: cost by line by year (stacked bars with the
 * total on each bar, and the scenario's derived lines such as funding, a local portion and the net
 * drawn over them), a waterfall from the published figures to the computed ones where the scenario
 * carries published figures, and its total against its baseline where it has one of its own.
 */
import { useState } from "react";
import { Bar, CartesianGrid, ComposedChart, LabelList, Line, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { TableResult } from "../../model/engine/compute";
import { unitFactor } from "../../model/engine/table/display";
import { TOTAL_COLUMN } from "../../model/engine/table/schema";
import { amountInWords, cellText, changeInWords, changeText, columnLabelOf, money, unitWords, unitsOfResult } from "../format/number";
import { BASELINE_COLOR, ChartFigure, LINE_STYLES, SERIES_COLORS } from "./chart-parts";
import { barTotal, chartLines, largestLine, publishedSteps, yearColumns } from "./chart-data";
import { Waterfall } from "./Waterfall";

/** Display values as plain numbers for the chart's geometry only (already rounded by the model's rule). */
const num = (d: { toString(): string } | undefined): number => Number(d?.toString() ?? "0");
const TOTAL_KEY = "__total";

interface LegendEntry {
  label: string;
  color: string;
  kind: "bar" | "line";
  dash?: string;
}

/** The legend as a list in the stack's order (top of the stack first), then the lines; never the chart's own sorting. */
function ChartLegend({ entries, note }: { entries: LegendEntry[]; note?: string }) {
  return (
    <div className="chart-legend" data-testid="chart-legend">
      <ul>
        {entries.map((e) => (
          <li key={`${e.kind}-${e.label}`} data-testid="chart-legend-item">
            <svg width="22" height="12" aria-hidden="true" focusable="false">
              {e.kind === "bar" ? (
                <rect x="3" y="1" width="16" height="10" fill={e.color} />
              ) : (
                <line x1="1" y1="6" x2="21" y2="6" stroke={e.color} strokeWidth="2.5" strokeDasharray={e.dash} />
              )}
            </svg>
            {e.label}
          </li>
        ))}
      </ul>
      {note && <p className="small muted">{note}</p>}
    </div>
  );
}

export function Charts({ result, baseline }: { result: TableResult; baseline: { result: TableResult; name: string } | null }) {
  const units = unitsOfResult(result);
  const years = yearColumns(result);
  const label = (c: string) => columnLabelOf(result, c);
  const lines = chartLines(result);
  const colorOf = (i: number) => SERIES_COLORS[i % SERIES_COLORS.length]!;
  const styleOf = (i: number) => LINE_STYLES[i % LINE_STYLES.length]!;
  const axisTick = (v: number) => money(String(v), { dollarSign: false });
  const tip = (v: unknown) => (typeof v === "number" ? amountInWords(String(v), units) : String(v));
  const totalText = (v: unknown) => (typeof v === "number" ? cellText(String(v), units) : "");
  const yLabel = { value: unitWords(units), angle: -90, position: "insideLeft" as const, offset: -10 };

  const data = years.map((y) =>
    Object.fromEntries([
      ["year", label(y)],
      ...lines.stacked.map((l) => [l.label, num(l.cells[y]?.display)]),
      ...lines.drawn.map((l) => [l.label, num(l.cells[y]?.display)]),
      [TOTAL_KEY, num(barTotal(result, lines, y))],
    ]),
  );
  const legend: LegendEntry[] = [
    ...lines.stacked.map((l, i) => ({ label: l.label, color: colorOf(i), kind: "bar" as const })).reverse(),
    ...lines.drawn.map((l, i) => ({ label: l.label, color: styleOf(i).color, kind: "line" as const, dash: styleOf(i).dash })),
  ];

  const first = years[0];
  const last = years[years.length - 1];
  const largest = largestLine(result, lines);
  const span = result.columns.includes(TOTAL_COLUMN)
    ? `over the ${label(TOTAL_COLUMN)}`
    : first && last && first !== last
      ? `over ${label(first)} to ${label(last)}`
      : `in ${label(first ?? "")}`;
  const from = (l: { label: string; cells: TableResult["lines"][number]["cells"] }) =>
    first && last
      ? `${l.label} goes from ${amountInWords(l.cells[first]!.display, units)} in ${label(first)} ` +
        `to ${amountInWords(l.cells[last]!.display, units)} in ${label(last)}`
      : "";
  const summary = [
    lines.total ? from(lines.total) : "",
    largest && first ? `the largest line is ${largest.line.label}, ${amountInWords(largest.amount, units)} ${span}` : "",
    ...lines.drawn.map(from),
  ]
    .filter(Boolean)
    .join("; ");

  return (
    <section className="charts" data-testid="charts">
      <ChartFigure
        testid="chart-cost-by-line"
        caption={`Cost by line by year, ${unitWords(units)} (${result.scenarioName})`}
        summary={summary ? `${summary}.` : ""}
        table={{
          head: ["Line", ...years.map(label)],
          rows: [...lines.stacked, ...(lines.total ? [lines.total] : []), ...lines.drawn].map((l) => [
            l.label,
            ...years.map((y) => cellText(l.cells[y]?.display ?? "0", units)),
          ]),
        }}
      >
        <div className="chart-with-legend">
          <div className="chart-plot">
            <ResponsiveContainer width="100%" height={380}>
              <ComposedChart accessibilityLayer={false} data={data} margin={{ top: 24, right: 20, left: 20, bottom: 5 }}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis dataKey="year" />
                <YAxis tickFormatter={axisTick} label={yLabel} />
                <ReferenceLine y={0} stroke="#1b2430" />
                <Tooltip formatter={tip} />
                {lines.stacked.map((l, i) => (
                  <Bar
                    key={l.id}
                    dataKey={l.label}
                    stackId="cost"
                    fill={colorOf(i)}
                    stroke="#fff"
                    strokeWidth={1}
                    isAnimationActive={false}
                  >
                    {/* The top of the stack carries each year's total. */}
                    {i === lines.stacked.length - 1 && (
                      <LabelList
                        dataKey={TOTAL_KEY}
                        position="top"
                        offset={10}
                        formatter={totalText}
                        fontSize={12}
                        fontWeight={600}
                        fill="#1b2430"
                        stroke="#fff"
                        strokeWidth={4}
                        paintOrder="stroke"
                      />
                    )}
                  </Bar>
                ))}
                {lines.drawn.map((l, i) => (
                  <Line
                    key={l.id}
                    dataKey={l.label}
                    stroke={styleOf(i).color}
                    strokeDasharray={styleOf(i).dash}
                    strokeWidth={2.5}
                    dot={{ r: 3.5, fill: styleOf(i).color }}
                    isAnimationActive={false}
                  />
                ))}
              </ComposedChart>
            </ResponsiveContainer>
          </div>
          <ChartLegend
            entries={legend}
            note={
              lines.total
                ? `Stacked top to bottom as listed; the figure on each bar is ${lines.total.label}.`
                : "Stacked top to bottom as listed."
            }
          />
        </div>
      </ChartFigure>
      <PublishedWaterfall result={result} />
      {baseline ? (
        <AgainstBaseline result={result} baseline={baseline.result} baselineName={baseline.name} />
      ) : (
        <p className="muted small chart-note" data-testid="charts-no-baseline">
          “{result.scenarioName}” is its own baseline, so there is no scenario-against-baseline chart: edit it (a copy is made) or compare
          it with another scenario on the Compare tab.
        </p>
      )}
    </section>
  );
}

/** Published -> computed for the table's total line, one column at a time. */
function PublishedWaterfall({ result }: { result: TableResult }) {
  const units = unitsOfResult(result);
  const columns = result.columns.filter((c) => publishedSteps(result, c) !== null);
  const [chosen, setChosen] = useState<string | null>(null);
  const column = chosen && columns.includes(chosen) ? chosen : (columns.find((c) => c === TOTAL_COLUMN) ?? columns[0]);
  if (!column) return null;
  const steps = publishedSteps(result, column)!;
  const factor = unitFactor(units.scale);
  const totalLabel = chartLines(result).total!.label;
  const changes = steps.filter((s) => s.kind === "change");
  const summary =
    changes.length === 0
      ? `Every line reproduces its published figure: ${totalLabel}, ${columnLabelOf(result, column)}, ` +
        `is ${amountInWords(steps[0]!.value, units)} in both.`
      : `${totalLabel}, ${columnLabelOf(result, column)}: published ${amountInWords(steps[0]!.value, units)}; ` +
        changes.map((s) => `${s.label} ${changeInWords(s.value, units)}`).join("; ") +
        `; computed ${amountInWords(steps[steps.length - 1]!.value, units)}.`;
  return (
    <ChartFigure
      testid="chart-published-waterfall"
      caption={`From the published figures to “${result.scenarioName}”: ${totalLabel}, ${unitWords(units)}`}
      summary={summary}
      controls={
        <label className="small chart-control">
          Column{" "}
          <select data-testid="published-waterfall-column" value={column} onChange={(e) => setChosen(e.target.value)}>
            {columns.map((c) => (
              <option key={c} value={c}>
                {columnLabelOf(result, c)}
              </option>
            ))}
          </select>
        </label>
      }
      table={{
        head: ["Step", `${columnLabelOf(result, column)}, ${unitWords(units)}`],
        rows: steps.map((s) => [s.label, s.kind === "total" ? cellText(s.value, units) : changeText(s.value, units)]),
      }}
    >
      <Waterfall
        testId="published-waterfall"
        caption=""
        units={units}
        described
        steps={steps.map((s) => ({
          label: s.label,
          value: s.value.times(factor),
          kind: s.kind,
          text: s.kind === "total" ? cellText(s.value, units) : changeText(s.value, units),
        }))}
      />
    </ChartFigure>
  );
}

function AgainstBaseline({ result, baseline, baselineName }: { result: TableResult; baseline: TableResult; baselineName: string }) {
  const units = unitsOfResult(result);
  const years = yearColumns(result);
  const label = (c: string) => columnLabelOf(result, c);
  const lines = chartLines(result);
  const baseLines = chartLines(baseline);
  const baseKey = `${baselineName} (baseline)`;
  const totalOf = (r: TableResult, l: ReturnType<typeof chartLines>, y: string) => (r.columns.includes(y) ? barTotal(r, l, y) : undefined);
  const data = years.map((y) => ({
    year: label(y),
    [baseKey]: num(totalOf(baseline, baseLines, y)),
    [result.scenarioName]: num(totalOf(result, lines, y)),
  }));
  const name = lines.total?.label ?? "Total";
  const summary =
    years
      .map((y) => {
        const a = totalOf(baseline, baseLines, y);
        const b = totalOf(result, lines, y);
        return a && b ? `${label(y)}: ${amountInWords(b, units)}, ${changeInWords(b.minus(a), units)} on the baseline` : "";
      })
      .filter(Boolean)
      .join("; ") + ".";
  const totalText = (v: unknown) => (typeof v === "number" ? cellText(String(v), units) : "");
  return (
    <ChartFigure
      testid="chart-against-baseline"
      caption={`${name} by year: “${result.scenarioName}” against its baseline “${baselineName}”, ${unitWords(units)}`}
      summary={summary}
      table={{
        head: ["Year", baseKey, result.scenarioName],
        rows: years.map((y) => [
          label(y),
          cellText(totalOf(baseline, baseLines, y) ?? "0", units),
          cellText(totalOf(result, lines, y) ?? "0", units),
        ]),
      }}
    >
      <div className="chart-with-legend">
        <div className="chart-plot">
          <ResponsiveContainer width="100%" height={320}>
            <ComposedChart accessibilityLayer={false} data={data} margin={{ top: 24, right: 20, left: 20, bottom: 5 }}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="year" />
              <YAxis
                tickFormatter={(v: number) => money(String(v), { dollarSign: false })}
                label={{ value: unitWords(units), angle: -90, position: "insideLeft", offset: -10 }}
              />
              <Tooltip formatter={(v: unknown) => (typeof v === "number" ? amountInWords(String(v), units) : String(v))} />
              <Bar dataKey={baseKey} fill={BASELINE_COLOR} isAnimationActive={false}>
                <LabelList dataKey={baseKey} position="top" formatter={totalText} fontSize={12} fill="#1b2430" />
              </Bar>
              <Bar dataKey={result.scenarioName} fill={SERIES_COLORS[0]} isAnimationActive={false}>
                <LabelList dataKey={result.scenarioName} position="top" formatter={totalText} fontSize={12} fill="#1b2430" />
              </Bar>
            </ComposedChart>
          </ResponsiveContainer>
        </div>
        <ChartLegend
          entries={[
            { label: baseKey, color: BASELINE_COLOR, kind: "bar" },
            { label: result.scenarioName, color: SERIES_COLORS[0]!, kind: "bar" },
          ]}
          note="Left bar the baseline, right bar the scenario, in each year."
        />
      </div>
    </ChartFigure>
  );
}
