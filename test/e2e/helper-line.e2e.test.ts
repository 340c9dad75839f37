/**
 * A helper line in the app, in Chromium: a scenario whose Salaries line is not printed shows no
 * Salaries row in the FIS grid, explains the salary increase through Salaries, marks the line
 * "(not printed)" in Cost lines, and the "printed" checkbox prints it and hides it again. Figures
 * by hand in fixtures/helper-line-scenario.ts.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serializeScenario } from "../../model/engine/scenario/schema";
import { helperLineScenario, unusedHelperScenario } from "../fixtures/helper-line-scenario";
import { fisCell } from "./cells";
import { chooseFile, shots, startApp, type App } from "./harness";

let app: App;
let page: Page;
let errors: string[];
const tid = (id: string) => page.locator(`[data-testid="${id}"]`);
/** The grid's row ids in display order (AG Grid keeps its row elements in any order). */
const rowIds = () =>
  page.locator('[data-testid="fis-grid"] [row-id][row-index]').evaluateAll((rows) =>
    rows
      .map((r) => [Number(r.getAttribute("row-index")), r.getAttribute("row-id")] as const)
      .sort((x, y) => x[0] - y[0])
      .map(([, id]) => id),
  );

beforeAll(async () => {
  app = await startApp();
  const opened = await app.open();
  page = opened.page;
  errors = opened.errors;
  await fisCell(page, "totalCost", "Total").waitFor();
  const file = join(mkdtempSync(join(tmpdir(), "fis-helper-e2e-")), "helper.json");
  writeFileSync(file, serializeScenario(helperLineScenario()));
  await chooseFile(page, "file-open", file);
  await fisCell(page, "increase", "FY2026").waitFor();
});

afterAll(async () => {
  await app?.close();
});

describe("a helper line in the app", () => {
  it("the FIS grid has no Salaries row; the increase is 100.0, 153.0, 0.0, 253.0", async () => {
    await expect.poll(rowIds).toEqual(["increase", "benefits", "total", "local"]);
    for (const [width, height] of [
      [1280, 720],
      [1440, 900],
    ] as const) {
      await page.setViewportSize({ width, height });
      await page.screenshot({ path: `${shots}helper-line-table-${width}x${height}.png` });
    }
    await page.setViewportSize({ width: 1500, height: 950 });
    const cells = [];
    for (const c of ["FY2025", "FY2026", "FY2027", "Total"]) cells.push(await fisCell(page, "increase", c).innerText());
    expect(cells).toEqual(["$100.0", "$153.0", "$0.0", "$253.0"]);
  });

  it("the increase's explanation names Salaries with its value", async () => {
    await fisCell(page, "increase", "FY2026").click();
    await expect.poll(() => tid("explain-panel").innerText()).toContain("Salaries");
  });

  it("Cost lines marks Salaries not printed; its checkbox prints it and hides it again", async () => {
    await tid("tab-inputs").click();
    const chip = page.locator('[data-testid="cost-line"][data-line="salaries"]');
    await expect.poll(() => chip.innerText()).toContain("(not printed)");
    const box = page.locator('[data-testid="cost-line-printed"][data-line="salaries"]');
    expect(await box.isChecked()).toBe(false);
    for (const [width, height] of [
      [1280, 720],
      [1440, 900],
    ] as const) {
      await page.setViewportSize({ width, height });
      await page.screenshot({ path: `${shots}helper-line-inputs-${width}x${height}.png` });
    }
    await box.check();
    await tid("tab-table").click();
    await expect.poll(rowIds).toEqual(["salaries", "increase", "benefits", "total", "local"]);
    // 253,000 in FY2026: the row the note does not print, shown once asked for.
    expect(await fisCell(page, "salaries", "FY2026").innerText()).toBe("$253.0");
    await tid("tab-inputs").click();
    await page.locator('[data-testid="cost-line-printed"][data-line="salaries"]').uncheck();
    await tid("tab-table").click();
    await expect.poll(rowIds).toEqual(["increase", "benefits", "total", "local"]);
    await page.setViewportSize({ width: 1500, height: 950 });
    expect(errors).toEqual([]);
  });

  it("a helper line nothing uses: Cost lines says its figures show nowhere", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "fis-helper-e2e-")), "unused.json");
    writeFileSync(file, serializeScenario(unusedHelperScenario()));
    await chooseFile(page, "file-open", file);
    await tid("tab-inputs").click();
    await expect
      .poll(() => tid("cost-lines-unused-helper").innerText())
      .toBe('"Salaries" is not printed and no other line uses it, so none of its figures shows; print it or use it in a line.');
    for (const [width, height] of [
      [1280, 720],
      [1440, 900],
    ] as const) {
      await page.setViewportSize({ width, height });
      await page.screenshot({ path: `${shots}helper-line-unused-${width}x${height}.png` });
    }
    await page.locator('[data-testid="cost-line-printed"][data-line="salaries"]').check();
    await expect.poll(() => tid("cost-lines-unused-helper").count()).toBe(0);
    await page.setViewportSize({ width: 1500, height: 950 });
    expect(errors).toEqual([]);
  });
});
