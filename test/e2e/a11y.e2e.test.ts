/**
 * Accessibility and fit in Chromium (WCAG 2.1 AA, Section 508): axe-core on every tab and every
 * open menu or dialog (no serious or critical violation), the keyboard walk (Tab presses from load
 * to the first editable input), no cell of any grid cut off at 1280x720, the FIS table readable at
 * 200% zoom (720x450 CSS px) and no sideways page scroll down to 320 px, Ctrl+C and "Copy table"
 * read back from the clipboard, grid names and row headers, the lasting change marker and the
 * recompute announcement. Screenshots of every tab at 1280x720, 1440x900 and 200% zoom go to
 * test-artifacts/screenshots/ (a11y-*) for a human look.
 */
import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fisAsPublished } from "../../model/built-ins";
import { root, shots, startApp, type App } from "./harness";

const PUBLISHED_FIS_TABLE = fisAsPublished().table.published!.values;
const AXE = readFileSync(`${root}node_modules/axe-core/axe.min.js`, "utf8");
const TABS = ["table", "inputs", "census", "compare", "charts", "analysis"] as const;
const FY2026_RAISE = "items.baseSalary.steps.2025-10-01.amount";

let app: App;

beforeAll(async () => {
  app = await startApp();
});

afterAll(async () => {
  await app?.close();
});

/** A page at `width` x `height` CSS px (deviceScaleFactor 2 = what a 200% zoom draws), axe allowed past the CSP. */
async function openAt(width: number, height: number, scale = 1) {
  const opened = await app.open({
    context: {
      viewport: { width, height },
      deviceScaleFactor: scale,
      bypassCSP: true,
      permissions: ["clipboard-read", "clipboard-write"],
    },
  });
  await opened.page.locator('[data-testid="fis-grid"] [row-id="totalCost"]').waitFor();
  return opened;
}

/** Shows a tab and waits for what it draws (the Analysis tab's worker answers included). */
async function showTab(page: Page, tab: (typeof TABS)[number]) {
  await page.click(`[data-testid="tab-${tab}"]`);
  if (tab === "table") await page.locator('[data-testid="fis-grid"] .ag-row').first().waitFor();
  if (tab === "inputs") await page.locator('.inputs-grid [col-id="value"].ag-cell').first().waitFor();
  if (tab === "census") await page.locator('[data-testid="census-grid"] .ag-row').first().waitFor();
  if (tab === "compare") await page.locator('[data-testid="compare-table"]').waitFor();
  if (tab === "charts") await page.locator('[data-testid="charts"] .recharts-bar-rectangle').first().waitFor();
  if (tab === "analysis") {
    await page.locator('[data-testid="twoway-cell"]').first().waitFor({ timeout: 30_000 });
    await page.locator('[data-testid="tornado-row"]').first().waitFor({ timeout: 30_000 });
  }
  // Columns are measured on the next frame.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

/** axe-core's serious and critical violations on the page as it is now, one line each. */
async function axeProblems(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ content: AXE });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: unknown[] }> } }).axe;
    const r = await axe.run(document, {
      resultTypes: ["violations"],
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] },
    });
    return r.violations as { id: string; impact: string; nodes: { target: string[] }[] }[];
  });
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${v.impact} ${v.id}: ${v.nodes
          .map((n) => n.target.join(" "))
          .slice(0, 4)
          .join(", ")}`,
    );
}

/** Every cell of every grid and table on screen whose text is wider than its box (cut off or ellipsised). */
async function clippedCells(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const sel = ".ag-cell, .ag-header-cell-text, .ag-header-group-text, table th, table td";
    document.querySelectorAll<HTMLElement>(sel).forEach((el) => {
      if (el.offsetParent === null) return;
      const target = el.querySelector<HTMLElement>(".ag-cell-value") ?? el;
      const where = () => el.closest("[data-testid]")?.getAttribute("data-testid") ?? "";
      const what = () => `${el.getAttribute("col-id") ?? el.tagName}: "${(el.textContent ?? "").trim().slice(0, 40)}"`;
      if (target.scrollWidth > target.clientWidth + 1 || target.scrollHeight > target.clientHeight + 1) out.push(`${where()} ${what()}`);
      // A grid sized to its rows must show all of them: nothing under its horizontal scrollbar.
      const bar = el.closest(".ag-layout-auto-height")?.querySelector(".ag-body-horizontal-scroll:not(.ag-invisible):not(.ag-hidden)");
      if (bar && el.getBoundingClientRect().bottom > bar.getBoundingClientRect().top + 1)
        out.push(`${where()} under the scrollbar ${what()}`);
    });
    // A caption is as wide as its table: in a region that scrolls sideways its words must still end
    // inside the region's visible width, or reading it means scrolling the table.
    document.querySelectorAll<HTMLElement>("caption, figcaption").forEach((el) => {
      if (el.offsetParent === null || !(el.textContent ?? "").trim()) return;
      let box = el.parentElement;
      while (box && !/(auto|scroll)/.test(getComputedStyle(box).overflowX)) box = box.parentElement;
      if (!box) return;
      const range = document.createRange();
      range.selectNodeContents(el);
      const where = box.closest("[data-testid]")?.getAttribute("data-testid") ?? "";
      if (range.getBoundingClientRect().right > box.getBoundingClientRect().right + 1)
        out.push(`${where} caption runs past the visible width: "${el.textContent!.trim().slice(0, 40)}"`);
    });
    return out;
  });
}

const pageOverflowX = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describe("axe-core: no serious or critical violation", () => {
  it("on every tab, and with every menu, drawer, form and confirmation open", { timeout: 180_000 }, async () => {
    const { page, errors, close } = await openAt(1440, 900);
    const found: string[] = [];
    const check = async (where: string) => found.push(...(await axeProblems(page)).map((p) => `${where}: ${p}`));
    for (const tab of TABS) {
      await showTab(page, tab);
      await check(tab);
    }
    await showTab(page, "table");
    await page.locator('[data-testid="fis-grid"] [row-id="benefits"] [col-id="FY2025"]').click();
    await page.locator('[data-testid="explain-panel"]').waitFor();
    await check("explain drawer");
    await page.locator('[data-testid="explain-tree"] > summary').click();
    await check("explain drawer with its tree open");
    await page.click('[data-testid="show-published"]');
    await page.click('[data-testid="show-variance"]');
    await check("published and variance columns");
    await page.click('[data-testid="file-recent"]');
    await page.locator('[data-testid="recent-menu"]').waitFor();
    await check("Recent menu");
    await page.keyboard.press("Escape");
    await showTab(page, "inputs");
    await page.click('[data-testid="cost-line-add-open"]');
    await check("Add cost line form");
    await page.locator('[data-testid="cost-line-remove"]').first().click();
    await check("Remove cost line confirmation");
    await showTab(page, "charts");
    await page.locator('[data-testid="chart-table-toggle"]').first().click();
    await check("chart data table");
    await page.click('[data-testid="export-document"]');
    await page.locator('[data-testid="export-document-dialog"]').waitFor();
    await check("Export FIS document dialog");
    await page.keyboard.press("Escape");
    await page.locator('[data-testid="export-document-dialog"]').waitFor({ state: "detached" });
    // New agreement: the modal dialog open, then the new agreement with its inputs to fill listed.
    await page.click('[data-testid="file-new-agreement"]');
    await page.getByRole("dialog", { name: "New agreement" }).waitFor();
    await check("New agreement dialog");
    await page.click('[data-testid="new-agreement-create"]');
    await page.locator('[data-testid="new-agreement-dialog"]').waitFor({ state: "hidden" });
    await page.locator('[data-testid="to-fill"]').waitFor();
    // The jump to the first input to fill flashes its row (a passing highlight): checked once it has faded.
    await expect.poll(() => page.locator(".ag-cell-data-changed, .ag-cell-data-changed-animation").count(), { timeout: 5000 }).toBe(0);
    await check("new agreement, its inputs to fill (Inputs tab)");
    await page.click('[data-testid="tab-table"]');
    await page.locator('[data-testid="to-fill"]').waitFor();
    await check("new agreement, its inputs to fill (Table tab)");
    await close();
    const narrow = await openAt(720, 450, 2);
    await narrow.page.click('[data-testid="sidebar-toggle"]');
    found.push(...(await axeProblems(narrow.page)).map((p) => `sidebar at 200%: ${p}`));
    await narrow.close();
    console.log(`axe: ${found.length} serious/critical violations over ${TABS.length} tabs and 12 open states\n${found.join("\n")}`);
    expect(found).toEqual([]);
    expect(errors).toEqual([]);
  });
});

describe("keyboard", () => {
  it("reaches the first editable input in at most 10 Tab presses, by the skip link", async () => {
    const { page, close } = await openAt(1440, 900);
    const atInput = () =>
      page.evaluate(() => {
        const a = document.activeElement;
        return !!a && (a.matches('.inputs-grid .ag-cell[col-id="value"]') || a.matches("input:not([type=checkbox]), select, textarea"));
      });
    let tabs = 0;
    for (; tabs < 10; tabs++) {
      const skip = await page.evaluate(() => document.activeElement?.getAttribute("data-testid"));
      if (skip === "skip-inputs") {
        await page.keyboard.press("Enter");
        break;
      }
      await page.keyboard.press("Tab");
    }
    await expect.poll(atInput).toBe(true);
    console.log(`Tab presses from load to the first editable input: ${tabs}`);
    expect(tabs).toBeLessThanOrEqual(10);
    // Typing there edits (a copy of the built-in), and one Tab leaves the grid.
    await page.keyboard.type("5");
    await page.keyboard.press("Enter");
    await expect.poll(() => page.locator('[data-testid="active-scenario"]').innerText()).toContain("(copy)");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => !!document.activeElement?.closest(".inputs-grid .ag-row"))).toBe(false);
    await close();
  });

  it("each grid is one Tab stop; tabs take arrows, Home/End and Ctrl+1…6; every command is a Tab stop", async () => {
    const { page, close } = await openAt(1440, 900);
    // Walk the whole page forward: collect what takes focus.
    const seen: string[] = [];
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press("Tab");
      // Once round the page is enough.
      if (seen.length > 0 && (await page.evaluate(() => document.activeElement?.getAttribute("data-testid"))) === "skip-table") break;
      const id = await page.evaluate(() => {
        const a = document.activeElement as HTMLElement | null;
        if (!a || a === document.body) return "body";
        const grid = a.closest("[data-testid=fis-grid]");
        return grid
          ? `grid:${a.getAttribute("col-id") ?? a.className.split(" ")[0]}`
          : (a.getAttribute("data-testid") ?? a.id ?? a.tagName);
      });
      seen.push(id);
    }
    const gridStops = seen.filter((s) => s.startsWith("grid:"));
    // Into the grid once; the next Tab leaves it (the grid's own tab guards count as the way out).
    expect(new Set(gridStops.filter((s) => !s.includes("ag-tab-guard"))).size).toBeLessThanOrEqual(1);
    for (const command of [
      "skip-table",
      "skip-inputs",
      "file-new",
      "file-new-agreement",
      "file-open",
      "file-recent",
      "file-save",
      "file-save-as",
      "export-xlsx",
      "export-csv",
      "import-assumptions",
      "import-census",
      "scenario-item",
      "scenario-duplicate",
      "tab-table",
      "show-computed",
      "copy-table",
    ]) {
      expect(seen, `Tab never reached ${command}: ${seen.join(" ")}`).toContain(command);
    }
    // One Tab stop for the whole tab strip (roving tabindex).
    expect(seen.filter((s) => s.startsWith("tab-"))).toEqual(["tab-table"]);

    await page.focus('[data-testid="tab-table"]');
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("tab-inputs");
    expect(await page.getAttribute('[data-testid="tab-inputs"]', "aria-selected")).toBe("true");
    await page.keyboard.press("End");
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("tab-analysis");
    await page.keyboard.press("Home");
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("tab-table");
    await page.keyboard.press("Control+4");
    await expect.poll(() => page.getAttribute('[data-testid="tab-compare"]', "aria-selected")).toBe("true");
    await page.keyboard.press("Control+1");
    await expect.poll(() => page.getAttribute('[data-testid="tab-table"]', "aria-selected")).toBe("true");
    expect(await page.getAttribute("#panel-table", "role")).toBe("tabpanel");

    // The Recent menu: opens with focus inside, Escape closes it and returns focus to its button.
    await page.focus('[data-testid="file-recent"]');
    await page.keyboard.press("Enter");
    await page.locator('[data-testid="recent-menu"] [role="menuitem"]').first().waitFor();
    expect(await page.evaluate(() => document.activeElement?.getAttribute("role"))).toBe("menuitem");
    await page.keyboard.press("Escape");
    expect(await page.locator('[data-testid="recent-menu"]').count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe("file-recent");

    // Rename and delete by keyboard: focus lands on the active scenario, not on the page body.
    await page.focus('[data-testid="scenario-duplicate"]');
    await page.keyboard.press("Enter");
    await page.focus('[data-testid="scenario-rename"]');
    await page.keyboard.press("Enter");
    await page.keyboard.type(" renamed");
    await page.keyboard.press("Enter");
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent ?? "")).toContain("renamed");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("aria-current"))).toBe("true");
    await page.focus('[data-testid="scenario-delete"]');
    await page.keyboard.press("Enter");
    await page.keyboard.press("Enter");
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe("scenario-item");

    // The 17 click-to-explain amounts on the Analysis tab are buttons, reached and pressed by keyboard.
    await showTab(page, "analysis");
    const amounts = page.locator('[data-testid="cost-of-1"] button, [data-testid="retro"] button.cell-button, [data-testid="retro-total"]');
    expect(await amounts.count()).toBe(18);
    await page.focus('[data-testid="c1-percent-FY2026-own"]');
    await page.keyboard.press("Enter");
    await expect.poll(() => page.locator('[data-testid="explain-panel"]').innerText()).toContain("own year FY2026");
    await close();
  });
});

describe("it fits", () => {
  it("no cell of any grid is cut off at 1280x720, on any tab, with the published and variance columns, after an edit", async () => {
    const { page, close } = await openAt(1280, 720);
    const found: string[] = [];
    for (const tab of TABS) {
      await showTab(page, tab);
      found.push(...(await clippedCells(page)).map((c) => `${tab}: ${c}`));
      expect(await pageOverflowX(page), `${tab} scrolls sideways`).toBeLessThanOrEqual(0);
      await page.screenshot({ path: `${shots}a11y-1280x720-${tab}.png` });
    }
    await showTab(page, "inputs");
    const raise = page.locator(`.inputs-grid [row-id="${FY2026_RAISE}"] [col-id="value"]`);
    await raise.click();
    await page.keyboard.type("7%");
    await page.keyboard.press("Enter");
    await expect.poll(() => raise.innerText()).toBe("7%");
    await showTab(page, "table");
    await page.click('[data-testid="show-published"]');
    await page.click('[data-testid="show-variance"]');
    found.push(...(await clippedCells(page)).map((c) => `table with variance: ${c}`));
    const variance = await page.locator('[data-testid="fis-grid"] [row-id="baseSalaryIncreases"] [col-id="FY2026:variance"]').innerText();
    expect(variance).toMatch(/^\+[\d,]+$/);
    // The last column (the total) is on screen, not scrolled off: the grid scrolls, the labels stay.
    await page.screenshot({ path: `${shots}a11y-1280x720-table-variance.png` });
    console.log(`clipped cells at 1280x720: ${found.length}`);
    expect(found).toEqual([]);
    await close();
  });

  it("at 1440x900 every tab fits, and the whole table with its total column shows with the explain drawer closed", async () => {
    const { page, close } = await openAt(1440, 900);
    expect(await page.locator('[data-testid="explain-panel"]').count()).toBe(0);
    const grid = await page.locator('[data-testid="fis-grid"]').boundingBox();
    const total = page.locator('[data-testid="fis-grid"] [row-id="totalCost"] [col-id="Total"]');
    await expect.poll(async () => ((b) => b!.x + b!.width)(await total.boundingBox())).toBeLessThanOrEqual(grid!.x + grid!.width);
    const found: string[] = [];
    for (const tab of TABS) {
      await showTab(page, tab);
      found.push(...(await clippedCells(page)).map((c) => `${tab}: ${c}`));
      await page.screenshot({ path: `${shots}a11y-1440x900-${tab}.png` });
    }
    expect(found).toEqual([]);
    await close();
  });

  it("at 200% zoom (720x450 CSS px) the FIS table is whole, the explain panel stacks under it, no sideways scroll", async () => {
    const { page, close } = await openAt(720, 450, 2);
    const cells = page.locator('[data-testid="fis-grid"] .ag-cell');
    const count = await cells.count();
    expect(count).toBe(9 * 6);
    const grid = (await page.locator('[data-testid="fis-grid"]').boundingBox())!;
    expect(grid.width).toBeGreaterThan(600);
    // Columns are measured a frame after the rows arrive: wait until the widest row fits.
    await expect
      .poll(() => cells.evaluateAll((els) => Math.max(...els.map((e) => e.getBoundingClientRect().right))))
      .toBeLessThanOrEqual(grid.x + grid.width + 1);
    // Every cell visible (inside the grid's box, with a width) and nothing cut off.
    const boxes = await cells.evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as DOMRect));
    for (const b of boxes) {
      expect(b.width).toBeGreaterThan(20);
      expect(b.x).toBeGreaterThanOrEqual(grid.x - 1);
      expect(b.x + b.width).toBeLessThanOrEqual(grid.x + grid.width + 1);
    }
    expect(await clippedCells(page)).toEqual([]);
    const totals = await page.locator('[data-testid="fis-grid"] [row-id="totalCost"] [col-id="Total"]').innerText();
    expect(totals).toBe(`$${PUBLISHED_FIS_TABLE.totalCost!.Total!.toLocaleString("en-US")}`);
    // The sidebar has become a toggle.
    expect(await page.locator('[data-testid="scenario-list"]').isVisible()).toBe(false);
    await page.locator('[data-testid="fis-grid"] [row-id="benefits"] [col-id="FY2025"]').click();
    const panel = (await page.locator('[data-testid="explain-panel"]').boundingBox())!;
    expect(panel.y).toBeGreaterThanOrEqual(grid.y + grid.height - 1);
    for (const tab of TABS) {
      await showTab(page, tab);
      expect(await pageOverflowX(page), `${tab} scrolls sideways at 720 px`).toBeLessThanOrEqual(0);
      await page.screenshot({ path: `${shots}a11y-200pct-${tab}.png` });
    }
    await page.click('[data-testid="sidebar-toggle"]');
    await page.locator('[data-testid="scenario-list"]').waitFor({ state: "visible" });
    await page.screenshot({ path: `${shots}a11y-200pct-sidebar.png` });
    await page.keyboard.press("Escape");
    await expect.poll(() => page.locator('[data-testid="scenario-list"]').isVisible()).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe("sidebar-toggle");
    // Down to 320 CSS px: still no sideways page scroll (grids scroll inside themselves).
    await page.setViewportSize({ width: 320, height: 480 });
    for (const tab of TABS) {
      await showTab(page, tab);
      expect(await pageOverflowX(page), `${tab} scrolls sideways at 320 px`).toBeLessThanOrEqual(0);
    }
    await page.screenshot({ path: `${shots}a11y-320-analysis.png` });
    await close();
  });
});

describe("copy out", () => {
  it("Ctrl+C copies a Shift+arrow range as tab-separated text and an HTML table; Copy table copies the whole table", async () => {
    const { page, close } = await openAt(1440, 900);
    await page.locator('[data-testid="fis-grid"] [row-id="baseSalaryIncreases"] [col-id="FY2025"]').click();
    await page.keyboard.press("Shift+ArrowRight");
    await page.keyboard.press("Shift+ArrowDown");
    await page.keyboard.press("Control+c");
    const read = () =>
      page.evaluate(async () => {
        const [item] = await navigator.clipboard.read();
        const text = await (await item!.getType("text/plain")).text();
        const html = item!.types.includes("text/html") ? await (await item!.getType("text/html")).text() : "";
        return { text, html };
      });
    // The published figures for these four cells: base salary FY2025/26, the bonus FY2025/26.
    const p = PUBLISHED_FIS_TABLE;
    const money = (n: number) => `$${n.toLocaleString("en-US")}`;
    // expect.poll's default second is short on a loaded 2-core machine; the clipboard write is asynchronous.
    await expect
      .poll(async () => (await read()).text, { timeout: 10_000 })
      .toBe(
        `${money(p.baseSalaryIncreases!.FY2025!)}\t${money(p.baseSalaryIncreases!.FY2026!)}\r\n` +
          `${money(p.bonus!.FY2025!)}\t${money(p.bonus!.FY2026!)}\r\n`,
      );
    expect((await read()).html).toContain(`<td style="text-align:right">${money(p.baseSalaryIncreases!.FY2025!)}</td>`);
    expect(await page.locator('[data-testid="fis-grid"] .cell-in-range').count()).toBe(4);

    await page.click('[data-testid="copy-table"]');
    await expect
      .poll(async () => (await read()).text, { timeout: 10_000 })
      .toContain("Fiscal Impact Statement: FIS as published ($ thousands)");
    const { text, html } = await read();
    const lines = text.split("\r\n");
    expect(lines[1]).toBe("$ thousands\tFY 2025\tFY 2026\tFY 2027\tFY 2028\t4-Yr Total");
    expect(lines.find((l) => l.startsWith("TOTAL COST\t"))).toBe(
      `TOTAL COST\t${["FY2025", "FY2026", "FY2027", "FY2028", "Total"].map((c) => money(p.totalCost![c]!)).join("\t")}`,
    );
    expect(text).toContain("rounded half away from zero");
    expect(html).toContain("<caption>Fiscal Impact Statement: FIS as published ($ thousands)</caption>");
    expect(html).toContain('<th scope="row">TOTAL COST</th>');
    await close();
  });
});

describe("a Shift+arrow range on a slow machine", () => {
  it("survives the grid's focus events arriving after the keys: Ctrl+C copies it and it stays marked", async () => {
    // A loaded machine runs timers late while key presses go first: AG Grid tells of a focus move from
    // a timer, so the moves of Shift+arrows are told after Shift is released. Here every 0 ms timer waits 300 ms.
    const { page, close } = await app.open({
      context: { viewport: { width: 1440, height: 900 }, permissions: ["clipboard-read", "clipboard-write"] },
      prepare: (context) =>
        context.addInitScript(() => {
          const later = window.setTimeout.bind(window);
          const w = window as unknown as { slowTimers?: boolean };
          window.setTimeout = ((fn: TimerHandler, ms?: number, ...rest: unknown[]) =>
            later(fn, !ms && w.slowTimers ? 300 : ms, ...rest)) as typeof setTimeout;
        }),
    });
    await page.locator('[data-testid="fis-grid"] [row-id="totalCost"]').waitFor();
    await page.locator('[data-testid="fis-grid"] [row-id="baseSalaryIncreases"] [col-id="FY2025"]').click();
    await page.waitForTimeout(500);
    await page.evaluate(() => ((window as unknown as { slowTimers?: boolean }).slowTimers = true));
    await page.keyboard.press("Shift+ArrowRight");
    await page.keyboard.press("Shift+ArrowDown");
    await page.keyboard.press("Control+c");
    const read = () => page.evaluate(() => navigator.clipboard.readText().catch(() => ""));
    await expect.poll(read, { timeout: 20_000 }).toContain("\t");
    const p = PUBLISHED_FIS_TABLE;
    const money = (n: number) => `$${n.toLocaleString("en-US")}`;
    expect(await read()).toBe(
      `${money(p.baseSalaryIncreases!.FY2025!)}\t${money(p.baseSalaryIncreases!.FY2026!)}\r\n` +
        `${money(p.bonus!.FY2025!)}\t${money(p.bonus!.FY2026!)}\r\n`,
    );
    // Once every late focus event has landed, the range is still the four cells.
    await page.waitForTimeout(1500);
    expect(await page.locator('[data-testid="fis-grid"] .cell-in-range').count()).toBe(4);
    await close();
  });
});

describe("what a screen reader gets", () => {
  it("named grids, row headers, read-only cells, a rejected input's reason, the change marker and the recompute announcement", async () => {
    const { page, close } = await openAt(1440, 900);
    const grid = page.locator('[data-testid="fis-grid"] [role="grid"], [data-testid="fis-grid"] [role="treegrid"]').first();
    expect(await grid.getAttribute("aria-label")).toBe("Fiscal impact table, FIS as published, $ thousands");
    expect(await grid.getAttribute("aria-readonly")).toBe("true");
    expect(await page.locator('[data-testid="fis-grid"] [row-id="benefits"] [col-id="label"]').getAttribute("role")).toBe("rowheader");
    // The unit is spoken with the amount: "$506 thousand".
    const spoken = await page
      .locator('[data-testid="fis-grid"] [row-id="benefits"] [col-id="FY2025"]')
      .evaluate((el) => getComputedStyle(el, "::after").content);
    expect(spoken).toBe('" thousand"');
    // Live regions are in the page before anything is said.
    expect(await page.locator('[data-testid="live-polite"]').count()).toBe(1);
    expect(await page.locator('[data-testid="scenario-item"][aria-current="true"]').innerText()).toContain("FIS as published");

    await showTab(page, "inputs");
    const raise = page.locator(`.inputs-grid [row-id="${FY2026_RAISE}"] [col-id="value"]`);
    await raise.click();
    await page.keyboard.type("4%");
    await page.keyboard.press("Enter");
    await expect
      .poll(() => page.locator('[data-testid="live-polite"]').innerText())
      .toMatch(
        /^TOTAL COST FY 2026 now \$[\d,]+ thousand, up \$[\d,]+ thousand; 4-Yr Total now \$[\d,]+ thousand, up \$[\d,]+ thousand\.$/,
      );
    const moved = page.locator('[data-testid="inputs-fis-grid"] [row-id="baseSalaryIncreases"] [col-id="FY2026"]');
    await expect.poll(() => moved.getAttribute("class")).toContain("cell-up");
    // Still marked after the flash has gone, and FY2025 (not moved) never was.
    await page.waitForTimeout(1500);
    expect(await moved.getAttribute("class")).toContain("cell-up");
    expect(
      await page.locator('[data-testid="inputs-fis-grid"] [row-id="baseSalaryIncreases"] [col-id="FY2025"]').getAttribute("class"),
    ).not.toContain("cell-up");

    const next = page.locator('.inputs-grid [row-id="items.baseSalary.steps.2026-10-01.amount"] [col-id="value"]');
    await next.click();
    await page.keyboard.type("abc");
    await page.keyboard.press("Enter");
    await expect.poll(() => next.getAttribute("aria-invalid")).toBe("true");
    const described = await next.getAttribute("aria-describedby");
    expect(await page.locator(`[id="${described}"]`).innerText()).toMatch(/Rejected "abc": .*not a number/);
    await next.click();
    await expect.poll(() => page.locator('[data-testid="input-help"]').innerText()).toMatch(/rejected "abc"/);
    await page.screenshot({ path: `${shots}a11y-inputs-rejected-and-marked.png` });
    await close();
  });
});
