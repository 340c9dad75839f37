/**
 * `fis --scenario FILE --check`: each printed figure of table.published against the computed cell
 * at the table's unit and rounding, the cells that differ listed, "N of M published cells match",
 * exit 0 when the note is reproduced and 3 when it is not (2 stays bad input).
 *  - the shipped DC note, as a real child process (the bundled CLI and its exit codes);
 *  - the same file with one printed figure moved by +1 ($ thousand): exactly that cell, -1;
 *  - the hand-costed two-year scenario (test/cli/two-year-scenario.ts) for the rounding rule, a
 *    figure printed with more decimals than the table shows, a recorded disagreement, and figures of
 *    columns the table does not show;
 *  - no published figures, figures of a line or year the table lacks, and options that do not go with --check.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { main } from "../../model/cli/fis";
import { twoYearScenario } from "./two-year-scenario";

const dir = mkdtempSync(join(tmpdir(), "fis-check-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const NODE = process.execPath;
const CLI = join(process.cwd(), "model", "cli", "launch.cjs");
const DC = join(process.cwd(), "examples", "dc-dcps-wtu-2023", "fis-as-published.json");

async function fis(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const out = vi.spyOn(process.stdout, "write").mockImplementation((s) => ((stdout += String(s)), true));
  const err = vi.spyOn(process.stderr, "write").mockImplementation((s) => ((stderr += String(s)), true));
  try {
    const code = await main(argv);
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

/** The cells of a printed row: runs of text separated by two or more spaces. */
const cells = (line: string) => line.trim().split(/ {2,}/);
/** The rows of the table of differing cells: between its heading and the blank line after it. */
function differingRows(stdout: string): string[][] {
  const lines = stdout.split("\n");
  const heading = lines.findIndex((l) => l.startsWith("Line "));
  if (heading < 0) return [];
  const end = lines.indexOf("", heading);
  return lines.slice(heading + 1, end).map(cells);
}

function write(name: string, scenario: Record<string, unknown>): string {
  const file = join(dir, `${name}.json`);
  writeFileSync(file, JSON.stringify(scenario, null, 1));
  return file;
}

type Json = Record<string, unknown> & { table: Record<string, unknown> & { columns: Record<string, unknown> } };
/** The two-year scenario with printed figures; 100 members, so P = $5,000,000 (costed in two-year-scenario.ts). */
function twoYear(published: Record<string, unknown>, o: { unit?: "dollars" | "thousands"; decimals?: number } = {}): Json {
  const s = twoYearScenario({ unit: o.unit ?? "dollars", decimals: o.decimals ?? 0 }) as Json;
  s.table.published = { source: "Test note, p.1", unit: o.unit ?? "dollars", ...published };
  return s;
}

describe("--check on the DC teachers' note (examples/dc-dcps-wtu-2023/fis-as-published.json)", () => {
  it("reproduces all 45 published cells: exit 0, no table of differences", () => {
    // The file prints 9 lines (baseSalaryIncreases, bonus, additionalPay, benefits, otherNps, totalCost,
    // localPortion, fundingAvailable, costFundedByWia) x 5 columns (FY2025..FY2028 and Total) = 45 figures.
    const r = spawnSync(NODE, [CLI, "--scenario", DC, "--check"], { encoding: "utf8" });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("45 of 45 published cells match.");
    expect(r.stdout).toContain("($ in thousands): FIS table, pp.3-4 (Dec 3, 2024), $ thousands");
    expect(r.stdout).not.toContain("Cells that differ");
    expect(r.stdout).toContain("The scenario reproduces the published table.");
  });

  it("a copy with Benefits FY2026 printed $1 thousand higher reports exactly that cell, -1, and exits 3", () => {
    const s = JSON.parse(readFileSync(DC, "utf8"));
    delete s.$schema;
    // The note prints 1,272 ($ thousands); the copy says 1,273. Computed 1,272 - published 1,273 = -1.
    expect(s.table.published.values.benefits.FY2026).toBe(1272);
    s.table.published.values.benefits.FY2026 = 1273;
    const file = write("dc-altered", s);
    const r = spawnSync(NODE, [CLI, "--scenario", file, "--check"], { encoding: "utf8" });
    expect(r.status).toBe(3);
    expect(r.stdout).toContain("Cells that differ ($ in thousands), difference = computed - published:");
    expect(differingRows(r.stdout)).toEqual([["Benefits", "FY 2026", "$1,273", "$1,272", "(1)"]]);
    // 45 figures, one of them moved: 44 match.
    expect(r.stdout).toContain("44 of 45 published cells match.");
    expect(r.stdout).toContain("The scenario does not reproduce the published table: 1 cell differs.");

    const json = JSON.parse(spawnSync(NODE, [CLI, "--scenario", file, "--check", "--json"], { encoding: "utf8" }).stdout);
    expect(json).toMatchObject({ units: "USD thousands", published: 45, matches: 44, recorded: 0, reproduced: false });
    expect(json.cells.filter((c: { status: string }) => c.status !== "matches")).toEqual([
      {
        cell: "benefits.FY2026",
        line: "benefits",
        label: "Benefits",
        column: "FY2026",
        columnLabel: "FY 2026",
        status: "differs",
        published: 1273,
        computed: 1272,
        difference: -1,
        calibrated: false,
      },
    ]);
  });
});

describe("--check compares at the table's displayed rounding", () => {
  it("whole dollars: Benefits FY2026 $3,668.50 shows $3,669, so a printed $3,668 differs by +1", async () => {
    // Salaries FY2025 0.02 x 5,000,000 = 100,000; Benefits FY2026 0.0145 x 0.0506 x 5,000,000 = 3,668.50,
    // half up 3,669; TOTAL all years 102,450 + 256,668.50 = 359,118.50, half up 359,119.
    const file = write(
      "rounding",
      twoYear({ values: { salaries: { FY2025: 100000 }, benefits: { FY2026: 3668 }, total: { Total: 359119 } } }),
    );
    const r = await fis("--scenario", file, "--check");
    expect(r.code).toBe(3);
    expect(r.stdout).toContain("Cells that differ (in dollars)");
    expect(differingRows(r.stdout)).toEqual([["Benefits", "FY 2026", "$3,668", "$3,669", "+1"]]);
    expect(r.stdout).toContain("2 of 3 published cells match.");
  });

  it("$ thousands to 1 decimal: $3,668.50 shows 3.7, which a printed 3.7 matches and a printed 3.67 misses by +0.03", async () => {
    // 3,668.50 / 1,000 = 3.6685, half up to 1 decimal 3.7; 3.7 - 3.67 = 0.03, shown to the printed figure's 2 decimals.
    const ok = write("tenths", twoYear({ values: { benefits: { FY2026: 3.7 } } }, { unit: "thousands", decimals: 1 }));
    expect((await fis("--scenario", ok, "--check")).stdout).toContain("1 of 1 published cells match.");
    const off = write("hundredths", twoYear({ values: { benefits: { FY2026: 3.67 } } }, { unit: "thousands", decimals: 1 }));
    const r = await fis("--scenario", off, "--check");
    expect(r.code).toBe(3);
    expect(differingRows(r.stdout)).toEqual([["Benefits", "FY 2026", "$3.67", "$3.70", "+0.03"]]);
  });

  it("a disagreement the file records is listed with its stated-inputs figure and does not fail the check", async () => {
    // TOTAL FY2025: 100,000 + 1,450 + 1,000 = 102,450 from the stated inputs; the note is taken to print 102,451.
    const file = write(
      "recorded",
      twoYear({
        values: { salaries: { FY2025: 100000 }, total: { FY2025: 102451 } },
        expectedDisagreements: [{ cell: "total.FY2025", published: 102451, fromStatedInputs: 102450, reason: "The note adds $1." }],
      }),
    );
    const r = await fis("--scenario", file, "--check");
    expect(r.code).toBe(0);
    expect(differingRows(r.stdout)).toEqual([
      ["TOTAL", "FY 2025", "$102,451", "$102,450", "(1)", "as recorded: the note's stated inputs give $102,450"],
    ]);
    expect(r.stdout).toContain("1 of 2 published cells match.");
    expect(r.stdout).toContain("1 more differs as the file records (table.published.expectedDisagreements)");
    expect(r.stdout).toContain(
      "The scenario reproduces every published figure but the 1 the file records as the note's own disagreements.",
    );
  });

  it("a recorded disagreement the computed cell no longer agrees with fails the check", async () => {
    // Computed 102,450; the file records 102,449 as what the stated inputs give: neither figure is reproduced.
    const file = write(
      "recorded-drift",
      twoYear({
        values: { total: { FY2025: 102451 } },
        expectedDisagreements: [{ cell: "total.FY2025", published: 102451, fromStatedInputs: 102449, reason: "The note adds $2." }],
      }),
    );
    const r = await fis("--scenario", file, "--check");
    expect(r.code).toBe(3);
    expect(differingRows(r.stdout)).toEqual([
      ["TOTAL", "FY 2025", "$102,451", "$102,450", "(1)", "recorded: the stated inputs give $102,449, not what is computed"],
    ]);
  });
});

describe("--check reports what it cannot check", () => {
  it("a scenario without published figures: a message naming the file and table.published, exit 2", async () => {
    const file = write("no-published", twoYearScenario());
    const r = await fis("--scenario", file, "--check");
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain(`${file}: no published figures to check against; --check needs table.published`);
  });

  it("a published block without figures is nothing to check: the same message, exit 2 (it printed '0 of 0 match', exit 0)", async () => {
    for (const values of [{}, { salaries: {} }]) {
      const file = write("no-figures", twoYear({ values }));
      const r = await fis("--scenario", file, "--check");
      expect(r.code).toBe(2);
      expect(r.stdout).toBe("");
      expect(r.stderr).toContain(`${file}: no published figures to check against; --check needs table.published`);
    }
  });

  it("figures of a Total or Annualized column the table does not show are reported as not in the table, exit 3", async () => {
    const s = twoYear({ values: { salaries: { FY2025: 100000, Total: 353000, Annualized: 253000 } } });
    s.table.columns.total = false;
    const r = await fis("--scenario", write("hidden-columns", s), "--check");
    expect(r.code).toBe(3);
    expect(differingRows(r.stdout)).toEqual([
      ["Salaries", "Total", "$353,000", "-", "-", "the table has no Total column"],
      ["Salaries", "Annualized", "$253,000", "-", "-", "the table has no Annualized column"],
    ]);
    expect(r.stdout).toContain("1 of 3 published cells match.");
    expect(r.stdout).toContain("The scenario does not reproduce the published table: 2 are not in the table.");
  });

  it("figures of a line or fiscal year the table does not have are refused on load, naming the field, exit 2", async () => {
    const line = await fis("--scenario", write("no-line", twoYear({ values: { overtime: { FY2025: 5 } } })), "--check");
    expect(line.code).toBe(2);
    expect(line.stderr).toContain("table.published.values.overtime");
    expect(line.stderr).toContain('line "overtime" is not in the table');
    const year = await fis("--scenario", write("no-year", twoYear({ values: { salaries: { FY2030: 5 } } })), "--check");
    expect(year.code).toBe(2);
    expect(year.stderr).toContain("table.published.values.salaries.FY2030");
    expect(year.stderr).toContain('column "FY2030" is not in the table');
  });

  it("options that make another output or another command are refused with it, exit 2", async () => {
    for (const extra of [
      ["--compare"],
      ["--explain", "benefits.FY2025"],
      ["--xlsx", join(dir, "out.xlsx")],
      ["--csv", join(dir, "out.csv")],
      ["--report", join(dir, "out.pdf")],
      ["--goal-seek"],
      ["--monte-carlo", "10"],
      ["--with", "contract-as-stated"],
    ]) {
      const r = await fis("--scenario", DC, "--check", ...extra);
      expect(r.code, extra.join(" ")).toBe(2);
      expect(r.stderr).toContain(`--check compares the table with the scenario's published figures on its own; leave out ${extra[0]}`);
    }
  });

  it("--help lists --check and its exit code", async () => {
    const r = await fis("--help");
    expect(r.stdout).toMatch(/--check +does the scenario reproduce its published figures/);
    expect(r.stdout).toContain("exit 3 when one differs");
  });
});
