/**
 * Sensitivity: the tornado (each input moved down and up by its step; bars sorted by the swing of
 * the all-years TOTAL COST) and the two-way table of two years' raises.
 */
import { useId } from "react";
import { ScrollRegion } from "../panels/ScrollRegion";
import { Bar, BarChart, CartesianGrid, Legend, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { Decimal } from "../../model/engine/decimal";
import { toDisplay } from "../../model/engine/table/display";
import type { Display } from "../../model/engine/table/schema";
import type { Unit } from "../../model/engine/scenario/types";
import { inputText, thousandsText, unitNounOf } from "../format/money";
import { amountInWords, cellText, rateText, signedAmountInWords, tickText, unitDivisor, unitWords } from "../format/number";
import { ChartFigure, INK, SERIES_COLORS, legendText } from "../charts/chart-parts";
import type { TornadoData, TwoWayData } from "./jobs";
import { stepText } from "./tornado-words";

const SHOWN = 12;

export function Tornado({ data, display }: { data: TornadoData; display: Display }) {
  const base = new Decimal(data.baseTotalCost);
  const moving = data.bars.filter((b) => !new Decimal(b.swing).isZero());
  const shown = moving.slice(0, SHOWN);
  const units = { scale: display.unit, decimals: display.decimals };
  // A change is shown in the table's unit with one more decimal than its cells: "($25,872.8 thousand)".
  const fine = { ...units, decimals: units.decimals + 1 };
  const inUnit = (dollars: string) =>
    new Decimal(dollars).minus(base).div(unitDivisor(units.scale)).toDecimalPlaces(fine.decimals, Decimal.ROUND_HALF_UP);
  // The bars' geometry is a plain number in that unit; every label is the exact text.
  const rows = shown.map((b) => ({
    name: `${b.label} (${stepText(b, "short")})`,
    low: inUnit(b.totalLow).toNumber(),
    high: inUnit(b.totalHigh).toNumber(),
  }));
  const k = (dollars: string) => thousandsText(toDisplay(new Decimal(dollars), display), units);
  const kWords = (dollars: string) => amountInWords(toDisplay(new Decimal(dollars), display), units);
  const top = shown[0];
  const summary = top
    ? `Base ${kWords(data.baseTotalCost)}. The input that moves it most is ${top.label} (${stepText(top)}): ` +
      `${signedAmountInWords(inUnit(top.totalLow), fine)} down, ` +
      `${signedAmountInWords(inUnit(top.totalHigh), fine)} up. The table below lists all ${shown.length}.`
    : "No input moves the total.";
  const valueText = (v: string, unit: string) => {
    const noun = unitNounOf(unit);
    return `${inputText(v, unit as Unit)}${noun ? ` ${noun}` : ""}`;
  };
  return (
    <div className="tornado" data-testid="tornado">
      <ChartFigure
        caption={
          `Change in the all-years TOTAL COST (${unitWords(units)}) when one input moves down or up; base ${kWords(data.baseTotalCost)}. ` +
          `Top ${shown.length} of ${moving.length} inputs that move it.`
        }
        summary={summary}
      >
        <ResponsiveContainer width="100%" height={40 + rows.length * 30}>
          <BarChart
            accessibilityLayer={false}
            data={rows}
            layout="vertical"
            stackOffset="sign"
            margin={{ top: 5, right: 30, left: 10, bottom: 5 }}
          >
            <CartesianGrid strokeDasharray="3 3" horizontal={false} />
            <XAxis type="number" tickFormatter={(v: number) => tickText(v, units)} tick={{ fontSize: 12, fill: INK }} />
            <YAxis type="category" dataKey="name" width={300} interval={0} tick={{ fontSize: 12, fill: INK }} />
            <Tooltip formatter={(v) => (typeof v === "number" ? signedAmountInWords(v, fine) : String(v))} />
            <Legend formatter={legendText} />
            <ReferenceLine x={0} stroke={INK} />
            <Bar dataKey="low" name="input moved down" stackId="swing" fill={SERIES_COLORS[5]} isAnimationActive={false} />
            <Bar dataKey="high" name="input moved up" stackId="swing" fill={SERIES_COLORS[1]} isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </ChartFigure>
      <ScrollRegion label="Tornado table">
        <table className="analysis-table small" data-testid="tornado-table">
          <thead>
            <tr>
              <th scope="col">Input</th>
              <th scope="col">Step</th>
              <th scope="col">Value: down / as is / up</th>
              <th scope="col">Total down ({unitWords(units)})</th>
              <th scope="col">Total up ({unitWords(units)})</th>
              <th scope="col">Swing ({unitWords(units)})</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((b) => (
              <tr key={b.path} data-testid="tornado-row" data-path={b.path} data-swing={b.swing}>
                <th scope="row">
                  {b.label} <span className="muted">({b.owner})</span>
                </th>
                <td>{stepText(b)}</td>
                <td className="num">
                  {valueText(b.low, b.unit)} / {valueText(b.value, b.unit)} / {valueText(b.high, b.unit)}
                </td>
                <td className="num">{k(b.totalLow)}</td>
                <td className="num">{k(b.totalHigh)}</td>
                <td className="num">{k(b.swing)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </div>
  );
}

const pct = (rate: string) => rateText(rate);

export function TwoWay({
  data,
  display,
  reference,
}: {
  data: TwoWayData;
  display: Display;
  reference: { row: Decimal | undefined; column: Decimal | undefined };
}) {
  const refRow = data.rowRates.findIndex((r) => reference.row?.equals(r));
  const refCol = data.columnRates.findIndex((c) => reference.column?.equals(c));
  const refValue = refRow >= 0 && refCol >= 0 ? new Decimal(data.values[refRow]![refCol]!) : null;
  const displayUnits = { scale: display.unit, decimals: display.decimals };
  const noteId = useId();
  return (
    <>
      {/* Above the table, not in its caption: a caption is as wide as the table, which scrolls sideways. */}
      <p className="muted small twoway-note" id={noteId}>
        Other inputs as they are.
        {refValue
          ? ` Outlined: the scenario as it is (${amountInWords(toDisplay(refValue, display), displayUnits)}); ` +
            "▲ (red) costs more than it, ▼ (green) less."
          : ""}
      </p>
      {/* Focusable so keyboard users can scroll it (it is wider than a narrow screen). */}
      <div className="twoway-wrap" tabIndex={0} role="region" aria-label="Two-way table (scrolls sideways)">
        <table className="twoway" data-testid="twoway" aria-describedby={noteId}>
          <caption>
            All-years TOTAL COST, {unitWords(displayUnits)}: FY{data.rowYear} raise (rows) x FY{data.columnYear} raise (columns)
          </caption>
          <thead>
            <tr>
              <th className="corner" scope="col">
                FY{data.rowYear} ↓
                <br />
                FY{data.columnYear} →
              </th>
              {data.columnRates.map((c, j) => (
                <th key={c} scope="col" className={j === refCol ? "ref-axis" : ""} aria-label={`FY${data.columnYear} raise ${pct(c)}`}>
                  {pct(c)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {data.rowRates.map((r, i) => (
              <tr key={r}>
                <th scope="row" className={i === refRow ? "ref-axis" : ""} aria-label={`FY${data.rowYear} raise ${pct(r)}`}>
                  {pct(r)}
                </th>
                {data.columnRates.map((c, j) => {
                  const v = new Decimal(data.values[i]![j]!);
                  const cls =
                    i === refRow && j === refCol
                      ? "ref-cell"
                      : refValue
                        ? v.greaterThan(refValue)
                          ? "above"
                          : v.lessThan(refValue)
                            ? "below"
                            : ""
                        : "";
                  return (
                    <td key={c} className={cls} data-testid="twoway-cell" data-row={r} data-col={c} data-exact={data.values[i]![j]}>
                      {cellText(toDisplay(v, display), displayUnits).replace("$", "")}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
