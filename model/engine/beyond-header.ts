/**
 * A data row with a value to the right of its header's last named column. Tables (a census, an
 * Inputs sheet) are read by their header, so such a value would be dropped without a word; in a
 * CSV it is nearly always a number written with an unquoted thousands separator ("1,200" splits
 * into 1 and 200, and the row reads as 1). Every table reader refuses the row with this message.
 */

/** What a reader's cell must have for the check: its text, and its number when it holds one. */
export interface HeaderRowCell {
  text: string;
  number?: number;
}

const filled = (cell: HeaderRowCell | undefined): boolean => cell !== undefined && (cell.text.trim() !== "" || cell.number !== undefined);

/** 0-based column of the header row's last non-empty cell (-1 for an empty row). */
export function lastHeaderColumn(header: readonly (HeaderRowCell | undefined)[]): number {
  for (let c = header.length - 1; c >= 0; c--) if (filled(header[c])) return c;
  return -1;
}

/** 0-based column of the row's first non-empty cell right of `lastHeader`, or undefined; empty trailing fields are fine. */
export function firstBeyondHeader(row: readonly (HeaderRowCell | undefined)[], lastHeader: number): number | undefined {
  for (let c = lastHeader + 1; c < row.length; c++) if (filled(row[c])) return c;
  return undefined;
}

/**
 * The refusal, in the reader's words. `csv`: the file is CSV text, where the likely cause is an
 * unquoted thousands separator; in a workbook a cell is a whole value, so the likely cause is a
 * value typed beside the table.
 */
export function beyondHeaderMessage(o: { value: string; column: string; lastColumn: string; lastHeader: string; csv: boolean }): string {
  const shown = o.value.trim().slice(0, 40);
  const where =
    `the row has a value, "${shown}", in column ${o.column}, to the right of the header's last column ` +
    `(${o.lastColumn}, "${o.lastHeader.trim().slice(0, 40)}")`;
  return o.csv
    ? `${where}: probably a number written with an unquoted thousands separator (1,200 must be quoted, "1,200", or written 1200); ` +
        "the file is refused rather than the value dropped"
    : `${where}, under no header: give the column a header (it is then named as not read) or clear it; if it is the rest of a ` +
        "number split at a thousands separator, type the whole number in one cell";
}
