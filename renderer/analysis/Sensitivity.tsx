/**
 * Sensitivity: the tornado (each input moved down and up by its step; bars sorted by the swing of
 * the all-years TOTAL COST) and the two-way table of two years' raises.
 */
import { Bar, BarChart, CartesianGrid, Legend, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import { Decimal } from "../../model/engine/decimal";
import { formatDisplayed, toDisplay } from "../../model/engine/table/display";
import type { Display } from "../../model/engine/table/schema";
import type { Unit } from "../../model/engine/scenario/types";
import { inputText, thousandsText } from "../format/money";
import type { TornadoData, TwoWayData } from "./jobs";

const SHOWN = 12;

/** Dollars -> $K as a plain number for the chart's geometry only (labels use the exact text). */
const chartK = (dollars: Decimal): number => Number(dollars.div(1000).toFixed(1));

/** "±0.01" on a rate reads as "±1 point"; "±10%" stays. */
const stepText = (move: string, unit: string) => (move === "±0.01" ? (unit === "share" ? "±1 point of share" : "±1 point") : move);

export function Tornado({ data, display }: { data: TornadoData; display: Display }) {
  const base = new Decimal(data.baseTotalCost);
  const moving = data.bars.filter((b) => !new Decimal(b.swing).isZero());
  const shown = moving.slice(0, SHOWN);
  const rows = shown.map((b) => ({
    name: `${b.label} (${stepText(b.move, b.unit)})`,
    low: chartK(new Decimal(b.totalLow).minus(base)),
    high: chartK(new Decimal(b.totalHigh).minus(base)),
  }));
  const k = (dollars: string) => thousandsText(toDisplay(new Decimal(dollars), display), display.decimals);
  return (
    <div className="tornado" data-testid="tornado">
      <figure>
        <figcaption>
          Change in the all-years TOTAL COST ($ thousands) when one input moves down (left colour) or up;{" "}
          {`base ${k(data.baseTotalCost)}K. Top ${shown.length} of ${moving.length} inputs that move it.`}
        </figcaption>
        <BarChart
          width={820}
          height={40 + rows.length * 30}
          data={rows}
          layout="vertical"
          stackOffset="sign"
          margin={{ top: 5, right: 30, left: 10, bottom: 5 }}
        >
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" tickFormatter={(v: number) => v.toLocaleString("en-US")} />
          <YAxis type="category" dataKey="name" width={330} interval={0} tick={{ fontSize: 12 }} />
          <Tooltip formatter={(v) => (typeof v === "number" ? `${v >= 0 ? "+" : ""}$${v.toLocaleString("en-US")}K` : String(v))} />
          <Legend />
          <ReferenceLine x={0} stroke="#1b2430" />
          <Bar dataKey="low" name="input moved down" stackId="swing" fill="#4aa3b5" isAnimationActive={false} />
          <Bar dataKey="high" name="input moved up" stackId="swing" fill="#e08a1e" isAnimationActive={false} />
        </BarChart>
      </figure>
      <table className="analysis-table small" data-testid="tornado-table">
        <thead>
          <tr>
            <th>Input</th>
            <th>Step</th>
            <th>Value: down / as is / up</th>
            <th>Total down</th>
            <th>Total up</th>
            <th>Swing</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((b) => (
            <tr key={b.path} data-testid="tornado-row" data-path={b.path} data-swing={b.swing}>
              <td>
                {b.label} <span className="muted">({b.owner})</span>
              </td>
              <td>{stepText(b.move, b.unit)}</td>
              <td className="num">
                {inputText(b.low, b.unit as Unit)} / {inputText(b.value, b.unit as Unit)} / {inputText(b.high, b.unit as Unit)}
              </td>
              <td className="num">{k(b.totalLow)}</td>
              <td className="num">{k(b.totalHigh)}</td>
              <td className="num">{k(b.swing)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const pct = (rate: string) => `${new Decimal(rate).times(100).toString()}%`;

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
  return (
    <div className="twoway-wrap">
      <table className="twoway" data-testid="twoway">
        <caption>
          All-years TOTAL COST, $ thousands: FY{data.rowYear} raise (rows) x FY{data.columnYear} raise (columns), other inputs as they are.
          {refValue
            ? ` Outlined: the scenario as it is (${thousandsText(toDisplay(refValue, display), display.decimals)}K); ` +
              "red is above it, green below."
            : ""}
        </caption>
        <thead>
          <tr>
            <th className="corner">
              FY{data.rowYear} ↓
              <br />
              FY{data.columnYear} →
            </th>
            {data.columnRates.map((c, j) => (
              <th key={c} className={j === refCol ? "ref-axis" : ""}>
                {pct(c)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {data.rowRates.map((r, i) => (
            <tr key={r}>
              <th className={i === refRow ? "ref-axis" : ""}>{pct(r)}</th>
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
                    {formatDisplayed(toDisplay(v, display), display.decimals, false)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
