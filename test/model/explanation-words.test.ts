/**
 * What the explain drawer can show is written for people: no explanation anywhere in any cell of
 * any example scenario (examples/**, the DC built-ins among them) names an item, group or line by
 * its id, a salary schedule by its data key, a setting by its code value, or a source file by its
 * name. Ids that are plain lower-case words ("bonus", "legal") read as words and are allowed.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { computeTable, parseScenarioJson, type Explanation } from "../../model/engine";
import { SCHEDULE_KEYS } from "../../model/engine/schedule/types";

const ROOT = join(process.cwd(), "examples");
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : name.endsWith(".json") ? [path] : [];
  });

/** Every piece of text a node shows: label, formula, its source's reference and note, its unit. */
const textsOf = (e: Explanation): string[] => [e.label, e.formula ?? "", e.source?.ref ?? "", e.source?.note ?? "", e.unit];

function offending(text: string, ids: string[]): string[] {
  const words = new Set(text.match(/[A-Za-z_][\w.-]*/g) ?? []);
  return [
    ...ids.filter((id) => words.has(id)),
    ...SCHEDULE_KEYS.filter((k) => text.includes(k)),
    ...["payPeriods", "prorationMethod", "salaryMethod"].filter((w) => words.has(w)),
    ...(text.match(/\b[0-9a-f]{12,}\b|\b\w+\.(txt|json|csv|xlsx)\b/g) ?? []),
  ];
}

describe("explanations name things in words", () => {
  const all = files(ROOT);
  it("finds the example scenarios", () => expect(all.length).toBeGreaterThanOrEqual(3));

  for (const file of all) {
    const name = relative(process.cwd(), file);
    it(name, () => {
      const parsed = parseScenarioJson(readFileSync(file, "utf8"), file);
      expect(parsed.ok).toBe(true);
      if (!parsed.ok) return;
      const s = parsed.value;
      const ids = [...s.items.map((i) => i.id), ...s.groups.map((g) => g.id), ...s.table.lines.map((l) => l.id)].filter(
        (id) => !/^[a-z]+$/.test(id),
      );
      const found = new Set<string>();
      const visit = (e: Explanation) => {
        for (const t of textsOf(e)) for (const bad of offending(t, ids)) found.add(`${bad} in "${t.slice(0, 120)}"`);
        e.children.forEach(visit);
      };
      const table = computeTable(s);
      for (const line of table.lines) for (const cell of Object.values(line.cells)) visit(cell.explanation);
      expect([...found]).toEqual([]);
    });
  }
});
