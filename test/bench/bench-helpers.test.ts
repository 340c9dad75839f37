/**
 * The benchmark's own helpers: the statistics it reports and the 100,000-row census fixture. A benchmark
 * that times the wrong thing is worse than none, so what it measures is checked here.
 */
import { describe, expect, it } from "vitest";
import { censusHeadcount, parseCensusCsv } from "../../model/engine/schedule";
import { censusCsvText, personRows } from "../../bench/census-fixture";
import { summarize } from "../../bench/measure";

describe("summarize", () => {
  it("takes the middle sample of an odd count and the mean of the middle two of an even count", () => {
    expect(summarize([5, 1, 3], 2)).toEqual({ medianMs: 3, minMs: 1, maxMs: 5, runs: 3, warmup: 2 });
    expect(summarize([4, 1, 3, 10], 0).medianMs).toBe(3.5);
  });

  it("refuses an empty sample", () => {
    expect(() => summarize([], 0)).toThrow(/no samples/);
  });
});

describe("census fixture", () => {
  it("has one row per person and imports back to the synthetic census it came from", () => {
    const { census, rows } = personRows(2_000, 7);
    expect(rows).toHaveLength(2_000);
    const parsed = parseCensusCsv(censusCsvText(rows), "fixture.csv");
    if (!parsed.ok) throw new Error(parsed.errors[0]!.message);
    expect(censusHeadcount(parsed.value).toString()).toBe("2000");
    const key = (c: { schedule: string; lane: string; step: number; yearsOfService?: number }) =>
      `${c.schedule}|${c.lane}|${c.step}|${c.yearsOfService ?? ""}`;
    const want = new Map(census.cells.map((c) => [key(c), c.headcount.toString()]));
    const got = new Map(parsed.value.cells.map((c) => [key(c), c.headcount.toString()]));
    expect(got).toEqual(want);
  });
});
