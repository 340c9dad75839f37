/**
 * Cost of 1%: per fiscal year, what one more point of raise that year costs in its own year and
 * over the agreement, and the same for $1,000 flat per member. A click shows the explanation.
 */
import { Decimal } from "../../model/engine/decimal";
import type { Explanation } from "../../model/engine/explain";
import { thousandsText } from "../format/money";
import type { CostOfOnePercentData, MarginalRow } from "./jobs";

export interface ExplainTarget {
  title: string;
  exact: Decimal;
  display: Decimal;
  explanation: Explanation;
}

type Part = "own" | "all";

/** The explanation of one cell: the whole for the all-years value, that year's change for the own year. */
function targetFor(row: MarginalRow, part: Part): ExplainTarget {
  const column = part === "all" ? "Total" : `FY${row.fiscalYear}`;
  const node =
    part === "all" ? row.explanation : (row.explanation.children.find((c) => c.label === `TOTAL COST ${column} change`) ?? row.explanation);
  return {
    title: `${row.label}, ${part === "all" ? "all years" : `own year ${column}`}`,
    exact: new Decimal(row.cells[column] ?? "0"),
    display: new Decimal(row.display[column] ?? "0"),
    explanation: node,
  };
}

export function CostOfOnePercent({
  data,
  years,
  selected,
  onSelect,
}: {
  data: CostOfOnePercentData;
  years: number;
  selected: string | null;
  onSelect: (id: string, target: ExplainTarget) => void;
}) {
  const cell = (row: MarginalRow | undefined, part: Part, testid: string) => {
    if (!row) return <td className="num muted">–</td>;
    const column = part === "all" ? "Total" : `FY${row.fiscalYear}`;
    const id = `${row.id}-${part}`;
    return (
      <td
        className={`num clickable${selected === id ? " cell-selected" : ""}`}
        data-testid={testid}
        data-exact={row.cells[column]}
        onClick={() => onSelect(id, targetFor(row, part))}
        title="Click to see how this was computed"
      >
        {thousandsText(new Decimal(row.display[column] ?? "0"))}
      </td>
    );
  };
  const span = `${years}-year`;
  return (
    <table className="analysis-table" data-testid="cost-of-1">
      <thead>
        <tr>
          <th rowSpan={2}>Fiscal year</th>
          <th colSpan={2}>+1 point of raise that year</th>
          <th colSpan={2}>+$1,000 per member from that year</th>
        </tr>
        <tr>
          <th>Own year</th>
          <th>{span}</th>
          <th>Own year</th>
          <th>{span}</th>
        </tr>
      </thead>
      <tbody>
        {data.onePercent.map((p, i) => {
          const f = data.flatPerMember[i];
          const fy = `FY${p.fiscalYear}`;
          return (
            <tr key={p.id}>
              <th scope="row">{fy}</th>
              {cell(p, "own", `c1-percent-${fy}-own`)}
              {cell(p, "all", `c1-percent-${fy}-all`)}
              {cell(f, "own", `c1-flat-${fy}-own`)}
              {cell(f, "all", `c1-flat-${fy}-all`)}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
