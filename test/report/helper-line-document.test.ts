/**
 * The FIS document of a scenario with a helper line (Salaries, printed: false): its cost table and
 * its prose have no Salaries row or sentence, in the model and in the PDF as pdftotext reads it.
 * Figures by hand in fixtures/helper-line-scenario.ts.
 */
import pdfmake from "pdfmake";
import { describe, expect, it } from "vitest";
import { nodeFonts } from "../../model/cli/report-command";
import { buildFisDocument, documentText, renderPdf } from "../../model/report/index";
import { helperLineScenario } from "../fixtures/helper-line-scenario";
import { pdfText } from "./files";

const doc = buildFisDocument(helperLineScenario(), { today: "2026-12-02" });

describe("a helper line in the FIS document", () => {
  it("the cost table has the printed lines only, with the hand figures", () => {
    const table = doc.blocks.find((b) => b.type === "table" && b.table.id === "cost");
    expect(table?.type).toBe("table");
    if (table?.type !== "table") return;
    expect(table.table.rows.map((r) => r.cells)).toEqual([
      ["Salary increase", "$100.0", "$153.0", "$0.0", "$253.0"],
      ["Benefits", "$10.0", "$25.3", "$25.3", "$60.6"],
      ["TOTAL COST", "$110.0", "$278.3", "$278.3", "$666.6"],
      ["Local share", "$27.5", "$69.6", "$69.6", "$166.7"],
    ]);
  });

  it("the prose says no figure of the helper line, and the conclusion states the total it feeds", () => {
    const text = documentText(doc);
    expect(text).not.toMatch(/Salaries/);
    expect(text).toContain("Salary increase will total $100,000 in fiscal year 2025 and $253,000");
    expect(text).toContain("will cost city $110,000 in fiscal year 2025");
    // The printed cells, not the unrounded ones re-rounded to the thousand ($61,000, $28,000, $167,000 before):
    // benefits 10,000 + 25,300 + 25,300 = 60,600 ($60.6); local share 25% x 110,000 = 27,500 ($27.5), total $166.7.
    expect(text).toContain("Benefits will total $10,000 in fiscal year 2025 and $60,600 from fiscal year 2025 through fiscal year 2027.");
    expect(text).toContain("is $27,500 in fiscal year 2025 and $166,700 from fiscal year 2025 through fiscal year 2027.");
  });

  it("the PDF has no Salaries row", async () => {
    const text = pdfText(await renderPdf(doc, pdfmake, nodeFonts));
    expect(text).toContain("Salary increase $100.0 $153.0 $0.0 $253.0");
    expect(text).not.toMatch(/Salaries/);
  });
});
