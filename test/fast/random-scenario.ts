/**
 * Random valid scenarios for the fast path's property test: both salary methods, every kind of
 * item, every kind of derived line, every display rule, mid-year raises, years before the
 * agreement, groups given three ways, vacancy rates on some groups, fund shares on groups and items, rates limited to some
 * groups, zero payrolls, round values that land exactly on rounding ties. Each scenario comes from
 * one seed, which fast-check draws and reports when a property fails.
 */
import { Decimal } from "../../model/engine/decimal";
import { dayOrdinal, fiscalYearEndExclusive, fiscalYearStart, isoFromDayOrdinal, periodsInFiscalYear } from "../../model/engine/calendar";
import { embedCensus } from "../../model/engine/schedule/method";
import { lanesOf } from "../../model/engine/schedule/step-movement";
import { SCHEDULE_KEYS, type Census } from "../../model/engine/schedule/types";
import type { InputEntry } from "../../model/engine/scenario/paths";
import type { CostItem, Group, Param, RaiseStep, Scenario, TableLine } from "../../model/engine/scenario/types";

/** mulberry32: a seed is all a failing case needs to reproduce (fast-check reports it). */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class R {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  bool(p = 0.5): boolean {
    return this.int(0, 999) < p * 1000;
  }
  pick<T>(xs: readonly T[]): T {
    return xs[this.int(0, xs.length - 1)]!;
  }
  subset<T>(xs: readonly T[], p = 0.5): T[] {
    return xs.filter(() => this.bool(p));
  }
  /**
   * A decimal string in [min, max] with up to `places` decimals; sometimes a round value (rounding
   * ties live there), now and then one with 20 significant digits (no double holds it exactly).
   */
  dec(min: number, max: number, places: number): string {
    const round = this.bool(0.25);
    const p = round ? Math.min(places, this.int(0, 2)) : places;
    const step = new Decimal(10).pow(-p);
    const n = this.int(Math.ceil(min * 10 ** p), Math.floor(max * 10 ** p)) + 0; // + 0: never "-0"
    const d = new Decimal(n).times(step);
    // Not from 0: a nonzero value below 1e-12 means nothing and is refused (VALUE_LIMITS.smallest).
    if (!round && this.bool(0.03) && !d.isZero()) {
      const nudged = d.plus(new Decimal(this.int(1, 9)).times("1e-19"));
      if (nudged.lessThanOrEqualTo(max)) return nudged.toFixed();
    }
    return d.toFixed();
  }
}
const SOURCE = { kind: "assumed" as const, ref: "random" };
const P = (value: string, label = "random input"): Param => ({ value, label, source: SOURCE });

function dateIn(r: R, from: string, toExclusive: string): string {
  const a = dayOrdinal(from);
  const b = dayOrdinal(toExclusive) - 1;
  return isoFromDayOrdinal(a >= b ? a : r.int(a, b));
}

export interface RandomOptions {
  method: "averageSalary" | "schedule";
}

export function randomScenario(seed: number, options: RandomOptions): Scenario {
  const r = new R(seed);
  const schedule = options.method === "schedule";
  const m = schedule ? r.pick([10, 7, 1, 10]) : r.pick([1, 7, 10, r.int(1, 12)]);
  const first = schedule ? 2025 : r.int(2019, 2031);
  const n = schedule ? r.int(1, 4) : r.int(1, 5);
  const years = Array.from({ length: n }, (_, i) => first + i);
  const fyStart = (fy: number) => fiscalYearStart(fy, m);
  const fyEnd = (fy: number) => fiscalYearEndExclusive(fy, m);
  // The agreement: from the first year's start, a day inside it, or a year later (the first year then costs nothing).
  const effectiveFrom = schedule
    ? r.pick([fyStart(first), dateIn(r, fyStart(first), fyEnd(first))])
    : r.pick([fyStart(first), dateIn(r, fyStart(first), fyEnd(first)), n > 1 ? fyStart(first + 1) : fyStart(first)]);
  const lastStart = fyStart(years[n - 1]!) > effectiveFrom ? fyStart(years[n - 1]!) : effectiveFrom;
  const effectiveTo = r.pick([isoFromDayOrdinal(dayOrdinal(fyEnd(years[n - 1]!)) - 1), dateIn(r, lastStart, fyEnd(years[n - 1]!))]);
  const agreementEnd = isoFromDayOrdinal(dayOrdinal(effectiveTo) + 1);
  const payFrequency = r.pick(["weekly", "biweekly", "semimonthly", "monthly"] as const);
  const anchorDay = payFrequency === "semimonthly" ? r.int(1, 13) : payFrequency === "monthly" ? r.int(1, 28) : r.int(1, 28);
  const anchorMonth = String(r.int(1, 12)).padStart(2, "0");
  const payPeriodAnchor = `${first - 1}-${anchorMonth}-${String(anchorDay).padStart(2, "0")}`;

  const funds = Array.from({ length: r.int(0, 2) }, (_, i) => ({ id: `fund${i + 1}`, label: `Fund ${i + 1}` }));
  const shares = (): Record<string, Param> | undefined => {
    if (funds.length === 0 || r.bool(0.4)) return undefined;
    const out: Record<string, Param> = {};
    let left = 10_000;
    for (const f of funds) {
      if (r.bool(0.3)) continue;
      const s = r.int(0, left);
      left -= s;
      out[f.id] = P(new Decimal(s).div(10_000).toFixed());
    }
    return Object.keys(out).length ? out : undefined;
  };

  const groups: Group[] = Array.from({ length: r.int(1, 3) }, (_, i) => {
    const id = `g${i + 1}`;
    const form = r.int(0, 2);
    const members = () => (r.bool(0.1) ? "0" : r.bool(0.15) ? r.dec(0, 500, 1) : r.dec(0, 20_000, 0));
    const g: Group =
      form === 0
        ? { id, label: `Group ${i + 1}`, members: P(members()), averageSalary: P(r.bool(0.05) ? "0" : r.dec(20_000, 250_000, 2)) }
        : form === 1
          ? {
              id,
              label: `Group ${i + 1}`,
              payroll: P(r.bool(0.05) ? "0" : r.dec(0, 900_000_000, 2)),
              // A payroll's members are never 0: a floor or cap per member (payroll / members) is refused there.
              ...(r.bool() ? { members: P(members().replace(/^0$/, "1")) } : {}),
            }
          : {
              id,
              label: `Group ${i + 1}`,
              positions: Array.from({ length: r.int(1, 3) }, (_, k) => ({
                id: `p${k + 1}`,
                label: `Position ${k + 1}`,
                count: P(members()),
                salary: P(r.dec(20_000, 250_000, 2)),
              })),
            };
    const fs = shares();
    return fs ? { ...g, fundShares: fs } : g;
  });
  const withHeads = groups.filter((g) => g.members || g.positions).map((g) => g.id);
  const groupIds = (needHeads: boolean): string[] | undefined => {
    const pool = needHeads ? withHeads : groups.map((g) => g.id);
    if (!needHeads && r.bool(0.6)) return undefined;
    const chosen = r.subset(pool, 0.6);
    if (chosen.length === 0) return needHeads ? (withHeads.length === groups.length ? undefined : [pool[0]!]) : undefined;
    return chosen.length === groups.length ? undefined : chosen;
  };

  const costLines = Array.from({ length: r.int(1, 4) }, (_, i) => `c${i + 1}`);
  const items: CostItem[] = [];
  const itemBase = (id: string, needHeads = false) => {
    const ids = groupIds(needHeads);
    const fs = r.bool(0.2) ? shares() : undefined;
    return { id, label: `Item ${id}`, line: r.pick(costLines), ...(ids ? { groupIds: ids } : {}), ...(fs ? { fundShares: fs } : {}) };
  };
  const inAgreement = (fy: number): [string, string] | null => {
    const from = fyStart(fy) > effectiveFrom ? fyStart(fy) : effectiveFrom;
    const to = fyEnd(fy) < agreementEnd ? fyEnd(fy) : agreementEnd;
    return from < to ? [from, to] : null;
  };

  // Raises: the schedule method prices one raises item's percent steps, FY2025 on, consecutive.
  const raisesIds: string[] = [];
  /**
   * Raises items whose first step is flat or a minimum, or whose first percent step has a floor or
   * cap: a oneTime cannot derive earnings from them.
   */
  const clampedFirst = new Set<string>();
  const raisesCount = schedule ? 1 : r.int(0, 2);
  for (let k = 0; k < raisesCount; k++) {
    const id = `r${k + 1}`;
    const steps: RaiseStep[] = [];
    const flatOk = !schedule && withHeads.length > 0 && r.bool(0.4);
    // A floor or cap ("3% or $1,000, whichever is greater") needs headcount on a payroll group, as flat steps do.
    const clampOk = !schedule && withHeads.length > 0 && r.bool(0.4);
    // A minimum salary ("raise the minimum salary to $40,000") needs headcount on a payroll group too;
    // the schedule method refuses it.
    const minimumOk = !schedule && withHeads.length > 0 && r.bool(0.3);
    for (const fy of schedule ? [] : years) {
      const window = inAgreement(fy);
      if (!window || r.bool(0.3)) continue;
      const dates = new Set<string>();
      const count = r.bool(0.2) ? 2 : 1;
      for (let c = 0; c < count; c++) dates.add(r.bool(0.6) ? window[0] : dateIn(r, window[0], window[1]));
      for (const effective of [...dates].sort()) {
        const flat = flatOk && r.bool(0.3);
        const amount = P(flat ? r.dec(0, 5000, 2) : r.dec(-0.05, 0.15, 4));
        // Minimums across the salaries drawn (20,000-250,000), so some bind and some do not.
        if (minimumOk && r.bool(0.35))
          steps.push({ fiscalYear: fy, type: "minimum", amount: P(r.dec(0, 150_000, 2)), effective, source: SOURCE });
        else if (flat) steps.push({ fiscalYear: fy, type: "flat", amount, effective, source: SOURCE });
        else {
          const kind = clampOk ? r.int(0, 3) : 0;
          const atLeast = kind === 1 || kind === 3 ? r.dec(0, 5000, 2) : undefined;
          // A cap at or above the floor (validation refuses a floor over the cap).
          const atMost = kind === 2 || kind === 3 ? new Decimal(atLeast ?? "0").plus(r.dec(0.01, 8000, 2)).toFixed() : undefined;
          steps.push({
            fiscalYear: fy,
            type: "percent",
            amount,
            ...(atLeast !== undefined ? { atLeast: P(atLeast) } : {}),
            ...(atMost !== undefined ? { atMost: P(atMost) } : {}),
            effective,
            source: SOURCE,
          });
        }
      }
    }
    if (schedule) {
      // The schedule method needs one raise term a year from FY2025 on; half are the printed adjustments.
      for (const [idx, fy] of years.entries()) {
        const window = inAgreement(fy);
        if (!window) throw new Error(`no window FY${fy} ${effectiveFrom} ${effectiveTo} m=${m} ${fyStart(fy)} ${fyEnd(fy)}`);
        const printed = ["0.02", "0.03", "0.03", "0.04"][idx]!;
        steps.push({
          fiscalYear: fy,
          type: "percent",
          amount: P(r.bool(0.5) ? printed : r.dec(-0.02, 0.1, 4)),
          effective: r.bool(0.7) ? window[0] : dateIn(r, window[0], window[1]),
          source: SOURCE,
        });
      }
    }
    const clamped = (s: RaiseStep) => s.type === "percent" && (s.atLeast !== undefined || s.atMost !== undefined);
    const base = itemBase(
      id,
      steps.some((s) => s.type === "flat" || s.type === "minimum" || clamped(s)),
    );
    const sorted = [...steps].sort((a, b) => a.fiscalYear - b.fiscalYear || a.effective.localeCompare(b.effective));
    const first = sorted.find((s) => s.type === "percent");
    // Earnings derived from a raises item take out its first raise, which must be a percent without a floor or cap.
    if ((first && clamped(first)) || (sorted[0] !== undefined && sorted[0].type !== "percent")) clampedFirst.add(id);
    items.push({ ...base, ...(schedule ? { line: costLines[0]! } : {}), kind: "raises", steps });
    raisesIds.push(id);
  }
  for (let k = 0; k < r.int(0, 2); k++) {
    const id = `o${k + 1}`;
    const perMember = withHeads.length > 0 && r.bool(0.4);
    const earnings = r.bool(0.3) ? { earnings: P(r.dec(0, 900_000_000, 2)) } : {};
    const derivable = raisesIds.filter((id) => !clampedFirst.has(id));
    const fromRaises = !("earnings" in earnings) && derivable.length && r.bool(0.4) ? { earningsFromRaisesItem: r.pick(derivable) } : {};
    items.push({
      ...itemBase(id, perMember),
      kind: "oneTime",
      paidInFiscalYear: r.pick(years),
      rate: P(r.bool(0.2) ? "0" : r.dec(0, 0.1, 4)),
      ...(perMember ? { amountPerMember: P(r.dec(0, 5000, 2)) } : {}),
      ...earnings,
      ...fromRaises,
    });
  }
  for (let k = 0; k < r.int(0, 2); k++) {
    const id = `h${k + 1}`;
    const headcount = withHeads.length === 0 || r.bool(0.3);
    const basis = r.pick(["calendarYear", "fiscalYear"] as const);
    const yearsFrom = first - 2;
    const amounts: Record<string, Param> = {};
    const baselineYear = r.int(yearsFrom, first);
    amounts[String(baselineYear)] = P(r.dec(0, 300, 2));
    for (let y = baselineYear + 1; y <= first + n; y++) if (r.bool(0.5)) amounts[String(y)] = P(r.dec(-50, 400, 2));
    const countFrom = r.bool(0.15) ? { countFrom: { date: dateIn(r, effectiveFrom, agreementEnd), source: SOURCE } } : {};
    const common = {
      ...itemBase(id, !headcount),
      kind: "perHeadBenefit" as const,
      basis,
      baselineYear,
      ...(headcount ? { headcount: P(r.dec(0, 10_000, 0)) } : {}),
      ...countFrom,
    };
    items.push(r.bool() ? { ...common, frequency: "monthly", amounts } : { ...common, frequency: "payPeriod", amounts });
  }
  for (let k = 0; k < r.int(0, 2); k++) {
    const amounts: Record<string, Param> = {};
    for (const fy of years) if (r.bool(0.6)) amounts[`FY${fy}`] = P(r.dec(-5_000_000, 5_000_000, 2));
    items.push({ ...itemBase(`f${k + 1}`), kind: "fixedAmounts", amounts });
  }
  if (r.bool(0.4))
    items.push({
      ...itemBase("pr1"),
      kind: "payrollRate",
      rate: P(r.dec(-0.05, 0.1, 4)),
      ...(raisesIds.length && r.bool(0.6) ? { raisesItemIds: r.subset(raisesIds, 0.7) } : {}),
      ...(r.bool(0.3) ? { startFiscalYear: r.pick(years) } : {}),
    });
  const premiumId = r.bool(0.4) ? "pp1" : undefined;
  const targets = [...items.map((i) => i.id), ...(premiumId ? [premiumId] : [])];
  const rates: CostItem[] = [];
  for (let k = 0; k < r.int(0, 2); k++) {
    const id = `m${k + 1}`;
    const own = groupIds(false);
    const rate: Extract<CostItem, { kind: "payRate" }> = {
      id,
      label: `Rate ${id}`,
      line: r.pick(costLines),
      ...(own ? { groupIds: own } : {}),
      kind: "payRate",
      rate: P(r.dec(0, 0.2, 4)),
      appliesTo: r.subset(targets, 0.5),
      ...(r.bool(0.3) ? { startFiscalYear: r.pick(years) } : {}),
    };
    // A rate applied to nothing is refused; it is drawn all the same, so the seeds keep making the scenarios they made.
    if (rate.appliesTo.length > 0) rates.push(rate);
  }
  if (premiumId) {
    const loaders = rates.filter((x) => x.kind === "payRate" && !x.appliesTo.includes(premiumId)).map((x) => x.id);
    items.push({
      ...itemBase(premiumId),
      kind: "premiumPay",
      units: P(r.dec(0, 50_000, 0)),
      hoursPerUnit: P(r.dec(0, 12, 1)),
      hourlyRate: P(r.dec(0, 120, 2)),
      payRateIds: r.subset(loaders, 0.6),
      ...(r.bool(0.2) ? { annualAmount: P(r.dec(0, 20_000_000, 2)) } : {}),
      growthRate: P(r.dec(-0.05, 0.08, 4)),
      firstFiscalYear: r.pick(years),
      yearsPaidInFirstYear: P(r.pick(["1", "2", r.dec(0, 3, 2)])),
    });
  }
  items.push(...rates);

  // Table lines: the cost lines, then derived lines of every kind (some over other derived lines).
  const lines: TableLine[] = costLines.map((id) => ({ id, label: `Cost ${id}` }));
  const minus = costLines.length > 1 && r.bool(0.3) ? [costLines[costLines.length - 1]!] : [];
  lines.push({
    id: "total",
    label: "TOTAL",
    style: "total",
    sum: costLines.filter((c) => !minus.includes(c)),
    ...(minus.length ? { minus } : {}),
  });
  if (costLines.length > 1 && r.bool(0.5)) lines.push({ id: "sub", label: "Subtotal", style: "subtotal", sum: costLines.slice(0, 2) });
  if (r.bool(0.7)) lines.push({ id: "shareLine", label: "Local portion", share: { of: "total", rate: P(r.dec(0, 1, 4)) } });
  if (r.bool(0.6)) {
    const amounts: Record<string, Param> = {};
    for (const fy of years) if (r.bool(0.7)) amounts[`FY${fy}`] = P(r.dec(-50_000_000, 50_000_000, 2));
    if (r.bool(0.3)) amounts.annualized = P(r.dec(0, 50_000_000, 2));
    lines.push({ id: "funding", label: "Funding", amounts, ...(r.bool(0.6) ? { negate: true } : {}) });
    if (lines.some((l) => l.id === "shareLine")) lines.push({ id: "net", label: "Net", sum: ["shareLine", "funding"] });
  }
  if (funds.length && r.bool(0.7))
    lines.push({
      id: "fundPart",
      label: "Fund part",
      fund: {
        fund: r.pick(funds).id,
        of: r.bool()
          ? ["total"]
          : r
              .subset(costLines, 0.7)
              .concat(costLines[0]!)
              .filter((v, i, a) => a.indexOf(v) === i),
      },
    });
  if (r.bool(0.5)) lines.push({ id: "change", label: "Change", change: { of: r.pick(["total", ...costLines]) } });

  const census = schedule ? censusBlock(r) : undefined;
  // Vacancy rates are drawn from a stream of their own, so each seed still makes the scenario it made before them.
  if (!schedule) withVacancies(groups, new R(seed ^ 0x1b873593));
  const scenario = {
    schemaVersion: 2,
    id: "random",
    name: "Random scenario",
    description: "generated",
    agreement: { name: "Random agreement", employer: "Employer", union: "Union", effectiveFrom, effectiveTo },
    calendar: { fiscalYearStartMonth: m, payFrequency, payPeriodAnchor },
    settings: {
      proration: r.pick(["payPeriods", "days"] as const),
      calendarToFiscal: r.pick(["monthsInForce", "calendarYearOfFiscalYearEnd"] as const),
      salaryMethod: options.method,
    },
    groups,
    ...(funds.length ? { funds } : {}),
    items,
    table: {
      lines,
      columns: {
        fiscalYears: years,
        ...(r.bool(0.2) ? { total: false as const } : r.bool(0.2) ? { total: { label: "All years" } } : {}),
        ...(r.bool(0.4) ? { annualized: true } : {}),
      },
      display: {
        unit: r.pick(["dollars", "thousands", "millions"] as const),
        decimals: r.pick([0, 0, 0, 1, 2, 3, r.int(0, 6)]),
        rounding: r.pick(["halfUp", "truncate", "halfEven"] as const),
        totals: r.pick(["roundedExact", "sumOfRounded"] as const),
      },
    },
    ...(census ? { scheduleMethod: census } : {}),
  } as Scenario;
  withRecurringAmounts(scenario.items, years, new R(seed ^ 0x2f6b9c41));
  withoutDisjointLimits(scenario);
  return scenario;
}

/**
 * A rate limited to groups that none of its items cover would cost $0 every year, and a scenario
 * file saying so is refused: such a rate drawn here loses its limit instead (no draw, so the
 * scenarios around it stay as they were).
 */
function withoutDisjointLimits(s: Scenario): void {
  const all = s.groups.map((g) => g.id);
  const covers = new Map(s.items.map((i) => [i.id, i.groupIds ?? all]));
  for (const item of s.items) {
    if (item.kind !== "payRate" || !item.groupIds) continue;
    const limit = item.groupIds;
    if (item.appliesTo.every((id) => !(covers.get(id) ?? []).some((g) => limit.includes(g)))) delete item.groupIds;
  }
}

/** Some amounts recur each year, some grown, some ended; a stream of its own keeps the draws above as they were. */
function withRecurringAmounts(items: CostItem[], years: number[], r: R): void {
  for (const item of items) {
    if (item.kind !== "fixedAmounts" || !r.bool(0.4)) continue;
    const entered = Object.keys(item.amounts).map((k) => Number.parseInt(k.slice(2), 10));
    if (!entered.length) continue;
    item.recurring = true;
    if (r.bool(0.6)) item.growthRate = P(r.dec(-0.05, 0.1, 4));
    if (r.bool(0.3)) item.throughFiscalYear = Math.max(Math.min(...entered), r.pick(years));
  }
}

/** A vacancy rate on some groups (the schedule method refuses it on groups its census prices). */
function withVacancies(groups: Group[], r: R): void {
  groups.forEach((g, i) => {
    if (r.bool(0.35)) groups[i] = { ...g, vacancyRate: P(r.bool(0.1) ? "0" : r.dec(0, 0.3, 4)) };
  });
}

function censusBlock(r: R): NonNullable<Scenario["scheduleMethod"]> {
  let census: NonNullable<Scenario["scheduleMethod"]>["census"] = { reference: "synthetic" };
  if (r.bool(0.5)) {
    const cells: Census["cells"] = [];
    for (let k = 0; k < r.int(1, 40); k++) {
      const schedule = r.pick(SCHEDULE_KEYS);
      cells.push({
        schedule,
        lane: r.pick(lanesOf(schedule)),
        step: r.int(1, 16),
        ...(r.bool(0.7) ? { yearsOfService: r.int(0, 40) } : {}),
        // Whole members, as every census entry point requires (a projection makes fractions of them inside the engine).
        headcount: new Decimal(r.int(0, r.bool(0.8) ? 300 : 50)),
      });
    }
    census = embedCensus({ label: "Random census", asOfFiscalYear: 2024, cells });
  }
  return {
    census,
    separationRate: P(r.dec(0, 0.3, 4)),
    heldShare: P(r.dec(0, 0.3, 4)),
    ...(r.bool(0.3) ? { anniversary: r.pick(["10-01", "01-01", "07-01", "12-15"]) } : {}),
    ...(r.bool(0.3)
      ? { entry: { step: r.int(1, 16), lane: r.pick(["Bachelors", "Masters+30", "Nope"]), yearsOfService: r.int(0, 30) } }
      : {}),
  };
}

/**
 * A few inputs given other values inside their fields' ranges (a raise now and then set to a
 * printed adjustment, which switches the schedule basis), as [slot, text] pairs.
 */
export function randomEdits(seed: number, inputs: readonly InputEntry[]): [number, string][] {
  const r = new R(seed ^ 0x5bd1e995);
  const out: [number, string][] = [];
  for (let k = 0; k < r.int(1, 4) && inputs.length; k++) {
    const slot = r.int(0, inputs.length - 1);
    const { spec, param, path } = inputs[slot]!;
    const v = Number(param.value);
    let text: string;
    if (path.includes(".steps.") && spec.unit === "rate" && r.bool(0.3)) text = r.pick(["0.02", "0.03", "0.04"]);
    else if (spec.unit === "rate" || spec.unit === "share") {
      const lo = Math.max(spec.min === undefined ? -1 : Number(spec.min) + (spec.minExclusive ? 0.0001 : 0), v - 0.05);
      const hi = Math.min(spec.max === undefined ? 1 : Number(spec.max) - (spec.maxExclusive ? 0.0001 : 0), v + 0.05);
      text = r.dec(lo, Math.max(lo, hi), 4);
    } else {
      const span = Math.max(Math.abs(v), 1000);
      const lo = spec.min === undefined ? v - span : Math.max(Number(spec.min), v - span / 2);
      text = r.dec(lo, v + span / 2, 2);
    }
    out.push([slot, text]);
  }
  return out;
}

/**
 * The capabilities other governments' fiscal notes brought, laid over a random average-salary
 * scenario from the same seed: proration by months, raise steps paid for stated periods, rounding
 * up and to a step, a total over the first years or to its own step, lines printed as zero, cost
 * lines shown negated, groups that state only their headcount (with flat raises, one-time amounts
 * per member and a rate split between them by headcount), and now and then no groups at all.
 */
export function withNoteCapabilities(base: Scenario, seed: number): Scenario {
  const r = new R(seed ^ 0x2545f491);
  const s: Scenario = structuredClone(base);
  const years = s.table.columns.fiscalYears;
  const m = s.calendar.fiscalYearStartMonth;
  if (r.bool(0.4)) s.settings = { ...s.settings, proration: r.bool() ? "months" : "monthsCountingFirst" };

  const display = { ...s.table.display };
  if (r.bool(0.35)) display.rounding = "up";
  if (r.bool(0.3)) display.roundTo = r.pick([1000, 100, 5, 10, 0.5, 250]);
  s.table.display = display;
  if (s.table.columns.total !== false) {
    const total = { ...(s.table.columns.total ?? {}) };
    if (r.bool(0.35)) total.through = r.pick(years);
    if (r.bool(0.3)) total.roundTo = r.pick([1000, 1_000_000, 10, 0.5]);
    s.table.columns = { ...s.table.columns, total };
  }
  const costLines = s.table.lines.filter((l) => !l.sum && !l.share && !l.amounts && !l.fund && !l.change);
  s.table.lines = s.table.lines.map((l) =>
    costLines.includes(l)
      ? {
          ...l,
          ...(r.bool(0.25) ? { printedAsZero: "counted only in the total row" } : {}),
          ...(r.bool(0.3) ? { negate: true } : {}),
        }
      : l,
  );

  if (r.bool(0.1)) {
    // No groups: costs entered directly, rates on them.
    const kept = s.items.filter((i) => i.kind === "fixedAmounts").map((i) => ({ ...i, groupIds: undefined }));
    const ids = new Set(kept.map((i) => i.id));
    const rates = s.items
      .filter((i) => i.kind === "payRate")
      .map((i) => ({ ...i, groupIds: undefined, appliesTo: i.kind === "payRate" ? i.appliesTo.filter((id) => ids.has(id)) : [] }))
      .filter((i) => i.appliesTo.length > 0);
    s.groups = [];
    s.items = [...kept, ...rates].map(({ groupIds: _omit, ...rest }) => rest) as CostItem[];
    return s;
  }

  // Raise steps paid for a stated number of periods (7 of 24 payrolls), some with the year's periods stated.
  for (const item of s.items)
    if (item.kind === "raises")
      item.steps = item.steps.map((st) => {
        if (!r.bool(0.3)) return st;
        const statedPer = r.bool(0.5);
        const per = statedPer ? r.int(1, 30) : periodsInFiscalYear(st.fiscalYear, s.calendar, s.settings.proration);
        return {
          ...st,
          periodsPaid: { count: P(String(r.int(0, per))), ...(statedPer ? { perYear: P(String(per)) } : {}) },
        };
      });

  if (r.bool(0.5)) {
    // Two groups stating only their headcount: flat raises, one-time amounts per member, a rate split by headcount.
    const old = s.groups.map((g) => g.id);
    s.items = s.items.map((i) => (i.groupIds ? i : { ...i, groupIds: old }));
    s.groups.push(
      { id: "hc1", label: "Headcount 1", members: P(r.dec(0, 3000, 0)) },
      {
        id: "hc2",
        label: "Headcount 2",
        members: P(r.dec(0, 3000, 0)),
        ...(s.funds?.length ? { fundShares: { [s.funds[0]!.id]: P("0.6") } } : {}),
      },
    );
    const line = costLines[r.int(0, costLines.length - 1)]!.id;
    const agreementEnd = isoFromDayOrdinal(dayOrdinal(s.agreement.effectiveTo) + 1);
    const steps: RaiseStep[] = years.flatMap((fy) => {
      const from = fiscalYearStart(fy, m) > s.agreement.effectiveFrom ? fiscalYearStart(fy, m) : s.agreement.effectiveFrom;
      const to = fiscalYearEndExclusive(fy, m) < agreementEnd ? fiscalYearEndExclusive(fy, m) : agreementEnd;
      if (from >= to || r.bool(0.3)) return [];
      return [{ fiscalYear: fy, type: "flat" as const, amount: P(r.dec(0, 3000, 2)), effective: dateIn(r, from, to), source: SOURCE }];
    });
    s.items.push(
      { id: "rh", label: "Flat raise per member", line, groupIds: ["hc1", "hc2"], kind: "raises", steps },
      {
        id: "oh",
        label: "One-time per member",
        line,
        groupIds: ["hc1", "hc2"],
        kind: "oneTime",
        paidInFiscalYear: r.pick(years),
        rate: P(r.dec(0, 0.05, 4)),
        earnings: P(r.dec(0, 50_000_000, 2)),
        amountPerMember: P(r.dec(0, 2000, 2)),
      },
      {
        id: "mh",
        label: "Rate on one group's part",
        line,
        groupIds: ["hc1"],
        kind: "payRate",
        rate: P(r.dec(0, 0.1, 4)),
        appliesTo: ["oh", "rh"],
      },
    );
    withVacancies(s.groups, new R(seed ^ 0x68e31da4));
  }
  withoutDisjointLimits(s);
  return s;
}
