/**
 * The Ranges card's data: the suggested (ASSUMED) ranges for a scenario that has none, and the
 * Monte Carlo job as the worker runs it (plain data, progress along the way, the exceedance asked
 * for). Values checked here come from outside the engine: the example scenario's own ranges, and a
 * closed form (a uniform ±2% headcount scales a line linear in it exactly).
 */
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { fisAsPublished } from "../../model/built-ins";
import { runAnalysis, type MonteCarloData } from "../../renderer/analysis/jobs";
import { withSuggestedRanges } from "../../renderer/analysis/suggested-ranges";

const example = JSON.parse(
  readFileSync(new URL("../../examples/dc-dcps-wtu-2023/schedule-method-ranges.json", import.meta.url), "utf8"),
) as {
  uncertainty: { inputs: Record<string, { distribution: string; min?: string; mode?: string; max?: string }> };
};

describe("suggested ranges", () => {
  it("on the reference: separation rate and held share as in the example file, members ± 2%, all ASSUMED, schedule method", () => {
    const r = withSuggestedRanges(fisAsPublished());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const inputs = r.value.scenario.uncertainty!.inputs;
    for (const path of ["scheduleMethod.separationRate", "scheduleMethod.heldShare"]) {
      const { distribution, min, mode, max } = example.uncertainty.inputs[path]!;
      expect(inputs[path]).toMatchObject({ distribution, min, ...(mode ? { mode } : {}), max });
      expect(inputs[path]!.source?.kind).toBe("assumed");
    }
    // 5,776 x 0.98 = 5,660.48 and 5,776 x 1.02 = 5,891.52 (the example's own figures).
    expect(inputs["groups.wtu.members"]).toMatchObject({ distribution: "uniform", min: "5660.48", max: "5891.52" });
    expect(r.value.scenario.settings.salaryMethod).toBe("schedule");
    expect(r.value.changes[0]).toMatch(/schedule method/);
    expect(r.value.changes.filter((c) => c.includes("ASSUMED"))).toHaveLength(3);
  });

  it("keeps ranges the scenario already has", () => {
    const s = fisAsPublished();
    const own = { distribution: "uniform" as const, min: "0.07", max: "0.08" };
    const r = withSuggestedRanges({ ...s, uncertainty: { inputs: { "scheduleMethod.separationRate": own } } });
    expect(r.ok && r.value.scenario.uncertainty!.inputs["scheduleMethod.separationRate"]).toEqual(own);
  });
});

describe("Monte Carlo job", () => {
  it("a ±2% uniform headcount on the average-salary reference: plain data, progress to the end, mean and exceedance", () => {
    const s = fisAsPublished();
    const scenario = {
      ...s,
      uncertainty: { inputs: { "groups.wtu.members": { distribution: "uniform" as const, min: "5660.48", max: "5891.52" } } },
    };
    const seen: [number, number][] = [];
    const base = runAnalysis({ kind: "monteCarlo", scenario: JSON.stringify(s), draws: 1, seed: 1 }) as MonteCarloData;
    const totalBase = base.result.lines.find((l) => l.id === "totalCost")!.cells.Total!.mean;
    const data = runAnalysis(
      {
        kind: "monteCarlo",
        scenario: JSON.stringify(scenario),
        draws: 2000,
        seed: 7,
        exceed: [{ lineId: "totalCost", column: "Total", dollars: String(totalBase) }],
      },
      (done, total) => seen.push([done, total]),
    ) as MonteCarloData;
    expect(data.kind).toBe("monteCarlo");
    expect(structuredClone(data)).toEqual(data);
    expect(seen.at(-1)).toEqual([2000, 2000]);
    expect(seen.length).toBeGreaterThanOrEqual(4);
    // Every cost is linear in the headcount, the draws' mean headcount is 5,776 (the range's midpoint),
    // so the mean total is the base total, within a few standard errors of the mean.
    const total = data.result.lines.find((l) => l.id === "totalCost")!.cells.Total!;
    expect(Math.abs(total.mean - totalBase)).toBeLessThan(4 * total.sem);
    // P5 and P95 of a uniform ±2% are near -1.8% and +1.8% of the base.
    expect(total.p5 / totalBase).toBeCloseTo(0.982, 2);
    expect(total.p95 / totalBase).toBeCloseTo(1.018, 2);
    // Symmetric about the base: about half the draws exceed it.
    expect(data.result.exceed[0]!.probability).toBeGreaterThan(0.45);
    expect(data.result.exceed[0]!.probability).toBeLessThan(0.55);
    expect(data.result.focus.drivers.map((d) => d.path)).toEqual(["groups.wtu.members"]);
    expect(data.result.focus.drivers[0]!.rankCorrelation).toBeGreaterThan(0.99);
  });
});
