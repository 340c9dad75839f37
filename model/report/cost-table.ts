/**
 * The cost table as the scenario lays it out: its lines in order, its columns, its display unit and
 * rounding, negatives in parentheses; the lines' own notes as lettered table notes and the
 * calibrated inputs as numbered footnotes on the first line that uses each.
 */
import { formatDisplayed, printedLines, unitsHeading, type Scenario, type TableResult } from "../engine/index";
import type { Calibration } from "./assumptions";
import type { Block, DocNote, DocTable } from "./document";

const MARK = /^\s*(\([a-z0-9]{1,3}\)(?:\s*[-–]\s*\([a-z0-9]{1,3}\))?)\s*/i;

/** A line's note split into its mark and text: "(e) Includes …" -> ("(e)", "Includes …"); unmarked notes get the next free letter. */
export function lineNotes(result: TableResult): Map<string, DocNote> {
  const used = new Set<string>();
  for (const l of printedLines(result)) {
    const m = l.note?.match(MARK);
    if (m) for (const letter of m[1]!.matchAll(/\(([a-z0-9]{1,3})\)/gi)) used.add(letter[1]!.toLowerCase());
  }
  const free = (): string => {
    for (let k = 0; ; k++) {
      const letter =
        k < 26 ? String.fromCharCode(97 + k) : `${String.fromCharCode(97 + Math.floor(k / 26) - 1)}${String.fromCharCode(97 + (k % 26))}`;
      if (!used.has(letter)) {
        used.add(letter);
        return letter;
      }
    }
  };
  const notes = new Map<string, DocNote>();
  for (const l of printedLines(result)) {
    if (!l.note || l.note.trim() === "") continue;
    const m = l.note.match(MARK);
    notes.set(
      l.id,
      m ? { mark: m[1]!.replace(/\s+/g, ""), text: l.note.slice(m[0].length).trim() } : { mark: `(${free()})`, text: l.note.trim() },
    );
  }
  return notes;
}

export function costTable(scenario: Scenario, result: TableResult, found: readonly Calibration[]): DocTable {
  const notes = lineNotes(result);
  const { decimals } = result.display;
  return {
    id: "cost",
    title: [scenario.agreement.document?.tableTitle ?? `Cost of the ${scenario.agreement.name}`],
    unit: unitsHeading(result.display.unit),
    layout: "numbers",
    columns: [
      { label: "", align: "left" },
      ...result.columns.map((c) => ({ label: result.columnLabels[c] ?? c, align: "right" as const })),
    ],
    rows: printedLines(result).map((line) => {
      const marks = [notes.get(line.id)?.mark, ...found.filter((c) => c.lineId === line.id).map((c) => c.mark)].filter(
        (m): m is string => m !== undefined,
      );
      return {
        cells: [line.label, ...result.columns.map((c) => formatDisplayed(line.cells[c]!.display, decimals))],
        ...(marks.length ? { marks } : {}),
        ...(line.style ? { style: line.style } : {}),
      };
    }),
  };
}

export function tableNotes(result: TableResult, found: readonly Calibration[]): Block[] {
  const notes = [...lineNotes(result).values()];
  const blocks: Block[] = [];
  if (notes.length) blocks.push({ type: "notes", title: "Table Notes", notes });
  if (found.length)
    blocks.push({
      type: "notes",
      title: "Calibrations",
      notes: found.map((c) => ({
        mark: c.mark,
        text: `${c.label}: ${c.value}${c.stated ? ` (stated: ${c.stated})` : ""}. ${c.note}`,
      })),
    });
  return blocks;
}
