/**
 * The Analysis screen and cost lines in Chromium, checked against the engine: cost of 1%, the
 * tornado and two-way table (computed in the Web Worker), goal seek to a new scenario, retro pay,
 * then a cost line added, checked, removed and brought back with undo.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { costOfOnePercent, goalSeekRaise, retroPay, tornado, twoWayTable } from "../../model/engine/analysis";
import { computeTable, type TableResult } from "../../model/engine/compute";
import { Decimal } from "../../model/engine/decimal";
import { addCostLine } from "../../model/engine/scenario/cost-lines";
import { fisAsPublished } from "../../model/built-ins";
import type { Scenario } from "../../model/engine/scenario/types";
import { byTestId, expectedLine, fisCell, readLine as readGridLine, thousands } from "./cells";
import { shots, startApp, type App, type OpenPage } from "./harness";

let app: App;
let main: OpenPage;
let page: Page;

const k = (d: Decimal) => Number(d.toString());
const tid = (id: string) => byTestId(page, id);
const cell = (line: string, column: string) => fisCell(page, line, column);
const lineOf = (r: TableResult, id: string) => r.lines.find((l) => l.id === id)!;
const readLine = (line: string) => readGridLine(page, line);

beforeAll(async () => {
  app = await startApp();
  main = await app.open();
  page = main.page;
  await cell("totalCost", "Total").waitFor();
});

afterAll(async () => {
  await app?.close();
});

describe("the Analysis screen on FIS as published", () => {
  const reference = fisAsPublished();

  it("cost of 1%: each year's own-year and all-years cost, as the engine has it, explained on click", async () => {
    await tid("tab-analysis").click();
    const engine = costOfOnePercent(reference);
    const fy2028 = engine.onePercent.find((m) => m.fiscalYear === 2028)!;
    const own = tid("c1-percent-FY2028-own");
    await own.waitFor({ timeout: 20_000 });
    expect(await own.getAttribute("data-exact")).toBe(fy2028.cells.FY2028!.toString());
    expect(thousands(await own.innerText())).toBe(k(fy2028.display.FY2028!));
    for (const m of engine.onePercent) {
      expect(thousands(await tid(`c1-percent-FY${m.fiscalYear}-all`).innerText())).toBe(k(m.display.Total!));
    }
    const flat = engine.flatPerMember.find((m) => m.fiscalYear === 2026)!;
    expect(thousands(await tid("c1-flat-FY2026-own").innerText())).toBe(k(flat.display.FY2026!));
    await own.click();
    // At a glance: what the point of raise adds to each line; the tree below names the change it explains.
    await expect.poll(() => tid("explain-parts").innerText()).toContain("Base Salary Increases");
    await tid("explain-tree").locator("> summary").click();
    await expect.poll(() => tid("explain-panel").innerText()).toContain("TOTAL COST FY2028 change");
  });

  it("tornado: rendered in the worker, first bar = the engine's largest swing, with its step", async () => {
    const engine = tornado(reference);
    const first = tid("tornado-row").first();
    await first.waitFor({ timeout: 20_000 });
    expect(await first.getAttribute("data-path")).toBe(engine.bars[0]!.path);
    expect(await first.getAttribute("data-swing")).toBe(engine.bars[0]!.swing.toString());
    expect(await first.innerText()).toContain("±1 point");
    await page.locator('[data-testid="tornado"] .recharts-bar-rectangle').first().waitFor();
    // The chart's first (top) category is the same input.
    const ticks = await page
      .locator('[data-testid="tornado"] .recharts-yAxis-tick-labels .recharts-cartesian-axis-tick-value')
      .evaluateAll((els) => els.map((e) => ({ y: Number(e.getAttribute("y")), text: e.textContent ?? "" })).sort((a, b) => a.y - b.y));
    // A long label wraps into several tspans; compare without the spaces between them.
    expect(ticks[0]!.text.replace(/\s/g, "")).toContain(engine.bars[0]!.label.replace(/\s/g, ""));
    expect(await tid("timing-tornado").getAttribute("data-where")).toBe("worker");
  });

  it("tornado: every axis tick and the tooltip in $ thousands, named, negatives in parentheses", async () => {
    const ticks = await page
      .locator('[data-testid="tornado"] .recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value')
      .allTextContents();
    console.log(`tornado ticks: ${ticks.join(" | ")}`);
    expect(ticks.length).toBeGreaterThan(2);
    // The table is in $ thousands: "($20,000K)", "$0K", "$10,000K".
    for (const t of ticks) expect(t).toMatch(/^(\$[\d,]+K|\(\$[\d,]+K\))$/);
    expect(ticks.some((t) => t.startsWith("("))).toBe(true);
    // The top bar's tooltip: the engine's own swing for the input moved down, exact dollars shown in $ thousands to one decimal.
    const engine = tornado(reference);
    const down = engine.bars[0]!.total.low.minus(engine.baseTotal).div(1000).toDecimalPlaces(1, Decimal.ROUND_HALF_UP);
    const want = down.isNegative() ? `($${down.abs().toFixed(1)} thousand)` : `+$${down.toFixed(1)} thousand`;
    await page.locator('[data-testid="tornado"] .recharts-bar-rectangle').first().hover();
    const tip = page.locator('[data-testid="tornado"] .recharts-tooltip-wrapper');
    await expect.poll(() => tip.innerText()).toContain("input moved down");
    expect((await tip.innerText()).replace(/,/g, "")).toContain(want);
    await page.locator('[data-testid="tornado"]').scrollIntoViewIfNeeded();
    for (const [width, height] of [
      [1280, 720],
      [1440, 900],
    ] as const) {
      await page.setViewportSize({ width, height });
      await page.locator('[data-testid="tornado"]').scrollIntoViewIfNeeded();
      await page.waitForTimeout(300);
      await page.screenshot({ path: `${shots}tornado-${width}x${height}.png` });
    }
    await page.setViewportSize({ width: 1500, height: 950 });
  });

  it("two-way table: 21 x 21, the (3%, 3%) cell is the reference four-year total, outlined", async () => {
    const at = page.locator('[data-testid="twoway-cell"][data-row="0.03"][data-col="0.03"]');
    await at.waitFor({ timeout: 20_000 });
    expect(await page.locator('[data-testid="twoway-cell"]').count()).toBe(441);
    expect(await at.innerText()).toBe("238,980");
    expect(await at.getAttribute("class")).toContain("ref-cell");
    const engine = twoWayTable(reference, { rowYear: 2026, columnYear: 2027 });
    expect(await page.locator('[data-testid="twoway-cell"][data-row="0.1"][data-col="0"]').getAttribute("data-exact")).toBe(
      engine.values[20]![0]!.toString(),
    );
    expect(await tid("timing-twoWay").getAttribute("data-where")).toBe("worker");
    const ms = {
      tornado: Number(await tid("timing-tornado").getAttribute("data-ms")),
      twoWay: Number(await tid("timing-twoWay").getAttribute("data-ms")),
      costOfOnePercent: Number(await tid("timing-costOfOnePercent").getAttribute("data-ms")),
    };
    console.log(`worker times (ms): ${JSON.stringify(ms)}`);
  });

  it("retro pay: approval date + 120 days, the lump sum by fiscal year of payment", async () => {
    await tid("retro-approved").fill("2025-03-03");
    const engine = retroPay(reference, { approved: "2025-03-03" });
    if (!engine.ok) throw new Error(engine.message);
    await expect.poll(() => tid("retro-implementation").innerText()).toBe(engine.value.implementation);
    expect(await tid("retro-paid-fy").innerText()).toBe(`FY${engine.value.paidInFiscalYear}`);
    expect(await tid("retro-total").getAttribute("data-exact")).toBe(engine.value.total.toString());
    await tid("retro-lag").fill("400");
    const later = retroPay(reference, { approved: "2025-03-03", implementationLagDays: 400 });
    if (!later.ok) throw new Error(later.message);
    await expect.poll(() => tid("retro-total").getAttribute("data-exact")).toBe(later.value.total.toString());
    await tid("retro-lag").fill("120");
    await page.screenshot({ path: `${shots}09-analysis.png`, fullPage: true });
    await tid("twoway").screenshot({ path: `${shots}09b-two-way.png` });
  });

  it("goal seek with no answer says why in the table's unit, as the limit was typed, and names the line by its label", async () => {
    await page.selectOption('[data-testid="goal-raise"]', "all");
    await page.selectOption('[data-testid="goal-line"]', "totalCost");
    await page.selectOption('[data-testid="goal-limit-kind"]', "amount");
    await tid("goal-amount").fill("1,000");
    await page.selectOption('[data-testid="goal-scope"]', "total");
    await tid("goal-solve").click();
    const error = page.locator('[data-testid="goal-error"]');
    await error.waitFor({ timeout: 20_000 });
    expect(await error.innerText()).toMatch(
      new RegExp(
        "^No answer: even a 0\\.00% uniform raise \\(same percent every year\\) breaks TOTAL COST <= \\$1,000\\.0 thousand " +
          "over the total of all years: the total is \\$\\d{2,3},\\d{3}\\.\\d thousand over\\.$",
      ),
    );
    await page.setViewportSize({ width: 1280, height: 720 });
    await tid("goal-seek").screenshot({ path: `${shots}09c-goal-no-answer-1280x720.png` });
    await page.setViewportSize({ width: 1440, height: 900 });
    await tid("goal-seek").screenshot({ path: `${shots}09c-goal-no-answer-1440x900.png` });
    await page.setViewportSize({ width: 1500, height: 950 });
  });

  it("goal seek: total cost <= $200,000K over four years gives 2.10%, and Create scenario adds it", async () => {
    await page.selectOption('[data-testid="goal-raise"]', "all");
    await page.selectOption('[data-testid="goal-line"]', "totalCost");
    await page.selectOption('[data-testid="goal-limit-kind"]', "amount");
    await tid("goal-amount").fill("200,000");
    await page.selectOption('[data-testid="goal-scope"]', "total");
    await tid("goal-solve").click();
    await expect.poll(() => tid("goal-answer").innerText(), { timeout: 20_000 }).toBe("2.10%");
    expect(await tid("goal-binding").innerText()).toBe("the all-years total");
    expect(await tid("goal-trace").innerText()).toMatch(/\d+ costings, bisection over 0\.00%–50\.00%/);
    await tid("goal-create").click();
    await expect.poll(() => tid("active-scenario").innerText()).toContain("Goal seek: uniform raise 2.10%");
    await tid("tab-table").click();
    const solved = goalSeekRaise(reference, {
      raise: "all",
      constraint: { lineId: "totalCost", limit: { kind: "amount", dollars: new Decimal(200_000_000) }, scope: "total" },
    });
    if (!solved.ok) throw new Error(solved.message);
    const total = await readLine("totalCost");
    expect(total.Total).toBeLessThanOrEqual(200_000);
    expect(total).toEqual(expectedLine(computeTable(solved.scenario), "totalCost"));
  });
});

describe("cost lines in the app", () => {
  let solved: Scenario;
  let withFica: Scenario;
  beforeAll(() => {
    const r = goalSeekRaise(fisAsPublished(), {
      raise: "all",
      constraint: { lineId: "totalCost", limit: { kind: "amount", dollars: new Decimal(200_000_000) }, scope: "total" },
    });
    if (!r.ok) throw new Error(r.message);
    solved = r.scenario;
    const added = addCostLine(solved, {
      label: "FICA 7.65% on base salary",
      item: { kind: "payRate", rate: "0.0765", appliesTo: ["baseSalary"], startFiscalYear: 2027 },
    });
    if (!added.ok) throw new Error(added.errors[0]!.message);
    withFica = added.scenario;
  });

  it("adds FICA 7.65% on base salary from FY2027: a new line before TOTAL COST, totals as computeTable has them", async () => {
    await tid("tab-inputs").click();
    await tid("cost-line-add-open").click();
    await tid("cl-label").fill("FICA 7.65% on base salary");
    await page.selectOption('[data-testid="cl-kind"]', "payRate");
    await tid("cl-rate").fill("7.65%");
    await page.locator('[data-testid="cl-applies"][data-item="baseSalary"]').check();
    await page.selectOption('[data-testid="cl-start"]', "2027");
    await tid("cl-add").click();
    await expect.poll(() => tid("message-text").innerText()).toContain('Added the line "FICA 7.65% on base salary"');
    // Its input is an ordinary, editable input row.
    await expect.poll(() => page.locator('.inputs-grid [row-id="items.ficaOnBaseSalary.rate"] [col-id="value"]').innerText()).toBe("7.65%");
    // Rows inserted into the grid slide into place; let them settle for the picture.
    await page.waitForTimeout(500);
    await page.screenshot({ path: `${shots}10-cost-lines.png` });

    await tid("tab-table").click();
    const want = computeTable(withFica);
    expect(await readLine("ficaOnBaseSalary")).toEqual(expectedLine(want, "ficaOnBaseSalary"));
    expect(await readLine("totalCost")).toEqual(expectedLine(want, "totalCost"));
    expect(lineOf(want, "ficaOnBaseSalary").cells.FY2026!.exact.isZero()).toBe(true);
    const rows = await page
      .locator('[data-testid="fis-grid"] [row-id][row-index]')
      .evaluateAll((els) =>
        [...new Map(els.map((e) => [Number(e.getAttribute("row-index")), e.getAttribute("row-id")])).entries()]
          .sort((a, b) => a[0] - b[0])
          .map((e) => e[1]),
      );
    expect(rows.indexOf("ficaOnBaseSalary")).toBe(rows.indexOf("totalCost") - 1);
    await page.screenshot({ path: `${shots}10b-cost-line-table.png` });
  });

  it("removes it (with confirmation) and undo brings it back", async () => {
    await tid("tab-inputs").click();
    await page.locator('[data-testid="cost-line-remove"][data-line="ficaOnBaseSalary"]').click();
    await tid("cost-line-confirm").click();
    await expect.poll(() => tid("message-text").innerText()).toContain('Removed the line "FICA 7.65% on base salary"');
    await tid("tab-table").click();
    await expect.poll(() => cell("ficaOnBaseSalary", "Total").count()).toBe(0);
    expect(await readLine("totalCost")).toEqual(expectedLine(computeTable(solved), "totalCost"));
    await tid("undo").click();
    await expect.poll(() => cell("ficaOnBaseSalary", "Total").count()).toBe(1);
    expect(await readLine("totalCost")).toEqual(expectedLine(computeTable(withFica), "totalCost"));
    expect(main.errors).toEqual([]);
  });

  it("adds an amount stated once, recurring each later year and growing 2%: the table as computeTable has it", async () => {
    const spec = {
      label: "Coaching stipends",
      item: { kind: "fixedAmounts" as const, amounts: { FY2026: "100000" }, recurring: true, growthRate: "0.02" },
    };
    const want = addCostLine(withFica, spec);
    if (!want.ok) throw new Error(want.errors[0]!.message);
    // Hand figures: 100,000 in FY2026, x 1.02 = 102,000 in FY2027, x 1.02 = 104,040 in FY2028.
    expect(
      ["FY2026", "FY2027", "FY2028"].map((fy) => lineOf(computeTable(want.scenario), want.lineId).cells[fy]!.exact.toString()),
    ).toEqual(["100000", "102000", "104040"]);
    await tid("tab-inputs").click();
    if (!(await tid("cl-label").isVisible())) await tid("cost-line-add-open").click();
    await tid("cl-label").fill(spec.label);
    await page.selectOption('[data-testid="cl-kind"]', "fixedAmounts");
    await tid("cl-amount-FY2026").fill("100,000");
    await tid("cl-recurring").check();
    await tid("cl-growth").fill("2%");
    for (const [width, height] of [
      [1280, 720],
      [1440, 900],
    ] as const) {
      await page.setViewportSize({ width, height });
      await tid("cost-line-form").scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${shots}10c-cost-line-recurring-${width}x${height}.png` });
    }
    await page.setViewportSize({ width: 1500, height: 950 });
    await tid("cl-add").click();
    await expect.poll(() => tid("message-text").innerText()).toContain('Added the line "Coaching stipends"');
    await expect
      .poll(() => page.locator(`.inputs-grid [row-id="items.${want.lineId}.growthRate"] [col-id="value"]`).innerText())
      .toBe("2%");
    await tid("tab-table").click();
    expect(await readLine(want.lineId)).toEqual(expectedLine(computeTable(want.scenario), want.lineId));
    expect(await readLine("totalCost")).toEqual(expectedLine(computeTable(want.scenario), "totalCost"));
    expect(main.errors).toEqual([]);
  });
});

describe("without Web Workers", () => {
  it("the analyses run on the main thread instead, with the same answers", async () => {
    const { page: p, errors, close } = await app.open({ withoutWorkers: true });
    await p.locator('[data-testid="tab-analysis"]').click();
    const at = p.locator('[data-testid="twoway-cell"][data-row="0.03"][data-col="0.03"]');
    await at.waitFor({ timeout: 20_000 });
    expect(await at.innerText()).toBe("238,980");
    expect(await p.locator('[data-testid="timing-twoWay"]').getAttribute("data-where")).toBe("main thread");
    await p.locator('[data-testid="tornado-row"]').first().waitFor();
    expect(await p.locator('[data-testid="tornado-row"]').first().getAttribute("data-path")).toBe(tornado(fisAsPublished()).bars[0]!.path);
    expect(errors).toEqual([]);
    await close();
  });
});
