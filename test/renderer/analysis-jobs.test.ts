import { describe, expect, it } from "vitest";
import { costOfOnePercent, tornado } from "../../model/engine/analysis";
import { fisAsPublished } from "../../model/built-ins";
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
