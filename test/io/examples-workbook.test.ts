/**
 * Every example scenario (the DC files and the other governments' notes) exported to a workbook
 * whose cached values are poisoned, then recomputed by HyperFormula from the formulas alone: each
 * Cost Table cell must equal the engine's displayed cell. This covers what the notes added to the
 * display (rounding up, a rounding step, a total over the first years or to its own step, lines
 * printed as zero, cost lines shown negated) in the spreadsheet formulas too.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import * as XLSX from "xlsx";
import { computeTable, parseScenarioJson } from "../../model/engine";
import { exportWorkbook } from "../../model/io/xlsx-export";
import { hyperFormulaRecalc, poisonCachedValues } from "./recalc-engines";

const ROOT = join(process.cwd(), "examples");
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : name.endsWith(".json") ? [path] : [];
  });

describe("example workbooks recompute to the engine's displayed cells", () => {
  for (const file of files(ROOT)) {
    const name = relative(process.cwd(), file);
    it(name, () => {
      const parsed = parseScenarioJson(readFileSync(file, "utf8"), name);
      if (!parsed.ok) throw new Error(`${name} does not parse`);
      const result = computeTable(parsed.value);
      const bytes = poisonCachedValues(exportWorkbook([parsed.value]));
      const hf = hyperFormulaRecalc(bytes);
      // Sheets are named after the scenario ("Cost Table - ..."): the one cost table of a one-scenario workbook.
      const wb = XLSX.read(bytes);
      const sheet = wb.SheetNames.find((n) => n.startsWith("Cost Table"))!;
      const ct = wb.Sheets[sheet]!;
      const wrong: string[] = [];
      result.lines.forEach((line, i) => {
        expect(ct[XLSX.utils.encode_cell({ r: 4 + i, c: 0 })]?.v).toBe(line.label);
        result.columns.forEach((column, j) => {
          const shown = hf.value(sheet, XLSX.utils.encode_cell({ r: 4 + i, c: 1 + j }));
          if (typeof shown !== "number" || Math.abs(shown - line.cells[column]!.display.toNumber()) > 1e-6)
            wrong.push(`${line.id}.${column}: sheet ${String(shown)}, engine ${line.cells[column]!.display.toString()}`);
        });
      });
      expect(wrong).toEqual([]);
    });
  }
});
