/**
 * Writes examples/assumptions/fis-as-published.xlsx: the reference scenario "FIS as published" as
 * the project's own exporter writes it (Inputs, Calculation formulas, Cost Table, Notes). An analyst
 * edits the Value column of the Inputs sheet and imports the workbook back ("Import assumptions…"
 * in the app). test/examples/examples.test.ts checks that the committed file is what this writes.
 *
 *   npx tsx examples/make-assumptions-workbook.ts
 */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { fisAsPublished } from "../model/built-ins";
import { exportWorkbook } from "../model/io";

export const ASSUMPTIONS_WORKBOOK = fileURLToPath(new URL("./assumptions/fis-as-published.xlsx", import.meta.url));

export function assumptionsWorkbook(): Uint8Array {
  return exportWorkbook([fisAsPublished()]);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) writeFileSync(ASSUMPTIONS_WORKBOOK, assumptionsWorkbook());
