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
  const fisCell = () => document.querySelector('[data-testid="' + a.fisGrid + '"] [row-id="' + esc(a.line) + '"] [col-id="' + esc(a.column) + '"]');
  window.__benchPending = new Promise((resolve, reject) => {
    const timer = setTimeout(() => { cleanup(); reject(new Error("edit timing: no update within 15 s (t=" + JSON.stringify(t) + ", input cell " + JSON.stringify(inputCell() && inputCell().textContent) + ", fis cell " + JSON.stringify(fisCell() && fisCell().textContent) + ")")); }, 15000);
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
