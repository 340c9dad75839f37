/**
 * The one place the renderer touches model/engine/schedule: plain rows for read-only grids, so a change in
 * the schedule API is fixed here and nowhere else.
 */
import { Decimal } from "../../model/engine/decimal";
import { REFERENCE_CENSUS_DESCRIPTION, loadSchedules, referenceCensus, type Census } from "../../model/engine/schedule";
import { censusOfScenario } from "../../model/engine/schedule/with-method";
import type { Scenario } from "../../model/engine/scenario/types";

export interface ScheduleView {
  id: string;
  title: string;
  source: string;
  /** The source text the printed schedule was read from (its lines are in `source`), for the tooltip. */
  sourceFile?: string;
  steps: string[];
  rows: { lane: string; cells: (string | null)[] }[];
  notes: string[];
}

/**
 * The census's name, its year and its headcount, each said once: a label that already gives the
 * year or the count as shown ("SYNTHETIC reference census (5,776 members, FY2024 average …)") is not
 * followed by them again.
 */
export function censusHeading(view: Pick<CensusView, "label" | "asOf">, members: string): string {
  const year = `FY${view.asOf}`;
  return [view.label, view.label.includes(year) ? "" : year, view.label.includes(members) ? "" : members].filter(Boolean).join(", ");
}

export interface CensusView {
  label: string;
  description: string;
  asOf: number;
  total: string;
  steps: number[];
  rows: { key: string; schedule: string; lane: string; counts: Record<number, string>; total: string }[];
}

type Schedule = ReturnType<typeof loadSchedules>[number];

const scheduleTitle = (s: Schedule) =>
  `${s.family} ${s.months}-month, FY${s.fiscalYear}${s.adjustment ? ` (+${new Decimal(s.adjustment).times(100).toString()}%)` : ""}`;

export function scheduleViews(): ScheduleView[] {
  const all = loadSchedules();
  const titleOf = new Map(all.map((s) => [s.id, scheduleTitle(s)]));
  return all.map((s) => ({
    id: s.id,
    title: `${scheduleTitle(s)}${s.derived ? " (derived)" : ""}`,
    // In the reader's words: the heading as printed and its lines, or the schedule it comes from by its title.
    source: s.derived
      ? `derived from ${titleOf.get(s.derived.from) ?? s.derived.from}: ${s.derived.rule}`
      : `printed in the agreement as "${s.heading}", lines ${s.source.lines[0]}-${s.source.lines[1]} of its text` +
        `${s.source.note ? `; ${s.source.note}` : ""}`,
    ...(s.derived ? {} : { sourceFile: s.source.file }),
    steps: s.steps,
    rows: s.lanes.map((lane) => ({ lane, cells: s.cells[lane] ?? [] })),
    notes: s.notes ?? [],
  }));
}

/** A census to show: the census itself, the file it came from, and optionally what to say about it. */
export interface ShownCensus {
  census: Census;
  fileName: string;
  importedIn?: "worker" | "main thread";
  description?: string;
}

/**
 * The census the census screen shows for a scenario: a schedule-method scenario's own (embedded,
 * saved with it; or the reference census it names), else the last imported census, else null for
 * the reference census.
 */
export function censusOnScreen(scenario: Scenario, imported: ShownCensus | null): ShownCensus | null {
  const block = scenario.settings.salaryMethod === "schedule" ? scenario.scheduleMethod : undefined;
  if (!block) return imported;
  if ("reference" in block.census) return null;
  return {
    census: censusOfScenario(scenario),
    fileName: block.census.label,
    description:
      `Saved with "${scenario.name}" (SHA-256 ${block.census.sha256.slice(0, 12)}…): the census its schedule-method costs use, ` +
      `checked against its hash when the file is opened.`,
  };
}

/** The imported census when there is one, else the synthetic reference census. */
export function censusView(imported?: ShownCensus | null): CensusView {
  const census = imported?.census ?? referenceCensus();
  const steps = [...new Set(census.cells.map((c) => c.step))].sort((a, b) => a - b);
  const byRow = new Map<string, { schedule: string; lane: string; counts: Map<number, Decimal> }>();
  let total = new Decimal(0);
  for (const c of census.cells) {
    const key = `${c.schedule}|${c.lane}`;
    let row = byRow.get(key);
    if (!row) byRow.set(key, (row = { schedule: c.schedule, lane: c.lane, counts: new Map() }));
    row.counts.set(c.step, (row.counts.get(c.step) ?? new Decimal(0)).plus(c.headcount));
    total = total.plus(c.headcount);
  }
  return {
    label: census.label,
    description: imported ? (imported.description ?? `Imported from "${imported.fileName}".`) : REFERENCE_CENSUS_DESCRIPTION,
    asOf: census.asOfFiscalYear,
    total: total.toString(),
    steps,
    rows: [...byRow.entries()].map(([key, r]) => {
      const counts: Record<number, string> = {};
      let rowTotal = new Decimal(0);
      for (const [step, n] of r.counts) {
        counts[step] = n.toString();
        rowTotal = rowTotal.plus(n);
      }
      return { key, schedule: r.schedule, lane: r.lane, counts, total: rowTotal.toString() };
    }),
  };
}
