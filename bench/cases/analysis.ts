/**
 * The analysis module's sweeps (model/engine/analysis): the full sensitivity run
 * (tornado: every numeric input moved down and up, each a full costing) and the 21 x 21 two-way
 * raise table (FY2026 x FY2027 raises 0%..10% by 0.5 points, 441 costings).
 */
import { tornado, twoWayTable } from "../../model/engine/analysis";
import { measureSync } from "../measure";
import { failed, withTarget, type CaseResult } from "../results";
import { referenceScenario } from "../reference";
import { attributionCases } from "./attribution";
import type { BenchContext } from "./context";

const GROUP = "analysis";

export function analysisCases(ctx: BenchContext): Promise<CaseResult[]> {
  const tornadoId = "analysis.sensitivity";
  const tornadoLabel = "Sensitivity: tornado(fisAsPublished()), every input down and up";
  const twoWayId = "analysis.twoWay21x21";
  const twoWayLabel = "Two-way table: FY2026 x FY2027 raise, 21 x 21 (twoWayTable)";
  const scenario = referenceScenario();
  const out: CaseResult[] = [];
  try {
    const once = tornado(scenario);
    const stats = measureSync(() => tornado(scenario), { warmup: 1, runs: ctx.runs(10) });
    out.push({
      id: tornadoId,
      group: GROUP,
      label: tornadoLabel,
      status: "ok",
      stats,
      target: withTarget(stats, "< 1 s (issue: well under a second)", 1000),
      note: "Each evaluation is setInputValue + a full computeTable with explanations.",
      details: { inputs: once.bars.length, evaluations: once.evaluations },
    });
  } catch (e) {
    out.push(failed(tornadoId, GROUP, tornadoLabel, e));
  }
  try {
    const request = { rowYear: 2026, columnYear: 2027 };
    const once = twoWayTable(scenario, request);
    const cells = once.values.reduce((n, row) => n + row.length, 0);
    const stats = measureSync(() => twoWayTable(scenario, request), { warmup: 1, runs: ctx.runs(10) });
    const corner = once.values[once.values.length - 1]?.[once.values[0]!.length - 1];
    out.push({
      id: twoWayId,
      group: GROUP,
      label: twoWayLabel,
      status: "ok",
      stats,
      target: withTarget(stats, "< 1 s (issue: well under a second)", 1000),
      details: {
        cells,
        evaluations: once.evaluations,
        fourYearTotalAt10And10Percent: corner?.toFixed(2) ?? null,
      },
    });
  } catch (e) {
    out.push(failed(twoWayId, GROUP, twoWayLabel, e));
  }
  for (const r of out) ctx.log(`${r.id}: ${r.status}${r.reason ? ` (${r.reason})` : ""}`);
  return Promise.resolve([...out, ...attributionCases(ctx)]);
}
