/**
 * Every scenario file in examples/ that carries the figures of a published note (table.published)
 * must reproduce each of them: the computed displayed cell equals the printed figure. A file
 * added to examples/ is picked up without a change here.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { computeTable, formatInputError, parseScenarioJson } from "../../model/engine/index";

const ROOT = join(process.cwd(), "examples");

function scenarioFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? scenarioFiles(path) : name.endsWith(".json") ? [path] : [];
  });
}

const files = scenarioFiles(ROOT);

describe("example scenarios", () => {
  it("are found (at least the two DC built-ins)", () => {
    expect(files.length).toBeGreaterThanOrEqual(2);
  });

  for (const file of files) {
    const name = relative(process.cwd(), file);
    describe(name, () => {
      const text = readFileSync(file, "utf8");
      const parsed = parseScenarioJson(text, name);

      it("is a valid scenario that names its JSON Schema", () => {
        expect(parsed.ok, parsed.ok ? "" : parsed.errors.map(formatInputError).join("\n")).toBe(true);
        expect(JSON.parse(text).$schema).toMatch(/scenario\.schema\.json$/);
      });

      if (!parsed.ok || !parsed.value.table.published) return;
      const published = parsed.value.table.published;
      it(`reproduces each of its published cells (${published.source})`, () => {
        const result = computeTable(parsed.value);
        const misses: string[] = [];
        let cells = 0;
        for (const [lineId, row] of Object.entries(published.values))
          for (const [column, figure] of Object.entries(row)) {
            cells++;
            const cell = result.lines.find((l) => l.id === lineId)?.cells[column];
            if (!cell || !cell.display.equals(figure))
              misses.push(`${lineId}.${column}: computed ${cell?.display.toString() ?? "no cell"}, published ${figure}`);
          }
        expect(cells).toBeGreaterThan(0);
        expect(misses).toEqual([]);
      });
    });
  }
});
