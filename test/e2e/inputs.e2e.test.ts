/**
 * The Inputs screen in Chromium: formulas typed into input cells (evaluated exactly, kept, shown in
 * the editor and the tooltip, their result validated), a rejected edit reopening with the typed
 * text for correction, messages in the units typed and belonging to their scenario, the window
 * title, and one "New" button. Screenshots at 1280x720 and 1440x900.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { computeTable } from "../../model/engine/compute";
import { setInputValue } from "../../model/engine/scenario/paths";
import { fisAsPublished } from "../../model/built-ins";
import { expectedLine, showInputRow, thousands } from "./cells";
import { shots, startApp, type App, type OpenPage } from "./harness";

const SALARY = "groups.wtu.averageSalary";
const MEMBERS = "groups.wtu.members";
const RAISE = "items.baseSalary.steps.2025-10-01.amount";

let app: App;
let main: OpenPage;
let page: Page;

const valueCell = (path: string) => page.locator(`.inputs-grid [row-id="${path}"] [col-id="value"]`);
const editor = () => page.locator(".inputs-grid .ag-cell-inline-editing input");
const live = (line: string, column: string) => page.locator(`[data-testid="inputs-fis-grid"] [row-id="${line}"] [col-id="${column}"]`);

async function typeInto(path: string, text: string) {
  await valueCell(path).click();
  await page.keyboard.type(text.slice(0, 1));
  await editor().waitFor();
  await page.keyboard.type(text.slice(1));
  await page.keyboard.press("Enter");
}

async function screenshots(name: string) {
  for (const [w, h] of [
    [1280, 720],
    [1440, 900],
  ] as const) {
    await page.setViewportSize({ width: w, height: h });
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${shots}${name}-${w}x${h}.png` });
  }
  await page.setViewportSize({ width: 1500, height: 950 });
}

beforeAll(async () => {
  app = await startApp();
  main = await app.open();
  page = main.page;
  await page.locator('[data-testid="fis-grid"] [row-id=totalCost]').waitFor();
  await page.click('[data-testid="tab-inputs"]');
  await valueCell(SALARY).waitFor();
});

afterAll(async () => {
  await app?.close();
});

describe("formulas in input cells", () => {
  it("=105000*1.01 is computed exactly, shown as its value, kept in the editor and the tooltip, and moves the table", async () => {
    await typeInto(SALARY, "=105000*1.01");
    await expect.poll(() => valueCell(SALARY).innerText({ timeout: 2000 }), { timeout: 5000 }).toBe("$106,050"); // 105,000 + 1% = 106,050
    await expect(valueCell(SALARY).getAttribute("class")).resolves.toContain("cell-formula");
    // The table is the engine's for the same value typed as a number.
    const want = expectedLine(computeTable(setInputValue(fisAsPublished(), SALARY, "106050")), "totalCost");
    await expect
      .poll(async () => thousands(await live("totalCost", "Total").innerText({ timeout: 2000 })), { timeout: 5000 })
      .toBe(want.Total);
    // The editor opens on the formula, not the value.
    await valueCell(SALARY).click();
    await page.keyboard.press("F2");
    await expect.poll(() => editor().inputValue({ timeout: 2000 }), { timeout: 5000 }).toBe("=105000*1.01");
    await page.keyboard.press("Escape");
    await expect
      .poll(() => page.locator('[data-testid="input-help"]').innerText({ timeout: 2000 }), { timeout: 5000 })
      .toContain("Formula =105000*1.01 = $106,050");
    await page.mouse.move(5, 5);
    await valueCell(SALARY).hover();
    await expect
      // A tooltip of a cell left a moment ago may still be fading out: the one for this cell is among those shown.
      .poll(async () => (await page.locator(".ag-tooltip").allInnerTexts()).join("\n"), { timeout: 5000 })
      .toContain("Formula =105000*1.01 = $106,050");
  });

  it("=5776-200 and =3%+0.5% land as 5,576 members and 3.5%", async () => {
    await typeInto(MEMBERS, "=5776-200");
    await expect.poll(() => valueCell(MEMBERS).innerText()).toBe("5,576");
    await typeInto(RAISE, "=3%+0.5%");
    await expect.poll(() => valueCell(RAISE).innerText()).toBe("3.5%");
    await screenshots("inputs-formulas");
  });

  it("a formula's result is validated and a formula it cannot read is named; the typed text stays in the editor", async () => {
    await typeInto(RAISE, "=3+0.5");
    await expect.poll(() => page.locator('[data-testid="message-text"]').innerText()).toContain("=3+0.5 gives 350% is above 100%");
    await expect.poll(() => editor().inputValue()).toBe("=3+0.5");
    await page.keyboard.press("Escape");
    await typeInto(SALARY, "=SUM(1,2)");
    await expect.poll(() => page.locator('[data-testid="message-text"]').innerText()).toContain('"SUM(" is not understood');
    await expect.poll(() => editor().inputValue()).toBe("=SUM(1,2)");
    // Corrected in place: select all, type the fix, Enter.
    await page.keyboard.press("Control+A");
    await page.keyboard.type("=1+2");
    await page.keyboard.press("Enter");
    await expect.poll(() => valueCell(SALARY).innerText()).toBe("$3");
  });
});

describe("messages", () => {
  it("speak in the units typed, and the rejected text stays in the editor for correction", async () => {
    await typeInto(RAISE, "-500%");
    const text = page.locator('[data-testid="message-text"]');
    await expect.poll(() => text.innerText()).toContain("-500% is below -100%");
    expect(await text.innerText()).not.toContain("0.03");
    await expect.poll(() => editor().inputValue()).toBe("-500%");
    await screenshots("inputs-rejected");
    await page.keyboard.press("Escape");
    await typeInto(MEMBERS, "1e400");
    await expect.poll(() => text.innerText()).toContain("1e400 is too large");
    await page.keyboard.press("Escape");
  });

  it("clear when another scenario is picked; the title has no stray marks; one New button", async () => {
    await expect(page.locator('[data-testid="message-bar"]').count()).resolves.toBe(1);
    await expect.poll(() => page.title()).toBe("FIS as published (copy) (unsaved changes) — Fiscal Impact Studio");
    await page.locator('[data-testid="scenario-item"]', { hasText: "Contract terms as stated" }).click();
    await expect.poll(() => page.locator('[data-testid="message-bar"]').count()).toBe(0);
    await expect.poll(() => page.title()).toBe("Contract terms as stated — Fiscal Impact Studio");
    expect(await page.getByRole("button", { name: "New", exact: true }).count()).toBe(1);
    expect(main.errors).toEqual([]);
  });
});

describe("schedule-method assumptions", () => {
  it("are inputs marked ASSUMED under a banner that links to them", async () => {
    const { page: p, errors, close } = await app.open();
    await p.locator('[data-testid="fis-grid"] [row-id=totalCost]').waitFor();
    await p.click('[data-testid="tab-inputs"]');
    expect(await p.locator('[data-testid="assumptions-banner"]').count()).toBe(0);
    await p.locator('[data-testid="setting-salaryMethod"]').selectOption("schedule");
    const banner = p.locator('[data-testid="assumptions-banner"]');
    await expect.poll(() => banner.innerText()).toContain("Schedule-method totals are illustrative");
    expect(await banner.innerText()).toContain("separation rate, share held on step, placement of replacements and step date are ASSUMED");
    for (const path of ["scheduleMethod.separationRate", "scheduleMethod.heldShare"]) {
      await showInputRow(p, path);
      const source = p.locator(`.inputs-grid [row-id="${path}"] [col-id="source"]`);
      await source.waitFor();
      expect(await source.innerText(), path).toMatch(/^ASSUMED: /);
      expect(await source.getAttribute("class"), path).toContain("source-assumed");
    }
    // The link scrolls the grid to the row itself: start from the top, with the row out of the DOM.
    await p.locator('[data-testid="inputs-grid"] .ag-grid-viewport').evaluate((v) => (v.scrollTop = 0));
    await expect.poll(() => p.locator('.inputs-grid [row-id="scheduleMethod.separationRate"]').count()).toBe(0);
    await p.locator('[data-testid="assumptions-jump"]').click();
    await p.locator('.inputs-grid [row-id="scheduleMethod.separationRate"] [col-id="value"].ag-cell-focus').waitFor({ timeout: 5000 });
    for (const [width, height] of [
      [1280, 720],
      [1440, 900],
    ] as const) {
      await p.setViewportSize({ width, height });
      await p.waitForTimeout(300);
      await p.screenshot({ path: `${shots}inputs-schedule-assumptions-${width}x${height}.png` });
    }
    await p.setViewportSize({ width: 1500, height: 950 });

    // Edited, an assumption is no longer assumed and leaves the banner's list.
    await p.locator('.inputs-grid [row-id="scheduleMethod.separationRate"] [col-id="value"]').click();
    await p.keyboard.type("8");
    await p.locator(".inputs-grid .ag-cell-inline-editing input").waitFor();
    await p.keyboard.type("%");
    await p.keyboard.press("Enter");
    await expect.poll(() => banner.innerText()).toContain("the share held on step, placement of replacements and step date are ASSUMED");
    expect(errors).toEqual([]);
    await close();
  });
});
