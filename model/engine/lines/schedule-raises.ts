/**
 * The schedule method for a raises item (settings.salaryMethod = "schedule"): the census priced on
 * the salary schedules year by year (model/engine/schedule), split into the negotiated raise, step
 * movement and turnover. The three parts become three items so the table can show them on
 * separate lines, and rates of pay applying to the raises item apply to all three (Medicare is
 * due on every dollar of payroll change, not only on the raise).
 */
import { Decimal } from "../decimal";
import { InputRejectedError } from "../errors";
import { checkCensus } from "../scenario/schema";
import type { Census } from "../schedule/types";
import {
  defaultScheduleCostSettings,
  scheduleMethodCost,
  type RaiseTerm,
  type ScheduleCostResult,
  type ScheduleCostSettings,
} from "../schedule/schedule-cost";
import type { RaisesItem } from "../scenario/types";
import type { ItemCell } from "./context";

export const STEP_SUFFIX = ".steps";
export const TURNOVER_SUFFIX = ".turnover";

/** The raise each schedule year carries as printed (ET-15 headers: Art. 36.2 / schedules p.~4500). */
const PRINTED_RAISES: Record<number, string> = { 2025: "0.02", 2026: "0.03", 2027: "0.03", 2028: "0.04" };

export interface ScheduleMethodOptions {
  census: Census;
  settings?: Partial<ScheduleCostSettings>;
}

export interface ScheduleRaisesCells {
  raise: Map<number, ItemCell>;
  steps: Map<number, ItemCell>;
  turnover: Map<number, ItemCell>;
  basis: ScheduleCostSettings["scheduleBasis"];
}

/** Flat-dollar raises cannot be placed on a schedule; checkScenario reports them before compute. */
export function raiseTerms(item: RaisesItem): RaiseTerm[] {
  return item.steps
    .filter((s) => s.type === "percent")
    .map((s) => ({ fiscalYear: s.fiscalYear, rate: new Decimal(s.amount.value), effective: s.effective, source: s.source }));
}

/**
 * Prices on the printed schedules when every raise is the one printed on them; otherwise (a what-if
 * raise) on the FY2024 schedule x the scenario's cumulative raise factor, so edits flow through.
 */
export function chooseBasis(terms: readonly RaiseTerm[]): ScheduleCostSettings["scheduleBasis"] {
  return terms.every((t) => PRINTED_RAISES[t.fiscalYear] !== undefined && t.rate.equals(PRINTED_RAISES[t.fiscalYear]!))
    ? "printed"
    : "scaled";
}

export function scheduleRaisesCells(item: RaisesItem, options: ScheduleMethodOptions, years: readonly number[]): ScheduleRaisesCells {
  const censusErrors = checkCensus(options.census);
  if (censusErrors.length) throw new InputRejectedError(censusErrors);
  const terms = raiseTerms(item);
  const basis = options.settings?.scheduleBasis ?? chooseBasis(terms);
  const result: ScheduleCostResult = scheduleMethodCost(options.census, terms, {
    ...defaultScheduleCostSettings(),
    ...options.settings,
    scheduleBasis: basis,
  });
  const cells: ScheduleRaisesCells = { raise: new Map(), steps: new Map(), turnover: new Map(), basis };
  for (const fy of years) {
    const year = result.years.find((y) => y.fiscalYear === fy);
    if (!year) {
      const zero = (label: string): ItemCell => ({
        exact: new Decimal(0),
        explanation: { label, value: "0", unit: "USD", formula: "outside the schedules' years", children: [] },
      });
      cells.raise.set(fy, zero(`${item.label} FY${fy}`));
      cells.steps.set(fy, zero(`Step increases FY${fy}`));
      cells.turnover.set(fy, zero(`Turnover savings FY${fy}`));
      continue;
    }
    cells.raise.set(fy, { exact: year.raiseCost.value, explanation: year.raiseCost.explanation });
    cells.steps.set(fy, { exact: year.stepCost.value, explanation: year.stepCost.explanation });
    cells.turnover.set(fy, { exact: year.turnoverSavings.value, explanation: year.turnoverSavings.explanation });
  }
  return cells;
}

export interface ScheduleExtraPart {
  id: string;
  label: string;
  line: { id: string; label: string; note: string };
  cells: Map<number, ItemCell>;
}

/**
 * The raises item's own cells (the negotiated raise) plus its step and turnover parts, each as an
 * item on a line of its own placed after the raises item's line.
 */
export function scheduleRaisesParts(
  item: RaisesItem,
  options: ScheduleMethodOptions,
  years: readonly number[],
): { raise: Map<number, ItemCell>; extras: ScheduleExtraPart[] } {
  const cells = scheduleRaisesCells(item, options, years);
  return {
    raise: cells.raise,
    extras: [
      {
        id: item.id + STEP_SUFFIX,
        label: "Step Increases",
        line: {
          id: `${item.line}Steps`,
          label: "Step Increases",
          note: `Step movement on the salary schedules (Art. 36.6 holds, census method, ${cells.basis} schedules).`,
        },
        cells: cells.steps,
      },
      {
        id: item.id + TURNOVER_SUFFIX,
        label: "Turnover Savings",
        line: {
          id: `${item.line}Turnover`,
          label: "Turnover Savings",
          note: "Separations replaced at the entry step and lane (assumed rates; census method).",
        },
        cells: cells.turnover,
      },
    ],
  };
}
