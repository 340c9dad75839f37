/** fis --assumptions through the real command line: the summary on stderr, and the questions refused until answered by a flag. */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import * as XLSX from "xlsx";
import { contractAsStated } from "../../model/built-ins";
import { exportWorkbook } from "../../model/io/xlsx-export";

const NODE = process.execPath;
const CLI = join(process.cwd(), "model", "cli", "launch.cjs");
const fis = (...args: string[]) => spawnSync(NODE, [CLI, ...args], { encoding: "utf8" });
const dir = mkdtempSync(join(tmpdir(), "fis-cli-assumptions-"));
const file = (name: string, content: string | Uint8Array) => {
  writeFileSync(join(dir, name), content);
  return join(dir, name);
};

describe("fis --assumptions", () => {
  it("applies the Value column and says what it applied on stderr; the table follows", () => {
    const csv = file("raise.csv", "path,value\nitems.baseSalary.steps.2025-10-01.amount,0.04\n");
    const r = fis("--assumptions", csv, "--json");
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain(`${csv}: applied: FY2026 base salary increase 0.03 -> 0.04 (row 2)`);
    // 5,776 x 105,271.50 x (1.02 x 1.04 - 1) = 36,969,329.59, shown 36,969 ($K).
    expect(JSON.parse(r.stdout).lines[0].values.FY2026).toBe(36969);
  });

  it("a workbook from another scenario is refused (exit 2) unless --assumptions-from-other", () => {
    const other = file("stated.xlsx", exportWorkbook([contractAsStated()]));
    const refused = fis("--assumptions", other);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain("not applied; confirm with --assumptions-from-other");
    expect(refused.stderr).toContain('was exported from scenario "contract-as-stated", not from "fis-as-published"');
    const applied = fis("--assumptions", other, "--assumptions-from-other", "--json");
    expect(applied.status, applied.stderr).toBe(0);
    expect(applied.stderr).toContain("applied: Average salary 105271.50 -> 105272");
  });

  it("values over 10x or under 0.1x their baseline are refused unless --confirm-outliers", () => {
    const far = file("far.csv", "path,value\ngroups.wtu.members,57761\n");
    const refused = fis("--assumptions", far);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain("Active members 57761 is more than 10 times its baseline 5776 (row 2)");
    expect(fis("--assumptions", far, "--confirm-outliers").status).toBe(0);
    expect(fis("--confirm-outliers").status).toBe(2);
  });

  it("a decimal comma is refused with a hint, naming the file, row and column", () => {
    const comma = file("comma.csv", 'path,value\nitems.medicare.rate,"0,0145"\n');
    const r = fis("--assumptions", comma);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("row 2, column B");
    expect(r.stderr).toContain('"0,0145" has a decimal comma; type 0.0145');
  });
});

describe("fis --xlsx", () => {
  it("writes one scenario per workbook; --with writes the two side by side", () => {
    const one = join(dir, "one.xlsx");
    const two = join(dir, "two.xlsx");
    expect(fis("--xlsx", one).status).toBe(0);
    expect(XLSX.read(readFileSync(one)).SheetNames).toEqual([
      "Cost Table - FIS as published",
      "Inputs - FIS as published",
      "Calculation - FIS as published",
      "Notes - FIS as published",
    ]);
    expect(fis("--xlsx", two, "--with", "contract-as-stated").status).toBe(0);
    expect(XLSX.read(readFileSync(two)).SheetNames[0]).toBe("Cost Table - comparison");
  });
});
