/** Charts: cost by line by year (stacked bars) and the active scenario's total against its baseline. */
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import type { TableResult } from "../../model/engine/compute";

const COLORS = ["#1f5fa8", "#e08a1e", "#3a9a5b", "#b8443a", "#7b5ea7", "#4aa3b5", "#9a7b3a"];

/** $K as plain numbers for the chart only (display values, already rounded by the model's rule). */
const k = (r: TableResult, line: string, column: string): number =>
  Number(r.lines.find((l) => l.id === line)?.cells[column]?.display.toString() ?? "0");

export function Charts({ result, baseline, baselineName }: { result: TableResult; baseline: TableResult; baselineName: string }) {
  const years = result.columns.filter((c) => c !== "Total");
  const costLines = result.lines.filter((l) => l.kind === "cost");
  const stacked = years.map((y) => Object.fromEntries([["year", y], ...costLines.map((l) => [l.label, k(result, l.id, y)])]));
  const totals = years.map((y) => ({
    year: y,
    [result.scenarioName]: k(result, "totalCost", y),
    [`${baselineName} (baseline)`]: k(baseline, "totalCost", y),
  }));
  const same = result.scenarioName === baselineName;
  return (
    <section className="charts" data-testid="charts">
      <figure>
        <figcaption>Cost by line by year, $ thousands ({result.scenarioName})</figcaption>
        <BarChart width={640} height={340} data={stacked} margin={{ top: 10, right: 20, left: 20, bottom: 5 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="year" />
          <YAxis tickFormatter={(v: number) => v.toLocaleString("en-US")} />
          <Tooltip formatter={(v) => (typeof v === "number" ? `$${v.toLocaleString("en-US")}K` : String(v))} />
          <Legend />
          {costLines.map((l, i) => (
            <Bar key={l.id} dataKey={l.label} stackId="cost" fill={COLORS[i % COLORS.length]} isAnimationActive={false} />
          ))}
        </BarChart>
      </figure>
      <figure>
        <figcaption>TOTAL COST by year: scenario vs baseline, $ thousands{same ? " (a built-in is its own baseline)" : ""}</figcaption>
        <BarChart width={640} height={340} data={totals} margin={{ top: 10, right: 20, left: 20, bottom: 5 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="year" />
          <YAxis tickFormatter={(v: number) => v.toLocaleString("en-US")} />
          <Tooltip formatter={(v) => (typeof v === "number" ? `$${v.toLocaleString("en-US")}K` : String(v))} />
          <Legend />
          <Bar dataKey={`${baselineName} (baseline)`} fill="#9aa7b8" isAnimationActive={false} />
          <Bar dataKey={result.scenarioName} fill="#1f5fa8" isAnimationActive={false} />
        </BarChart>
      </figure>
    </section>
  );
}
