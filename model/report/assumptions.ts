/**
 * The inputs behind a table, read from its cells' explanation trees: every leaf that is an input
 * (with its path) or carries a source, once, in the order the table first uses it. Calibrated
 * inputs are numbered for the table's footnotes, each with the value the documents state and why
 * it differs.
 */
import { getInputEntry, isPrinted, listWords, printedLines, type Explanation, type Scenario, type TableResult } from "../engine/index";
import { valueWords } from "./words";

export interface Leaf {
  key: string;
  node: Explanation;
  /** The first table line whose cells use it. */
  lineId: string;
}

/** Every input leaf of the table, once, by first use (line by line in table order, column by column). */
export function inputLeaves(result: TableResult): Leaf[] {
  const seen = new Map<string, Leaf>();
  const walk = (node: Explanation, lineId: string) => {
    if (node.children.length === 0 && (node.inputPath || node.source)) {
      const key = node.inputPath ?? `${node.label}|${node.source?.ref ?? ""}|${node.source?.note ?? ""}`;
      if (!seen.has(key)) seen.set(key, { key, node, lineId });
    }
    for (const child of node.children) walk(child, lineId);
  };
  // A helper line's inputs are found through the printed lines that use it, so their footnotes land on a row.
  const rows = [...printedLines(result), ...result.lines.filter((l) => !isPrinted(l))];
  for (const line of rows) for (const column of result.columns) walk(line.cells[column]!.explanation, line.id);
  return [...seen.values()];
}

export interface Calibration {
  /** The leaves it covers (inputs calibrated for one reason share a footnote). */
  keys: string[];
  /** The footnote's number, "1", "2", ... */
  mark: string;
  lineId: string;
  label: string;
  /** The value used, in words. */
  value: string;
  /** What the documents state, in words, when the scenario records it. */
  stated?: string;
  /** Why the value is calibrated. */
  note: string;
}

function statedOf(scenario: Scenario, leaf: Leaf): string | undefined {
  if (!leaf.node.inputPath) return undefined;
  const stated = getInputEntry(scenario, leaf.node.inputPath)?.param.stated;
  return stated === undefined ? undefined : valueWords(stated, leaf.node.unit);
}

/** The calibrated inputs, numbered by first use; inputs calibrated with the same reason share one number. */
export function calibrations(result: TableResult, scenario: Scenario): Calibration[] {
  const byNote = new Map<string, Leaf[]>();
  for (const l of inputLeaves(result)) {
    if (l.node.source?.kind !== "calibrated") continue;
    const note = l.node.source.note ?? "";
    byNote.set(note, [...(byNote.get(note) ?? []), l]);
  }
  return [...byNote.entries()].map(([note, leaves], k) => {
    const values = [...new Set(leaves.map((l) => valueWords(l.node.value, l.node.unit)))];
    const stated = [...new Set(leaves.map((l) => statedOf(scenario, l)).filter((v): v is string => v !== undefined))];
    return {
      keys: leaves.map((l) => l.key),
      mark: String(k + 1),
      lineId: leaves[0]!.lineId,
      label: listWords(leaves.map((l) => l.node.label)),
      value: listWords(values),
      ...(stated.length ? { stated: listWords(stated) } : {}),
      note: note || "no reason is recorded",
    };
  });
}

export interface AssumptionRow {
  label: string;
  value: string;
  source: string;
}

const KIND_WORDS: Record<string, string> = {
  contract: "Contract",
  fis: "Fiscal note",
  assumed: "Assumed",
  derived: "Derived",
  user: "Entered",
};

export function assumptionRows(result: TableResult, scenario: Scenario, found: readonly Calibration[]): AssumptionRow[] {
  const marks = new Map(found.flatMap((c) => c.keys.map((k) => [k, c] as const)));
  return inputLeaves(result).map((l) => {
    const s = l.node.source;
    const c = marks.get(l.key);
    let source: string;
    if (c) source = `Calibrated (note ${c.mark})${c.stated ? `; stated ${c.stated}` : ""}`;
    else if (!s) source = "";
    else {
      const kind = KIND_WORDS[s.kind] ?? s.kind;
      const ref = s.ref && s.ref.toLowerCase() !== s.kind ? s.ref : "";
      source = [ref || kind, s.note].filter(Boolean).join(": ");
    }
    return { label: l.node.label, value: valueWords(l.node.value, l.node.unit), source };
  });
}
