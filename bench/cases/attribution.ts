/**
 * Attribution of a comparison with the exact Shapley split (model/engine/analysis/compare.ts): 2^n
 * costings for n differences. n = 4: the four raises of the reference each one point higher;
 * n = 8: those plus average salary, members, the Medicare rate and the local share.
 */
import { attributeScenarios } from "../../model/engine/analysis";
import type { Scenario } from "../../model/engine/index";
import { listInputs, setInputValue } from "../../model/engine/scenario/paths";
import { measureSync } from "../measure";
import { failed, withTarget, type CaseResult } from "../results";
import { referenceScenario } from "../reference";
import type { BenchContext } from "./context";

const GROUP = "analysis";

/** Found by label, so the case survives input paths changing shape. */
const EDITS: [label: string, value: string][] = [
  ["FY2025 base salary increase", "0.03"],
  ["FY2026 base salary increase", "0.04"],
  ["FY2027 base salary increase", "0.04"],
  ["FY2028 base salary increase", "0.05"],
  ["Average salary", "106000"],
  ["Active members", "5876"],
  ["Medicare tax rate (employer)", "0.015"],
  ["Local share of total cost", "0.99"],
];

function withEdits(base: Scenario, n: number): Scenario {
  let s = base;
  for (const [label, value] of EDITS.slice(0, n)) {
    const entry = listInputs(s).find((e) => e.param.label === label);
    if (!entry) throw new Error(`the reference has no input labelled "${label}"`);
    s = setInputValue(s, entry.path, value);
  }
  return s;
}

export function attributionCases(ctx: BenchContext): CaseResult[] {
  const out: CaseResult[] = [];
  for (const n of [4, 8]) {
    const id = `analysis.attribution${n}`;
    const label = `Compare with exact Shapley split: ${n} differences (2^${n} costings)`;
    try {
      const base = referenceScenario();
      const scenario = withEdits(base, n);
      const once = attributeScenarios(base, scenario);
      const stats = measureSync(() => attributeScenarios(base, scenario), { warmup: 1, runs: ctx.runs(n > 4 ? 5 : 10) });
      const alone = measureSync(() => attributeScenarios(base, scenario, { shapley: "none" }), {
        warmup: 1,
        runs: ctx.runs(10),
      });
      out.push({
        id,
        group: GROUP,
        label,
        status: "ok",
        stats,
        target: withTarget(stats, "< 3 s in the analysis worker (off the UI thread)", 3000),
        note: "Runs in the analysis Web Worker in the app; the rows and interaction alone (n + 2 costings) come first.",
        details: {
          differences: once.differences.length,
          evaluations: once.evaluations,
          method: once.shapley?.method ?? null,
          rowsAndInteractionOnlyMedianMs: Math.round(alone.medianMs * 10) / 10,
        },
      });
    } catch (e) {
      out.push(failed(id, GROUP, label, e));
    }
  }
  for (const r of out) ctx.log(`${r.id}: ${r.status}${r.reason ? ` (${r.reason})` : ""}`);
  return out;
}
