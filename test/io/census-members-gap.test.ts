/**
 * Under the schedule method the salary lines come from the census and bonus, benefits and the other
 * per-member lines from the scenario's members. A census whose headcount is more than 1% away
 * from those members is named: on the CLI's stderr, in the app's census notice, in the workbook's
 * Notes sheet. Within 1%, nothing is said.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import * as XLSX from "xlsx";
import { Decimal } from "../../model/engine/decimal";
import { fisAsPublished } from "../../model/built-ins";
import { censusMembersGap, parseCensusCsv, referenceCensus } from "../../model/engine/schedule";
import type { CheckedCensus } from "../../model/engine/schedule";
import { exportWorkbook } from "../../model/io/xlsx-export";
import { activeEntry, initialState, reducer } from "../../renderer/state/store";

/** The `fis` command as package.json runs it: the bundled CLI, rebuilt first when a source changed. */
const CLI = join(process.cwd(), "model", "cli", "launch.cjs");
const dir = mkdtempSync(join(tmpdir(), "fis-gap-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SMALL_CSV = "schedule,lane,step,headcount\nET15-10M,Bachelors,3,10\n";
function census(csv: string): CheckedCensus {
  const r = parseCensusCsv(csv, "small.csv");
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value;
}
const scheduleScenario = () => ({ ...fisAsPublished(), settings: { ...fisAsPublished().settings, salaryMethod: "schedule" as const } });

describe("census headcount vs the scenario's members", () => {
  it("10 census members against 5,776 scenario members: -99.8%, named", () => {
    const gap = censusMembersGap(fisAsPublished(), census(SMALL_CSV));
    expect(gap?.census.toString()).toBe("10");
    expect(gap?.scenario.toString()).toBe("5776"); // groups.wtu.members in the FIS
    // (10 - 5776) / 5776 = -0.99827...
    expect(gap?.share.toDecimalPlaces(5).toString()).toBe("-0.99827");
    expect(gap?.message).toContain(
      'the census "small.csv" has 10 members but the scenario\'s "Active members" is 5,776 (-99.8%, more than 1% apart)',
    );
    expect(gap?.paths).toEqual(["groups.wtu.members"]);
  });

  it("within 1% says nothing; just past 1% speaks", () => {
    // 1% of 5,776 is 57.76: 5,833 members (+57) is within, 5,834 (+58) is not.
    expect(censusMembersGap(fisAsPublished(), census(`schedule,lane,step,headcount\nET15-10M,Bachelors,3,5833\n`))).toBeUndefined();
    expect(censusMembersGap(fisAsPublished(), census(`schedule,lane,step,headcount\nET15-10M,Bachelors,3,5834\n`))?.share.gt(0)).toBe(true);
    expect(censusMembersGap(fisAsPublished(), referenceCensus())).toBeUndefined(); // the reference census has exactly 5,776
  });

  it("the CLI warns on stderr and still prints the table (exit 0)", () => {
    const file = join(dir, "small.csv");
    writeFileSync(file, SMALL_CSV);
    const r = spawnSync(process.execPath, [CLI, "--method", "schedule", "--census", file, "--json"], { encoding: "utf8", timeout: 60_000 });
    expect(r.status).toBe(0);
    expect(r.stderr).toContain(`fis: warning: the census "${file}" has 10 members but the scenario's "Active members" is 5,776`);
    expect(r.stderr).toContain("(input groups.wtu.members)");
    expect(JSON.parse(r.stdout).lines[0].id).toBe("baseSalaryIncreases");
  });

  it("the exported workbook's Notes sheet carries the warning", () => {
    // Sheets are named after the scenario ("Notes - ..."): the one Notes sheet of a one-scenario workbook.
    const notesOf = (b: Uint8Array) => {
      const wb = XLSX.read(b);
      return wb.Sheets[wb.SheetNames.find((n) => n.startsWith("Notes"))!]!;
    };
    const bytes = exportWorkbook([scheduleScenario()], { computeOptions: { scheduleMethod: { census: census(SMALL_CSV) } } });
    const notes = XLSX.utils.sheet_to_json<string[]>(notesOf(bytes), { header: 1 }).flat().join("\n");
    expect(notes).toContain("Census and members disagree");
    expect(notes).toContain('the census "small.csv" has 10 members but the scenario\'s "Active members" is 5,776');
    expect(notes).toContain("Inputs sheet: groups.wtu.members.");
    const fine = exportWorkbook([scheduleScenario()], { computeOptions: { scheduleMethod: { census: referenceCensus() } } });
    expect(XLSX.utils.sheet_to_json<string[]>(notesOf(fine), { header: 1 }).flat().join("\n")).not.toContain("disagree");
  });

  it("the app's census notice carries the warning for the scenario on screen", () => {
    const s = reducer(initialState(), { type: "census", census: census(SMALL_CSV), fileName: "small.csv" });
    expect(activeEntry(s).scenario.groups[0]!.members?.value).toBe("5776");
    expect(s.notice?.kind).toBe("warning");
    expect(s.notice?.text).toContain('Imported the census in "small.csv"');
    expect(s.notice?.details?.[0]).toContain('has 10 members but the scenario\'s "Active members" is 5,776');
    const ok = reducer(initialState(), { type: "census", census: referenceCensus(), fileName: "ref.csv" });
    expect(ok.notice?.kind).toBe("info");
    expect(new Decimal(5776).toString()).toBe("5776");
  });
});
