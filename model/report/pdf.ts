/**
 * The document model as a PDF through pdfmake (a pure-JavaScript layout engine over PDFKit, so the
 * command line writes PDFs without a browser and the app writes them in a worker): US Letter, the
 * memorandum's header fields, real tables with numbers right-aligned and the header row repeated
 * on each page, raised footnote marks, "Page N of M", the running head from page 2 on, fonts
 * embedded (fonts.ts). pdfmake is passed in, since Node and a browser load different builds of it.
 */
import type { Block, DocTable, FisDocument, Inline } from "./document";
import { FALLBACK_FONT_FILES, splitByCoverage, TEXT_FONT_FILES, type PdfFontSource } from "./fonts";

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

function table(t: DocTable): Content[] {
  const numbers = t.layout === "numbers";
  const size = numbers ? PT.table : PT.small;
  const n = t.columns.length;
  const figure = Math.min(72, Math.floor((TEXT_WIDTH * 0.62) / Math.max(1, n - 1)));
  const widths = numbers ? ["*", ...Array<number>(n - 1).fill(figure)] : [TEXT_WIDTH * 0.34, TEXT_WIDTH * 0.19, "*"];
  const head = t.columns.map((c) => ({
    text: [...text(c.label, { bold: true }), ...(c.marks ?? []).map((m) => ({ text: ` ${m}`, sup: true }))],
    alignment: c.align,
  }));
  const body = t.rows.map((r) =>
    r.cells.map((cell, k) => ({
      text: [...text(cell, r.style ? { bold: true } : {}), ...(k === 0 ? (r.marks ?? []) : []).map((m) => ({ text: ` ${m}`, sup: true }))],
      alignment: t.columns[k]!.align,
    })),
  );
  const totalRows = new Set(t.rows.flatMap((r, k) => (r.style === "total" ? [k + 1] : [])));
  return [
    ...t.title.map((line) => ({ text: text(line, { bold: true }), alignment: "center", margin: [0, 6, 0, 0] })),
    ...(t.unit ? [{ text: text(t.unit), alignment: "center", margin: [0, 0, 0, 6] }] : []),
    {
      table: { headerRows: 1, keepWithHeaderRows: 1, dontBreakRows: true, widths, body: [head, ...body] },
      fontSize: size,
      layout: {
        hLineWidth: (i: number) => (i === 1 || totalRows.has(i) ? 0.75 : 0),
        vLineWidth: () => 0,
        paddingLeft: () => 3,
        paddingRight: () => 3,
        paddingTop: () => 2,
        paddingBottom: () => 2,
      },
      margin: [0, 0, 0, 10],
    },
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

/** The PDF file's bytes. */
export async function renderPdf(doc: FisDocument, pdfmake: PdfMake, fonts: PdfFontSource): Promise<Uint8Array> {
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
