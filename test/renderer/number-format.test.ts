/**
 * The one number format (renderer/format/number.ts): literal expected strings, written by hand
 * from the FIS's conventions ($, thousands separators, negatives in parentheses, units named).
 */
import { describe, expect, it } from "vitest";
import { Decimal } from "../../model/engine/decimal";
import {
  amountInWords,
  cellText,
  changeInWords,
  changeText,
  columnLabelOf,
  countText,
  dollarsInUnit,
  money,
  percentChangeOf,
  rateText,
  signedAmountInWords,
  tickText,
  unitName,
  unitNoun,
  unitWords,
  unitsOfResult,
} from "../../renderer/format/number";
import { compareAmountText, dollarsText, inputText, unitNounOf } from "../../renderer/format/money";
import { formatDisplayed, toDisplay } from "../../model/engine/table/display";
import type { Display } from "../../model/engine/table/schema";

const MILLIONS_1 = { scale: "millions" as const, decimals: 1 };

describe("amounts", () => {
  it("table cells: $ and separators, negatives in parentheses, the table's decimals", () => {
    expect(cellText("12161")).toBe("$12,161");
    expect(cellText(new Decimal(-21437))).toBe("($21,437)");
    expect(cellText("0")).toBe("$0");
    expect(cellText("-0")).toBe("$0");
    expect(cellText("1234.5", MILLIONS_1)).toBe("$1,234.5");
    expect(cellText("-0.04", MILLIONS_1)).toBe("$0.0");
    expect(cellText("102446")).toBe("$102,446");
  });
  it("money keeps every digit unless told, and exact past float precision", () => {
    expect(money("105271.50")).toBe("$105,271.5");
    expect(money("-500")).toBe("($500)");
    expect(money("12345678901234567890.12")).toBe("$12,345,678,901,234,567,890.12");
    expect(money("-21437", { dollarSign: false })).toBe("(21,437)");
    expect(dollarsText(new Decimal("6292021.8"))).toBe("$6,292,021.80");
    expect(dollarsText(new Decimal("-57.755"))).toBe("($57.76)");
    expect(dollarsText(new Decimal("-0.004"))).toBe("$0.00");
  });
  it("changes: signed, parentheses for negatives, zero plain", () => {
    expect(changeText("6292")).toBe("+6,292");
    expect(changeText("-12")).toBe("(12)");
    expect(changeText("0")).toBe("0");
    expect(changeText("-25872.8", { scale: "thousands", decimals: 1 }, { dollarSign: true })).toBe("($25,872.8)");
  });
  it("in words: the unit is named", () => {
    expect(amountInWords("46158")).toBe("$46,158 thousand");
    expect(amountInWords("-21437")).toBe("($21,437 thousand)");
    expect(amountInWords("2.5", MILLIONS_1)).toBe("$2.5 million");
    expect(amountInWords("506", { scale: "dollars", decimals: 0 })).toBe("$506");
    expect(changeInWords("6292")).toBe("up $6,292 thousand");
    expect(changeInWords("-12")).toBe("down $12 thousand");
    expect(changeInWords("0")).toBe("unchanged");
    expect(signedAmountInWords("-25872.8", { scale: "thousands", decimals: 1 })).toBe("($25,872.8 thousand)");
    expect(signedAmountInWords("6292")).toBe("+$6,292 thousand");
  });
  it("exact dollars in the table's unit with one more place (sub-cell amounts)", () => {
    expect(dollarsInUnit("-25872800")).toBe("($25,872.8 thousand)");
    expect(dollarsInUnit("181949.99")).toBe("$181.9 thousand");
    expect(dollarsInUnit("432750")).toBe("$432.8 thousand");
  });
  it("unit words", () => {
    expect(unitWords()).toBe("$ thousands");
    expect(unitWords(MILLIONS_1)).toBe("$ millions");
    expect(unitWords({ scale: "dollars", decimals: 0 })).toBe("dollars");
    expect(unitNoun()).toBe(" thousand");
  });
});

describe("rates, changes in percent, counts", () => {
  it("rates as exact percentages", () => {
    expect(rateText("0.03")).toBe("3%");
    expect(rateText("0.993582")).toBe("99.3582%");
    expect(rateText("-0.005")).toBe("(0.5%)");
    expect(rateText("0.021", { decimals: 2 })).toBe("2.10%");
  });
  it("percent change with one decimal, negatives in parentheses", () => {
    expect(percentChangeOf("200", "205")).toBe("+2.5%");
    expect(percentChangeOf("200", "195")).toBe("(2.5%)");
    expect(percentChangeOf("23854", "23845")).toBe("(<0.1%)");
    expect(percentChangeOf("0", "5")).toBe("n/a");
    expect(percentChangeOf("100", "100")).toBe("0.0%");
  });
  it("counts grouped with their noun", () => {
    expect(countText("5198.4", "members")).toBe("5,198.4 members");
    expect(countText("5776")).toBe("5,776");
    expect(inputText("5776", "members")).toBe("5,776");
    expect(inputText("-1200", "USD")).toBe("($1,200)");
    expect(unitNounOf("members")).toBe("members");
    expect(unitNounOf("rate")).toBe("");
    expect(unitName("USD/biweekly")).toBe("$ per pay period");
    // The fields' own unit for a per-pay-period amount (model/engine/fields.ts UNITS).
    expect(unitName("USD/pay period")).toBe("$ per pay period");
    expect(unitName("rate")).toBe("percent");
  });
});

describe("what a table result says about itself", () => {
  it("units from result.display where present, else whole $ thousands", () => {
    expect(unitsOfResult({ units: "USD thousands" })).toEqual({ scale: "thousands", decimals: 0 });
    expect(unitsOfResult({ display: { unit: "millions", decimals: 1 } })).toEqual({ scale: "millions", decimals: 1 });
    expect(unitsOfResult({ display: { unit: "furlongs", decimals: -1 } })).toEqual({ scale: "thousands", decimals: 0 });
  });
  it("column labels from result.columnLabels where present", () => {
    const r = { columns: ["FY2025", "FY2026", "FY2027", "FY2028", "Total"] };
    expect(columnLabelOf(r, "FY2025")).toBe("FY 2025");
    expect(columnLabelOf(r, "Total")).toBe("4-Yr Total");
    expect(columnLabelOf({ ...r, columnLabels: { Total: "Four-Year Total" } }, "Total")).toBe("Four-Year Total");
  });
});

describe("chart axis ticks", () => {
  it("$ and the unit's letter, negatives in parentheses, a float tick's noise dropped", () => {
    expect(tickText(-30000)).toBe("($30,000K)");
    expect(tickText(0)).toBe("$0K");
    expect(tickText(15000)).toBe("$15,000K");
    // 0.1 + 0.2 in floating point is 0.30000000000000004: two places past the table's 0 decimals.
    expect(tickText(0.1 + 0.2)).toBe("$0.3K");
    expect(tickText("25.9", MILLIONS_1)).toBe("$25.9M");
    expect(tickText(-1250, { scale: "dollars", decimals: 0 })).toBe("($1,250)");
  });
});

describe("Compare's amounts", () => {
  const display = (unit: Display["unit"], decimals: number, rounding: Display["rounding"]): Display => ({
    unit,
    decimals,
    rounding,
    totals: "roundedExact",
  });
  const d = new Decimal("-12833.425");

  // A second audit found (12,833.42) in Compare's table and -$12,833.43 in the comparison memo.
  it("round by the baseline table's rule at its decimals when the view is its unit", () => {
    expect(compareAmountText(d, "dollars", display("dollars", 2, "truncate"))).toBe("($12,833.42)");
    expect(compareAmountText(d, "dollars", display("dollars", 2, "halfUp"))).toBe("($12,833.43)");
    expect(compareAmountText(d, "dollars", display("dollars", 2, "halfEven"))).toBe("($12,833.42)");
    expect(compareAmountText(d, "dollars", display("dollars", 0, "truncate"))).toBe("($12,833)");
    expect(compareAmountText(new Decimal("25872849.99"), "thousands", display("thousands", 1, "halfUp"), true)).toBe("+$25,872.8");
  });

  it("in the other unit: whole thousands or cents, by the same rule", () => {
    expect(compareAmountText(d, "thousands", display("dollars", 2, "truncate"))).toBe("($12)");
    expect(compareAmountText(new Decimal("1999.999"), "dollars", display("thousands", 0, "truncate"))).toBe("$1,999.99");
    expect(compareAmountText(new Decimal(0), "dollars", display("thousands", 0, "halfUp"))).toBe("–");
  });

  it("say what the comparison memo's table says for the same table display", () => {
    for (const rounding of ["halfUp", "truncate", "halfEven", "up"] as const)
      for (const [unit, decimals] of [
        ["dollars", 2],
        ["dollars", 0],
        ["thousands", 0],
        ["thousands", 1],
      ] as const) {
        const t = display(unit, decimals, rounding);
        for (const v of ["-12833.425", "12833.425", "1499.5", "-0.005", "25872849.95"]) {
          const memo = formatDisplayed(toDisplay(new Decimal(v), t), decimals);
          expect(compareAmountText(new Decimal(v), unit, t), `${v} ${unit} ${decimals} ${rounding}`).toBe(memo);
        }
      }
  });
});
