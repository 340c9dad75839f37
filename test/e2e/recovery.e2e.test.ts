/**
 * Autosave and recovery in the browser build, driven like a user who reloads, closes and ignores
 * banners: every committed edit survives a reload however soon it comes; work done while the
 * recovery banner is open is kept, and so is the snapshot the banner offers; the banner says what
 * each choice keeps and replaces (times and TOTAL COST each side, $K); a failing autosave is
 * retried on its own and its state is shown.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { computeTable } from "../../model/engine/compute";
import { setInputValue } from "../../model/engine/scenario/paths";
import { fisAsPublished } from "../../model/built-ins";
import type { Scenario } from "../../model/engine/scenario/types";
import { byTestId, expectedTable, readTable } from "./cells";
import { shots, startApp, type App } from "./harness";

const RAISE = "items.baseSalary.steps.2025-10-01.amount";
const KEY = "fis.platform.autosave";

let app: App;

beforeAll(async () => {
  app = await startApp();
});

afterAll(async () => {
  await app?.close();
});

const valueCell = (page: Page, path: string) => page.locator(`.inputs-grid [row-id="${path}"] [col-id="value"]`);

async function typeInto(page: Page, path: string, text: string, shown = text): Promise<void> {
  await valueCell(page, path).click();
  await page.keyboard.type(text.slice(0, 1));
  await page.locator(".inputs-grid .ag-cell-inline-editing input").waitFor();
  await page.keyboard.type(text.slice(1));
  await page.keyboard.press("Enter");
  await expect.poll(() => valueCell(page, path).innerText()).toBe(shown);
}

async function recover(page: Page): Promise<void> {
  const banner = byTestId(page, "recover-banner");
  await banner.waitFor();
  await banner.locator("button", { hasText: "Recover" }).click();
  await banner.waitFor({ state: "detached" });
}

/** The four-year TOTAL COST in $K as the banner and the table show it, e.g. "$238,980K". */
function totalText(s: Scenario): string {
  const cell = computeTable(s).lines.find((l) => l.id === "totalCost")!.cells.Total!;
  return `$${Number(cell.display.toString()).toLocaleString("en-US")}K`;
}

const storedNames = (page: Page) =>
  page.evaluate((key) => {
    const raw = localStorage.getItem(key);
    if (!raw) return null;
    const doc = JSON.parse(JSON.parse(raw).text) as { scenarios: { name: string }[]; earlier?: { scenarios: { name: string }[] }[] };
    return { now: doc.scenarios.map((s) => s.name), earlier: (doc.earlier ?? []).map((g) => g.scenarios.map((s) => s.name)) };
  }, KEY);

describe("nothing committed is lost on reload", () => {
  it("edit, reload at 0.5 s, recover: the last edit is there and the table equals the engine", async () => {
    const { page, errors, close } = await app.open();
    await page.click('[data-testid="tab-inputs"]');
    await typeInto(page, RAISE, "4.5%");
    await page.waitForTimeout(500);
    await page.reload();
    await recover(page);
    await expect.poll(() => byTestId(page, "active-scenario").innerText()).toContain("FIS as published (copy)");
    await page.click('[data-testid="tab-inputs"]');
    await expect.poll(() => valueCell(page, RAISE).innerText()).toBe("4.5%");
    await page.click('[data-testid="tab-table"]');
    const want = expectedTable(computeTable(setInputValue(fisAsPublished(), RAISE, "0.045")));
    expect(await readTable(page, Object.keys(want))).toEqual(want);
    expect(errors).toEqual([]);
    await close();
  });

  // Twenty full page loads: 35 s on a quiet machine, past the suite's 60 s on a slower or busier one.
  it("20 reloads, each right after an edit (0 to 400 ms): every last edit is recovered", async () => {
    const { page, errors, close } = await app.open();
    await page.click('[data-testid="tab-inputs"]');
    await typeInto(page, RAISE, "3.1%");
    let lost = 0;
    for (let i = 0; i < 20; i++) {
      const pct = `${4 + Math.floor(i / 10)}.${i % 10}%`;
      const shown = pct.replace(/\.0%$/, "%");
      await typeInto(page, RAISE, pct, shown);
      // Deterministic spread of delays: 0, 20, 40 ... 380 ms after Enter.
      if (i > 0) await page.waitForTimeout(i * 20);
      await page.reload();
      await recover(page);
      await page.click('[data-testid="tab-inputs"]');
      const got = await valueCell(page, RAISE).innerText();
      if (got !== shown) lost++;
      expect(got, `reload ${i + 1}, ${i * 20} ms after the edit`).toBe(shown);
    }
    expect(lost).toBe(0);
    expect(errors).toEqual([]);
    await close();
  }, 240_000);
});

describe("the recovery banner", () => {
  const morning: Scenario = { ...setInputValue(fisAsPublished(), RAISE, "0.05"), id: "morning", name: "Morning work" };
  const snapshot = JSON.stringify({
    version: 1,
    savedAt: "2026-01-02T09:15:00.000Z",
    text: JSON.stringify({ version: 1, scenarios: [morning] }),
  });

  it("left open, edits keep being saved beside the snapshot it offers; both come back after a reload", async () => {
    const { page, errors, close } = await app.open();
    await page.evaluate(([key, value]) => localStorage.setItem(key!, value!), [KEY, snapshot]);
    await page.reload();
    const banner = byTestId(page, "recover-banner");
    await banner.waitFor();

    // The user ignores the banner and works: three edits on a copy of the built-in.
    await page.click('[data-testid="tab-inputs"]');
    await typeInto(page, RAISE, "4%");
    await typeInto(page, RAISE, "4.2%");
    await typeInto(page, RAISE, "4.4%");
    // Saved, and the offered snapshot is still there next to it.
    await expect.poll(() => storedNames(page)).toEqual({ now: ["FIS as published (copy)"], earlier: [["Morning work"]] });

    // The banner compares both sides: when each was saved and each TOTAL COST in $K.
    const text = await banner.innerText();
    expect(text).toContain("Morning work");
    expect(text).toContain(totalText(morning));
    expect(text).toContain("FIS as published (copy)");
    expect(text).toContain(totalText(setInputValue(fisAsPublished(), RAISE, "0.044")));
    expect(text).toMatch(/TOTAL COST/);
    expect(text).toContain(new Date("2026-01-02T09:15:00.000Z").toLocaleString("en-US", { dateStyle: "medium", timeStyle: "short" }));
    await page.setViewportSize({ width: 1280, height: 720 });
    await banner.screenshot({ path: `${shots}recovery-banner-open-with-work.png` });
    await page.screenshot({ path: `${shots}recovery-banner-1280x720.png` });
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.screenshot({ path: `${shots}recovery-banner-1440x900.png` });

    // Reload without answering: nothing is lost, both sets are offered.
    await page.reload();
    await banner.waitFor();
    expect(await banner.innerText()).toContain("Morning work");
    expect(await banner.innerText()).toContain("FIS as published (copy)");
    await recover(page);
    const names = await page.locator('[data-testid="scenario-item"]').allInnerTexts();
    expect(names.some((n) => n.includes("Morning work"))).toBe(true);
    expect(names.some((n) => n.includes("FIS as published (copy)"))).toBe(true);
    await page.locator('[data-testid="scenario-item"]', { hasText: "FIS as published (copy)" }).click();
    await page.click('[data-testid="tab-inputs"]');
    await expect.poll(() => valueCell(page, RAISE).innerText()).toBe("4.4%");
    // Once answered, the autosave holds exactly the open work.
    await expect.poll(() => storedNames(page)).toEqual({ now: ["FIS as published (copy)", "Morning work"], earlier: [] });
    expect(errors).toEqual([]);
    await close();
  });

  it("Discard says what it replaces, and replaces only the snapshot: the work done meanwhile is kept", async () => {
    const { page, close } = await app.open();
    await page.evaluate(([key, value]) => localStorage.setItem(key!, value!), [KEY, snapshot]);
    await page.reload();
    const banner = byTestId(page, "recover-banner");
    await banner.waitFor();
    await page.click('[data-testid="tab-inputs"]');
    await typeInto(page, RAISE, "4%");
    const discard = banner.locator("button", { hasText: "Discard" });
    expect(await discard.getAttribute("title")).toMatch(/Morning work.*replaced by.*FIS as published \(copy\)/s);
    await discard.click();
    await banner.waitFor({ state: "detached" });
    await expect.poll(() => storedNames(page)).toEqual({ now: ["FIS as published (copy)"], earlier: [] });
    await close();
  });
});

describe("the autosave state", () => {
  it("shows when it saved; a failing write is retried on its own, with the reason shown meanwhile", async () => {
    const { page, close } = await app.open({
      prepare: (context) =>
        context.addInitScript((key) => {
          const original = Storage.prototype.setItem;
          Storage.prototype.setItem = function (k: string, v: string) {
            if (k === key && (window as unknown as { __storageFull?: boolean }).__storageFull)
              throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
            return original.call(this, k, v);
          };
        }, KEY),
    });
    const status = byTestId(page, "autosave-status");
    await page.click('[data-testid="tab-inputs"]');
    await typeInto(page, RAISE, "4%");
    await expect.poll(() => status.innerText()).toMatch(/Autosaved at \d/);

    await page.evaluate(() => ((window as unknown as { __storageFull: boolean }).__storageFull = true));
    await typeInto(page, RAISE, "4.7%");
    await expect.poll(() => status.innerText()).toMatch(/Autosave failed.*storage is full.*retrying in \d+ s/i);
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.screenshot({ path: `${shots}autosave-retrying-1280x720.png` });
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.screenshot({ path: `${shots}autosave-retrying-1440x900.png` });

    // Space frees up; no further edit is made: the retry alone writes the 4.7%.
    await page.evaluate(() => ((window as unknown as { __storageFull: boolean }).__storageFull = false));
    await expect.poll(() => status.innerText(), { timeout: 15_000 }).toMatch(/Autosaved at \d/);
    const stored = await page.evaluate((key) => localStorage.getItem(key) ?? "", KEY);
    expect(stored).toContain('\\"0.047\\"');
    await page.screenshot({ path: `${shots}autosave-saved-1440x900.png` });
    await close();
  });
});

describe("saving over a read-only file (a stand-in for the Electron platform)", () => {
  it("asks before overwriting, and overwrites only on Overwrite", async () => {
    // Runs in the page before the app: a platform whose file is read-only, recording each save request.
    const stubPlatform = () => {
      const w = window as unknown as Record<string, unknown>;
      const saves: unknown[] = [];
      w.__saves = saves;
      const token = "R".repeat(32);
      w.platform = {
        kind: "electron",
        openScenarioFile: async () => ({ ok: true, value: null }),
        saveScenarioFile: async (req: { overwriteReadOnly?: boolean; token?: string }) => {
          saves.push(req);
          return req.overwriteReadOnly
            ? { ok: true, value: { token, name: "locked.json" } }
            : {
                ok: false,
                error: '"locked.json" is read-only. Overwrite it anyway, or use Save As?',
                readOnly: { token, name: "locked.json" },
              };
        },
        openSpreadsheetFile: async () => ({ ok: true, value: null }),
        exportFile: async () => ({ ok: true, value: null }),
        recentFiles: async () => ({ ok: true, value: [] }),
        openRecent: async () => ({ ok: true, value: null }),
        writeAutosave: async () => ({ ok: true, value: undefined }),
        readAutosave: async () => ({ ok: true, value: null }),
        clearAutosave: async () => ({ ok: true, value: undefined }),
        onMenuCommand: () => () => undefined,
        onFlushRequest: () => () => undefined,
        setWindowTitle: () => undefined,
      };
    };
    const { page, errors, close } = await app.open({ prepare: (context) => context.addInitScript(stubPlatform) });
    const saves = () => page.evaluate(() => (window as unknown as { __saves: { token?: string; overwriteReadOnly?: boolean }[] }).__saves);
    await page.click('[data-testid="tab-inputs"]');
    await typeInto(page, RAISE, "4%");
    await page.click('[data-testid="file-save"]');
    const question = byTestId(page, "question");
    await expect
      .poll(() => question.innerText())
      .toContain('"locked.json" is read-only. Replace it with "FIS as published (copy)" anyway?');
    expect(await saves()).toHaveLength(1);
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.screenshot({ path: `${shots}save-read-only-question-1280x720.png` });
    await page.click('[data-testid="question-overwrite"]');
    await expect.poll(() => saves()).toHaveLength(2);
    expect((await saves())[1]).toMatchObject({ token: "R".repeat(32), overwriteReadOnly: true });
    await expect.poll(() => byTestId(page, "message-text").innerText()).toContain('Saved "locked.json"');
    expect(await question.count()).toBe(0);
    expect(errors).toEqual([]);
    await close();
  });
});
