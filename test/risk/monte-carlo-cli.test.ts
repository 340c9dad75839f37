/**
 * Ranges from the command line and in the workbook: `fis --monte-carlo N --seed S [--json]
 * [--exceed LINE.COL>AMOUNT]` as a user runs it (the bundled CLI in a child process), and the
 * "Ranges" sheet of an export.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import * as XLSX from "xlsx";
import { parseScenarioJson } from "../../model/engine/scenario/schema";
import { exportWorkbook } from "../../model/io/xlsx-export";

const CLI = join(process.cwd(), "model", "cli", "launch.cjs");
const EXAMPLE = join(process.cwd(), "examples", "dc-dcps-wtu-2023", "schedule-method-ranges.json");
const fis = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: "utf8" });

describe("fis --monte-carlo", () => {
  const first = fis(
    "--scenario",
    EXAMPLE,
    "--monte-carlo",
    "2000",
    "--seed",
    "5",
    "--json",
    "--exceed",
    "totalCost.FY2028>30M,totalCost.Total>1",
  );
  const json = JSON.parse(first.stdout);

  it("prints the ranges of every cell as JSON, with the assumptions they rest on", () => {
    expect(first.stderr).toBe("");
    expect(first.status).toBe(0);
    expect(json.draws).toBe(2000);
    expect(json.seed).toBe(5);
    expect(json.inputs.map((i: { path: string }) => i.path)).toEqual([
      "groups.wtu.members",
      "scheduleMethod.separationRate",
      "scheduleMethod.heldShare",
    ]);
    const turnover = json.lines.find((l: { id: string }) => l.id === "baseSalaryIncreasesTurnover").cells.FY2028;
    expect(turnover.p5).toBeLessThan(turnover.p50);
    expect(turnover.p50).toBeLessThan(turnover.p95);
    // The negotiated raise does not depend on attrition or holds: no spread at all.
    const raise = json.lines.find((l: { id: string }) => l.id === "baseSalaryIncreases").cells.FY2025;
    expect(raise.p5).toBe(raise.p95);
    expect(raise.display.p50).toBe("$12,161");
  });

  it("answers P(cell > limit) for each limit asked, with its standard error", () => {
    expect(json.exceed).toHaveLength(2);
    const [a, b] = json.exceed;
    expect(a.line).toBe("totalCost");
    expect(a.limit).toBe("30000000");
    expect(a.probability).toBeGreaterThan(0);
    expect(a.probability).toBeLessThan(1);
    expect(a.standardError).toBeCloseTo(Math.sqrt((a.probability * (1 - a.probability)) / 2000), 12);
    expect(b.probability).toBe(1);
  });

  it("gives the same answer for the same seed, bit for bit", () => {
    const again = fis(
      "--scenario",
      EXAMPLE,
      "--monte-carlo",
      "2000",
      "--seed",
      "5",
      "--json",
      "--exceed",
      "totalCost.FY2028>30M,totalCost.Total>1",
    );
    expect(again.stdout).toBe(first.stdout);
  });

  it("prints a table of P50 (P5 to P95) with the assumptions named, and what drives the total", () => {
    const r = fis("--scenario", EXAMPLE, "--monte-carlo", "500");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("These ranges rest on assumptions, not published figures:");
    expect(r.stdout).toContain("Annual separation rate (scheduleMethod.separationRate): 6%–12%");
    expect(r.stdout).toContain("Active members (groups.wtu.members): 5,776 ± 2%");
    expect(r.stdout).toMatch(/Base Salary Increases\s+\$12,161 \(\$12,161 to \$12,161\)/);
    expect(r.stdout).toMatch(/What drives TOTAL COST, 4-Yr Total[^\n]*\n {2}Annual separation rate/);
  });

  it("reads a threshold written with thousands separators as one amount, and a comma before LINE.COL> as the next threshold", () => {
    // An audit: "totalCost.FY2028>70,000" was split at its comma, and refused as "--exceed 000".
    const r = fis("--scenario", EXAMPLE, "--monte-carlo", "10", "--json", "--exceed", "totalCost.FY2028>70,000,000,totalCost.Total>1");
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).exceed.map((x: { limit: string }) => x.limit)).toEqual(["70000000", "1"]);
  });

  it("refuses bad requests with exit 2 and a message naming the option", () => {
    const cases: [string[], RegExp][] = [
      [["--monte-carlo", "10000"], /no uncertain inputs: add an "uncertainty" block/],
      [["--scenario", EXAMPLE, "--monte-carlo", "0"], /--monte-carlo 0: write a whole number of draws from 1 to 1,000,000/],
      [["--scenario", EXAMPLE, "--monte-carlo", "10", "--seed", "-1"], /--seed -1: write a whole number/],
      [["--scenario", EXAMPLE, "--monte-carlo", "10", "--exceed", "totalCost.FY2028"], /--exceed totalCost.FY2028: write LINE.COL>AMOUNT/],
      [["--scenario", EXAMPLE, "--monte-carlo", "10", "--exceed", "nope.FY2028>1"], /no line "nope"/],
      [["--scenario", EXAMPLE, "--monte-carlo", "10", "--exceed", "totalCost.FY2028>lots"], /"lots" is not an amount/],
      // An audit: Number() read "0x10" as 16 draws, and 1e400 was a threshold printed "$∞".
      [["--scenario", EXAMPLE, "--monte-carlo", "0x10"], /--monte-carlo 0x10: write a whole number of draws/],
      [["--scenario", EXAMPLE, "--monte-carlo", "10", "--seed", "1e3"], /--seed 1e3: write a whole number/],
      [
        ["--scenario", EXAMPLE, "--monte-carlo", "10", "--exceed", "totalCost.FY2028>1e400"],
        /"1e400" is not an amount of dollars up to 1e15/,
      ],
      [["--seed", "3"], /--seed goes with --monte-carlo N/],
      [["--scenario", EXAMPLE, "--monte-carlo", "10", "--sensitivity"], /--monte-carlo runs on its own/],
    ];
    for (const [args, message] of cases) {
      const r = fis(...args);
      expect(r.status, args.join(" ")).toBe(2);
      expect(r.stderr, args.join(" ")).toMatch(message);
    }
  });
});

describe("the workbook's Ranges sheet", () => {
  const parsed = parseScenarioJson(readFileSync(EXAMPLE, "utf8"), EXAMPLE);
  if (!parsed.ok) throw new Error("example invalid");
  const scenario = { ...parsed.value, uncertainty: { ...parsed.value.uncertainty!, draws: 1000 } };

  it("is written for a scenario with uncertain inputs, percentiles beside the assumptions", () => {
    const wb = XLSX.read(exportWorkbook([scenario]));
    expect(wb.SheetNames).toContain("Ranges");
    const rows = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets.Ranges!, { header: 1 });
    expect(String(rows[1]![0])).toContain("1,000 draws, seed 1. These ranges rest on the assumed distributions below");
    const header = rows.findIndex((r) => r[0] === "Line" && r[2] === "P5");
    expect(rows[header]).toEqual(["Line", "Column", "P5", "P50", "P95", "Mean", "Std. error of the mean", "Min", "Max"]);
    const raise = rows[header + 1]!;
    expect(raise.slice(0, 2)).toEqual(["Base Salary Increases", "FY 2025"]);
    expect(raise[2]).toBe(raise[4]);
    expect(rows.some((r) => r[1] === "scheduleMethod.separationRate" && r[2] === "6%–12%")).toBe(true);
  });

  it("is not written for a scenario without them, nor when asked not to", () => {
    const { uncertainty: _u, ...plain } = scenario;
    expect(XLSX.read(exportWorkbook([plain])).SheetNames).not.toContain("Ranges");
    expect(XLSX.read(exportWorkbook([scenario], { ranges: false })).SheetNames).not.toContain("Ranges");
  });

  it("is written by fis --xlsx", () => {
    const out = join(mkdtempSync(join(tmpdir(), "fis-ranges-")), "ranges.xlsx");
    const r = fis("--scenario", EXAMPLE, "--xlsx", out);
    expect(r.status).toBe(0);
    expect(XLSX.read(readFileSync(out)).SheetNames).toContain("Ranges");
  });
});
