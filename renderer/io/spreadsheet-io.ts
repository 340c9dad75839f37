/**
 * Excel import and export for the renderer: model/io's adapters, each loaded on first use with a
 * dynamic import(), so SheetJS (a 470 KiB chunk) stays out of the entry script the window parses
 * at start. The CSV table export needs no SheetJS and is imported directly where it is used.
 */
export const loadExportWorkbook = () => import("../../model/io/xlsx-export").then((m) => m.exportWorkbook);
export const loadImportAssumptions = () => import("../../model/io/assumptions-import").then((m) => m.importAssumptions);
/** The importer with its summary helpers (what was applied, ignored, and what needs confirming). */
export const loadAssumptionsImport = () => import("../../model/io/assumptions-import");
export const loadImportCensus = () => import("../../model/io/census-import").then((m) => m.importCensus);
