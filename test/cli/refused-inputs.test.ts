/**
 * Issue findings as a user meets them on the command line: a file's own "unit" never switches off
 * a range check, and a typo below the top level is refused, not ignored. Each case is a scenario
 * file that version 1 computed with exit 0; each is now refused with exit 2, its field path (by
 * ids) and, for a typo, the key it was probably meant to be.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fisAsPublished } from "../../model/built-ins";
import { serializeScenario } from "../../model/engine/scenario/schema";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;
const TSX = join(process.cwd(), "node_modules", ".bin", "tsx");
const RUNNER = join(process.cwd(), "test", "cli", "run-many.ts");
const item = (s: Json, id: string) => s.items.find((i: Json) => i.id === id);
const line = (s: Json, id: string) => s.table.lines.find((l: Json) => l.id === id);

const CASES: { name: string; breakIt: (s: Json) => void; field: string; message: RegExp }[] = [
  {
    name: 'local share labelled "USD" with 5000',
    breakIt: (s) => Object.assign(line(s, "localPortion").share.rate, { unit: "USD", value: "5000" }),
    field: "table.lines.localPortion.rate.unit",
    message: /labelled "USD" but this field is a share/,
  },
  {
    name: "Medicare at 5000% relabelled",
    breakIt: (s) => Object.assign(item(s, "medicare").rate, { unit: "USD", value: "50" }),
    field: "items.medicare.rate.value",
    message: /50 is outside 0 to 1/,
  },
  {
    name: "a 500% bonus",
    breakIt: (s) => Object.assign(item(s, "bonus").rate, { unit: "count", value: "5" }),
    field: "items.bonus.rate.value",
    message: /5 is outside 0 to 1/,
  },
  {
    name: "members -1",
    breakIt: (s) => Object.assign(s.groups[0].members, { unit: "USD", value: "-1" }),
    field: "groups.wtu.members.value",
    message: /cannot be negative/,
  },
  {
    name: "average salary -0.9",
    breakIt: (s) => Object.assign(s.groups[0].averageSalary, { unit: "rate", value: "-0.9" }),
    field: "groups.wtu.averageSalary.value",
    message: /-0.9 is outside 0 or more/,
  },
  {
    name: "groupIDs for groupIds (would apply the bonus to every group)",
    breakIt: (s) => (item(s, "bonus").groupIDs = ["wtu"]),
    field: "items.bonus.groupIDs",
    message: /unknown key "groupIDs"; did you mean "groupIds"\?/,
  },
  {
    name: "startFiscalyear for startFiscalYear",
    breakIt: (s) => (item(s, "medicare").startFiscalyear = 2027),
    field: "items.medicare.startFiscalyear",
    message: /unknown key "startFiscalyear"; did you mean "startFiscalYear"\?/,
  },
  {
    name: "a typo inside a raise step, named by its date",
    breakIt: (s) => (item(s, "baseSalary").steps[1].efective = "2025-10-01"),
    field: "items.baseSalary.steps.2025-10-01.efective",
    message: /did you mean "effective"\?/,
  },
  {
    name: "a raise step effective before its fiscal year (its first months were dropped)",
    breakIt: (s) => (item(s, "baseSalary").steps[1].effective = "2025-04-01"),
    field: "items.baseSalary.steps.2025-04-01.effective",
    message: /2025-04-01 is before FY2026 starts \(2025-10-01\)/,
  },
  {
    name: "a line added twice in the total",
    breakIt: (s) => line(s, "totalCost").sum.push("bonus"),
    field: "table.lines.totalCost.sum",
    message: /"bonus" is listed twice \(it would be added twice\)/,
  },
  {
    name: "a benefit baseline year without a contribution (the whole contribution was costed)",
    breakIt: (s) => (item(s, "optical").baselineYear = 2020),
    field: "items.optical.baselineYear",
    message: /no contribution is entered for CY2020 or earlier \(the first is CY2024\)/,
  },
  {
    name: "a lone UTF-16 surrogate in a label (the PDF report failed with exit 1)",
    breakIt: (s) => (item(s, "baseSalary").label = "Sal\udc00aries"),
    field: "items.baseSalary.label",
    message: /lone UTF-16 surrogate \(\\udc00\) at character 4/,
  },
  {
    name: "a rate of pay applied to nothing",
    breakIt: (s) => (item(s, "medicare").appliesTo = []),
    field: "items.medicare.appliesTo",
    message: /lists no items; the rate would never be costed/,
  },
];

describe("refused on the command line: exit 2 with the field path", () => {
  const dir = mkdtempSync(join(tmpdir(), "fis-refused-"));
  const files = CASES.map((c, i) => {
    const s = JSON.parse(serializeScenario(fisAsPublished()));
    c.breakIt(s);
    const file = join(dir, `case-${i}.json`);
    writeFileSync(file, JSON.stringify(s));
    return file;
  });
  const run = spawnSync(TSX, [RUNNER, JSON.stringify(files.map((f) => ["--scenario", f, "--json"]))], { encoding: "utf8" });
  const results = JSON.parse(run.stdout) as { code: number; stdout: string; stderr: string }[];

  CASES.forEach((c, i) => {
    it(c.name, () => {
      const r = results[i]!;
      expect(r.code, r.stderr).toBe(2);
      expect(r.stdout).toBe("");
      const hit = r.stderr.split("\n").find((l) => l.includes(`field ${c.field}:`));
      expect(hit, r.stderr).toBeDefined();
      expect(hit).toMatch(c.message);
    });
  });
});
