/**
 * The schedule method as live formulas: the census projected year by year on a "Projection"
 * sheet, priced on the Schedules sheets, split into raise, step and turnover costs as
 * model/engine/schedule/schedule-cost.ts splits them. Editing a raise, the separation rate, the
 * share held on step or a census headcount moves the same cells the app moves.
 *
 * Layout (one sheet per schedule-method scenario):
 *   Movement           the shares that stay, are held, move up and separate, with separations
 *                      (B: none) and with them (T), as formulas over the Inputs sheet
 *   Separations        per schedule and year: separation rate x last year's headcount; the
 *                      replacements enter at the entry placement
 *   Pricing            per raises item: the raise in force, whether every raise is the one
 *                      printed on the schedules (then the printed tables are used, else the
 *                      base year's x the cumulative raise factor), P0, A (census as it stands),
 *                      B (after step movement), T (after steps and turnover), the three costs
 *                      and a check row against the engine
 *   Census by cell     one row per placement (schedule, lane, step, years of service) any year
 *                      can reach; FY<base> headcount from the Census sheet; per year the
 *                      headcount without separations (B) and with them (T), each a formula over
 *                      the previous year's column; the salary of each schedule year
 *
 * Which placements exist does not depend on the rates (a held share of 0 still has a row for the
 * held), so any edit of a rate flows; placements themselves (schedule, lane, step, years) are the
 * census's structure and the Inputs sheet says they do not flow. Cached values are computed here
 * with Decimal by the same rules, and the check rows show the sheet against the engine.
 */
import type * as XLSX from "xlsx";
import {
  anniversaryInFiscalYear,
  assumedYears,
  cellAmount,
  Decimal,
  entryPlacement,
  fiscalYearEndExclusive,
  fiscalYearStart,
  indexSchedules,
  loadSchedules,
  ONE,
  payColumn,
  printedAdjustments,
  prorationUnit,
  raiseTerms,
  scheduleCostSettings,
  shareOfFiscalYearAfter,
  stepLayout,
  stepPath,
  YEARS_CAP,
  ZERO,
  type CalendarCount,
  type Census,
  type Scenario,
  type ScheduleKey,
  type TableResult,
} from "../engine/index";
import { SALARY_FORMAT, type ScheduleSheets } from "./schedule-sheets";
import { cachedNumber, col, formula, num, quoteSheet, sheetFromRows, text, type Row } from "./sheet-cells";
import { emptyDecor, type SheetDecor } from "./xlsx-decorate";

const HEADCOUNT_FORMAT = "#,##0.00";
const DOLLARS = "#,##0.00;(#,##0.00)";
const RATE_FORMAT = "0.0##%";

/** Formulas (for the Calculation sheet) of a raises item's three parts in one fiscal year. */
export interface RaiseParts {
  raise: string;
  steps: string;
  turnover: string;
}

export interface ProjectionSheet {
  name: string;
  sheet: XLSX.WorkSheet;
  decor: SheetDecor;
  /** Raises item id -> fiscal year -> its parts' cells on this sheet. */
  parts: Map<string, Map<number, RaiseParts>>;
}

interface Key {
  schedule: ScheduleKey;
  lane: string;
  step: number;
  years: number;
}
const keyOf = (k: Key) => `${k.schedule}|${k.lane}|${k.step}|${k.years}`;

export interface ProjectionArgs {
  scenario: Scenario;
  result: TableResult;
  census: Census;
  name: string;
  /** Census sheet name and the 1-based row of each census cell (census.cells order). */
  censusSheet: { name: string; rowOf: (index: number) => number; headcountCol: string };
  schedules: ScheduleSheets;
  ref: (path: string) => string;
  calendarCount: (c: CalendarCount) => string;
  cached: boolean;
}

export function projectionSheet(args: ProjectionArgs): ProjectionSheet | undefined {
  const { scenario, census, schedules, cached } = args;
  const raisesItems = scenario.items.filter((i) => i.kind === "raises");
  const base = census.asOfFiscalYear;
  const terms = raisesItems.map((item) => ({ item, terms: raiseTerms(item) }));
  const lastYear = Math.max(base, ...terms.flatMap((t) => t.terms.map((x) => x.fiscalYear)));
  if (lastYear === base) return undefined;
  const years = Array.from({ length: lastYear - base }, (_, i) => base + 1 + i);
  const settings = scheduleCostSettings({ scenario, calendar: scenario.calendar }, terms[0]?.terms ?? []);
  const idx = indexSchedules(loadSchedules());
  const firstSchedule = (key: ScheduleKey) => idx.get(key)!.values().next().value!;
  const maxStep = (key: ScheduleKey) => stepLayout(firstSchedule(key)).maxStep;
  const cap = (y: number) => Math.min(y, YEARS_CAP);
  const entry = entryPlacement(scenario.scheduleMethod ?? {});
  const entryKey = (schedule: ScheduleKey): Key => {
    const lanes = firstSchedule(schedule).lanes;
    return {
      schedule,
      lane: lanes.includes(entry.lane) ? entry.lane : lanes[0]!,
      step: Math.min(entry.step, maxStep(schedule)),
      years: cap(entry.yearsOfService),
    };
  };

  // Placements any year can reach, whatever the rates (held and moved both, replacements at entry).
  const baseKeys = census.cells.map((c) => ({
    schedule: c.schedule,
    lane: c.lane,
    step: c.step,
    years: cap(c.yearsOfService ?? assumedYears(c.step)),
  }));
  const all = new Map<string, Key>();
  let current = new Map(baseKeys.map((k) => [keyOf(k), k]));
  for (const k of current.values()) all.set(keyOf(k), k);
  for (const _ of years) {
    const next = new Map<string, Key>();
    const add = (k: Key) => next.set(keyOf(k), k);
    for (const k of current.values()) {
      add({ ...k, years: cap(k.years + 1) });
      if (k.step < maxStep(k.schedule)) add({ ...k, step: k.step + 1, years: cap(k.years + 1) });
    }
    for (const s of new Set([...current.values()].map((k) => k.schedule))) add(entryKey(s));
    for (const [id, k] of next) all.set(id, k);
    current = next;
  }
  const scheduleOrder = (s: ScheduleKey) => ["ET15-10M", "ET15-11M", "ET15-12M", "EG09"].indexOf(s);
  const laneOrder = (k: Key) => firstSchedule(k.schedule).lanes.indexOf(k.lane);
  const keys = [...all.values()].sort(
    (a, b) => scheduleOrder(a.schedule) - scheduleOrder(b.schedule) || laneOrder(a) - laneOrder(b) || a.step - b.step || a.years - b.years,
  );
  const schedulesUsed = [...new Set(keys.map((k) => k.schedule))];

  // Rows: title (1-2), movement (4-9), separations, pricing per raises item, then the census by cell.
  const rows: Row[] = [];
  const decor = emptyDecor();
  const put = (r: number, c: number, cell: XLSX.CellObject | null, style?: Parameters<SheetDecor["styles"]["set"]>[1]) => {
    (rows[r - 1] ??= [])[c] = cell;
    if (style && cell) decor.styles.set(`${col(c)}${r}`, style);
  };
  const v = (d: Decimal) => (cached ? cachedNumber(d) : undefined);

  put(1, 0, text(`Projected census: ${scenario.name} (schedule method)`), "title");
  put(
    2,
    0,
    text(
      "Every cell here is a formula: edit a raise, the separation rate, the share held on step (Inputs sheet) or a headcount " +
        "(Census sheet) and the raise, step and turnover rows of the Calculation sheet follow. Which placements exist is fixed " +
        "by the census; the headcount in each is computed.",
    ),
    "note",
  );

  // Movement: column C = no separations (B), column D = with separations (T).
  const sep = args.ref("scheduleMethod.separationRate");
  const held = args.ref("scheduleMethod.heldShare");
  const sepD = new Decimal(scenario.scheduleMethod!.separationRate.value);
  const heldD = new Decimal(scenario.scheduleMethod!.heldShare.value);
  const M = 4;
  put(M, 0, text("Movement at each step date"), "header");
  put(M, 1, text(""), "header");
  put(M, 2, text("No separations (B)"), "header");
  put(M, 3, text("With separations (T)"), "header");
  const factors = {
    B: { stay: ONE, held: heldD, moved: ONE.minus(heldD), sep: ZERO },
    T: {
      stay: ONE.minus(sepD),
      held: ONE.minus(sepD).times(heldD),
      moved: ONE.minus(sepD).minus(ONE.minus(sepD).times(heldD)),
      sep: sepD,
    },
  };
  const movementRows: [string, string, (p: "B" | "T") => string, keyof (typeof factors)["B"]][] = [
    ["Stays (not separating)", "1 - separation rate", (p) => (p === "B" ? "1" : `1-${sep}`), "stay"],
    ["Held on step", "stays x share held on step", (p) => (p === "B" ? held : `(1-${sep})*${held}`), "held"],
    ["Moves up a step", "stays - held", (p) => (p === "B" ? `1-${held}` : `(1-${sep})-(1-${sep})*${held}`), "moved"],
    ["Separates, replaced at entry", "separation rate", (p) => (p === "B" ? "0" : sep), "sep"],
  ];
  const factorCell: Record<"B" | "T", Record<string, string>> = { B: {}, T: {} };
  movementRows.forEach(([label, how, f, k], i) => {
    const r = M + 1 + i;
    put(r, 0, text(label));
    put(r, 1, text(how), "note");
    (["B", "T"] as const).forEach((p, j) => {
      put(r, 2 + j, formula(f(p), v(factors[p][k]), RATE_FORMAT));
      factorCell[p][k] = `$${col(2 + j)}$${r}`;
    });
  });
  const entryText = schedulesUsed.map((s) => {
    const e = entryKey(s);
    return `${s}: ${e.lane}, step ${e.step}, ${e.years} year(s)`;
  });
  put(M + 5, 0, text("Replacements enter at"));
  put(M + 5, 1, text(`${entryText.join("; ")} (scheduleMethod.entry)`), "note");
  put(M + 6, 0, text("Top step"));
  put(
    M + 6,
    1,
    text(
      `members on the top step (${schedulesUsed.map((s) => `${s} ${maxStep(s)}`).join(", ")}) stay on it; years of service are ` +
        `counted up to ${YEARS_CAP} (no column pays more for more years)`,
    ),
    "note",
  );

  // Census by cell: where its columns are, decided now so every block above can refer to them.
  const pricingRowsPerItem = 15;
  const SEP0 = M + 8; // separations block heading
  const P0row = SEP0 + schedulesUsed.length + 2; // first pricing block
  const T0 = P0row + raisesItems.length * pricingRowsPerItem + 1; // header row of the census by cell
  const firstRow = T0 + 1;
  const lastRow = firstRow + keys.length - 1;
  const ids = keys.map(keyOf);
  const rowOfKey = new Map(ids.map((id, i) => [id, firstRow + i]));
  const BASE_COL = 5;
  const hcCol = (p: "B" | "T", fy: number) => (fy === base ? BASE_COL : BASE_COL + 1 + (fy - base - 1) * 2 + (p === "B" ? 0 : 1));
  const salaryCol0 = BASE_COL + 1 + years.length * 2;
  const salaryCol = (item: number, fy: number) => salaryCol0 + item * (years.length + 1) + (fy - base);
  const range = (c: number) => `$${col(c)}$${firstRow}:$${col(c)}$${lastRow}`;

  // Headcounts with Decimal, by the same rules, for cached values.
  const hc: Record<"B" | "T", Map<number, Map<string, Decimal>>> = { B: new Map(), T: new Map() };
  const baseHc = new Map<string, Decimal>();
  census.cells.forEach((c, i) => {
    const k = keyOf(baseKeys[i]!);
    baseHc.set(k, (baseHc.get(k) ?? ZERO).plus(c.headcount));
  });
  hc.B.set(base, baseHc);
  hc.T.set(base, baseHc);
  const separations = new Map<string, Decimal>(); // schedule|fy -> T separations
  for (const fy of years) {
    for (const p of ["B", "T"] as const) {
      const prev = hc[p].get(fy - 1)!;
      const f = factors[p];
      const next = new Map<string, Decimal>();
      const add = (k: Key, h: Decimal) => next.set(keyOf(k), (next.get(keyOf(k)) ?? ZERO).plus(h));
      const bySchedule = new Map<ScheduleKey, Decimal>();
      for (const [i, k] of keys.entries()) {
        const h = prev.get(ids[i]!);
        if (!h) continue;
        bySchedule.set(k.schedule, (bySchedule.get(k.schedule) ?? ZERO).plus(h));
        if (k.step >= maxStep(k.schedule)) add({ ...k, years: cap(k.years + 1) }, h.times(f.stay));
        else {
          add({ ...k, years: cap(k.years + 1) }, h.times(f.held));
          add({ ...k, step: k.step + 1, years: cap(k.years + 1) }, h.times(f.moved));
        }
      }
      if (p === "T")
        for (const s of schedulesUsed) {
          const out = (bySchedule.get(s) ?? ZERO).times(f.sep);
          separations.set(`${s}|${fy}`, out);
          add(entryKey(s), out);
        }
      hc[p].set(fy, next);
    }
  }

  // Separations per schedule and year (T): separation rate x last year's headcount of the schedule.
  put(SEP0, 0, text("Separations (with separations, T)"), "header");
  put(SEP0, 1, text("separation rate x last year's headcount; as many replacements enter at the entry placement"), "header");
  years.forEach((fy, j) => put(SEP0, 2 + j, text(`FY${fy}`), "header"));
  const sepCell = new Map<string, string>();
  schedulesUsed.forEach((s, i) => {
    const r = SEP0 + 1 + i;
    put(r, 0, text(s));
    put(r, 1, text(`${entryKey(s).lane}, step ${entryKey(s).step}`), "note");
    years.forEach((fy, j) => {
      const prevCol = hcCol("T", fy - 1);
      put(
        r,
        2 + j,
        formula(`${factorCell.T.sep}*SUMIF(${range(0)},"${s}",${range(prevCol)})`, v(separations.get(`${s}|${fy}`)!), HEADCOUNT_FORMAT),
      );
      sepCell.set(`${s}|${fy}`, `${col(2 + j)}${r}`);
    });
  });

  // Census by cell.
  const header = ["Schedule", "Lane", "Step", "Years of service", "Pay column", `FY${base} headcount (Census sheet)`];
  header.forEach((h, c) => put(T0, c, text(h), "header"));
  for (const fy of years) {
    put(T0, hcCol("B", fy), text(`FY${fy} no separations (B)`), "header");
    put(T0, hcCol("T", fy), text(`FY${fy} with separations (T)`), "header");
  }
  raisesItems.forEach((item, n) => {
    for (let fy = base; fy <= lastYear; fy++)
      put(T0, salaryCol(n, fy), text(`FY${fy} salary${raisesItems.length > 1 ? ` (${item.label})` : ""}`), "header");
  });
  const censusRowsOf = new Map<string, number[]>();
  baseKeys.forEach((k, i) => censusRowsOf.set(keyOf(k), [...(censusRowsOf.get(keyOf(k)) ?? []), args.censusSheet.rowOf(i)]));
  const censusRef = (r: number) => `${quoteSheet(args.censusSheet.name)}!${args.censusSheet.headcountCol}${r}`;

  keys.forEach((k, i) => {
    const r = firstRow + i;
    const s0 = schedules.block(k.schedule, base)?.schedule;
    if (!s0) throw new Error(`internal: no ${k.schedule} schedule for FY${base} on the Schedules sheets`);
    const label = s0.steps[payColumn(s0, k.lane, k.step, k.years)]!;
    put(r, 0, text(k.schedule));
    put(r, 1, text(k.lane));
    put(r, 2, num(k.step));
    put(r, 3, num(k.years));
    put(r, 4, text(label), "value");
    const fromCensus = censusRowsOf.get(keyOf(k));
    put(
      r,
      BASE_COL,
      fromCensus
        ? formula(fromCensus.map(censusRef).join("+"), v(baseHc.get(keyOf(k)) ?? ZERO), HEADCOUNT_FORMAT)
        : num(0, HEADCOUNT_FORMAT),
      fromCensus ? undefined : "value",
    );
    // Where this placement's members were a year earlier: the same step (held, or staying on the top step) or one below (moved).
    const from = (step: number, years: number) => rowOfKey.get(keyOf({ ...k, step, years }));
    const sources: { row: number; how: "stay" | "held" | "moved" }[] = [];
    for (const y of k.years === YEARS_CAP ? [YEARS_CAP - 1, YEARS_CAP] : [k.years - 1]) {
      const same = from(k.step, y);
      if (same !== undefined) sources.push({ row: same, how: k.step >= maxStep(k.schedule) ? "stay" : "held" });
      const below = k.step > 1 ? from(k.step - 1, y) : undefined;
      if (below !== undefined) sources.push({ row: below, how: "moved" });
    }
    const isEntry = keyOf(entryKey(k.schedule)) === ids[i];
    for (const fy of years)
      for (const p of ["B", "T"] as const) {
        const prevCol = col(hcCol(p, fy - 1));
        const terms = sources.map(({ row, how }) =>
          how === "stay" && p === "B" ? `${prevCol}${row}` : `${factorCell[p][how]}*${prevCol}${row}`,
        );
        if (p === "T" && isEntry) terms.push(sepCell.get(`${k.schedule}|${fy}`)!);
        const value = hc[p].get(fy)!.get(ids[i]!) ?? ZERO;
        put(r, hcCol(p, fy), terms.length ? formula(terms.join("+"), v(value), HEADCOUNT_FORMAT) : num(0, HEADCOUNT_FORMAT));
      }
  });

  // Pricing per raises item, and the salary columns it uses.
  const parts = new Map<string, Map<number, RaiseParts>>();
  const adjustments = printedAdjustments();
  const cal = scenario.calendar;
  const proration = scenario.settings.proration;
  const { unit, key: unitKey, Unit } = prorationUnit(proration);

  raisesItems.forEach((item, n) => {
    const r0 = P0row + n * pricingRowsPerItem;
    const steps = item.steps.filter((s) => s.type === "percent");
    // In the item's order, a later step of the same year wins, as scheduleMethodCost reads its terms.
    const byYear = new Map(steps.map((s) => [s.fiscalYear, s]));
    const itemTerms = terms[n]!.terms;
    const termByYear = new Map(itemTerms.map((t) => [t.fiscalYear, t]));
    const cell = (r: number, fy: number) => `${col(2 + years.indexOf(fy))}${r}`;
    const rowLabels = [
      `Pricing: ${item.label}`,
      "Raise in force (Inputs sheet)",
      "Adjustment printed on the schedules",
      "Priced on the printed schedules (every raise as printed)?",
      "Cumulative raise factor since the census year",
      `P0: FY${base} payroll of the census`,
      "A: census as it stands, this year's schedules",
      "B: after step movement, no separations",
      "T: after step movement and separations",
      "Raise cost = A - P0",
      "Step increases = B - A",
      "Turnover savings = T - B",
      "Engine: raise + steps + turnover (value, for checking)",
      "Sheet - engine (0 when they agree)",
    ];
    rowLabels.forEach((l, i) => put(r0 + i, 0, text(l), i === 0 ? "header" : undefined));
    put(r0, 1, text(""), "header");
    years.forEach((fy) => put(r0, 2 + years.indexOf(fy), text(`FY${fy}`), "header"));
    const printed = itemTerms.every((t) => adjustments.get(t.fiscalYear)?.equals(t.rate) === true);
    const printedCell = `$C$${r0 + 3}`;
    const factorRow = r0 + 4;
    let factor = ONE;
    const factorOf = new Map<number, Decimal>([[base, ONE]]);
    years.forEach((fy) => {
      const step = byYear.get(fy);
      put(
        r0 + 1,
        2 + years.indexOf(fy),
        step ? formula(args.ref(stepPath(item, step)), v(new Decimal(step.amount.value)), RATE_FORMAT) : null,
      );
      const adj = adjustments.get(fy);
      put(r0 + 2, 2 + years.indexOf(fy), adj ? num(cachedNumber(adj), RATE_FORMAT) : text("none"), "value");
      if (step) factor = factor.times(ONE.plus(new Decimal(step.amount.value)));
      factorOf.set(fy, factor);
      const prev = fy === years[0] ? "1" : cell(factorRow, fy - 1);
      put(factorRow, 2 + years.indexOf(fy), formula(step ? `${prev}*(1+${cell(r0 + 1, fy)})` : prev, v(factor), "0.000000"));
    });
    // Every percent step is compared (chooseBasis), each by its own input.
    const checks = steps.map((st) =>
      adjustments.has(st.fiscalYear) ? `${args.ref(stepPath(item, st))}=${adjustments.get(st.fiscalYear)!.toString()}` : "FALSE",
    );
    const printedFormula = checks.length ? `AND(${checks.join(",")})` : "TRUE";
    put(r0 + 3, 2, (cached ? { t: "b", f: printedFormula, v: printed } : { t: "b", f: printedFormula }) as XLSX.CellObject);

    // Salary columns: the base year looked up; later years printed, or the base salary x the factor.
    const salary = new Map<number, Decimal[]>(); // fy -> by key index
    keys.forEach((k, i) => {
      const r = firstRow + i;
      for (let fy = base; fy <= lastYear; fy++) {
        const block = schedules.block(k.schedule, fy);
        if (!block) throw new Error(`internal: no ${k.schedule} schedule for FY${fy} on the Schedules sheets`);
        const printedCol = payColumn(block.schedule, k.lane, k.step, k.years);
        const baseBlock = schedules.block(k.schedule, base)!;
        const baseCol = payColumn(baseBlock.schedule, k.lane, k.step, k.years);
        const label = block.schedule.steps[printedCol]!;
        const labelRef = label === baseBlock.schedule.steps[baseCol] ? `$E${r}` : `"${label}"`;
        const lookup = `INDEX(${block.body},MATCH($B${r},${block.lanes},0),MATCH(${labelRef},${block.steps},0))`;
        const printedAmount = cellAmount(block.schedule, k.lane, printedCol);
        const scaledAmount = cellAmount(baseBlock.schedule, k.lane, baseCol).times(factorOf.get(fy)!);
        const amount = fy === base ? printedAmount : printed ? printedAmount : scaledAmount;
        (salary.get(fy) ?? salary.set(fy, []).get(fy)!)[i] = amount;
        const f =
          fy === base ? lookup : `IF(${printedCell},${lookup},${col(salaryCol(n, base))}${r}*$${col(2 + years.indexOf(fy))}$${factorRow})`;
        put(r, salaryCol(n, fy), formula(f, v(amount), SALARY_FORMAT));
      }
    });

    // SUMPRODUCT of a headcount column and a salary column, with the Decimal value.
    const priced = (hcColumn: number, counts: Map<string, Decimal>, sfy: number) => {
      let total = ZERO;
      const amounts = salary.get(sfy)!;
      ids.forEach((id, i) => {
        const h = counts.get(id);
        if (h) total = total.plus(h.times(amounts[i]!));
      });
      return { f: `SUMPRODUCT(${range(hcColumn)},${range(salaryCol(n, sfy))})`, value: total };
    };
    const p0 = priced(BASE_COL, baseHc, base);
    put(r0 + 5, 2, formula(p0.f, v(p0.value), DOLLARS));
    const p0Cell = `$C$${r0 + 5}`;

    const fyShare = (fy: number, from: string, to: string) => {
      const after = (d: string) => shareOfFiscalYearAfter(d, fy, cal, proration).num;
      const count = after(from) - after(to);
      const den = shareOfFiscalYearAfter(fiscalYearStart(fy, cal.fiscalYearStartMonth), fy, cal, proration).den;
      return { count, den };
    };
    for (const fy of years) {
      const term = termByYear.get(fy);
      const c = 2 + years.indexOf(fy);
      if (!term) {
        for (let i = 6; i <= 13; i++) put(r0 + i, c, num(0, DOLLARS), "value");
        continue;
      }
      // The year's segments: before the earlier of the step date and the raise date, between them, after both.
      const start = fiscalYearStart(fy, cal.fiscalYearStartMonth);
      const end = fiscalYearEndExclusive(fy, cal.fiscalYearStartMonth);
      const clamp = (d: string) => (d < start ? start : d > end ? end : d);
      const anniversary = clamp(anniversaryInFiscalYear(settings.anniversary, fy, cal.fiscalYearStartMonth));
      const effective = clamp(term.effective);
      const [d1, d2] = anniversary <= effective ? [anniversary, effective] : [effective, anniversary];
      const stepFirst = anniversary <= effective;
      const segments = [
        { from: start, to: d1, moved: false, newSchedule: false },
        { from: d1, to: d2, moved: stepFirst, newSchedule: !stepFirst },
        { from: d2, to: end, moved: true, newSchedule: true },
      ]
        .map((s) => ({ ...s, ...fyShare(fy, s.from, s.to) }))
        .filter((s) => s.count > 0);
      const weight = (s: (typeof segments)[number]) =>
        s.count === s.den
          ? ""
          : `${args.calendarCount({
              key: `${unitKey}.FY${fy}.${s.from}..${s.to}`,
              value: s.count,
              unit,
              label: `${Unit} of FY${fy} from ${s.from} to before ${s.to}`,
            })}/${args.calendarCount({ key: `${unitKey}.FY${fy}`, value: s.den, unit, label: `${Unit} in FY${fy}` })}*`;
      const payroll = (p: "A" | "B" | "T") => {
        let value = ZERO;
        const fs = segments.map((s) => {
          const sfy = s.newSchedule ? fy : fy - 1;
          const hfy = s.moved ? fy : fy - 1;
          const x = p === "A" ? priced(BASE_COL, baseHc, sfy) : priced(hcCol(p, hfy), hc[p].get(hfy)!, sfy);
          value = value.plus(x.value.times(s.count).div(s.den));
          return `${weight(s)}${x.f}`;
        });
        return { f: fs.join("+"), value };
      };
      const A = payroll("A");
      const Bv = payroll("B");
      const T = payroll("T");
      put(r0 + 6, c, formula(A.f, v(A.value), DOLLARS));
      put(r0 + 7, c, formula(Bv.f, v(Bv.value), DOLLARS));
      put(r0 + 8, c, formula(T.f, v(T.value), DOLLARS));
      const at = (i: number) => cell(r0 + i, fy);
      put(r0 + 9, c, formula(`${at(6)}-${p0Cell}`, v(A.value.minus(p0.value)), DOLLARS), "valueBold");
      put(r0 + 10, c, formula(`${at(7)}-${at(6)}`, v(Bv.value.minus(A.value)), DOLLARS), "valueBold");
      put(r0 + 11, c, formula(`${at(8)}-${at(7)}`, v(T.value.minus(Bv.value)), DOLLARS), "valueBold");
      const engine = ["", ".steps", ".turnover"]
        .map((suffix) => args.result.items.find((i) => i.id === item.id + suffix)?.cells[`FY${fy}`]?.exact ?? ZERO)
        .reduce((a, b) => a.plus(b), ZERO);
      put(r0 + 12, c, num(cachedNumber(engine), DOLLARS), "value");
      put(r0 + 13, c, formula(`${at(9)}+${at(10)}+${at(11)}-${at(12)}`, v(T.value.minus(p0.value).minus(engine)), DOLLARS));
      const abs = (i: number) => `${quoteSheet(args.name)}!${col(c)}${r0 + i}`;
      if (!parts.has(item.id)) parts.set(item.id, new Map());
      parts.get(item.id)!.set(fy, { raise: abs(9), steps: abs(10), turnover: abs(11) });
    }
  });

  for (let r = 0; r < rows.length; r++) rows[r] ??= [];
  const widths = [40, 30, 16, 16, 16, 18, ...years.flatMap(() => [16, 16]), ...raisesItems.flatMap(() => [base, ...years].map(() => 14))];
  decor.freeze = { rows: T0, cols: 4 };
  decor.print = "landscape";
  const sheet = sheetFromRows(rows, widths);
  return { name: args.name, sheet, decor, parts };
}
