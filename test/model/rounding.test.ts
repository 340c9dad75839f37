import { describe, expect, it } from "vitest";
import { Decimal } from "../../model/engine/decimal";
import { formatDisplayed, toDisplay } from "../../model/engine/index";

const K = { unit: "thousands", decimals: 0 } as const;

describe("display rounding", () => {
  it("half-up rounds 500 up and 499.99 down ($ thousands)", () => {
    expect(toDisplay(new Decimal("12160500"), { ...K, rounding: "halfUp" }).toString()).toBe("12161");
    expect(toDisplay(new Decimal("12160499.99"), { ...K, rounding: "halfUp" }).toString()).toBe("12160");
  });
  it("half-up is symmetric for negatives, as Excel's ROUND", () => {
    expect(toDisplay(new Decimal("-2500"), { ...K, rounding: "halfUp" }).toString()).toBe("-3");
    expect(toDisplay(new Decimal("-2499"), { ...K, rounding: "halfUp" }).toString()).toBe("-2");
  });
  it("truncation drops the fraction toward zero", () => {
    expect(toDisplay(new Decimal("12160999.99"), { ...K, rounding: "truncate" }).toString()).toBe("12160");
    expect(toDisplay(new Decimal("-21437999"), { ...K, rounding: "truncate" }).toString()).toBe("-21437");
  });
  it("half-even sends a tie to the even neighbour: 2,500 -> 2K, 3,500 -> 4K, -2,500 -> -2K; a non-tie rounds normally", () => {
    expect(toDisplay(new Decimal("2500"), { ...K, rounding: "halfEven" }).toString()).toBe("2");
    expect(toDisplay(new Decimal("3500"), { ...K, rounding: "halfEven" }).toString()).toBe("4");
    expect(toDisplay(new Decimal("-2500"), { ...K, rounding: "halfEven" }).toString()).toBe("-2");
    expect(toDisplay(new Decimal("2500.01"), { ...K, rounding: "halfEven" }).toString()).toBe("3");
  });
  it("whole dollars and $ millions with decimals", () => {
    expect(toDisplay(new Decimal("12160963.68"), { unit: "dollars", decimals: 0, rounding: "halfUp" }).toString()).toBe("12160964");
    // 12,160,963.68 / 1,000,000 = 12.16096368 -> 12.2 (one decimal)
    expect(toDisplay(new Decimal("12160963.68"), { unit: "millions", decimals: 1, rounding: "halfUp" }).toString()).toBe("12.2");
    expect(toDisplay(new Decimal("12160963.68"), { unit: "millions", decimals: 2, rounding: "truncate" }).toString()).toBe("12.16");
  });
  it("formats with grouping, the display's decimals and parentheses for negatives", () => {
    expect(formatDisplayed(new Decimal("169111"))).toBe("$169,111");
    expect(formatDisplayed(new Decimal("-75759"))).toBe("($75,759)");
    expect(formatDisplayed(new Decimal("0"))).toBe("$0");
    expect(formatDisplayed(new Decimal("-21437"), 0, false)).toBe("(21,437)");
    expect(formatDisplayed(new Decimal("1234.5"), 2)).toBe("$1,234.50");
  });
});
