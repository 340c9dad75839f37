/**
 * Compare's side-by-side table shows every scenario in one unit, the base's, and names it: a
 * scenario printed in whole dollars next to one in $ thousands is converted from its unrounded
 * figures (and said to be), never shown as dollars under a "$ thousands" heading or subtracted
 * from thousands.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { fisAsPublished } from "../../model/built-ins";
import { computeTable } from "../../model/engine/compute";
import { Decimal } from "../../model/engine/decimal";
import { parseScenarioJson } from "../../model/engine/scenario/schema";
import { setInputValue } from "../../model/engine/scenario/paths";
import { sideBySideUnits } from "../../renderer/panels/side-by-side";

const FY2026_RAISE = "items.baseSalary.steps.2025-10-01.amount";
const inDollars = () => {
  const file = "examples/wv-2015-hb2043-state-employees/scenario.json";
  const parsed = parseScenarioJson(readFileSync(file, "utf8"), file);
  if (!parsed.ok) throw new Error("example does not parse");
  return computeTable(parsed.value);
};

describe("the side-by-side table's unit", () => {
  it("is the base's; scenarios in the same unit show their own figures", () => {
    const base = computeTable(fisAsPublished());
    const other = computeTable(setInputValue(fisAsPublished(), FY2026_RAISE, "0.04"));
    const u = sideBySideUnits([base, other], ["FIS as published", "4% in FY2026"]);
    expect(u.words).toBe("$ thousands");
    expect(u.converted).toBe("");
    const total = (r: typeof base) => r.lines.find((l) => l.id === "totalCost")!.cells["FY2026"]!;
    expect(u.amount(1, total(other))!.toFixed()).toBe(total(other).display.toFixed());
    // The FIS prints TOTAL COST FY2026 as $39,866 thousand.
    expect(u.amount(0, total(base))!.toFixed()).toBe("39866");
  });

  it("converts a scenario printed in whole dollars to the base's thousands, from its unrounded figures, and says so", () => {
    const base = computeTable(fisAsPublished());
    const dollars = inDollars();
    expect(dollars.display.unit).toBe("dollars");
    const u = sideBySideUnits([base, dollars], ["FIS as published", "WV state employees"]);
    const cell = dollars.lines[0]!.cells[dollars.columns[0]!]!;
    expect(u.amount(1, cell)!.toFixed()).toBe(cell.exact.div(1000).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toFixed());
    expect(u.converted).toBe("“WV state employees” is printed in dollars; here it is in $ thousands, rounded from its unrounded figures.");
  });

  it("is dollars when the base is printed in dollars", () => {
    const dollars = inDollars();
    const u = sideBySideUnits([dollars, computeTable(fisAsPublished())], ["WV state employees", "FIS as published"]);
    expect(u.words).toBe("dollars");
    expect(u.converted).toMatch(/^“FIS as published” is printed in \$ thousands; here it is in dollars/);
  });

  it("names the decimals where two tables in one unit differ only in those", () => {
    const s = fisAsPublished();
    const finer = computeTable({ ...s, table: { ...s.table, display: { ...s.table.display, decimals: 1 } } });
    const u = sideBySideUnits([computeTable(s), finer], ["FIS as published", "to a tenth"]);
    expect(u.converted).toBe(
      "“to a tenth” is printed in $ thousands to 1 decimal; here it is in $ thousands, rounded from its unrounded figures.",
    );
  });
});
