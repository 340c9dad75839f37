/**
 * Every scenario in examples/ (DC's and other governments' fiscal notes) opens in the app and
 * shows each screen without a screen error or a page error, at 1280x720: a fiscal note whose table
 * has no total column, a group stating only its headcount or an agreement with no raises item once
 * broke the Charts screen and the analyses (the Charts screen ranked its lines by a Total cell the
 * table did not have). The Analysis screen says why an analysis does not apply instead of showing
 * zeros, and its goal seek offers the scenario's own lines in the table's unit.
 */
import { readdirSync, readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fisCell } from "./cells";
import { chooseFile, root, startApp, type App } from "./harness";

let app: App;
let page: Page;
let errors: string[];
const tid = (id: string) => page.locator(`[data-testid="${id}"]`);

const EXAMPLES = readdirSync(`${root}examples`, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap((d) =>
    readdirSync(`${root}examples/${d.name}`)
      .filter((f) => f.endsWith(".json"))
      .map((f) => `examples/${d.name}/${f}`),
  );
const TABS = ["table", "inputs", "census", "compare", "charts", "analysis"] as const;

/** Opens a scenario file and waits until it is the active scenario (the same name may be open already: a copy is numbered). */
async function open(file: string) {
  const name = (JSON.parse(readFileSync(`${root}${file}`, "utf8")) as { name: string }).name;
  const before = await tid("active-scenario").innerText();
  await tid("tab-table").click();
  await chooseFile(page, "file-open", `${root}${file}`);
  await expect
    .poll(async () => {
      const now = await tid("active-scenario").innerText();
      return now !== before && now.startsWith(name);
    })
    .toBe(true);
}

beforeAll(async () => {
  app = await startApp();
  const opened = await app.open({ context: { viewport: { width: 1280, height: 720 } } });
  page = opened.page;
  errors = opened.errors;
  await fisCell(page, "costFundedByWia", "Total").waitFor();
});

afterAll(async () => {
  await app?.close();
});

describe("every example scenario, every screen", () => {
  it("finds the examples (DC's and at least six other governments')", () => {
    expect(EXAMPLES.filter((f) => !f.includes("dc-dcps")).length).toBeGreaterThanOrEqual(6);
  });

  for (const file of EXAMPLES)
    it(`${file}: opens, and no screen shows an error`, async () => {
      await open(file);
      for (const tab of TABS) {
        await tid(`tab-${tab}`).click();
        await page.waitForTimeout(tab === "analysis" || tab === "charts" ? 400 : 100);
        expect(await tid("screen-error").count(), `${file}: the ${tab} screen`).toBe(0);
      }
      expect(errors, file).toEqual([]);
    });
});

describe("analyses that do not apply say why", () => {
  it("a fiscal note with a headcount only and no total column: no cost-of-1% row, the reason, and the flat $1,000 row", async () => {
    await open("examples/wv-2022-hb4538-state-police/scenario.json");
    await tid("tab-analysis").click();
    // 618 troopers x $1,000 x (1 + 20% retirement + 1.45% Medicare + 1% PEIA) = $756,741 from FY2023 (the agreement starts July 2022).
    await expect.poll(() => tid("c1-flat-FY2023-own").innerText()).toBe("$756,741");
    expect(await tid("c1-percent-FY2023-own").count()).toBe(0);
    expect(await tid("c1-flat-FY2022-own").count()).toBe(0);
    expect(await tid("c1-unavailable").innerText()).toBe(
      "+1 point of raise: no salaries to raise: Filled Trooper positions states a headcount only.",
    );
    // Goal seek holds the note's own lines, in its unit (dollars: no "thousand" after the amount).
    const lines = await tid("goal-line").locator("option").allInnerTexts();
    expect(lines[0]).toBe("1. Estmated Total Cost");
    expect(lines).not.toContain("Local portion");
    expect(await tid("goal-amount").getAttribute("aria-label")).toBe("Limit in dollars");
    // No implementation lag in this agreement: the retro card asks for one.
    expect(await tid("retro-lag").inputValue()).toBe("");
    expect(await tid("retro-error").innerText()).toContain("enter them");
  });

  it("an agreement with no raises item: the cost of 1% says there is no raise to add a point to", async () => {
    await open("examples/wy-2007-sf0165-retirement-contribution/scenario.json");
    await tid("tab-analysis").click();
    await expect.poll(() => page.locator(".analysis").innerText()).toContain("the scenario has no raises item");
    expect(await page.locator('[data-testid^="c1-percent-"]').count()).toBe(0);
  });
});
