/**
 * Compare in Chromium, as an analyst uses it: raise FY2026 to 4% on the published scenario, open
 * Compare, and read what the raise adds to every cell against the engine; add FY2027 at 4% and
 * see the interaction (the raise on the raise) appear, by hand; a built-in is never compared with
 * itself. Screenshots of the tab at 1280x720 and 1440x900, checked for cut-off cells and internal names.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Exact } from "../../model/engine/analysis/attribution";
import { computeTable } from "../../model/engine/compute";
import { Decimal } from "../../model/engine/decimal";
import { formatDisplayed, toDisplay } from "../../model/engine/index";
import { listInputs, setInputValue } from "../../model/engine/scenario/paths";
import { fisAsPublished } from "../../model/built-ins";
import { COLUMNS, fisCell } from "./cells";
import { chooseFile, shots, startApp, type App } from "./harness";

const raisePath = (fy: number) => listInputs(fisAsPublished()).find((e) => e.param.label === `FY${fy} base salary increase`)!.path;

let app: App;
let page: Page;
let errors: string[];

const byTestId = (id: string) => page.locator(`[data-testid="${id}"]`);

async function tab(id: string) {
  await page.click(`[data-testid="tab-${id}"]`);
}

async function typeInto(path: string, text: string) {
  await page.locator(`.inputs-grid [row-id="${path}"] [col-id="value"]`).click();
  await page.keyboard.type(text.slice(0, 1));
  await page.locator(".inputs-grid .ag-cell-inline-editing input").waitFor();
  await page.keyboard.type(text.slice(1));
  await page.keyboard.press("Enter");
}

/** The attribution table of the first pair: each row's label and its unrounded dollars by column. */
async function readAttribution(): Promise<{ label: string; exact: Record<string, string>; text: Record<string, string> }[]> {
  const table = byTestId("attribution-table").first();
  await table.waitFor();
  return table.locator("tbody tr").evaluateAll(
    (rows, columns) =>
      rows.map((tr) => {
        const cells = [...tr.querySelectorAll("td")];
        return {
          label: tr.querySelector("th")!.textContent!.trim(),
          exact: Object.fromEntries(cells.map((td, i) => [columns[i]!, td.getAttribute("data-exact") ?? ""])),
          text: Object.fromEntries(cells.map((td, i) => [columns[i]!, td.textContent!.trim()])),
        };
      }),
    COLUMNS,
  );
}

/** What the panel should show for a cell: the engine's difference, rounded on its own to $K. */
const shown = (d: Decimal) =>
  d.isZero() ? "–" : formatDisplayed(toDisplay(d, { unit: "thousands", decimals: 0, rounding: "halfUp" }), 0, true);

beforeAll(async () => {
  app = await startApp();
  const opened = await app.open();
  page = opened.page;
  errors = opened.errors;
  await fisCell(page, "costFundedByWia", "Total").waitFor();
});

afterAll(async () => {
  await app?.close();
});

describe("compare: what each difference adds", () => {
  it("a built-in opens against the other built-in, never against itself", async () => {
    await tab("compare");
    await byTestId("attribution-table").first().waitFor();
    expect(await byTestId("compare-baseline").inputValue()).toBe("stated");
    await expect(byTestId("compare-pair").first().locator(":scope > summary").innerText()).resolves.toBe(
      "What makes “FIS as published” differ from “Contract terms as stated”",
    );
    await byTestId("attribution-waterfall").first().locator(".recharts-bar-rectangle").first().waitFor();
    await page.screenshot({ path: `${shots}compare-built-ins.png`, fullPage: true });
  });

  it("FY2026 at 4%: the one difference adds exactly the engine's change to every cell of TOTAL COST", async () => {
    await tab("inputs");
    await typeInto(raisePath(2026), "4%");
    await expect.poll(() => byTestId("active-scenario").innerText()).toContain("FIS as published (copy)");
    await tab("compare");
    await expect
      .poll(() => byTestId("compare-pair").first().locator(":scope > summary").innerText())
      .toBe("What makes “FIS as published (copy)” differ from “FIS as published”");
    const base = computeTable(fisAsPublished());
    const raised = computeTable(setInputValue(fisAsPublished(), raisePath(2026), "0.04"));
    const change = (c: string) =>
      raised.lines.find((l) => l.id === "totalCost")!.cells[c]!.exact.minus(base.lines.find((l) => l.id === "totalCost")!.cells[c]!.exact);
    await expect
      .poll(async () => (await readAttribution()).map((r) => r.label))
      .toEqual(["FY2026 base salary increase: 3% → 4%", "Interaction (only together)", "Total difference"]);
    const [raise, interaction, total] = await readAttribution();
    for (const c of COLUMNS) {
      expect(new Exact(total!.exact[c]!).equals(change(c)), c).toBe(true);
      expect(new Exact(raise!.exact[c]!).plus(interaction!.exact[c]!).equals(total!.exact[c]!), c).toBe(true);
      expect(raise!.text[c]).toBe(shown(change(c)));
    }
    // By hand: P x 1.02 x 0.01 x 1.0145 = 608,048,184 x 0.0102 x 1.0145 = 6,292,021.8032136 -> $6,292K.
    expect(raise!.exact.FY2026).toBe("6292021.8032136");
    expect(raise!.text.FY2026).toBe("$6,292");
    expect(interaction!.text.FY2026).toBe("–");
    expect(errors).toEqual([]);
  });

  it("FY2027 at 4% too: the raise on the raise shows as the interaction, P x 1.02 x 0.0001 x 1.0145 in FY2027", async () => {
    await tab("inputs");
    await typeInto(raisePath(2027), "4%");
    await tab("compare");
    await expect.poll(async () => (await readAttribution()).length).toBe(4);
    const rows = await readAttribution();
    expect(rows.map((r) => r.label)).toEqual([
      "FY2026 base salary increase: 3% → 4%",
      "FY2027 base salary increase: 3% → 4%",
      "Interaction (only together)",
      "Total difference",
    ]);
    // 608,048,184 x 1.02 x 0.0001 = 62,020.914768; x 1.0145 (Medicare) = 62,920.218032136
    expect(rows[2]!.exact.FY2027).toBe("62920.218032136");
    expect(rows[2]!.text.FY2027).toBe("$63");
    for (const c of COLUMNS) {
      const sum = rows.slice(0, 3).reduce((acc, r) => acc.plus(r.exact[c]!), new Exact(0));
      expect(sum.equals(rows[3]!.exact[c]!), c).toBe(true);
    }
    const both = computeTable(setInputValue(setInputValue(fisAsPublished(), raisePath(2026), "0.04"), raisePath(2027), "0.04"));
    const base = computeTable(fisAsPublished());
    const total = both.lines
      .find((l) => l.id === "totalCost")!
      .cells.Total!.exact.minus(base.lines.find((l) => l.id === "totalCost")!.cells.Total!.exact);
    expect(new Exact(rows[3]!.exact.Total!).equals(total)).toBe(true);

    await page.selectOption('[data-testid="attribution-units"]', "dollars");
    await expect.poll(async () => (await readAttribution())[2]!.text.FY2027).toBe("$62,920.22");
    await page.selectOption('[data-testid="attribution-units"]', "thousands");
  });

  it("the waterfall runs from the baseline total through each difference and the interaction to the scenario total, in words", async () => {
    const chart = byTestId("attribution-waterfall").first();
    await chart.locator(".recharts-bar-rectangle").first().waitFor();
    const text = await chart.innerText();
    for (const label of [
      "FIS as published (baseline)",
      "FY2026 base salary increase",
      "Interaction (only together)",
      "FIS as published (copy)",
    ])
      expect(text.replace(/\s+/g, " ")).toContain(label);
    // Four-year TOTAL COST: $238,980K published; the scenario's from the engine.
    expect(text).toContain("$238,980");
    expect(await chart.locator(".recharts-bar-rectangle").count()).toBe(5);
  });

  it("the Shapley view shares the interaction out evenly between the two symmetric raises", async () => {
    await page.selectOption('[data-testid="attribution-view"]', "shapley");
    await expect.poll(() => byTestId("attribution-method").first().innerText()).toContain("exact, 4 costings");
    const rows = await readAttribution();
    // Each raise alone in FY2027: P x 1.02 x 1.03 x 0.01 x 1.0145 = 6,480,782.457310008; plus half of 62,920.218032136.
    expect(rows[0]!.exact.FY2027).toBe("6512242.566326076");
    expect(rows[1]!.exact.FY2027).toBe("6512242.566326076");
    await page.selectOption('[data-testid="attribution-view"]', "alone");
  });

  it("fits at 1280x720 and 1440x900: no cut-off cell, no internal name", async () => {
    for (const [width, height] of [
      [1280, 720],
      [1440, 900],
    ] as const) {
      await page.setViewportSize({ width, height });
      await byTestId("attribution-table").first().scrollIntoViewIfNeeded();
      const clipped = await page
        .locator(".compare-table th, .compare-table td")
        .evaluateAll((cells) => cells.filter((c) => c.scrollWidth > c.clientWidth + 1).map((c) => c.textContent));
      expect(clipped).toEqual([]);
      await page.screenshot({ path: `${shots}compare-attribution-${width}x${height}.png` });
      await byTestId("attribution-waterfall").first().scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${shots}compare-waterfall-${width}x${height}.png` });
    }
    const text = await byTestId("compare-panel").innerText();
    expect(text).not.toMatch(/items\.|steps\.|settings\.|baseSalary|totalCost|localPortion|costFundedByWia/);
    expect(errors).toEqual([]);
  });
});

describe("compare: two agreements of other years and units", () => {
  it("shows each side's years, no figure where a side has none, and the dollars one converted to the base's $ thousands", async () => {
    const other = await app.open({ context: { viewport: { width: 1280, height: 720 } } });
    try {
      const p = other.page;
      await fisCell(p, "costFundedByWia", "Total").waitFor();
      // A West Virginia fiscal note: FY2015-FY2016 and Annualized, printed in whole dollars.
      await chooseFile(p, "file-open", "examples/wv-2015-hb2043-state-employees/scenario.json");
      await p.locator('[data-testid="scenario-list"] >> text=WV HB2043').first().waitFor();
      await p.click('[data-testid="tab-compare"]');
      // Against itself as opened: its differences are offered in its own unit first.
      await expect.poll(() => p.locator('[data-testid="attribution-units"]').first().inputValue()).toBe("dollars");
      await p.selectOption('[data-testid="compare-baseline"]', { label: "FIS as published" });
      const labels = await p
        .locator('[data-testid="compare-pick"]')
        .evaluateAll((els) => els.map((e) => e.parentElement!.textContent ?? ""));
      const i = labels.findIndex((l) => l.includes("WV HB2043") && !l.includes("as opened"));
      await p.locator('[data-testid="compare-pick"]').nth(i).check();
      const table = p.locator('[data-testid="compare-table"]');
      await table.waitFor();
      await expect
        .poll(() => p.locator('[data-testid="compare-converted"]').innerText())
        .toMatch(/^“WV HB2043 \(2015\): .*” is printed in dollars; here it is in \$ thousands, rounded from its unrounded figures\.$/);
      // The pair is new with the new baseline: it starts in the baseline's $ thousands, and its axis says so.
      await expect.poll(() => p.locator('[data-testid="attribution-units"]').first().inputValue()).toBe("thousands");
      const heads = await table.locator("thead th.year-head").allInnerTexts();
      expect(heads).toEqual(expect.arrayContaining(["FY 2025", "FY 2015", "Annualized"]));
      await p.locator('[data-testid="compare-converted"]').scrollIntoViewIfNeeded();
      await p.screenshot({ path: `${shots}compare-other-agreement-1280x720.png` });
      expect(other.errors).toEqual([]);
    } finally {
      await other.close();
    }
  });
});
