/**
 * A long working day in the browser build, compressed: 1,000 edits typed into the Inputs grid,
 * spread over 5 scenarios (ten edits, then the next scenario). Not part of the quick suite: run
 * with `npm run soak` (CI or bench). It checks that a day of editing neither grows the heap nor the
 * DOM, and never shows a wrong number:
 *  - JS heap after a forced GC grows by less than 5 MB from edit 100 to edit 1,000 (undo history
 *    included, so a history that kept results or grew without bound would fail here);
 *  - DOM node count flat (within 2%) between the same two points, on the same screen;
 *  - every scenario's FIS table equals the engine's computeTable of the same inputs, applied in
 *    Node from the edit list (the app's own state is never read back).
 * A second run stays on one scenario on the Inputs screen for 1,000 edits and counts the state
 * updates React holds queued on the grids' components: ag-grid-react sets unchanged state on
 * components that never re-render, and before renderer/grid/react-for-ag-grid.ts each such update
 * stayed queued (tens per edit, ~2 KB of heap per edit).
 * Numbers are written to test-artifacts/soak.json and soak-one-scenario.json, and printed.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import type { CDPSession, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { computeTable } from "../../model/engine/compute";
import { setInputValue } from "../../model/engine/scenario/paths";
import { fisAsPublished } from "../../model/built-ins";
import type { Scenario } from "../../model/engine/scenario/types";
import { expectedTable, readTable } from "../e2e/cells";
import { root, startApp, type App } from "../e2e/harness";

const EDITS = 1000;
const SCENARIOS = 5;
const PER_SCENARIO_RUN = 10;
const CHECKPOINTS = [100, 200, 300, 400, 500, 600, 700, 800, 900, 1000];

/** What the user types and what the scenario then holds (parseInputNumber's meaning, written out by hand). */
interface Edit {
  path: string;
  typed: string;
  /** The grid's display of the value once applied (inputText). */
  shown: string;
  value: string;
}

/** A small deterministic PRNG (mulberry32): the same 1,000 edits on every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function edits(): Edit[] {
  const next = random(20250301);
  const out: Edit[] = [];
  for (let i = 0; i < EDITS; i++) {
    const pick = Math.floor(next() * 6);
    if (pick < 4) {
      // A raise between 1.0% and 6.9%: "3.4%" is the rate 0.034.
      const tenths = 10 + Math.floor(next() * 60);
      const pct = `${Math.floor(tenths / 10)}.${tenths % 10}`;
      out.push({
        path: `items.baseSalary.steps.${["2024-10-01", "2025-10-01", "2026-10-01", "2027-10-01"][pick]}.amount`,
        typed: `${pct}%`,
        shown: `${pct.replace(/\.0$/, "")}%`,
        value: `0.0${tenths}`,
      });
    } else if (pick === 4) {
      const members = 5000 + Math.floor(next() * 1000);
      out.push({ path: "groups.wtu.members", typed: String(members), shown: members.toLocaleString("en-US"), value: String(members) });
    } else {
      // A one-time bonus between 1% and 5%.
      const pct = 1 + Math.floor(next() * 5);
      out.push({ path: "items.bonus.rate", typed: `${pct}%`, shown: `${pct}%`, value: `0.0${pct}` });
    }
  }
  return out;
}

let app: App;
let page: Page;
let cdp: CDPSession;
const pageErrors: string[] = [];
const warnings: string[] = [];

interface Sample {
  edit: number;
  heapMB: number;
  domNodes: number;
  listeners: number;
}

async function sample(edit: number): Promise<Sample> {
  await cdp.send("HeapProfiler.collectGarbage");
  await cdp.send("HeapProfiler.collectGarbage");
  const heap = await cdp.send("Runtime.getHeapUsage");
  const dom = await cdp.send("Memory.getDOMCounters");
  return { edit, heapMB: heap.usedSize / 1024 / 1024, domNodes: dom.nodes, listeners: dom.jsEventListeners };
}

/** Updates React holds queued on hooks (not yet rendered), over the whole page's fiber tree. */
const QUEUED_UPDATES = `(() => {
  const rootEl = document.getElementById("root");
  const key = Object.keys(rootEl).find((k) => k.startsWith("__reactContainer$"));
  const length = (last) => { if (!last) return 0; let n = 1; for (let u = last.next; u && u !== last; u = u.next) n++; return n; };
  let total = 0;
  const stack = [rootEl[key]];
  while (stack.length) {
    const fiber = stack.pop();
    if (!fiber) continue;
    if (typeof fiber.type === "function" || (fiber.type && typeof fiber.type === "object")) {
      for (let h = fiber.memoizedState; h && typeof h === "object" && "next" in h; h = h.next)
        total += length(h.queue && h.queue.pending) + length(h.baseQueue);
    }
    stack.push(fiber.child, fiber.sibling);
  }
  return total;
})()`;

const valueCell = (path: string) => page.locator(`.inputs-grid [row-id="${path}"] [col-id="value"]`);

async function type(edit: Edit): Promise<void> {
  await valueCell(edit.path).click();
  await page.keyboard.type(edit.typed.slice(0, 1));
  await page.locator(".inputs-grid .ag-cell-inline-editing input").waitFor();
  await page.keyboard.type(edit.typed.slice(1));
  await page.keyboard.press("Enter");
  await expect.poll(() => valueCell(edit.path).innerText(), { interval: 20, timeout: 10_000 }).toBe(edit.shown);
}

beforeAll(async () => {
  app = await startApp();
  const opened = await app.open();
  page = opened.page;
  page.on("pageerror", (e) => pageErrors.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "warning" || m.type() === "error") warnings.push(m.text());
  });
  cdp = await page.context().newCDPSession(page);
  await page.locator('[data-testid="fis-grid"] [row-id="totalCost"]').waitFor();
});

afterAll(async () => {
  await app?.close();
});

describe("a long day of editing", () => {
  it(
    "1,000 edits over 5 scenarios: heap after GC grows < 5 MB from edit 100 to 1,000, DOM flat, every table equals the engine",
    async () => {
      const list = edits();
      const expected: Scenario[] = [];
      const keys: string[] = [];
      const samples: Sample[] = [];
      const started = Date.now();
      await page.click('[data-testid="tab-inputs"]');

      // Scenario 1 is the copy the first edit makes of the read-only built-in; 2..5 are new scenarios (copies of it as published).
      await type(list[0]!);
      expected.push(setInputValue(fisAsPublished(), list[0]!.path, list[0]!.value));
      await expect.poll(() => page.locator('[data-testid="scenario-item"]').count()).toBe(3);
      keys.push((await page.locator('[data-testid="scenario-item"]').last().getAttribute("data-key"))!);
      for (let s = 1; s < SCENARIOS; s++) {
        await page.click('[data-testid="file-new"]');
        await expect.poll(() => page.locator('[data-testid="scenario-item"]').count()).toBe(2 + s + 1);
        keys.push((await page.locator('[data-testid="scenario-item"]').last().getAttribute("data-key"))!);
        expected.push(fisAsPublished());
      }

      let active = -1;
      for (let i = 1; i < EDITS; i++) {
        const s = Math.floor(i / PER_SCENARIO_RUN) % SCENARIOS;
        if (s !== active) {
          await page.click(`[data-testid="scenario-item"][data-key="${keys[s]}"]`);
          active = s;
        }
        const edit = list[i]!;
        await type(edit);
        expected[s] = setInputValue(expected[s]!, edit.path, edit.value);
        if (CHECKPOINTS.includes(i + 1)) {
          samples.push(await sample(i + 1));
          process.stdout.write(`soak: edit ${i + 1}, ${JSON.stringify(samples.at(-1))}, ${Math.round((Date.now() - started) / 1000)} s\n`);
        }
      }

      const at100 = samples.find((x) => x.edit === 100)!;
      const at1000 = samples.find((x) => x.edit === 1000)!;
      const tables: Record<string, boolean> = {};
      await page.click('[data-testid="tab-table"]');
      for (let s = 0; s < SCENARIOS; s++) {
        await page.click(`[data-testid="scenario-item"][data-key="${keys[s]}"]`);
        const want = expectedTable(computeTable(expected[s]!));
        await expect.poll(() => readTable(page, Object.keys(want)), { timeout: 10_000 }).toEqual(want);
        tables[keys[s]!] = true;
      }

      const report = {
        edits: EDITS,
        scenarios: SCENARIOS,
        seconds: Math.round((Date.now() - started) / 1000),
        heapGrowthMB: +(at1000.heapMB - at100.heapMB).toFixed(2),
        domNodeChange: at1000.domNodes - at100.domNodes,
        samples: samples.map((x) => ({ ...x, heapMB: +x.heapMB.toFixed(2) })),
        tablesEqualEngine: tables,
        pageErrors,
        warnings: warnings.slice(0, 20),
      };
      mkdirSync(`${root}test-artifacts`, { recursive: true });
      writeFileSync(`${root}test-artifacts/soak.json`, JSON.stringify(report, null, 2) + "\n");
      process.stdout.write(`soak: ${JSON.stringify(report)}\n`);

      expect(pageErrors).toEqual([]);
      expect(report.heapGrowthMB).toBeLessThan(5);
      expect(Math.abs(report.domNodeChange)).toBeLessThanOrEqual(Math.ceil(at100.domNodes * 0.02));
    },
    30 * 60_000,
  );
});

describe("a long stretch on one scenario", () => {
  it(
    "1,000 edits without leaving the Inputs screen: no state updates pile up in the grids, heap after GC flat",
    async () => {
      const list = edits();
      const opened = await app.open();
      const p = opened.page;
      page = p;
      cdp = await p.context().newCDPSession(p);
      await p.locator('[data-testid="fis-grid"] [row-id="totalCost"]').waitFor();
      await p.click('[data-testid="tab-inputs"]');
      let expected = fisAsPublished();
      const samples: (Sample & { queuedUpdates: number })[] = [];
      for (let i = 0; i < EDITS; i++) {
        await type(list[i]!);
        expected = setInputValue(expected, list[i]!.path, list[i]!.value);
        if (CHECKPOINTS.includes(i + 1)) {
          const queuedUpdates = (await p.evaluate(QUEUED_UPDATES)) as number;
          samples.push({ ...(await sample(i + 1)), queuedUpdates });
          process.stdout.write(`soak (one scenario): ${JSON.stringify(samples.at(-1))}\n`);
        }
      }
      await p.click('[data-testid="tab-table"]');
      const want = expectedTable(computeTable(expected));
      await expect.poll(() => readTable(p, Object.keys(want)), { timeout: 10_000 }).toEqual(want);
      const at100 = samples.find((x) => x.edit === 100)!;
      const at1000 = samples.find((x) => x.edit === 1000)!;
      const report = {
        heapGrowthMB: +(at1000.heapMB - at100.heapMB).toFixed(2),
        queuedUpdates: { at100: at100.queuedUpdates, at1000: at1000.queuedUpdates },
        samples: samples.map((x) => ({ ...x, heapMB: +x.heapMB.toFixed(2) })),
      };
      writeFileSync(`${root}test-artifacts/soak-one-scenario.json`, JSON.stringify(report, null, 2) + "\n");
      process.stdout.write(`soak (one scenario): ${JSON.stringify(report)}\n`);
      expect(at1000.queuedUpdates - at100.queuedUpdates).toBeLessThan(100);
      expect(report.heapGrowthMB).toBeLessThan(5);
      await opened.close();
    },
    30 * 60_000,
  );
});
