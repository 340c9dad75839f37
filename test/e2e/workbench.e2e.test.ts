/**
 * The web build in Chromium, driven like a user: read the FIS table off the grid, edit an input by
 * typing, reject junk, undo, compare and delete scenarios, save a file and open it again.
 * Screenshots of each screen go to test-artifacts/screenshots/ for a human look.
 */
import { readFileSync, writeFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { computeTable } from "../../model/engine/compute";
import { contractAsStated, fisAsPublished } from "../../model/built-ins";
import * as XLSX from "xlsx";
import { exportWorkbook } from "../../model/io/xlsx-export";

/** The published FIS table ($ thousands), as the scenario file carries it for the Published column. */
const PUBLISHED_FIS_TABLE = fisAsPublished().table.published!.values;
import { setInputValue } from "../../model/engine/scenario/paths";
import { parseScenarioJson } from "../../model/engine/scenario/schema";
import { censusToCsv, referenceCensus } from "../../model/engine/schedule";
import { COLUMNS, expectedTable as expected, fisCell, readTable as readGrid, thousands } from "./cells";
import { chooseFile, root, shots, startApp, VIEWPORT, type App } from "./harness";

const FY2026_RAISE = "items.baseSalary.steps.2025-10-01.amount";
const FY2027_RAISE = "items.baseSalary.steps.2026-10-01.amount";

let app: App;
let page: Page;

// The Table tab's grid; the Inputs screen has its own live copy of the table (liveCell).
const cell = (line: string, column: string) => fisCell(page, line, column);
const inputValue = (path: string) => page.locator(`.inputs-grid [row-id="${path}"] [col-id="value"]`);
const readTable = (lines: string[]) => readGrid(page, lines);

async function tab(id: string) {
  await page.click(`[data-testid="tab-${id}"]`);
}

async function typeInto(path: string, text: string) {
  await inputValue(path).click();
  // Keyboard-first: the first key starts the editor (AG Grid), the rest goes into it.
  await page.keyboard.type(text.slice(0, 1));
  const editor = page.locator(".inputs-grid .ag-cell-inline-editing input");
  await editor.waitFor();
  await page.keyboard.type(text.slice(1));
  await page.keyboard.press("Enter");
}

beforeAll(async () => {
  app = await startApp();
  const main = await app.open({ context: { acceptDownloads: true } });
  page = main.page;
  await cell("costFundedByWia", "Total").waitFor();
  expect(main.errors).toEqual([]);
});

afterAll(async () => {
  await app?.close();
});

describe("the workbench in a browser", () => {
  it("opens on FIS as published and shows all 45 published cells", async () => {
    await expect(page.locator('[data-testid="active-scenario"]').innerText()).resolves.toContain("FIS as published");
    expect(await readTable(Object.keys(PUBLISHED_FIS_TABLE))).toEqual(PUBLISHED_FIS_TABLE);
    await expect(page.locator('[data-testid="hint"]').innerText()).resolves.toContain("Click any number to see where it comes from");
    await page.screenshot({ path: `${shots}01-fis-table.png` });
  });

  it("shows published and variance columns, all zero variance for the reference", async () => {
    await page.click('[data-testid="show-published"]');
    await page.click('[data-testid="show-variance"]');
    for (const line of Object.keys(PUBLISHED_FIS_TABLE)) {
      for (const c of COLUMNS) {
        expect(thousands(await cell(line, `${c}:published`).innerText())).toBe(PUBLISHED_FIS_TABLE[line]![c]);
        expect(await cell(line, `${c}:variance`).innerText()).toBe("0");
      }
    }
    await page.screenshot({ path: `${shots}02-fis-table-variance.png` });
    await page.click('[data-testid="show-published"]');
    await page.click('[data-testid="show-variance"]');
  });

  it("explains a cell and jumps from an input leaf to its row", async () => {
    await cell("benefits", "FY2025").click();
    const panel = page.locator('[data-testid="explain-panel"]');
    await expect.poll(() => panel.innerText()).toContain("Benefits, FY 2025");
    await expect.poll(() => cell("benefits", "FY2025").getAttribute("class")).toContain("cell-selected");
    await expect(panel.locator(".tag-calibrated").first().innerText()).resolves.toContain("calibrated");
    await page.screenshot({ path: `${shots}03-explain.png` });
    // The tree is collapsed under the breakdown: opened, its input leaves are links.
    await panel.locator('[data-testid="explain-tree"] > summary').click();
    await panel.locator('[data-testid="explain-tree"] details details > summary').first().click();
    await panel.locator('[data-testid="explain-input"][data-path="groups.wtu.members"]').first().click();
    await page.locator('.inputs-grid [row-id="groups.wtu.members"] [col-id="value"].ag-cell-focus').waitFor({ timeout: 5000 });
    await page.screenshot({ path: `${shots}04-inputs.png` });
  });

  it("typing 4% for the FY2026 raise edits a copy and recomputes the table", async () => {
    await tab("inputs");
    await typeInto(FY2026_RAISE, "4%");
    await expect.poll(() => page.locator('[data-testid="active-scenario"]').innerText()).toContain("FIS as published (copy)");
    await expect.poll(() => page.locator('[data-testid="message-text"]').innerText()).toContain("read-only");
    await expect.poll(() => inputValue(FY2026_RAISE).innerText()).toBe("4%");
    await expect(page.locator(`.inputs-grid [row-id="${FY2026_RAISE}"] [col-id="edited"]`).innerText()).resolves.toContain("edited");
    // Enter applied the value and moved down, as in Excel.
    await page.locator(`.inputs-grid [row-id="${FY2027_RAISE}"] [col-id="value"].ag-cell-focus`).waitFor({ timeout: 5000 });
    await expect.poll(() => page.title()).toBe("FIS as published (copy) (unsaved changes) — Fiscal Impact Studio");

    await tab("table");
    const want = expected(computeTable(setInputValue(fisAsPublished(), FY2026_RAISE, "0.04")));
    const got = await readTable(Object.keys(want));
    expect(got).toEqual(want);
    // The raise really moved the costs: FY2026 base salary is above the published figure.
    expect(got.baseSalaryIncreases!.FY2026!).toBeGreaterThan(PUBLISHED_FIS_TABLE.baseSalaryIncreases!.FY2026!);
    // The copy still costs the reference agreement, so its variance against the published table shows.
    await page.click('[data-testid="show-variance"]');
    const diff = want.baseSalaryIncreases!.FY2026! - PUBLISHED_FIS_TABLE.baseSalaryIncreases!.FY2026!;
    expect(await cell("baseSalaryIncreases", "FY2026:variance").innerText()).toBe(`+${diff.toLocaleString("en-US")}`);
    expect(await cell("bonus", "FY2026:variance").innerText()).toBe("0");
    await page.screenshot({ path: `${shots}09-edited-copy-variance.png` });
    await page.click('[data-testid="show-variance"]');
  });

  it("autosaves the user scenarios while there is unsaved work", async () => {
    const read = () => page.evaluate(() => localStorage.getItem("fis.platform.autosave") ?? "");
    await expect.poll(read, { timeout: 15_000, interval: 500 }).toContain("FIS as published (copy)");
    const snapshot = JSON.parse(await read()) as { text: string };
    const saved = JSON.parse(snapshot.text) as { scenarios: { name: string }[] };
    expect(saved.scenarios.map((x) => x.name)).toEqual(["FIS as published (copy)"]);
  });

  it("rejects junk with a message and leaves the value alone", async () => {
    await tab("inputs");
    await typeInto(FY2027_RAISE, "abc");
    await expect.poll(() => page.locator('[data-testid="message-text"]').innerText()).toMatch(/Rejected "abc".*not a number/);
    const valueCell = inputValue(FY2027_RAISE);
    await expect(valueCell.getAttribute("class")).resolves.toContain("cell-error");
    // The editor reopens holding the typed text for correction; Escape leaves the value as it was.
    await expect.poll(() => page.locator(".inputs-grid .ag-cell-inline-editing input").inputValue()).toBe("abc");
    await page.keyboard.press("Escape");
    await expect.poll(() => valueCell.innerText()).toBe("3%");
    await page.screenshot({ path: `${shots}05-inputs-rejected.png` });
  });

  it("undo restores the value and redo applies it again", async () => {
    await inputValue(FY2026_RAISE).click();
    await page.keyboard.press("Control+z");
    await expect.poll(() => inputValue(FY2026_RAISE).innerText()).toBe("3%");
    await page.keyboard.press("Control+y");
    await expect.poll(() => inputValue(FY2026_RAISE).innerText()).toBe("4%");
  });

  it("pastes a column of values copied from Excel down the value column", async () => {
    await inputValue("items.baseSalary.steps.2024-10-01.amount").click();
    await page.evaluate(() => {
      const data = new DataTransfer();
      data.setData("text/plain", "2.5%\tignored\r\n3.5%\r\n");
      document
        .querySelector(".inputs-grid .ag-cell-focus")!
        .dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
    });
    await expect.poll(() => inputValue("items.baseSalary.steps.2024-10-01.amount").innerText()).toBe("2.5%");
    await expect.poll(() => inputValue(FY2026_RAISE).innerText()).toBe("3.5%");
    // One paste is one undo step.
    await page.keyboard.press("Control+z");
    await expect.poll(() => inputValue("items.baseSalary.steps.2024-10-01.amount").innerText()).toBe("2%");
    await expect.poll(() => inputValue(FY2026_RAISE).innerText()).toBe("4%");
  });

  it("the rounding rule is a scenario setting: truncating changes the table, undo restores it", async () => {
    await page.selectOption('[data-testid="setting-rounding"]', "truncate");
    await tab("table");
    const edited = setInputValue(fisAsPublished(), FY2026_RAISE, "0.04");
    const truncated = expected(
      computeTable({ ...edited, table: { ...edited.table, display: { ...edited.table.display, rounding: "truncate" } } }),
    );
    expect(await readTable(Object.keys(truncated))).toEqual(truncated);
    await page.click('[data-testid="undo"]');
    await expect
      .poll(() => readTable(["baseSalaryIncreases", "totalCost"]))
      .toEqual(Object.fromEntries(["baseSalaryIncreases", "totalCost"].map((l) => [l, expected(computeTable(edited))[l]])));
    await tab("inputs");
  });

  it("saves the scenario as a file and opens it again with the same table", async () => {
    const [download] = await Promise.all([page.waitForEvent("download"), page.click('[data-testid="file-save"]')]);
    const saved = `${root}test-artifacts/saved-scenario.json`;
    await download.saveAs(saved);
    const parsed = parseScenarioJson(readFileSync(saved, "utf8"), "saved-scenario.json");
    expect(parsed.ok).toBe(true);

    await chooseFile(page, "file-open", saved);
    await expect.poll(() => page.locator('[data-testid="message-text"]').innerText()).toContain("Opened");
    await tab("table");
    const want = expected(computeTable(setInputValue(fisAsPublished(), FY2026_RAISE, "0.04")));
    expect(await readTable(Object.keys(want))).toEqual(want);
  });

  it("a broken scenario file is refused with field and message, the current work untouched", async () => {
    const before = await page.locator('[data-testid="scenario-item"]').count();
    await chooseFile(page, "file-open", {
      name: "broken.json",
      mimeType: "application/json",
      buffer: Buffer.from(JSON.stringify(setInputValue(fisAsPublished(), "table.lines.localPortion.rate", "lots"))),
    });
    await expect.poll(() => page.locator('[data-testid="message-text"]').innerText()).toContain('Could not open "broken.json"');
    await expect(page.locator('[data-testid="message-details"]').innerText()).resolves.toContain("table.lines.localPortion.rate");
    expect(await page.locator('[data-testid="scenario-item"]').count()).toBe(before);
  });

  it("creates, compares and deletes a scenario", async () => {
    // One "New" button (the toolbar's); a copy of another scenario is its Duplicate.
    expect(await page.getByRole("button", { name: "New", exact: true }).count()).toBe(1);
    await page.locator('[data-testid="scenario-item"]', { hasText: "Contract terms as stated" }).click();
    await page.click('[data-testid="scenario-duplicate"]');
    await expect.poll(() => page.locator('[data-testid="active-scenario"]').innerText()).toContain("Contract terms as stated (copy)");
    await page.click('[data-testid="scenario-rename"]');
    await page.fill('[data-testid="rename-input"]', "Stated terms, my copy");
    await page.keyboard.press("Enter");
    await expect.poll(() => page.locator('[data-testid="active-scenario"]').innerText()).toContain("Stated terms, my copy");

    await tab("compare");
    // Compare opens on the active copy against the scenario it was copied from; choose the published one as
    // the baseline instead and add the stated terms beside the copy.
    const key = await page.locator('[data-testid="scenario-item"]', { hasText: "Stated terms, my copy" }).getAttribute("data-key");
    expect(await page.locator('[data-testid="compare-baseline"]').inputValue()).toBe("stated");
    await page.selectOption('[data-testid="compare-baseline"]', "fis");
    await page.click('[data-testid="compare-pick"][data-key="stated"]');
    const fis = computeTable(fisAsPublished());
    const stated = computeTable(contractAsStated());
    for (const line of ["baseSalaryIncreases", "benefits", "totalCost", "costFundedByWia"]) {
      for (const c of COLUMNS) {
        const a = Number(fis.lines.find((l) => l.id === line)!.cells[c]!.display.toString());
        const b = Number(stated.lines.find((l) => l.id === line)!.cells[c]!.display.toString());
        expect(thousands(await page.locator(`[data-testid="cmp-${line}-${c}-0"]`).innerText())).toBe(a);
        expect(thousands(await page.locator(`[data-testid="cmp-${line}-${c}-1"]`).innerText())).toBe(b);
        expect(thousands(await page.locator(`[data-testid="cmp-${line}-${c}-2"]`).innerText())).toBe(b);
        const diff = await page.locator(`[data-testid="cmp-${line}-${c}-1-diff"]`).innerText();
        expect(diff === "0" ? 0 : thousands(diff)).toBe(b - a);
      }
    }
    // Each difference is named in words, with the reason behind each side's value.
    const attribution = page.locator('[data-testid="attribution-table"]').first();
    await expect.poll(() => attribution.innerText()).toContain("Medicare (employer): defined differently");
    const why = page.locator('[data-testid="compare-why"]').first();
    await why.locator("summary").click();
    await expect.poll(() => why.innerText()).toContain("Average salary: $105,271.50 → $105,272");
    expect(await why.innerText()).toContain("calibrated");
    await page.screenshot({ path: `${shots}06-compare.png`, fullPage: true });

    await page.locator('[data-testid="scenario-item"]', { hasText: "Stated terms, my copy" }).click();
    await page.click('[data-testid="scenario-delete"]');
    await page.click('[data-testid="scenario-delete"]');
    await expect.poll(() => page.locator('[data-testid="scenario-item"]', { hasText: "Stated terms, my copy" }).count()).toBe(0);
    expect(await page.locator(`[data-testid="compare-pick"][data-key="${key}"]`).count()).toBe(0);
  });

  it("shows the census, the salary schedules and the charts", async () => {
    await tab("census");
    await page.locator('[data-testid="schedule-panel"] .ag-row').first().waitFor();
    await expect(page.locator('[data-testid="schedule-panel"] h3').first().innerText()).resolves.toContain("5,776 members");
    await page.screenshot({ path: `${shots}07-census-schedules.png` });
    await tab("charts");
    await page.locator('[data-testid="charts"] .recharts-bar-rectangle').first().waitFor();
    await page.screenshot({ path: `${shots}08-charts.png` });
  });

  it("exports the table as CSV and the active scenario as Excel, and imports an edit back, saying what it applied", async () => {
    await tab("table");
    const [csv] = await Promise.all([page.waitForEvent("download"), page.click('[data-testid="export-csv"]')]);
    const csvPath = `${root}test-artifacts/table.csv`;
    await csv.saveAs(csvPath);
    const text = readFileSync(csvPath, "utf8");
    expect(text).toContain("baseSalaryIncreases");
    expect(text.split("\r\n").find((l) => l.startsWith("totalCost"))).toContain(",52137,");

    const [xlsx] = await Promise.all([page.waitForEvent("download"), page.click('[data-testid="export-xlsx"]')]);
    const xlsxPath = `${root}test-artifacts/scenario.xlsx`;
    await xlsx.saveAs(xlsxPath);
    const wb = XLSX.read(readFileSync(xlsxPath), { cellFormula: true, cellNF: true });
    // One scenario per workbook, its sheets named after it.
    const inputsSheets = wb.SheetNames.filter((n) => n.startsWith("Inputs - "));
    expect(inputsSheets, wb.SheetNames.join(", ")).toHaveLength(1);
    const ws = wb.Sheets[inputsSheets[0]!]!;
    const addr = Object.keys(ws).find((a) => (ws[a] as XLSX.CellObject).v === FY2026_RAISE)!;
    const value = `D${XLSX.utils.decode_cell(addr).r + 1}`;
    ws[value] = { t: "n", v: Number((ws[value] as XLSX.CellObject).v) + 0.0025 };
    const editedPath = `${root}test-artifacts/edited.xlsx`;
    writeFileSync(editedPath, XLSX.write(wb, { type: "buffer", bookType: "xlsx" }) as Buffer);

    await chooseFile(page, "import-assumptions", editedPath);
    await expect.poll(() => page.locator('[data-testid="message-text"]').innerText()).toMatch(/Imported assumptions|Could not import/);
    const message = await page.locator('[data-testid="message-bar"]').innerText();
    expect(message, message).toContain('Imported assumptions from "edited.xlsx": 1 applied, 0 ignored.');
    expect(message).toContain("applied: FY2026 base salary increase");
  });

  it("a workbook from another scenario asks first, naming both, and applies on the button", async () => {
    const otherPath = `${root}test-artifacts/contract-as-stated.xlsx`;
    writeFileSync(otherPath, exportWorkbook([contractAsStated()]));
    await chooseFile(page, "import-assumptions", otherPath);
    const confirm = page.locator('[data-testid="message-confirm"]');
    await confirm.waitFor();
    const message = await page.locator('[data-testid="message-bar"]').innerText();
    expect(message).toContain("needs your confirmation");
    expect(message).toContain('was exported from scenario "contract-as-stated"');
    for (const [width, height] of [
      [1280, 720],
      [1440, 900],
    ] as const) {
      await page.setViewportSize({ width, height });
      await page.screenshot({ path: `${shots}09-import-confirm-${width}x${height}.png` });
    }
    await page.setViewportSize(VIEWPORT);
    await confirm.click();
    await expect
      .poll(() => page.locator('[data-testid="message-text"]').innerText())
      .toMatch(/Imported assumptions from "contract-as-stated.xlsx"/);
  });
});

describe("the Inputs screen's live table", () => {
  it("an edited raise shows in the table on the same screen, and its numbers explain themselves there", async () => {
    const { page: p, errors: problems, close } = await app.open();
    await p.locator('[data-testid="fis-grid"] [row-id=totalCost]').waitFor();
    await p.click('[data-testid="tab-inputs"]');
    const live = (line: string, column: string) => p.locator(`[data-testid="inputs-fis-grid"] [row-id="${line}"] [col-id="${column}"]`);
    // On the Inputs screen the only FIS table shown is the live one (the Table tab's is kept, hidden, for the way back).
    expect(await p.locator('[data-testid="fis-grid"]').isVisible()).toBe(false);
    expect(await p.locator('[data-testid="inputs-fis-grid"]').isVisible()).toBe(true);
    expect(thousands(await live("baseSalaryIncreases", "FY2026").innerText())).toBe(PUBLISHED_FIS_TABLE.baseSalaryIncreases!.FY2026);

    const raise = p.locator(`.inputs-grid [row-id="${FY2026_RAISE}"] [col-id="value"]`);
    await raise.click();
    await p.keyboard.type("4");
    await p.locator(".inputs-grid .ag-cell-inline-editing input").waitFor();
    await p.keyboard.type("%");
    await p.keyboard.press("Enter");
    await expect.poll(() => raise.innerText()).toBe("4%");

    const want = expected(computeTable(setInputValue(fisAsPublished(), FY2026_RAISE, "0.04")));
    await expect
      .poll(async () => thousands(await live("baseSalaryIncreases", "FY2026").innerText()))
      .toBe(want.baseSalaryIncreases!.FY2026);
    expect(want.baseSalaryIncreases!.FY2026!).toBeGreaterThan(PUBLISHED_FIS_TABLE.baseSalaryIncreases!.FY2026!);
    // Every other cell follows too, with no tab switch: the whole table equals the engine's.
    for (const [line, cells] of Object.entries(want)) {
      for (const c of COLUMNS) expect(thousands(await live(line, c).innerText()), `${line} ${c}`).toBe(cells[c]);
    }
    expect(await p.locator('[data-testid="tab-inputs"]').getAttribute("aria-selected")).toBe("true");

    await live("baseSalaryIncreases", "FY2026").click();
    const panel = p.locator('[data-testid="explain-panel"]');
    await expect
      .poll(() => panel.innerText())
      .toContain(`Base Salary Increases, FY 2026: $${want.baseSalaryIncreases!.FY2026!.toLocaleString("en-US")} thousand`);
    await expect(panel.locator(".tag-user").first().innerText()).resolves.toContain("edited");
    await p.screenshot({ path: `${shots}04b-inputs-with-table.png` });
    expect(problems).toEqual([]);
    await close();
  });
});

describe("census import", () => {
  it("imports a census CSV and shows it on the census screen", async () => {
    const csv = censusToCsv({ ...referenceCensus(), cells: referenceCensus().cells.slice(0, 40) });
    await chooseFile(page, "import-census", { name: "census.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
    await expect.poll(() => page.locator('[data-testid="message-text"]').innerText()).toMatch(/Imported the census|Could not import/);
    expect(await page.locator('[data-testid="message-bar"]').innerText()).toContain('Imported the census in "census.csv"');
    await tab("census");
    await expect.poll(() => page.locator('[data-testid="schedule-panel"]').innerText()).toContain('Imported from "census.csv"');
  });
});

describe("native menu commands (a stand-in for the Electron preload)", () => {
  it("routes edit.undo, edit.redo and view.* from onMenuCommand", async () => {
    // Runs in the page before the app: the platform the app finds is this stand-in.
    const stubPlatform = () => {
      const none = async () => ({ ok: true, value: null });
      const w = window as unknown as Record<string, unknown>;
      w.platform = {
        kind: "electron",
        openScenarioFile: none,
        saveScenarioFile: none,
        openSpreadsheetFile: none,
        exportFile: none,
        recentFiles: async () => ({ ok: true, value: [] }),
        openRecent: none,
        writeAutosave: async () => ({ ok: true, value: undefined }),
        readAutosave: none,
        clearAutosave: async () => ({ ok: true, value: undefined }),
        onMenuCommand: (handler: unknown) => {
          w.__menu = handler;
          return () => undefined;
        },
        setWindowTitle: (t: string) => (w.__title = t),
      };
    };
    const { page: p, close } = await app.open({ prepare: (context) => context.addInitScript(stubPlatform) });
    const send = (command: string) => p.evaluate((c) => (window as unknown as { __menu: (c: string) => void }).__menu(c), command);
    await p.locator('[data-testid="fis-grid"] [row-id=totalCost]').waitFor();
    await send("view.inputs");
    const raise = p.locator(`.inputs-grid [row-id="${FY2026_RAISE}"] [col-id="value"]`);
    await raise.click();
    await p.keyboard.type("5");
    await p.locator(".inputs-grid .ag-cell-inline-editing input").waitFor();
    await p.keyboard.type("%");
    await p.keyboard.press("Enter");
    await expect.poll(() => raise.innerText()).toBe("5%");
    await send("edit.undo");
    await expect.poll(() => raise.innerText()).toBe("3%");
    await send("edit.redo");
    await expect.poll(() => raise.innerText()).toBe("5%");
    await expect
      .poll(() => p.evaluate(() => (window as unknown as { __title: string }).__title))
      .toBe("FIS as published (copy) (unsaved changes) — Fiscal Impact Studio");
    await send("view.compare");
    await p.locator('[data-testid="compare-panel"]').waitFor();
    await send("view.analysis");
    await p.locator('[data-testid="analysis"]').waitFor();
    await close();
  });
});

describe("recovering unsaved work", () => {
  it("offers the autosave from the last session and restores its scenarios", async () => {
    const copy = { ...fisAsPublished(), id: "recovered-1", name: "Recovered scenario" };
    const snapshot = JSON.stringify({
      version: 1,
      savedAt: "2026-01-02T03:04:05.000Z",
      text: JSON.stringify({ version: 1, scenarios: [copy] }),
    });
    const { page: p, close } = await app.open({
      prepare: (context) => context.addInitScript((value) => localStorage.setItem("fis.platform.autosave", value), snapshot),
    });
    const banner = p.locator('[data-testid="recover-banner"]');
    await expect.poll(() => banner.innerText()).toContain("Recover unsaved work from");
    await banner.locator("button", { hasText: "Recover" }).click();
    await expect.poll(() => p.locator('[data-testid="active-scenario"]').innerText()).toContain("Recovered scenario");
    await close();
  });
});
