/**
 * Fund split: TOTAL COST by fund (scenario.fundShares), each fund's share x TOTAL in every
 * column, plus what no fund covers when the shares add up to less than 1. Without fundShares
 * the split is the table's own two-way split: local share and the rest.
 */
import { TOTAL_COLUMN, type TableResult } from "../compute";
import { Decimal, sum } from "../decimal";
import type { Explanation } from "../explain";
import { paramLeaf } from "../lines/context";
import type { FundShare, Scenario } from "../scenario/types";

export interface FundPortion {
  id: string;
  label: string;
  share: Decimal;
  /** Unrounded dollars by column (each FY and Total). */
  cells: Record<string, Decimal>;
  explanation: Explanation;
}

const ONE = new Decimal(1);

function fundsOf(scenario: Scenario): FundShare[] {
  if (scenario.fundShares && scenario.fundShares.length > 0) return scenario.fundShares;
  const rest = ONE.minus(scenario.localShare.value).toString();
  return [
    { id: "local", label: "Local funds", share: scenario.localShare },
    {
      id: "other",
      label: "Other funds (1 - local share)",
      share: { value: rest, unit: "share", label: "Share not paid locally", source: { kind: "derived", ref: "1 - local share" } },
    },
  ];
}

export function fundSplit(scenario: Scenario, table: TableResult): FundPortion[] {
  const total = table.lines.find((l) => l.id === "totalCost")!;
  const funds = fundsOf(scenario);
  const portion = (id: string, label: string, share: Decimal, leaf: Explanation): FundPortion => {
    const cells = Object.fromEntries(table.columns.map((c) => [c, share.times(total.cells[c]!.exact)]));
    return {
      id,
      label,
      share,
      cells,
      explanation: {
        label: `${label}, all years`,
        value: cells[TOTAL_COLUMN]!.toString(),
        unit: "USD",
        formula: "fund share x TOTAL COST",
        symbols: `${share} x ${total.cells[TOTAL_COLUMN]!.exact}`,
        children: [leaf, total.cells[TOTAL_COLUMN]!.explanation],
      },
    };
  };
  const out = funds.map((f) =>
    portion(f.id, f.label, new Decimal(f.share.value), paramLeaf(f.share, scenario.fundShares ? `fundShares.${f.id}.share` : "localShare")),
  );
  const assigned = sum(out.map((f) => f.share));
  if (assigned.lessThan(ONE)) {
    const rest = ONE.minus(assigned);
    out.push(
      portion("unassigned", "Not assigned to a fund", rest, {
        label: "1 - sum of fund shares",
        value: rest.toString(),
        unit: "share",
        children: [],
      }),
    );
  }
  return out;
}
