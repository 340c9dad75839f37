import { describe, expect, it } from "vitest";
import { Decimal } from "../../model/engine/decimal";
import { formatThousands, toDisplayThousands } from "../../model/engine/index";

describe("display rounding to $ thousands", () => {
  it("half-up rounds 500 up and 499.99 down", () => {
    expect(toDisplayThousands(new Decimal("12160500"), "halfUp").toString()).toBe("12161");
    expect(toDisplayThousands(new Decimal("12160499.99"), "halfUp").toString()).toBe("12160");
  });
  it("half-up is symmetric for negatives, as Excel's ROUND", () => {
    expect(toDisplayThousands(new Decimal("-2500"), "halfUp").toString()).toBe("-3");
    expect(toDisplayThousands(new Decimal("-2499"), "halfUp").toString()).toBe("-2");
  });
  it("truncation drops the fraction toward zero", () => {
    expect(toDisplayThousands(new Decimal("12160999.99"), "truncate").toString()).toBe("12160");
    expect(toDisplayThousands(new Decimal("-21437999"), "truncate").toString()).toBe("-21437");
  });
  it("formats with grouping and parentheses for negatives", () => {
    expect(formatThousands(new Decimal("169111"))).toBe("$169,111");
    expect(formatThousands(new Decimal("-75759"))).toBe("($75,759)");
    expect(formatThousands(new Decimal("0"))).toBe("$0");
    expect(formatThousands(new Decimal("-21437"), false)).toBe("(21,437)");
  });
});
