/**
 * The Charts tab in Chromium: full-width charts; the legend lists the stack in the order it is
 * drawn (top of the stack first); each bar carries its total; the derived lines (local portion,
 * funding, the net) are drawn; published -> computed as a waterfall; a built-in is never charted
 * against itself, an edited copy is charted against the built-in it came from.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contractAsStated, fisAsPublished } from "../../model/built-ins";
import { computeTable } from "../../model/engine/compute";
import { setInputValue } from "../../model/engine/scenario/paths";
import { fisCell } from "./cells";
import { shots, startApp, type App } from "./harness";

const FY2026_RAISE = "items.baseSalary.steps.2025-10-01.amount";
let app: App;
let page: Page;
let errors: string[];

beforeAll(async () => {
  app = await startApp();
  const opened = await app.open({ context: { viewport: { width: 1440, height: 900 } } });
  page = opened.page;
  errors = opened.errors;
  await fisCell(page, "totalCost", "Total").waitFor();
});

afterAll(async () => {
  await app?.close();
});

const tid = (id: string) => page.locator(`[data-testid="${id}"]`);
const costFigure = () => tid("chart-cost-by-line");
const legend = () => costFigure().locator('[data-testid="chart-legend-item"]').allInnerTexts();
const totalsOnBars = () => costFigure().locator(".recharts-label-list text").allTextContents();

async function showCharts() {
  await tid("tab-charts").click();
  await costFigure().locator(".recharts-bar-rectangle").first().waitFor();
}

describe("the Charts tab", () => {
  const reference = computeTable(fisAsPublished());
  const costLines = reference.lines.filter((l) => l.kind === "cost").map((l) => l.label);

  it("fills the width, lists the stack top first as drawn, puts the total on each bar and draws the derived lines", async () => {
    await showCharts();
    const panel = (await page.locator(".tabpanel").boundingBox())!;
    const figure = (await costFigure().boundingBox())!;
    expect(figure.width).toBeGreaterThan(panel.width * 0.95);

    // The DOM draws the series bottom of the stack first; in FY 2025 (every line above zero) each sits above the one before.
    const tops = await costFigure()
      .locator(".recharts-bar-rectangles")
      .evaluateAll((groups) => groups.map((g) => g.querySelectorAll(".recharts-bar-rectangle path")[0]!.getBoundingClientRect().top));
    expect(tops).toHaveLength(costLines.length);
    expect([...tops].sort((a, b) => b - a)).toEqual(tops);
    const items = await legend();
    expect(items.slice(0, costLines.length)).toEqual([...costLines].reverse());
    expect(items.slice(costLines.length)).toEqual([
      "Local Portion of Total Cost",
      "Funding available in DCPS Budget and Financial Plan",
      "Cost Funded by Workforce Investments Account",
    ]);
    expect(await costFigure().locator(".recharts-line").count()).toBe(3);
    // The published TOTAL COST of each year, $K.
    expect(await totalsOnBars()).toEqual(["$52,137", "$39,866", "$59,856", "$87,121"]);
  });

  it("a built-in: published -> computed with nothing between, and no chart of it against itself", async () => {
    await expect
      .poll(() => tid("chart-published-waterfall").locator('[data-testid="chart-summary"]').innerText())
      .toContain("Every line reproduces its published figure: TOTAL COST, 4-Yr Total, is $238,980 thousand in both.");
    expect(await tid("chart-against-baseline").count()).toBe(0);
    expect(await tid("charts-no-baseline").innerText()).toContain("is its own baseline");
    for (const [width, height] of [
      [1280, 720],
      [1440, 900],
    ] as const) {
      await page.setViewportSize({ width, height });
      // The charts follow the new width (no sideways scroll once they have measured it).
      await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
      await page.screenshot({ path: `${shots}charts-builtin-${width}x${height}.png`, fullPage: true });
    }
    expect(errors).toEqual([]);
  });

  it("an edited copy: the raise shows as a step from the published total, and the copy against its baseline", async () => {
    await tid("tab-inputs").click();
    const raise = page.locator(`.inputs-grid [row-id="${FY2026_RAISE}"] [col-id="value"]`);
    await raise.click();
    await page.keyboard.type("4");
    await page.locator(".inputs-grid .ag-cell-inline-editing input").waitFor();
    await page.keyboard.type("%");
    await page.keyboard.press("Enter");
    await expect.poll(() => raise.innerText()).toBe("4%");
    await showCharts();

    const edited = computeTable(setInputValue(fisAsPublished(), FY2026_RAISE, "0.04"));
    const k = (line: string, column: string) => edited.lines.find((l) => l.id === line)!.cells[column]!.display;
    const money = (d: { toFixed(n: number): string }) => `$${Number(d.toFixed(0)).toLocaleString("en-US")}`;
    expect(await totalsOnBars()).toEqual(["FY2025", "FY2026", "FY2027", "FY2028"].map((c) => money(k("totalCost", c))));

    const steps = await tid("published-waterfall").locator(".recharts-label-list text").allTextContents();
    // 4-Yr Total: published $238,980K; base salary and benefits (its Medicare) move; the computed total ends it.
    expect(steps[0]).toBe("$238,980");
    expect(steps[1]).toBe(`+${money(k("baseSalaryIncreases", "Total").minus(169111)).slice(1)}`);
    expect(steps[steps.length - 1]).toBe(money(k("totalCost", "Total")));

    const against = tid("chart-against-baseline");
    await against.waitFor();
    expect(await against.locator("figcaption").innerText()).toContain("against its baseline “FIS as published”");
    // Baseline and scenario totals on their bars: FY 2025 unchanged, FY 2026 up.
    const labels = await against.locator(".recharts-label-list text").allTextContents();
    expect(labels).toContain("$39,866");
    expect(labels).toContain(money(k("totalCost", "FY2026")));
    for (const [width, height] of [
      [1280, 720],
      [1440, 900],
    ] as const) {
      await page.setViewportSize({ width, height });
      // The charts follow the new width (no sideways scroll once they have measured it).
      await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
      await page.screenshot({ path: `${shots}charts-edited-${width}x${height}.png`, fullPage: true });
    }
  });

  it("a scenario without published figures has no published waterfall", async () => {
    expect(computeTable(contractAsStated()).published).toBeUndefined();
    await page.locator('[data-testid="scenario-item"]', { hasText: "Contract terms as stated" }).click();
    await showCharts();
    expect(await tid("chart-published-waterfall").count()).toBe(0);
    expect(await tid("charts-no-baseline").count()).toBe(1);
    expect(errors).toEqual([]);
  });
});
