/**
 * The files in examples/ do what the README says: the sample census imports (through the CLI's
 * parser and the app's importer) and costs by the schedule method; the template is the import
 * format's header; the assumptions workbook is what the exporter writes today, imports back with
 * no error, and reproduces the published table.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { assumptionsWorkbook, ASSUMPTIONS_WORKBOOK } from "../../examples/make-assumptions-workbook";
import { fisAsPublished } from "../../model/built-ins";
import { computeTable } from "../../model/engine";
import { censusHeadcount, censusToCsv, parseCensusCsv } from "../../model/engine/schedule";
import { importAssumptions, importCensus } from "../../model/io";

const ROOT = process.cwd();
const SAMPLE = join(ROOT, "examples", "census", "sample-census.csv");
const TEMPLATE = join(ROOT, "examples", "census", "census-template.csv");

describe("examples/census", () => {
  const text = readFileSync(SAMPLE, "utf8");
  // Counted from the file's last column, without the census parser.
  const members = text
    .trim()
    .split("\n")
    .slice(1)
    .reduce((n, line) => n + Number(line.split(",").at(-1)), 0);

  it("sample-census.csv imports whole through the CLI's parser and the app's importer", () => {
    expect(members).toBe(182);
    const parsed = parseCensusCsv(text, "sample-census.csv");
    if (!parsed.ok) throw new Error(parsed.errors.map((e) => e.message).join("; "));
    expect(censusHeadcount(parsed.value).toNumber()).toBe(members);
    const imported = importCensus(new TextEncoder().encode(text), "sample-census.csv");
    if (!imported.ok) throw new Error(imported.errors.map((e) => e.message).join("; "));
    expect(censusToCsv(imported.value)).toBe(censusToCsv(parsed.value));
  });

  it("sample-census.csv costs by the schedule method from the command line", () => {
    const r = spawnSync(
      process.execPath,
      [join(ROOT, "model", "cli", "launch.cjs"), "--method", "schedule", "--census", SAMPLE, "--json"],
      {
        encoding: "utf8",
      },
    );
    // 182 census members against the scenario's 5,776: named on stderr, and the table still prints.
    expect(r.stderr).toMatch(/^fis: warning: the census ".*sample-census\.csv" has 182 members but/);
    expect(r.stderr).toContain('the scenario\'s "Active members" is 5,776');
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.status).toBe(0);
    const ids = (JSON.parse(r.stdout) as { lines: { id: string }[] }).lines.map((l) => l.id);
    expect(ids).toEqual(expect.arrayContaining(["baseSalaryIncreases", "baseSalaryIncreasesSteps", "baseSalaryIncreasesTurnover"]));
  });

  it("census-template.csv is the import format's header and nothing else (as it is, an empty census, which is refused)", () => {
    const template = readFileSync(TEMPLATE, "utf8");
    expect(template).toBe(censusToCsv({ label: "empty", asOfFiscalYear: 2024, cells: [] }));
    const parsed = parseCensusCsv(template, "census-template.csv");
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.errors[0]!.message).toBe("no census rows below the header (row 1)");
    const filled = parseCensusCsv(`${template}ET15-10M,Bachelors,1,,5\n`, "census-template.csv");
    expect(filled.ok && censusHeadcount(filled.value).toNumber()).toBe(5);
  });
});

describe("examples/assumptions/fis-as-published.xlsx", () => {
  const bytes = new Uint8Array(readFileSync(ASSUMPTIONS_WORKBOOK));

  it("is what the exporter writes for FIS as published today (regenerate: npx tsx examples/make-assumptions-workbook.ts)", () => {
    expect(Buffer.from(assumptionsWorkbook()).equals(Buffer.from(bytes))).toBe(true);
  });

  it("imports back with no error and reproduces all 45 published cells", () => {
    const imported = importAssumptions(bytes, "fis-as-published.xlsx", fisAsPublished());
    if (!imported.ok) throw new Error(imported.errors.map((e) => e.message).join("; "));
    expect([imported.value.applied, imported.value.ignored, imported.value.notes]).toEqual([[], [], []]);
    const table = computeTable(imported.value.scenario);
    let cells = 0;
    for (const [line, columns] of Object.entries(fisAsPublished().table.published!.values))
      for (const [column, published] of Object.entries(columns)) {
        expect(`${line}.${column}=${table.lines.find((l) => l.id === line)!.cells[column]!.display.toString()}`).toBe(
          `${line}.${column}=${published.toString()}`,
        );
        cells++;
      }
    expect(cells).toBe(45);
  });
});
