/**
 * The inputs grid fits the window at 1440x900 and 1280x720 in Chromium: every column, the Range
 * and Source columns included, is on screen without scrolling sideways, and no cell is cut off
 * except a long Source (three lines at most), whose full text is then the cell's title (tooltip). Screenshots at both sizes.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { shots, startApp, type App } from "./harness";

let app: App;

beforeAll(async () => {
  app = await startApp();
});

afterAll(async () => {
  await app?.close();
});

interface Fit {
  columns: Record<string, number>;
  viewport: { scrollWidth: number; clientWidth: number };
  /** Cells (col-id: text) whose text is wider or taller than their box. */
  clipped: { col: string; text: string; title: string }[];
}

/**
 * The inputs grid's column widths, its horizontal viewport and the cells whose text does not fit,
 * in every row: the grid renders only the rows near its viewport, so it is scrolled from top to
 * bottom (and back) and each rendered row is measured once it is on screen.
 */
async function measure(page: Page): Promise<Fit & { rows: number }> {
  // Columns and auto-height rows settle a frame or two after a resize.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  return page.evaluate(async () => {
    const frames = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const grid = document.querySelector<HTMLElement>('[data-testid="inputs-grid"]')!;
    const columns: Record<string, number> = {};
    grid.querySelectorAll<HTMLElement>(".ag-header-cell[col-id]").forEach((h) => {
      columns[h.getAttribute("col-id")!] = Math.round(h.getBoundingClientRect().width);
    });
    const view = grid.querySelector<HTMLElement>(".ag-grid-viewport")!;
    const clipped = new Map<string, Fit["clipped"][number]>();
    const seen = new Set<string>();
    const cut = (e: HTMLElement) => e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 1;
    const check = (el: HTMLElement, key: string) => {
      // The cell, its value box, or anything inside clamped or ellipsised.
      const boxes = [el, ...el.querySelectorAll<HTMLElement>("*")].filter((e) => e.getClientRects().length > 0);
      const box = boxes.find(cut);
      if (box) clipped.set(key, { col: el.getAttribute("col-id") ?? "header", text: (el.textContent ?? "").trim(), title: box.title });
    };
    grid.querySelectorAll<HTMLElement>(".ag-header-cell-text").forEach((el, i) => check(el, `header ${i}`));
    const top = view.scrollTop;
    view.scrollTop = 0;
    await frames();
    for (;;) {
      grid.querySelectorAll<HTMLElement>(".ag-row[row-id]").forEach((row) => {
        const id = row.getAttribute("row-id")!;
        seen.add(id);
        row.querySelectorAll<HTMLElement>(".ag-cell[col-id]").forEach((el) => check(el, `${id} ${el.getAttribute("col-id")}`));
      });
      if (view.scrollTop + view.clientHeight >= view.scrollHeight - 1) break;
      view.scrollTop += Math.max(40, Math.floor(view.clientHeight * 0.6));
      // Rows come in at a default height and take their auto height a frame later.
      await frames();
      await frames();
    }
    view.scrollTop = top;
    await frames();
    return {
      columns,
      viewport: { scrollWidth: view.scrollWidth, clientWidth: view.clientWidth },
      clipped: [...clipped.values()],
      rows: seen.size,
    };
  });
}

describe("the inputs grid fits the window", () => {
  for (const [width, height] of [
    [1440, 900],
    [1280, 720],
  ] as const) {
    it(`at ${width}x${height}: every column on screen, no sideways scroll, only a long Source cut off (full text as title)`, async () => {
      const { page, errors, close } = await app.open({ context: { viewport: { width, height } } });
      await page.locator('[data-testid="fis-grid"] [row-id="totalCost"]').waitFor();
      await page.click('[data-testid="tab-inputs"]');
      await page.locator('.inputs-grid [col-id="value"].ag-cell').first().waitFor();
      const fit = await measure(page);
      // Every input of the reference scenario was measured, not only the rows rendered at first.
      expect(fit.rows).toBe(
        Number(await page.locator('[data-testid="inputs-grid"] [aria-rowcount]').first().getAttribute("aria-rowcount")) - 1,
      );
      const widths = JSON.stringify({ columns: fit.columns, viewport: fit.viewport });
      console.log(`inputs grid at ${width}x${height}: ${widths}, ${fit.clipped.length} sources cut to 3 lines`);
      await page.locator('[data-testid="inputs-grid"]').scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${shots}inputs-fit-${width}x${height}.png` });
      expect(Object.keys(fit.columns)).toEqual(["section", "label", "value", "range", "unit", "edited", "baseline", "source"]);
      expect(fit.viewport.scrollWidth).toBeLessThanOrEqual(fit.viewport.clientWidth);
      // The right edge of the Source column is inside the grid.
      const grid = (await page.locator('[data-testid="inputs-grid"] .ag-root').boundingBox())!;
      const source = (await page.locator('[data-testid="inputs-grid"] .ag-header-cell[col-id="source"]').boundingBox())!;
      expect(source.x + source.width).toBeLessThanOrEqual(grid.x + grid.width + 1);
      expect(fit.clipped.filter((c) => c.col !== "source")).toEqual([]);
      for (const c of fit.clipped) expect(c.title, `source "${c.text.slice(0, 40)}" is cut off without its full text`).toBe(c.text);
      // An edited row: "● edited" and the new source fit too.
      const raise = page.locator('.inputs-grid [row-id="items.baseSalary.steps.2025-10-01.amount"] [col-id="value"]');
      await raise.click();
      await page.keyboard.type("7");
      await page.locator(".inputs-grid .ag-cell-inline-editing input").waitFor();
      await page.keyboard.type("%");
      await page.keyboard.press("Enter");
      await expect.poll(() => raise.innerText()).toBe("7%");
      const edited = await measure(page);
      expect(edited.viewport.scrollWidth).toBeLessThanOrEqual(edited.viewport.clientWidth);
      expect(edited.clipped.filter((c) => c.col !== "source")).toEqual([]);
      expect(errors).toEqual([]);
      await close();
    });
  }
});
