/**
 * A census from a user's spreadsheet (xlsx, xls or CSV) -> the schedule model's Census. The reader
 * (workbook-read.ts) turns the file into plain cells; the first sheet with a census header
 * (schedule, lane, step, headcount, by name or synonym, below any title) is handed to the census
 * model's own parser (model/engine/schedule parseCensusRows), so there is one definition of a
 * valid census for the CLI, the app and an exported workbook's Census sheet. All or nothing: any
 * error and no census is returned.
 */
import type { Checked } from "../engine/index";
import { findCensusHeader, parseCensusRows } from "../engine/index";
import type { CheckedCensus } from "../engine/index";
import { CSV_SHEET, DEFAULT_READ_LIMITS, readSheets, type ReadLimits } from "./workbook-read";

export interface CensusImportOptions {
  label?: string;
  asOfFiscalYear?: number;
  limits?: ReadLimits;
}

export function importCensus(bytes: Uint8Array, fileName: string, options: CensusImportOptions = {}): Checked<CheckedCensus> {
  const read = readSheets(bytes, fileName, options.limits ?? DEFAULT_READ_LIMITS);
  if (!read.ok) return read;
  const grid = read.value.find((g) => findCensusHeader(g.rows) !== undefined) ?? (read.value.length === 1 ? read.value[0] : undefined);
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
  return parseCensusRows(grid.rows, fileName, {
    ...(grid.name === CSV_SHEET ? {} : { sheet: grid.name }),
    ...(options.label ? { label: options.label } : {}),
    ...(options.asOfFiscalYear ? { asOfFiscalYear: options.asOfFiscalYear } : {}),
  });
}
