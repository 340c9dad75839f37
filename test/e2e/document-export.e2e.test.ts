/**
 * Export FIS document in Chromium, as an analyst uses it: open the dialog from the toolbar, read the
 * preview (the cost table's TOTAL COST as published, the Conclusion), export a PDF and a Word file
 * and check the downloaded bytes (the PDF's text through pdftotext, the .docx's document XML);
 * switch to a comparison memo against the other built-in. Screenshots of the dialog at 1280x720
 * and 1440x900 are kept to be looked at.
 */
import { appendFileSync, mkdirSync, readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { docxText, pdfText } from "../report/files";
import { root, shots, startApp, type App } from "./harness";

let app: App;
let page: Page;
let errors: string[];
let close: () => Promise<void>;

const byTestId = (id: string) => page.locator(`[data-testid="${id}"]`);

beforeAll(async () => {
  app = await startApp();
  ({ page, errors, close } = await app.open({ context: { acceptDownloads: true } }));
  await byTestId("fis-table").or(page.locator(".ag-root")).first().waitFor();
});

afterAll(async () => {
  await close?.();
  await app?.close();
});

async function download(): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent("download"), byTestId("doc-export-save").click()]);
  const path = await file.path();
  const status = byTestId("doc-export-status").filter({ hasText: "Exported" });
  await status.waitFor({ timeout: 60_000 });
  // "Exported "x.pdf" (55 KB, 812 ms)": the size and the generation time in the worker, kept to be read.
  const text = (await status.textContent()) ?? "";
  expect(text).toMatch(/\(\d+ KB, \d+ ms\)\.$/);
  mkdirSync(`${root}test-artifacts/report`, { recursive: true });
  appendFileSync(`${root}test-artifacts/report/e2e-export-status.txt`, `${text}\n`);
  return { name: file.suggestedFilename(), bytes: readFileSync(path) };
}

describe("Export FIS document", () => {
  it("previews the statement with the table's TOTAL COST, and exports PDF and Word files", async () => {
    await byTestId("export-document").click();
    const dialog = byTestId("export-document-dialog");
    await dialog.waitFor();
    const preview = byTestId("document-preview");
    const headings = ["Conclusion", "Background", "Financial Plan Impact", "Assumptions"];
    await expect(preview.locator("h2").allTextContents()).resolves.toEqual(headings);
    const total = preview.locator('[data-testid="document-table-cost"] tr.total').first();
    await expect(total.locator("th, td").allTextContents()).resolves.toEqual([
      "TOTAL COST",
      "$52,137",
      "$39,866",
      "$59,856",
      "$87,121",
      "$238,980",
    ]);
    await expect(preview.textContent()).resolves.toContain("This funding is available from the Workforce Investments Account.");

    for (const [width, height] of [
      [1280, 720],
      [1440, 900],
    ] as const) {
      await page.setViewportSize({ width, height });
      await page.screenshot({ path: `${shots}document-export-${width}x${height}.png` });
    }
    await preview.locator('[data-testid="document-table-cost"]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${shots}document-export-table-1440x900.png` });

    const pdf = await download();
    expect(pdf.name).toMatch(/^FIS FIS as published\.pdf$/);
    expect(pdf.bytes.subarray(0, 5).toString()).toBe("%PDF-");
    const text = pdfText(pdf.bytes);
    expect(text).toContain("TOTAL COST");
    expect(text).toMatch(/\$52,137 \$39,866 \$59,856 \$87,121 \$238,980/);

    await byTestId("doc-format-docx").check();
    const word = await download();
    expect(word.name).toMatch(/\.docx$/);
    expect(word.bytes.subarray(0, 2).toString()).toBe("PK");
    expect(docxText(word.bytes)).toContain("$238,980");
  });

  it("switches to a comparison memo against the other built-in", async () => {
    await byTestId("doc-kind-memo").check();
    const preview = byTestId("document-preview");
    await expect(preview.locator("h1").textContent()).resolves.toBe("Comparison Memo");
    await expect(preview.textContent()).resolves.toContain("compared with Contract terms as stated");
    await byTestId("doc-format-pdf").check();
    const memo = await download();
    expect(memo.name).toMatch(/^Memo .*\.pdf$/);
    expect(pdfText(memo.bytes)).toContain("What each difference adds");
    await page.keyboard.press("Escape");
    await byTestId("export-document-dialog").waitFor({ state: "detached" });
    expect(errors).toEqual([]);
  });
});
