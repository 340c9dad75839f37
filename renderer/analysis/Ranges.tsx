/**
 * The Ranges card: what the cost could be when uncertain inputs vary (Monte Carlo in its own
 * worker, with progress and Cancel). For every line of the table: P5 / P50 / P95 and the mean in
 * the table's display unit; a histogram of the total; the inputs that drive it (rank correlation);
 * and the probability that a chosen cell exceeds a limit. Ranges are assumptions, not published
 * figures, and the card says so; a scenario without any is offered the suggested (ASSUMED) ranges
 * of the schedule method's unpublished assumptions.
 */
import { useMemo, useState } from "react";
import { Bar, BarChart, CartesianGrid, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { totalLineId, TOTAL_COLUMN } from "../../model/engine/compute";
import { Decimal } from "../../model/engine/decimal";
import { DEFAULT_DRAWS, DEFAULT_SEED } from "../../model/engine/risk/distributions";
import { uncertainInputs } from "../../model/engine/risk/monte-carlo";
import type { Census } from "../../model/engine/schedule/types";
import type { Scenario } from "../../model/engine/scenario/types";
import { printedLines } from "../../model/engine/table/printed";
import { ChartFigure, INK, SERIES_COLORS } from "../charts/chart-parts";
import { amountInWords, cellText, columnLabelOf, countText, money, tickText, unitWords, type DisplayUnits } from "../format/number";
import { announce } from "../panels/LiveRegions";
import { ScrollRegion } from "../panels/ScrollRegion";
import { tableFor } from "../state/compute-cache";
import { useApp } from "../state/context";
import { rangeTextOf } from "./distribution-form";
import { JobProgress } from "./JobProgress";
import { RangeDialogHost, openRangeDialog } from "./RangeDialog";
import { cancelRanges, startRanges, useRangesRun, type RangesParams } from "./ranges-run";
import type { MonteCarloData } from "./jobs";
import { withSuggestedRanges } from "./suggested-ranges";

const DIVISOR = { dollars: 1, thousands: 1000, millions: 1_000_000 } as const;

/** Float dollars of a draw summary -> the display unit, exact from the double's 15 digits on. */
const inUnit = (dollars: number, units: DisplayUnits) => new Decimal(dollars.toPrecision(15)).div(DIVISOR[units.scale]);

/**
 * A percentile as the engine words it ("$12,161", "($21,437)": the drawn scenario's displayed cell)
 * back to its number, so it is shown in the one number format like every other amount.
 */
function displayedNumber(text: string): string {
  const negative = /^\(.*\)$/.test(text);
  const digits = text.replace(/[()$,\s]/g, "");
  return negative ? `-${digits}` : digits;
}

/** Percent with one decimal for a probability: "43.2%", "<0.1%", "0%". */
function probabilityText(p: number): string {
  if (p === 0) return "0%";
  if (p === 1) return "100%";
  const pct = p * 100;
  if (pct < 0.1) return "<0.1%";
  if (pct > 99.9) return ">99.9%";
  return `${pct.toFixed(1)}%`;
}

const assumedOf = (kind: string | undefined) => kind === undefined || kind === "assumed" || kind === "calibrated";

function Suggest({ scenario }: { scenario: Scenario }) {
  const { dispatch } = useApp();
  const suggested = useMemo(() => withSuggestedRanges(scenario), [scenario]);
  return (
    <div data-testid="ranges-suggest">
      <p>
        Every input of this scenario has one value, so the cost has no range. A published fiscal note gives one number too, yet some of its
        inputs are unpublished assumptions.
      </p>
      {suggested.ok ? (
        <>
          <p>Start from suggested ranges (each one an assumption):</p>
          <ul className="small">
            {suggested.value.changes.map((c) => (
              <li key={c}>{c}</li>
            ))}
          </ul>
          <button
            type="button"
            data-testid="ranges-suggest-apply"
            onClick={() => {
              dispatch({
                type: "replaceScenario",
                scenario: suggested.value.scenario,
                what: "Added suggested ranges (ASSUMED, not published figures).",
              });
              announce("Added suggested ranges. They are assumptions, not published figures.");
            }}
          >
            Start from suggested ranges (ASSUMED)
          </button>
        </>
      ) : (
        <p className="muted small">{suggested.errors.join(" ")}</p>
      )}
      <p className="muted small">Or give any input a range in the Range column of the Inputs tab.</p>
    </div>
  );
}

export function Ranges({ scenario, census }: { scenario: Scenario; census: Census | null }) {
  const uncertain = useMemo(() => uncertainInputs(scenario), [scenario]);
  const varied = uncertain.filter((e) => e.distribution.distribution !== "fixed");
  const base = tableFor(scenario, census);
  const display = scenario.table.display;
  const units: DisplayUnits = { scale: display.unit, decimals: display.decimals };
  const totalId = totalLineId(base) ?? printedLines(base)[printedLines(base).length - 1]!.id;
  const lastColumn = base.columns.includes(TOTAL_COLUMN) ? TOTAL_COLUMN : base.columns[0]!;
  const run = useRangesRun(scenario);
  const [draws, setDraws] = useState(String(scenario.uncertainty?.draws ?? DEFAULT_DRAWS));
  const [seed, setSeed] = useState(String(scenario.uncertainty?.seed ?? DEFAULT_SEED));
  const [exLine, setExLine] = useState(totalId);
  const [exColumn, setExColumn] = useState(lastColumn);
  const baseCell = (line: string, column: string) => base.lines.find((l) => l.id === line)?.cells[column]?.display;
  // The limit follows the chosen cell's value in the table until the user types one.
  const [typedLimit, setLimit] = useState<string | null>(null);
  const limit = typedLimit ?? money(baseCell(exLine, exColumn) ?? "0", { dollarSign: false, decimals: units.decimals });
  const [shownColumn, setShownColumn] = useState(lastColumn);
  const [formError, setFormError] = useState("");

  const start = () => {
    const n = Number(draws.replace(/,/g, ""));
    const s = Number(seed.replace(/,/g, ""));
    if (!Number.isInteger(n) || n < 1 || n > 1_000_000) return setFormError("Draws: a whole number from 1 to 1,000,000.");
    if (!Number.isInteger(s) || s < 0 || s > 4_294_967_295) return setFormError("Seed: a whole number from 0 to 4,294,967,295.");
    let dollars: string | null = null;
    const typed = limit.replace(/[$,\s]/g, "");
    if (typed !== "") {
      try {
        dollars = new Decimal(typed).times(DIVISOR[units.scale]).toFixed();
      } catch {
        return setFormError(`Limit: "${limit}" is not an amount in ${unitWords(units)}.`);
      }
    }
    setFormError("");
    const params: RangesParams = { draws: n, seed: s, exceed: dollars ? { lineId: exLine, column: exColumn, dollars } : null };
    startRanges(scenario, census, params);
  };

  const running = run?.status === "running";
  return (
    <section className="card ranges" data-testid="ranges" aria-labelledby="ranges-title">
      <RangeDialogHost />
      <h3 id="ranges-title">Ranges under uncertainty (Monte Carlo)</h3>
      {varied.length === 0 ? (
        <Suggest scenario={scenario} />
      ) : (
        <>
          <div className="assumed-banner" role="note" data-testid="ranges-banner">
            <strong>ASSUMED RANGES.</strong> These ranges are assumptions, not published figures. The table shows one number per cell; the
            percentiles below show what each could be if the inputs vary as assumed.
          </div>
          <table className="analysis-table small" data-testid="ranges-inputs">
            <caption className="sr-only">Uncertain inputs and their ranges</caption>
            <thead>
              <tr>
                <th scope="col">Uncertain input</th>
                <th scope="col">Range</th>
                <th scope="col">Source</th>
                <th scope="col">
                  <span className="sr-only">Edit</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {varied.map((e) => (
                <tr key={e.path}>
                  <th scope="row">{e.param.label}</th>
                  <td>{rangeTextOf(e, e.distribution)}</td>
                  <td>
                    {assumedOf(e.distribution.source?.kind) && <span className="assumed-tag">ASSUMED</span>}{" "}
                    <span className="muted">{(e.distribution.note ?? e.distribution.source?.ref ?? "").replace(/^ASSUMED:\s*/, "")}</span>
                  </td>
                  <td>
                    <button
                      type="button"
                      className="small"
                      onClick={() => openRangeDialog(e.path)}
                      aria-label={`Edit the range of ${e.param.label}`}
                    >
                      Edit
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <form
            className="form-row ranges-form"
            onSubmit={(ev) => {
              ev.preventDefault();
              start();
            }}
          >
            <label>
              Draws{" "}
              <input
                className="narrow"
                value={draws}
                onChange={(e) => setDraws(e.target.value)}
                inputMode="numeric"
                data-testid="ranges-draws"
              />
            </label>
            <label>
              Seed{" "}
              <input
                className="narrow"
                value={seed}
                onChange={(e) => setSeed(e.target.value)}
                inputMode="numeric"
                data-testid="ranges-seed"
              />
            </label>
            <span>Probability that</span>
            <select aria-label="Line" value={exLine} onChange={(e) => setExLine(e.target.value)} data-testid="ranges-ex-line">
              {printedLines(base).map((l) => (
                <option key={l.id} value={l.id}>
                  {l.label}
                </option>
              ))}
            </select>
            <span>in</span>
            <select aria-label="Column" value={exColumn} onChange={(e) => setExColumn(e.target.value)} data-testid="ranges-ex-column">
              {base.columns.map((c) => (
                <option key={c} value={c}>
                  {columnLabelOf(base, c)}
                </option>
              ))}
            </select>
            <label>
              exceeds{" "}
              <input
                className="narrow"
                value={limit}
                onChange={(e) => setLimit(e.target.value)}
                aria-label={`Limit in ${unitWords(units)}`}
                data-testid="ranges-limit"
              />{" "}
              {unitWords(units)}
            </label>
            <button type="submit" className="primary" disabled={running} data-testid="ranges-run">
              Run
            </button>
          </form>
          <div role="alert" className="error-text small">
            {formError}
          </div>
          {running && (
            <JobProgress
              key={`${run.params.draws}-${run.params.seed}`}
              what={`ranges (${countText(run.params.draws)} draws)`}
              progress={run.progress}
              steps="draws"
              cancellable={run.cancellable}
              onCancel={() => cancelRanges() && announce("Cancelled the Monte Carlo run.")}
              testid="ranges-progress"
            />
          )}
          {run?.status === "cancelled" && (
            <p className="muted small" data-testid="ranges-cancelled">
              Cancelled the run of {countText(run.params.draws)} draws. Run again when ready.
            </p>
          )}
          <div role="alert">{run?.status === "error" && <p className="error-text">Could not compute ranges: {run.message}</p>}</div>
          {run?.status === "done" && (
            <Results
              data={run.data}
              where={run.where}
              units={units}
              column={shownColumn}
              onColumn={setShownColumn}
              estimate={(line, column) => baseCell(line, column)?.toString()}
            />
          )}
        </>
      )}
    </section>
  );
}

function Results({
  data,
  where,
  units,
  column,
  onColumn,
  estimate,
}: {
  data: MonteCarloData;
  where: "worker" | "main thread";
  units: DisplayUnits;
  column: string;
  onColumn: (c: string) => void;
  estimate: (line: string, column: string) => string | undefined;
}) {
  const r = data.result;
  const col = r.columns.includes(column) ? column : r.columns[r.columns.length - 1]!;
  const label = (c: string) => r.columnLabels[c] ?? columnLabelOf(r, c);
  const focusLine = r.lines.find((l) => l.id === r.focus.lineId)!;
  const focus = focusLine.cells[r.focus.column]!;
  const words = (dollars: number) => amountInWords(inUnit(dollars, units), units);
  const shown = (displayed: string) => amountInWords(displayedNumber(displayed), units);
  const bins = r.focus.histogram.map((b) => ({
    // The bin's middle as the axis shows it ("$238,980K") and as the tooltip says it ("$238,980 thousand").
    name: tickText(inUnit((b.from + b.to) / 2, units).toDecimalPlaces(units.decimals), units),
    about: words((b.from + b.to) / 2),
    from: b.from,
    to: b.to,
    count: b.count,
  }));
  const focusEstimate = estimate(r.focus.lineId, r.focus.column);
  const drivers = r.focus.drivers;
  const ex = r.exceed[0];
  return (
    <div className="ranges-results" data-testid="ranges-results">
      <p className="muted small" data-testid="ranges-timing" data-draws={r.draws} data-where={where}>
        {countText(r.draws)} draws, seed {r.seed}, on the{" "}
        {r.path === "fast" ? "fast path (proven equal to the exact engine)" : "exact engine"} in {countText(Math.round(data.ms))} ms (
        {where === "worker" ? "background worker" : "main thread"}). Percentiles are draws as the table would show them, in{" "}
        {unitWords(units)}.
      </p>
      {ex && (
        <p className="ranges-exceed" data-testid="ranges-exceed">
          Probability that {ex.lineLabel}, {ex.columnLabel}, exceeds {amountInWords(new Decimal(ex.limit).div(DIVISOR[units.scale]), units)}
          : <strong>{probabilityText(ex.probability)}</strong> ({countText(ex.count)} of {countText(r.draws)} draws; standard error{" "}
          {probabilityText(ex.standardError)}).
        </p>
      )}
      <div className="form-row">
        <label>
          Column{" "}
          <select value={col} onChange={(e) => onColumn(e.target.value)} data-testid="ranges-column">
            {r.columns.map((c) => (
              <option key={c} value={c}>
                {label(c)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <ScrollRegion label="Ranges by line">
        <table className="analysis-table small" data-testid="ranges-table">
          <caption className="sr-only">
            Ranges of every line, {label(col)}, {unitWords(units)}
          </caption>
          <thead>
            <tr>
              <th scope="col">Line ({unitWords(units)})</th>
              <th scope="col">Table</th>
              <th scope="col">P5</th>
              <th scope="col">P50</th>
              <th scope="col">P95</th>
              <th scope="col">Mean</th>
            </tr>
          </thead>
          <tbody>
            {printedLines(r).map((l) => {
              const c = l.cells[col]!;
              const est = estimate(l.id, col);
              return (
                <tr key={l.id} data-testid="ranges-row" data-line={l.id} className={l.style === "total" ? "row-total" : undefined}>
                  <th scope="row">{l.label}</th>
                  <td className="num">{est !== undefined ? cellText(est, units) : ""}</td>
                  <td className="num">{cellText(displayedNumber(c.display.p5), units)}</td>
                  <td className="num">{cellText(displayedNumber(c.display.p50), units)}</td>
                  <td className="num">{cellText(displayedNumber(c.display.p95), units)}</td>
                  <td className="num">{cellText(displayedNumber(c.display.mean), units)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </ScrollRegion>
      <div className="ranges-charts">
        <ChartFigure
          testid="ranges-histogram"
          caption={`Histogram of ${r.focus.label} over ${countText(r.draws)} draws (${unitWords(units)})`}
          summary={
            `90% of draws lie from ${shown(focus.display.p5)} (P5) to ${shown(focus.display.p95)} (P95); ` +
            `the median is ${shown(focus.display.p50)} and the mean ${shown(focus.display.mean)}` +
            (focusEstimate !== undefined ? `; the table shows ${amountInWords(focusEstimate, units)}.` : ".") +
            ` Lowest draw ${words(focus.min)}, highest ${words(focus.max)}.`
          }
          table={{
            head: [`From (${unitWords(units)})`, "To", "Draws"],
            rows: r.focus.histogram.map((b) => [
              cellText(inUnit(b.from, units), { ...units, decimals: units.decimals + 1 }),
              cellText(inUnit(b.to, units), { ...units, decimals: units.decimals + 1 }),
              countText(b.count),
            ]),
          }}
        >
          <ResponsiveContainer width="100%" height={220}>
            <BarChart accessibilityLayer={false} data={bins} margin={{ top: 5, right: 20, left: 10, bottom: 5 }} barCategoryGap={1}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="name" interval="preserveStartEnd" minTickGap={30} tick={{ fontSize: 11, fill: INK }} />
              <YAxis allowDecimals={false} tick={{ fontSize: 11, fill: INK }} width={50} />
              <Tooltip
                formatter={(v) => [`${String(v)} draws`, "Draws"]}
                labelFormatter={(l, payload) => `About ${(payload?.[0]?.payload as { about?: string } | undefined)?.about ?? String(l)}`}
              />
              <Bar dataKey="count" name="draws" fill={SERIES_COLORS[0]} isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        </ChartFigure>
        <ChartFigure
          testid="ranges-drivers"
          caption={`What drives ${r.focus.label}: rank correlation of each uncertain input with it`}
          summary={
            drivers.length
              ? `${drivers[0]!.label} drives it most (rank correlation ${drivers[0]!.rankCorrelation.toFixed(2)}, about ` +
                `${Math.round(drivers[0]!.share * 100)}% of the explained variance). The list below has all ${drivers.length}.`
              : "No input varies."
          }
        >
          <ResponsiveContainer width="100%" height={40 + drivers.length * 30}>
            <BarChart
              accessibilityLayer={false}
              data={drivers.map((d) => ({ name: d.label, rho: Number(d.rankCorrelation.toFixed(3)) }))}
              layout="vertical"
              margin={{ top: 5, right: 30, left: 10, bottom: 5 }}
            >
              <CartesianGrid strokeDasharray="3 3" horizontal={false} />
              <XAxis type="number" domain={[-1, 1]} ticks={[-1, -0.5, 0, 0.5, 1]} tick={{ fontSize: 11, fill: INK }} />
              <YAxis type="category" dataKey="name" width={240} interval={0} tick={{ fontSize: 12, fill: INK }} />
              <ReferenceLine x={0} stroke={INK} />
              <Bar dataKey="rho" name="rank correlation" fill={SERIES_COLORS[1]} isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        </ChartFigure>
      </div>
      <ol className="ranges-drivers small" data-testid="ranges-drivers-list" aria-label="Drivers, strongest first">
        {drivers.map((d) => (
          <li key={d.path}>
            {d.label}: rank correlation {d.rankCorrelation.toFixed(2)}, about {Math.round(d.share * 100)}% of the explained variance
          </li>
        ))}
      </ol>
    </div>
  );
}
