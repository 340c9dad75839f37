/** The analysis commands through the CLI's own run(): text and JSON, and exit-2 usage errors. */
import { describe, expect, it } from "vitest";
import { run } from "../../model/cli/fis";
import { UsageError } from "../../model/cli/args";

async function fis(...argv: string[]): Promise<string> {
  let text = "";
  const code = await run(argv, (s) => {
    text += s;
  });
  expect(code).toBe(0);
  return text;
}

describe("fis analysis commands", () => {
  it("--goal-seek --json returns the raise, the trace and the solved scenario", async () => {
    const json = JSON.parse(await fis("--goal-seek", "--budget-line", "totalCost", "--limit", "200000000", "--json"));
    expect(json.ok).toBe(true);
    expect(json.raise).toBe("0.021");
    expect(json.constraint).toBe("TOTAL COST <= $200,000,000.00 over the total of all years");
    expect(json.scenario.name).toMatch(/^Goal seek:/);
    expect(json.trace.iterations.length).toBeGreaterThan(5);
  });

  it("--goal-seek text names the binding year", async () => {
    const text = await fis("--goal-seek", "--limit", "fundingAvailable+35000000", "--year", "all");
    expect(text).toContain("1.84% (1.85% breaks it)");
    expect(text).toContain("At 1.85%: FY2028 over by $26,385.40");
  });

  it("--cost-of-one-percent prints the $K table", async () => {
    const text = await fis("--cost-of-one-percent");
    expect(text).toMatch(/\+1% raise in FY2028\s+\$0\s+\$0\s+\$0\s+\$6,675\s+\$6,675\s+\$6,675,205\.93/);
    const json = JSON.parse(await fis("--cost-of-one-percent", "--json"));
    expect(json.onePercent[0].allYears).toBe("25872768.98");
  });

  it("--sensitivity, --two-way and --retro", async () => {
    const sens = JSON.parse(await fis("--sensitivity", "--json"));
    expect(sens.bars[0].path).toBe("items.baseSalary.steps.2024-10-01.amount");
    const two = JSON.parse(await fis("--two-way", "--json"));
    expect([two.rowYear, two.columnYear, two.exact.length]).toEqual([2026, 2027, 21]);
    expect(two.exact[6][6]).toBe("238980000.51");
    const retro = await fis("--retro", "--approved", "2025-01-07");
    expect(retro).toContain("implemented 2025-05-07 (120 days later), lump sum paid in FY2025: $7,592,183.17");
  });

  it("bad options are usage errors", async () => {
    await expect(run(["--retro"], () => {})).rejects.toBeInstanceOf(UsageError);
    await expect(run(["--goal-seek", "--year", "FY2031"], () => {})).rejects.toThrow(/fiscal year of the table/);
    await expect(run(["--goal-seek", "--limit", "plenty"], () => {})).rejects.toThrow(/--limit plenty/);
    await expect(run(["--sensitivity", "--two-way"], () => {})).rejects.toThrow(/one analysis at a time/);
  });
});

describe("fis --fund-split", () => {
  it("splits the published total into local funds and the rest", async () => {
    const json = JSON.parse(await fis("--fund-split", "--json"));
    // 0.993582 x 238,980,000.51 = 237,446,226.87, the local-portion line's Total
    expect(json.funds.map((f: { id: string }) => f.id)).toEqual(["localPortion", "other"]);
    expect(json.funds[0].exact.Total).toBe("237446226.87");
  });
});
