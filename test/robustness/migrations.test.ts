/**
 * A file saved by an older build keeps opening and computes the table it computed then; a file
 * from a newer build is refused with a message, never half-read. Each version-0 and version-1
 * fixture comes with the table the version-1 engine computed for it (recorded before the
 * version-2 engine replaced it): every cell's unrounded and displayed value must be identical.
 */
import { describe, expect, it } from "vitest";
import { fisAsPublished } from "../../model/built-ins";
import { computeTable } from "../../model/engine/compute";
import { migrateScenario, LATEST_VERSION } from "../../model/engine/scenario/migrations";
import { parseScenarioJson, serializeScenario, validateScenario } from "../../model/engine/scenario/schema";
import { fixtureText } from "./helpers";

const FIXTURES = [
  "v0-fis-as-published",
  "v0-contract-as-stated-no-version-field",
  "v1-fis-as-published",
  "v1-contract-as-stated",
  "v1-fis-as-published-schedule-method",
  "v1-riverton-police",
  "v1-unified-school-district",
  "v1-nurses",
  "v1-afscme-unit",
];

interface RecordedTable {
  columns: string[];
  lines: string[];
  cells: Record<string, Record<string, { exact: string; display: string }>>;
}

describe("older files compute the table they computed when saved", () => {
  for (const name of FIXTURES) {
    it(`${name}: every cell identical after migration to version ${LATEST_VERSION}`, () => {
      const opened = parseScenarioJson(fixtureText(`${name}.json`), `${name}.json`);
      expect(opened.ok, JSON.stringify(!opened.ok && opened.errors)).toBe(true);
      if (!opened.ok) return;
      expect(opened.value.schemaVersion).toBe(2);
      const recorded = JSON.parse(fixtureText(`${name}.table.json`)) as RecordedTable;
      const table = computeTable(opened.value);
      expect(table.lines.map((l) => l.id)).toEqual(recorded.lines);
      expect(table.columns).toEqual(recorded.columns);
      const got = Object.fromEntries(
        table.lines.map((l) => [
          l.id,
          Object.fromEntries(
            Object.entries(l.cells).map(([c, cell]) => [c, { exact: cell.exact.toString(), display: cell.display.toString() }]),
          ),
        ]),
      );
      expect(got).toEqual(recorded.cells);
    });
  }

  it("the version-1 built-ins compute what the version-2 example files compute", () => {
    const v1 = parseScenarioJson(fixtureText("v1-fis-as-published.json"));
    if (!v1.ok) throw new Error("fixture did not open");
    const cells = (s: Parameters<typeof computeTable>[0]) =>
      computeTable(s).lines.map((l) => Object.values(l.cells).map((c) => c.exact.toString()));
    expect(cells(v1.value)).toEqual(cells(fisAsPublished()));
  });
});

describe("version 0 -> 1 -> 2", () => {
  it("a version-0 file's old behaviour is written out: settings, Params for bare values, the v1 table layout", () => {
    const raw = JSON.parse(fixtureText("v0-fis-as-published.json"));
    expect(raw.schemaVersion).toBe(0);
    expect(raw.settings).toEqual({ rounding: "halfUp" });
    expect(raw.localShare).toBe("0.993582");
    const opened = parseScenarioJson(fixtureText("v0-fis-as-published.json"), "v0-fis-as-published.json");
    if (!opened.ok) throw new Error(JSON.stringify(opened.errors));
    expect(opened.value.settings).toEqual({
      proration: "payPeriods",
      calendarToFiscal: "calendarYearOfFiscalYearEnd",
      salaryMethod: "averageSalary",
    });
    expect(opened.value.table.display).toEqual({ unit: "thousands", decimals: 0, rounding: "halfUp", totals: "roundedExact" });
    const local = opened.value.table.lines.find((l) => l.id === "localPortion")!;
    expect(local.share).toMatchObject({ of: "totalCost", rate: { value: "0.993582", source: { kind: "user", ref: "version-0 file" } } });
    expect(opened.value.table.lines.find((l) => l.id === "fundingAvailable")!.amounts!.FY2025).toMatchObject({ value: "21437200" });
    expect(opened.value.calendar).toEqual({ fiscalYearStartMonth: 10, payFrequency: "biweekly", payPeriodAnchor: "2024-10-06" });
  });

  it("keeps any setting a version-0 file did write", () => {
    const raw = JSON.parse(fixtureText("v0-fis-as-published.json"));
    raw.settings.proration = "days";
    const migrated = migrateScenario(raw);
    expect(migrated.ok && (migrated.value as { settings: { proration: string } }).settings.proration).toBe("days");
  });

  it("does not change the object it is given", () => {
    const raw = JSON.parse(fixtureText("v1-fis-as-published.json"));
    const before = JSON.stringify(raw);
    migrateScenario(raw);
    expect(JSON.stringify(raw)).toBe(before);
  });

  it("saves as the latest version and reopens unchanged", () => {
    const opened = parseScenarioJson(fixtureText("v1-contract-as-stated.json"));
    if (!opened.ok) throw new Error("fixture did not open");
    const saved = serializeScenario(opened.value);
    expect(JSON.parse(saved).schemaVersion).toBe(LATEST_VERSION);
    const reopened = parseScenarioJson(saved);
    expect(reopened.ok && serializeScenario(reopened.value)).toBe(saved);
  });

  it("still reports what is wrong in a version-0 file by field (its local share lands on the local-portion line)", () => {
    const raw = JSON.parse(fixtureText("v0-fis-as-published.json"));
    raw.localShare = "1.5";
    const result = validateScenario(raw, "old.json");
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toContainEqual(
      expect.objectContaining({
        file: "old.json",
        field: "table.lines.localPortion.rate.value",
        message: expect.stringContaining("outside 0 to 1"),
      }),
    );
  });

  it("a version-1 unit that does not match its field is an error naming the field, never read in the wrong unit", () => {
    const raw = JSON.parse(fixtureText("v1-fis-as-published.json"));
    raw.localShare = { ...raw.localShare, unit: "USD", value: "5000" };
    raw.groups[0].members.unit = "USD";
    const result = validateScenario(raw);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const fields = result.errors.map((e) => e.field);
    expect(fields).toContain("table.lines.localPortion.rate.unit");
    expect(fields).toContain("table.lines.localPortion.rate.value");
    expect(fields).toContain("groups.wtu.members.unit");
    expect(result.errors.find((e) => e.field === "groups.wtu.members.unit")!.message).toMatch(
      /labelled "USD" but this field is in members/,
    );
  });

  it("a version-1 biweekly benefit becomes a per-pay-period one on a biweekly calendar", () => {
    const migrated = migrateScenario(JSON.parse(fixtureText("v1-fis-as-published.json")));
    if (!migrated.ok) throw new Error("no");
    const legal = (
      migrated.value as { items: { id: string; frequency?: string; amounts?: Record<string, { unit?: string }> }[] }
    ).items.find((i) => i.id === "legal")!;
    expect(legal.frequency).toBe("payPeriod");
    expect(legal.amounts!["2025"]!.unit).toBe("USD/pay period");
  });
});

describe("versions this build cannot read", () => {
  it("refuses a file from a newer version, saying so, and names the field", () => {
    const result = parseScenarioJson(fixtureText("v3-from-the-future.json"), "future.json");
    expect(result).toEqual({
      ok: false,
      errors: [
        {
          file: "future.json",
          field: "schemaVersion",
          message: expect.stringMatching(/version 3 was written by a newer Fiscal Impact Studio \(this one reads versions 0 to 2\)/),
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
