/**
 * "Copy as text" in the explain drawer: the breakdown in the table's unit with shares, each
 * calibration once (the tree points at it by number), the whole tree below, and no internal ids.
 */
import { describe, expect, it } from "vitest";
import { fisAsPublished } from "../../model/built-ins";
import { computeTable } from "../../model/engine";
import { explanationAsText, nodeValueText, partAmountText, shareText } from "../../renderer/panels/explain-text";

const table = computeTable(fisAsPublished());
const cell = (line: string, column: string) => table.lines.find((l) => l.id === line)!.cells[column]!;

describe("the explanation as plain text", () => {
  const text = explanationAsText("Benefits, FY2025", cell("benefits", "FY2025"));
  const lines = text.split("\n");

  it("opens with the cell as the table shows it and its unrounded value", () => {
    expect(lines[0]).toBe("Benefits, FY2025: $506 thousand");
    expect(lines[1]).toBe("Unrounded: $505,739.25");
  });

  it("lists the parts in $ thousands (one more decimal than the table) with their shares, and their total", () => {
    const row = (label: string) =>
      lines
        .find((l) => l.trimStart().startsWith(label))!
        .trim()
        .split(/\s{2,}/);
    // Hand-derived: optical 5776 x 9 x 0.65 = 33,789.60; legal 5776 x 19 x 1.50 = 164,616; total 505,739.25336.
    expect(row("Optical")).toEqual(["Optical", "$33.8", "6.7%"]);
    expect(row("Legal")).toEqual(["Legal", "$164.6", "32.5%"]);
    expect(row("Medicare (employer)")).toEqual(["Medicare (employer)", "$176.3", "34.9%"]);
    expect(row("Total")).toEqual(["Total", "$505.7", "100.0%"]);
  });

  it("states each calibration once and points at it from the tree", () => {
    const note = "FY2025 benefit increases counted from 1 Jan 2025";
    expect(text.split(note).length - 1).toBe(1);
    expect(text).toMatch(/\n {2}1\. Calibrated: FY2025 benefit increases counted from 1 Jan 2025/);
    // The leaf carrying it appears under three benefit items, each tagged with the note's number.
    expect(text.match(/periods counted from = 2025-01-01 {2}\[calibrated, note 1\]/g)?.length).toBeGreaterThanOrEqual(3);
  });

  it("has the whole tree, values in the one number format, and no input paths or ids", () => {
    expect(text).toContain("How it is computed:");
    expect(text).toContain("Active members = 5,776 members");
    expect(text).toContain("Optical CY2025 per member per month = $22.27 a month");
    expect(text).toContain("Medicare tax rate (employer) = 1.45%");
    expect(text).toContain("rate x (Base salary increases)");
    expect(text).not.toMatch(/groups\.|items\.|baseSalary\b|USD\/| = [\d.]+ (rate|share)\b/);
  });

  it("a formula cell lists its inputs instead of shares", () => {
    const t = explanationAsText("Base Salary Increases, FY2026", cell("baseSalaryIncreases", "FY2026"));
    expect(t).toContain("Computed as: members x average salary x (cumulative raise factor - 1)");
    expect(t).toContain("  Average salary: $105,271.50 a year");
    expect(t).toContain("  FY2026 base salary increase (percent, effective 2025-10-01): 3%");
  });
});

describe("value formats", () => {
  it("amounts in the table's unit, shares with one decimal, negatives in parentheses", () => {
    expect(partAmountText("-21437200")).toBe("($21,437.2)");
    expect(partAmountText("505739.25336", { scale: "dollars", decimals: 0 })).toBe("$505,739.3");
    expect(shareText("-0.70598643")).toBe("(70.6%)");
    expect(nodeValueText({ value: "19.75", unit: "USD/pay period" })).toBe("$19.75 a pay period");
    expect(nodeValueText({ value: "0.993582", unit: "share" })).toBe("99.3582%");
    expect(nodeValueText({ value: "2025-01-01", unit: "date" })).toBe("2025-01-01");
  });
});
