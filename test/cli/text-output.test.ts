/**
 * The CLI's text output as a user reads it, through main() (exit code, stdout, stderr):
 *  - every text table keeps at least two spaces between cells however big the figures (at fixed
 *    widths "$100,000,000$253,000,000" ran together), and --fund-split prints shares as percentages;
 *  - --separation-rate / --held-share are refused on an average-salary run, as --census is;
 *  - a bad --explain cell prints its message and a one-line hint, not the whole help;
 *  - the help names only docs that exist.
 * The figures come from test/cli/two-year-scenario.ts, costed by hand there and below.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { main } from "../../model/cli/fis";
import { formatTable, wrapLabel } from "../../model/cli/format-table";
import { formatReconciliation } from "../../model/cli/schedule-options";
import { fisAsPublished } from "../../model/built-ins";
import { computeTable, Decimal, type ReconcileResult } from "../../model/engine/index";
import { writeTwoYearScenario } from "./two-year-scenario";

const dir = mkdtempSync(join(tmpdir(), "fis-text-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

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

/** 100,000 members x $50,000: payroll P = $5,000,000,000, in whole dollars. */
const BIG = writeTwoYearScenario(dir, "big", { members: "100000", unit: "dollars", decimals: 0 });

/** The cells of a printed row: runs of text separated by two or more spaces (one space stays inside a label). */
const cells = (line: string) => line.trim().split(/ {2,}/);
const row = (text: string, start: string) => text.split("\n").find((l) => l.startsWith(start)) ?? `(no row ${start})`;
/** Where each cell of a row ends: right-aligned columns end at the same place on every row. */
const ends = (line: string) => [...line.matchAll(/\S+(?: \S+)*/g)].map((m) => m.index + m[0].length);

describe("labels as the scenario writes them", () => {
  it("a total line labelled 'Total' prints 'Total' (it was upper-cased to 'TOTAL', which the note does not print)", async () => {
    const file = join(dir, "total-label.json");
    const s = JSON.parse(readFileSync(BIG, "utf8"));
    s.table.lines.find((l: { id: string }) => l.id === "total").label = "Total";
    writeFileSync(file, JSON.stringify(s));
    const r = await fis("--scenario", file);
    expect(r.code).toBe(0);
    expect(cells(row(r.stdout, "Total"))).toEqual(["Total", "$101,451,000", "$256,668,500", "$358,119,500"]);
    expect(r.stdout).not.toMatch(/^TOTAL/m);
  });
});

describe("text tables size their columns to the widest cell", () => {
  it("the cost table: $100,000,000 and $253,000,000 stay apart, each column right-aligned under its heading", async () => {
    const r = await fis("--scenario", BIG);
    expect(r.code).toBe(0);
    // Salaries 0.02 P and (1.02 x 1.03 - 1) P = 0.0506 P; Medicare 1.45% of those; $1,000 equipment in FY2025.
    expect(cells(row(r.stdout, "Salaries"))).toEqual(["Salaries", "$100,000,000", "$253,000,000", "$353,000,000"]);
    expect(cells(row(r.stdout, "Benefits"))).toEqual(["Benefits", "$1,450,000", "$3,668,500", "$5,118,500"]);
    expect(cells(row(r.stdout, "TOTAL"))).toEqual(["TOTAL", "$101,451,000", "$256,668,500", "$358,119,500"]);
    const heading = r.stdout.split("\n")[1]!;
    expect(cells(heading)).toEqual(["FY 2025", "FY 2026", "Total"]);
    expect(ends(heading)).toEqual(ends(row(r.stdout, "Other")).slice(1));
    expect(ends(heading)).toEqual(ends(row(r.stdout, "TOTAL")).slice(1));
  });

  it("--sensitivity: the FY2025 raise 1% / 3% gives $255,147,750 / $461,091,250, swing $205,943,500", async () => {
    const r = await fis("--scenario", BIG, "--sensitivity");
    expect(r.code).toBe(0);
    // 1%: (0.01 + 1.01 x 1.03 - 1) P x 1.0145 + 1,000 = 0.0503 P x 1.0145 + 1,000; 3%: 0.0909 P x 1.0145 + 1,000.
    expect(cells(row(r.stdout, "x (items.cola.steps.2024-10-01.amount)"))).toEqual([
      "x (items.cola.steps.2024-10-01.amount)",
      "±0.01",
      "$255,147,750",
      "$461,091,250",
      "$205,943,500",
    ]);
  });

  it("--two-way: the 10% x 10% corner, (0.1 + 1.1 x 1.1 - 1) P x 1.0145 + 1,000 = $1,572,476,000, stands apart", async () => {
    const r = await fis("--scenario", BIG, "--two-way", "--rows", "FY2025", "--columns", "FY2026");
    expect(r.code).toBe(0);
    const last = cells(row(r.stdout, "10.00%"));
    expect(last).toHaveLength(22);
    // 10% then 0%: FY2025 0.1 P, FY2026 still 0.1 P (the raise carries on): 0.2 P x 1.0145 + 1,000.
    expect([last[1], last[21]]).toEqual(["$1,014,501,000", "$1,572,476,000"]);
    // 0% then 10%: 0.1 P x 1.0145 + 1,000 again; 0% both years: only the equipment.
    expect(cells(row(r.stdout, "0.00%")).filter((_, i) => i === 1 || i === 21)).toEqual(["$1,000", "$507,251,000"]);
  });

  it("--cost-of-one-percent: +1 point in FY2025 costs 0.01 P that year and 1.03 x 0.01 P the next, x 1.0145", async () => {
    const r = await fis("--scenario", BIG, "--cost-of-one-percent");
    expect(r.code).toBe(0);
    const line = r.stdout.split("\n").find((l) => /^\+1% raise in FY2025/.test(l))!;
    // 0.01 P x 1.0145 = $50,725,000 in FY2025; 0.0103 P x 1.0145 = $52,246,750 in FY2026; $102,971,750 in all.
    expect(cells(line).slice(1, 4)).toEqual(["$50,725,000", "$52,246,750", "$102,971,750"]);
  });

  it("--fund-split: shares as percentages (500 of $359,118.50 is 0.14%), JSON keeps the exact share", async () => {
    const file = writeTwoYearScenario(dir, "fund", { equipmentFundShare: "0.5" });
    const r = await fis("--scenario", file, "--fund-split");
    expect(r.code).toBe(0);
    expect(cells(row(r.stdout, "GF"))).toEqual(["GF", "0.14%", "$500.00", "$0.00", "$500.00"]);
    expect(cells(row(r.stdout, "Not assigned"))).toEqual(["Not assigned to a fund", "99.86%", "$101,950.00", "$256,668.50", "$358,618.50"]);
    const json = JSON.parse((await fis("--scenario", file, "--fund-split", "--json")).stdout);
    expect(json.funds[0].share).toBe(new Decimal(500).div("359118.5").toString());
  });

  it("--compare: a $35 billion difference to the cent stays apart from its neighbours", async () => {
    // x100 the members: every cell x100, so each difference is 99 x the big scenario's.
    const bigger = writeTwoYearScenario(dir, "bigger", { members: "10000000", unit: "dollars", decimals: 0 });
    const r = await fis("--compare", "--scenario", BIG, "--with", bigger);
    expect(r.code).toBe(0);
    const total = r.stdout.split("\n").filter((l) => l.startsWith("Total difference"));
    // TOTAL less the $1,000 equipment, which has no members in it: 99 x $101,450,000 / $256,668,500 / $358,118,500.
    expect(total.map(cells)).toContainEqual(["Total difference", "10,043,550,000.00", "25,410,181,500.00", "35,453,731,500.00"]);
  });

  it("the reconciliation (schedule method) table keeps figures of any size apart", () => {
    const d = (s: string) => new Decimal(s);
    const year = (fiscalYear: number, n: string) => ({
      fiscalYear,
      averageMethod: d(n),
      scheduleMethod: d(n).times(2),
      difference: d(n),
      parts: { stepCost: d(n), turnoverSavings: d(n).negated(), mix: d("0"), payrollBase: d(n) },
    });
    const r = { schedule: { baseFiscalYear: 2024 }, years: [year(2025, "123456789012000")] } as unknown as ReconcileResult;
    // $ thousands: 123,456,789,012 thousand, twice that for the schedule method, the turnover in parentheses.
    expect(cells(row(formatReconciliation(r, fisAsPublished()), "FY2025"))).toEqual([
      "FY2025",
      "$123,456,789,012",
      "$246,913,578,024",
      "$123,456,789,012",
      "$123,456,789,012",
      "($123,456,789,012)",
      "$0",
      "$123,456,789,012",
    ]);
  });
});

describe("schedule-method flags on an average-salary run", () => {
  it.each(["--separation-rate", "--held-share"])("%s is refused (exit 2) as --census is, not silently ignored", async (flag) => {
    const r = await fis("--scenario", BIG, flag, "0.2");
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.split("\n")[0]).toBe(`fis: ${flag} needs --method schedule`);
    const explicit = await fis("--method", "average", flag, "0.2");
    expect([explicit.code, explicit.stderr.split("\n")[0]]).toEqual([2, `fis: ${flag} needs --method schedule`]);
  });
});

describe("a bad --explain cell", () => {
  it("prints the message and a one-line hint, not the whole help", async () => {
    const r = await fis("--scenario", BIG, "--explain", "nothing.FY2025");
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'fis: no cell "nothing.FY2025": write LINE.COLUMN with LINE one of salaries, benefits, other, total ' +
        "and COLUMN one of FY2025, FY2026, Total\n(see --help for the options)\n",
    );
  });
});

describe("an analysis the scenario cannot answer", () => {
  it("prints the reason and a one-line hint, not the whole help", async () => {
    const src = { kind: "assumed", ref: "test" };
    const file = join(dir, "amounts-only.json");
    writeFileSync(
      file,
      JSON.stringify({
        schemaVersion: 2,
        id: "amounts-only",
        name: "Amounts only",
        description: "costs entered as amounts, no raise",
        agreement: { name: "A", employer: "X", union: "U", effectiveFrom: "2023-07-01", effectiveTo: "2024-06-30" },
        calendar: { fiscalYearStartMonth: 7, payFrequency: "monthly", payPeriodAnchor: "2023-07-01" },
        settings: { proration: "months", calendarToFiscal: "monthsInForce", salaryMethod: "averageSalary" },
        groups: [{ id: "staff", label: "Staff", payroll: { value: "1000000", label: "payroll", source: src } }],
        items: [
          {
            kind: "fixedAmounts",
            id: "cost",
            label: "Cost",
            line: "cost",
            amounts: { FY2024: { value: "5000", label: "cost", source: src } },
          },
        ],
        table: {
          lines: [{ id: "cost", label: "Cost", style: "total" }],
          columns: { fiscalYears: [2024] },
          display: { unit: "dollars", decimals: 0, rounding: "halfUp", totals: "roundedExact" },
        },
      }),
    );
    for (const flag of ["--cost-of-one-percent", "--goal-seek"]) {
      const r = await fis("--scenario", file, flag, ...(flag === "--goal-seek" ? ["--limit", "1000"] : []));
      expect(r.code, flag).toBe(2);
      expect(r.stderr, flag).not.toContain("Usage:");
      expect(r.stderr.endsWith("\n(see --help for the options)\n"), flag).toBe(true);
    }
  });
});

describe("a long line label", () => {
  it("wraps at word breaks, whole, with its figures on its last line", () => {
    const label = "Agriculture Specialists I-V and Program Administrators II (Farm Managers)";
    expect(wrapLabel(label, 51)).toEqual(["Agriculture Specialists I-V and Program", "Administrators II (Farm Managers)"]);
    expect(wrapLabel("x".repeat(60), 51)).toEqual(["x".repeat(51), "x".repeat(9)]);
    expect(wrapLabel("", 51)).toEqual([""]);
    const s = fisAsPublished();
    const long = { ...s, table: { ...s.table, lines: s.table.lines.map((l) => (l.id === "otherNps" ? { ...l, label } : l)) } };
    const text = formatTable(computeTable(long)).split("\n");
    const at = text.findIndex((t) => t.startsWith("Agriculture"));
    expect(text[at]!.trim()).toBe("Agriculture Specialists I-V and Program");
    // Other NPS as published: 336, 34, 34, 34; 438 over four years.
    expect(text[at + 1]!.split(/\s{2,}/)).toEqual(["Administrators II (Farm Managers)", "$336", "$34", "$34", "$34", "$438"]);
  });
});

describe("--help", () => {
  it("names only docs that exist (the Monte Carlo ranges: docs/ranges-and-fast-path.md)", async () => {
    const r = await fis("--help");
    expect(r.code).toBe(0);
    const docs = [...r.stdout.matchAll(/docs\/[\w./-]+\.md/g)].map((m) => m[0]);
    expect(docs).toContain("docs/ranges-and-fast-path.md");
    expect(docs.filter((d) => !existsSync(d))).toEqual([]);
  });
});
