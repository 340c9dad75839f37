/**
 * Raises under the schedule method (settings.salaryMethod = "schedule"): the scenario's census
 * priced on the salary schedules year by year (model/engine/schedule), split into the negotiated
 * raise, step movement and turnover. The step and turnover parts are shown on lines of their own
 * after the raises item's line, and rates of pay applying to the raises item apply to them too
 * (a payroll tax is due on every dollar of payroll change, not only on the raise).
 */
import { Decimal } from "../decimal";
import { loadSchedules } from "../schedule/schedules";
import { defaultScheduleCostSettings, scheduleMethodCost, type RaiseTerm, type ScheduleCostSettings } from "../schedule/schedule-cost";
import { stepSettingsOf } from "../schedule/method";
import type { CompanionPart, CostContext, ItemCell } from "./kind";
import type { RaisesItem } from "./raises";

export const STEP_SUFFIX = ".steps";
export const TURNOVER_SUFFIX = ".turnover";

/** Flat-dollar raises cannot be placed on a schedule; validation refuses them under the schedule method. */
export function raiseTerms(item: RaisesItem): RaiseTerm[] {
  return item.steps
    .filter((s) => s.type === "percent")
    .map((s) => ({ fiscalYear: s.fiscalYear, rate: new Decimal(s.amount.value), effective: s.effective, source: s.amount.source }));
}

/** The adjustment each fiscal year's schedules print ("0.020"), from the schedules themselves; a year whose tables print different ones has none. */
let printed: Map<number, Decimal> | undefined;
export function printedAdjustments(): Map<number, Decimal> {
  return (printed ??= readPrintedAdjustments());
}

function readPrintedAdjustments(): Map<number, Decimal> {
  const byYear = new Map<number, Set<string>>();
  for (const s of loadSchedules()) {
    if (s.adjustment === null) continue;
    const set = byYear.get(s.fiscalYear) ?? new Set<string>();
    set.add(new Decimal(s.adjustment).toString());
    byYear.set(s.fiscalYear, set);
  }
  return new Map([...byYear].filter(([, set]) => set.size === 1).map(([fy, set]) => [fy, new Decimal([...set][0]!)]));
}

/**
 * Prices on the printed schedules when every raise is the one printed on them; otherwise (a what-if
 * raise) on the base year's schedule x the scenario's cumulative raise factor, so edits flow through.
 */
export function chooseBasis(terms: readonly RaiseTerm[]): ScheduleCostSettings["scheduleBasis"] {
  const printed = printedAdjustments();
  return terms.every((t) => printed.get(t.fiscalYear)?.equals(t.rate) === true) ? "printed" : "scaled";
}

/** The cost settings of a scenario's schedule method. */
export function scheduleCostSettings(ctx: Pick<CostContext, "scenario" | "calendar">, terms: readonly RaiseTerm[]): ScheduleCostSettings {
  const block = ctx.scenario.scheduleMethod;
  if (!block) throw new Error("internal: a schedule-method scenario without its scheduleMethod block passed validation");
  return {
    ...defaultScheduleCostSettings(ctx.calendar),
    ...stepSettingsOf(block, ctx.calendar.fiscalYearStartMonth),
    prorationMethod: ctx.scenario.settings.proration,
    calendar: ctx.calendar,
    scheduleBasis: chooseBasis(terms),
  };
}

/** The raises item's own cells (the negotiated raise) plus its step and turnover parts. */
export function scheduleRaisesParts(item: RaisesItem, ctx: CostContext): { own: Map<number, ItemCell>; parts: CompanionPart[] } {
  const census = ctx.scheduleCensus!();
  const terms = raiseTerms(item);
  const settings = scheduleCostSettings(ctx, terms);
  const result = scheduleMethodCost(census, terms, settings);
  const own = new Map<number, ItemCell>();
  const steps = new Map<number, ItemCell>();
  const turnover = new Map<number, ItemCell>();
  const zero = (label: string): ItemCell => ({
    exact: new Decimal(0),
    explanation: { label, value: "0", unit: "USD", formula: "outside the schedules' years", children: [] },
  });
  for (const fy of ctx.years) {
    const year = result.years.find((y) => y.fiscalYear === fy);
    if (!year) {
      own.set(fy, zero(`${item.label} FY${fy}`));
      steps.set(fy, zero(`Step increases FY${fy}`));
      turnover.set(fy, zero(`Turnover savings FY${fy}`));
      continue;
    }
    own.set(fy, { exact: year.raiseCost.value, explanation: { ...year.raiseCost.explanation, label: `${item.label} FY${fy}` } });
    steps.set(fy, { exact: year.stepCost.value, explanation: year.stepCost.explanation });
    turnover.set(fy, { exact: year.turnoverSavings.value, explanation: year.turnoverSavings.explanation });
  }
  return {
    own,
    parts: [
      {
        id: item.id + STEP_SUFFIX,
        label: "Step Increases",
        line: {
          id: `${item.line}Steps`,
          label: "Step Increases",
          note: `Step movement on the salary schedules (census method, ${settings.scheduleBasis} schedules).`,
        },
        cells: steps,
      },
      {
        id: item.id + TURNOVER_SUFFIX,
        label: "Turnover Savings",
        line: {
          id: `${item.line}Turnover`,
          label: "Turnover Savings",
          note: "Separations replaced at the entry step and lane (assumed rates; census method).",
        },
        cells: turnover,
      },
    ],
  };
}
