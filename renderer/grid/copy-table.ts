/** "Copy table": the whole FIS table with its title, column labels, units and footnote, as text and HTML. */
import type { TableResult } from "../../model/engine/compute";
import type { Scenario } from "../../model/engine/scenario/types";
import { printedLines } from "../../model/engine/table/printed";
import { cellText, columnLabelOf, unitWords, unitsOfResult } from "../format/number";
import { writeClipboard, type CopyBlock } from "./clipboard";

export function fisTableBlock(result: TableResult, scenario: Scenario, roundingRule: string): CopyBlock {
  const units = unitsOfResult(result);
  return {
    title: `Fiscal Impact Statement: ${scenario.name} (${unitWords(units)})`,
    headerRows: 1,
    rowHeaders: true,
    rows: [
      [unitWords(units), ...result.columns.map((c) => columnLabelOf(result, c))],
      ...printedLines(result).map((l) => [l.label, ...result.columns.map((c) => (l.cells[c] ? cellText(l.cells[c]!.display, units) : ""))]),
    ],
    notes: [`Amounts in ${unitWords(units)}; ${roundingRule}.`, ...(scenario.description ? [scenario.description] : [])],
  };
}

export function copyFisTable(result: TableResult, scenario: Scenario, roundingRule: string): Promise<boolean> {
  return writeClipboard(fisTableBlock(result, scenario, roundingRule));
}
