/**
 * In-page instrumentation, as source text: functions handed to page.evaluate would be
 * transformed by tsx/esbuild (helper calls that do not exist in the page), so the page gets
 * plain strings. All times are performance.now() in the page: milliseconds since navigation start.
 */

/** Installed before any page script: records when the FIS grid first shows all its computed cells. */
function firstPaintSource(expected: number): string {
  return `
(() => {
  const COLUMNS = ["FY2025", "FY2026", "FY2027", "FY2028", "Total"];
  const bench = (window.__bench = { gridCells: 0, gridDom: null, gridFrame: null });
  const count = () => {
    let n = 0;
    for (const cell of document.querySelectorAll('[data-testid="fis-grid"] .ag-row[row-id] .ag-cell[col-id]')) {
      if (COLUMNS.includes(cell.getAttribute("col-id")) && cell.textContent.trim() !== "") n++;
    }
    return n;
  };
  const check = () => {
    if (bench.gridDom !== null) return;
    const n = count();
    bench.gridCells = n;
    if (n >= ${expected}) {
      bench.gridDom = performance.now();
      observer.disconnect();
      requestAnimationFrame(() => setTimeout(() => (bench.gridFrame = performance.now()), 0));
    }
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { subtree: true, childList: true, characterData: true });
})();
`;
}

export function firstPaintInit(expectedCells: number): string {
  return firstPaintSource(expectedCells);
}

export const READ_FIRST_PAINT = `(() => {
  const fcp = performance.getEntriesByName("first-contentful-paint")[0];
  const nav = performance.getEntriesByType("navigation")[0];
  return {
    fcp: fcp ? fcp.startTime : null,
    domContentLoaded: nav ? nav.domContentLoadedEventEnd : null,
    load: nav ? nav.loadEventEnd : null,
    gridDom: window.__bench.gridDom,
    gridFrame: window.__bench.gridFrame,
    gridCells: window.__bench.gridCells,
  };
})()`;

export interface EditArm {
  inputPath: string;
  /** What the inputs grid shows once the edit is applied, e.g. "3.1%". */
  inputText: string;
  line: string;
  column: string;
  /** The FIS cell's digits once recomputed, e.g. "31065" for "$31,065". */
  wantDigits: string;
  /** The FIS table to read: the live one on the Inputs screen, or the Table tab's. */
  fisGrid: "inputs-fis-grid" | "fis-grid";
  /** Clicked as soon as the inputs grid shows the value (e.g. "tab-table"); none: same screen. */
  clickTab?: string;
}

/**
 * Arms the edit timing before Enter is pressed. t0: the Enter keydown reaches the page (capture
 * phase on window, before AG Grid sees it); t1: the inputs grid shows the new value (edit applied
 * and scenario recomputed); with `clickTab`, that tab is clicked at once, as a user would next;
 * t2: the FIS cell shows the recomputed value in the DOM; t3: the next frame after t2 (painted).
 * The FIS check runs from t0 on, so on one screen t2 may come in the same mutation batch as t1.
 */
export function armEdit(arm: EditArm): string {
  return `(() => {
  const a = ${JSON.stringify(arm)};
  const t = { t0: null, t1: null, t2: null, t3: null };
  const esc = (s) => (window.CSS && CSS.escape ? CSS.escape(s) : s);
  const inputCell = () => document.querySelector('.inputs-grid [row-id="' + esc(a.inputPath) + '"] [col-id="value"]');
  const fisCell = () =>
    document.querySelector('[data-testid="' + a.fisGrid + '"] [row-id="' + esc(a.line) + '"] [col-id="' + esc(a.column) + '"]');
  window.__benchPending = new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error("edit timing: no update within 15 s (t=" + JSON.stringify(t) +
        ", input cell " + JSON.stringify(inputCell() && inputCell().textContent) +
        ", fis cell " + JSON.stringify(fisCell() && fisCell().textContent) + ")"));
    }, 15000);
    const onKey = (e) => { if (e.key === "Enter" && t.t0 === null) { t.t0 = performance.now(); check(); } };
    const check = () => {
      if (t.t0 === null) return;
      if (t.t1 === null) {
        const c = inputCell();
        if (c && !c.querySelector("input") && c.textContent.trim() === a.inputText) {
          t.t1 = performance.now();
          if (a.clickTab) document.querySelector('[data-testid="' + a.clickTab + '"]').click();
        }
      }
      if (t.t1 !== null && t.t2 === null) {
        const f = fisCell();
        if (f && f.textContent.replace(/[^0-9]/g, "") === a.wantDigits) {
          t.t2 = performance.now();
          cleanup();
          requestAnimationFrame(() => setTimeout(() => { t.t3 = performance.now(); resolve(t); }, 0));
        }
      }
    };
    const observer = new MutationObserver(check);
    const cleanup = () => { clearTimeout(timer); observer.disconnect(); window.removeEventListener("keydown", onKey, true); };
    window.addEventListener("keydown", onKey, true);
    observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
  });
  return true;
})()`;
}

/**
 * Arms the census-import timing before the file is chosen. t0: the file input's "change" event
 * reaches window (capture phase: the file is chosen); tBusy: the "Importing census…" status shows;
 * t1: the census screen's heading shows `wantText` (e.g. "100,000 members"); t2: the next frame.
 * Meanwhile a requestAnimationFrame loop records the longest gap between frames from t0 to t2 (how
 * long the page could not paint) and a PerformanceObserver the long tasks (> 50 ms) that start in
 * that span. The task that dispatches the change event is Playwright's own (it decodes the file it
 * was handed into the page, 0.3 s for 3 MB), so it is not counted: a user's file picker has none.
 */
export function armCensusImport(wantText: string): string {
  return `(() => {
  const want = ${JSON.stringify(wantText)};
  const t = { t0: null, tBusy: null, t1: null, t2: null, maxFrameGapMs: 0, frames: 0, longTasks: [], longTaskSupported: false };
  let lastFrame = null;
  let running = true;
  const frame = (now) => {
    if (!running) return;
    const at = performance.now();
    if (t.t0 !== null && lastFrame !== null) {
      t.maxFrameGapMs = Math.max(t.maxFrameGapMs, at - Math.max(lastFrame, t.t0));
      t.frames++;
    }
    lastFrame = at;
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  let observer = null;
  try {
    observer = new PerformanceObserver((list) => {
      for (const e of list.getEntries())
        if (t.t0 !== null && e.startTime >= t.t0) t.longTasks.push({ startMs: e.startTime - t.t0, durationMs: e.duration });
    });
    observer.observe({ type: "longtask", buffered: false });
    t.longTaskSupported = true;
  } catch (e) {}
  window.__benchPending = new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error("census import timing: nothing within 120 s (t=" + JSON.stringify(t) +
        ", heading " + JSON.stringify(heading()) + ", message " + JSON.stringify(message()) + ")"));
    }, 120000);
    const heading = () => { const h = document.querySelector('[data-testid="schedule-panel"] h3'); return h ? h.textContent : null; };
    const message = () => { const m = document.querySelector('[data-testid="message-bar"]'); return m ? m.textContent : null; };
    const onChange = (e) => { if (t.t0 === null && e.target && e.target.type === "file") { t.t0 = performance.now(); check(); } };
    const check = () => {
      if (t.t0 === null) return;
      if (t.tBusy === null && document.querySelector('[data-testid="census-importing"]')) t.tBusy = performance.now();
      const h = heading();
      if (t.t1 === null && h && h.includes(want)) {
        t.t1 = performance.now();
        mutations.disconnect();
        requestAnimationFrame(() => setTimeout(() => {
          t.t2 = performance.now();
          running = false;
          // Long task entries are delivered a little after the task ends.
          setTimeout(() => { cleanup(); resolve(t); }, 100);
        }, 0));
      }
    };
    const mutations = new MutationObserver(check);
    const cleanup = () => {
      clearTimeout(timer); running = false; mutations.disconnect();
      if (observer) observer.disconnect();
      window.removeEventListener("change", onChange, true);
    };
    window.addEventListener("change", onChange, true);
    mutations.observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  return true;
})()`;
}
