/**
 * The unit of Compare's side-by-side table: the base scenario's display unit, for every scenario in
 * it. A scenario printed in another unit (whole dollars beside $ thousands) is shown in the base's,
 * rounded by the base's rule from its unrounded figures, and the table says so: its own printed
 * figures would be read under the wrong heading, and their differences would mix units.
 */
import type { Cell, TableResult } from "../../model/engine/compute";
import type { Decimal } from "../../model/engine/decimal";
import { toDisplay } from "../../model/engine/table/display";
import { unitWords, unitsOfResult, type DisplayUnits } from "../format/number";

export interface SideBySideUnits {
  units: DisplayUnits;
  /** "$ thousands", "dollars": the heading's words. */
  words: string;
  /** Result `index`'s cell in the table's unit. */
  amount: (index: number, cell: Cell | undefined) => Decimal | undefined;
  /** Which scenarios were converted, in a sentence; "" when none was. */
  converted: string;
}

export function sideBySideUnits(results: readonly TableResult[], names: readonly string[]): SideBySideUnits {
  const base = results[0]!;
  const units = unitsOfResult(base);
  const same = (r: TableResult) => r.display.unit === base.display.unit && r.display.decimals === base.display.decimals;
  const words = unitWords(units);
  // The unit, and the decimals where there are any: two tables in $ thousands may differ only in those.
  const printed = (r: TableResult) => {
    const n = r.display.decimals;
    return `${unitWords(unitsOfResult(r))}${n ? ` to ${n} decimal${n === 1 ? "" : "s"}` : ""}`;
  };
  const converted = results.map((r, i) => (same(r) ? "" : `“${names[i] ?? r.scenarioName}” is printed in ${printed(r)}`)).filter(Boolean);
  return {
    units,
    words,
    amount: (index, cell) => (cell === undefined ? undefined : same(results[index]!) ? cell.display : toDisplay(cell.exact, base.display)),
    converted: converted.length
      ? `${converted.join("; ")}; here ${converted.length === 1 ? "it is" : "they are"} in ${printed(base)}, rounded from ${
          converted.length === 1 ? "its" : "their"
        } unrounded figures.`
      : "",
  };
}
