/**
 * The document model: what a fiscal impact statement (or a comparison memo) says, block by block,
 * with every number already formatted from the engine's cells. The Word, PDF and HTML renderers
 * draw the same blocks; none of them computes or words anything. Pure data: no Node, no DOM.
 */

/** A run of text; `mark` is a footnote marker drawn raised after the text it follows. */
export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
  mark?: boolean;
}

export type Inline = string | Run;

export interface DocNote {
  /** "(a)", "(a)-(d)", "1". */
  mark: string;
  text: string;
}

export interface DocColumn {
  label: string;
  /** Footnote marks on the column heading. */
  marks?: string[];
  align: "left" | "right";
}

export interface DocRow {
  /** One string per column, already formatted ("$12,161", "($21,437)"). */
  cells: string[];
  /** Footnote marks after the row's label. */
  marks?: string[];
  style?: "total" | "subtotal";
}

export interface DocTable {
  id: string;
  /** Caption lines above the table. */
  title: string[];
  /** "($ in thousands)", printed under the title; empty for a table of words. */
  unit: string;
  columns: DocColumn[];
  rows: DocRow[];
  /** "numbers": a label column then figures; "text": columns of words. */
  layout: "numbers" | "text";
}

export type Block =
  | { type: "heading"; text: string }
  | { type: "subheading"; text: string }
  | { type: "paragraph"; runs: Inline[] }
  | { type: "bullets"; items: Inline[][] }
  | { type: "table"; table: DocTable }
  | { type: "notes"; title: string; notes: DocNote[] };

export interface HeaderField {
  /** "TO", "FROM", "DATE", "SUBJECT", "REFERENCE". */
  label: string;
  lines: string[];
}

export interface FisDocument {
  kind: "fis" | "memo";
  /** Lines at the top of the first page (the issuing office). */
  letterhead: string[];
  /** The big heading ("Fiscal Impact Statement", "MEMORANDUM"). */
  title: string;
  header: HeaderField[];
  /** A line repeated at the top of every page after the first. */
  runningHead: string;
  blocks: Block[];
  /** Document properties and a file name to suggest (without extension). */
  meta: { title: string; subject: string; author: string; date: string; fileName: string };
}

export const runText = (inline: Inline): string => (typeof inline === "string" ? inline : inline.text);

/** The document as plain text, block by block (tests, search, the CLI's preview). */
export function documentText(doc: FisDocument): string {
  const out: string[] = [...doc.letterhead, doc.title, ...doc.header.map((h) => `${h.label}: ${h.lines.join(" ")}`)];
  for (const b of doc.blocks) {
    if (b.type === "heading" || b.type === "subheading") out.push(b.text);
    else if (b.type === "paragraph") out.push(b.runs.map(runText).join(""));
    else if (b.type === "bullets") out.push(...b.items.map((i) => `• ${i.map(runText).join("")}`));
    else if (b.type === "notes") out.push(b.title, ...b.notes.map((n) => `${n.mark} ${n.text}`));
    else {
      const t = b.table;
      out.push(...t.title, t.unit, t.columns.map((c) => c.label).join(" | "), ...t.rows.map((r) => r.cells.join(" | ")));
    }
  }
  return out.filter((l) => l !== "").join("\n");
}
