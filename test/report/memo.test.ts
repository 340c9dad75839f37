/**
 * The comparison memo: the difference per line and year and what each difference adds, in words and
 * tables, checked against hand arithmetic (docs/attribution.md's worked example), and the `fis
 * --report` command line that writes it and the statement.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fisAsPublished } from "../../model/built-ins";
import { serializeScenario, setInputValue, type Scenario } from "../../model/engine/index";
import { buildMemoDocument, changeWords, documentText } from "../../model/report/index";
import { docxText, pdfText, scratch } from "./files";

const NODE = process.execPath;
const CLI = join(process.cwd(), "model", "cli", "launch.cjs");
const fis = (...args: string[]) => spawnSync(NODE, [CLI, ...args], { encoding: "utf8" });

const fy2026At4 = (): Scenario => ({
  ...setInputValue(fisAsPublished(), "items.baseSalary.steps.2025-10-01.amount", "0.04"),
  name: "FY2026 at 4%",
});

describe("the comparison memo", () => {
  it("says in words what raising FY2026 from 3% to 4% adds (hand-derived)", () => {
    const text = documentText(buildMemoDocument(fisAsPublished(), fy2026At4(), { today: "2026-12-02" }));
    // P = 5,776 x $105,271.50 = $608,048,184; TOTAL COST moves by the base-salary change x 1.0145 (Medicare):
    // FY2026 P x 1.02 x 0.01 x 1.0145 = 6,292,021.80; FY2027 x 1.03 = 6,480,782.45; FY2028 x 1.04 = 6,740,013.75;
    // four years 19,512,818.00 -> $19,513K.
    expect(text).toContain(
      "Raising the FY2026 base salary increase from 3% to 4% adds $6,292K in FY 2026 and $19,513K over the four years.",
    );
    expect(text).toContain("FY2026 at 4% costs $19,513K more than FIS as published over the four years");
    expect(text).toMatch(/TOTAL COST \| \$0 \| \$6,292 \| \$6,481 \| \$6,740 \| \$19,513/);
    expect(text).toMatch(/Interaction \(only together\) \| \$0 \| \$0 \| \$0 \| \$0 \| \$0/);
  });

  it("names the interaction when differences compound (two raises, docs/attribution.md)", () => {
    const both = { ...setInputValue(fy2026At4(), "items.baseSalary.steps.2026-10-01.amount", "0.04"), name: "FY2026 and FY2027 at 4%" };
    const doc = buildMemoDocument(fisAsPublished(), both, { today: "2026-12-02" });
    const text = documentText(doc);
    expect(text).toContain("2 differences between the two scenarios.");
    // Interaction on TOTAL COST: FY2027 62,020.914768 x 1.0145 = $62,920 -> $63K; over four years 128,357.24 -> $128K.
    expect(text).toMatch(/Interaction \(only together\) \| \$0 \| \$0 \| \$63 \| \$65 \| \$128/);
    expect(text).toContain(
      "Made together, the differences add $63K in FY 2027 and $128K over the four years beyond the sum of their effects alone",
    );
  });

  it("turns a difference's label into a sentence", () => {
    expect(changeWords("FY2026 base salary increase: 3% → 4%")).toBe("Raising the FY2026 base salary increase from 3% to 4%");
    expect(changeWords("Average salary: $105,272 → $105,271.50")).toBe("Lowering the average salary from $105,272 to $105,271.50");
    expect(changeWords("Proration: pay periods → days")).toBe("Changing the proration from pay periods to days");
    expect(changeWords("Medicare (employer): defined differently (applies to A → A + B)")).toBe(
      "Medicare (employer): defined differently (applies to A → A + B)",
    );
  });
});

describe("fis --report", () => {
  it("writes the statement as PDF and Word, and the memo with --baseline", () => {
    const dir = scratch();
    const edited = join(dir, "fy2026-at-4.json");
    writeFileSync(edited, serializeScenario(fy2026At4()));
    const pdf = join(dir, "fis.pdf");
    const docx = join(dir, "fis.docx");
    const memo = join(dir, "memo.docx");
    for (const [out, extra] of [
      [pdf, []],
      [docx, []],
      [memo, ["--scenario", edited, "--baseline", "fis-as-published"]],
    ] as const) {
      const r = fis("--report", out, ...extra);
      expect(r.stderr).toBe("");
      expect(r.status).toBe(0);
      expect(r.stdout).toBe(`wrote ${out}\n`);
    }
    expect(pdfText(readFileSync(pdf))).toContain("TOTAL COST");
    expect(docxText(readFileSync(docx))).toContain("$238,980");
    expect(docxText(readFileSync(memo))).toContain("Raising the FY2026 base salary increase from 3% to 4% adds $6,292K");
    // Written through a temporary file renamed into place: nothing else is left in the folder.
    expect(readdirSync(dir).sort()).toEqual(["fis.docx", "fis.pdf", "fy2026-at-4.json", "memo.docx"]);
  });

  it("refuses an unknown extension, a --baseline alone, a bad scenario and an unwritable path with exit code 2", () => {
    const dir = scratch();
    const bad = join(dir, "bad.json");
    writeFileSync(bad, "{ not json");
    const cases: [string[], RegExp][] = [
      [["--report", join(dir, "fis.txt")], /--report writes \.docx or \.pdf; ".*fis\.txt" ends in "\.txt"/],
      [["--report", join(dir, "fis")], /ends in no extension/],
      [["--baseline", "fis-as-published"], /--baseline goes with --report/],
      [["--report", join(dir, "x.pdf"), "--scenario", bad], /invalid input/],
      [["--report", join(dir, "no", "such", "dir", "x.pdf")], /cannot write the file \(ENOENT\)/],
    ];
    // A scenario file that happens to end in .docx is never overwritten by the document.
    const input = join(dir, "scenario.docx");
    writeFileSync(input, serializeScenario(fisAsPublished()));
    cases.push([["--report", input, "--scenario", input], /--report would overwrite the --scenario file/]);
    for (const [args, message] of cases) {
      const r = fis(...args);
      expect(r.status, args.join(" ")).toBe(2);
      expect(r.stderr).toMatch(message);
    }
    expect(existsSync(join(dir, "x.pdf"))).toBe(false);
    expect(readdirSync(dir).sort()).toEqual(["bad.json", "scenario.docx"]);
    expect(readFileSync(input, "utf8")).toBe(serializeScenario(fisAsPublished()));
  });
});
