/**
 * A file saved by an older build keeps opening and computes the table it computed then; a file
 * from a newer build is refused with a message, never half-read.
 */
import { describe, expect, it } from "vitest";
import { computeTable } from "../../model/engine/compute";
import { contractAsStated, fisAsPublished, PUBLISHED_FIS_TABLE } from "../../model/engine/scenario/reference";
import { migrateScenario, LATEST_VERSION } from "../../model/engine/scenario/migrations";
import { parseScenarioJson, serializeScenario, validateScenario } from "../../model/engine/scenario/schema";
import { fixtureText, tableCells } from "./helpers";

describe("version 0 -> 1", () => {
  it("a version-0 'FIS as published' file opens and computes the same 45 cells, exactly", () => {
    // Given a pre-release file: no proration / calendarToFiscal settings, bare-string local share and funding
    const raw = JSON.parse(fixtureText("v0-fis-as-published.json"));
    expect(raw.schemaVersion).toBe(0);
    expect(raw.settings).toEqual({ rounding: "halfUp" });
    expect(raw.localShare).toBe("0.993582");
    // When it is opened
    const opened = parseScenarioJson(fixtureText("v0-fis-as-published.json"), "v0-fis-as-published.json");
    // Then it is a version-1 scenario with the old engine's behaviour written out
    expect(opened.ok, JSON.stringify(!opened.ok && opened.errors)).toBe(true);
    if (!opened.ok) return;
    expect(opened.value.schemaVersion).toBe(1);
    expect(opened.value.settings).toEqual({
      rounding: "halfUp",
      proration: "payPeriods",
      calendarToFiscal: "calendarYearOfFiscalYearEnd",
      salaryMethod: "averageSalary",
    });
    expect(opened.value.localShare).toMatchObject({ value: "0.993582", unit: "share", source: { kind: "user", ref: "version-0 file" } });
    expect(opened.value.fundingAvailable.FY2025).toMatchObject({ value: "21437200", unit: "USD" });
    // and every cell, unrounded and displayed, equals the built-in's
    const table = computeTable(opened.value);
    expect(tableCells(table)).toEqual(tableCells(computeTable(fisAsPublished())));
    for (const [lineId, row] of Object.entries(PUBLISHED_FIS_TABLE))
      for (const [col, v] of Object.entries(row))
        expect(table.lines.find((l) => l.id === lineId)!.cells[col]!.display.toNumber(), `${lineId}.${col}`).toBe(v);
  });

  it("a file without schemaVersion is read as version 0 and costed the way version 0 costed it", () => {
    const opened = parseScenarioJson(fixtureText("v0-contract-as-stated-no-version-field.json"));
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    // Version 0 always used the fiscal-year-end calendar rate; the migration keeps that, so the
    // result is the built-in with that setting, not the built-in's own (later) default.
    const asVersion0Computed = {
      ...contractAsStated(),
      settings: { ...contractAsStated().settings, calendarToFiscal: "calendarYearOfFiscalYearEnd" as const },
    };
    expect(tableCells(computeTable(opened.value))).toEqual(tableCells(computeTable(asVersion0Computed)));
    expect(tableCells(computeTable(opened.value))).not.toEqual(tableCells(computeTable(contractAsStated())));
  });

  it("keeps any setting a version-0 file did write", () => {
    const raw = JSON.parse(fixtureText("v0-fis-as-published.json"));
    raw.settings.proration = "days";
    const migrated = migrateScenario(raw);
    expect(migrated.ok && (migrated.value as { settings: { proration: string } }).settings.proration).toBe("days");
  });

  it("does not change the object it is given", () => {
    const raw = JSON.parse(fixtureText("v0-fis-as-published.json"));
    const before = JSON.stringify(raw);
    migrateScenario(raw);
    expect(JSON.stringify(raw)).toBe(before);
  });

  it("saves as the latest version and reopens unchanged", () => {
    const opened = parseScenarioJson(fixtureText("v0-fis-as-published.json"));
    if (!opened.ok) throw new Error("fixture did not open");
    const saved = serializeScenario(opened.value);
    expect(JSON.parse(saved).schemaVersion).toBe(LATEST_VERSION);
    const reopened = parseScenarioJson(saved);
    expect(reopened.ok && serializeScenario(reopened.value)).toBe(saved);
  });

  it("still reports what is wrong in a version-0 file by field", () => {
    const raw = JSON.parse(fixtureText("v0-fis-as-published.json"));
    raw.localShare = "1.5";
    const result = validateScenario(raw, "old.json");
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toContainEqual(
      expect.objectContaining({ file: "old.json", field: "localShare", message: expect.stringContaining("not a share between 0 and 1") }),
    );
  });
});

describe("versions this build cannot read", () => {
  it("refuses a file from a newer version, saying so, and names the field", () => {
    const result = parseScenarioJson(fixtureText("v2-from-the-future.json"), "future.json");
    expect(result).toEqual({
      ok: false,
      errors: [
        {
          file: "future.json",
          field: "schemaVersion",
          message: expect.stringMatching(/version 2 was written by a newer Fiscal Impact Studio \(this one reads versions 0 to 1\)/),
        },
      ],
    });
  });

  for (const bad of ["1", -1, 1.5, null, true, [1], { v: 1 }]) {
    it(`refuses schemaVersion ${JSON.stringify(bad)}`, () => {
      const data = { ...JSON.parse(serializeScenario(fisAsPublished())), schemaVersion: bad };
      const result = validateScenario(data);
      expect(result.ok).toBe(false);
      if (!result.ok)
        expect(result.errors[0]).toMatchObject({ field: "schemaVersion", message: expect.stringContaining("is not a schema version") });
    });
  }
});
