/**
 * Every scenario file in examples/ that carries the figures of a published note (table.published)
 * must reproduce each of them: the computed displayed cell equals the printed figure. Where the
 * note's own arithmetic disagrees with its stated inputs, the file lists the cell under
 * `expectedDisagreements` with both figures; the computed cell must then equal the figure from the
 * stated inputs and the printed one must stay in `values`, so neither figure can drift silently.
 * A figure an input was calibrated from (`calibratedFrom`) must name a calibrated input. A file
 * added to examples/ is picked up without a change here.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { computeTable, formatInputError, listInputs, parseScenarioJson } from "../../model/engine/index";

const ROOT = join(process.cwd(), "examples");

function scenarioFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? scenarioFiles(path) : name.endsWith(".json") ? [path] : [];
  });
}

const files = scenarioFiles(ROOT);

describe("example scenarios", () => {
  it("are found (the two DC built-ins and at least six notes of other governments)", () => {
    expect(files.length).toBeGreaterThanOrEqual(8);
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
      const disagreements = new Map((published.expectedDisagreements ?? []).map((d) => [d.cell, d]));
      const result = computeTable(parsed.value);
      const cellOf = (ref: string) => {
        const [lineId, column] = ref.split(".");
        return result.lines.find((l) => l.id === lineId)?.cells[column ?? ""];
      };

      it(`reproduces each of its published cells (${published.source})`, () => {
        const misses: string[] = [];
        let cells = 0;
        for (const [lineId, row] of Object.entries(published.values))
          for (const [column, figure] of Object.entries(row)) {
            if (disagreements.has(`${lineId}.${column}`)) continue;
            cells++;
            const cell = cellOf(`${lineId}.${column}`);
            if (!cell || !cell.display.equals(figure))
              misses.push(`${lineId}.${column}: computed ${cell?.display.toString() ?? "no cell"}, published ${figure}`);
          }
        expect(cells + disagreements.size).toBeGreaterThan(0);
        expect(misses).toEqual([]);
      });

      if (disagreements.size > 0)
        it("disagrees with the note exactly where the file says, by the figures it records", () => {
          const wrong: string[] = [];
          for (const d of disagreements.values()) {
            const cell = cellOf(d.cell);
            const [lineId, column] = d.cell.split(".");
            const printed = published.values[lineId!]?.[column!];
            if (printed !== d.published) wrong.push(`${d.cell}: values holds ${printed}, the disagreement says ${d.published}`);
            if (!cell || !cell.display.equals(d.fromStatedInputs))
              wrong.push(`${d.cell}: computed ${cell?.display.toString() ?? "no cell"}, recorded from stated inputs ${d.fromStatedInputs}`);
            if (d.published === d.fromStatedInputs) wrong.push(`${d.cell}: the two figures are equal`);
          }
          expect(wrong).toEqual([]);
        });

      if (published.calibratedFrom?.length)
        it("names a calibrated input for each figure it was calibrated from", () => {
          const inputs = new Map(listInputs(parsed.value).map((e) => [e.path, e.param]));
          for (const c of published.calibratedFrom!) {
            const param = inputs.get(c.input);
            expect(param, `${c.input} is not an input of the scenario`).toBeDefined();
            expect(param!.source.kind, `${c.input} is calibrated from ${c.cell}`).toBe("calibrated");
            expect(param!.stated, `${c.input} records what the documents state`).toBeDefined();
          }
        });

      it("marks every line printed as zero on a line that has a cost", () => {
        for (const line of result.lines.filter((l) => l.printedAsZero))
          expect(
            Object.values(line.cells).some((c) => !c.exact.isZero()),
            `${line.id} is printed as 0 but costs nothing`,
          ).toBe(true);
      });
    });
  }
});
