/**
 * Excel and CSV adapters: bytes and strings in, bytes and strings out (no file system), so the
 * renderer, the Electron main process and the CLI share them.
 */
export {
  exportWorkbook,
  workbookSheetNames,
  THOUSANDS_FORMAT,
  DOLLARS_FORMAT,
  INPUT_HEADERS,
  type ExportOptions,
  type WorkbookSheetNames,
} from "./xlsx-export";
export { exportTableCsv } from "./table-csv";
export { importAssumptions, type AssumptionsImportOptions } from "./assumptions-import";
export { importCensus, type CensusImportOptions } from "./census-import";
export { readSheets, DEFAULT_READ_LIMITS, type ReadLimits, type SheetGrid, type SheetCell } from "./workbook-read";
export { escapeSpreadsheetText, csvField } from "./text-escape";
