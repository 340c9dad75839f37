/**
 * Reconciles the schedule method with the average-salary method, year by year.
 *
 *   average method  = members x average salary x (cumulative raise factor - 1)           (DESIGN.md, FIS p.2)
 *   schedule method = raise cost + step cost + turnover savings                           (schedule-cost.ts)
 *   difference      = schedule - average
 *                   = step cost + turnover savings + mix + payroll base
 *     mix          = raise cost - P0 x (cumulative factor - 1): the schedules do not scale the census's payroll
 *                    by exactly the raise factor (whole-dollar cells, the derived FY2024 table, EG-09's printed
 *                    3.5%/3.5%/5.0% growth, which lanes/steps people sit on) and mid-year proration differences;
 *     payroll base = (P0 - members x average salary) x (cumulative factor - 1): the census payroll differs from
 *                    the stated members x average (zero for the reference census, built to match exactly).
 * The cumulative factor is the product of (1 + raise) for the years before FY n times (1 + share x raise) for
 * FY n, the share coming from fractionOfFiscalYear (1 for Oct 1 raises, as in the FIS).
 */
import { Decimal, ONE } from "../decimal";
import type { Explanation, Source } from "../explain";
import { leaf } from "../explain";
import { fractionOfFiscalYear } from "../calendar";
import { scheduleMethodCost, type RaiseTerm, type ScheduleCostResult, type ScheduleCostSettings } from "./schedule-cost";
import type { Census, SalarySchedule } from "./types";
import { loadSchedules } from "./schedules";
import { groupPayroll, type Group } from "../scenario/groups";

export interface AverageSalaryInputs {
  members: Decimal;
  averageSalary: Decimal;
  /** members x average salary (x (1 - vacancy rate)), as the scenario's one payroll definition (groupPayroll) gives it. */
  payroll: Decimal;
  sources: { members: Source; averageSalary: Source };
  /** Input paths of the two values in the scenario. */
  paths: { members: string; averageSalary: string };
  /** The group's vacancy rate: the average-salary method costs only the filled share of the members. */
  vacancy?: { rate: Decimal; source: Source; path: string };
}

/** The average-salary method's inputs of a group that gives members and an average salary; undefined for other forms. */
export function averageSalaryInputs(group: Group): AverageSalaryInputs | undefined {
  if (!group.members || !group.averageSalary) return undefined;
  return {
    members: new Decimal(group.members.value),
    averageSalary: new Decimal(group.averageSalary.value),
    payroll: groupPayroll(group).exact,
    sources: { members: group.members.source, averageSalary: group.averageSalary.source },
    paths: { members: `groups.${group.id}.members`, averageSalary: `groups.${group.id}.averageSalary` },
    ...(group.vacancyRate
      ? {
          vacancy: {
            rate: new Decimal(group.vacancyRate.value),
            source: group.vacancyRate.source,
            path: `groups.${group.id}.vacancyRate`,
          },
        }
      : {}),
  };
}

export interface ReconcileYear {
  fiscalYear: number;
  cumulativeFactor: Decimal;
  averageMethod: Decimal;
  scheduleMethod: Decimal;
  difference: Decimal;
  parts: { stepCost: Decimal; turnoverSavings: Decimal; mix: Decimal; payrollBase: Decimal };
  explanation: Explanation;
}

export interface ReconcileResult {
  schedule: ScheduleCostResult;
  years: ReconcileYear[];
}

export function reconcile(
  census: Census,
  average: AverageSalaryInputs,
  raises: readonly RaiseTerm[],
  settings: ScheduleCostSettings,
  schedules: readonly SalarySchedule[] = loadSchedules(),
): ReconcileResult {
  const sched = scheduleMethodCost(census, raises, settings, schedules);
  const p0 = sched.basePayroll.value;
  const stated = average.payroll;
  const vacancy = average.vacancy;
  const sorted = [...raises].sort((a, b) => a.fiscalYear - b.fiscalYear);
  let before = ONE;
  const years: ReconcileYear[] = [];
  for (const y of sched.years) {
    const r = sorted.find((x) => x.fiscalYear === y.fiscalYear)!;
    const share = fractionOfFiscalYear(r.effective, y.fiscalYear, settings.calendar, settings.prorationMethod);
    const factor = before.times(ONE.plus(r.rate.times(share)));
    before = before.times(ONE.plus(r.rate));
    const growth = factor.minus(ONE);
    const averageMethod = stated.times(growth);
    const scheduleMethod = y.total.value;
    const difference = scheduleMethod.minus(averageMethod);
    const mix = y.raiseCost.value.minus(p0.times(growth));
    const payrollBase = p0.minus(stated).times(growth);
    const avgExpl: Explanation = {
      label: `FY${y.fiscalYear} base salary increase (average-salary method)`,
      value: averageMethod.toString(),
      unit: "USD",
      formula: `members${vacancy ? " x (1 - vacancy rate)" : ""} x average salary x (cumulative raise factor - 1)`,
      symbols: `${average.members.toString()}${vacancy ? ` x (1 - ${vacancy.rate.toString()})` : ""} x ${average.averageSalary.toString()} x (${factor.toString()} - 1)`,
      children: [
        leaf("members", average.members.toString(), "members", average.paths.members, average.sources.members),
        ...(vacancy ? [leaf("vacancy rate", vacancy.rate.toString(), "share", vacancy.path, vacancy.source)] : []),
        leaf("average salary", average.averageSalary.toString(), "USD", average.paths.averageSalary, average.sources.averageSalary),
        leaf("cumulative raise factor", factor.toString(), "factor", undefined, {
          kind: "derived",
          ref: sorted
            .filter((x) => x.fiscalYear <= y.fiscalYear)
            .map((x) => `${x.rate.times(100).toString()}% ${x.effective}`)
            .join(", "),
        }),
      ],
    };
    const mixExpl: Explanation = {
      label: "mix (schedule raise on the census vs P0 x (factor - 1))",
      value: mix.toString(),
      unit: "USD",
      formula: `raise cost (schedule method) - FY${sched.baseFiscalYear} census payroll x (cumulative raise factor - 1)`,
      symbols: `${y.raiseCost.value.toString()} - ${p0.toString()} x ${growth.toString()}`,
      children: [y.raiseCost.explanation, sched.basePayroll.explanation],
    };
    const baseExpl: Explanation = {
      label: "payroll base (census payroll vs members x average salary)",
      value: payrollBase.toString(),
      unit: "USD",
      formula: `(FY${sched.baseFiscalYear} census payroll - members x average salary) x (cumulative raise factor - 1)`,
      symbols: `(${p0.toString()} - ${stated.toString()}) x ${growth.toString()}`,
      children: [],
    };
    years.push({
      fiscalYear: y.fiscalYear,
      cumulativeFactor: factor,
      averageMethod,
      scheduleMethod,
      difference,
      parts: { stepCost: y.stepCost.value, turnoverSavings: y.turnoverSavings.value, mix, payrollBase },
      explanation: {
        label: `FY${y.fiscalYear} schedule method - average-salary method`,
        value: difference.toString(),
        unit: "USD",
        formula: "step cost + turnover savings + mix + payroll base",
        symbols: `${y.stepCost.value.toString()} + ${y.turnoverSavings.value.toString()} + ${mix.toString()} + ${payrollBase.toString()}`,
        children: [y.total.explanation, avgExpl, y.stepCost.explanation, y.turnoverSavings.explanation, mixExpl, baseExpl],
      },
    });
  }
  return { schedule: sched, years };
}
