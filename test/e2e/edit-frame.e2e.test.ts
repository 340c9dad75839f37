/**
 * An edit paints in the frame after its Enter. The inputs grid hands the typed text to the store
 * while AG Grid handles the Enter (the value column's setter), so React renders the edit, the live
 * table's cells and the inputs grid's row in that same task; AG Grid's cellEditRequest event came
 * from a timer after the next frame, so the table painted the old figures once more and the new
 * ones two frames later. Then the Table tab: its screen is kept mounted, hidden, once shown
 * (KeptScreen), so the click shows its grid updated in the next frame instead of building it again.
 * (How long that takes is measured in `npm run bench`, browser group.)
 */
import Decimal from "decimal.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fisAsPublished } from "../../model/built-ins";
import { computeTable } from "../../model/engine/compute";
import { setInputValue } from "../../model/engine/scenario/paths";
import type { Scenario } from "../../model/engine/scenario/types";
import { raisePathFor } from "../../bench/reference";
import { startApp, type App } from "./harness";

let app: App;
beforeAll(async () => {
  app = await startApp();
}, 60_000);
afterAll(async () => app?.close());

/** In the page: on the Enter keydown, a frame callback that reads the cells as that frame will paint them. */
const ARM = `(() => {
  window.__frame = new Promise((resolve) => {
    const on = (e) => {
      if (e.key !== "Enter") return;
      window.removeEventListener("keydown", on, true);
      requestAnimationFrame(() => {
        const text = (sel) => { const el = document.querySelector(sel); return el ? el.textContent.trim() : null; };
        resolve({
          fis: text('[data-testid="inputs-fis-grid"] [row-id="baseSalaryIncreases"] [col-id="FY2026"]'),
          input: text('.inputs-grid [row-id="' + window.__path + '"] [col-id="value"]'),
          editing: !!document.querySelector(".inputs-grid .ag-cell-inline-editing"),
        });
      });
    };
    window.addEventListener("keydown", on, true);
  });
})()`;

/** The engine's Base Salary Increases, FY2026, as displayed, with the FY2026 raise at `rate`. */
const baseSalaryFy2026 = (scenario: Scenario, path: string, rate: string) =>
  computeTable(setInputValue(scenario, path, rate)).lines.find((l) => l.id === "baseSalaryIncreases")!.cells["FY2026"]!.display;

/** The reference scenario on the Inputs screen at 1440x900, and the FY2026 raise's value cell. */
async function onInputsScreen() {
  const opened = await app.open({ context: { viewport: { width: 1440, height: 900 } } });
  const scenario = fisAsPublished();
  const path = raisePathFor(scenario, 2026);
  await opened.page.locator('[data-testid="fis-grid"] [row-id="costFundedByWia"] [col-id="Total"]').waitFor();
  await opened.page.click('[data-testid="tab-inputs"]');
  return { ...opened, scenario, path, cell: opened.page.locator(`.inputs-grid [row-id="${path}"] [col-id="value"]`) };
}

describe("an edit on the Inputs screen", () => {
  it("shows in the live table and the inputs grid in the first frame after Enter", async () => {
    const { page, errors, close, scenario, path, cell } = await onInputsScreen();
    try {
      for (const [i, rate] of ["0.037", "0.041", "0.029"].entries()) {
        const want = baseSalaryFy2026(scenario, path, rate);
        await cell.click();
        await page.keyboard.type(`${new Decimal(rate).times(100).toString()}%`);
        await page.evaluate(`window.__path = ${JSON.stringify(path)}`);
        await page.evaluate(ARM);
        await page.keyboard.press("Enter");
        const seen = (await page.evaluate("window.__frame")) as { fis: string; input: string; editing: boolean };
        // The first edit of a built-in makes the editable copy: that one too.
        expect(seen.editing, `edit ${i + 1}`).toBe(false);
        expect(seen.input, `edit ${i + 1}`).toBe(`${new Decimal(rate).times(100).toString()}%`);
        expect(seen.fis.replace(/[^0-9]/g, ""), `edit ${i + 1}`).toBe(want.abs().toFixed(0));
      }
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it("writes each figure it moves once, and marks it (▲/▼) in the same pass", async () => {
    const { page, errors, close, scenario, path, cell } = await onInputsScreen();
    try {
      // The first edit makes the editable copy (its rows are set as a whole); the second is checked, as any later edit.
      for (const [i, rate] of ["0.037", "0.041"].entries()) {
        const want = baseSalaryFy2026(scenario, path, rate);
        await cell.click();
        await page.keyboard.type(`${new Decimal(rate).times(100).toString()}%`);
        await page.evaluate(`(() => {
          const sel = '[data-testid="inputs-fis-grid"] [row-id="baseSalaryIncreases"] [col-id="FY2026"]';
          window.__writes = [];
          const observer = new MutationObserver((records) => {
            for (const r of records) if (r.addedNodes.length) window.__writes.push(document.querySelector(sel).textContent.trim());
          });
          observer.observe(document.querySelector(sel), { childList: true, subtree: true, characterData: true });
          window.__stop = () => { observer.disconnect(); return window.__writes; };
        })()`);
        await page.keyboard.press("Enter");
        await page.waitForTimeout(300);
        const writes = (await page.evaluate("window.__stop()")) as string[];
        if (i === 0) continue;
        expect(writes.map((w) => w.replace(/[^0-9]/g, ""))).toEqual([want.abs().toFixed(0)]);
        const marked = page.locator('[data-testid="inputs-fis-grid"] [row-id="baseSalaryIncreases"] [col-id="FY2026"]');
        expect(await marked.getAttribute("class")).toMatch(/\bcell-up\b/);
      }
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it("then the Table tab shows the new figures in the first frame after its click; the hidden screen cannot be reached", async () => {
    const { page, errors, close } = await app.open({ context: { viewport: { width: 1280, height: 720 } } });
    try {
      const scenario = fisAsPublished();
      const path = raisePathFor(scenario, 2026);
      await page.locator('[data-testid="fis-grid"] [row-id="costFundedByWia"] [col-id="Total"]').waitFor();
      for (const rate of ["0.036", "0.042"]) {
        const want = baseSalaryFy2026(scenario, path, rate);
        await page.click('[data-testid="tab-inputs"]');
        const cell = page.locator(`.inputs-grid [row-id="${path}"] [col-id="value"]`);
        await cell.click();
        await page.keyboard.type(`${new Decimal(rate).times(100).toString()}%`);
        await page.keyboard.press("Enter");
        await page
          .locator(`[data-testid="inputs-fis-grid"] [row-id="baseSalaryIncreases"] [col-id="FY2026"]`)
          .getByText(
            want
              .abs()
              .toFixed(0)
              .replace(/\B(?=(\d{3})+(?!\d))/g, ","),
          )
          .waitFor();
        await page.evaluate(`(() => {
          window.__frame = new Promise((resolve) => {
            const tab = document.querySelector('[data-testid="tab-table"]');
            tab.addEventListener("click", () => requestAnimationFrame(() => {
              const el = document.querySelector('[data-testid="fis-grid"] [row-id="baseSalaryIncreases"] [col-id="FY2026"]');
              resolve(el && el.checkVisibility() ? el.textContent.trim() : null);
            }), { capture: true, once: true });
          });
        })()`);
        await page.click('[data-testid="tab-table"]');
        const shown = (await page.evaluate("window.__frame")) as string | null;
        expect(shown?.replace(/[^0-9]/g, ""), `rate ${rate}`).toBe(want.abs().toFixed(0));
      }
      // The Inputs screen is kept, hidden: nothing of it shows and it takes no room below the table; once
      // parked (after the paint), it is invisible and cannot take focus.
      await page.locator('[data-screen="inputs"].parked').waitFor({ state: "attached" });
      const hidden = await page.evaluate(`(() => {
        const screen = document.querySelector('[data-screen="inputs"]');
        const cell = screen.querySelector('.inputs-grid .ag-cell[col-id="value"]');
        cell.focus();
        return {
          hidden: screen.hidden,
          ariaHidden: screen.getAttribute("aria-hidden"),
          visible: cell.checkVisibility({ visibilityProperty: true }),
          focused: document.activeElement === cell,
          height: screen.getBoundingClientRect().height,
        };
      })()`);
      expect(hidden).toEqual({ hidden: true, ariaHidden: "true", visible: false, focused: false, height: 0 });
      // Shown again: nothing of the parking is left.
      await page.click('[data-testid="tab-inputs"]');
      expect(
        await page.evaluate(`(() => {
          const screen = document.querySelector('[data-screen="inputs"]');
          const tall = screen.getBoundingClientRect().height > 300;
          return [screen.hidden, screen.classList.contains("parked"), screen.getAttribute("aria-hidden"), tall];
        })()`),
      ).toEqual([false, false, null, true]);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it("does not move the page when the autosave status changes after it (at 1280, 1440 and 1500 px)", async () => {
    for (const [width, height] of [
      [1280, 720],
      [1440, 900],
      [1500, 950],
    ] as const) {
      const { page, errors, close } = await app.open({ context: { viewport: { width, height } } });
      try {
        const path = raisePathFor(fisAsPublished(), 2026);
        await page.locator('[data-testid="fis-grid"] [row-id="costFundedByWia"] [col-id="Total"]').waitFor();
        await page.click('[data-testid="tab-inputs"]');
        const cell = page.locator(`.inputs-grid [row-id="${path}"] [col-id="value"]`);
        const top = async () => (await cell.boundingBox())!.y;
        // The session's first autosave: its status goes from "No unsaved changes" to "Autosaving…" to
        // "Autosaved at 4:05:12 PM". The edit's own changes (the copy's notice) are in place one frame after Enter.
        await cell.click();
        await page.keyboard.type("3.6%");
        await page.keyboard.press("Enter");
        await page.evaluate("new Promise((resolve) => requestAnimationFrame(() => resolve(null)))");
        const afterEdit = await top();
        await expect.poll(() => page.locator('[data-testid="autosave-status"]').innerText()).toMatch(/^Autosaved at/);
        await page.waitForTimeout(400);
        expect([width, await top()]).toEqual([width, afterEdit]);
        expect(errors).toEqual([]);
      } finally {
        await close();
      }
    }
  });
});
