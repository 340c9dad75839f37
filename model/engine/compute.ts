/**
 * scenario -> the Fiscal Impact Statement table, every cell with its unrounded value, its
 * displayed value ($ thousands by the scenario's rounding rule) and its explanation.
 *
 * Item costs are computed per fiscal year in dependency order (rates of pay last, since they
 * apply to other items' costs); a table line is the sum of its items; TOTAL is the sum of the
 * cost lines; the Total column is the sum of the fiscal years; every sum is of unrounded values.
 */
import { Decimal, ZERO, sum } from "./decimal";
import type { Explanation } from "./explain";
import { fixedAmountsCost } from "./lines/fixed-amounts";
import type { ItemCell, ItemCosts, LineContext } from "./lines/context";
import { oneTimeCost } from "./lines/one-time";
import { payRateCost } from "./lines/pay-rate";
import { perHeadBenefitCost } from "./lines/per-head-benefit";
import { premiumPayCost } from "./lines/premium-pay";
import { raisesCost } from "./lines/raises";
import { scheduleRaisesParts, type ScheduleMethodOptions } from "./lines/schedule-raises";
import { referenceCensus } from "./schedule";
import { ROUNDING_RULES, toDisplayThousands } from "./rounding";
import { fyKey, type CostItem, type Scenario } from "./scenario/types";

export const TOTAL_COLUMN = "Total";

export type DerivedLineId = "totalCost" | "localPortion" | "fundingAvailable" | "costFundedByWia";

export interface Cell {
  /** Unrounded dollars. */
  exact: Decimal;
  /** Whole $ thousands by the scenario's rounding rule. */
  display: Decimal;
  explanation: Explanation;
}

export interface LineResult {
  id: string;
  label: string;
  kind: "cost" | "total" | "derived";
  note?: string;
  cells: Record<string, Cell>;
}

export interface ItemResult {
  id: string;
  label: string;
  kind: CostItem["kind"];
  line: string;
  cells: Record<string, ItemCell>;
}

export interface TableResult {
  scenarioId: string;
  scenarioName: string;
  units: "USD thousands";
  roundingRule: string;
  columns: string[];
  lines: LineResult[];
  items: ItemResult[];
}

/** Items computed before the rates of pay that apply to them. */
const KIND_ORDER: CostItem["kind"][] = ["raises", "oneTime", "fixedAmounts", "perHeadBenefit", "premiumPay", "payRate"];

/**
 * A hook for the schedule method: when settings.salaryMethod is "schedule", the app passes a
 * function that costs a raises item from a census instead of members x average salary.
 */
export type RaisesCoster = (item: Extract<CostItem, { kind: "raises" }>, ctx: LineContext, fy: number) => ItemCell;

export interface ComputeOptions {
  raisesCoster?: RaisesCoster;
  /** Census and step settings for settings.salaryMethod = "schedule" (default: the synthetic reference census). */
  scheduleMethod?: ScheduleMethodOptions;
}

function itemCost(item: CostItem, ctx: LineContext, fy: number, options: ComputeOptions): ItemCell {
  switch (item.kind) {
    case "raises":
      return (options.raisesCoster ?? raisesCost)(item, ctx, fy);
    case "oneTime":
      return oneTimeCost(item, ctx, fy);
    case "premiumPay":
      return premiumPayCost(item, ctx, fy);
    case "perHeadBenefit":
      return perHeadBenefitCost(item, ctx, fy);
    case "payRate":
      return payRateCost(item, ctx, fy);
    case "fixedAmounts":
      return fixedAmountsCost(item, fy);
  }
}

function cell(exact: Decimal, scenario: Scenario, explanation: Explanation): Cell {
  return { exact, display: toDisplayThousands(exact, scenario.settings.rounding), explanation };
}

function sumCell(label: string, formula: string, parts: { label: string; cell: Cell | ItemCell }[], scenario: Scenario): Cell {
  const total = sum(parts.map((p) => p.cell.exact));
  return cell(total, scenario, { label, value: total.toString(), unit: "USD", formula, children: parts.map((p) => p.cell.explanation) });
}

/** Adds the Total column (sum of unrounded fiscal-year values) to a line's cells. */
function withTotal(label: string, cells: Record<string, Cell>, scenario: Scenario): Record<string, Cell> {
  const parts = scenario.agreement.fiscalYears.map((fy) => ({ label: fyKey(fy), cell: cells[fyKey(fy)]! }));
  return {
    ...cells,
    [TOTAL_COLUMN]: sumCell(`${label}, ${parts.length}-year total`, "sum of the unrounded fiscal-year values", parts, scenario),
  };
}

export function computeTable(scenario: Scenario, options: ComputeOptions = {}): TableResult {
  const years = scenario.agreement.fiscalYears;
  const costs: ItemCosts = new Map();
  const ctx: LineContext = { scenario, costs };
  const bySchedule = scenario.settings.salaryMethod === "schedule";
  /** Extra items the schedule method adds (step movement, turnover), each on its own line after its raises item's line. */
  const extraItems: ItemResult[] = [];
  const extraLines: { after: string; line: { id: string; label: string; note: string } }[] = [];
  const ordered = [...scenario.items].sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind));
  for (const item of ordered) {
    const byYear = new Map<number, ItemCell>();
    costs.set(item.id, byYear);
    if (bySchedule && item.kind === "raises" && !options.raisesCoster) {
      const parts = scheduleRaisesParts(item, options.scheduleMethod ?? { census: referenceCensus() }, years);
      for (const [fy, cell] of parts.raise) byYear.set(fy, cell);
      for (const extra of parts.extras) {
        costs.set(extra.id, extra.cells);
        extraItems.push({
          id: extra.id,
          label: extra.label,
          kind: "raises",
          line: extra.line.id,
          cells: Object.fromEntries(years.map((fy) => [fyKey(fy), extra.cells.get(fy)!])),
        });
        extraLines.push({ after: item.line, line: extra.line });
      }
      continue;
    }
    for (const fy of years) byYear.set(fy, itemCost(item, ctx, fy, options));
  }

  const items: ItemResult[] = [
    ...scenario.items.map((item) => ({
      id: item.id,
      label: item.label,
      kind: item.kind,
      line: item.line,
      cells: Object.fromEntries(years.map((fy) => [fyKey(fy), costs.get(item.id)!.get(fy)!])),
    })),
    ...extraItems,
  ];
  const tableLines: { id: string; label: string; note?: string }[] = [];
  for (const line of scenario.lines) {
    tableLines.push(line);
    for (const extra of extraLines) if (extra.after === line.id) tableLines.push(extra.line);
  }

  const costLines: LineResult[] = tableLines.map((line) => {
    const lineItems = items.filter((i) => i.line === line.id);
    const cells: Record<string, Cell> = {};
    for (const fy of years) {
      const parts = lineItems.map((i) => ({ label: i.label, cell: costs.get(i.id)!.get(fy)! }));
      const label = `${line.label} FY${fy}`;
      cells[fyKey(fy)] =
        parts.length === 1
          ? cell(parts[0]!.cell.exact, scenario, { ...parts[0]!.cell.explanation, label })
          : sumCell(
              label,
              parts.length === 0 ? "no cost items on this line" : `sum of ${parts.map((p) => p.label).join(" + ")}`,
              parts,
              scenario,
            );
    }
    return {
      id: line.id,
      label: line.label,
      kind: "cost",
      ...(line.note ? { note: line.note } : {}),
      cells: withTotal(line.label, cells, scenario),
    };
  });

  const byFy = (build: (fy: number, key: string) => Cell): Record<string, Cell> =>
    Object.fromEntries(years.map((fy) => [fyKey(fy), build(fy, fyKey(fy))]));

  const totalCells = byFy((fy, key) =>
    sumCell(
      `TOTAL COST FY${fy}`,
      "sum of the unrounded cost lines",
      costLines.map((l) => ({ label: l.label, cell: l.cells[key]! })),
      scenario,
    ),
  );
  const total: LineResult = { id: "totalCost", label: "TOTAL COST", kind: "total", cells: withTotal("TOTAL COST", totalCells, scenario) };

  const share = new Decimal(scenario.localShare.value);
  const shareLeaf: Explanation = {
    label: scenario.localShare.label,
    value: scenario.localShare.value,
    unit: scenario.localShare.unit,
    inputPath: "localShare",
    source: scenario.localShare.source,
    children: [],
  };
  const localCells = byFy((fy, key) => {
    const t = total.cells[key]!;
    const v = share.times(t.exact);
    return cell(v, scenario, {
      label: `Local portion FY${fy}`,
      value: v.toString(),
      unit: "USD",
      formula: "local share x TOTAL COST",
      symbols: `${share} x ${t.exact}`,
      children: [shareLeaf, t.explanation],
    });
  });
  const local: LineResult = {
    id: "localPortion",
    label: "Local Portion of Total Cost",
    kind: "derived",
    note: "(g) Share of costs paid with local funds.",
    cells: withTotal("Local portion", localCells, scenario),
  };

  const fundingCells = byFy((fy, key) => {
    const param = scenario.fundingAvailable[key];
    const v = param ? new Decimal(param.value).negated() : ZERO;
    return cell(v, scenario, {
      label: `Funding available FY${fy}`,
      value: v.toString(),
      unit: "USD",
      formula: "minus the funding available in the budget and financial plan (shown negative, as published)",
      children: param
        ? [
            {
              label: param.label,
              value: param.value,
              unit: param.unit,
              inputPath: `fundingAvailable.${key}`,
              source: param.source,
              children: [],
            },
          ]
        : [],
    });
  });
  const funding: LineResult = {
    id: "fundingAvailable",
    label: "Funding available in DCPS Budget and Financial Plan",
    kind: "derived",
    note: "(h) Financial plan funding.",
    cells: withTotal("Funding available", fundingCells, scenario),
  };

  const wiaCells = byFy((fy, key) => {
    const l = local.cells[key]!;
    const f = funding.cells[key]!;
    const v = l.exact.plus(f.exact);
    return cell(v, scenario, {
      label: `Cost funded by Workforce Investments Account FY${fy}`,
      value: v.toString(),
      unit: "USD",
      formula: "local portion - funding available",
      symbols: `${l.exact} - ${f.exact.negated()}`,
      children: [l.explanation, f.explanation],
    });
  });
  const wia: LineResult = {
    id: "costFundedByWia",
    label: "Cost Funded by Workforce Investments Account",
    kind: "total",
    cells: withTotal("Cost funded by WIA", wiaCells, scenario),
  };

  return {
    scenarioId: scenario.id,
    scenarioName: scenario.name,
    units: "USD thousands",
    roundingRule: ROUNDING_RULES[scenario.settings.rounding],
    columns: [...years.map(fyKey), TOTAL_COLUMN],
    lines: [...costLines, total, local, funding, wia],
    items,
  };
}

/** "benefits.FY2025" -> the cell, or undefined. */
export function findCell(result: TableResult, ref: string): Cell | undefined {
  const [lineId, column] = ref.split(".");
  return result.lines.find((l) => l.id === lineId)?.cells[column ?? ""];
}
