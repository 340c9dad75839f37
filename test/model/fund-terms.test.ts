/**
 * The lines a fund line takes its part of, with their signs: the one walk the engine, the fast
 * path and the workbook share. Net = Cost + Saving - Refund, Saving printed negated; Refund =
 * Cost - Offset. So Net = Cost - Saving(shown) - (Cost - Offset):
 *   Cost +1, Saving -1 (negated), Cost -1 (under minus), Offset +1 (minus under minus).
 */
import { describe, expect, it } from "vitest";
import { fundTerms, type TableLine } from "../../model/engine";

const lines: TableLine[] = [
  { id: "cost", label: "Cost" },
  { id: "saving", label: "Saving", negate: true },
  { id: "offset", label: "Offset" },
  { id: "refund", label: "Refund", sum: ["cost"], minus: ["offset"] },
  { id: "net", label: "Net", sum: ["cost", "saving"], minus: ["refund"] },
];
const byId = new Map(lines.map((l) => [l.id, l]));
const fundLine = (of: string[]): TableLine => ({ id: "gf", label: "GF part", fund: { fund: "gf", of } });

describe("fundTerms", () => {
  it("takes each cost line with the sign it enters with, a line reached twice twice", () => {
    expect(fundTerms(byId, fundLine(["net"]))).toEqual([
      { lineId: "cost", sign: 1 },
      { lineId: "saving", sign: -1 },
      { lineId: "cost", sign: -1 },
      { lineId: "offset", sign: 1 },
    ]);
  });

  it("takes a negated line named directly with its sign flipped, as the line shows it", () => {
    expect(fundTerms(byId, fundLine(["saving", "cost"]))).toEqual([
      { lineId: "saving", sign: -1 },
      { lineId: "cost", sign: 1 },
    ]);
  });

  it("gives a cost line's expansion (the schedule method's step and turnover lines) its sign", () => {
    const expand = (id: string) => (id === "cost" ? ["cost", "costSteps", "costTurnover"] : [id]);
    expect(fundTerms(byId, fundLine(["refund"]), expand)).toEqual([
      { lineId: "cost", sign: 1 },
      { lineId: "costSteps", sign: 1 },
      { lineId: "costTurnover", sign: 1 },
      { lineId: "offset", sign: -1 },
    ]);
  });
});
