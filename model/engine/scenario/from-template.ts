/**
 * A new scenario from a template: the template's layout and inputs moved to the agreement's own
 * fiscal years and fiscal-year start, with its name. Templates write their raises and entered
 * amounts one per fiscal year, effective on the first day of the year, and the agreement from the
 * first day of a fiscal year to the last day of one: those dates move with the years (to the new
 * start month); any other date keeps its month and day and moves by the same number of years.
 * Years past the new last year are dropped; a new year beyond the template's gets a copy of the
 * template's last entry, left to fill. Nothing here knows any template.
 */
import { fiscalYearEndExclusive, fiscalYearOfDate, fiscalYearStart, isoFromDayOrdinal, dayOrdinal } from "../calendar";
import type { ScenarioBase } from "./base";

export interface TemplateOptions {
  id: string;
  name: string;
  agreementName?: string;
  firstFiscalYear: number;
  lastFiscalYear: number;
  fiscalYearStartMonth: number;
}

type Json = unknown;
const YEAR_FIELDS = new Set(["fiscalYear", "startFiscalYear", "paidInFiscalYear", "through", "baselineYear", "asOfFiscalYear"]);
const lastDay = (fy: number, m: number) => isoFromDayOrdinal(dayOrdinal(fiscalYearEndExclusive(fy, m)) - 1);

/** Why the options cannot make a scenario, or null. */
export function templateOptionsProblem(o: TemplateOptions): string | null {
  if (!Number.isInteger(o.firstFiscalYear) || !Number.isInteger(o.lastFiscalYear)) return "fiscal years are whole years";
  if (o.firstFiscalYear < 1900 || o.lastFiscalYear > 2200) return "fiscal years run from 1900 to 2200";
  if (o.lastFiscalYear < o.firstFiscalYear) return "the last fiscal year comes before the first";
  if (o.lastFiscalYear - o.firstFiscalYear >= 30) return "at most 30 fiscal years";
  if (!Number.isInteger(o.fiscalYearStartMonth) || o.fiscalYearStartMonth < 1 || o.fiscalYearStartMonth > 12)
    return "the fiscal year starts in a month 1 to 12";
  if (o.name.trim() === "") return "the scenario needs a name";
  return null;
}

/** A copy of a parsed template (blanks kept empty) for the agreement's years, start month and names. */
export function scenarioFromTemplate<S extends ScenarioBase>(template: S, o: TemplateOptions): S {
  const problem = templateOptionsProblem(o);
  if (problem) throw new Error(problem);
  const oldYears = template.table.columns.fiscalYears;
  const oldMonth = template.calendar.fiscalYearStartMonth;
  const m = o.fiscalYearStartMonth;
  const shift = o.firstFiscalYear - oldYears[0]!;
  const oldLast = oldYears[oldYears.length - 1]!;
  const years = Array.from({ length: o.lastFiscalYear - o.firstFiscalYear + 1 }, (_, i) => o.firstFiscalYear + i);
  const extra = years.filter((fy) => fy > oldLast + shift);
  const moveDate = (d: string): string => {
    const fy = fiscalYearOfDate(d, oldMonth);
    if (d === fiscalYearStart(fy, oldMonth)) return fiscalYearStart(fy + shift, m);
    if (d === lastDay(fy, oldMonth)) return lastDay(fy + shift, m);
    const moved = `${Number.parseInt(d.slice(0, 4), 10) + shift}${d.slice(4)}`;
    return moved.endsWith("-02-29") && !/^\d{4}-02-29$/.test(isoFromDayOrdinal(dayOrdinal(moved)))
      ? moved.replace("-02-29", "-02-28")
      : moved;
  };
  const keep = (fy: number) => fy <= o.lastFiscalYear;
  const walk = (node: Json, key?: string): Json => {
    if (Array.isArray(node)) {
      const out = node
        .map((x) => walk(x))
        .filter((x) => !(x && typeof x === "object" && "fiscalYear" in x && !keep((x as { fiscalYear: number }).fiscalYear)));
      // Steps one per template year: each new year gets a copy of the last, left to fill.
      const perYear = node.filter((x) => x && typeof x === "object" && "fiscalYear" in x && "amount" in x) as { fiscalYear: number }[];
      if (perYear.length > 0 && perYear.length === node.length && oldYears.every((fy) => perYear.some((s) => s.fiscalYear === fy)))
        for (const fy of extra) out.push(blankCopy(walk(perYear.find((s) => s.fiscalYear === oldLast)), oldLast + shift, fy));
      return out;
    }
    if (node && typeof node === "object") {
      const entries = Object.entries(node as Record<string, Json>);
      const byYear = entries.length > 0 && entries.every(([k]) => /^FY\d{4}$/.test(k));
      const out: Record<string, Json> = {};
      for (const [k, v] of entries) {
        if (byYear) {
          const fy = Number.parseInt(k.slice(2), 10) + shift;
          if (keep(fy)) out[`FY${fy}`] = walk(v);
        } else if (k === "fiscalYears" && key === "columns") out[k] = years;
        else if (YEAR_FIELDS.has(k) && typeof v === "number") out[k] = v + shift;
        else out[k] = walk(v, k);
      }
      if (byYear && oldYears.every((fy) => `FY${fy}` in (node as object)))
        for (const fy of extra) out[`FY${fy}`] = blankCopy(out[`FY${oldLast + shift}`], oldLast + shift, fy);
      return out;
    }
    if (typeof node === "string" && /^\d{4}-\d{2}-\d{2}$/.test(node)) return moveDate(node);
    if (typeof node === "string" && key === "label")
      return node.replace(/FY(\d{4})/g, (_, y: string) => `FY${Number.parseInt(y, 10) + shift}`);
    return node;
  };
  const moved = walk(JSON.parse(JSON.stringify(template))) as S;
  moved.id = o.id;
  moved.name = o.name.trim();
  moved.calendar = { ...moved.calendar, fiscalYearStartMonth: m, payPeriodAnchor: fiscalYearStart(o.firstFiscalYear, m) };
  if (o.agreementName !== undefined) moved.agreement = { ...moved.agreement, name: o.agreementName.trim() };
  const from = moved.agreement.effectiveFrom;
  moved.agreement = {
    ...moved.agreement,
    effectiveFrom: from > lastDay(o.lastFiscalYear, m) ? fiscalYearStart(o.lastFiscalYear, m) : from,
    effectiveTo: lastDay(o.lastFiscalYear, m),
  };
  return moved;
}

/** A copy of a year's entry (a raise step or an amount) for a later year, its value emptied. */
function blankCopy(entry: Json, from: number, fy: number): Json {
  const relabel = (s: string) => s.replace(`FY${from}`, `FY${fy}`);
  const copy = JSON.parse(JSON.stringify(entry)) as Record<string, Json>;
  const blank = (p: Record<string, Json>) => ({ ...p, value: "", label: relabel(String(p.label)) });
  if ("amount" in copy) {
    const step = copy as { fiscalYear: number; effective: string; amount: Record<string, Json>; id?: string };
    const effective = step.effective.replace(/^\d{4}/, (y) => String(Number.parseInt(y, 10) + (fy - from)));
    const { id: _id, ...rest } = step;
    return { ...rest, fiscalYear: fy, effective, amount: blank(step.amount) };
  }
  return "value" in copy ? blank(copy) : copy;
}
