import { describe, expect, it } from "vitest";
import { costOfOnePercent, tornado } from "../../model/engine/analysis";
import { Exact } from "../../model/engine/analysis/attribution";
import { listInputs, setInputValue } from "../../model/engine/scenario/paths";
import { contractAsStated, fisAsPublished } from "../../model/built-ins";
import { referenceCensus } from "../../model/engine/schedule";
import { censusToJson, runAnalysis } from "../../renderer/analysis/jobs";

const text = JSON.stringify(fisAsPublished());

describe("analysis jobs: plain requests, plain answers (what crosses the worker boundary)", () => {
  it("cost of 1% as strings equal to the engine's decimals, explanations included", () => {
    const data = runAnalysis({ kind: "costOfOnePercent", scenario: text });
    const engine = costOfOnePercent(fisAsPublished());
    if (data.kind !== "costOfOnePercent") throw new Error(data.kind);
    expect(data.onePercent.map((r) => r.cells.FY2028)).toEqual(engine.onePercent.map((m) => m.cells.FY2028!.toString()));
    expect(data.flatPerMember[1]!.display.Total).toBe(engine.flatPerMember[1]!.display.Total!.toString());
    expect(data.onePercent[3]!.explanation.label).toBe("Cost of 1 more point of raise in FY2028");
    // Survives structured clone / JSON: no Decimal left anywhere.
    expect(JSON.parse(JSON.stringify(data))).toEqual(data);
  });

  it("attribution as strings that still add up exactly once parsed, with the reasons and the Shapley split", () => {
    const raise = listInputs(fisAsPublished()).find((e) => e.param.label === "FY2026 base salary increase")!.path;
    const scenario = JSON.stringify(setInputValue(fisAsPublished(), raise, "0.04"));
    const data = runAnalysis({ kind: "attribution", baseline: text, scenario, shapley: true });
    if (data.kind !== "attribution") throw new Error(data.kind);
    expect(data.differences.map((d) => d.label)).toEqual(["FY2026 base salary increase: 3% → 4%"]);
    // 608,048,184 x 1.02 x 0.01 = 6,202,091.4768 (test/analysis/attribution.test.ts)
    expect(data.differences[0]!.alone.baseSalaryIncreases!.FY2026).toBe("6202091.4768");
    expect(data.shapley!.method).toBe("exact");
    expect(JSON.parse(JSON.stringify(data))).toEqual(data);

    const stated = runAnalysis({ kind: "attribution", baseline: text, scenario: JSON.stringify(contractAsStated()), shapley: false });
    if (stated.kind !== "attribution") throw new Error(stated.kind);
    expect(stated.shapley).toBeNull();
    expect(stated.differences.find((d) => d.label.startsWith("Local share"))!.reasonA).toContain("calibrated");
    for (const line of stated.lines)
      for (const c of stated.columns) {
        const sum = stated.differences.reduce(
          (acc, d) => acc.plus(d.alone[line.id]![c.id]!),
          new Exact(stated.interaction[line.id]![c.id]!),
        );
        expect(sum.equals(stated.total[line.id]![c.id]!), `${line.id}.${c.id}`).toBe(true);
      }
  });

  it("tornado and two-way", () => {
    const t = runAnalysis({ kind: "tornado", scenario: text });
    if (t.kind !== "tornado") throw new Error(t.kind);
    expect(t.bars[0]!.path).toBe(tornado(fisAsPublished()).bars[0]!.path);
    const w = runAnalysis({ kind: "twoWay", scenario: text, rowYear: 2026, columnYear: 2027 });
    if (w.kind !== "twoWay") throw new Error(w.kind);
    expect(w.values).toHaveLength(21);
    expect(w.values[6]![6]!.startsWith("238980000.51")).toBe(true);
    expect(w.rowRates[6]).toBe("0.03");
  });

  it("a census round-trips as JSON with headcounts as strings", () => {
    const c = referenceCensus();
    const json = censusToJson(c);
    expect(typeof json.cells[0]!.headcount).toBe("string");
    expect(JSON.parse(JSON.stringify(json)).cells.length).toBe(c.cells.length);
  });

  it("an engine refusal is thrown with its message (the client shows it)", () => {
    const s = { ...fisAsPublished(), items: fisAsPublished().items.filter((i) => i.kind !== "raises") };
    expect(() => runAnalysis({ kind: "twoWay", scenario: JSON.stringify(s), rowYear: 2026, columnYear: 2027 })).toThrow(/no percent raise/);
  });
});
