/**
 * The analyst's rules of thumb, computed rather than assumed: what one more percentage point of
 * raise in a fiscal year costs (in that year and, through compounding, in every later year,
 * with the rates of pay such as Medicare that ride on it), and what $1,000 flat per member in
 * that year costs. Each is the difference between two full costings, so nothing the engine does
 * (mid-year effective dates, per-group rates of pay, pension starting later) is left out.
 */
import { computeTable, totalByColumn, totalLineId, TOTAL_COLUMN, type ComputeOptions, type TableResult } from "../compute";
import { fiscalYearEndExclusive } from "../calendar";
import { Decimal } from "../decimal";
import type { Explanation, Source } from "../explain";
import { toDisplay } from "../table/display";
import { fyKey, type Scenario } from "../scenario/types";
import { withTotalColumn } from "./all-years";
import { withExtraRaise } from "./raise-edits";
import { coveredGroups } from "../kinds/common";
import { hasMembers, hasPayroll } from "../scenario/groups";

export interface MarginalCostLine {
  /** e.g. "onePercentFY2026", "flat1000FY2026". */
  id: string;
  label: string;
  fiscalYear: number;
  kind: "percent" | "flat";
  /** The extra raise: 0.01 (one point) or 1000 (dollars a year per member). */
  extra: Decimal;
  /** Change in the scenario's total in the raise's own fiscal year. */
  ownYear: Decimal;
  /** Change in the scenario's total over all the table's years. */
  allYears: Decimal;
  /** Change in the scenario's total by column (each FY and Total), unrounded dollars. */
  cells: Record<string, Decimal>;
  /** The same change in the display unit by the scenario's rounding rule. */
  display: Record<string, Decimal>;
  /** Change by table line, by column. */
  byLine: Record<string, Record<string, Decimal>>;
  explanation: Explanation;
}

export interface CostOfOnePercent {
  columns: string[];
  onePercent: MarginalCostLine[];
  flatPerMember: MarginalCostLine[];
  /** Why a kind has no lines, in words (a group stating no salary, or no headcount). */
  unavailable: { onePercent?: string; flatPerMember?: string };
}

const ONE_POINT = new Decimal("0.01");
const FLAT = new Decimal(1000);
const SOURCE: Source = { kind: "derived", ref: "cost of 1%", note: "added by the analysis, not in the agreement" };

function difference(base: TableResult, variant: TableResult, lineId: string): Record<string, Decimal> {
  const a = base.lines.find((l) => l.id === lineId)!;
  const b = variant.lines.find((l) => l.id === lineId)!;
  return Object.fromEntries(base.columns.map((c) => [c, b.cells[c]!.exact.minus(a.cells[c]!.exact)]));
}

function marginal(scenario: Scenario, base: TableResult, fy: number, kind: "percent" | "flat", options: ComputeOptions): MarginalCostLine {
  const extra = kind === "percent" ? ONE_POINT : FLAT;
  const variant = computeTable(withExtraRaise(scenario, fy, kind, extra, SOURCE), options);
  const byLine = Object.fromEntries(base.lines.map((l) => [l.id, difference(base, variant, l.id)]));
  const totalId = totalLineId(base);
  const totalLabel = totalId ? base.lines.find((l) => l.id === totalId)!.label : "Total of the cost lines";
  const before = totalByColumn(base);
  const after = totalByColumn(variant);
  const cells = Object.fromEntries(base.columns.map((c) => [c, after[c]!.minus(before[c]!)]));
  const key = fyKey(fy);
  const what = kind === "percent" ? `1 more point of raise in FY${fy}` : `$1,000 a year more per member from FY${fy}`;
  const costLines = base.lines.filter((l) => l.kind === "cost");
  const lineNode = (id: string, column: string): Explanation => {
    const label = base.lines.find((l) => l.id === id)!.label;
    const before = base.lines.find((l) => l.id === id)!.cells[column]!.exact;
    const after = variant.lines.find((l) => l.id === id)!.cells[column]!.exact;
    return {
      label: `${label} ${column} change`,
      value: byLine[id]![column]!.toString(),
      unit: "USD",
      formula: "with the extra raise - as is",
      symbols: `${after} - ${before}`,
      children: column === TOTAL_COLUMN ? [] : [variant.lines.find((l) => l.id === id)!.cells[column]!.explanation],
    };
  };
  const yearNode = (column: string): Explanation => ({
    label: `${totalLabel} ${column} change`,
    value: cells[column]!.toString(),
    unit: "USD",
    formula: "sum of the cost lines' changes",
    children: costLines.filter((l) => !byLine[l.id]![column]!.isZero()).map((l) => lineNode(l.id, column)),
  });
  const allYears = cells[TOTAL_COLUMN]!;
  return {
    id: `${kind === "percent" ? "onePercent" : "flat1000"}FY${fy}`,
    label: kind === "percent" ? `+1% raise in FY${fy}` : `+$1,000 per member from FY${fy}`,
    fiscalYear: fy,
    kind,
    extra,
    ownYear: cells[key]!,
    allYears,
    cells,
    display: Object.fromEntries(Object.entries(cells).map(([c, v]) => [c, toDisplay(v, scenario.table.display)])),
    byLine,
    explanation: {
      label: `Cost of ${what}`,
      value: allYears.toString(),
      unit: "USD",
      formula:
        kind === "percent"
          ? `total with the FY${fy} raise 1 point higher - total as is; later years carry it through compounding, rates of pay ride on it`
          : `total with a $1,000 flat raise per member effective at the start of FY${fy} (after that year's other raises) - total as is; later percent raises compound on it`,
      symbols: `own year ${key}: ${cells[key]}; all years: ${allYears}`,
      children: base.columns.filter((c) => c !== TOTAL_COLUMN && !cells[c]!.isZero()).map(yearNode),
    },
  };
}

/**
 * Throws when the scenario has no raises item: one more point of raise would have no salary to
 * apply to, and a table of zeros would read as "raises cost nothing here".
 */
export function costOfOnePercent(given: Scenario, options: ComputeOptions = {}): CostOfOnePercent {
  if (!given.items.some((i) => i.kind === "raises"))
    throw new Error(
      "the scenario has no raises item (a percent or flat raise on salaries), so there is no raise to add a point to; " +
        "its costs are entered as other kinds of items",
    );
  const scenario = withTotalColumn(given);
  const base = computeTable(scenario, options);
  // A year that ends before the agreement is in force takes no raise (its column shows the agreement's zeros).
  const years = scenario.table.columns.fiscalYears.filter(
    (fy) => fiscalYearEndExclusive(fy, scenario.calendar.fiscalYearStartMonth) > scenario.agreement.effectiveFrom,
  );
  // A point of raise needs salaries to apply to: a group giving only its headcount (a flat raise
  // per member) has none, and a percent step there would compound on the flat raises alone.
  const raised = scenario.items.flatMap((i) => (i.kind === "raises" ? coveredGroups(scenario, i) : []));
  const noSalary = [...new Set(raised.filter((g) => !hasPayroll(g)).map((g) => g.label))];
  // A flat raise needs headcount: a scenario whose groups give only payroll has no flat figure.
  const noHeadcount = scenario.groups.filter((g) => !hasMembers(g)).map((g) => g.label);
  return {
    columns: base.columns,
    onePercent: noSalary.length ? [] : years.map((fy) => marginal(scenario, base, fy, "percent", options)),
    flatPerMember: noHeadcount.length ? [] : years.map((fy) => marginal(scenario, base, fy, "flat", options)),
    unavailable: {
      ...(noSalary.length
        ? { onePercent: `no salaries to raise: ${noSalary.join(", ")} ${noSalary.length > 1 ? "state" : "states"} a headcount only` }
        : {}),
      ...(noHeadcount.length
        ? {
            flatPerMember: `no headcount: ${noHeadcount.join(", ")} ${noHeadcount.length > 1 ? "state" : "states"} a payroll only`,
          }
        : {}),
    },
  };
}
