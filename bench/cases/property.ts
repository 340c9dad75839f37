/**
 * A larger run of the fast path's property test (test/fast): random scenarios of both salary
 * methods, each compiled, evaluated as generated and edited, and checked cell by cell against the
 * exact engine. Opt-in (`npm run bench -- --only property`): it takes minutes. FIS_FAST_RUNS scales
 * it (default 2: 20,000 average-salary and 2,000 schedule-method scenarios).
 */
import { property } from "../../test/fast/property-check";
import { failed, type CaseResult } from "../results";
import type { BenchContext } from "./context";

const GROUP = "property";

export async function propertyCases(ctx: BenchContext): Promise<CaseResult[]> {
  const scale = Number(process.env.FIS_FAST_RUNS ?? "2");
  const out: CaseResult[] = [];
  for (const [method, n] of [
    ["averageSalary", 10_000 * scale],
    ["schedule", 1_000 * scale],
  ] as const) {
    const id = `property.${method}`;
    const kind = method === "schedule" ? "schedule-method" : "average-salary";
    const label = `Fast path = exact engine on ${n.toLocaleString("en-US")} random ${kind} scenarios (x2 evaluations)`;
    try {
      const t0 = performance.now();
      const tally = property(method, n);
      const ms = performance.now() - t0;
      out.push({
        id,
        group: GROUP,
        label,
        status: "ok",
        stats: { medianMs: ms, minMs: ms, maxMs: ms, runs: 1, warmup: 0 },
        details: { ...tally },
      });
    } catch (e) {
      out.push(failed(id, GROUP, label, e));
    }
    ctx.log(`${id}: ${out[out.length - 1]!.status}`);
  }
  return out;
}
