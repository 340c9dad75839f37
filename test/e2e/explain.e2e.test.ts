/**
 * The explain drawer at a glance, in Chromium: a published cell's parts in $ thousands with their
 * shares (derived by hand), each calibration stated once, the tree collapsed until asked for, no
 * internal ids on screen, and "Copy as text" putting the same on the clipboard.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fisCell } from "./cells";
import { shots, startApp, type App } from "./harness";

let app: App;
let page: Page;
let errors: string[];

beforeAll(async () => {
  app = await startApp();
  const opened = await app.open({
    context: { viewport: { width: 1440, height: 900 }, permissions: ["clipboard-read", "clipboard-write"] },
  });
  page = opened.page;
  errors = opened.errors;
  await fisCell(page, "totalCost", "Total").waitFor();
});

afterAll(async () => {
  await app?.close();
});

const panel = () => page.locator('[data-testid="explain-panel"]');
const parts = () =>
  page
    .locator('[data-testid="explain-parts"] [data-testid="explain-part"]')
    .evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll("th, td")].map((c) => (c.textContent ?? "").trim())));

/** Text a person could mistake for an internal name: ids of the DC scenario, input paths, file hashes. */
const INTERNAL =
  /\b(baseSalary|localPortion|costFundedByWia|coveragePremium|dentalSelf|ET15-1\dM|payPeriods)\b|groups\.|items\.|[0-9a-f]{12}/;

describe("the explain drawer at a glance", () => {
  it("Benefits FY2025: five parts that add to the published $506K, with their shares", async () => {
    await fisCell(page, "benefits", "FY2025").click();
    // The column as its header names it ("FY 2025"), never its id ("FY2025").
    await expect.poll(() => panel().innerText()).toContain("Benefits, FY 2025: $506 thousand");
    // 5,776 members x 9 months x (22.27 - 21.62) = $33,789.60; x 9 x (48.39 - 45.87) = $130,999.68;
    // x 19 pay periods x (19.75 - 18.25) = $164,616; 1.45% x 5,776 x $105,271.50 x 2% = $176,333.97.
    expect(await parts()).toEqual([
      ["Optical", "$33.8", "6.7%"],
      ["Dental (self)", "$131.0", "25.9%"],
      ["Dental (family)", "$0.0", "0.0%"],
      ["Legal", "$164.6", "32.5%"],
      ["Medicare (employer)", "$176.3", "34.9%"],
    ]);
    expect(await page.locator('[data-testid="explain-parts-total"]').innerText()).toBe("$505.7");
    await page.screenshot({ path: `${shots}explain-01-benefits.png` });
  });

  it("states each calibration once, the tree collapsed below and pointing at the notes", async () => {
    const note = "FY2025 benefit increases counted from 1 Jan 2025";
    const tree = page.locator('[data-testid="explain-tree"]');
    expect(await tree.getAttribute("open")).toBeNull();
    expect((await panel().innerText()).split(note).length - 1).toBe(1);
    await tree.locator("> summary").click();
    // Open every level: the calibrated leaf under each benefit item says "note 1", not the note again.
    await page.evaluate(() =>
      document.querySelectorAll('[data-testid="explain-tree"] details').forEach((d) => ((d as HTMLDetailsElement).open = true)),
    );
    const text = await panel().innerText();
    expect(text.split(note).length - 1).toBe(1);
    expect(text.match(/calibrated, note 1/g)?.length).toBeGreaterThanOrEqual(3);
    expect(text).not.toMatch(INTERNAL);
    await page.screenshot({ path: `${shots}explain-02-tree.png`, fullPage: true });
  });

  it("an input in the tree still jumps to its row in the inputs grid", async () => {
    await panel().locator('[data-testid="explain-input"][data-path="groups.wtu.members"]').first().click();
    await page.locator('.inputs-grid [row-id="groups.wtu.members"] [col-id="value"].ag-cell-focus').waitFor({ timeout: 5000 });
    await page.click('[data-testid="tab-table"]');
  });

  it("a cell computed by a formula lists its inputs, as links, with no ids", async () => {
    await fisCell(page, "localPortion", "FY2025").click();
    await expect.poll(() => panel().innerText()).toContain("Local Portion of Total Cost, FY 2025: $51,802 thousand");
    const glance = page.locator('[data-testid="explain-glance"]');
    await expect.poll(() => glance.innerText()).toContain("Computed as share x TOTAL COST");
    expect(await glance.innerText()).toContain("99.3582%");
    // TOTAL COST FY2025, unrounded $52,136,702.93 -> $52,136.7 thousand.
    expect(await glance.innerText()).toContain("$52,136.7 thousand");
    expect(await panel().innerText()).not.toMatch(INTERNAL);
  });

  it("the net line shows the funding available as a negative part", async () => {
    await fisCell(page, "costFundedByWia", "FY2025").click();
    await expect.poll(() => panel().innerText()).toContain("Cost Funded by Workforce Investments Account, FY 2025: $30,365 thousand");
    const rows = await parts();
    expect(rows.map((r) => r[0])).toEqual(["Local Portion of Total Cost", "Funding available in DCPS Budget and Financial Plan"]);
    expect(rows[1]![1]).toBe("($21,437.2)");
  });

  it("Copy as text puts the breakdown, the notes and the whole tree on the clipboard", async () => {
    await fisCell(page, "benefits", "FY2025").click();
    await expect.poll(() => panel().innerText()).toContain("Benefits, FY 2025");
    await page.click('[data-testid="explain-copy"]');
    await expect.poll(() => page.locator('[data-testid="live-polite"]').innerText()).toContain("Copied the explanation");
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied.split("\n")[0]).toBe("Benefits, FY 2025: $506 thousand");
    expect(copied).toMatch(/Legal +\$164\.6 +32\.5%/);
    expect(copied).toContain("How it is computed:");
    expect(copied.split("FY2025 benefit increases counted from 1 Jan 2025").length - 1).toBe(1);
    expect(copied).not.toMatch(INTERNAL);
    expect(errors).toEqual([]);
  });

  it("names the total, published and variance columns by their headers, in the drawer and in Copy as text", async () => {
    await fisCell(page, "totalCost", "Total").click();
    const total = (await page.locator('[data-testid="fis-grid"] .ag-header-cell[col-id="Total"]').innerText()).trim();
    expect(total).toBe("4-Yr Total");
    await expect.poll(() => panel().locator("h2").innerText()).toBe("TOTAL COST, 4-Yr Total: $238,980 thousand");
    expect(await panel().getAttribute("aria-label")).toBe("Where TOTAL COST, 4-Yr Total comes from");
    // With the published and variance columns, a click on either explains the computed figure under the year's header.
    await page.click('[data-testid="show-published"]');
    await page.click('[data-testid="show-variance"]');
    // The year's header is now over its Model, Published and Variance columns.
    expect(await page.locator('[data-testid="fis-grid"] .ag-header-group-cell', { hasText: "FY 2026" }).count()).toBe(1);
    await fisCell(page, "benefits", "FY2026:published").click();
    await expect.poll(() => panel().locator("h2").innerText()).toBe("Benefits, FY 2026: $1,272 thousand");
    await fisCell(page, "additionalPay", "FY2027:variance").click();
    await expect.poll(() => panel().locator("h2").innerText()).toBe("Additional Pay, FY 2027: $7,949 thousand");
    await expect.poll(() => page.locator('[data-testid="live-polite"]').innerText()).toContain("Explanation: Additional Pay, FY 2027");
    await page.screenshot({ path: `${shots}explain-04-variance-title.png` });
    await page.click('[data-testid="explain-copy"]');
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toMatch(/^Additional Pay, FY 2027: \$7,949 thousand\n/);
    await page.click('[data-testid="show-published"]');
    await page.click('[data-testid="show-variance"]');
  });

  it("fits at 1280x720 and 1440x900 (screenshots)", async () => {
    for (const [width, height] of [
      [1280, 720],
      [1440, 900],
    ] as const) {
      await page.setViewportSize({ width, height });
      await panel().scrollIntoViewIfNeeded();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await page.screenshot({ path: `${shots}explain-03-${width}x${height}.png` });
    }
  });
});
