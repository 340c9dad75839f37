/**
 * docs/scenario.schema.json is generated from the zod schema and committed; it must not go stale,
 * and a JSON Schema validator (Ajv, not ours) must accept every example file and refuse what the
 * engine refuses by shape (an unknown key, a missing field).
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import Ajv2020 from "ajv/dist/2020";
import { describe, expect, it } from "vitest";
import { scenarioJsonSchemaText } from "../../model/engine";

const committed = readFileSync(join(process.cwd(), "docs", "scenario.schema.json"), "utf8");

function examples(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? examples(p) : n.endsWith(".json") ? [p] : [];
  });
}

describe("the JSON Schema of the scenario format", () => {
  it("is up to date with the zod schema (run `npm run schema` after changing a schema)", () => {
    expect(JSON.parse(committed)).toEqual(JSON.parse(scenarioJsonSchemaText()));
  });

  const ajv = new Ajv2020({ allErrors: true, strict: false });
  const validate = ajv.compile(JSON.parse(committed));

  it("accepts every example scenario and every version-2 fixture", () => {
    const files = [...examples(join(process.cwd(), "examples"))];
    expect(files.length).toBeGreaterThanOrEqual(2);
    for (const f of files) {
      const ok = validate(JSON.parse(readFileSync(f, "utf8")));
      expect(ok, `${f}: ${JSON.stringify(validate.errors?.slice(0, 3))}`).toBe(true);
    }
  });

  it("refuses an unknown key below the top level and a missing required field", () => {
    const s = JSON.parse(readFileSync(join(process.cwd(), "examples/dc-dcps-wtu-2023/fis-as-published.json"), "utf8"));
    s.items.find((i: { id: string }) => i.id === "bonus").groupIDs = ["wtu"];
    expect(validate(s)).toBe(false);
    const t = JSON.parse(readFileSync(join(process.cwd(), "examples/dc-dcps-wtu-2023/fis-as-published.json"), "utf8"));
    delete t.calendar.payFrequency;
    expect(validate(t)).toBe(false);
  });

  it("carries help for editors: each input field says its unit and range", () => {
    expect(committed).toContain("Raise (percent) (rate; -1 (excluded) to 1)");
    expect(committed).toContain("Members (members; 0 to 10000000)");
  });
});
