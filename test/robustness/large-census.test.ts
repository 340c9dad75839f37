/**
 * A 100,000-member census (one row per member) through the CSV importer and the schedule-method
 * costing: it is read whole, merged losslessly, and costed to finite numbers; an error on its last
 * row is still found and named. Time and memory are measured by measure-large-census.ts, not here.
 */
import { describe, expect, it } from "vitest";
import { computeTable } from "../../model/engine/compute";
import { fisAsPublished } from "../../model/built-ins";
import { assertCensus, checkCensus, CENSUS_CELL_LIMIT } from "../../model/engine/schedule";
import type { Scenario } from "../../model/engine/scenario/types";
import { censusHeadcount, parseCensusCsv } from "../../model/engine/schedule/census";
import { tableCells } from "./helpers";
import { LARGE_CENSUS_MEMBERS, largeCensus, onePersonPerRowCsv } from "./large-census";

const bySchedule: Scenario = { ...fisAsPublished(), settings: { ...fisAsPublished().settings, salaryMethod: "schedule" } };

describe("a 100,000-member census", () => {
  const census = largeCensus();
  const csv = onePersonPerRowCsv(census);

  it("is imported whole: 100,000 rows merge into the census they came from", () => {
    expect(csv.split("\r\n").length - 2).toBe(LARGE_CENSUS_MEMBERS);
    const parsed = parseCensusCsv(csv, "hr-export.csv");
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(censusHeadcount(parsed.value).toNumber()).toBe(LARGE_CENSUS_MEMBERS);
    expect(parsed.value.cells.length).toBeLessThanOrEqual(CENSUS_CELL_LIMIT);
    expect(checkCensus(parsed.value)).toEqual([]);
    // Costing the imported census gives, cell for cell, the table of the census it was written from.
    const imported = computeTable(bySchedule, { scheduleMethod: { census: parsed.value } });
    expect(tableCells(imported)).toEqual(tableCells(computeTable(bySchedule, { scheduleMethod: { census: assertCensus(census) } })));
    for (const line of imported.lines) for (const cell of Object.values(line.cells)) expect(cell.exact.isFinite()).toBe(true);
    // Four times the reference census's 5,776 members is still a plausible raise cost, not a blow-up:
    // between $100M and $5B over four years.
    const raises = imported.lines.find((l) => l.id === "baseSalaryIncreases")!.cells.Total!.exact;
    expect(raises.greaterThan(100_000_000) && raises.lessThan(5_000_000_000)).toBe(true);
  });

  it("an error on the last of 100,001 rows is found and named", () => {
    const broken = csv + 'E999999,ET15-10M,"Doctorate",3,3,1\r\n';
    const parsed = parseCensusCsv(broken, "hr-export.csv");
    expect(parsed).toEqual({
      ok: false,
      errors: [
        {
          file: "hr-export.csv",
          row: LARGE_CENSUS_MEMBERS + 2,
          column: "C", // the HR export's third column (after an employee id)
          message: expect.stringContaining('unknown lane "Doctorate"'),
        },
      ],
    });
  });
});
