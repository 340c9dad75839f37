/**
 * The renderer in Chromium (playwright-core, Debian's /usr/bin/chromium, headless), served from
 * dist-web by bench/static-server.ts:
 *  - first paint: navigation start -> first contentful paint, and -> the FIS grid showing all its
 *    computed cells ("FIS as published", the app's opening screen), fresh browser context per run;
 *  - single-input edit: type a new FY2026 raise in the inputs grid, press Enter, measure in-page
 *    until the live FIS table on the same (Inputs) screen shows the recomputed value; and, as a
 *    second number, until the Table tab's FIS cell does when that tab is opened at once
 *    (bench/browser-scripts.ts);
 *  - census import: a 100,000-row census file (CSV, xlsx) chosen in "Import census…" -> the census
 *    screen shows 100,000 members, with the longest gap between frames and the long tasks meanwhile;
 *  - a heavy table: a 30-year scenario opened, costed in the worker, its table shown: the longest
 *    main-thread task on the way.
 * When dist-web is older than any renderer/ or model/ source, the bench builds its own copy (see ensureBuilt).
 */
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { computeTable, Decimal, setInputValue } from "../../model/engine/index";
import { armCensusImport, armEdit, firstPaintInit, READ_FIRST_PAINT } from "../browser-scripts";
import { censusCsvText, censusXlsxBytes, personRows } from "../census-fixture";
import { summarize } from "../measure";
import { REPO_ROOT } from "../paths";
import { failed, notAvailable, withTarget, type CaseResult } from "../results";
import { raisePathFor, referenceScenario } from "../reference";
import { heavyScenario } from "../../test/robustness/heavy";
import { serveStatic } from "../static-server";
import type { BenchContext } from "./context";

const GROUP = "browser";
const CHROMIUM = "/usr/bin/chromium";
const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];
const VIEWPORT = { width: 1500, height: 950 };
const DIST = path.join(REPO_ROOT, "dist-web");
const PRIVATE_DIST = path.join(os.tmpdir(), "fis-bench-dist-web");

function newestMtime(dir: string): number {
  let newest = 0;
  for (const name of readdirSync(dir)) {
    if (name === "node_modules" || name.startsWith(".")) continue;
    const full = path.join(dir, name);
    const st = statSync(full);
    newest = Math.max(newest, st.isDirectory() ? newestMtime(full) : st.mtimeMs);
  }
  return newest;
}

/**
 * A fresh web build: dist-web when it is newer than every renderer/ and model/ source, else the
 * bench's own build in the OS temp dir (rebuilt when stale). The bench never writes dist-web, so
 * it cannot pull the files from under an end-to-end run in progress.
 */
async function ensureBuilt(ctx: BenchContext): Promise<{ ok: true; dir: string; builtMs: number | null } | { ok: false; reason: string }> {
  const sources = Math.max(newestMtime(path.join(REPO_ROOT, "renderer")), newestMtime(path.join(REPO_ROOT, "model")));
  const fresh = (dir: string) => existsSync(path.join(dir, "index.html")) && statSync(path.join(dir, "index.html")).mtimeMs >= sources;
  if (fresh(DIST)) return { ok: true, dir: DIST, builtMs: null };
  if (fresh(PRIVATE_DIST)) return { ok: true, dir: PRIVATE_DIST, builtMs: null };
  ctx.log(`dist-web is missing or older than renderer/ or model/: building the renderer into ${PRIVATE_DIST}`);
  const t0 = performance.now();
  try {
    await new Promise<void>((resolve, reject) =>
      execFile(
        "npx",
        ["vite", "build", "--config", "vite.web.config.ts", "--outDir", PRIVATE_DIST, "--emptyOutDir", "--logLevel", "warn"],
        { cwd: REPO_ROOT, timeout: 150_000 },
        (error, _out, stderr) =>
          error ? reject(new Error(`${error.message.split("\n")[0]} ${stderr.split("\n").slice(0, 3).join(" ")}`.trim())) : resolve(),
      ),
    );
  } catch (e) {
    return { ok: false, reason: `the web build failed: ${(e as Error).message}` };
  }
  return { ok: true, dir: PRIVATE_DIST, builtMs: performance.now() - t0 };
}

const CELLS = 45;

/**
 * page.waitForFunction compiles its predicate in the page, which the renderer's CSP (script-src
 * 'self', no unsafe-eval) forbids; page.evaluate goes through the DevTools protocol and is allowed.
 * The poll only decides when to read: the times themselves are taken in the page.
 */
async function poll(page: Page, expression: string, timeoutMs: number): Promise<boolean> {
  const until = performance.now() + timeoutMs;
  while (performance.now() < until) {
    if (await page.evaluate(expression)) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return false;
}

/** Size of the scripts index.html loads up front: what the browser parses before the first render. */
function entryScriptKiB(dist: string): number | null {
  try {
    const html = readFileSync(path.join(dist, "index.html"), "utf8");
    const srcs = [...html.matchAll(/<script[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1]!);
    return Math.round(srcs.reduce((n, src) => n + statSync(path.join(dist, src)).size, 0) / 1024);
  } catch {
    return null;
  }
}

async function firstPaint(ctx: BenchContext, browser: Browser, url: string, dist: string): Promise<CaseResult[]> {
  const fcpId = "browser.firstContentfulPaint";
  const gridId = "browser.firstPaintFisGrid";
  const fcpLabel = "Renderer: navigation start -> first contentful paint";
  const gridLabel = `Renderer: navigation start -> FIS grid showing its ${CELLS} cells (next frame)`;
  try {
    const samples: { fcp: number | null; gridDom: number; gridFrame: number; domContentLoaded: number | null }[] = [];
    const warmup = 1;
    const runs = ctx.runs(7);
    for (let i = 0; i < warmup + runs; i++) {
      const context = await browser.newContext({ viewport: VIEWPORT });
      try {
        await context.addInitScript({ content: firstPaintInit(CELLS) });
        const page = await context.newPage();
        const errors: string[] = [];
        page.on("pageerror", (e) => errors.push(e.message));
        await page.goto(url, { waitUntil: "load" });
        if (!(await poll(page, "window.__bench && window.__bench.gridFrame !== null", 30_000))) {
          throw new Error(
            `the FIS grid never showed ${CELLS} cells (saw ${await page.evaluate("window.__bench && window.__bench.gridCells")}); ` +
              `page errors: ${errors.join("; ") || "none"}`,
          );
        }
        // FCP is reported a little after the paint itself.
        await poll(page, 'performance.getEntriesByName("first-contentful-paint").length > 0', 5_000);
        const r = (await page.evaluate(READ_FIRST_PAINT)) as {
          fcp: number | null;
          gridDom: number;
          gridFrame: number;
          domContentLoaded: number | null;
        };
        if (i >= warmup) samples.push(r);
      } finally {
        await context.close();
      }
    }
    const fcps = samples.map((s) => s.fcp).filter((v): v is number => v !== null);
    const out: CaseResult[] = [];
    out.push(
      fcps.length
        ? {
            id: fcpId,
            group: GROUP,
            label: fcpLabel,
            status: "ok",
            stats: summarize(fcps, warmup),
            target: withTarget(summarize(fcps, warmup), "≤ 300 ms (issue 14)", 300),
            note: "A fresh browser context per run (no HTTP cache), page served from 127.0.0.1.",
          }
        : notAvailable(fcpId, GROUP, fcpLabel, "Chromium reported no first-contentful-paint entry"),
    );
    const grid = summarize(
      samples.map((s) => s.gridFrame),
      warmup,
    );
    out.push({
      id: gridId,
      group: GROUP,
      label: gridLabel,
      status: "ok",
      stats: grid,
      note:
        "Until the frame after the last of the 45 computed cells appears in the DOM (MutationObserver installed before any page " +
        "script).",
      details: {
        toDomMedianMs: summarize(
          samples.map((s) => s.gridDom),
          warmup,
        ).medianMs,
        domContentLoadedMedianMs: summarize(
          samples.map((s) => s.domContentLoaded ?? 0),
          warmup,
        ).medianMs,
        entryScriptKiB: entryScriptKiB(dist),
      },
    });
    return out;
  } catch (e) {
    return [failed(fcpId, GROUP, fcpLabel, e), failed(gridId, GROUP, gridLabel, e)];
  }
}

async function openPage(browser: Browser, url: string): Promise<Page> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  await page.goto(url);
  await page.locator('[data-testid="fis-grid"] [row-id="costFundedByWia"] [col-id="Total"]').waitFor({ timeout: 30_000 });
  return page;
}

interface EditTimes {
  t0: number;
  t1: number;
  t2: number;
  t3: number;
}

/**
 * Types the FY2026 raise on the Inputs screen and presses Enter, `warmup + runs` times with a new
 * rate each time (3.1%, 3.2%, ...; so every run is a real change, and the first also makes the
 * editable copy). `viaTableTab`: the Table tab is clicked once the inputs grid shows the value and
 * the Table tab's FIS cell is timed; otherwise the live FIS table on the Inputs screen is.
 */
async function timeEdits(page: Page, viaTableTab: boolean, warmup: number, runs: number, first: number): Promise<EditTimes[]> {
  const scenario = referenceScenario();
  const inputPath = raisePathFor(scenario, 2026);
  const inputCell = page.locator(`.inputs-grid [row-id="${inputPath}"] [col-id="value"]`);
  const t: EditTimes[] = [];
  for (let i = 0; i < warmup + runs; i++) {
    const tenths = 31 + ((first + i) % 60);
    const percentText = `${Math.floor(tenths / 10)}.${tenths % 10}%`;
    const rate = `0.0${tenths}`;
    const want = computeTable(setInputValue(scenario, inputPath, rate)).lines.find((l) => l.id === "baseSalaryIncreases")!.cells["FY2026"]!
      .display;
    if (viaTableTab || i === 0) await page.click('[data-testid="tab-inputs"]');
    await inputCell.waitFor();
    await inputCell.click();
    await page.keyboard.type(percentText.slice(0, 1));
    await page.locator(".inputs-grid .ag-cell-inline-editing input").waitFor();
    await page.keyboard.type(percentText.slice(1));
    // The grid shows rates as exact percentages: "4.0%" typed is "4%" shown.
    const shown = `${new Decimal(rate).times(100).toString()}%`;
    await page.evaluate(
      armEdit({
        inputPath,
        inputText: shown,
        line: "baseSalaryIncreases",
        column: "FY2026",
        wantDigits: want.abs().toFixed(0),
        ...(viaTableTab ? { fisGrid: "fis-grid", clickTab: "tab-table" } : { fisGrid: "inputs-fis-grid" }),
      }),
    );
    await page.keyboard.press("Enter");
    const times = (await page.evaluate("window.__benchPending")) as EditTimes;
    if (i >= warmup) t.push(times);
    // Let the change flash (0.5 s + 1 s fade) end, so each run starts from a still screen as a user's would.
    if (!viaTableTab) await page.waitForTimeout(1600);
  }
  return t;
}

async function editInBrowser(ctx: BenchContext, browser: Browser, url: string): Promise<CaseResult[]> {
  const id = "edit.browser";
  const label = "Single-input edit in the renderer: type FY2026 raise + Enter -> the FIS cell on the same screen shows the new value";
  const tabId = `${id}.viaTableTab`;
  const tabLabel = "Single-input edit, then the Table tab: Enter -> inputs grid -> Table tab clicked -> its FIS cell shows the new value";
  try {
    const page = await openPage(browser, url);
    const warmup = 2;
    const runs = ctx.runs(12);
    const same = await timeEdits(page, false, warmup, runs, 0);
    const viaTab = await timeEdits(page, true, warmup, runs, warmup + runs);
    await page.context().close();
    const total = summarize(
      same.map((x) => x.t3 - x.t0),
      warmup,
    );
    const inputs = summarize(
      same.map((x) => x.t1 - x.t0),
      warmup,
    );
    const tabTotal = summarize(
      viaTab.map((x) => x.t3 - x.t0),
      warmup,
    );
    return [
      {
        id,
        group: GROUP,
        label,
        status: "ok",
        stats: total,
        target: withTarget(total, "≤ 16 ms (issue 14)", 16),
        note:
          "Enter keydown reaching the page -> the inputs grid and the live FIS table above it (Inputs screen) both show the edit -> " +
          "next frame. No tab switch.",
        details: {
          editToInputsGridMedianMs: inputs.medianMs,
          enterToFisCellInDomMedianMs: summarize(
            same.map((x) => x.t2 - x.t0),
            warmup,
          ).medianMs,
          fisCellToNextFrameMedianMs: summarize(
            same.map((x) => x.t3 - x.t2),
            warmup,
          ).medianMs,
        },
      },
      {
        id: `${id}.inputsGrid`,
        group: GROUP,
        label: "Single-input edit in the renderer, to the inputs grid: Enter -> inputs grid shows the new value (DOM)",
        status: "ok",
        stats: inputs,
        target: withTarget(inputs, "≤ 50 ms", 50),
        note:
          "Same runs as edit.browser, up to the inputs grid cell: the edit applied, the table recomputed (memoized by scenario, once " +
          "for both grids), both grids updated; paint follows at the next frame.",
      },
      {
        id: tabId,
        group: GROUP,
        label: tabLabel,
        status: "ok",
        stats: tabTotal,
        target: withTarget(tabTotal, "≤ 33 ms (issue 14)", 33),
        note:
          "The user edits, then opens the Table tab at once: the click shows the kept Table screen, whose grid takes the rows the " +
          "edit changed. Secondary: the Inputs screen shows the table itself.",
        details: {
          editToInputsGridMedianMs: summarize(
            viaTab.map((x) => x.t1 - x.t0),
            warmup,
          ).medianMs,
          tabSwitchToFisCellMedianMs: summarize(
            viaTab.map((x) => x.t2 - x.t1),
            warmup,
          ).medianMs,
          fisCellToNextFrameMedianMs: summarize(
            viaTab.map((x) => x.t3 - x.t2),
            warmup,
          ).medianMs,
        },
      },
    ];
  } catch (e) {
    return [failed(id, GROUP, label, e), failed(tabId, GROUP, tabLabel, e)];
  }
}

interface ImportTimes {
  t0: number;
  tBusy: number | null;
  t1: number;
  t2: number;
  maxFrameGapMs: number;
  frames: number;
  longTasks: { startMs: number; durationMs: number }[];
  longTaskSupported: boolean;
}

const PEOPLE = 100_000;

/**
 * Each run on a fresh page (the census screen open, as the reference census), so every import
 * replaces the reference census with the 100,000-person one: Import census… is clicked, the file
 * is handed to the chooser, and the page times itself from the input's change event on.
 */
async function timeCensusImports(
  browser: Browser,
  url: string,
  file: { name: string; mimeType: string; buffer: Buffer },
  warmup: number,
  runs: number,
): Promise<ImportTimes[]> {
  const out: ImportTimes[] = [];
  for (let i = 0; i < warmup + runs; i++) {
    const page = await openPage(browser, url);
    try {
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(e.message));
      await page.click('[data-testid="tab-census"]');
      await page.locator('[data-testid="schedule-panel"] h3').first().waitFor({ timeout: 30_000 });
      await page.evaluate(armCensusImport("100,000 members"));
      const [chooser] = await Promise.all([page.waitForEvent("filechooser"), page.click('[data-testid="import-census"]')]);
      await chooser.setFiles(file);
      const times = (await page.evaluate("window.__benchPending")) as ImportTimes;
      if (errors.length) throw new Error(`page errors during the import: ${errors.join("; ")}`);
      if (i >= warmup) out.push(times);
    } finally {
      await page.context().close();
    }
  }
  return out;
}

async function censusImportInBrowser(ctx: BenchContext, browser: Browser, url: string): Promise<CaseResult[]> {
  const { rows } = personRows(PEOPLE);
  const csv = Buffer.from(censusCsvText(rows));
  const xlsx = Buffer.from(censusXlsxBytes(rows));
  const kinds = [
    { kind: "csv", file: { name: "census-100k.csv", mimeType: "text/csv", buffer: csv }, runs: ctx.runs(5) },
    {
      kind: "xlsx",
      file: { name: "census-100k.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: xlsx },
      runs: ctx.runs(3),
    },
  ] as const;
  const out: CaseResult[] = [];
  for (const k of kinds) {
    const id = `browser.censusImport100k.${k.kind}`;
    const gapId = `${id}.longestFrameGap`;
    const mib = (k.file.buffer.byteLength / 1024 / 1024).toFixed(1);
    const label =
      `Import census… of a 100,000-row ${k.kind === "csv" ? "CSV" : "xlsx"} (${mib} MiB): file chosen → the census screen shows ` +
      `100,000 members (painted)`;
    const gapLabel = `the same runs: longest gap between frames on the main thread while importing`;
    try {
      const warmup = 1;
      const t = await timeCensusImports(browser, url, k.file, warmup, k.runs);
      const total = summarize(
        t.map((x) => x.t2 - x.t0),
        warmup,
      );
      const gap = summarize(
        t.map((x) => x.maxFrameGapMs),
        warmup,
      );
      const longest = (x: ImportTimes) => x.longTasks.reduce((m, l) => Math.max(m, l.durationMs), 0);
      const longTask = summarize(t.map(longest), warmup);
      const details = {
        fileBytes: k.file.buffer.byteLength,
        toBusyStatusMedianMs: t.every((x) => x.tBusy !== null)
          ? summarize(
              t.map((x) => x.tBusy! - x.t0),
              warmup,
            ).medianMs
          : "the page showed no importing status",
        toHeadingInDomMedianMs: summarize(
          t.map((x) => x.t1 - x.t0),
          warmup,
        ).medianMs,
        longestLongTaskMedianMs: t[0]!.longTaskSupported ? longTask.medianMs : "PerformanceObserver longtask not supported",
        longestLongTaskMaxMs: t[0]!.longTaskSupported ? longTask.maxMs : null,
        longTasksPerImportMedian: summarize(
          t.map((x) => x.longTasks.length),
          warmup,
        ).medianMs,
        framesDuringImportMedian: summarize(
          t.map((x) => x.frames),
          warmup,
        ).medianMs,
      };
      out.push(
        {
          id,
          group: GROUP,
          label,
          status: "ok",
          stats: total,
          note:
            "A fresh page per run on the census screen; from the file input's change event to the frame after the heading reads " +
            "100,000 members. The file's bytes reach the page before the change event, so the DevTools transfer is not counted.",
          details,
        },
        {
          id: gapId,
          group: GROUP,
          label: gapLabel,
          status: "ok",
          stats: gap,
          note:
            "requestAnimationFrame gaps from the change event to the frame after the census shows; a long task (PerformanceObserver) " +
            "is in details. About 17 ms is a frame at 60 Hz.",
          details,
        },
      );
    } catch (e) {
      out.push(failed(id, GROUP, label, e), failed(gapId, GROUP, gapLabel, e));
    }
  }
  return out;
}

/** Long tasks from when this runs, and when (performance.now()) the progress bar leaves the page. */
const ARM_HEAVY = `(() => {
  const w = window;
  w.__heavy = { t0: performance.now(), tasks: [], gone: null, supported: PerformanceObserver.supportedEntryTypes.includes("longtask") };
  new PerformanceObserver((l) => {
    for (const e of l.getEntries()) w.__heavy.tasks.push({ start: e.startTime, ms: e.duration });
  }).observe({ type: "longtask" });
  const seen = () => document.querySelector('[data-testid="table-progress"]') !== null;
  let shown = seen();
  new MutationObserver((_, o) => { if (seen()) shown = true; else if (shown) { w.__heavy.gone = performance.now(); o.disconnect(); } })
    .observe(document.body, { childList: true, subtree: true });
})()`;

/**
 * Opening the heaviest scenario accepted (30 fiscal years, 480,000 cost steps): the worker costs it
 * while the page stays responsive, then the 31-column table lands. The longest main-thread task
 * from the file's choice until the table has been shown and fitted, and the longest after the
 * progress bar left (making and fitting the grid), a fresh page per run.
 */
async function heavyTableInBrowser(ctx: BenchContext, browser: Browser, url: string): Promise<CaseResult[]> {
  const id = "browser.heavyTable.longestTask";
  const label = "Open a 30-year scenario costed in the worker: longest main-thread task until its table is shown and fitted";
  const dir = mkdtempSync(path.join(os.tmpdir(), "fis-bench-heavy-"));
  try {
    const file = path.join(dir, "heavy-30-years.json");
    const raw = heavyScenario(10, 50, 30, 30) as { groups: { positions: { count: { value: string } }[] }[] };
    raw.groups[0]!.positions[0]!.count.value = "3";
    writeFileSync(file, JSON.stringify(raw));
    const warmup = 1;
    const runs = ctx.runs(3);
    const samples: { longest: number; afterBar: number; count: number }[] = [];
    for (let i = 0; i < warmup + runs; i++) {
      const page = await openPage(browser, url);
      try {
        const errors: string[] = [];
        page.on("pageerror", (e) => errors.push(e.message));
        await page.evaluate(ARM_HEAVY);
        const [chooser] = await Promise.all([page.waitForEvent("filechooser"), page.click('[data-testid="file-open"]')]);
        await chooser.setFiles(file);
        const live = '.table-main [data-testid="fis-grid"] [row-id="total"] [col-id="Total"]';
        if (!(await poll(page, `document.querySelector(${JSON.stringify(live)}) !== null`, 120_000)))
          throw new Error(`the heavy table never showed; page errors: ${errors.join("; ") || "none"}`);
        // The fit runs a frame or two after the grid is made; its task is counted too.
        await new Promise((r) => setTimeout(r, 1_000));
        const h = (await page.evaluate("window.__heavy")) as {
          tasks: { start: number; ms: number }[];
          gone: number | null;
          supported: boolean;
        };
        if (!h.supported) throw new Error("PerformanceObserver longtask is not supported");
        const after = h.tasks.filter((t) => h.gone !== null && t.start > h.gone);
        samples.push({
          longest: Math.max(0, ...h.tasks.map((t) => t.ms)),
          afterBar: Math.max(0, ...after.map((t) => t.ms)),
          count: h.tasks.length,
        });
      } finally {
        await page.context().close();
      }
    }
    const stats = summarize(
      samples.map((x) => x.longest),
      warmup,
    );
    return [
      {
        id,
        group: GROUP,
        label,
        status: "ok",
        stats,
        target: withTarget(stats, "≤ 200 ms", 200),
        note:
          "From the scenario chosen in Open… to a second after its table shows (PerformanceObserver long tasks, over 50 ms). " +
          "The test (table-worker e2e) holds the tasks up to the table's landing under 200 ms; making the 31-column grid and " +
          "fitting its columns come after, each in a frame of its own.",
        details: {
          longestAfterTheBarLeftMedianMs: summarize(
            samples.map((x) => x.afterBar),
            warmup,
          ).medianMs,
          longTasksPerRunMedian: summarize(
            samples.map((x) => x.count),
            warmup,
          ).medianMs,
        },
      },
    ];
  } catch (e) {
    return [failed(id, GROUP, label, e)];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function browserCases(ctx: BenchContext): Promise<CaseResult[]> {
  const labels: [string, string][] = [
    ["browser.firstContentfulPaint", "Renderer: navigation start -> first contentful paint"],
    ["browser.firstPaintFisGrid", `Renderer: navigation start -> FIS grid showing its ${CELLS} cells`],
    ["edit.browser", "Single-input edit in the renderer"],
    ["edit.browser.viaTableTab", "Single-input edit, then the Table tab"],
    ["browser.censusImport100k.csv", "Import census… of a 100,000-row CSV"],
    ["browser.censusImport100k.xlsx", "Import census… of a 100,000-row xlsx"],
    ["browser.heavyTable.longestTask", "Open a 30-year scenario costed in the worker: longest main-thread task"],
  ];
  if (!existsSync(CHROMIUM)) return labels.map(([id, label]) => notAvailable(id, GROUP, label, `${CHROMIUM} is not installed`));
  if (ctx.dist && !existsSync(path.join(ctx.dist, "index.html")))
    return labels.map(([id, label]) => notAvailable(id, GROUP, label, `--dist ${ctx.dist} has no index.html`));
  const built: Awaited<ReturnType<typeof ensureBuilt>> = ctx.dist ? { ok: true, dir: ctx.dist, builtMs: null } : await ensureBuilt(ctx);
  if (!built.ok) return labels.map(([id, label]) => notAvailable(id, GROUP, label, built.reason));
  const dist = built.dir;
  if (built.builtMs !== null) ctx.log(`web build took ${(built.builtMs / 1000).toFixed(1)} s (not part of any timing)`);
  const server = await serveStatic(dist);
  let browser: Browser | null = null;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
    const out = [
      ...(await firstPaint(ctx, browser, server.url, dist)),
      ...(await editInBrowser(ctx, browser, server.url)),
      ...(await censusImportInBrowser(ctx, browser, server.url)),
      ...(await heavyTableInBrowser(ctx, browser, server.url)),
    ];
    for (const r of out) ctx.log(`${r.id}: ${r.status}${r.reason ? ` (${r.reason})` : ""}`);
    return out.map((r) => ({
      ...r,
      details: {
        ...r.details,
        chromium: browser!.version(),
        dist: path.relative(REPO_ROOT, dist).startsWith("..") ? dist : path.relative(REPO_ROOT, dist),
        webBuildMs: built.builtMs === null ? "up to date, not rebuilt" : Math.round(built.builtMs),
      },
    }));
  } catch (e) {
    return labels.map(([id, label]) => failed(id, GROUP, label, e));
  } finally {
    await browser?.close();
    await server.close();
  }
}
