/**
 * The files open in other programs: LibreOffice converts the .docx to PDF (so Word's format is
 * well formed enough for a second reader) and pdftoppm renders both PDFs. The first pages are kept
 * in test-artifacts/report/ to be looked at.
 */
import { describe, expect, it } from "vitest";
import { fisAsPublished } from "../../model/built-ins";
import { renderDocument } from "../../model/cli/report-command";
import { buildFisDocument } from "../../model/report/index";
import { libreOfficeToPdf, pdfPages, pdfText, renderFirstPage, missingInOrder } from "./files";
import { stateScenario } from "./state-scenario";
import { existsSync, statSync } from "node:fs";

describe("the documents render outside the program", () => {
  it("the FIS .docx converts in LibreOffice headless, keeping the table's figures; both PDFs render to PNG", async () => {
    const doc = buildFisDocument(fisAsPublished(), { today: "2026-12-02" });
    const [pdf, docx] = await Promise.all([renderDocument(doc, "pdf"), renderDocument(doc, "docx")]);
    const converted = libreOfficeToPdf(docx, "fis-as-published");
    expect(pdfPages(converted)).toBeGreaterThanOrEqual(3);
    // The TOTAL COST row as published, in LibreOffice's rendering of the Word file.
    expect(missingInOrder(pdfText(converted), ["TOTAL COST", "$52,137", "$39,866", "$59,856", "$87,121", "$238,980"])).toBeUndefined();
    for (const [name, bytes] of [
      ["fis-as-published.pdfmake", pdf],
      ["fis-as-published.libreoffice", converted],
    ] as const) {
      const png = renderFirstPage(bytes, name);
      expect(existsSync(png)).toBe(true);
      expect(statSync(png).size).toBeGreaterThan(10_000);
    }
    renderFirstPage(pdf, "fis-as-published.pdfmake", 3);
    renderFirstPage(converted, "fis-as-published.libreoffice", 3);
  }, 240_000);

  it("a state fiscal note in whole dollars converts and renders too", async () => {
    const doc = buildFisDocument(stateScenario(), { today: "2026-12-02" });
    const [pdf, docx] = await Promise.all([renderDocument(doc, "pdf"), renderDocument(doc, "docx")]);
    const converted = libreOfficeToPdf(docx, "state-court-staff");
    expect(missingInOrder(pdfText(converted), ["Total Cost", "$1,008,071", "$993,071", "$2,001,142"])).toBeUndefined();
    renderFirstPage(pdf, "state-court-staff.pdfmake");
    renderFirstPage(converted, "state-court-staff.libreoffice");
  }, 240_000);
});
