/**
 * A census from a user's spreadsheet (xlsx, xls or CSV) -> the schedule model's Census. The reader
 * (workbook-read.ts) turns the file into plain cells; the first sheet with a census header
 * (schedule, lane, step, headcount, by name or synonym, below any title) is handed to the census
 * model's own parser (model/engine/schedule parseCensusRows), so there is one definition of a
 * valid census for the CLI, the app and an exported workbook's Census sheet. All or nothing: any
 * error and no census is returned.
 */
import type { CheckedCensus, InputError } from "../engine/index";
import { findCensusHeader, parseCensusRows } from "../engine/index";
import { CSV_SHEET, DEFAULT_READ_LIMITS, readSheets, type ReadLimits } from "./workbook-read";

export interface CensusImportOptions {
  label?: string;
  asOfFiscalYear?: number;
  limits?: ReadLimits;
}

/** The census, with what the file held that it does not use (`notes`), or every error found. */
export type CensusImport = { ok: true; value: CheckedCensus; notes: InputError[] } | { ok: false; errors: InputError[] };

export function importCensus(bytes: Uint8Array, fileName: string, options: CensusImportOptions = {}): CensusImport {
  const read = readSheets(bytes, fileName, options.limits ?? DEFAULT_READ_LIMITS);
  if (!read.ok) return read;
  // A visible census before a hidden one: a sheet hidden in the workbook is often an old copy kept aside.
  const withHeader = read.value
    .filter((g) => findCensusHeader(g.rows) !== undefined)
    .sort((a, b) => Number(a.hidden ?? false) - Number(b.hidden ?? false));
  const grid = withHeader[0] ?? (read.value.length === 1 ? read.value[0] : undefined);
  if (!grid) {
    return {
      ok: false,
      errors: [
        {
          file: fileName,
          message:
            "no sheet has a header row naming the columns schedule (or pay plan), lane (or education level), step and " +
            `headcount (or count/FTE) in its first 50 rows (sheets: ${read.value.map((g) => `"${g.name}"`).join(", ")})`,
        },
      ],
    };
  }
  const parsed = parseCensusRows(grid.rows, fileName, {
    ...(grid.name === CSV_SHEET ? {} : { sheet: grid.name }),
    ...(options.label ? { label: options.label } : {}),
    ...(options.asOfFiscalYear ? { asOfFiscalYear: options.asOfFiscalYear } : {}),
  });
  if (!parsed.ok) return parsed;
  // A workbook with a census on several sheets (one per year, say): only the first visible one is read, and that is said.
  const first = grid.hidden
    ? "the first, and it is hidden in the workbook"
    : withHeader.some((g) => g.hidden)
      ? "the first visible one"
      : "the first";
  const others = withHeader.slice(1).map((g) => {
    const header = findCensusHeader(g.rows)!;
    return {
      file: fileName,
      sheet: g.name,
      row: header.row + 1,
      column: "A",
      message:
        `this sheet${g.hidden ? ", hidden in the workbook," : ""} also has a census; only sheet "${grid.name}", ${first}, was read ` +
        "(import this one as a file of its own)",
    };
  });
  // The only census is on a hidden sheet: read, and said.
  const hiddenOnly =
    grid.hidden && others.length === 0
      ? [
          {
            file: fileName,
            sheet: grid.name,
            message: "this sheet is hidden in the workbook; its census was read (unhide it to check it is the one meant)",
          },
        ]
      : [];
  return { ...parsed, notes: [...parsed.notes, ...hiddenOnly, ...others] };
}
