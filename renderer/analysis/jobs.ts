/**
 * The analyses that need many costings (cost of 1%, tornado, two-way table) as plain requests and
 * plain answers: a request carries the scenario as JSON text, an answer carries every amount as a
 * decimal string. That is what crosses the Web Worker boundary (structured clone would strip
 * Decimal's prototype), and the same function runs on the main thread when no worker is available.
 */
import type { ComputeOptions } from "../../model/engine/compute";
import { Decimal } from "../../model/engine/decimal";
import type { Explanation } from "../../model/engine/explain";
import type { AttributedColumn, AttributedLine, CellValues } from "../../model/engine/analysis/attribution";
import { attributeScenarios } from "../../model/engine/analysis/compare";
import { costOfOnePercent } from "../../model/engine/analysis/cost-of-one-percent";
import { tornado, twoWayTable } from "../../model/engine/analysis/sensitivity";
import { monteCarlo, type MonteCarloResult } from "../../model/engine/risk/monte-carlo";
import { assertCensus } from "../../model/engine/schedule/census-check";
import type { Census } from "../../model/engine/schedule/types";
import type { Scenario } from "../../model/engine/scenario/types";

export interface CensusJson {
  label: string;
  asOfFiscalYear: number;
  cells: { schedule: string; lane: string; step: number; yearsOfService?: number; headcount: string }[];
}

export type AnalysisRequest =
  | { kind: "costOfOnePercent"; scenario: string; census?: CensusJson }
  | { kind: "tornado"; scenario: string; census?: CensusJson }
  | { kind: "twoWay"; scenario: string; census?: CensusJson; rowYear: number; columnYear: number }
  /** What each difference between `baseline` and `scenario` adds to every cell; with the Shapley split when asked. */
  | { kind: "attribution"; baseline: string; scenario: string; census?: CensusJson; shapley: boolean }
  /** Monte Carlo ranges of every cell; `exceed` limits in dollars as decimal strings. */
  | {
      kind: "monteCarlo";
      scenario: string;
      census?: CensusJson;
      draws: number;
      seed: number;
      exceed?: { lineId: string; column: string; dollars: string }[];
    };

/** Dollars by line id, then column id, every digit kept (so the rows still add up exactly once parsed). */
export type CellStrings = Record<string, Record<string, string>>;

export interface AttributionData {
  kind: "attribution";
  lines: AttributedLine[];
  columns: AttributedColumn[];
  baseline: CellStrings;
  scenario: CellStrings;
  differences: { id: string; label: string; appliesAlone: boolean; alone: CellStrings; reasonA: string; reasonB: string }[];
  interaction: CellStrings;
  total: CellStrings;
  shapley: {
    method: "exact" | "sampled";
    permutations?: number;
    seed?: number;
    values: Record<string, CellStrings>;
    standardError?: Record<string, CellStrings>;
  } | null;
  evaluations: number;
  ms: number;
}

export interface MarginalRow {
  id: string;
  label: string;
  fiscalYear: number;
  kind: "percent" | "flat";
  /** Dollars, unrounded, by column ("FY2025".., "Total"). */
  cells: Record<string, string>;
  /** $ thousands by the scenario's rounding rule, by column. */
  display: Record<string, string>;
  explanation: Explanation;
}

export interface CostOfOnePercentData {
  kind: "costOfOnePercent";
  columns: string[];
  onePercent: MarginalRow[];
  flatPerMember: MarginalRow[];
  /** Why a kind has no rows, in words. */
  unavailable: { onePercent?: string; flatPerMember?: string };
  evaluations: number;
  ms: number;
}

export interface TornadoBarData {
  path: string;
  label: string;
  owner: string;
  unit: string;
  value: string;
  low: string;
  high: string;
  move: string;
  totalLow: string;
  totalHigh: string;
  swing: string;
}

export interface TornadoData {
  kind: "tornado";
  baseTotalCost: string;
  bars: TornadoBarData[];
  evaluations: number;
  ms: number;
}

export interface TwoWayData {
  kind: "twoWay";
  rowYear: number;
  columnYear: number;
  rowRates: string[];
  columnRates: string[];
  /** values[i][j]: TOTAL COST over all years, dollars, with rowRates[i] and columnRates[j]. */
  values: string[][];
  evaluations: number;
  ms: number;
}

export interface MonteCarloData {
  kind: "monteCarlo";
  /** Plain numbers and strings already, so it crosses the worker boundary as it is. */
  result: MonteCarloResult;
  evaluations: number;
  ms: number;
}

export type AnalysisData = CostOfOnePercentData | TornadoData | TwoWayData | AttributionData | MonteCarloData;

/** Told how far a long job has come (done of total steps). */
export type Progress = (done: number, total: number) => void;
const noProgress: Progress = () => {};

export function censusToJson(census: Census): CensusJson {
  return {
    label: census.label,
    asOfFiscalYear: census.asOfFiscalYear,
    cells: census.cells.map((c) => ({ ...c, headcount: c.headcount.toString() })),
  };
}

function censusFromJson(json: CensusJson): Census {
  return {
    label: json.label,
    asOfFiscalYear: json.asOfFiscalYear,
    cells: json.cells.map((c) => ({
      ...c,
      schedule: c.schedule as Census["cells"][number]["schedule"],
      headcount: new Decimal(c.headcount),
    })),
  };
}

/** The same options the table uses (state/compute-cache.ts): a census only matters to the schedule method. */
function optionsFor(scenario: Scenario, census: CensusJson | undefined): ComputeOptions {
  return census && scenario.settings.salaryMethod === "schedule"
    ? { scheduleMethod: { census: assertCensus(censusFromJson(census)) } }
    : {};
}

const strings = (r: Record<string, Decimal>): Record<string, string> =>
  Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v.toString()]));

const cellStrings = (cells: CellValues): CellStrings =>
  Object.fromEntries(
    Object.entries(cells).map(([line, byColumn]) => [line, Object.fromEntries(Object.entries(byColumn).map(([c, v]) => [c, v.toFixed()]))]),
  );

const byId = (r: Record<string, CellValues>): Record<string, CellStrings> =>
  Object.fromEntries(Object.entries(r).map(([id, cells]) => [id, cellStrings(cells)]));

/** Runs one request; throws on a scenario the engine refuses (the caller shows the message). */
export function runAnalysis(
  request: AnalysisRequest,
  progress: Progress = noProgress,
  now: () => number = () => performance.now(),
): AnalysisData {
  const started = now();
  const scenario = JSON.parse(request.scenario) as Scenario;
  const options = optionsFor(scenario, request.census);
  switch (request.kind) {
    case "attribution": {
      const baseline = JSON.parse(request.baseline) as Scenario;
      // The engine reads the census only for a side costed by the schedule method, as the table does.
      const a = attributeScenarios(baseline, scenario, {
        shapley: request.shapley ? "auto" : "none",
        compute: request.census ? { scheduleMethod: { census: assertCensus(censusFromJson(request.census)) } } : {},
      });
      const reasons = new Map(a.found.map((d) => [d.id, d]));
      return {
        kind: "attribution",
        lines: a.lines,
        columns: a.columns,
        baseline: cellStrings(a.baseline),
        scenario: cellStrings(a.scenario),
        differences: a.differences.map((d) => ({
          id: d.id,
          label: d.label,
          appliesAlone: d.appliesAlone,
          alone: cellStrings(d.alone),
          reasonA: reasons.get(d.id)?.reasonA ?? "",
          reasonB: reasons.get(d.id)?.reasonB ?? "",
        })),
        interaction: cellStrings(a.interaction),
        total: cellStrings(a.total),
        shapley: a.shapley && {
          method: a.shapley.method,
          ...(a.shapley.permutations !== undefined ? { permutations: a.shapley.permutations, seed: a.shapley.seed! } : {}),
          values: byId(a.shapley.values),
          ...(a.shapley.standardError ? { standardError: byId(a.shapley.standardError) } : {}),
        },
        evaluations: a.evaluations,
        ms: now() - started,
      };
    }
    case "monteCarlo": {
      const result = monteCarlo(scenario, {
        draws: request.draws,
        seed: request.seed,
        computeOptions: options,
        onProgress: progress,
        now,
        ...(request.exceed
          ? { exceed: request.exceed.map((x) => ({ lineId: x.lineId, column: x.column, dollars: new Decimal(x.dollars) })) }
          : {}),
      });
      return { kind: "monteCarlo", result, evaluations: result.draws, ms: now() - started };
    }
    case "costOfOnePercent": {
      const c = costOfOnePercent(scenario, options);
      const row = (m: (typeof c.onePercent)[number]): MarginalRow => ({
        id: m.id,
        label: m.label,
        fiscalYear: m.fiscalYear,
        kind: m.kind,
        cells: strings(m.cells),
        display: strings(m.display),
        explanation: m.explanation,
      });
      return {
        kind: "costOfOnePercent",
        columns: c.columns,
        onePercent: c.onePercent.map(row),
        flatPerMember: c.flatPerMember.map(row),
        unavailable: c.unavailable,
        evaluations: 1 + c.onePercent.length + c.flatPerMember.length,
        ms: now() - started,
      };
    }
    case "tornado": {
      const t = tornado(scenario, options, { onProgress: progress });
      return {
        kind: "tornado",
        baseTotalCost: t.baseTotal.toString(),
        bars: t.bars.map((b) => ({
          path: b.path,
          label: b.label,
          owner: b.owner,
          unit: b.unit,
          value: b.value.toString(),
          low: b.low.toString(),
          high: b.high.toString(),
          move: b.move,
          totalLow: b.total.low.toString(),
          totalHigh: b.total.high.toString(),
          swing: b.swing.toString(),
        })),
        evaluations: t.evaluations,
        ms: now() - started,
      };
    }
    case "twoWay": {
      const t = twoWayTable(scenario, { rowYear: request.rowYear, columnYear: request.columnYear }, options, { onProgress: progress });
      return {
        kind: "twoWay",
        rowYear: t.rowYear,
        columnYear: t.columnYear,
        rowRates: t.rowRates.map(String),
        columnRates: t.columnRates.map(String),
        values: t.values.map((r) => r.map(String)),
        evaluations: t.evaluations,
        ms: now() - started,
      };
    }
  }
}
