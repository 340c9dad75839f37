/**
 * Ranges in Chromium: on the reference scenario the card offers the suggested (ASSUMED) ranges;
 * once taken, a 2,000-draw run shows its progress and then, for every line, the same P5/P50/P95 and
 * mean as the engine run here on the same scenario and seed; a 100,000-draw run is cancelled and the
 * next run still answers; the inputs grid's Range column edits a range through its dialog, with the
 * engine's checks in percent. axe-core finds no serious or critical problem on the card or the
 * dialog. Screenshots at 1280x720 and 1440x900 go to test-artifacts/screenshots/ (ranges-*).
 */
import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fisAsPublished } from "../../model/built-ins";
import { Decimal, monteCarlo } from "../../model/engine/index";
import { withSuggestedRanges } from "../../renderer/analysis/suggested-ranges";
import { showInputRow } from "./cells";
import { root, shots, startApp, type App, type OpenPage } from "./harness";

const AXE = readFileSync(`${root}node_modules/axe-core/axe.min.js`, "utf8");
let app: App;
let main: OpenPage;
let page: Page;
const tid = (id: string) => page.locator(`[data-testid="${id}"]`);

async function axeProblems(selector: string): Promise<string[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ content: AXE });
  const violations = await page.evaluate(async (sel) => {
    const axe = (window as unknown as { axe: { run: (ctx: object, o: object) => Promise<{ violations: unknown[] }> } }).axe;
    const r = await axe.run(
      { include: [[sel]] },
      {
        resultTypes: ["violations"],
        runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] },
      },
    );
    return r.violations as { id: string; impact: string; nodes: { target: string[] }[] }[];
  }, selector);
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.impact} ${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

async function shoot(name: string, focus: string) {
  for (const [w, h] of [
    [1280, 720],
    [1440, 900],
  ] as const) {
    await page.setViewportSize({ width: w, height: h });
    await page.locator(focus).scrollIntoViewIfNeeded();
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await page.screenshot({ path: `${shots}ranges-${w}x${h}-${name}.png` });
  }
}

beforeAll(async () => {
  app = await startApp();
  main = await app.open({ context: { viewport: { width: 1440, height: 900 }, bypassCSP: true } });
  page = main.page;
  await page.locator('[data-testid="fis-grid"] [row-id="totalCost"]').waitFor();
});

afterAll(async () => {
  await app?.close();
});

describe("Ranges on the reference scenario", () => {
  const suggested = withSuggestedRanges(fisAsPublished());
  if (!suggested.ok) throw new Error(suggested.errors.join("; "));
  const scenario = suggested.value.scenario;

  it("offers the suggested ranges, labelled ASSUMED; taking them shows the banner and the three ranges", async () => {
    await tid("tab-analysis").click();
    await tid("ranges-suggest").waitFor();
    expect(await tid("ranges-suggest").innerText()).toContain("ASSUMED");
    expect(await axeProblems('[data-testid="ranges"]')).toEqual([]);
    await shoot("suggest", '[data-testid="ranges"]');
    await page.setViewportSize({ width: 1440, height: 900 });
    await tid("ranges-suggest-apply").click();
    await tid("ranges-banner").waitFor();
    expect(await tid("ranges-banner").innerText()).toMatch(/assumptions, not published figures/);
    const inputs = await tid("ranges-inputs").innerText();
    expect(inputs).toContain("6%–12%");
    expect(inputs).toContain("2%–10%, most likely 5%");
    expect(inputs).toContain("5,776 ± 2%");
    expect(await tid("ranges-inputs").locator(".assumed-tag").allInnerTexts()).toEqual(["ASSUMED", "ASSUMED", "ASSUMED"]);
    // The copy of the built-in is active, costed by the schedule method.
    expect(await tid("active-scenario").innerText()).not.toContain("built-in");
  });

  it(
    "2,000 draws: progress while it runs, then every line's P5/P50/P95 and mean as the engine has them",
    { timeout: 120_000 },
    async () => {
      await tid("ranges-draws").fill("2000");
      await tid("ranges-run").click();
      // Read in the page on the frame the progress shows: a fast run can end before a second look from here.
      const progress = await page.waitForFunction(
        () => document.querySelector('[data-testid="ranges-progress"]')?.textContent ?? null,
        null,
        {
          timeout: 10_000,
          polling: "raf",
        },
      );
      expect(await progress.jsonValue()).toMatch(/Computing ranges \(2,000 draws\)/);
      await tid("ranges-results").waitFor({ timeout: 90_000 });
      expect(await tid("ranges-progress").count()).toBe(0);
      const engine = monteCarlo(scenario, { draws: 2000, seed: 1 });
      const rows = tid("ranges-row");
      expect(await rows.count()).toBe(engine.lines.length);
      for (const line of engine.lines) {
        const cells = await page.locator(`[data-testid="ranges-row"][data-line="${line.id}"] td`).allInnerTexts();
        const c = line.cells.Total!.display;
        // The engine's "$12,161" and the app's one number format agree digit for digit.
        expect(cells.slice(1), line.id).toEqual([c.p5, c.p50, c.p95, c.mean]);
      }
      const total = engine.lines.find((l) => l.id === "totalCost")!.cells.Total!;
      expect(total.p5).toBeLessThan(total.p95);
      // The default limit is the table's own TOTAL COST, 4-Yr Total (in $ thousands): P(a draw costs more than the table says).
      const shown = engine.lines.find((l) => l.id === "totalCost")!;
      const limitK = (await tid("ranges-limit").inputValue()).replace(/,/g, "");
      const withLimit = monteCarlo(scenario, {
        draws: 2000,
        seed: 1,
        exceed: [{ lineId: "totalCost", column: "Total", dollars: new Decimal(limitK).times(1000) }],
      });
      const p = withLimit.exceed[0]!.probability;
      expect(await tid("ranges-exceed").innerText()).toContain(
        `exceeds $${Number(limitK).toLocaleString("en-US")} thousand: ${(p * 100).toFixed(1)}%`,
      );
      expect(shown.label).toBe("TOTAL COST");
      expect(await tid("ranges-histogram").locator('[data-testid="chart-summary"]').innerText()).toMatch(/90% of draws lie from \$/);
      // The histogram's axis speaks the table's unit: "$238,980K", never a bare "238,980".
      const ticks = await tid("ranges-histogram")
        .locator(".recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value")
        .allTextContents();
      expect(ticks.length).toBeGreaterThan(1);
      for (const t of ticks) expect(t).toMatch(/^\$[\d,]+K$/);
      expect((await tid("ranges-drivers-list").innerText()).split("\n")).toHaveLength(3);
      expect(await axeProblems('[data-testid="ranges"]')).toEqual([]);
      await shoot("results", '[data-testid="ranges-results"]');
      await page.setViewportSize({ width: 1440, height: 900 });
    },
  );

  it(
    "a 100,000-draw run is cancelled: its progress goes, the cancellation is said, and the next run answers",
    { timeout: 120_000 },
    async () => {
      await tid("ranges-draws").fill("100000");
      await tid("ranges-run").click();
      await tid("ranges-progress").waitFor({ timeout: 10_000 });
      await expect.poll(() => tid("ranges-progress").innerText(), { timeout: 20_000 }).toMatch(/[\d,]+ of 100,000 draws/);
      expect(await axeProblems('[data-testid="ranges"]')).toEqual([]);
      await shoot("progress", '[data-testid="ranges-progress"]');
      await tid("ranges-progress-cancel").click();
      await tid("ranges-cancelled").waitFor();
      expect(await tid("ranges-progress").count()).toBe(0);
      await expect.poll(() => tid("live-polite").innerText()).toContain("Cancelled the Monte Carlo run.");
      await tid("ranges-draws").fill("500");
      await tid("ranges-run").click();
      await tid("ranges-results").waitFor({ timeout: 60_000 });
      expect(await tid("ranges-timing").getAttribute("data-draws")).toBe("500");
      expect(await tid("ranges-timing").getAttribute("data-where")).toBe("worker");
    },
  );

  it("the Range column opens the dialog; a reversed range is refused in percent, a good one is applied", { timeout: 60_000 }, async () => {
    await tid("tab-inputs").click();
    await showInputRow(page, "scheduleMethod.separationRate");
    const cell = page.locator('[data-testid="range-cell"][data-path="scheduleMethod.separationRate"]');
    await cell.waitFor();
    expect(await cell.innerText()).toBe("6%–12%");
    await cell.click();
    await tid("range-dialog").waitFor();
    await tid("range-min").fill("12%");
    await tid("range-max").fill("6%");
    await tid("range-apply").click();
    await expect.poll(() => tid("range-dialog").innerText()).toContain("highest 6% must be more than lowest 12%");
    expect(await axeProblems('[data-testid="range-dialog"]')).toEqual([]);
    await shoot("dialog", '[data-testid="range-dialog"]');
    await page.setViewportSize({ width: 1440, height: 900 });
    await tid("range-min").fill("7%");
    await tid("range-max").fill("11%");
    await tid("range-apply").click();
    await expect.poll(() => tid("range-dialog").count()).toBe(0);
    await expect.poll(() => cell.innerText()).toBe("7%–11%");
    await shoot("inputs", '[data-testid="range-cell"][data-path="scheduleMethod.separationRate"]');
    await page.setViewportSize({ width: 1440, height: 900 });
    expect(main.errors).toEqual([]);
  });
});

describe("Ranges where no worker can start", () => {
  it("the run says at once that it cannot be cancelled, and still answers", { timeout: 120_000 }, async () => {
    const other = await app.open({ withoutWorkers: true, context: { viewport: { width: 1280, height: 720 } } });
    const p = other.page;
    const t = (id: string) => p.locator(`[data-testid="${id}"]`);
    await p.locator('[data-testid="fis-grid"] [row-id="totalCost"]').waitFor();
    await t("tab-analysis").click();
    await t("ranges-suggest-apply").click();
    await t("ranges-draws").fill("3000");
    // The page is busy while the run takes the main thread, so what it showed is recorded as it appears.
    await p.evaluate(() => {
      const w = window as unknown as { noCancelText?: string };
      new MutationObserver(() => {
        const el = document.querySelector('[data-testid="ranges-progress-no-cancel"]');
        if (el && !w.noCancelText) w.noCancelText = el.textContent ?? "";
      }).observe(document.body, { childList: true, subtree: true });
    });
    await t("ranges-run").click();
    await t("ranges-results").waitFor({ timeout: 90_000 });
    expect(await p.evaluate(() => (window as unknown as { noCancelText?: string }).noCancelText)).toMatch(/cannot be cancelled/);
    expect(await t("ranges-timing").getAttribute("data-where")).toBe("main thread");
    await other.close();
  });
});
