/** Copy out: a cell range as Excel text and as an HTML table, and the range a Shift+arrow walk covers. */
import { afterEach, describe, expect, it, vi } from "vitest";
import { toHtml, toTsv, writeClipboard, writeToClipboard } from "../../renderer/grid/clipboard";
import { rangeBounds } from "../../renderer/grid/grid-a11y";
import { fisTableBlock } from "../../renderer/grid/copy-table";
import { computeTable } from "../../model/engine/compute";
import { fisAsPublished } from "../../model/built-ins";

describe("clipboard text and HTML", () => {
  it("tab-separated rows with CRLF, tabs and newlines inside a cell flattened", () => {
    expect(
      toTsv({
        rows: [
          ["$12,161", "$30,767"],
          ["a\tb", "c\nd"],
        ],
      }),
    ).toBe("$12,161\t$30,767\r\na b\tc d\r\n");
    expect(toTsv({ title: "T", rows: [["x"]], notes: ["n1"] })).toBe("T\r\nx\r\nn1\r\n");
  });
  it("an HTML table: header row, row headers, amounts right-aligned, text escaped", () => {
    const html = toHtml({
      title: "A & B",
      headerRows: 1,
      rowHeaders: true,
      rows: [
        ["$ thousands", "FY 2025"],
        ["<Benefits>", "($506)"],
      ],
      notes: ["x"],
    });
    expect(html).toBe(
      '<table border="1" cellspacing="0" cellpadding="3"><caption>A &amp; B</caption>' +
        '<tr><th scope="col">$ thousands</th><th scope="col">FY 2025</th></tr>' +
        '<tr><th scope="row">&lt;Benefits&gt;</th><td style="text-align:right">($506)</td></tr></table><p>x</p>',
    );
  });
  it("the whole FIS table with title, column labels, units and notes", () => {
    const block = fisTableBlock(computeTable(fisAsPublished()), fisAsPublished(), "rule");
    expect(block.title).toBe("Fiscal Impact Statement: FIS as published ($ thousands)");
    expect(block.rows[0]).toEqual(["$ thousands", "FY 2025", "FY 2026", "FY 2027", "FY 2028", "4-Yr Total"]);
    // The published TOTAL COST line (DC CFO FIS, Dec 3, 2024).
    expect(block.rows.find((r) => r[0] === "TOTAL COST")).toEqual(["TOTAL COST", "$52,137", "$39,866", "$59,856", "$87,121", "$238,980"]);
    expect(block.notes![0]).toBe("Amounts in $ thousands; rule.");
  });
});

describe("cell ranges", () => {
  const cols = ["label", "FY2025", "FY2026", "FY2027"];
  it("a rectangle between anchor and focus, either way round", () => {
    expect(rangeBounds({ anchor: { row: 2, col: "FY2026" }, focus: { row: 0, col: "FY2025" } }, cols)).toEqual({
      rows: [0, 1, 2],
      cols: ["FY2025", "FY2026"],
    });
    expect(rangeBounds({ anchor: { row: 1, col: "FY2027" }, focus: { row: 1, col: "FY2027" } }, cols)).toEqual({
      rows: [1],
      cols: ["FY2027"],
    });
    expect(rangeBounds({ anchor: { row: 0, col: "gone" }, focus: { row: 0, col: "FY2025" } }, cols).cols).toEqual([]);
  });
});

describe("writeToClipboard: the one clipboard writer (grids, Copy table, the explain drawer's Copy as text)", () => {
  type Listener = (e: unknown) => void;
  /** A document whose copy command fires a copy event into `data`, or fires nothing when `fires` is false. */
  function fakeDocument(fires: boolean) {
    const listeners = new Set<Listener>();
    const data: Record<string, string> = {};
    return {
      data,
      doc: {
        addEventListener: (_type: string, l: Listener) => listeners.add(l),
        removeEventListener: (_type: string, l: Listener) => listeners.delete(l),
        execCommand: () => {
          if (!fires) return false;
          const event = { clipboardData: { setData: (t: string, v: string) => (data[t] = v) }, preventDefault: () => {} };
          [...listeners].forEach((l) => l(event));
          return true;
        },
      },
    };
  }

  afterEach(() => vi.unstubAllGlobals());

  it("plain text alone goes through writeText", async () => {
    const writeText = vi.fn(async () => {});
    const write = vi.fn(async () => {});
    vi.stubGlobal("navigator", { clipboard: { writeText, write } });
    expect(await writeToClipboard({ "text/plain": "Benefits, FY 2025: $506 thousand" })).toBe(true);
    expect(writeText).toHaveBeenCalledWith("Benefits, FY 2025: $506 thousand");
    expect(write).not.toHaveBeenCalled();
  });

  it("text and HTML go together in one ClipboardItem", async () => {
    const items: Record<string, Blob>[] = [];
    vi.stubGlobal("ClipboardItem", function ClipboardItem(this: { types: Record<string, Blob> }, types: Record<string, Blob>) {
      items.push(types);
    });
    vi.stubGlobal("navigator", { clipboard: { writeText: vi.fn(), write: vi.fn(async () => {}) } });
    expect(await writeClipboard({ rows: [["$12,161"]] })).toBe(true);
    expect(Object.keys(items[0]!)).toEqual(["text/plain", "text/html"]);
    expect(await items[0]!["text/plain"]!.text()).toBe("$12,161\r\n");
  });

  it("a denied clipboard falls back to the copy command, carrying every type; nothing written is false", async () => {
    const denied = async () => {
      throw new DOMException("denied", "NotAllowedError");
    };
    vi.stubGlobal("navigator", { clipboard: { writeText: denied, write: denied } });
    vi.stubGlobal("ClipboardItem", function ClipboardItem() {});
    const ok = fakeDocument(true);
    vi.stubGlobal("document", ok.doc);
    expect(await writeToClipboard({ "text/plain": "a\tb", "text/html": "<table></table>" })).toBe(true);
    expect(ok.data).toEqual({ "text/plain": "a\tb", "text/html": "<table></table>" });
    expect(await writeToClipboard({ "text/plain": "memo" })).toBe(true);
    expect(ok.data["text/plain"]).toBe("memo");
    vi.stubGlobal("document", fakeDocument(false).doc);
    expect(await writeToClipboard({ "text/plain": "memo" })).toBe(false);
  });
});
