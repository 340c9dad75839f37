/**
 * The document model as a Word file (docx, "docx" package): US Letter, Times New Roman, the header
 * fields of a memorandum, real tables with numbers right-aligned and the header row repeated on
 * every page, footnote marks raised, "Page N of M" in the footer, the running head from page 2 on.
 * Runs in Node and in a browser worker alike (no file system).
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  type ParagraphChild,
} from "docx";
import type { Block, DocTable, FisDocument, Inline } from "./document";

const FONT = "Times New Roman";
/** Twips (1/20 pt): US Letter with one-inch margins leaves 6.5 inches of text. */
const INCH = 1440;
const TEXT_WIDTH = 6.5 * INCH;
const BODY = 24; // half-points: 12 pt
const TABLE_TEXT = 20; // 10 pt
const SMALL = 18; // 9 pt

const NONE = { style: BorderStyle.NONE, size: 0, color: "FFFFFF" } as const;
const LINE = { style: BorderStyle.SINGLE, size: 6, color: "000000" } as const;
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };

function runs(inlines: readonly Inline[], size?: number): TextRun[] {
  return inlines.map((i) =>
    typeof i === "string"
      ? new TextRun({ text: i, ...(size ? { size } : {}) })
      : new TextRun({
          text: i.text,
          ...(i.bold ? { bold: true } : {}),
          ...(i.italic ? { italics: true } : {}),
          ...(i.mark ? { superScript: true } : {}),
          ...(size ? { size } : {}),
        }),
  );
}

const para = (children: ParagraphChild[], options: Record<string, unknown> = {}) =>
  new Paragraph({ children, spacing: { after: 160 }, ...options });

function headerTable(doc: FisDocument): Table {
  const label = 1.4 * INCH;
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [label, TEXT_WIDTH - label],
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    rows: doc.header.map(
      (h) =>
        new TableRow({
          children: [
            new TableCell({
              width: { size: label, type: WidthType.DXA },
              children: [para([new TextRun({ text: `${h.label}:`, bold: true })], { spacing: { after: 120 } })],
            }),
            new TableCell({
              width: { size: TEXT_WIDTH - label, type: WidthType.DXA },
              children: h.lines.map((l, k) => para([new TextRun(l)], { spacing: { after: k === h.lines.length - 1 ? 120 : 0 } })),
            }),
          ],
        }),
    ),
  });
}

function table(t: DocTable): (Paragraph | Table)[] {
  const n = t.columns.length;
  const numbers = t.layout === "numbers";
  const size = numbers ? TABLE_TEXT : SMALL;
  const widths = numbers
    ? (() => {
        const figure = Math.min(1.0 * INCH, Math.floor((TEXT_WIDTH * 0.62) / Math.max(1, n - 1)));
        return [TEXT_WIDTH - figure * (n - 1), ...Array<number>(n - 1).fill(figure)];
      })()
    : [0.36, 0.2, 0.44].map((f) => Math.round(TEXT_WIDTH * f)).slice(0, n);
  const cell = (text: ParagraphChild[], k: number, options: { bold?: boolean; top?: boolean; bottom?: boolean } = {}) =>
    new TableCell({
      width: { size: widths[k]!, type: WidthType.DXA },
      margins: { left: 60, right: 60, top: 20, bottom: 20 },
      borders: { top: options.top ? LINE : NONE, bottom: options.bottom ? LINE : NONE, left: NONE, right: NONE },
      children: [
        new Paragraph({
          alignment: t.columns[k]!.align === "right" ? AlignmentType.RIGHT : AlignmentType.LEFT,
          spacing: { after: 0 },
          children: text,
        }),
      ],
    });
  const head = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: t.columns.map((c, k) =>
      cell(
        [
          new TextRun({ text: c.label, bold: true, size }),
          ...(c.marks ?? []).map((m) => new TextRun({ text: ` ${m}`, superScript: true, size })),
        ],
        k,
        { bottom: true },
      ),
    ),
  });
  const body = t.rows.map((r) => {
    const strong = r.style === "total" || r.style === "subtotal";
    return new TableRow({
      cantSplit: true,
      children: r.cells.map((text, k) =>
        cell(
          [
            new TextRun({ text, bold: strong, size }),
            ...(k === 0 ? (r.marks ?? []) : []).map((m) => new TextRun({ text: ` ${m}`, superScript: true, size })),
          ],
          k,
          { top: r.style === "total" },
        ),
      ),
    });
  });
  return [
    ...t.title.map((line) =>
      para([new TextRun({ text: line, bold: true })], { alignment: AlignmentType.CENTER, spacing: { after: 0 }, keepNext: true }),
    ),
    ...(t.unit ? [para([new TextRun(t.unit)], { alignment: AlignmentType.CENTER, spacing: { after: 120 }, keepNext: true })] : []),
    new Table({
      width: { size: TEXT_WIDTH, type: WidthType.DXA },
      columnWidths: widths,
      layout: TableLayoutType.FIXED,
      borders: NO_BORDERS,
      rows: [head, ...body],
    }),
    para([], { spacing: { after: 120 } }),
  ];
}

function block(b: Block): (Paragraph | Table)[] {
  switch (b.type) {
    case "heading":
      return [para([new TextRun({ text: b.text, bold: true, underline: {} })], { keepNext: true, spacing: { before: 200, after: 160 } })];
    case "subheading":
      return [
        para([new TextRun({ text: b.text, italics: true, underline: {} })], { keepNext: true, spacing: { before: 120, after: 120 } }),
      ];
    case "paragraph":
      return [para(runs(b.runs), { alignment: AlignmentType.BOTH })];
    case "bullets":
      return b.items.map((item, k) =>
        para(runs(item), { numbering: { reference: "bullets", level: 0 }, spacing: { after: k === b.items.length - 1 ? 160 : 40 } }),
      );
    case "notes":
      return [
        para([new TextRun({ text: b.title, bold: true, size: TABLE_TEXT })], { keepNext: true, spacing: { after: 60 } }),
        ...b.notes.map((n) =>
          para([new TextRun({ text: n.mark, size: TABLE_TEXT }), new TextRun({ text: `\t${n.text}`, size: TABLE_TEXT })], {
            indent: { left: 720, hanging: 720 },
            tabStops: [{ type: "left", position: 720 }],
            spacing: { after: 60 },
          }),
        ),
        para([], { spacing: { after: 120 } }),
      ];
    case "table":
      return table(b.table);
  }
}

export function docxDocument(doc: FisDocument): Document {
  const pageFooter = () =>
    new Footer({
      children: [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          children: [new TextRun({ children: ["Page ", PageNumber.CURRENT, " of ", PageNumber.TOTAL_PAGES], size: SMALL })],
        }),
      ],
    });
  return new Document({
    creator: doc.meta.author || "Fiscal Impact Studio",
    title: doc.meta.title,
    subject: doc.meta.subject,
    description: `Generated by Fiscal Impact Studio; dated ${doc.meta.date}.`,
    styles: { default: { document: { run: { font: FONT, size: BODY } } } },
    numbering: {
      config: [
        {
          reference: "bullets",
          levels: [
            {
              level: 0,
              format: LevelFormat.BULLET,
              text: "•",
              alignment: AlignmentType.LEFT,
              style: { paragraph: { indent: { left: 720, hanging: 360 } } },
            },
          ],
        },
      ],
    },
    sections: [
      {
        properties: {
          titlePage: true,
          page: { size: { width: 8.5 * INCH, height: 11 * INCH }, margin: { top: INCH, bottom: INCH, left: INCH, right: INCH } },
        },
        headers: {
          first: new Header({ children: [] }),
          default: new Header({
            children: [new Paragraph({ children: [new TextRun({ text: doc.runningHead, italics: true, size: SMALL })] })],
          }),
        },
        footers: { first: pageFooter(), default: pageFooter() },
        children: [
          ...doc.letterhead.map((l, k) =>
            para([new TextRun({ text: l, bold: k === 0, size: k === 0 ? 28 : BODY })], {
              alignment: AlignmentType.CENTER,
              spacing: { after: 0 },
            }),
          ),
          para([new TextRun({ text: doc.title, bold: true, size: 28 })], {
            alignment: AlignmentType.CENTER,
            spacing: { before: 240, after: 240 },
          }),
          headerTable(doc),
          para([], { border: { bottom: LINE }, spacing: { after: 240 } }),
          ...doc.blocks.flatMap(block),
        ],
      },
    ],
  });
}

/** The .docx file's bytes. */
export async function renderDocx(doc: FisDocument): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toArrayBuffer(docxDocument(doc)));
}
