/**
 * Raises: for each covered group, members x (salary level in force during the fiscal year - base
 * salary), or the same on the group's payroll or on each position's salary. Percent steps compound,
 * flat steps (dollars a year per member) accumulate; a step effective after its fiscal year's
 * first day is prorated by pay periods or days (settings.proration). With every raise on the first
 * day of the year this is payroll x (cumulative raise factor - 1). Under the schedule method the
 * census is priced on the salary schedules instead (raises-schedule.ts).
 */
import { z } from "zod";
import { fractionOfFiscalYear, periodsInFiscalYear, shareOfFiscalYearAfter } from "../calendar";
import { Decimal, ONE, ZERO, sum } from "../decimal";
import type { Explanation } from "../explain";
import { param, type FieldSpec, type Param } from "../fields";
import { dec, filledRef, filledShare, groupMembers, groupPayroll, paramLeaf, type Group } from "../scenario/groups";
import { dateSchema, keySchema, sourceSchema, strict, yearSchema } from "../scenario/zod-kit";
import { fiscalYearEndExclusive, fiscalYearOfDate, fiscalYearStart, prorationUnit, prorationWords } from "../calendar";
import { coveredGroups, combine, field, fundShareFields, itemBaseShape, itemLabel, moneyText, paren, sumOf } from "./common";
import { dateWords, dollarsText, percentText as ratePercent, percentWords, raiseBoundsText } from "../words";
import { defineKind, type CostContext, type FormulaContext, type ItemCell } from "./kind";
import { scheduleRaisesParts } from "./raises-schedule";
import { raisesFast } from "./raises-fast";

/**
 * Census cells the schedule method prices: the census's own (the reference census has 390), at most
 * what projection can hold (4 schedules x 9 lanes x 16 steps x 22 years of service, years capped at 21).
 */
const censusCells = (s: { scheduleMethod?: { census: object } | undefined }) =>
  Math.min(
    12_672,
    s.scheduleMethod && "cells" in s.scheduleMethod.census
      ? Math.max(400, (s.scheduleMethod.census as { cells: unknown[] }).cells.length)
      : 400,
  );

const FIELDS = {
  percent: {
    label: "Raise (percent)",
    unit: "rate",
    min: "-1",
    minExclusive: true,
    max: "1",
    help: "An across-the-board raise as a rate (0.02 = 2%); compounds on this item's earlier steps, not on other raises items'.",
    expects: "the contract article",
  },
  flat: {
    label: "Raise (flat)",
    unit: "USD/year",
    min: "0",
    help: "Dollars a year added to each member's salary; accumulates with earlier flat raises.",
    expects: "the contract article",
  },
  minimum: {
    label: "Minimum salary (dollars a year)",
    unit: "USD/year",
    min: "0",
    help:
      'A salary each member is raised to if paid less ("raise the minimum salary to $40,000"); later percent steps compound on the result. ' +
      "On a group given as members and an average salary, or as a payroll, the minimum is applied to the average salary: " +
      "exact only if salaries are near the average; give positions for a per-position minimum.",
    expects: "the bill or contract article",
  },
  atLeast: {
    label: "Raise floor (dollars a year)",
    unit: "USD/year",
    min: "0",
    help:
      'The least a percent raise gives each member, in dollars a year ("3% or $1,000, whichever is greater"). ' +
      "On a group given as members and an average salary, or as a payroll, the floor is applied to the average salary: " +
      "exact only if salaries are near the average; give positions for a per-position floor.",
    expects: "the contract article",
  },
  atMost: {
    label: "Raise cap (dollars a year)",
    unit: "USD/year",
    min: "0",
    minExclusive: true,
    help:
      'The most a percent raise gives each member, in dollars a year ("2.5%, capped at $2,000 a year"). ' +
      "On a group given as members and an average salary, or as a payroll, the cap is applied to the average salary: " +
      "exact only if salaries are near the average; give positions for a per-position cap.",
    expects: "the contract article",
  },
  periodsPaid: {
    label: "Periods paid in the first year",
    unit: "count",
    min: "0",
    help: "Pay periods (or months, or days, by the proration setting) of its fiscal year in which the raise is paid, when the note states it (e.g. 7 payrolls when pay runs in arrears).",
    expects: "the fiscal note",
  },
  periodsPerYear: {
    label: "Periods in that year",
    unit: "count",
    min: "1",
    help: "The periods that fiscal year holds, when stated (24 semimonthly payrolls); counted from the calendar when absent.",
    expects: "the fiscal note or the payroll calendar",
  },
} satisfies Record<string, FieldSpec>;

const stepBase = {
  id: keySchema.optional().describe("The step's key in input paths; defaults to its effective date."),
  fiscalYear: yearSchema.describe("The fiscal year the step takes effect in."),
  effective: dateSchema.describe("The date it takes effect; prorated inside its fiscal year when not the first day."),
  source: sourceSchema,
  periodsPaid: strict({ count: param(FIELDS.periodsPaid), perYear: param(FIELDS.periodsPerYear).optional() })
    .optional()
    .describe(
      "The share of its fiscal year the step is paid, as stated periods (7 of 24 payrolls) instead of counted from the effective date.",
    ),
};
/**
 * A flat or minimum step is a dollar amount already: a floor or cap on it would be a second amount
 * the engine would have to pick between.
 */
const onlyOnPercent = (key: string, type: "flat" | "minimum") =>
  z
    .never({
      error:
        `${key} applies only to a percent step ("3% or $1,000, whichever is greater"); ` +
        (type === "flat" ? "a flat step is already a dollar amount" : "a minimum step is already a salary in dollars"),
    })
    .optional();
const stepSchema = z.discriminatedUnion("type", [
  strict({
    ...stepBase,
    type: z.literal("percent"),
    amount: param(FIELDS.percent),
    atLeast: param(FIELDS.atLeast)
      .optional()
      .describe("A dollar floor: the raise per member is the larger of salary x percent and this (USD/year)."),
    atMost: param(FIELDS.atMost)
      .optional()
      .describe("A dollar cap: the raise per member is the smaller of salary x percent and this (USD/year)."),
  }),
  strict({
    ...stepBase,
    type: z.literal("flat"),
    amount: param(FIELDS.flat),
    atLeast: onlyOnPercent("atLeast", "flat"),
    atMost: onlyOnPercent("atMost", "flat"),
  }),
  strict({
    ...stepBase,
    type: z.literal("minimum"),
    amount: param(FIELDS.minimum).describe("The minimum salary (USD/year): each salary below it is raised to it."),
    atLeast: onlyOnPercent("atLeast", "minimum"),
    atMost: onlyOnPercent("atMost", "minimum"),
  }),
]);
export type RaiseStep = z.infer<typeof stepSchema>;

const schema = strict(
  { ...itemBaseShape, kind: z.literal("raises"), steps: z.array(stepSchema).max(200) },
  "Raises: percent steps compound, flat steps accumulate, minimum steps raise salaries below a minimum to it; mid-year steps are prorated.",
);
export type RaisesItem = z.infer<typeof schema>;

export const stepKey = (s: RaiseStep): string => s.id ?? s.effective;
export const stepBasePath = (item: { id: string }, s: RaiseStep): string => `items.${item.id}.steps.${stepKey(s)}`;
export const stepPath = (item: { id: string }, s: RaiseStep): string => `${stepBasePath(item, s)}.amount`;

export function sortedSteps(item: RaisesItem): RaiseStep[] {
  return [...item.steps].sort((a, b) => a.fiscalYear - b.fiscalYear || a.effective.localeCompare(b.effective));
}

/**
 * One salary base a raise applies to: members at an average salary, a position's count at its
 * salary, or a whole payroll (multiplier 1, a flat raise then adds dollars x members).
 */
export interface SalaryBase {
  label: string;
  /** What one unit of `base` is: a position's salary, a group's average salary, its payroll, or nothing stated (headcount alone). */
  form: "position" | "average" | "payroll" | "headcount";
  multiplier: Decimal;
  base: Decimal;
  /** Members a flat step's dollars are multiplied by when the base is a whole payroll. */
  flatScale?: Decimal;
  leaves: Explanation[];
  /** Formula pieces for the workbook. */
  refs: (ctx: FormulaContext) => { multiplier: string; base: string; flatScale?: string };
}

export function salaryBases(g: Group): SalaryBase[] {
  // Under a vacancy rate only the filled share is paid: each headcount multiplier (or a whole payroll
  // and the members its flat steps scale by) is taken x (1 - vacancy rate), here and nowhere else.
  const ref = (ctx: FormulaContext, path: string) => filledRef(g, ctx.ref(path), ctx);
  if (g.positions)
    return g.positions.map((p) => {
      const countPath = `groups.${g.id}.positions.${p.id}.count`;
      const count = filledShare(
        g,
        { exact: dec(p.count), explanation: paramLeaf(p.count, countPath, "members") },
        "count",
        "members",
        `${g.label}, ${p.label}: filled count`,
      );
      return {
        label: `${g.label}, ${p.label}`,
        form: "position" as const,
        multiplier: count.exact,
        base: dec(p.salary),
        leaves: [count.explanation, paramLeaf(p.salary, `groups.${g.id}.positions.${p.id}.salary`, "USD/year")],
        refs: (ctx) => ({ multiplier: ref(ctx, countPath), base: ctx.ref(`groups.${g.id}.positions.${p.id}.salary`) }),
      };
    });
  if (g.payroll) {
    const members = groupMembers(g);
    const payroll = groupPayroll(g);
    return [
      {
        label: g.label,
        form: "payroll",
        multiplier: ONE,
        base: payroll.exact,
        ...(members ? { flatScale: members.exact } : {}),
        leaves: [payroll.explanation, ...(members ? [members.explanation] : [])],
        refs: (ctx) => ({
          multiplier: "1",
          base: ref(ctx, `groups.${g.id}.payroll`),
          ...(members ? { flatScale: ref(ctx, `groups.${g.id}.members`) } : {}),
        }),
      },
    ];
  }
  const members = groupMembers(g)!;
  if (!g.averageSalary)
    // Headcount alone: flat steps add dollars per member to a salary the note does not state (validation refuses percent steps here).
    return [
      {
        label: g.label,
        form: "headcount",
        multiplier: members.exact,
        base: ZERO,
        leaves: [members.explanation],
        refs: (ctx) => ({ multiplier: ref(ctx, `groups.${g.id}.members`), base: "0" }),
      },
    ];
  return [
    {
      label: g.label,
      form: "average",
      multiplier: members.exact,
      base: dec(g.averageSalary),
      leaves: [members.explanation, paramLeaf(g.averageSalary, `groups.${g.id}.averageSalary`, "USD/year")],
      refs: (ctx) => ({ multiplier: ref(ctx, `groups.${g.id}.members`), base: ctx.ref(`groups.${g.id}.averageSalary`) }),
    },
  ];
}

/** Whether a step is a percent raise with a dollar floor or cap ("3% or $1,000, whichever is greater"). */
export const isClamped = (s: RaiseStep): boolean => s.type === "percent" && (s.atLeast !== undefined || s.atMost !== undefined);

/**
 * Whether a step's raise turns on each member's own salary (a floor, a cap, a minimum salary), so
 * that on an average salary it is only an estimate and the schedule method cannot price it.
 */
export const isPerSalary = (s: RaiseStep): boolean => isClamped(s) || s.type === "minimum";

/**
 * The level after one step. A minimum step lifts the level to the minimum if below it. A clamped
 * percent step raises by level x percent held between its floor and cap; `level` is one member's salary (the floor as stated) or a payroll, whose members
 * (flatScale) scale the floor, so the clamp then falls on the average salary. Validation makes
 * every group a clamped step covers state its members.
 */
export function applyStep(level: Decimal, step: RaiseStep, flatScale?: Decimal): Decimal {
  const amount = dec(step.amount);
  if (step.type === "flat") return level.plus(flatScale ? amount.times(flatScale) : amount);
  // On a payroll the minimum is members x the minimum: the average salary held at or above it.
  if (step.type === "minimum") return Decimal.max(level, flatScale ? amount.times(flatScale) : amount);
  if (!isClamped(step)) return level.times(ONE.plus(amount));
  const perMember = (p: Param) => (flatScale ? dec(p).times(flatScale) : dec(p));
  let raise = level.times(amount);
  if (step.atLeast) raise = Decimal.max(raise, perMember(step.atLeast));
  if (step.atMost) raise = Decimal.min(raise, perMember(step.atMost));
  return level.plus(raise);
}

/**
 * How the floors, caps and minimum salaries of `steps` fall on a salary base, for the explanation.
 * On an average the words say plainly what that misses: the break-even salary (floor / percent) a
 * member's raise turns on, and the members below a minimum an average above it does not show.
 */
export function clampWords(form: SalaryBase["form"], steps: readonly RaiseStep[]): string {
  const clamped = steps.filter(isClamped);
  const minimums = steps.filter((s) => s.type === "minimum");
  const floor = clamped.some((s) => s.atLeast);
  const cap = clamped.some((s) => s.atMost);
  const bounds = floor && cap ? "floor and cap" : floor ? "floor" : cap ? "cap" : "";
  const whats = [...(bounds ? [`dollar ${bounds}`] : []), ...(minimums.length ? ["minimum salary"] : [])];
  const what = whats.join(" and ");
  const perPosition = [...(bounds ? [bounds] : []), ...(minimums.length ? ["minimum"] : [])].join(" and ");
  if (form === "position") return `${what} applied to each position's salary (exact per position)`;
  const evens = clamped.flatMap((s) => {
    const rate = dec(s.amount);
    if (!rate.isPositive() || rate.isZero()) return [];
    const one = (p: Param | undefined, who: string) =>
      p ? [`${who} ${dollarsText(p.value)} / ${ratePercent(rate)} = ${dollarsText(dec(p).div(rate), 2)}`] : [];
    return [...one(s.atLeast, "members below"), ...one(s.atMost, "members above")];
  });
  const below = [...new Set(minimums.map((s) => dollarsText(s.amount.value)))].map(
    (m) => `members paid below ${m} are raised to it even when the average is not`,
  );
  const on = form === "payroll" ? "the average salary (payroll / members)" : "the average salary";
  return (
    `${what} applied to ${on}: exact only if salaries are near the average` +
    (evens.length ? ` (break-even salaries: ${evens.join("; ")} get a raise the average does not show)` : "") +
    (below.length ? ` (${below.join("; ")})` : "") +
    `; give positions for a per-position ${perPosition}`
  );
}

/**
 * The rules of the per-salary steps among `steps` and how they fall on the base, as a clause
 * ("; salaries below $40,000 raised to $40,000; minimum salary applied to ..."), or "" with none.
 */
function perSalaryWords(form: SalaryBase["form"], steps: readonly RaiseStep[]): string {
  if (!steps.some(isPerSalary)) return "";
  const rules = [
    ...(steps.some(isClamped) ? [CLAMP_RULE] : []),
    ...steps.filter((s) => s.type === "minimum").map((s) => `${minimumRule(s)} (effective ${s.effective})`),
  ];
  return `; ${rules.join("; ")}; ${clampWords(form, steps)}`;
}

/** "salaries below $40,000 raised to $40,000". */
const minimumRule = (s: RaiseStep) => `salaries below ${dollarsText(s.amount.value)} raised to ${dollarsText(s.amount.value)}`;

/** Salary level after every step effective up to and including fiscal year `fy`, from `base`. */
export function levelAfter(base: Decimal, steps: readonly RaiseStep[], fy: number, flatScale?: Decimal): Decimal {
  let level = base;
  for (const s of steps) if (s.fiscalYear <= fy) level = applyStep(level, s, flatScale);
  return level;
}

/** The share of the step's fiscal year from the step on: stated periods paid, or counted from its effective date. */
function shareAfter(s: RaiseStep, fy: number, ctx: Pick<CostContext, "calendar" | "scenario">): Decimal {
  const method = ctx.scenario.settings.proration;
  if (!s.periodsPaid || s.fiscalYear !== fy) return fractionOfFiscalYear(s.effective, fy, ctx.calendar, method);
  const per = s.periodsPaid.perYear ? dec(s.periodsPaid.perYear) : new Decimal(periodsInFiscalYear(fy, ctx.calendar, method));
  return dec(s.periodsPaid.count).div(per);
}

/** The salary levels in force during `fy`, each with its share of the year. */
function segmentsOfYear(ctx: CostContext, b: SalaryBase, steps: readonly RaiseStep[], fy: number): { level: Decimal; share: Decimal }[] {
  let level = levelAfter(b.base, steps, fy - 1, b.flatScale);
  const segments: { level: Decimal; share: Decimal }[] = [];
  let shareBefore = ONE;
  for (const s of steps.filter((x) => x.fiscalYear === fy)) {
    const after = shareAfter(s, fy, ctx);
    segments.push({ level, share: shareBefore.minus(after) });
    level = applyStep(level, s, b.flatScale);
    shareBefore = after;
  }
  segments.push({ level, share: shareBefore });
  return segments.filter((seg) => !seg.share.isZero());
}

const CLAMP_RULE = "a percent raise with a floor or cap adds level x percent held between them (floor and cap per member a year)";

/** A clamped step's floor and cap, as leaves of the explanation. */
function clampLeaves(item: RaisesItem, s: RaiseStep): Explanation[] {
  if (s.type !== "percent") return [];
  return (
    [
      ["atLeast", "floor"],
      ["atMost", "cap"],
    ] as const
  ).flatMap(([key, what]) => {
    const p = s[key];
    return p
      ? [{ ...paramLeaf(p, `${stepBasePath(item, s)}.${key}`, "USD/year"), label: `${p.label} (${what}, effective ${s.effective})` }]
      : [];
  });
}

/** What a per-salary step turns on: a clamped step's floor and cap, a minimum step's minimum. */
function perSalaryLeaves(item: RaisesItem, s: RaiseStep): Explanation[] {
  if (s.type !== "minimum") return clampLeaves(item, s);
  return [{ ...paramLeaf(s.amount, stepPath(item, s), "USD/year"), label: `${s.amount.label} (minimum salary, effective ${s.effective})` }];
}

/**
 * How much of its first fiscal year a mid-year step is paid, counted as the proration setting counts:
 * by months a step on the 2nd of a month starts with the next month, so the share is visible, not
 * only the cost it gives. None for a step in force the whole year.
 */
function inForceShareLeaf(s: RaiseStep, fy: number, ctx: Pick<CostContext, "calendar" | "scenario">): Explanation[] {
  const method = ctx.scenario.settings.proration;
  const { num, den } = shareOfFiscalYearAfter(s.effective, fy, ctx.calendar, method);
  if (num === den) return [];
  const { unit } = prorationUnit(method);
  const counted =
    method === "days"
      ? `the days from ${s.effective} to the year's end`
      : method === "monthsCountingFirst"
        ? `the months of FY${fy} from the month of ${s.effective} on`
        : `the ${unit} of FY${fy} starting on or after ${s.effective}`;
  return [
    {
      label: `Share of FY${fy} the step of ${s.effective} is paid: ${num} of ${den} ${unit}`,
      value: new Decimal(num).div(den).toString(),
      unit: "share",
      formula: `${counted}, of the year's ${den} (proration by ${prorationWords(method)})`,
      children: [],
    },
  ];
}

/** "5,776 x " before a headcount's salary; nothing before a whole payroll (its multiplier is 1, which the formula does not name). */
const timesMultiplier = (b: SalaryBase): string => (b.form === "payroll" ? "" : `${b.multiplier} x `);

function baseCell(item: RaisesItem, b: SalaryBase, steps: RaiseStep[], ctx: CostContext, fy: number): ItemCell {
  const segments = segmentsOfYear(ctx, b, steps, fy);
  const average = sum(segments.map((s) => s.level.times(s.share)));
  const cost = b.multiplier.times(average.minus(b.base));
  const inForce = steps.filter((s) => s.fiscalYear <= fy);
  const stepLeaves: Explanation[] = inForce.flatMap((s) => [
    {
      ...paramLeaf(s.amount, stepPath(item, s), s.type === "percent" ? "rate" : "USD/year"),
      label: `${s.amount.label} (${s.type}, effective ${s.effective})`,
    },
    ...clampLeaves(item, s),
    ...(s.periodsPaid && s.fiscalYear === fy
      ? [
          paramLeaf(s.periodsPaid.count, `${stepBasePath(item, s)}.periodsPaid.count`, "count"),
          ...(s.periodsPaid.perYear ? [paramLeaf(s.periodsPaid.perYear, `${stepBasePath(item, s)}.periodsPaid.perYear`, "count")] : []),
        ]
      : s.fiscalYear === fy
        ? inForceShareLeaf(s, fy, ctx)
        : []),
  ]);
  const simple = segments.length === 1 && inForce.every((s) => s.type === "percent" && !isClamped(s));
  const factor = b.base.isZero() ? ZERO : average.div(b.base);
  const what = b.flatScale !== undefined || b.multiplier.equals(ONE) ? "payroll" : "salary";
  return {
    exact: cost,
    explanation: {
      label: `${item.label}: ${b.label} FY${fy}`,
      value: cost.toString(),
      unit: "USD",
      formula: simple
        ? `${what === "payroll" ? "payroll" : "members x average salary"} x (cumulative raise factor - 1)`
        : `${what === "payroll" ? "payroll in force during the fiscal year - base payroll" : "members x (average salary in force during the fiscal year - base salary)"}; mid-year raises prorated by ${prorationWords(ctx.scenario.settings.proration)}${inForce.some((s) => s.periodsPaid && s.fiscalYear === fy) ? " (periods paid as stated)" : ""}${perSalaryWords(b.form, inForce)}`,
      symbols: simple
        ? `${timesMultiplier(b)}${b.base} x (${factor.toString()} - 1)`
        : `${timesMultiplier(b)}(${moneyText(average)} - ${b.base})`,
      children: [...b.leaves, ...stepLeaves],
    },
  };
}

const bySchedule = (ctx: { scenario: { settings: { salaryMethod: string } } }) => ctx.scenario.settings.salaryMethod === "schedule";

function levelFormula(item: RaisesItem, ctx: FormulaContext, fy: number, refs: ReturnType<SalaryBase["refs"]>) {
  const indexed = sortedSteps(item);
  type Level = { expr: string; sum: boolean };
  const factor = (l: Level) => (l.sum ? paren(l.expr) : l.expr);
  const apply = (l: Level, s: RaiseStep): Level => {
    const amount = ctx.ref(stepPath(item, s));
    if (s.type === "percent" && isClamped(s)) {
      // The level appears twice (raise and base), so each clamped step doubles it: MAX_FORMULA_LENGTH bounds that.
      const perMember = (key: "atLeast" | "atMost") => {
        const ref = ctx.ref(`${stepBasePath(item, s)}.${key}`);
        return refs.flatScale ? `${ref}*${refs.flatScale}` : ref;
      };
      let raise = `${factor(l)}*${amount}`;
      if (s.atLeast) raise = `MAX(${raise},${perMember("atLeast")})`;
      if (s.atMost) raise = `MIN(${raise},${perMember("atMost")})`;
      return { expr: `${l.expr}+${raise}`, sum: true };
    }
    if (s.type === "percent") return { expr: `${factor(l)}*(1+${amount})`, sum: false };
    if (s.type === "minimum") return { expr: `MAX(${l.expr},${refs.flatScale ? `${amount}*${refs.flatScale}` : amount})`, sum: false };
    return { expr: `${l.expr}+${refs.flatScale ? `${amount}*${refs.flatScale}` : amount}`, sum: true };
  };
  const notes = new Set<string>();
  const inYear = indexed.filter((s) => s.fiscalYear === fy);
  const proration = ctx.scenario.settings.proration;
  const after = inYear.map((s) => shareOfFiscalYearAfter(s.effective, fy, ctx.calendar, proration));
  const den = after[0]?.den ?? 1;
  let level: Level = { expr: refs.base, sum: false };
  for (const s of indexed) if (s.fiscalYear <= fy - 1) level = apply(level, s);
  // Each segment runs from the start of the year (or a step's date) to the next step's date (or the year's end).
  const segments: { level: Level; num: number; from: string; to: string }[] = [];
  const yearStart = fiscalYearStart(fy, ctx.calendar.fiscalYearStartMonth);
  const yearEnd = fiscalYearEndExclusive(fy, ctx.calendar.fiscalYearStartMonth);
  let beforeNum = den;
  let from = yearStart;
  inYear.forEach((s, k) => {
    const a = after[k]!;
    segments.push({ level, num: beforeNum - a.num, from, to: s.effective });
    if (a.num !== a.den) notes.add(`raise of ${s.effective} in force ${a.num}/${a.den} of FY${fy} (${prorationWords(proration)})`);
    level = apply(level, s);
    beforeNum = a.num;
    from = s.effective;
  });
  segments.push({ level, num: beforeNum, from, to: yearEnd });
  const live = segments.filter((seg) => seg.num !== 0);
  const { unit, key: unitKey, Unit } = prorationUnit(proration);
  const count = (seg: (typeof segments)[number]) =>
    ctx.calendarCount({
      key: `${unitKey}.FY${fy}.${seg.from}..${seg.to}`,
      value: seg.num,
      unit,
      label: `${Unit} of FY${fy} from ${seg.from} to before ${seg.to}`,
    });
  const inYearCount = () => ctx.calendarCount({ key: `${unitKey}.FY${fy}`, value: den, unit, label: `${Unit} in FY${fy}` });
  const average =
    live.length === 1 && live[0]!.num === den
      ? live[0]!.level.expr
      : sumOf(live.map((seg) => `${factor(seg.level)}*${count(seg)}/${inYearCount()}`));
  const term = refs.multiplier === "1" ? `(${average}-${refs.base})` : `${refs.multiplier}*(${average}-${refs.base})`;
  return { term, notes };
}

/** "3%", "3% (at least $1,000 a year)", "$1,500 a year", "to at least $40,000 a year". */
function percentText(s: RaiseStep): string {
  if (s.type === "minimum") return `to at least ${dollarsText(s.amount.value)} a year`;
  return s.type === "percent"
    ? `${new Decimal(s.amount.value).times(100).toString()}%${boundsOf(s)}`
    : `${dollarsText(s.amount.value)} a year`;
}

const boundsOf = (s: RaiseStep) => raiseBoundsText(s.atLeast?.value, s.atMost?.value);

export const raises = defineKind<RaisesItem>({
  kind: "raises",
  title: "Raises",
  section: "Raises",
  summary:
    "Across-the-board raises: percent steps compound, flat steps (dollars a year per member) accumulate, and a step effective after its fiscal year's first day is prorated by pay periods or days. Cost = members x (salary in force - base salary), or payroll x (factor - 1).",
  schema,
  fieldSpecs: FIELDS,
  fields: (item) => [
    ...item.steps.flatMap((s) => [
      ...field(`steps.${stepKey(s)}.amount`, s.amount, FIELDS[s.type]),
      ...field(`steps.${stepKey(s)}.atLeast`, s.atLeast, FIELDS.atLeast),
      ...field(`steps.${stepKey(s)}.atMost`, s.atMost, FIELDS.atMost),
      ...(s.periodsPaid ? field(`steps.${stepKey(s)}.periodsPaid.count`, s.periodsPaid.count, FIELDS.periodsPaid) : []),
      ...(s.periodsPaid?.perYear ? field(`steps.${stepKey(s)}.periodsPaid.perYear`, s.periodsPaid.perYear, FIELDS.periodsPerYear) : []),
    ]),
    ...fundShareFields(item),
  ],
  check(item, ctx) {
    const errors: { field: string; message: string }[] = [];
    const err = (field: string, message: string) => errors.push({ field, message });
    const { scenario, years, at } = ctx;
    const { effectiveFrom, effectiveTo } = scenario.agreement;
    const startMonth = scenario.calendar.fiscalYearStartMonth;
    const seen = new Set<string>();
    for (const s of item.steps) {
      const where = `${at}.steps.${stepKey(s)}`;
      if (seen.has(stepKey(s)))
        err(where, `two steps take effect on ${s.effective}; give one of them an "id" so each has its own input path`);
      seen.add(stepKey(s));
      const last = years[years.length - 1]!;
      if (s.fiscalYear > last && !scenario.table.columns.annualized)
        err(
          `${where}.fiscalYear`,
          `FY${s.fiscalYear} is after the table's last fiscal year FY${last}; a later step counts only in an annualized column, which this table does not have`,
        );
      else if (s.fiscalYear < years[0]!)
        err(`${where}.fiscalYear`, `FY${s.fiscalYear} is before the table's first fiscal year FY${years[0]}`);
      if (s.periodsPaid && s.fiscalYear <= last) {
        const per = s.periodsPaid.perYear
          ? new Decimal(s.periodsPaid.perYear.value)
          : new Decimal(periodsInFiscalYear(s.fiscalYear, scenario.calendar, scenario.settings.proration));
        if (new Decimal(s.periodsPaid.count.value).greaterThan(per))
          err(
            `${where}.periodsPaid.count`,
            `${s.periodsPaid.count.value} periods paid is more than the ${per} periods of FY${s.fiscalYear}`,
          );
      }
      if (s.effective < effectiveFrom || s.effective > effectiveTo)
        err(`${where}.effective`, `${s.effective} is outside the agreement (${effectiveFrom} to ${effectiveTo})`);
      else if (s.effective >= fiscalYearEndExclusive(s.fiscalYear, startMonth))
        err(`${where}.effective`, `${s.effective} is after FY${s.fiscalYear} ends; put the raise in the fiscal year it takes effect`);
      // Proration counts from the step's fiscal year on, so the months it was in force before that year would cost nothing.
      else if (s.effective < fiscalYearStart(s.fiscalYear, startMonth))
        err(
          `${where}.effective`,
          `${s.effective} is before FY${s.fiscalYear} starts (${fiscalYearStart(s.fiscalYear, startMonth)}); ` +
            `put the raise in the fiscal year it takes effect (FY${fiscalYearOfDate(s.effective, startMonth)})`,
        );
      if (s.atLeast && s.atMost && new Decimal(s.atLeast.value).greaterThan(s.atMost.value))
        err(
          `${where}.atLeast`,
          `the floor ${dollarsText(s.atLeast.value)} a year is more than the cap ${dollarsText(s.atMost.value)} a year; ` +
            "the floor must be at most the cap",
        );
      if (isClamped(s) && scenario.settings.salaryMethod === "schedule")
        err(
          `${where}.${s.atLeast ? "atLeast" : "atMost"}`,
          "the schedule method prices percent raises on the salary schedules' printed cells; a raise with a dollar floor or cap needs the average-salary method",
        );
      if (s.type === "minimum" && scenario.settings.salaryMethod === "schedule")
        err(
          `${where}.type`,
          "the schedule method prices percent raises on the salary schedules' printed cells; a minimum salary step needs the average-salary method",
        );
      if (s.type === "flat" && scenario.settings.salaryMethod === "schedule")
        err(
          `${where}.type`,
          "the schedule method prices percent raises on the salary schedules; a flat-dollar raise needs the average-salary method",
        );
    }
    // The floor, cap or minimum applies to each member's level, payroll / members: no members, no level.
    const perMember = [
      ...(item.steps.some(isClamped) ? ["a dollar floor or cap"] : []),
      ...(item.steps.some((s) => s.type === "minimum") ? ["a minimum salary"] : []),
    ].join(" and ");
    if (perMember)
      for (const g of coveredGroups(scenario, item))
        if (g.payroll && g.members && dec(g.members).isZero())
          err(
            `groups.${g.id}.members`,
            `${item.label} has ${perMember} per member, but group "${g.id}" (${g.label}) states a payroll and 0 members; ` +
              "give the members the payroll pays",
          );
    return errors;
  },
  // A floor, cap or minimum on a payroll is per member: members x the floor.
  needsMembers: (item) => item.steps.some((s) => s.type === "flat" || isPerSalary(s)),
  // A minimum lifts a salary the group must state: with headcount alone every member would read as paid nothing.
  needsPayroll: (item) => item.steps.some((s) => s.type === "percent" || s.type === "minimum"),
  dependsOn: () => [],
  perGroup: (_item, ctx) => !bySchedule(ctx),
  cost(item, ctx, fy, only) {
    const steps = sortedSteps(item);
    const cells = coveredGroups(ctx.scenario, item, only).flatMap((g) => salaryBases(g).map((b) => baseCell(item, b, steps, ctx, fy)));
    return combine(itemLabel(item, fy, only, ctx.scenario), cells);
  },
  annualized(item, ctx, only) {
    if (bySchedule(ctx)) {
      const last = ctx.years[ctx.years.length - 1]!;
      const cell = ctx.costs.get(item.id)?.get(last);
      const v = cell?.exact ?? ZERO;
      return {
        exact: v,
        explanation: {
          label: itemLabel(item, "annualized"),
          value: v.toString(),
          unit: "USD",
          formula: `schedule method: the last fiscal year's cost (FY${last})`,
          children: cell ? [cell.explanation] : [],
        },
      };
    }
    const steps = sortedSteps(item);
    const cells = coveredGroups(ctx.scenario, item, only).flatMap((g) =>
      salaryBases(g).map((b): ItemCell => {
        const level = levelAfter(b.base, steps, Number.POSITIVE_INFINITY, b.flatScale);
        const v = b.multiplier.times(level.minus(b.base));
        return {
          exact: v,
          explanation: {
            label: `${item.label}: ${b.label} annualized`,
            value: v.toString(),
            unit: "USD",
            formula: `${b.form === "payroll" ? "payroll after every raise - base payroll" : "members x (salary after every raise - base salary)"}, for a full year${perSalaryWords(b.form, steps)}`,
            symbols: `${timesMultiplier(b)}(${moneyText(level)} - ${b.base})`,
            children: steps.some(isPerSalary) ? [...b.leaves, ...steps.flatMap((s) => perSalaryLeaves(item, s))] : b.leaves,
          },
        };
      }),
    );
    return combine(itemLabel(item, "annualized", only, ctx.scenario), cells);
  },
  companions: (item, ctx) => (bySchedule(ctx) ? scheduleRaisesParts(item, ctx) : undefined),
  formula(item, ctx, fy, only) {
    // Stated periods paid are values in the note, not a count the sheet could derive from the calendar.
    if (bySchedule(ctx) || item.steps.some((s) => s.periodsPaid && s.fiscalYear === fy)) return undefined;
    const notes = new Set<string>();
    const terms = coveredGroups(ctx.scenario, item, only).flatMap((g) =>
      salaryBases(g).map((b) => {
        const { term, notes: n } = levelFormula(item, ctx, fy, b.refs(ctx));
        n.forEach((x) => notes.add(x));
        const inForce = item.steps.filter((s) => s.fiscalYear <= fy);
        for (const s of inForce) if (s.type === "minimum") notes.add(minimumRule(s));
        if (inForce.some(isPerSalary)) notes.add(clampWords(b.form, inForce));
        return term;
      }),
    );
    return {
      formula: sumOf(terms),
      note: `members x (salary in force during FY${fy} - base salary)${notes.size ? "; " + [...notes].join("; ") : ""}`,
    };
  },
  describe(item) {
    const steps = sortedSteps(item);
    if (steps.length === 0) return `${item.label}: no raise.`;
    const parts = steps.map((s) => `${percentText(s)} effective ${s.effective}${s.amount.source.ref ? ` (${s.amount.source.ref})` : ""}`);
    return `${item.label}: salaries increase ${parts.join(", ")}.`;
  },
  provision(item) {
    const steps = sortedSteps(item);
    const refs = [...new Set(steps.map((s) => s.source.ref).filter((r) => r !== ""))];
    return {
      text: `${item.label}${refs.length ? ` (${refs.join(", ")})` : ""}: ${steps.length === 0 ? "no raise" : "increases to base salary by fiscal year"}.`,
      points: steps.map((s) => {
        const amount =
          s.type === "percent"
            ? `${percentWords(s.amount.value)}${boundsOf(s)}`
            : s.type === "minimum"
              ? `a minimum salary of ${dollarsText(s.amount.value)} a year`
              : `${dollarsText(s.amount.value)} a year`;
        const ref = s.amount.source.ref ? `; ${s.amount.source.ref}` : "";
        return `${amount} in fiscal year ${s.fiscalYear}, effective ${dateWords(s.effective)}${ref}`;
      }),
    };
  },
  fast: raisesFast,
  // Each base, each year: the salary level after every step so far, and its segments and explanation.
  work: (item, ctx) =>
    ctx.scenario.settings.salaryMethod === "schedule"
      ? ctx.years * 12 * censusCells(ctx.scenario)
      : ctx.years * ctx.bases(item) * (item.steps.length + 2),
});
