import { describe, expect, it } from "vitest";
import { Decimal } from "../../model/engine/decimal";
import {
  censusHeadcount,
  censusToCsv,
  getSchedule,
  indexSchedules,
  loadSchedules,
  parseCensusCsv,
  payColumn,
  referenceCensus,
  REFERENCE_CENSUS_DESCRIPTION,
  syntheticCensus,
} from "../../model/engine/schedule";

describe("parseCensusCsv", () => {
  it("finds the header below a title, accepts aliases, merges duplicates", () => {
    const csv =
      'DCPS census,,,\n\nSchedule,Lane,Step,Years of service,Headcount\nET-15 10-month,"Bachelors + ' +
      '30/Masters",7,7,10\nET15-10M,bachelors+30/masters,7,7,5\nEG-09,Bachelors,16,22,"1,200"\n';
    const r = parseCensusCsv(csv, "census.csv");
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.cells).toHaveLength(2);
    expect(r.value.cells[0]).toMatchObject({ schedule: "ET15-10M", lane: "Bachelors+30/Masters", step: 7, yearsOfService: 7 });
    expect(r.value.cells[0]!.headcount.toString()).toBe("15");
    expect(r.value.cells[1]!.headcount.toString()).toBe("1200");
  });

  it("rejects unknown schedules, lanes, steps and bad headcounts, naming row and column; nothing partial", () => {
    const csv = [
      "schedule,lane,step,headcount",
      "ET15-10M,Bachelors,1,3", // row 2 ok
      "ET-16,Bachelors,1,3", // row 3 unknown schedule
      "ET15-10M,Doctorate,1,3", // row 4 unknown lane
      "ET15-10M,Bachelors,17,3", // row 5 unknown step
      "ET15-10M,Bachelors,12-15,3", // row 6 band label, not a step
      "ET15-10M,Bachelors,2,-1", // row 7 negative
      "ET15-10M,Bachelors,2,1.5", // row 8 non-integer
      "EG09,Masters+30,2,1", // row 9 lane not in EG-09
      "ET15-10M,Bachelors,2,", // row 10 empty
    ].join("\n");
    const r = parseCensusCsv(csv, "bad.csv");
    expect(r.ok).toBe(false);
    if (r.ok) return;
    // Columns by letter, as a spreadsheet opening the CSV shows them: A schedule, B lane, C step, D headcount.
    expect(r.errors.map((e) => [e.row, e.column])).toEqual([
      [3, "A"],
      [4, "B"],
      [5, "C"],
      [6, "C"],
      [7, "D"],
      [8, "D"],
      [9, "B"],
      [10, "D"],
    ]);
    for (const e of r.errors) expect(e.file).toBe("bad.csv");
    expect(r.errors[0]!.message).toContain('unknown schedule "ET-16"');
    expect(r.errors[4]!.message).toContain("negative");
    expect(r.errors[5]!.message).toContain("not a whole number");
  });

  it("reports a missing header", () => {
    const r = parseCensusCsv("a,b,c\n1,2,3\n", "x.csv");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatchObject({ file: "x.csv", row: 1, column: "(header)" });
  });

  it("round-trips the reference census through CSV", () => {
    const ref = referenceCensus();
    const r = parseCensusCsv(censusToCsv(ref), "ref.csv");
    expect(r.ok).toBe(true);
    if (r.ok) expect(censusHeadcount(r.value).toString()).toBe("5776");
  });
});

describe("reference census (SYNTHETIC)", () => {
  const idx = indexSchedules(loadSchedules());
  it("has exactly 5,776 members and FY2024 payroll 5,776 x $105,271.50, average rounding to $105,272", () => {
    const c = referenceCensus();
    expect(REFERENCE_CENSUS_DESCRIPTION).toMatch(/^SYNTHETIC/);
    expect(c.label).toContain("SYNTHETIC");
    expect(censusHeadcount(c).toString()).toBe("5776");
    let payroll = new Decimal(0);
    for (const cell of c.cells) {
      expect(cell.headcount.isInteger() && cell.headcount.gt(0)).toBe(true);
      const s = getSchedule(idx, cell.schedule, 2024);
      payroll = payroll.plus(cell.headcount.times(s.cells[cell.lane]![payColumn(s, cell.lane, cell.step, cell.yearsOfService)]!));
    }
    expect(payroll.toString()).toBe("608048184");
    const avg = payroll.div(5776);
    expect(avg.toString()).toBe("105271.5");
    expect(avg.toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toString()).toBe("105272");
  });
});

describe("syntheticCensus", () => {
  it("is deterministic and has exactly n members", () => {
    const a = syntheticCensus(100_000, 7);
    const b = syntheticCensus(100_000, 7);
    expect(censusHeadcount(a).toString()).toBe("100000");
    expect(a.cells.map((c) => c.headcount.toString())).toEqual(b.cells.map((c) => c.headcount.toString()));
    expect(a.cells.length).toBeLessThan(500); // aggregated by cell
    expect(syntheticCensus(0, 1).cells).toHaveLength(0);
  });
});

describe("census CSV: numbers and names that only look valid", () => {
  it("rejects '1,2,3' as a headcount instead of reading 123, and accepts '1,200'", async () => {
    const { parseCensusCsv } = await import("../../model/engine/schedule");
    const bad = parseCensusCsv('schedule,lane,step,headcount\nET15-10M,Bachelors,3,"1,2,3"\n', "c.csv");
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors[0]!.message).toContain('"1,2,3" is not a number');
    const good = parseCensusCsv('schedule,lane,step,headcount\nET15-10M,Bachelors,3,"1,200"\n', "c.csv");
    expect(good.ok).toBe(true);
  });
  it("treats 'constructor' as an unknown schedule, not a built-in property", async () => {
    const { parseCensusCsv } = await import("../../model/engine/schedule");
    const r = parseCensusCsv("schedule,lane,step,headcount\nconstructor,Bachelors,3,10\n", "c.csv");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]!.message).toMatch(/unknown schedule/i);
  });
});
