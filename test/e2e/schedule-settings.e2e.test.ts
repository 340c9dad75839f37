/**
 * The schedule method's settings on the Inputs screen, in Chromium: the replacement step, lane,
 * years of service and step date are rows of the Schedule method section marked ASSUMED; the
 * replacement step edited to 3 moves the turnover line to the engine's value for the same
 * scenario, undo brings it back, a refused step says why, a lane is chosen from the schedules'
 * lanes, and the explain drawer's link to the entry placement lands on its row. Screenshots at
 * 1280x720 and 1440x900.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fisAsPublished } from "../../model/built-ins";
import { computeTable } from "../../model/engine/compute";
import { setSettingValue } from "../../model/engine/scenario/settings";
import { withScheduleMethod } from "../../model/engine/schedule/with-method";
import { expectedLine, showInputRow, thousands } from "./cells";
import { shots, startApp, type App } from "./harness";

const STEP = "scheduleMethod.entry.step";
const LANE = "scheduleMethod.entry.lane";
const TURNOVER = "baseSalaryIncreasesTurnover";

let app: App;
let page: Page;
let errors: string[];

const row = (path: string) => page.locator(`.inputs-grid [row-id="${path}"]`);
const valueCell = (path: string) => row(path).locator('[col-id="value"]');
const live = (line: string, column: string) => page.locator(`[data-testid="inputs-fis-grid"] [row-id="${line}"] [col-id="${column}"]`);
const liveK = async (line: string, column: string) => thousands(await live(line, column).innerText({ timeout: 2000 }));

/** The engine's $K for the turnover line with replacements entering at `step`, the app's switch to the schedule method done in Node. */
function engineTurnover(step: string): Record<string, number> {
  const s = withScheduleMethod(fisAsPublished());
  const r = setSettingValue(s, STEP, step);
  if (!r.ok) throw new Error(r.message);
  return expectedLine(computeTable(r.scenario), TURNOVER);
}

beforeAll(async () => {
  app = await startApp();
  const opened = await app.open();
  page = opened.page;
  errors = opened.errors;
  await page.locator('[data-testid="fis-grid"] [row-id=totalCost]').waitFor();
  await page.click('[data-testid="tab-inputs"]');
  await page.locator('[data-testid="setting-salaryMethod"]').selectOption("schedule");
  // The section's last row brings the whole Schedule method section into the grid's rendered rows.
  await showInputRow(page, "scheduleMethod.anniversary");
  await valueCell(STEP).waitFor();
});

afterAll(async () => {
  await app?.close();
});

describe("the schedule method's settings", () => {
  it("are rows of the Schedule method section after the held share, ASSUMED, with their values in words", async () => {
    await showInputRow(page, "scheduleMethod.anniversary");
    const labels = await page
      .locator('.inputs-grid [row-id^="scheduleMethod."] [col-id="label"]')
      .evaluateAll((cells) => cells.map((c) => (c.textContent ?? "").trim()));
    expect(labels).toEqual([
      "Annual separation rate",
      "Share held on step each year (Art. 36.6.1)",
      "Replacement step",
      "Replacement lane",
      "Replacement years of service",
      "Step date",
    ]);
    const values: string[] = [];
    for (const path of [STEP, LANE, "scheduleMethod.entry.yearsOfService", "scheduleMethod.anniversary"]) {
      values.push(await valueCell(path).innerText());
      const source = row(path).locator('[col-id="source"]');
      expect(await source.innerText(), path).toMatch(/^ASSUMED: /);
      expect(await source.getAttribute("class"), path).toContain("source-assumed");
      expect(await row(path).locator('[col-id="range"]').innerText(), path).toBe("not varied");
    }
    expect(values).toEqual(["1", "Bachelors", "1", "10-01"]);
    const banner = await page.locator('[data-testid="assumptions-banner"]').innerText();
    expect(banner).toContain("placement of replacements and step date are ASSUMED");
  });

  it("replacement step 3 moves the turnover line to the engine's value; undo restores it", async () => {
    const at1 = engineTurnover("1");
    const at3 = engineTurnover("3");
    // Dearer replacements save less: the FY2028 savings shrink (a smaller negative).
    expect(at3.FY2028).toBeGreaterThan(at1.FY2028!);
    await expect.poll(() => liveK(TURNOVER, "FY2028"), { timeout: 10000 }).toBe(at1.FY2028);
    await showInputRow(page, STEP);
    await valueCell(STEP).click();
    await page.keyboard.type("3");
    await page.locator(".inputs-grid .ag-cell-inline-editing input").waitFor();
    await page.keyboard.press("Enter");
    await expect.poll(() => valueCell(STEP).innerText()).toBe("3");
    await expect.poll(() => liveK(TURNOVER, "FY2028"), { timeout: 10000 }).toBe(at3.FY2028);
    expect(await row(STEP).locator('[col-id="source"]').innerText()).toContain("edited by you");
    expect(await row(STEP).locator('[col-id="edited"]').innerText()).toContain("edited");
    await shotsOf("inputs-schedule-settings");

    await showInputRow(page, STEP);
    await valueCell(STEP).click();
    await page.keyboard.press("Control+z");
    await expect.poll(() => valueCell(STEP).innerText()).toBe("1");
    await expect.poll(() => liveK(TURNOVER, "FY2028"), { timeout: 10000 }).toBe(at1.FY2028);
    expect(await row(STEP).locator('[col-id="source"]').innerText()).toMatch(/^ASSUMED: /);
  });

  it("a refused step says why in the user's terms and keeps the typed text for correction", async () => {
    await showInputRow(page, STEP);
    await valueCell(STEP).click();
    await page.keyboard.type("0");
    await page.locator(".inputs-grid .ag-cell-inline-editing input").waitFor();
    await page.keyboard.press("Enter");
    await expect
      .poll(() => page.locator('[data-testid="message-text"]').innerText())
      .toContain("Replacement step: step 0 is below 1; replacements enter at step 1 to 16");
    await expect.poll(() => page.locator(".inputs-grid .ag-cell-inline-editing input").inputValue()).toBe("0");
    await page.keyboard.press("Escape");
  });

  it("a lane is chosen from the schedules' lanes", async () => {
    const list = page.locator(".ag-select-list");
    const open = async () => {
      await showInputRow(page, LANE);
      await valueCell(LANE).click();
      // F2 opens the cell's editor (Enter moves down, as in a spreadsheet); its arrow opens the list of lanes.
      await page.keyboard.press("F2");
      await row(LANE).locator(".ag-cell-inline-editing .ag-picker-field-wrapper").click();
      await list.getByRole("option", { name: "Bachelors+15", exact: true }).waitFor();
    };
    for (const [w, h] of [
      [1280, 720],
      [1440, 900],
    ] as const) {
      await page.setViewportSize({ width: w, height: h });
      await showInputRow(page, "scheduleMethod.anniversary");
      await open();
      await page.screenshot({ path: `${shots}inputs-schedule-lane-list-${w}x${h}.png` });
      await page.keyboard.press("Escape");
      await page.keyboard.press("Escape");
    }
    await page.setViewportSize({ width: 1500, height: 950 });
    await open();
    expect((await list.getByRole("option").allTextContents()).map((t) => t.trim())).toEqual([
      "Bachelors",
      "Bachelors+15",
      "Bachelors+30/Masters",
      "Masters+30",
      "Masters+60/PhD",
    ]);
    await list.getByRole("option", { name: "Bachelors+15", exact: true }).click();
    await page.keyboard.press("Enter");
    await expect.poll(() => valueCell(LANE).innerText()).toBe("Bachelors+15");
    await page.keyboard.press("Control+z");
    await expect.poll(() => valueCell(LANE).innerText()).toBe("Bachelors");
  });

  it("the explain drawer's link to the entry placement lands on the replacement step's row", async () => {
    await page.click('[data-testid="tab-table"]');
    const cell = page.locator(`[data-testid="fis-grid"] [row-id="${TURNOVER}"] [col-id="FY2028"]`);
    await cell.click();
    const panel = page.locator('[data-testid="explain-panel"]');
    await expect.poll(() => panel.innerText()).toContain("Turnover");
    await openTree();
    await panel.locator('[data-testid="explain-input"][data-path="scheduleMethod.entry"]').first().click();
    await page.locator(`.inputs-grid [row-id="${STEP}"] [col-id="value"].ag-cell-focus`).waitFor({ timeout: 5000 });
    expect(errors).toEqual([]);
  });

  it("and the link to the step date, from the step line, lands on the Step date row", async () => {
    await page.click('[data-testid="tab-table"]');
    await page.locator('[data-testid="fis-grid"] [row-id="baseSalaryIncreasesSteps"] [col-id="FY2026"]').click();
    const panel = page.locator('[data-testid="explain-panel"]');
    await expect.poll(() => panel.innerText()).toContain("Step");
    await openTree();
    await panel.locator('[data-testid="explain-input"][data-path="scheduleMethod.anniversary"]').first().click();
    await page.locator('.inputs-grid [row-id="scheduleMethod.anniversary"] [col-id="value"].ag-cell-focus').waitFor({ timeout: 5000 });
    expect(errors).toEqual([]);
  });
});

/** Every level of the explain drawer's tree opened, so each input's link is on screen. */
async function openTree() {
  await page.evaluate(() =>
    document.querySelectorAll('[data-testid="explain-panel"] details').forEach((d) => ((d as HTMLDetailsElement).open = true)),
  );
}

async function shotsOf(name: string) {
  for (const [w, h] of [
    [1280, 720],
    [1440, 900],
  ] as const) {
    await page.setViewportSize({ width: w, height: h });
    await page.waitForTimeout(300);
    // The last setting in view brings the whole Schedule method section with it.
    await showInputRow(page, "scheduleMethod.anniversary");
    await page.screenshot({ path: `${shots}${name}-${w}x${h}.png` });
  }
  await page.setViewportSize({ width: 1500, height: 950 });
}
