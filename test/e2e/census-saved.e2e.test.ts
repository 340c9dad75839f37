/**
 * An imported census belongs to the scenario that prices it: imported into a schedule-method
 * scenario, it is embedded in the scenario (with its SHA-256), so the saved file, the autosave and
 * the recovered scenario all cost the same census, and the 4-year total after a reload is the one
 * before it. A file whose census was changed is refused naming the hash, never priced on the
 * reference census instead.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { computeTable } from "../../model/engine/compute";
import { parseScenarioJson } from "../../model/engine/scenario/schema";
import { withScheduleMethod } from "../../model/engine/schedule/with-method";
import { importCensus } from "../../model/io/census-import";
import { fisAsPublished } from "../../model/built-ins";
import { byTestId, thousands } from "./cells";
import { chooseFile, root, shots, startApp, type App } from "./harness";

const SAMPLE = `${root}examples/census/sample-census.csv`;

let app: App;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "fis-census-saved-"));
  app = await startApp();
});

afterAll(async () => {
  await app?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const liveTotal = async (page: Page) =>
  thousands(await page.locator('[data-testid="inputs-fis-grid"] [row-id="totalCost"] [col-id="Total"]').innerText());

/** The engine's 4-year total ($K) for FIS as published on the schedule method with the sample census, and with the reference one. */
function engineTotals(): { sample: number; reference: number } {
  const parsed = importCensus(new Uint8Array(readFileSync(SAMPLE)), "sample-census.csv");
  if (!parsed.ok) throw new Error("the sample census does not import");
  const total = (s: ReturnType<typeof fisAsPublished>) =>
    Number(
      computeTable(s)
        .lines.find((l) => l.id === "totalCost")!
        .cells.Total!.display.toString(),
    );
  return { sample: total(withScheduleMethod(fisAsPublished(), parsed.value)), reference: total(withScheduleMethod(fisAsPublished())) };
}

describe("an imported census is saved with its scenario", () => {
  it("import, autosave, reload, recover, save, reopen: the same 4-year total each time", async () => {
    const want = engineTotals();
    // Otherwise the test could not tell the sample census from the reference one.
    expect(want.sample).not.toBe(want.reference);

    const { page, errors, close } = await app.open({ context: { acceptDownloads: true } });
    await page.click('[data-testid="tab-inputs"]');
    await byTestId(page, "setting-salaryMethod").selectOption("schedule");
    await expect.poll(() => byTestId(page, "active-scenario").innerText()).toContain("FIS as published (copy)");
    await expect.poll(() => liveTotal(page)).toBe(want.reference);

    await chooseFile(page, "import-census", SAMPLE);
    await expect.poll(() => byTestId(page, "message-text").innerText(), { timeout: 30_000 }).toContain("sample-census.csv");
    await expect.poll(() => liveTotal(page)).toBe(want.sample);

    // Autosaved, reloaded, recovered: the same total (a save would leave nothing unsaved to recover).
    await expect.poll(() => byTestId(page, "autosave-status").innerText(), { timeout: 10_000 }).toMatch(/Autosaved/);
    await page.reload();
    const banner = byTestId(page, "recover-banner");
    await banner.waitFor();
    await banner.locator("button", { hasText: "Recover" }).click();
    await banner.waitFor({ state: "detached" });
    await page.click('[data-testid="tab-inputs"]');
    await expect.poll(() => liveTotal(page)).toBe(want.sample);
    await page.click('[data-testid="tab-census"]');
    await expect.poll(() => page.locator('[data-testid="schedule-panel"] h3').first().innerText()).toContain("182 members");
    await expect.poll(() => byTestId(page, "census-source").innerText()).toContain("Saved with");
    for (const [width, height] of [
      [1280, 720],
      [1440, 900],
    ] as const) {
      await page.setViewportSize({ width, height });
      await page.waitForTimeout(300);
      await page.screenshot({ path: `${shots}census-saved-with-scenario-${width}x${height}.png` });
    }

    // Saved: the file embeds the census and its hash, and the engine prices it to the same total.
    const saved = path.join(dir, "with-census.json");
    const [download] = await Promise.all([page.waitForEvent("download"), page.click('[data-testid="file-save"]')]);
    await download.saveAs(saved);
    const text = readFileSync(saved, "utf8");
    const reopened = parseScenarioJson(text);
    expect(reopened.ok).toBe(true);
    if (!reopened.ok) return;
    const census = reopened.value.scheduleMethod?.census;
    expect(census && "sha256" in census ? census.label : null).toBe("sample-census.csv");
    expect(
      Number(
        computeTable(reopened.value)
          .lines.find((l) => l.id === "totalCost")!
          .cells.Total!.display.toString(),
      ),
    ).toBe(want.sample);

    // Opened from the saved file: the same total.
    await chooseFile(page, "file-open", saved);
    await expect.poll(() => byTestId(page, "message-text").innerText()).toContain('Opened "with-census.json"');
    await page.click('[data-testid="tab-inputs"]');
    await expect.poll(() => liveTotal(page)).toBe(want.sample);
    expect(errors).toEqual([]);
    await close();
  });

  it("a saved census changed since it was saved is refused, naming its hash, not replaced by the reference census", async () => {
    const saved = readFileSync(path.join(dir, "with-census.json"), "utf8");
    const changed = saved.replace(/"headcount": "5"/, '"headcount": "6"');
    expect(changed).not.toBe(saved);
    const file = path.join(dir, "changed-census.json");
    writeFileSync(file, changed);
    const { page, errors, close } = await app.open();
    const before = await page.locator('[data-testid="scenario-item"]').count();
    await chooseFile(page, "file-open", file);
    await expect.poll(() => byTestId(page, "message-text").innerText()).toContain('Could not open "changed-census.json"');
    await expect(byTestId(page, "message-details").innerText()).resolves.toMatch(/census differs from the one saved/);
    expect(await page.locator('[data-testid="scenario-item"]').count()).toBe(before);
    expect(errors).toEqual([]);
    await close();
  });
});

describe("the census template", () => {
  it("Census template… downloads the empty template and points to the sample census", async () => {
    const { page, errors, close } = await app.open({ context: { acceptDownloads: true } });
    await page.click('[data-testid="tab-census"]');
    await byTestId(page, "census-template").waitFor();
    const [download] = await Promise.all([page.waitForEvent("download"), byTestId(page, "census-template").click()]);
    expect(download.suggestedFilename()).toBe("census-template.csv");
    const file = path.join(dir, "template.csv");
    await download.saveAs(file);
    expect(readFileSync(file, "utf8")).toBe(readFileSync(`${root}examples/census/census-template.csv`, "utf8"));
    await expect.poll(() => byTestId(page, "message-text").innerText()).toContain("examples/census/sample-census.csv");
    for (const [width, height] of [
      [1280, 720],
      [1440, 900],
    ] as const) {
      await page.setViewportSize({ width, height });
      await page.waitForTimeout(300);
      await page.screenshot({ path: `${shots}census-template-${width}x${height}.png` });
    }
    expect(errors).toEqual([]);
    await close();
  });
});
