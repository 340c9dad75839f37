/**
 * Each cost item's dollars for one fiscal year as a spreadsheet formula over the Inputs sheet,
 * mirroring model/engine/lines/* term by term so a spreadsheet program recomputes the engine's numbers
 * on its own. Inputs are referenced through `ref(path)` (a defined name); other items' costs
 * (what a rate of pay applies to) through `itemCell(id, fy)`.
 *
 * Calendar facts (how many months or pay periods of a year fall at which rate, the share of a
 * year a mid-year raise is in force) are not inputs: they are counted here from the agreement's
 * dates exactly as the engine counts them and written into the formula as whole numbers.
 */
import {
  dayOrdinal,
  fiscalYearEndExclusive,
  fiscalYearOfDate,
  fiscalYearStart,
  monthsOfFiscalYear,
  payPeriodStartsOfFiscalYear,
} from "../engine/calendar";
import type {
  CostItem,
  DatedAmount,
  EmployeeGroup,
  OneTimeItem,
  PayRateItem,
  PerHeadBenefitItem,
  PremiumPayItem,
  RaiseStep,
  RaisesItem,
  Scenario,
} from "../engine/scenario/types";

export interface FormulaContext {
  scenario: Scenario;
  /** Defined name (or absolute reference) of the input at a path. */
  ref: (path: string) => string;
  /** Reference to the calculation cell holding an item's dollars for a fiscal year, or undefined when the item has none. */
  itemCell: (itemId: string, fy: number) => string | undefined;
  /** Raises items costed by a ComputeOptions.raisesCoster the sheet cannot see: written as values. */
  raisesCostedElsewhere?: boolean;
}

export interface ItemFormula {
  /** Formula text without the leading "=". */
  formula: string;
  /** What the formula does, in words, with the calendar counts it uses. */
  note: string;
}

const paren = (x: string) => `(${x})`;

function covered(scenario: Scenario, groupIds: string[] | undefined): EmployeeGroup[] {
  return groupIds ? scenario.groups.filter((g) => groupIds.includes(g.id)) : scenario.groups;
}

function sumOf(terms: string[]): string {
  return terms.length === 0 ? "0" : terms.join("+");
}

/** Share of a fiscal year on or after `effective` as a whole-number fraction (calendar.fractionOfFiscalYear). */
function shareAfter(scenario: Scenario, effective: string, fy: number): { num: number; den: number } {
  const { fiscalYearStartMonth: m, firstPayPeriodStart } = scenario.agreement;
  const start = dayOrdinal(fiscalYearStart(fy, m));
  const end = dayOrdinal(fiscalYearEndExclusive(fy, m));
  const eff = dayOrdinal(effective);
  if (scenario.settings.proration === "days") {
    const den = end - start;
    return { num: eff <= start ? den : eff >= end ? 0 : end - eff, den };
  }
  const periods = payPeriodStartsOfFiscalYear(fy, m, firstPayPeriodStart);
  const den = periods.length;
  if (eff <= start) return { num: den, den };
  if (eff >= end) return { num: 0, den };
  return { num: periods.filter((p) => dayOrdinal(p) >= eff).length, den };
}

/**
 * A salary level as an expression; `sum` marks a top-level "+" so it is parenthesized before
 * being multiplied. Percent steps chain as a*(1+r1)*(1+r2) rather than nesting, which keeps
 * deep schedules inside Excel's 64-level nesting limit.
 */
interface Level {
  expr: string;
  sum: boolean;
}

function raisesFormula(item: RaisesItem, ctx: FormulaContext, fy: number): ItemFormula {
  const indexed = item.steps.map((s, i) => ({ s, i }));
  indexed.sort((a, b) => a.s.fiscalYear - b.s.fiscalYear || a.s.effective.localeCompare(b.s.effective));
  const factor = (level: Level) => (level.sum ? paren(level.expr) : level.expr);
  const apply = (level: Level, step: RaiseStep, index: number): Level => {
    const amount = ctx.ref(`items.${item.id}.steps.${index}.amount`);
    return step.type === "percent"
      ? { expr: `${factor(level)}*(1+${amount})`, sum: false }
      : { expr: `${level.expr}+${amount}`, sum: true };
  };
  const notes = new Set<string>();
  const inYear = indexed.filter(({ s }) => s.fiscalYear === fy);
  // Share of the year after each in-year raise, as whole periods (or days) of the same year.
  const after = inYear.map(({ s }) => shareAfter(ctx.scenario, s.effective, fy));
  const den = after[0]?.den ?? 1;
  const terms = covered(ctx.scenario, item.groupIds).map((g) => {
    const base = ctx.ref(`groups.${g.id}.averageSalary`);
    let level: Level = { expr: base, sum: false };
    for (const { s, i } of indexed) if (s.fiscalYear <= fy - 1) level = apply(level, s, i);
    const segments: { level: Level; num: number }[] = [];
    let beforeNum = den;
    inYear.forEach(({ s, i }, k) => {
      const a = after[k]!;
      segments.push({ level, num: beforeNum - a.num });
      if (a.num !== a.den) notes.add(`raise of ${s.effective} in force ${a.num}/${a.den} of FY${fy} (${ctx.scenario.settings.proration})`);
      level = apply(level, s, i);
      beforeNum = a.num;
    });
    segments.push({ level, num: beforeNum });
    const live = segments.filter((seg) => seg.num !== 0);
    const average =
      live.length === 1 && live[0]!.num === den ? live[0]!.level.expr : sumOf(live.map((seg) => `${factor(seg.level)}*${seg.num}/${den}`));
    return `${ctx.ref(`groups.${g.id}.members`)}*(${average}-${base})`;
  });
  return {
    formula: sumOf(terms),
    note: `members x (average salary in force during FY${fy} - base average salary)${notes.size ? "; " + [...notes].join("; ") : ""}`,
  };
}

function payroll(ctx: FormulaContext, groups: EmployeeGroup[]): string {
  return sumOf(groups.map((g) => `${ctx.ref(`groups.${g.id}.members`)}*${ctx.ref(`groups.${g.id}.averageSalary`)}`));
}

/** rate x earnings, as lines/one-time.ts derives the earnings. */
function oneTimeRateTerm(item: OneTimeItem, ctx: FormulaContext): ItemFormula {
  const rate = ctx.ref(`items.${item.id}.rate`);
  if (item.earnings) return { formula: `${rate}*${ctx.ref(`items.${item.id}.earnings`)}`, note: "rate x earnings" };
  const raises = ctx.scenario.items.find((i): i is RaisesItem => i.kind === "raises" && i.id === item.earningsFromRaisesItem);
  if (raises) {
    const p = payroll(ctx, covered(ctx.scenario, item.groupIds ?? raises.groupIds));
    const first = raises.steps.findIndex((s) => s.type === "percent");
    const divisor = first >= 0 ? `(1+${ctx.ref(`items.${raises.id}.steps.${first}.amount`)})` : "1";
    return {
      formula: `${rate}*(${p})/${divisor}`,
      note: "rate x payroll before the first raise / (1 + first raise) (earnings derived: none stated)",
    };
  }
  return { formula: `${rate}*(${payroll(ctx, covered(ctx.scenario, item.groupIds))})`, note: "rate x members x average salary" };
}

function oneTimeFormula(item: OneTimeItem, ctx: FormulaContext, fy: number): ItemFormula {
  if (fy !== item.paidInFiscalYear) return { formula: "0", note: `one-time payment, paid in FY${item.paidInFiscalYear} only` };
  const byRate = oneTimeRateTerm(item, ctx);
  if (!item.amountPerMember) return byRate;
  // The engine skips the earnings base when the rate is 0; the sheet keeps the term so editing the rate works (0 x earnings = 0).
  const members = sumOf(covered(ctx.scenario, item.groupIds).map((g) => ctx.ref(`groups.${g.id}.members`)));
  return {
    formula: `${byRate.formula}+(${members})*${ctx.ref(`items.${item.id}.amountPerMember`)}`,
    note: `${byRate.note} + covered members x amount per member`,
  };
}

function payRateInForce(item: PayRateItem, fy: number): boolean {
  return item.startFiscalYear === undefined || fy >= item.startFiscalYear;
}

function premiumFormula(item: PremiumPayItem, ctx: FormulaContext, fy: number): ItemFormula {
  if (fy < item.firstFiscalYear) return { formula: "0", note: `starts in FY${item.firstFiscalYear}` };
  const at = (k: string) => ctx.ref(`items.${item.id}.${k}`);
  let annual: string;
  if (item.annualAmount) annual = at("annualAmount");
  else {
    const loadings = ctx.scenario.items.filter(
      (i): i is PayRateItem => i.kind === "payRate" && item.loadingItemIds.includes(i.id) && payRateInForce(i, fy),
    );
    annual = `${at("units")}*${at("hoursPerUnit")}*${at("hourlyRate")}*(1+${sumOf(loadings.map((l) => ctx.ref(`items.${l.id}.rate`)))})`;
  }
  const years = fy - item.firstFiscalYear;
  if (years === 0)
    return { formula: `${annual}*${at("yearsPaidInFirstYear")}`, note: "annual premium x years paid in the first year (incl. retro)" };
  return { formula: `${annual}*(1+${at("growthRate")})^${years}`, note: `annual premium x (1 + growth)^${years}` };
}

function amountInForce(item: PerHeadBenefitItem, year: number): { entry: DatedAmount; index: number } | undefined {
  let best: { entry: DatedAmount; index: number } | undefined;
  item.amounts.forEach((entry, index) => {
    if (entry.year <= year && (!best || entry.year > best.entry.year)) best = { entry, index };
  });
  return best;
}

/** Months or pay periods of the fiscal year counted, grouped by the year whose rate applies (lines/per-head-benefit.ts). */
function benefitBuckets(item: PerHeadBenefitItem, scenario: Scenario, fy: number): { rateYear: number; count: number }[] {
  const { fiscalYearStartMonth: m, firstPayPeriodStart } = scenario.agreement;
  const dates =
    item.frequency === "monthly"
      ? monthsOfFiscalYear(fy, m).map((x) => x.firstDay)
      : payPeriodStartsOfFiscalYear(fy, m, firstPayPeriodStart);
  const counted = item.countFrom ? dates.filter((d) => d >= item.countFrom!.date) : dates;
  const byYear = new Map<number, number>();
  for (const d of counted) {
    const rateYear =
      item.basis === "fiscalYear"
        ? fiscalYearOfDate(d, m)
        : scenario.settings.calendarToFiscal === "calendarYearOfFiscalYearEnd"
          ? fy
          : Number.parseInt(d.slice(0, 4), 10);
    byYear.set(rateYear, (byYear.get(rateYear) ?? 0) + 1);
  }
  return [...byYear.entries()].sort((a, b) => a[0] - b[0]).map(([rateYear, count]) => ({ rateYear, count }));
}

function benefitFormula(item: PerHeadBenefitItem, ctx: FormulaContext, fy: number): ItemFormula {
  const heads = item.headcount
    ? ctx.ref(`items.${item.id}.headcount`)
    : paren(sumOf(covered(ctx.scenario, item.groupIds).map((g) => ctx.ref(`groups.${g.id}.members`))));
  const baseline = amountInForce(item, item.baselineYear);
  const baseRef = baseline ? ctx.ref(`items.${item.id}.amounts.${baseline.entry.year}`) : "0";
  const unit = item.frequency === "monthly" ? "months" : "pay periods";
  const prefix = item.basis === "fiscalYear" ? "FY" : "CY";
  const parts = benefitBuckets(item, ctx.scenario, fy).map((b) => {
    const inForce = amountInForce(item, b.rateYear);
    const increase = inForce ? `(${ctx.ref(`items.${item.id}.amounts.${inForce.entry.year}`)}-${baseRef})` : "0";
    return { term: `${b.count}*${increase}`, words: `${b.count} ${unit} at the ${prefix}${b.rateYear} rate` };
  });
  const countFrom = item.countFrom ? ` counted from ${item.countFrom.date}` : "";
  return {
    formula: parts.length === 0 ? "0" : `${heads}*(${parts.map((p) => p.term).join("+")})`,
    note: `headcount x sum of (${unit} x increase over the ${prefix}${item.baselineYear} baseline): ${parts.map((p) => p.words).join(", ") || "none"}${countFrom}`,
  };
}

/** Suffixes the schedule method adds to a raises item (lines/schedule-raises.ts); a rate of pay is due on them too. */
const SCHEDULE_PARTS = ["", ".steps", ".turnover"];

/**
 * The part of a target item's cost (one cell: the item, or its schedule-method step or turnover
 * part) that falls on a group-limited rate's groups, exactly as lines/pay-rate.ts groupPart:
 * items costed per group are recomputed for the shared groups; an undivided amount is split by
 * the shared groups' share of the target's covered payroll. Undefined when no group is shared.
 */
function groupPartFormula(
  rate: PayRateItem,
  target: CostItem,
  cell: string,
  ctx: FormulaContext,
  fy: number,
  notes: Set<string>,
): string | undefined {
  const targetGroups = covered(ctx.scenario, target.groupIds);
  const sharedGroups = targetGroups.filter((g) => rate.groupIds!.includes(g.id));
  if (sharedGroups.length === targetGroups.length) return cell;
  if (sharedGroups.length === 0) {
    notes.add(`${target.id} covers none of the rate's groups`);
    return undefined;
  }
  const shared = sharedGroups.map((g) => g.id);
  const bySchedule = ctx.scenario.settings.salaryMethod === "schedule";
  let recomputed: ItemFormula | undefined;
  if (target.kind === "raises" && !bySchedule) recomputed = raisesFormula({ ...target, groupIds: shared }, ctx, fy);
  else if (target.kind === "oneTime" && !target.earnings) recomputed = oneTimeFormula({ ...target, groupIds: shared }, ctx, fy);
  else if (target.kind === "perHeadBenefit" && !target.headcount) recomputed = benefitFormula({ ...target, groupIds: shared }, ctx, fy);
  if (recomputed) {
    notes.add(`${target.id} recomputed for ${shared.join(", ")}`);
    return paren(recomputed.formula);
  }
  const all = payroll(ctx, targetGroups);
  notes.add(`${target.id} x payroll share of ${shared.join(", ")}`);
  return `${cell}*IF((${all})=0,0,(${payroll(ctx, sharedGroups)})/(${all}))`;
}

function payRateFormula(item: PayRateItem, ctx: FormulaContext, fy: number): ItemFormula {
  if (!payRateInForce(item, fy)) return { formula: "0", note: `starts in FY${item.startFiscalYear}` };
  const notes = new Set<string>();
  const bases = item.appliesTo.flatMap((id) => {
    const target = item.groupIds ? ctx.scenario.items.find((i) => i.id === id) : undefined;
    return SCHEDULE_PARTS.map((suffix) => {
      const cell = ctx.itemCell(id + suffix, fy);
      return cell === undefined || !target ? cell : groupPartFormula(item, target, cell, ctx, fy, notes);
    });
  });
  const terms = bases.filter((c): c is string => c !== undefined);
  const limited = item.groupIds ? ` for ${item.groupIds.join(", ")} only${notes.size ? ` (${[...notes].join("; ")})` : ""}` : "";
  return { formula: `${ctx.ref(`items.${item.id}.rate`)}*(${sumOf(terms)})`, note: `rate x (${item.appliesTo.join(" + ")})${limited}` };
}

/** The item's dollars in `fy` as a formula; undefined for an item the sheet cannot express (a census-costed raises item). */
export function itemFormula(item: CostItem, ctx: FormulaContext, fy: number): ItemFormula | undefined {
  switch (item.kind) {
    case "raises":
      return ctx.scenario.settings.salaryMethod === "schedule" || ctx.raisesCostedElsewhere ? undefined : raisesFormula(item, ctx, fy);
    case "oneTime":
      return oneTimeFormula(item, ctx, fy);
    case "premiumPay":
      return premiumFormula(item, ctx, fy);
    case "perHeadBenefit":
      return benefitFormula(item, ctx, fy);
    case "payRate":
      return payRateFormula(item, ctx, fy);
    case "fixedAmounts": {
      const key = `FY${fy}`;
      return item.amounts[key]
        ? { formula: ctx.ref(`items.${item.id}.amounts.${key}`), note: "amount entered" }
        : { formula: "0", note: "no amount entered for this year" };
    }
  }
}
