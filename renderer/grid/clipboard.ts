/**
 * Copy out: cells as tab-separated text (Excel) and as an HTML table (Word, Excel), written to the
 * clipboard together. AG Grid Community has no clipboard or cell-range module (both Enterprise), so
 * the grids keep their own rectangular range (cell-range.ts) and copy it through here.
 */

export interface CopyBlock {
  /** Rows of cell texts, as shown. */
  rows: string[][];
  /** How many leading rows are headers (th in HTML). */
  headerRows?: number;
  /** Whether the first column holds row headers (th scope=row in HTML). */
  rowHeaders?: boolean;
  /** A title above the table (HTML caption; first line of the text). */
  title?: string;
  /** Lines under the table (units, rounding rule, source). */
  notes?: string[];
}

/** Tabs and newlines inside a cell would split it in Excel: they become spaces. */
const flat = (s: string) => s.replace(/[\t\r\n]+/g, " ").trim();

export function toTsv(block: CopyBlock): string {
  const lines: string[] = [];
  if (block.title) lines.push(flat(block.title));
  for (const row of block.rows) lines.push(row.map(flat).join("\t"));
  for (const n of block.notes ?? []) lines.push(flat(n));
  return `${lines.join("\r\n")}\r\n`;
}

const escapeHtml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** Right-aligns what reads as an amount or a percentage, as the grid does. */
const numeric = (s: string) => /^[(+-]?\$?[\d,.]+%?\)?$/.test(s.trim());

export function toHtml(block: CopyBlock): string {
  const headerRows = block.headerRows ?? 0;
  const cell = (text: string, header: boolean, scope: "col" | "row" | null) => {
    const style = numeric(text) ? ' style="text-align:right"' : "";
    return header ? `<th${scope ? ` scope="${scope}"` : ""}${style}>${escapeHtml(text)}</th>` : `<td${style}>${escapeHtml(text)}</td>`;
  };
  const body = block.rows
    .map((row, i) => {
      const inHead = i < headerRows;
      const cells = row.map((t, j) =>
        cell(t, inHead || (!!block.rowHeaders && j === 0), inHead ? "col" : block.rowHeaders && j === 0 ? "row" : null),
      );
      return `<tr>${cells.join("")}</tr>`;
    })
    .join("");
  const caption = block.title ? `<caption>${escapeHtml(block.title)}</caption>` : "";
  const notes = (block.notes ?? []).map((n) => `<p>${escapeHtml(n)}</p>`).join("");
  return `<table border="1" cellspacing="0" cellpadding="3">${caption}${body}</table>${notes}`;
}

/** What goes on the clipboard: plain text always, an HTML form where there is one. */
export interface ClipboardData {
  "text/plain": string;
  "text/html"?: string;
}

/**
 * The app's one way to write the clipboard (a grid's cells, the FIS table, an explanation): the
 * Clipboard API where the platform has it (ClipboardItem for more than one type), else a copy
 * command whose event carries every type (older engines, or a denied clipboard permission).
 * Resolves false when neither could write.
 */
export async function writeToClipboard(data: ClipboardData): Promise<boolean> {
  const types = Object.entries(data).filter((e): e is [string, string] => typeof e[1] === "string");
  try {
    if (types.length === 1 && navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(data["text/plain"]);
      return true;
    }
    if (typeof ClipboardItem !== "undefined" && navigator.clipboard?.write) {
      await navigator.clipboard.write([new ClipboardItem(Object.fromEntries(types.map(([t, v]) => [t, new Blob([v], { type: t })])))]);
      return true;
    }
  } catch {
    // fall through to the copy command
  }
  let done = false;
  const onCopy = (e: ClipboardEvent) => {
    for (const [t, v] of types) e.clipboardData?.setData(t, v);
    e.preventDefault();
    done = true;
  };
  document.addEventListener("copy", onCopy, { once: true });
  try {
    document.execCommand("copy");
  } finally {
    document.removeEventListener("copy", onCopy);
  }
  return done;
}

/** A block of cells as tab-separated text (Excel) and an HTML table (Word, Excel), together. */
export function writeClipboard(block: CopyBlock): Promise<boolean> {
  return writeToClipboard({ "text/plain": toTsv(block), "text/html": toHtml(block) });
}
