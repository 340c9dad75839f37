/**
 * "New agreement…" in Chromium, as an analyst in another government starts one: the toolbar opens
 * an accessible modal dialog (named, focused, Tab kept inside, closed by Escape with focus back on the button);
 * the state fiscal note template, for FY2022-FY2023 with a July year, opens on the Inputs tab with
 * its two inputs to fill highlighted and listed; the table waits for them; filled in (618
 * positions, $20,000 each, the template's FICA 7.65%), the table shows 618 x 20,000 x 1.0765 =
 * $13,305,540 in FY2023 and the full-implementation column, FY2022 zero. An example note opened
 * from examples/ shows its published figures beside the computed ones, the recorded disagreement
 * as the only variance. Screenshots at 1280x720 and 1440x900.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fisCell } from "./cells";
import { chooseFile, root, shots, startApp, type App } from "./harness";

let app: App;
let page: Page;
let errors: string[];
const byTestId = (id: string) => page.locator(`[data-testid="${id}"]`);

async function typeInto(path: string, text: string) {
  await page.locator(`.inputs-grid [row-id="${path}"] [col-id="value"]`).click();
  await page.keyboard.type(text.slice(0, 1));
  await page.locator(".inputs-grid .ag-cell-inline-editing input").waitFor();
  await page.keyboard.type(text.slice(1));
  await page.keyboard.press("Enter");
}

async function shoot(name: string) {
  for (const [width, height] of [
    [1280, 720],
    [1440, 900],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.waitForTimeout(150);
    await page.screenshot({ path: `${shots}${name}-${width}x${height}.png` });
  }
}

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

describe("New agreement…", () => {
  it("opens a named modal dialog with focus inside; Escape closes it and gives focus back", async () => {
    await byTestId("file-new-agreement").click();
    const dialog = page.getByRole("dialog", { name: "New agreement" });
    await dialog.waitFor();
    expect(await dialog.evaluate((d) => (d as HTMLDialogElement).open && d.matches(":modal"))).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.closest("dialog") !== null)).toBe(true);
    // Focus stays in the dialog: Tab and Shift+Tab through more stops than it has never land outside it.
    const outside: string[] = [];
    for (const key of [...Array<string>(12).fill("Tab"), ...Array<string>(12).fill("Shift+Tab")]) {
      await page.keyboard.press(key);
      const where = await page.evaluate(() =>
        document.activeElement && document.activeElement !== document.body && !document.activeElement.closest("dialog")
          ? (document.activeElement.getAttribute("data-testid") ?? document.activeElement.tagName)
          : "",
      );
      if (where) outside.push(`${key}: ${where}`);
    }
    expect(outside).toEqual([]);
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "hidden" });
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe("file-new-agreement");
  });

  it("creates a state fiscal note for FY2022-FY2023 and opens it on the Inputs tab with 2 inputs to fill", async () => {
    await byTestId("file-new-agreement").click();
    await byTestId("new-agreement-template").selectOption("state-fiscal-note");
    await byTestId("new-agreement-name").fill("Troopers' raise");
    await byTestId("new-agreement-agreement").fill("House Bill 4538 (2022): $20,000 for State Police troopers");
    await byTestId("new-agreement-first-year").fill("2022");
    await byTestId("new-agreement-last-year").fill("2023");
    await byTestId("new-agreement-start-month").selectOption("7");
    await shoot("new-agreement-dialog");
    await byTestId("new-agreement-create").click();
    await byTestId("new-agreement-dialog").waitFor({ state: "hidden" });
    expect(await byTestId("tab-inputs").getAttribute("aria-selected")).toBe("true");
    expect(await byTestId("active-scenario").innerText()).toBe("Troopers' raise");
    expect(await byTestId("to-fill-count").innerText()).toBe("2 inputs to fill");
    const toFill = page.locator(".inputs-grid .ag-row.row-to-fill");
    await toFill.first().waitFor();
    expect(await toFill.count()).toBe(2);
    expect(await page.locator('.inputs-grid [row-id="items.raise.steps.2022-07-01.amount"] [col-id="value"]').innerText()).toBe("to fill");
    await shoot("new-agreement-inputs");
  });

  it("the table waits for the inputs, then shows 618 x $20,000 x 1.0765 once both are filled", async () => {
    await byTestId("tab-table").click();
    await byTestId("to-fill").waitFor();
    expect(await page.locator('[data-testid="fis-grid"]').count()).toBe(0);
    await byTestId("tab-inputs").click();
    await typeInto("groups.employees.members", "618");
    await typeInto("items.raise.steps.2022-07-01.amount", "20000");
    await byTestId("to-fill").waitFor({ state: "detached" });
    await byTestId("tab-table").click();
    await fisCell(page, "totalCost", "FY2023").waitFor();
    // 618 x 20,000 = 12,360,000; x (1 + 0.0765 FICA) = 13,305,540, whole dollars; FY2022 ends before July 1, 2022
    expect(await fisCell(page, "totalCost", "FY2023").innerText()).toBe("$13,305,540");
    expect(await fisCell(page, "personalServices", "Annualized").innerText()).toBe("$13,305,540");
    expect(await fisCell(page, "totalCost", "FY2022").innerText()).toBe("$0");
    await shoot("new-agreement-table");
    expect(errors).toEqual([]);
  });

  it("an example note opens with its published figures; the variance is the disagreement the file records", async () => {
    await chooseFile(page, "file-open", `${root}examples/wv-2005-hb2235-magistrate-staff/scenario.json`);
    await byTestId("active-scenario").filter({ hasText: "WV HB2235" }).waitFor();
    await byTestId("tab-table").click();
    await byTestId("show-published").check();
    await byTestId("show-variance").check();
    await page.locator('[data-testid="fis-grid"] [row-id="totalCost"] [col-id="FY2006:variance"]').waitFor();
    // Personal Services FY2006: the sum of the raises each rounded up, 1,644,578 + 394,383 = 2,038,961, as printed
    expect(await fisCell(page, "personalServices", "FY2006").innerText()).toBe("$2,038,961");
    // the printed total row carries 2,433,344 (the going-forward cost): the one variance, -394,383
    const variance = page.locator('[data-testid="fis-grid"] [row-id="totalCost"] [col-id="FY2006:variance"]');
    expect((await variance.innerText()).replace(/[^0-9()-]/g, "")).toMatch(/394383/);
    expect(await page.locator('[data-testid="fis-grid"] [row-id="personalServices"] [col-id="Annualized:variance"]').innerText()).toMatch(
      /^[–-]?\$?0$|^–$/,
    );
    await shoot("example-note-published");
    expect(errors).toEqual([]);
  });
});
