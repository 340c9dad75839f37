/**
 * Which of a table's lines are rows. A helper line (`printed: false`) is computed and feeds the
 * lines that name it, but no shown or written table has a row for it: every display, export,
 * comparison and check of published cells takes its rows from here, so none prints one by accident.
 */

interface MaybePrinted {
  printed?: false;
}

export const isPrinted = (line: MaybePrinted): boolean => line.printed !== false;

/** The lines printed as rows, in display order. */
export function printedLines<L extends MaybePrinted>(result: { readonly lines: readonly L[] }): L[] {
  return result.lines.filter(isPrinted);
}
