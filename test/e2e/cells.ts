/** Reading the app's $K cells back as numbers, and the engine's table in the same shape. */
import type { Locator, Page } from "playwright-core";
import type { TableResult } from "../../model/engine/compute";

export const COLUMNS = ["FY2025", "FY2026", "FY2027", "FY2028", "Total"];

/** "$12,161" -> 12161, "($21,437)" -> -21437. */
export function thousands(text: string): number {
  const t = text.trim();
  const negative = /^\(.*\)$/.test(t);
  const digits = t.replace(/[()$,+\s]/g, "");
  if (!/^\d+$/.test(digits)) throw new Error(`not a $K cell: "${text}"`);
  return negative ? -Number(digits) : Number(digits);
}

export const byTestId = (page: Page, id: string): Locator => page.locator(`[data-testid="${id}"]`);

/** A cell of the Table tab's grid; the Inputs screen has its own live copy ("inputs-fis-grid"). */
export const fisCell = (page: Page, line: string, column: string): Locator =>
  page.locator(`[data-testid="fis-grid"] [row-id="${line}"] [col-id="${column}"]`);

export async function readLine(page: Page, line: string): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const c of COLUMNS) out[c] = thousands(await fisCell(page, line, c).innerText());
  return out;
}

export async function readTable(page: Page, lines: string[]): Promise<Record<string, Record<string, number>>> {
  const out: Record<string, Record<string, number>> = {};
  for (const line of lines) out[line] = await readLine(page, line);
  return out;
}

/** The engine's table as the grid shows it: each line's $K display values. */
export function expectedTable(result: TableResult): Record<string, Record<string, number>> {
  return Object.fromEntries(
    result.lines.map((l) => [l.id, Object.fromEntries(COLUMNS.map((c) => [c, Number(l.cells[c]!.display.toString())]))]),
  );
}

export function expectedLine(result: TableResult, id: string): Record<string, number> {
  const line = expectedTable(result)[id];
  if (!line) throw new Error(`the engine's table has no line "${id}"`);
  return line;
}

/**
 * Scrolls the inputs grid until the row of `path` is rendered, then into view. The grid renders
 * only the rows near its viewport, so a row further down is not in the DOM until scrolled to.
 */
export async function showInputRow(page: Page, path: string): Promise<void> {
  await page.locator('[data-testid="inputs-grid"] [row-id]').first().waitFor();
  const found = await page.evaluate(async (p: string) => {
    const grid = document.querySelector('[data-testid="inputs-grid"]')!;
    const row = () => grid.querySelector<HTMLElement>(`[row-id="${CSS.escape(p)}"]`);
    const frames = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const view = grid.querySelector<HTMLElement>(".ag-grid-viewport");
    if (!row() && view) {
      view.scrollTop = 0;
      await frames();
      while (!row() && view.scrollTop + view.clientHeight < view.scrollHeight - 1) {
        view.scrollTop += Math.max(40, Math.floor(view.clientHeight * 0.6));
        await frames();
      }
    }
    row()?.scrollIntoView({ block: "nearest" });
    return row() !== null;
  }, path);
  if (!found) throw new Error(`the inputs grid has no row "${path}"`);
}
