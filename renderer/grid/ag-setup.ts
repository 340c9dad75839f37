/** AG Grid Community modules and the app's grid theme, registered once. */
import { AllCommunityModule, createGrid, ModuleRegistry, themeQuartz } from "ag-grid-community";

ModuleRegistry.registerModules([AllCommunityModule]);

export const gridTheme = themeQuartz.withParams({
  fontFamily: "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
  fontSize: 13,
  headerFontWeight: 600,
  rowHeight: 30,
  headerHeight: 34,
  spacing: 6,
  accentColor: "#1f5fa8",
  wrapperBorderRadius: 4,
});

/**
 * AG Grid adds its theme's style sheets to the page when a grid is made and takes them out when
 * the last grid on the page is destroyed; the next grid adds them again, and the browser reads
 * them and restyles the whole page once more. A heavy table leaves no grid on the page while it
 * is costed, so the table that lands paid for that: about 60 ms of the 30-year table's landing on
 * a slow machine. One empty grid, never shown, made once for the page's life, keeps the sheets in.
 */
export function keepGridStyles(doc: Document): void {
  const host = doc.createElement("div");
  host.hidden = true;
  host.dataset.role = "grid-styles";
  doc.body.append(host);
  createGrid(host, { theme: gridTheme, columnDefs: [], rowData: [] });
}

function isTextEntry(el: HTMLElement): boolean {
  return el.tagName === "INPUT" || el.tagName === "TEXTAREA" || el.tagName === "SELECT" || el.isContentEditable;
}

/**
 * Ctrl+A (⌘A) in a grid does nothing, quietly. AG Grid Community cannot select a range of cells
 * (that is the Enterprise CellSelectionModule) and, with row selection off, its own handler only
 * logs "warning #132"; the page's select-all would highlight the whole app instead. A cell editor
 * (a text field inside the grid) keeps Ctrl+A for its text. Returns the uninstaller.
 */
export function quietSelectAllInGrids(root: Document | HTMLElement): () => void {
  const onKeyDown = (e: Event) => {
    const key = e as KeyboardEvent;
    if (!(key.ctrlKey || key.metaKey) || key.altKey || key.key.toLowerCase() !== "a") return;
    const target = key.target as HTMLElement | null;
    if (!target?.closest?.(".ag-root-wrapper") || isTextEntry(target)) return;
    // Capture phase, before AG Grid's own listener on the grid sees the key.
    key.preventDefault();
    key.stopPropagation();
  };
  root.addEventListener("keydown", onKeyDown, true);
  return () => root.removeEventListener("keydown", onKeyDown, true);
}
