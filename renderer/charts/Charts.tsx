/** Charts: cost by line by year (stacked bars) and the active scenario's total against its baseline. */
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { TableResult } from "../../model/engine/compute";
import { amountInWords, cellText, changeInWords, columnLabelOf, money, unitWords, unitsOfResult } from "../format/number";
import { BASELINE_COLOR, ChartFigure, SERIES_COLORS, legendText } from "./chart-parts";

/** Display values as plain numbers for the chart's geometry only (already rounded by the model's rule). */
const k = (r: TableResult, line: string, column: string): number =>
  Number(r.lines.find((l) => l.id === line)?.cells[column]?.display.toString() ?? "0");
const display = (r: TableResult, line: string, column: string) => r.lines.find((l) => l.id === line)?.cells[column]?.display;

export function Charts({ result, baseline, baselineName }: { result: TableResult; baseline: TableResult; baselineName: string }) {
  const units = unitsOfResult(result);
  const years = result.columns.filter((c) => c !== "Total");
  const label = (c: string) => columnLabelOf(result, c);
  const costLines = result.lines.filter((l) => l.kind === "cost");
  const totalLine = result.lines.find((l) => l.style === "total");
  const totalId = totalLine?.id ?? "totalCost";
  const stacked = years.map((y) => Object.fromEntries([["year", label(y)], ...costLines.map((l) => [l.label, k(result, l.id, y)])]));
  const baseKey = `${baselineName} (baseline)`;
  const totals = years.map((y) => ({ year: label(y), [result.scenarioName]: k(result, totalId, y), [baseKey]: k(baseline, totalId, y) }));
  const same = result.scenarioName === baselineName;
  const axisTick = (v: number) => money(String(v), { dollarSign: false });
  const tip = (v: unknown) => (typeof v === "number" ? amountInWords(String(v), units) : String(v));

  const largest = [...costLines].sort((a, b) => b.cells.Total!.display.comparedTo(a.cells.Total!.display))[0];
  const first = years[0];
  const last = years[years.length - 1];
  const stackedSummary =
    totalLine && first && last
      ? `${totalLine.label} goes from ${amountInWords(totalLine.cells[first]!.display, units)} in ${label(first)} ` +
        `to ${amountInWords(totalLine.cells[last]!.display, units)} in ${label(last)}` +
        (largest
          ? `; the largest line is ${largest.label}, ${amountInWords(largest.cells.Total!.display, units)} over the ${label("Total")}.`
          : ".")
      : "";
  const totalSummary = same
    ? `A built-in is its own baseline: the two bars are equal in every year.`
    : years
        .map((y) => {
          const a = display(baseline, totalId, y);
          const b = display(result, totalId, y);
          return a && b ? `${label(y)}: ${amountInWords(b, units)}, ${changeInWords(b.minus(a), units)} on the baseline` : "";
        })
        .filter(Boolean)
        .join("; ") + ".";

  return (
    <section className="charts" data-testid="charts">
      <ChartFigure
        caption={`Cost by line by year, ${unitWords(units)} (${result.scenarioName})`}
        summary={stackedSummary}
        table={{
          head: ["Line", ...years.map(label)],
          rows: costLines.map((l) => [l.label, ...years.map((y) => cellText(l.cells[y]!.display, units))]),
        }}
      >
        <ResponsiveContainer width="100%" height={340}>
          <BarChart accessibilityLayer={false} data={stacked} margin={{ top: 10, right: 20, left: 20, bottom: 5 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="year" />
            <YAxis tickFormatter={axisTick} label={{ value: unitWords(units), angle: -90, position: "insideLeft", offset: -10 }} />
            <Tooltip formatter={tip} />
            <Legend formatter={legendText} />
            {costLines.map((l, i) => (
              <Bar
                key={l.id}
                dataKey={l.label}
                stackId="cost"
                fill={SERIES_COLORS[i % SERIES_COLORS.length]}
                stroke="#fff"
                strokeWidth={1}
                isAnimationActive={false}
              />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </ChartFigure>
      <ChartFigure
        caption={`${totalLine?.label ?? "Total"} by year: scenario vs baseline, ${unitWords(units)}${same ? " (its own baseline)" : ""}`}
        summary={totalSummary}
        table={{
          head: ["Year", baseKey, result.scenarioName],
          rows: years.map((y) => [
            label(y),
            cellText(display(baseline, totalId, y) ?? "0", units),
            cellText(display(result, totalId, y) ?? "0", units),
          ]),
        }}
      >
        <ResponsiveContainer width="100%" height={340}>
          <BarChart accessibilityLayer={false} data={totals} margin={{ top: 10, right: 20, left: 20, bottom: 5 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="year" />
            <YAxis tickFormatter={axisTick} label={{ value: unitWords(units), angle: -90, position: "insideLeft", offset: -10 }} />
            <Tooltip formatter={tip} />
            <Legend formatter={legendText} />
            <Bar dataKey={baseKey} fill={BASELINE_COLOR} isAnimationActive={false} />
            <Bar dataKey={result.scenarioName} fill={SERIES_COLORS[0]} isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </ChartFigure>
    </section>
  );
}
