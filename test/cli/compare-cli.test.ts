/**
 * `fis --compare` as a user runs it: any two valid scenarios compare (different line ids, different
 * fiscal years), and `--json` prints the attribution contract of DESIGN.md with dollars as strings.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { Decimal } from "../../model/engine/decimal";
import { fisAsPublished } from "../../model/built-ins";
import { serializeScenario } from "../../model/engine/scenario/schema";
import type { Scenario } from "../../model/engine/scenario/types";

const TSX = join(process.cwd(), "node_modules", ".bin", "tsx");
const CLI = join(process.cwd(), "model", "cli", "fis.ts");
const fis = (...args: string[]) => spawnSync(TSX, [CLI, ...args], { encoding: "utf8" });

/** Wide enough that sums of the printed strings are exact. */
const Exact = Decimal.clone({ precision: 200 });

type Cells = Record<string, Record<string, string>>;
interface CompareJson {
  baseline: string;
  scenario: string;
  differences: { id: string; label: string; cells: Cells }[];
  interaction: Cells;
  total: Cells;
}

let dir = "";
const file = (name: string, s: Scenario) => {
  const path = join(dir, name);
  writeFileSync(path, serializeScenario(s));
  return path;
};

/** "Other NPS" under another line id, everything else as published. */
function renamedLine(): Scenario {
  const s = fisAsPublished();
  s.table.lines = s.table.lines.map((l) =>
    l.id === "otherNps"
      ? { ...l, id: "otherNonPersonal" }
      : l.id === "totalCost"
        ? { ...l, sum: l.sum!.map((x) => (x === "otherNps" ? "otherNonPersonal" : x)) }
        : l,
  );
  delete s.table.published;
  s.items = s.items.map((i) => (i.line === "otherNps" ? { ...i, line: "otherNonPersonal" } : i));
  return s;
}

/** The published scenario run one year longer (FY2029 with $1,000,000 of funding available). */
function fiveYears(): Scenario {
  const s = fisAsPublished();
  s.table.columns = { ...s.table.columns, fiscalYears: [...s.table.columns.fiscalYears, 2029], total: { label: "5-Yr Total" } };
  s.agreement.effectiveTo = "2029-09-30";
  const funding = s.table.lines.find((l) => l.id === "fundingAvailable")!;
  funding.amounts = { ...funding.amounts, FY2029: { ...funding.amounts!.FY2028!, value: "1000000" } };
  return s;
}

function withRaise(s: Scenario, fiscalYear: number, rate: string): Scenario {
  s.items = s.items.map((i) =>
    i.kind === "raises"
      ? { ...i, steps: i.steps.map((st) => (st.fiscalYear === fiscalYear ? { ...st, amount: { ...st.amount, value: rate } } : st)) }
      : i,
  );
  return s;
}

/** Every cell: the differences plus the interaction equal the total, exactly. */
function expectRowsSumToTotal(json: CompareJson) {
  let cells = 0;
  for (const [line, byColumn] of Object.entries(json.total)) {
    for (const [column, total] of Object.entries(byColumn)) {
      const rows = [...json.differences.map((d) => d.cells[line]![column]!), json.interaction[line]![column]!];
      const sum = rows.reduce((acc, v) => acc.plus(v), new Exact(0));
      expect(sum.equals(total), `${line}.${column}: ${sum.toString()} vs ${total}`).toBe(true);
      cells++;
    }
  }
  return cells;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "fis-compare-"));
});

describe("fis --compare never crashes", () => {
  it("compares scenarios whose line ids differ: a line on one side only compares against zero", () => {
    const renamed = file("renamed.json", renamedLine());
    const text = fis("--compare", "--with", renamed);
    expect(text.stderr).toBe("");
    expect(text.status).toBe(0);
    expect(text.stdout).toContain("Other NPS (AEDs and ice machines) (only in the baseline; compared with zero)");
    expect(text.stdout).toContain("Other NPS (AEDs and ice machines) (only in the scenario; compared with zero)");

    const r = fis("--compare", "--with", renamed, "--json");
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout) as CompareJson;
    // Other NPS is $438,000 over the four years (FIS line "Other NPS": 438 in FY2025).
    expect(json.total.otherNps!.Total).toBe("-438000");
    expect(json.total.otherNonPersonal!.Total).toBe("438000");
    expect(json.total.totalCost!.Total).toBe("0");
    expect(expectRowsSumToTotal(json)).toBe(10 * 5);
  });

  it("compares a five-year scenario with a four-year one, both ways: a year on one side only compares against zero", () => {
    const five = file("five.json", fiveYears());
    for (const args of [
      ["--compare", "--with", five],
      ["--scenario", five, "--compare", "--with", "fis-as-published"],
    ]) {
      const text = fis(...args);
      expect(text.stderr).toBe("");
      expect(text.status).toBe(0);
      expect(text.stdout).toMatch(/FY 2029 \(only in the (baseline|scenario)\)/);

      const json = JSON.parse(fis(...args, "--json").stdout) as CompareJson;
      expect(Object.keys(json.total.totalCost!)).toEqual(["FY2025", "FY2026", "FY2027", "FY2028", "FY2029", "Total"]);
      // Funding available in FY2029 is $1,000,000 on the five-year side only (shown negative).
      const sign = args[0] === "--scenario" ? -1 : 1;
      expect(json.total.fundingAvailable!.FY2029).toBe(String(sign * -1000000));
      expect(json.total.baseSalaryIncreases!.FY2025).toBe("0");
      expectRowsSumToTotal(json);
    }
  });
});

describe("fis --compare --json", () => {
  it("prints exactly the attribution contract, dollars as decimal strings", () => {
    const raised = file("raised.json", { ...withRaise(fisAsPublished(), 2026, "0.04"), name: "FY2026 at 4%" });
    const json = JSON.parse(fis("--compare", "--with", raised, "--json").stdout) as CompareJson;
    expect(Object.keys(json)).toEqual(["baseline", "scenario", "differences", "interaction", "total"]);
    expect(json.baseline).toBe("FIS as published");
    expect(json.scenario).toBe("FY2026 at 4%");
    expect(json.differences.map((d) => Object.keys(d))).toEqual([["id", "label", "cells"]]);
    const [raise] = json.differences;
    expect(raise!.label).toBe("FY2026 base salary increase: 3% → 4%");
    // P = 5,776 members x $105,271.50 = $608,048,184. FY2026 at 4% instead of 3%: P x 1.02 x 0.01 = 6,202,091.4768
    // on base salary, plus Medicare 1.45% of that on benefits (89,930.326413600): TOTAL COST +6,292,021.8032136.
    expect(raise!.cells.baseSalaryIncreases!.FY2026).toBe("6202091.4768");
    expect(raise!.cells.benefits!.FY2026).toBe("89930.3264136");
    expect(new Decimal(raise!.cells.totalCost!.FY2026!).equals("6292021.8032136")).toBe(true);
    // One difference: it explains everything, nothing is left to interaction.
    expect(Object.values(json.interaction).every((byColumn) => Object.values(byColumn).every((v) => new Decimal(v).isZero()))).toBe(true);
    expect(expectRowsSumToTotal(json)).toBe(9 * 5);
  });

  it("the default comparison (published vs stated terms) sums exactly in every cell, interaction explicit", () => {
    const r = fis("--compare", "--json");
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout) as CompareJson;
    expect(json.differences.length).toBeGreaterThan(8);
    expect(expectRowsSumToTotal(json)).toBe(9 * 5);
  });

  it("--shapley shares the interaction out: the interaction row is zero, the rows still sum to the total", () => {
    const both = file("both.json", {
      ...withRaise(withRaise(fisAsPublished(), 2026, "0.04"), 2027, "0.04"),
      name: "FY2026 and FY2027 at 4%",
    });
    const json = JSON.parse(fis("--compare", "--with", both, "--shapley", "--json").stdout) as CompareJson;
    // Two symmetric raises each get half of the FY2027 interaction (62,020.914768 / 2 = 31,010.457384) on top of
    // their own 6,388,154.221104 (docs/attribution.md).
    expect(json.differences.map((d) => d.cells.baseSalaryIncreases!.FY2027)).toEqual(["6419164.678488", "6419164.678488"]);
    expect(json.interaction.baseSalaryIncreases!.FY2027).toBe("0");
    expectRowsSumToTotal(json);
    expect(fis("--compare", "--with", both, "--shapley").stdout).toContain("Shapley values exact over all 4 subsets of the 2 differences.");
  });

  it("--shapley above 8 differences says it sampled, and how closely", () => {
    const out = fis("--compare", "--shapley").stdout;
    expect(out).toMatch(
      /Shapley values sampled over 32 random orders \(seed \d+\): more than 8 differences; largest standard error [\d,.]+ dollars\./,
    );
  });

  it("--shapley without --compare is a usage error", () => {
    const r = fis("--shapley");
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("--shapley goes with --compare");
  });
});
