/** The command line as a user runs it: a real child process (`fis`, the bundled CLI), exit codes included. */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fisAsPublished } from "../../model/built-ins";
import { serializeScenario } from "../../model/engine/scenario/schema";

const NODE = process.execPath;
/** The `fis` command as package.json runs it: the bundled CLI, rebuilt first when a source changed. */
const CLI = join(process.cwd(), "model", "cli", "launch.cjs");
const fis = (...args: string[]) => spawnSync(NODE, [CLI, ...args], { encoding: "utf8" });

describe("npm run fis", () => {
  it("prints the published table in $ thousands", () => {
    const out = execFileSync(NODE, [CLI], { encoding: "utf8" });
    expect(out).toContain("Base Salary Increases");
    expect(out).toMatch(/TOTAL COST\s+\$52,137\s+\$39,866\s+\$59,856\s+\$87,121\s+\$238,980/);
    expect(out).toMatch(/Funding available.*\(\$21,437\)\s+\(\$15,519\)\s+\(\$17,498\)\s+\(\$21,304\)\s+\(\$75,759\)/);
  });

  it("--json follows the DESIGN.md contract", () => {
    const json = JSON.parse(fis("--json").stdout);
    expect(json.units).toBe("USD thousands");
    expect(json.columns).toEqual(["FY2025", "FY2026", "FY2027", "FY2028", "Total"]);
    expect(json.lines.map((l: { id: string }) => l.id)).toEqual([
      "baseSalaryIncreases",
      "bonus",
      "additionalPay",
      "benefits",
      "otherNps",
      "totalCost",
      "localPortion",
      "fundingAvailable",
      "costFundedByWia",
    ]);
    const base = json.lines[0];
    expect(base.values).toEqual({ FY2025: 12161, FY2026: 30767, FY2027: 49932, FY2028: 76251, Total: 169111 });
    expect(base.exact.FY2025).toBe("12160963.68");
    expect(json.lines[7].values.FY2025).toBe(-21437);
  });

  it("--explain prints the tree down to contract articles and calibrations", () => {
    const out = fis("--explain", "benefits.FY2025").stdout;
    expect(out).toContain("Benefits FY2025 = 505739.25336 USD");
    expect(out).toContain("Art. 37.2.1");
    expect(out).toContain("CALIBRATED");
    expect(out).toContain("(input items.legal.amounts.2025)");
  });

  it("--compare lists every difference with its reason and what it adds to each line", () => {
    const out = fis("--compare").stdout;
    expect(out).toContain("- Local share of total cost: 99.3582% → 99.4%");
    expect(out).toContain("baseline: calibrated: note (g) says 99.4 percent");
    // 5,776 x $0.50 x 0.02 = $57.76 on FY2025 base salary increases, the only difference on that line.
    expect(out).toMatch(/Base Salary Increases\n.*\nAverage salary: \$105,271\.50 → \$105,272 +57\.76 +146\.13/);
    expect(out).toContain("Interaction (only together)");
  });

  it("reads a scenario file and exits 2 naming the field of a bad one", () => {
    const dir = mkdtempSync(join(tmpdir(), "fis-cli-"));
    const good = join(dir, "good.json");
    const s = fisAsPublished();
    s.items = s.items.map((i) =>
      i.kind === "raises"
        ? { ...i, steps: i.steps.map((st) => (st.fiscalYear === 2026 ? { ...st, amount: { ...st.amount, value: "0.04" } } : st)) }
        : i,
    );
    writeFileSync(good, serializeScenario(s));
    const ok = JSON.parse(fis("--scenario", good, "--json").stdout);
    // FY2026 at 4%: P x (1.02 x 1.04 - 1) = 608,048,184 x 0.0608 = 36,969,329.59
    expect(ok.lines[0].values.FY2026).toBe(36969);

    const bad = join(dir, "bad.json");
    const broken = JSON.parse(serializeScenario(fisAsPublished()));
    broken.groups[0].members.value = "-3";
    writeFileSync(bad, JSON.stringify(broken));
    const r = fis("--scenario", bad);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("bad.json");
    expect(r.stderr).toContain("field groups.wtu.members");
    expect(r.stderr).toContain("cannot be negative");

    const notJson = join(dir, "not.json");
    writeFileSync(notJson, "{ nope");
    expect(fis("--scenario", notJson).status).toBe(2);
    expect(fis("--scenario", join(dir, "missing.json")).stderr).toContain("missing.json: does not exist");
  });

  it("exits 2 on unknown options and unknown cells", () => {
    expect(fis("--bogus").status).toBe(2);
    expect(fis("--explain", "nothing.FY2025").status).toBe(2);
  });
});

describe("npm run fis -- --method schedule", () => {
  it("prints raise, step and turnover lines from the reference census", () => {
    const json = JSON.parse(fis("--method", "schedule", "--json").stdout);
    const ids = json.lines.map((l: { id: string }) => l.id);
    expect(ids.slice(0, 3)).toEqual(["baseSalaryIncreases", "baseSalaryIncreasesSteps", "baseSalaryIncreasesTurnover"]);
    // Raise cost on the printed FY2025 schedule for the synthetic census: 12,161,148.00 (model/engine/schedule tests)
    expect(json.lines[0].exact.FY2025).toBe("12161148");
    // Lines that do not depend on salaries are unchanged
    expect(json.lines.find((l: { id: string }) => l.id === "bonus").values.FY2025).toBe(23854);
  });
  it("--reconcile splits the difference between the methods", () => {
    const out = fis("--method", "schedule", "--reconcile").stdout;
    expect(out).toMatch(/FY2025\s+\$12,161/);
    expect(out).toContain("step cost");
  });
  it("rejects a bad census naming row and column, exit 2", () => {
    const dir = mkdtempSync(join(tmpdir(), "fis-census-"));
    const file = join(dir, "census.csv");
    writeFileSync(file, "schedule,lane,step,headcount\nET15-10M,Bachelors,3,10\nET15-10M,Nowhere,2,-1\n");
    const r = fis("--method", "schedule", "--census", file);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("row 3, column B: unknown lane");
    expect(r.stderr).toContain("row 3, column D: headcount -1 is negative");
    expect(fis("--method", "schedule", "--separation-rate", "2").status).toBe(2);
  });
});
