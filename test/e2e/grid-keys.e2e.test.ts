/**
 * Ctrl+A in a grid. AG Grid Community cannot select a range of cells (that is the Enterprise
 * CellSelectionModule), and without row selection its Ctrl+A handler only logs "AG Grid: warning
 * #132". In the app Ctrl+A in a grid does nothing, quietly: no console message, and not the
 * page's own select-all either. In a cell editor it still selects the text being edited.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { byTestId } from "./cells";
import { startApp, type App } from "./harness";

let app: App;

beforeAll(async () => {
  app = await startApp();
});

afterAll(async () => {
  await app?.close();
});

describe("Ctrl+A in a grid", () => {
  it("on the FIS table and the inputs grid: no warning, nothing selected; in a cell editor it selects the text", async () => {
    const { page, errors, close } = await app.open();
    const messages: string[] = [];
    page.on("console", (m) => messages.push(`${m.type()}: ${m.text()}`));
    const selection = () => page.evaluate(() => window.getSelection()?.toString() ?? "");

    await page.locator('[data-testid="fis-grid"] [row-id="totalCost"] [col-id="FY2025"]').click();
    await page.keyboard.press("Control+a");
    await page.keyboard.press("Meta+a");
    expect(await selection()).toBe("");

    await page.click('[data-testid="tab-inputs"]');
    const raise = page.locator('.inputs-grid [row-id="items.baseSalary.steps.2025-10-01.amount"] [col-id="value"]');
    await raise.click();
    await page.keyboard.press("Control+a");
    expect(await selection()).toBe("");
    await page.locator('[data-testid="inputs-fis-grid"] [row-id="bonus"] [col-id="Total"]').click();
    await page.keyboard.press("Control+a");
    expect(await selection()).toBe("");

    // In the editor, Ctrl+A selects the value so typing replaces it.
    await raise.click();
    await page.keyboard.press("F2");
    const editor = page.locator(".inputs-grid .ag-cell-inline-editing input");
    await editor.waitFor();
    await page.keyboard.press("End");
    await page.keyboard.press("Control+a");
    await page.keyboard.type("4.5%");
    await page.keyboard.press("Enter");
    await expect.poll(() => raise.innerText()).toBe("4.5%");
    await expect.poll(() => byTestId(page, "active-scenario").innerText()).toContain("(copy)");

    expect(messages.filter((m) => /AG Grid|warning #?132/i.test(m))).toEqual([]);
    expect(errors).toEqual([]);
    await close();
  });
});
