/**
 * The document model as a PDF through pdfmake (a pure-JavaScript layout engine over PDFKit, so the
 * command line writes PDFs without a browser and the app writes them in a worker): US Letter, the
 * memorandum's header fields, real tables with numbers right-aligned and the header row repeated
 * on each page, raised footnote marks, "Page N of M", the running head from page 2 on, fonts
 * embedded (fonts.ts). pdfmake is passed in, since Node and a browser load different builds of it.
 */
import type { Block, DocTable, FisDocument, Inline } from "./document";
import { fieldPath, InputRejectedError, type Scenario } from "../engine/index";
import { FALLBACK_FONT_FILES, splitByCoverage, TEXT_FONT_FILES, undrawable, type PdfFontSource } from "./fonts";

/** The part of pdfmake's API used here (the Node entry and the browser build both have it). */
export interface PdfMake {
  virtualfs: { writeFileSync(name: string, data: Uint8Array): void };
  setFonts(fonts: Record<string, Record<string, string>>): void;
  setUrlAccessPolicy?(allow: (url: string) => boolean): void;
  setLocalAccessPolicy?(allow: (path: string) => boolean): void;
  createPdf(definition: object): { getBuffer(): Promise<Uint8Array> };
}

type Content = Record<string, unknown> | string | Content[];
type TextPart = { text: string; bold?: boolean; italics?: boolean; sup?: boolean; font?: string; fontSize?: number };

const PT = { body: 11, table: 9.5, small: 8.5 };
/** Letter width (612 pt) less one-inch margins. */
const TEXT_WIDTH = 612 - 144;

/** Text runs with any character the text font lacks in the fallback font. */
function parts(inlines: readonly Inline[], extra: Partial<TextPart> = {}): TextPart[] {
  return inlines.flatMap((i) => {
    const base: Partial<TextPart> =
      typeof i === "string"
        ? {}
        : { ...(i.bold ? { bold: true } : {}), ...(i.italic ? { italics: true } : {}), ...(i.mark ? { sup: true } : {}) };
    const text = typeof i === "string" ? i : i.text;
    return splitByCoverage(text).map((r) => ({
      ...extra,
      ...base,
      text: r.text,
      ...(r.fallback ? { font: "Fallback", italics: false } : {}),
    }));
  });
}

const text = (s: string, extra: Partial<TextPart> = {}): TextPart[] => parts([s], extra);

/**
 * Width of a text in ems of the table font (Tinos, metric-compatible with Times New Roman), a little
 * above the font's own advances so an estimate never falls short.
 */
function ems(s: string, bold: boolean): number {
  let w = 0;
  for (const ch of s) w += /[0-9$]/.test(ch) ? 0.5 : /[,.:;]/.test(ch) ? 0.25 : /[()\-+%]/.test(ch) ? 0.34 : /[A-Z]/.test(ch) ? 0.73 : 0.56;
  return w * (bold ? 1.06 : 1.02);
}

const CELL_PADDING = 6;
/** The line labels wrap; below this they would wrap at every word. */
const LABEL_MIN = 100;
/** Font sizes a figures table may take before its columns are split across several tables. */
const FIGURE_SIZES = [PT.table, 8.5, 7.5, 6.5];

/**
 * Figure columns sized to their widest figure, which never wraps: a figure broken across two lines
 * ("$152,250,00" over "0") can be misread. A table too wide for the page at the body size is set
 * smaller, down to 6.5 pt, and past that printed in parts, each repeating the line labels.
 */
function figureLayout(t: DocTable): { size: number; widths: number[]; parts: number[][] } {
  const n = t.columns.length;
  const figures = t.columns.slice(1).map((_, i) => i + 1);
  // A heading wraps at its spaces; a figure never does.
  const need = (k: number, size: number) =>
    Math.ceil(
      Math.max(
        ...t.columns[k]!.label.split(/\s+/).map((w) => ems(w, true)),
        ...t.rows.map((r) => ems(r.cells[k] ?? "", r.style !== undefined)),
      ) * size,
    ) + CELL_PADDING;
  // The widths this document printed before figures were measured, kept where the figures fit in them.
  const usual = Math.min(72, Math.floor((TEXT_WIDTH * 0.62) / Math.max(1, n - 1)));
  for (const size of FIGURE_SIZES) {
    const widths = figures.map((k) => (size === PT.table ? Math.max(usual, need(k, size)) : need(k, size)));
    if (LABEL_MIN + widths.reduce((a, b) => a + b, 0) <= TEXT_WIDTH) return { size, widths, parts: [figures] };
  }
  const size = FIGURE_SIZES[FIGURE_SIZES.length - 1]!;
  const widths = figures.map((k) => need(k, size));
  const parts: number[][] = [];
  let used = LABEL_MIN;
  for (const k of figures) {
    const w = widths[k - 1]!;
    if (parts.length === 0 || used + w > TEXT_WIDTH) {
      parts.push([]);
      used = LABEL_MIN;
    }
    parts[parts.length - 1]!.push(k);
    used += w;
  }
  return { size, widths, parts };
}

function table(t: DocTable): Content[] {
  const numbers = t.layout === "numbers";
  const layout = numbers ? figureLayout(t) : { size: PT.small, widths: [], parts: [t.columns.map((_, k) => k).slice(1)] };
  const totalRows = new Set(t.rows.flatMap((r, k) => (r.style === "total" ? [k + 1] : [])));
  const part = (columns: number[], at: number): Content => {
    const shown = [0, ...columns];
    const head = shown.map((k) => {
      const c = t.columns[k]!;
      return {
        text: [...text(c.label, { bold: true }), ...(c.marks ?? []).map((m) => ({ text: ` ${m}`, sup: true }))],
        alignment: c.align,
      };
    });
    const body = t.rows.map((r) =>
      shown.map((k) => ({
        text: [
          ...text(r.cells[k] ?? "", r.style ? { bold: true } : {}),
          ...(k === 0 ? (r.marks ?? []) : []).map((m) => ({ text: ` ${m}`, sup: true })),
        ],
        alignment: t.columns[k]!.align,
        ...(numbers && k > 0 ? { noWrap: true } : {}),
      })),
    );
    const widths = numbers ? ["*", ...columns.map((k) => layout.widths[k - 1]!)] : [TEXT_WIDTH * 0.34, TEXT_WIDTH * 0.19, "*"];
    return {
      table: { headerRows: 1, keepWithHeaderRows: 1, dontBreakRows: true, widths, body: [head, ...body] },
      fontSize: layout.size,
      ...(at > 0 ? { margin: [0, 8, 0, 0] } : {}),
      layout: {
        hLineWidth: (i: number) => (i === 1 || totalRows.has(i) ? 0.75 : 0),
        vLineWidth: () => 0,
        paddingLeft: () => 3,
        paddingRight: () => 3,
        paddingTop: () => 2,
        paddingBottom: () => 2,
      },
    };
  };
  return [
    ...t.title.map((line) => ({ text: text(line, { bold: true }), alignment: "center", margin: [0, 6, 0, 0] })),
    ...(t.unit ? [{ text: text(t.unit), alignment: "center", margin: [0, 0, 0, 6] }] : []),
    ...layout.parts.map((columns, at) => part(columns, at)),
  ];
}

function block(b: Block): Content[] {
  switch (b.type) {
    case "heading":
      return [{ text: text(b.text, { bold: true }), decoration: "underline", margin: [0, 10, 0, 6], headlineLevel: 1 }];
    case "subheading":
      return [{ text: text(b.text, { italics: true }), decoration: "underline", margin: [0, 6, 0, 4], headlineLevel: 2 }];
    case "paragraph":
      return [{ text: parts(b.runs), alignment: "justify", margin: [0, 0, 0, 8] }];
    case "bullets":
      return [{ ul: b.items.map((item) => ({ text: parts(item), margin: [0, 0, 0, 2] })), margin: [12, 0, 0, 8] }];
    case "notes":
      return [
        { text: text(b.title, { bold: true }), fontSize: PT.table, margin: [0, 4, 0, 3], headlineLevel: 2 },
        {
          table: { widths: [36, "*"], body: b.notes.map((n) => [{ text: text(n.mark) }, { text: text(n.text) }]) },
          layout: "noBorders",
          fontSize: PT.table,
          margin: [0, 0, 0, 10],
        },
      ];
    case "table":
      return table(b.table);
  }
}

export function pdfDefinition(doc: FisDocument, fallback: boolean): object {
  return {
    pageSize: "LETTER",
    pageMargins: [72, 72, 72, 72],
    info: {
      title: doc.meta.title,
      author: doc.meta.author || "Fiscal Impact Studio",
      subject: doc.meta.subject,
      creator: "Fiscal Impact Studio",
    },
    defaultStyle: { font: "Text", fontSize: PT.body, lineHeight: 1.15 },
    header: (page: number) =>
      page === 1 ? null : { text: text(doc.runningHead, { italics: true }), fontSize: PT.small, margin: [72, 36, 72, 0] },
    footer: (page: number, pages: number) => ({
      text: `Page ${page} of ${pages}`,
      alignment: "center",
      fontSize: PT.small,
      margin: [0, 30, 0, 0],
    }),
    // A heading never ends a page: it moves to the next page with what follows it.
    pageBreakBefore: (node: { headlineLevel?: number; startPosition: { top: number } }, rest: { getFollowingNodesOnPage(): unknown[] }) =>
      node.headlineLevel !== undefined && rest.getFollowingNodesOnPage().length === 0,
    content: [
      ...doc.letterhead.map((l, k) => ({ text: text(l, { bold: k === 0 }), alignment: "center", fontSize: k === 0 ? 14 : PT.body })),
      { text: text(doc.title, { bold: true }), alignment: "center", fontSize: 14, margin: [0, 12, 0, 12] },
      {
        table: {
          widths: [80, "*"],
          body: doc.header.map((h) => [{ text: text(`${h.label}:`, { bold: true }) }, { text: text(h.lines.join("\n")) }]),
        },
        layout: { defaultBorder: false, paddingBottom: () => 6 },
      },
      { canvas: [{ type: "line", x1: 0, y1: 4, x2: TEXT_WIDTH, y2: 4, lineWidth: 0.75 }], margin: [0, 0, 0, 12] },
      ...doc.blocks.flatMap(block),
    ],
    ...(fallback ? {} : {}),
  };
}

/** Whether any text of the document needs the fallback font. */
function needsFallback(doc: FisDocument): boolean {
  const all = JSON.stringify([doc.letterhead, doc.title, doc.header, doc.runningHead, doc.blocks]);
  return splitByCoverage(all).some((r) => r.fallback);
}

/**
 * Refuses a document with characters neither font draws: pdfmake would leave them out without a
 * trace, and a line label in Chinese would print as a blank row. Word uses the reader's fonts.
 */
function checkDrawable(doc: FisDocument, scenarios: readonly Scenario[]): void {
  const texts: string[] = [];
  const walk = (v: unknown): void => {
    if (typeof v === "string") texts.push(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === "object") Object.values(v).forEach(walk);
  };
  walk([doc.letterhead, doc.title, doc.header, doc.runningHead, doc.blocks]);
  const missing = undrawable(texts.join("\n"));
  if (missing.length === 0) return;
  const first = texts.find((t) => undrawable(t).length > 0)!;
  const shown = missing.slice(0, 8).join(" ") + (missing.length > 8 ? ` and ${missing.length - 8} more` : "");
  const field = scenarios.map(undrawableField).find((f) => f !== undefined);
  throw new InputRejectedError([
    {
      ...(field ? { field } : {}),
      message:
        `the PDF's fonts cannot draw ${shown} (first in "${first.length > 60 ? `${first.slice(0, 57)}...` : first}"); ` +
        "they would be left out of the PDF. Write the document as Word (.docx), which uses the reader's fonts",
    },
  ]);
}

/** The first text of a scenario the fonts cannot draw, as its field path ("table.lines.salaries.label"), so it can be found. */
function undrawableField(scenario: Scenario): string | undefined {
  let found: PropertyKey[] | undefined;
  const walk = (v: unknown, path: PropertyKey[]): void => {
    if (found) return;
    if (typeof v === "string") {
      if (undrawable(v).length > 0) found = path;
    } else if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...path, i]));
    else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) walk(x, [...path, k]);
  };
  walk(scenario, []);
  return found ? fieldPath(scenario, found) : undefined;
}

/** The PDF file's bytes; `scenarios` are those the document speaks of, to name the field a character comes from. */
export async function renderPdf(
  doc: FisDocument,
  pdfmake: PdfMake,
  fonts: PdfFontSource,
  scenarios: readonly Scenario[] = [],
): Promise<Uint8Array> {
  checkDrawable(doc, scenarios);
  const textFonts = await fonts.text();
  for (const [style, name] of Object.entries(TEXT_FONT_FILES))
    pdfmake.virtualfs.writeFileSync(name, textFonts[style as keyof typeof textFonts]);
  const fallback = needsFallback(doc);
  if (fallback) {
    const bytes = await fonts.fallback();
    for (const [style, name] of Object.entries(FALLBACK_FONT_FILES))
      pdfmake.virtualfs.writeFileSync(name, bytes[style as keyof typeof bytes]);
  }
  pdfmake.setFonts({
    Text: { ...TEXT_FONT_FILES },
    Fallback: {
      normal: FALLBACK_FONT_FILES.normal,
      bold: FALLBACK_FONT_FILES.bold,
      italics: FALLBACK_FONT_FILES.normal,
      bolditalics: FALLBACK_FONT_FILES.bold,
    },
  });
  // Nothing in a generated document is fetched: no URL, no local file outside the fonts given.
  pdfmake.setUrlAccessPolicy?.(() => false);
  pdfmake.setLocalAccessPolicy?.(() => false);
  return new Uint8Array(await pdfmake.createPdf(pdfDefinition(doc, fallback)).getBuffer());
}
