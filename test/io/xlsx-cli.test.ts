/** --xlsx and --csv through the real command line (`fis` as a child process), and writeXlsx/writeCsv directly. */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import * as XLSX from "xlsx";
import { contractAsStated } from "../../model/built-ins";

import { writeCsv, writeXlsx } from "../../model/cli/xlsx-command";

const NODE = process.execPath;
/** The `fis` command as package.json runs it: the bundled CLI, rebuilt first when a source changed. */
const CLI = join(process.cwd(), "model", "cli", "launch.cjs");

describe("fis --xlsx / --csv", () => {
  it("writes both files for the default scenario", () => {
    const dir = mkdtempSync(join(tmpdir(), "fis-cli-xlsx-"));
    const r = spawnSync(NODE, [CLI, "--xlsx", join(dir, "t.xlsx"), "--csv", join(dir, "t.csv")], { encoding: "utf8" });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("wrote");
    const wb = XLSX.read(readFileSync(join(dir, "t.xlsx")), { cellFormula: true });
    expect(wb.Sheets["Cost Table - FIS as published"]!.B5).toMatchObject({
      v: 12161,
      f: "ROUND(ROUND('Calculation - FIS as published'!C15,2)/1000,0)",
    });
    const csv = readFileSync(join(dir, "t.csv"), "utf8").split("\r\n");
    expect(csv[6]).toMatch(/^totalCost,TOTAL COST,52137,39866,59856,87121,238980,/);
    expect(readdirSync(dir).sort()).toEqual(["t.csv", "t.xlsx"]);
  });

  it("an unwritable path is bad input (exit 2), not a crash", () => {
    const r = spawnSync(NODE, [CLI, "--xlsx", "/nonexistent-dir/x.xlsx"], { encoding: "utf8" });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("/nonexistent-dir/x.xlsx: cannot write the file (ENOENT)");
  });

  it("writeXlsx and writeCsv leave no temporary file behind", async () => {
    const dir = mkdtempSync(join(tmpdir(), "fis-cli-xlsx-"));
    await writeXlsx(contractAsStated(), join(dir, "c.xlsx"));
    await writeCsv(contractAsStated(), join(dir, "c.csv"));
    expect(readdirSync(dir).sort()).toEqual(["c.csv", "c.xlsx"]);
    expect(existsSync(join(dir, "c.xlsx"))).toBe(true);
    expect(XLSX.read(readFileSync(join(dir, "c.xlsx"))).Sheets["Cost Table - Contract terms as\u2026"]!.B8!.v).toBe(912);
  });
});
