/**
 * Fund split: the scenario's total by fund, in every column, plus what no fund covers. Each fund's
 * part comes from the groups' or items' fund shares, exactly as a `fund` table line computes it;
 * without funds the split is the table's first share line (a local portion) and the rest.
 */
import { computeTable, shareLineId, totalByColumn, TOTAL_COLUMN, type ComputeOptions, type TableResult } from "../compute";
import { Decimal, ZERO, sum } from "../decimal";
import type { Explanation } from "../explain";
import type { Scenario } from "../scenario/types";
import { withTotalColumn } from "./all-years";

export interface FundPortion {
  id: string;
  label: string;
  /** The fund's part of the all-years total (its share when every group and item pays the same). */
  share: Decimal;
  /** Unrounded dollars by column (each FY and Total). */
  cells: Record<string, Decimal>;
  explanation: Explanation;
}

const ONE = new Decimal(1);

export function fundSplit(scenario: Scenario, table: TableResult, options: ComputeOptions = {}): FundPortion[] {
  // Shares are of the all-years total: a table that hides its total column is split as if it showed it.
  if (!table.columns.includes(TOTAL_COLUMN)) {
    const withTotal = withTotalColumn(scenario);
    return fundSplit(withTotal, computeTable(withTotal, options), options);
  }
  const total = totalByColumn(table);
  const allYears = total[TOTAL_COLUMN] ?? ZERO;
  const funds = scenario.funds ?? [];
  if (funds.length === 0) {
    const id = shareLineId(table);
    const line = scenario.table.lines.find((l) => l.id === id);
    if (!id || !line?.share) return [];
    const rate = new Decimal(line.share.rate.value);
    const portion = (pid: string, label: string, share: Decimal): FundPortion => {
      const cells = Object.fromEntries(table.columns.map((c) => [c, share.times(total[c]!)]));
      return {
        id: pid,
        label,
        share,
        cells,
        explanation: {
          label: `${label}, all years`,
          value: cells[TOTAL_COLUMN]!.toString(),
          unit: "USD",
          formula: "share x total",
          symbols: `${share} x ${allYears}`,
          children: [],
        },
      };
    };
    return [portion(id, line.label, rate), portion("other", `Other funds (1 - ${line.label})`, ONE.minus(rate))];
  }
  // The fund lines a table would print, over every cost line, computed by the engine itself.
  const costLines = scenario.table.lines.filter((l) => !l.sum && !l.share && !l.amounts && !l.fund && !l.change).map((l) => l.id);
  const withFunds: Scenario = {
    ...scenario,
    table: {
      ...scenario.table,
      lines: [
        ...scenario.table.lines,
        ...funds.map((f) => ({ id: `fundSplit-${f.id}`, label: f.label, fund: { fund: f.id, of: costLines } })),
      ],
    },
  };
  const computed = computeTable(withFunds, options);
  const out = funds.map((f): FundPortion => {
    const line = computed.lines.find((l) => l.id === `fundSplit-${f.id}`)!;
    const cells = Object.fromEntries(table.columns.map((c) => [c, line.cells[c]!.exact]));
    return {
      id: f.id,
      label: f.label,
      share: allYears.isZero() ? ZERO : cells[TOTAL_COLUMN]!.div(allYears),
      cells,
      explanation: { ...line.cells[TOTAL_COLUMN]!.explanation, label: `${f.label}, all years` },
    };
  });
  // Shares that add up to 1 for every group and item leave nothing unassigned (the parts' sum can
  // differ from the total in the 40th digit, where a division split an item by payroll).
  const addsToOne = (shares: Record<string, { value: string }> | undefined) =>
    shares !== undefined && sum(Object.values(shares).map((p) => new Decimal(p.value))).equals(1);
  const fullyAssigned =
    scenario.groups.every((g) => addsToOne(g.fundShares)) &&
    scenario.items.every((i) => i.fundShares === undefined || addsToOne(i.fundShares));
  const rest = Object.fromEntries(table.columns.map((c) => [c, total[c]!.minus(sum(out.map((f) => f.cells[c]!)))]));
  if (!fullyAssigned && !table.columns.every((c) => rest[c]!.isZero()))
    out.push({
      id: "unassigned",
      label: "Not assigned to a fund",
      share: allYears.isZero() ? ZERO : rest[TOTAL_COLUMN]!.div(allYears),
      cells: rest,
      explanation: {
        label: "Not assigned to a fund, all years",
        value: rest[TOTAL_COLUMN]!.toString(),
        unit: "USD",
        formula: "total - the funds' parts",
        children: [],
      },
    });
  return out;
}
