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
