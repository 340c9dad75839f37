/**
 * fis --assumptions FILE --assumptions-sheet NAME as a user runs it: a workbook with two visible
 * inputs sheets is refused naming them and the option; naming one applies its values (the FY2025
 * raise of a stated $5,000,000 payroll: 3% on one sheet, 5% on the other); a name the workbook
 * lacks, a sheet that is not an inputs sheet, the option without --assumptions or with a CSV are
 * refused with exit 2. One child process runs every invocation (test/cli/run-many.ts).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { payrollJson } from "../fixtures/helper-line-scenario";
import { bookOf, xlsxOf } from "../fixtures/hostile/generate";

const TSX = join(process.cwd(), "node_modules", ".bin", "tsx");
const RUNNER = join(process.cwd(), "test", "cli", "run-many.ts");
const dir = mkdtempSync(join(tmpdir(), "fis-cli-assumptions-sheet-"));
const file = (name: string, content: string | Uint8Array) => {
  writeFileSync(join(dir, name), content);
  return join(dir, name);
};
const RAISE = "items.raise.steps.2024-07-01.amount";
const MEMBERS = "groups.wtu.members";

const book = (...list: [string, unknown[][]][]): Uint8Array => xlsxOf(bookOf(list));

const SCENARIO = file("payroll.json", JSON.stringify(payrollJson()));
const BOOK = file(
  "two-sheets.xlsx",
  book(
    [
      "Inputs",
      [
        ["Path", "Value"],
        [RAISE, 0.03],
      ],
    ],
    [
      "Inputs (Dana)",
      [
        ["Path", "Value"],
        [RAISE, 0.05],
      ],
    ],
    ["Notes", [["Dana's figures are the union's proposal"]]],
  ),
);
const CSV = file("raise.csv", `path,value\n${RAISE},0.05\n`);
/** For fis-as-published: sheet "Theirs" raises the members, sheet "Ours" keeps the 5,776 the note states. */
const CHECK_BOOK = file(
  "members.xlsx",
  book(
    [
      "Theirs",
      [
        ["Path", "Value"],
        [MEMBERS, 6000],
      ],
    ],
    [
      "Ours",
      [
        ["Path", "Value"],
        [MEMBERS, 5776],
      ],
    ],
  ),
);

const RUNS: Record<string, string[]> = {
  unnamed: ["--scenario", SCENARIO, "--assumptions", BOOK, "--json"],
  dana: ["--scenario", SCENARIO, "--assumptions", BOOK, "--assumptions-sheet", "Inputs (Dana)", "--json"],
  lowerCase: ["--scenario", SCENARIO, "--assumptions", BOOK, "--assumptions-sheet=inputs", "--json"],
  missing: ["--scenario", SCENARIO, "--assumptions", BOOK, "--assumptions-sheet", "Nope"],
  notes: ["--scenario", SCENARIO, "--assumptions", BOOK, "--assumptions-sheet", "Notes"],
  empty: ["--scenario", SCENARIO, "--assumptions", BOOK, "--assumptions-sheet="],
  alone: ["--scenario", SCENARIO, "--assumptions-sheet", "Inputs"],
  csv: ["--scenario", SCENARIO, "--assumptions", CSV, "--assumptions-sheet", "Inputs"],
  checkUnnamed: ["--check", "--assumptions", CHECK_BOOK],
  checkOurs: ["--check", "--assumptions", CHECK_BOOK, "--assumptions-sheet", "Ours"],
  help: ["--help"],
};
type Run = { code: number; stdout: string; stderr: string };
let results: Record<string, Run> = {};

beforeAll(() => {
  const names = Object.keys(RUNS);
  const run = spawnSync(TSX, [RUNNER, JSON.stringify(names.map((n) => RUNS[n]))], { encoding: "utf8" });
  if (run.status !== 0) throw new Error(run.stderr);
  const out = JSON.parse(run.stdout) as Run[];
  results = Object.fromEntries(names.map((n, i) => [n, out[i]!]));
}, 120_000);

/** The FY2025 salary increase the table prints, in whole dollars. */
const increase2025 = (r: Run) =>
  (JSON.parse(r.stdout) as { lines: { id: string; values: Record<string, number> }[] }).lines.find((l) => l.id === "increase")!.values
    .FY2025;

describe("fis --assumptions-sheet NAME", () => {
  it("without it, two visible inputs sheets are refused (exit 2), naming both and the option", () => {
    const r = results.unnamed!;
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      "fis: invalid input\n" +
        `${BOOK}, sheet "Inputs (Dana)", row 1, column A: sheets "Inputs" and "Inputs (Dana)" both have Path and Value ` +
        "columns: which to apply cannot be known; pick one with --assumptions-sheet NAME " +
        '("Inputs" or "Inputs (Dana)"), put the rows on one sheet, or hide or delete the others (a hidden sheet is not read ' +
        "when a visible one is)\n",
    );
  });

  it("naming a sheet applies its value: 5% of the $5,000,000 payroll is $250,000 in FY2025; the other sheet is named as not read", () => {
    const r = results.dana!;
    expect(r.code, r.stderr).toBe(0);
    // 5,000,000 x 5% = 250,000 (the scenario's own 2% gives 100,000).
    expect(increase2025(r)).toBe(250000);
    expect(r.stderr).toContain(`fis: ${BOOK}: applied: FY2025 raise 0.02 -> 0.05 (row 2)\n`);
    expect(r.stderr).toContain(
      `fis: ${BOOK}: ignored: sheet "Inputs" also has Path and Value columns; not read: only sheet "Inputs (Dana)", ` +
        "the one asked for, was\n",
    );
  });

  it("a name differing only in case picks the one sheet it matches: inputs is Inputs, 3% of $5,000,000 is $150,000", () => {
    const r = results.lowerCase!;
    expect(r.code, r.stderr).toBe(0);
    // 5,000,000 x 3% = 150,000.
    expect(increase2025(r)).toBe(150000);
    expect(r.stderr).toContain(`fis: ${BOOK}: applied: FY2025 raise 0.02 -> 0.03 (row 2)\n`);
  });

  it("a name the workbook lacks is refused (exit 2), listing its sheets", () => {
    expect(results.missing).toEqual({
      code: 2,
      stdout: "",
      stderr:
        `fis: invalid input\n${BOOK}, sheet "Nope": no such sheet in the workbook; ` +
        'its sheets are "Inputs", "Inputs (Dana)" and "Notes"\n',
    });
  });

  it("a sheet that is not an inputs sheet is refused (exit 2), saying what it lacks and naming file and sheet", () => {
    expect(results.notes).toEqual({
      code: 2,
      stdout: "",
      stderr:
        `fis: invalid input\n${BOOK}, sheet "Notes": has no header row with "Path" and "Value" columns in its first 30 rows: ` +
        'it is not an inputs sheet (sheets "Inputs" and "Inputs (Dana)" have them)\n',
    });
  });

  it("without --assumptions, with a CSV file, or empty: a usage error in one line (exit 2)", () => {
    const oneLine = (message: string) => ({ code: 2, stdout: "", stderr: `fis: ${message}\n(see --help for the options)\n` });
    expect(results.alone).toEqual(oneLine("--assumptions-sheet goes with --assumptions: it names the workbook sheet to read"));
    expect(results.csv).toEqual(
      oneLine(`--assumptions-sheet names a workbook sheet, and ${CSV} is a CSV file, which has none: leave --assumptions-sheet out`),
    );
    expect(results.empty).toEqual(oneLine("--assumptions-sheet needs the name of a sheet"));
  });

  it("goes with --check: the sheet named keeps the note's 5,776 members, so every published figure matches (exit 0)", () => {
    expect(results.checkUnnamed!.code).toBe(2);
    expect(results.checkUnnamed!.stderr).toContain('pick one with --assumptions-sheet NAME ("Theirs" or "Ours")');
    const r = results.checkOurs!;
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/(\d+) of \1 published cells match/);
  });

  it("--help lists it", () => {
    expect(results.help!.stdout).toMatch(/--assumptions-sheet NAME +the sheet of the workbook to read/);
  });
});
