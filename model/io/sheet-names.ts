/**
 * Sheet names that carry the scenario's name ("Inputs - FIS as published") within Excel's rules:
 * at most 31 characters, none of \ / ? * [ ] :, not starting or ending with an apostrophe, not
 * "History", unique without regard to case.
 */
export const MAX_SHEET_NAME = 31;

/** The scenario's name as a sheet may carry it. */
export function sheetSafe(text: string): string {
  const cleaned = text
    .replace(/[\\/?*[\]:]/g, "-")
    // Control characters (below U+0020) become spaces.
    .replace(/[^\P{Cc}]/gu, " ")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^'+|'+$/g, "")
    .trim();
  return cleaned === "" ? "scenario" : cleaned;
}

const cut = (text: string, room: number) => (text.length <= room ? text : `${text.slice(0, Math.max(room - 1, 1)).trimEnd()}\u2026`);

/** Names sheets one at a time, each unique in the workbook. */
export class SheetNamer {
  private readonly taken = new Set<string>();

  /** Reserves a fixed name (e.g. "Schedules ET-15"). */
  fixed(name: string): string {
    return this.unique(name);
  }

  /** "<kind> - <scenario name>", the name shortened with an ellipsis to fit. */
  of(kind: string, scenarioName: string): string {
    const head = `${kind} - `;
    return this.unique(head + cut(sheetSafe(scenarioName), MAX_SHEET_NAME - head.length));
  }

  private unique(wanted: string): string {
    let name = cut(wanted, MAX_SHEET_NAME);
    for (let n = 2; this.taken.has(name.toLowerCase()) || name.toLowerCase() === "history"; n++) {
      const suffix = ` (${n})`;
      name = cut(wanted, MAX_SHEET_NAME - suffix.length) + suffix;
    }
    this.taken.add(name.toLowerCase());
    return name;
  }
}
