/**
 * Formula-injection guard for text written into spreadsheets and CSV. A spreadsheet program
 * that opens a CSV (or a user who retypes a cell) treats text starting with = + - @ as a
 * formula, and tab/CR as a field break; a leading apostrophe makes it plain text everywhere.
 * Labels and notes come from scenario files a user may have received from anyone, so every
 * text cell passes through here; numbers never do (they are written as number cells).
 */
const DANGEROUS_START = /^[=+\-@\t\r]/;

export function escapeSpreadsheetText(text: string): string {
  return DANGEROUS_START.test(text) ? `'${text}` : text;
}

/** One CSV field: injection-escaped, then quoted when it holds a comma, quote or line break. */
export function csvField(text: string): string {
  const safe = escapeSpreadsheetText(text);
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
