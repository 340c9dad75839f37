/**
 * Errors the user can fix are values, not exceptions: each names where the problem is (file,
 * sheet, row, column for tabular files; field path for scenario JSON) and what is wrong, so the
 * UI can show it next to the input and the CLI can print it.
 */
export interface InputError {
  file?: string;
  sheet?: string;
  /** 1-based row as a spreadsheet shows it. */
  row?: number;
  /** Column letter or header name. */
  column?: string;
  /** Field path inside a scenario, e.g. "items.baseSalary.steps.2025-10-01.amount.value". */
  field?: string;
  message: string;
}

export type Checked<T> = { ok: true; value: T } | { ok: false; errors: InputError[] };

export function formatInputError(e: InputError): string {
  const where = [
    e.file,
    e.sheet && `sheet "${e.sheet}"`,
    e.row !== undefined && `row ${e.row}`,
    e.column && `column ${e.column}`,
    e.field && `field ${e.field}`,
  ]
    .filter(Boolean)
    .join(", ");
  return where ? `${where}: ${e.message}` : e.message;
}

/**
 * Thrown by the engine only when a caller hands it input that skipped validation (e.g. a census
 * built in code): it carries the same structured errors validation would have returned.
 */
export class InputRejectedError extends Error {
  constructor(readonly errors: InputError[]) {
    super(errors.map(formatInputError).join("\n"));
    this.name = "InputRejectedError";
  }
}

/** Characters of a value a message quotes before it cuts the rest. */
export const QUOTED_LENGTH = 60;

/**
 * Input as a message quotes it: whole when short, else its start and its length. A 500,000-character
 * value was echoed whole, one line no terminal or dialog could show.
 */
export function clipped(text: string): string {
  if (text.length <= QUOTED_LENGTH + 20) return text;
  // Never end on the first half of a surrogate pair: it would print as U+FFFD.
  const end = /[\uD800-\uDBFF]/.test(text[QUOTED_LENGTH - 1]!) ? QUOTED_LENGTH - 1 : QUOTED_LENGTH;
  return `${text.slice(0, end)}… (${text.length.toLocaleString("en-US")} characters)`;
}
