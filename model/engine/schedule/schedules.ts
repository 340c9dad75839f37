/**
 * Loads the printed salary schedules (FY2025-FY2028) and derives FY2024.
 *
 * The JSON is imported statically so the loader works in browser builds (no fs).
 *
 * FY2024 is not printed. It is derived per cell as FY2025 / 1.02 (the FY2025 adjustment printed on
 * every ET-15 table, Art. 36.2), ROUNDED TO THE DOLLAR, HALF-UP. Why to the dollar: every printed table
 * is in whole dollars, so a derived table in whole dollars is what the FY2024 schedule itself would have
 * printed, and FY2024 payroll stays an integer like every other year's. Why half-up: it is the rounding
 * the display rule (model/engine/table/display.ts) and decimal.ts use, and it is symmetric for the .5 case that a
 * division by 1.02 can produce. The rounding moves a cell by at most $0.50; the extraction tests check
 * FY2024 x 1.02 against FY2025 within $1. EG-09 prints no FY2025 adjustment; the same 2% is applied
 * (the raise of Art. 36.2 covers the whole unit) and noted on the derived table.
 */
import { Decimal } from "../decimal";
import et15Json from "./data/et15.json";
import eg09Json from "./data/eg09.json";
import type { SalarySchedule, ScheduleFile, ScheduleKey } from "./types";
import { SCHEDULE_KEYS } from "./types";

export const FY2024_DIVISOR = "1.02";
export const FIRST_PRINTED_FY = 2025;
export const LAST_PRINTED_FY = 2028;

function validateFile(raw: unknown, name: string): ScheduleFile {
  const f = raw as ScheduleFile;
  if (!f || !Array.isArray(f.schedules)) throw new Error(`${name}: not a schedule file`);
  for (const s of f.schedules) {
    if (![10, 11, 12].includes(s.months)) throw new Error(`${name} ${s.id}: months ${String(s.months)}`);
    for (const lane of s.lanes) {
      const row = s.cells[lane];
      if (!row || row.length !== s.steps.length)
        throw new Error(`${name} ${s.id}: lane ${lane} has ${row?.length ?? 0} cells for ${s.steps.length} steps`);
      for (const c of row) if (c !== null && !/^\d+$/.test(c)) throw new Error(`${name} ${s.id}: bad cell "${c}"`);
    }
  }
  return f;
}

export function scheduleKeyOf(s: Pick<SalarySchedule, "family" | "months">): ScheduleKey {
  if (s.family === "EG-09") return "EG09";
  return `ET15-${s.months}M` as ScheduleKey;
}

/** FY2024 from FY2025: each cell / 1.02, rounded to the dollar half-up (see the module comment). */
export function deriveFy2024(fy2025: SalarySchedule): SalarySchedule {
  const divisor = new Decimal(FY2024_DIVISOR);
  const cells: Record<string, (string | null)[]> = {};
  for (const lane of fy2025.lanes) {
    cells[lane] = fy2025.cells[lane]!.map((c) =>
      c === null ? null : new Decimal(c).div(divisor).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toFixed(0),
    );
  }
  return {
    ...fy2025,
    id: fy2025.id.replace("FY2025", "FY2024"),
    fiscalYear: 2024,
    effective: "2023-10-08",
    adjustment: null,
    heading: `Derived FY2024 schedule: ${fy2025.heading} / 1.02`,
    cells,
    derived: { from: fy2025.id, rule: "FY2025 cell / 1.02, rounded to the dollar half-up" },
    notes: [
      ...(fy2025.family === "EG-09" ? ["EG-09 prints no FY2025 adjustment; the ET-15 2% (Art. 36.2) is assumed."] : []),
      "Effective date 2023-10-08 = first pay period of the FY2024 pay year (2024-10-06 - 364 days).",
    ],
  };
}

let cache: SalarySchedule[] | null = null;

/** All schedules: derived FY2024 plus printed FY2025-FY2028, for ET-15 10/11/12-month and EG-09. */
export function loadSchedules(): SalarySchedule[] {
  if (cache) return cache;
  const printed = [...validateFile(et15Json, "et15.json").schedules, ...validateFile(eg09Json, "eg09.json").schedules];
  const derived = printed.filter((s) => s.fiscalYear === FIRST_PRINTED_FY).map(deriveFy2024);
  cache = [...derived, ...printed].sort(
    (a, b) => a.fiscalYear - b.fiscalYear || SCHEDULE_KEYS.indexOf(scheduleKeyOf(a)) - SCHEDULE_KEYS.indexOf(scheduleKeyOf(b)),
  );
  return cache;
}

/** Index: key -> fiscal year -> schedule. */
export type ScheduleIndex = Map<ScheduleKey, Map<number, SalarySchedule>>;

export function indexSchedules(schedules: readonly SalarySchedule[]): ScheduleIndex {
  const idx: ScheduleIndex = new Map();
  for (const s of schedules) {
    const k = scheduleKeyOf(s);
    if (!idx.has(k)) idx.set(k, new Map());
    idx.get(k)!.set(s.fiscalYear, s);
  }
  return idx;
}

export function getSchedule(idx: ScheduleIndex, key: ScheduleKey, fiscalYear: number): SalarySchedule {
  const s = idx.get(key)?.get(fiscalYear);
  if (!s) throw new Error(`no ${key} schedule for FY${fiscalYear}`);
  return s;
}

/**
 * How individual steps map to the printed columns. Steps are 1..16 for both families.
 * ET-15: 1..11 own column, 12..15 -> "12-15", 16 -> "16". EG-09: 1..9 own column, 10..16 -> "10-16".
 * Longevity columns ("17-18 yrs", "19-20 yrs", "21+ yrs") apply at the top step (16) by years of service,
 * when the lane has a (non-N/A) longevity cell; otherwise the member is paid at step 16.
 */
export interface StepLayout {
  maxStep: number;
  /** index = step - 1 -> column index */
  stepColumn: number[];
  longevity: { minYears: number; maxYears: number; column: number }[];
}

const layoutCache = new WeakMap<readonly string[], StepLayout>();

export function stepLayout(s: Pick<SalarySchedule, "steps">): StepLayout {
  const hit = layoutCache.get(s.steps);
  if (hit) return hit;
  const stepColumn: number[] = [];
  const longevity: StepLayout["longevity"] = [];
  s.steps.forEach((label, col) => {
    const yrs = /^(\d+)(?:-(\d+)|\+)\s*yrs$/.exec(label);
    if (yrs) {
      longevity.push({
        minYears: Number.parseInt(yrs[1]!, 10),
        maxYears: yrs[2] ? Number.parseInt(yrs[2], 10) : Number.POSITIVE_INFINITY,
        column: col,
      });
      return;
    }
    const m = /^(\d+)(?:-(\d+))?$/.exec(label);
    if (!m) throw new Error(`unrecognised step label "${label}"`);
    const from = Number.parseInt(m[1]!, 10);
    const to = m[2] ? Number.parseInt(m[2], 10) : from;
    for (let st = from; st <= to; st++) stepColumn[st - 1] = col;
  });
  const layout = { maxStep: stepColumn.length, stepColumn, longevity };
  layoutCache.set(s.steps, layout);
  return layout;
}

/** Years of service assumed when a census cell has none: equal to the step (one step per year of service). */
export function assumedYears(step: number): number {
  return step;
}

/** The printed column paying a member at `step` with `years` of service in `lane`. */
export function payColumn(s: SalarySchedule, lane: string, step: number, years: number | undefined): number {
  const layout = stepLayout(s);
  if (step < 1 || step > layout.maxStep) throw new Error(`step ${step} outside 1..${layout.maxStep}`);
  const base = layout.stepColumn[step - 1]!;
  if (step !== layout.maxStep) return base;
  const y = years ?? assumedYears(step);
  for (const l of layout.longevity) {
    if (y >= l.minYears && y <= l.maxYears && s.cells[lane]?.[l.column] != null) return l.column;
  }
  return base;
}

/** Annual salary (whole dollars, as printed or derived) for a lane and column; throws on N/A. */
export function cellAmount(s: SalarySchedule, lane: string, column: number): Decimal {
  const row = s.cells[lane];
  if (!row) throw new Error(`${s.id}: no lane "${lane}"`);
  const c = row[column];
  if (c === null || c === undefined) throw new Error(`${s.id}: ${lane} ${s.steps[column]} is N/A`);
  return new Decimal(c);
}

/** A schedule's name in words ("ET-15 10-month schedule"), for labels: never its data key. */
export function scheduleName(key: ScheduleKey): string {
  return key === "EG09" ? "EG-09 schedule" : `ET-15 ${key.slice(5, 7)}-month schedule`;
}

/** Human-readable source reference for a schedule (for Explanation sources): its printed heading and lines, never a file name. */
export function scheduleRef(s: SalarySchedule): string {
  const lines = `lines ${s.source.lines[0]}-${s.source.lines[1]} of the agreement's text`;
  if (s.derived) return `${s.heading}: ${s.derived.rule} (${lines})`;
  return `"${s.heading}", ${lines}`;
}
