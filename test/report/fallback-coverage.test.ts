/**
 * Characters neither PDF font draws are refused, not dropped: a line labelled in Chinese printed as
 * a blank row with exit 0. The fallback font's coverage is the installed DejaVu Serif's own, derived
 * again here from its character maps.
 */
import { describe, expect, it } from "vitest";
import * as fontkit from "fontkit";
import pdfmake from "pdfmake";
import { fisAsPublished } from "../../model/built-ins";
import { nodeFonts } from "../../model/cli/report-command";
import { FALLBACK_RANGES_SPEC } from "../../model/report/fallback-coverage";
import { undrawable } from "../../model/report/fonts";
import { buildFisDocument, renderPdf } from "../../model/report/index";
import type { InputRejectedError } from "../../model/engine/index";

const characters = (file: string): Set<number> => new Set(fontkit.openSync(`node_modules/dejavu-fonts-ttf/ttf/${file}`).characterSet);

describe("what the PDF can draw", () => {
  it("the fallback ranges are the characters DejaVu Serif regular and bold both have", () => {
    const bold = characters("DejaVuSerif-Bold.ttf");
    const both = [...characters("DejaVuSerif.ttf")].filter((c) => bold.has(c)).sort((a, b) => a - b);
    const ranges: [number, number][] = [];
    for (const c of both) {
      const last = ranges[ranges.length - 1];
      if (last && last[1] === c - 1) last[1] = c;
      else ranges.push([c, c]);
    }
    const hex = (n: number) => n.toString(16).toUpperCase().padStart(4, "0");
    expect(FALLBACK_RANGES_SPEC).toBe(ranges.map(([a, b]) => (a === b ? `U+${hex(a)}` : `U+${hex(a)}-${hex(b)}`)).join(","));
  });

  it("Latin, Greek, Cyrillic and math signs are drawn; Chinese, Devanagari and emoji are named", () => {
    expect(undrawable("Salaries é × ≥ → Ωμέγα Зарплата")).toEqual([]);
    expect(undrawable("工资 वेतन 💵 Salaries 工")).toEqual(["工", "资", "व", "े", "त", "न", "💵"]);
  });

  it("a PDF with a line the fonts cannot draw is refused with the characters and the way out", async () => {
    const s = fisAsPublished();
    s.table.lines[0]!.label = "基本工资 (base salary)";
    const pdf = renderPdf(buildFisDocument(s, { today: "2026-12-02" }), pdfmake, nodeFonts);
    const message =
      /^the PDF's fonts cannot draw 基 本 工 资 \(first in ".*基本工资 \(base salary\).*"\); they would be left out of the PDF/;
    await expect(pdf).rejects.toThrow(message);
    await expect(pdf).rejects.toThrow(/Write the document as Word \(\.docx\), which uses the reader's fonts$/);
    // Given the scenario, the refusal names the field the characters are in (an audit found no field path).
    const named = renderPdf(buildFisDocument(s, { today: "2026-12-02" }), pdfmake, nodeFonts, [s]).catch(
      (e: InputRejectedError) => e.errors,
    );
    expect(await named).toEqual([expect.objectContaining({ field: `table.lines.${s.table.lines[0]!.id}.label` })]);
  });
});
