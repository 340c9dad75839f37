import { describe, expect, it } from "vitest";
import { parseInputNumber } from "../../renderer/format/parse-number";
import { inputText, percentChangeText, varianceText } from "../../renderer/format/money";
import { Decimal } from "../../model/engine/decimal";

const ok = (value: string) => ({ ok: true, value });

describe("parseInputNumber", () => {
  it("reads percentages as fractions for rate and share units", () => {
    expect(parseInputNumber("3%", "rate")).toEqual(ok("0.03"));
    expect(parseInputNumber("4 %", "rate")).toEqual(ok("0.04"));
    expect(parseInputNumber("99.4%", "share")).toEqual(ok("0.994"));
    expect(parseInputNumber("1.45%", "rate")).toEqual(ok("0.0145"));
    expect(parseInputNumber("0.03", "rate")).toEqual(ok("0.03"));
    expect(parseInputNumber("-1%", "rate")).toEqual(ok("-0.01"));
  });

  it("reads dollars with grouping, k/M suffixes and accounting negatives", () => {
    expect(parseInputNumber("$1,200", "USD/year")).toEqual(ok("1200"));
    expect(parseInputNumber("1.2k", "USD")).toEqual(ok("1200"));
    expect(parseInputNumber("1.5M", "USD")).toEqual(ok("1500000"));
    expect(parseInputNumber("(1,200)", "USD")).toEqual(ok("-1200"));
    expect(parseInputNumber("($1,200.50)", "USD")).toEqual(ok("-1200.5"));
    expect(parseInputNumber("105271.50", "USD/year")).toEqual(ok("105271.5"));
    expect(parseInputNumber(" 5,776 ", "members")).toEqual(ok("5776"));
    expect(parseInputNumber("\u22125", "USD")).toEqual(ok("-5"));
  });

  it("keeps exact decimals that a float would spoil", () => {
    expect(parseInputNumber("0.1%", "rate")).toEqual(ok("0.001"));
    expect(parseInputNumber("21437.2k", "USD")).toEqual(ok("21437200"));
    expect(parseInputNumber("12345678901234567.89", "USD")).toEqual(ok("12345678901234567.89"));
  });

  it("rejects junk with a message", () => {
    for (const junk of ["abc", "", "  ", "1.2.3", "1,2,3", "12abc", "$", "%", "--5", "(5", "e5", ".e5", "1e", "NaN", "Infinity", "0x10"]) {
      const r = parseInputNumber(junk, "USD");
      expect(r.ok, junk).toBe(false);
      if (!r.ok) expect(r.message.length).toBeGreaterThan(5);
    }
    expect(parseInputNumber("abc", "rate")).toEqual({ ok: false, message: '"abc" is not a number.' });
  });

  it("reads scientific notation as Excel does", () => {
    expect(parseInputNumber("1e5", "USD")).toEqual(ok("100000"));
    expect(parseInputNumber("1.5E6", "members")).toEqual(ok("1500000"));
    expect(parseInputNumber("2.5e-2", "rate")).toEqual(ok("0.025"));
  });

  it("rejects units that do not fit the input", () => {
    expect(parseInputNumber("3%", "USD").ok).toBe(false);
    expect(parseInputNumber("$3", "rate").ok).toBe(false);
    expect(parseInputNumber("$3", "members").ok).toBe(false);
    expect(parseInputNumber("3k", "rate").ok).toBe(false);
  });

  it("asks instead of guessing when a bare number is too big for a rate", () => {
    const r = parseInputNumber("4", "rate");
    expect(r).toEqual({ ok: false, message: "4 as a rate would be 400%; type 4% or 0.04." });
  });
});

describe("display text", () => {
  it("shows rates as exact percentages and money grouped", () => {
    expect(inputText("0.993582", "share")).toBe("99.3582%");
    expect(inputText("0.03", "rate")).toBe("3%");
    expect(inputText("105271.50", "USD/year")).toBe("$105,271.5");
    expect(inputText("5776", "members")).toBe("5,776");
  });
  it("formats variances and percent changes", () => {
    expect(varianceText(new Decimal(-12))).toBe("(12)");
    expect(varianceText(new Decimal(1234))).toBe("+1,234");
    expect(percentChangeText(new Decimal(200), new Decimal(205))).toBe("+2.5%");
    expect(percentChangeText(new Decimal(0), new Decimal(5))).toBe("n/a");
    expect(percentChangeText(new Decimal(23854), new Decimal(23845))).toBe("(<0.1%)");
    expect(percentChangeText(new Decimal(100), new Decimal(100))).toBe("0.0%");
  });
});
