/**
 * The command line on a scenario with a helper line (Salaries, printed: false): the table, --json,
 * --csv and --compare have no Salaries row, --explain still opens it, and a helper line no other
 * line uses is a warning on stderr. Figures by hand in fixtures/helper-line-scenario.ts.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { setInputValue } from "../../model/engine";
import { serializeScenario } from "../../model/engine/scenario/schema";
import { helperLineJson, helperLineScenario } from "../fixtures/helper-line-scenario";

const NODE = process.execPath;
const CLI = join(process.cwd(), "model", "cli", "launch.cjs");
const fis = (...args: string[]) => spawnSync(NODE, [CLI, ...args], { encoding: "utf8" });
const dir = mkdtempSync(join(tmpdir(), "fis-helper-"));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const scenarioFile = file("helper.json", serializeScenario(helperLineScenario()));

describe("fis on a scenario with a helper line", () => {
  it("prints no Salaries row; the increase, benefits, total and local share as derived by hand", () => {
    const r = fis("--scenario", scenarioFile);
    expect(r.status).toBe(0);
    expect(r.stdout).not.toMatch(/^Salaries\b/m);
    expect(r.stdout).toMatch(/Salary increase\s+\$100\.0\s+\$153\.0\s+\$0\.0\s+\$253\.0/);
    expect(r.stdout).toMatch(/Benefits\s+\$10\.0\s+\$25\.3\s+\$25\.3\s+\$60\.6/);
    expect(r.stdout).toMatch(/TOTAL COST\s+\$110\.0\s+\$278\.3\s+\$278\.3\s+\$666\.6/);
    expect(r.stdout).toMatch(/Local share\s+\$27\.5\s+\$69\.6\s+\$69\.6\s+\$166\.7/);
    expect(r.stderr).toBe("");
  });

  it("--json lists the printed lines only", () => {
    const json = JSON.parse(fis("--scenario", scenarioFile, "--json").stdout);
    expect(json.lines.map((l: { id: string }) => l.id)).toEqual(["increase", "benefits", "total", "local"]);
    expect(json.lines[0].exact).toEqual({ FY2025: "100000", FY2026: "153000", FY2027: "0", Total: "253000" });
  });

  it("--csv writes no Salaries row", () => {
    const out = join(dir, "table.csv");
    expect(fis("--scenario", scenarioFile, "--csv", out).status).toBe(0);
    const rows = readFileSync(out, "utf8").split("\r\n");
    expect(rows.slice(1, -1)).toEqual([
      "increase,Salary increase,100.0,153.0,0.0,253.0,100000.00,153000.00,0.00,253000.00",
      "benefits,Benefits,10.0,25.3,25.3,60.6,10000.00,25300.00,25300.00,60600.00",
      "total,TOTAL COST,110.0,278.3,278.3,666.6,110000.00,278300.00,278300.00,666600.00",
      "local,Local share,27.5,69.6,69.6,166.7,27500.00,69575.00,69575.00,166650.00",
    ]);
  });

  it("--explain still opens the helper line's cells", () => {
    const r = fis("--scenario", scenarioFile, "--explain", "salaries.FY2026");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("Salaries FY2026 = 253000 USD");
  });

  it("--compare shows no Salaries block, only the printed lines it moves", () => {
    // The FY2025 raise 2% -> 3%: salaries 100,000 -> 150,000 in FY2025, the increase the same 50,000 more.
    const other = file("other.json", serializeScenario(setInputValue(helperLineScenario(), "items.raise.steps.2024-07-01.amount", "0.03")));
    const r = fis("--scenario", scenarioFile, "--with", other, "--compare");
    expect(r.status).toBe(0);
    expect(r.stdout).not.toMatch(/^Salaries$/m);
    expect(r.stdout).toMatch(/^Salary increase$/m);
    expect(r.stdout).toMatch(/^TOTAL COST$/m);
    const json = JSON.parse(fis("--scenario", scenarioFile, "--with", other, "--compare", "--json").stdout);
    expect(Object.keys(json.total)).toEqual(["increase", "benefits", "total", "local"]);
    expect(json.total.increase.FY2025).toBe("50000");
  });

  it("warns of a helper line no other line uses, and still prints the table", () => {
    const data = helperLineJson();
    data.table.lines.push({ id: "spare", label: "Spare", printed: false } as never);
    const r = fis("--scenario", file("spare.json", JSON.stringify(data)));
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/warning: table\.lines\.spare\.printed: "Spare" is not printed and no other line uses it/);
    expect(r.stdout).toMatch(/TOTAL COST\s+\$110\.0/);
  });
});
