/**
 * Cost of 1%: per fiscal year, what one more point of raise that year costs in its own year and
 * over the agreement, and the same for $1,000 flat per member. A click shows the explanation.
 */
import { ScrollRegion } from "../panels/ScrollRegion";
import { Decimal } from "../../model/engine/decimal";
import type { Explanation } from "../../model/engine/explain";
import { THOUSANDS, cellText, unitNoun, unitWords, type DisplayUnits } from "../format/number";
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
    part === "all" ? row.explanation : (row.explanation.children.find((c) => c.label.endsWith(` ${column} change`)) ?? row.explanation);
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
  units = THOUSANDS,
  selected,
  onSelect,
}: {
  data: CostOfOnePercentData;
  years: number;
  /** The table's display unit, which the amounts are in. */
  units?: DisplayUnits;
  selected: string | null;
  onSelect: (id: string, target: ExplainTarget) => void;
}) {
  const span = `${years}-year`;
  const cell = (row: MarginalRow | undefined, part: Part, testid: string, what: string) => {
    if (!row) return <td className="num muted">–</td>;
    const column = part === "all" ? "Total" : `FY${row.fiscalYear}`;
    const id = `${row.id}-${part}`;
    const value = new Decimal(row.display[column] ?? "0");
    const when = `FY${row.fiscalYear}, ${part === "all" ? `${span} cost` : "own year"}`;
    return (
      <td className={`num${selected === id ? " cell-selected" : ""}`}>
        {/* A real button: reachable by Tab, Enter/Space explain it, its name says what it is. */}
        <button
          type="button"
          className="cell-button"
          data-testid={testid}
          data-exact={row.cells[column]}
          aria-pressed={selected === id}
          aria-label={`${cellText(value, units)}${unitNoun(units)}: ${what}, ${when}. Explain`}
          onClick={() => onSelect(id, targetFor(row, part))}
          title="Show how this was computed"
        >
          {cellText(value, units)}
        </button>
      </td>
    );
  };
  return (
    <ScrollRegion label="Cost of 1% table">
      <table className="analysis-table" data-testid="cost-of-1">
        <caption className="table-caption">Cost of one more point of raise, and of $1,000 per member, in {unitWords(units)}</caption>
        <thead>
          <tr>
            <th rowSpan={2} scope="col">
              Fiscal year
            </th>
            <th colSpan={2} scope="colgroup">
              +1 point of raise that year ({unitWords(units)})
            </th>
            <th colSpan={2} scope="colgroup">
              +$1,000 per member from that year ({unitWords(units)})
            </th>
          </tr>
          <tr>
            <th>Own year</th>
            <th>{span}</th>
            <th>Own year</th>
            <th>{span}</th>
          </tr>
        </thead>
        <tbody>
          {[...new Set([...data.onePercent, ...data.flatPerMember].map((r) => r.fiscalYear))].map((year) => {
            const p = data.onePercent.find((r) => r.fiscalYear === year);
            const f = data.flatPerMember.find((r) => r.fiscalYear === year);
            const fy = `FY${year}`;
            return (
              <tr key={fy}>
                <th scope="row">{fy}</th>
                {cell(p, "own", `c1-percent-${fy}-own`, "+1 point of raise")}
                {cell(p, "all", `c1-percent-${fy}-all`, "+1 point of raise")}
                {cell(f, "own", `c1-flat-${fy}-own`, "+$1,000 per member")}
                {cell(f, "all", `c1-flat-${fy}-all`, "+$1,000 per member")}
              </tr>
            );
          })}
        </tbody>
      </table>
      {[
        data.unavailable.onePercent && `+1 point of raise: ${data.unavailable.onePercent}.`,
        data.unavailable.flatPerMember && `+$1,000 per member: ${data.unavailable.flatPerMember}.`,
      ]
        .filter(Boolean)
        .map((t) => (
          <p key={t as string} className="muted small" data-testid="c1-unavailable">
            {t}
          </p>
        ))}
    </ScrollRegion>
  );
}
