/** `fis init` as a user runs it (the bundled CLI in a child process): list, write, refuse to overwrite, refuse to cost a draft. */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const CLI = join(process.cwd(), "model", "cli", "launch.cjs");
const fis = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: "utf8" });

describe("fis init", () => {
  const dir = mkdtempSync(join(tmpdir(), "fis-init-"));

  it("--list names the three templates and how many inputs each leaves to fill", () => {
    const r = fis("init", "--list");
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^dc-fis\s+DC Fiscal Impact Statement: 11 inputs to fill/m);
    expect(r.stdout).toMatch(/^state-fiscal-note\s+State fiscal note: 2 inputs to fill/m);
    expect(r.stdout).toMatch(/^city-council-costing\s+City council costing: 6 inputs to fill/m);
  });

  it("writes a scenario for the agreement's years, lists its inputs to fill, and never overwrites a file", () => {
    const out = join(dir, "bill.json");
    const r = fis(
      "init",
      "--template",
      "state-fiscal-note",
      "--out",
      out,
      "--name",
      "My bill",
      "--first-year",
      "2030",
      "--last-year",
      "2031",
    );
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/2 inputs to fill/);
    expect(r.stdout).toMatch(/items\.raise\.steps\.2030-07-01\.amount\s+Salary increase per position/);
    const s = JSON.parse(readFileSync(out, "utf8"));
    expect(s).toMatchObject({ name: "My bill", table: { columns: { fiscalYears: [2030, 2031] } } });
    expect(s.$schema).toMatch(/docs\/scenario\.schema\.json$/);
    const again = fis("init", "--template", "state-fiscal-note", "--out", out);
    expect(again.status).toBe(2);
    expect(again.stderr).toMatch(/the file exists/);
  });

  it("the costing refuses the new file until its inputs are filled, then prints its table", () => {
    const out = join(dir, "filled.json");
    expect(fis("init", "--template", "state-fiscal-note", "--out", out).status).toBe(0);
    const refused = fis("--scenario", out);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/not costed yet: 2 inputs to fill/);
    expect(refused.stderr).toMatch(/groups\.employees\.members\s+Positions covered/);
    const s = JSON.parse(readFileSync(out, "utf8"));
    s.groups[0].members.value = "10";
    s.items[0].steps[0].amount.value = "1000";
    writeFileSync(out, JSON.stringify(s));
    const costed = fis("--scenario", out, "--json");
    expect(costed.stderr).toBe("");
    // 10 x 1,000 x (1 + 7.65% FICA) = 10,765
    const total = JSON.parse(costed.stdout).lines.find((l: { id: string }) => l.id === "totalCost");
    expect(total.values).toEqual({ FY2026: 0, FY2027: 10765, Annualized: 10765 });
  });

  it("an unknown template is a usage error naming the templates", () => {
    const r = fis("init", "--template", "nope");
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/no template "nope"; the templates are dc-fis, state-fiscal-note, city-council-costing/);
  });
});
