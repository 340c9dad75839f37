/**
 * The explain drawer's breakdown, read off the engine's explanation tree: published DC cells whose
 * parts are derived by hand (from the agreement's rates and the FIS's counts) and must sum to the
 * printed figure; a line that subtracts another; a product whose inputs are listed instead of shares;
 * every calibration stated once.
 */
import { describe, expect, it } from "vitest";
import { fisAsPublished } from "../../model/built-ins";
import { breakdownOf, computeTable, Decimal, partLabel, partLabels, partsTotal, type Explanation } from "../../model/engine";
import { validateScenario } from "../../model/engine/scenario/schema";

const table = computeTable(fisAsPublished());
const cellOf = (line: string, column: string) => table.lines.find((l) => l.id === line)!.cells[column]!;
const byLabel = (b: ReturnType<typeof breakdownOf>) => Object.fromEntries(b.parts.map((p) => [p.label, p.value]));

describe("a published cell split into the parts it is the sum of", () => {
  it("Benefits FY2025 ($506K published): five benefit items, each derived by hand, with their shares", () => {
    const b = breakdownOf(cellOf("benefits", "FY2025").explanation);
    expect(b.kind).toBe("sum");
    // 5,776 members; 9 months of the CY2025 increase (Jan-Sep 2025); 19 pay periods of the FY2025 legal increase.
    const optical = "33789.6"; //           5776 x 9 x (22.27 - 21.62) = 5776 x 5.85
    const dentalSelf = "130999.68"; //      5776 x 9 x (48.39 - 45.87) = 5776 x 22.68
    const legal = "164616"; //              5776 x 19 x (19.75 - 18.25) = 5776 x 28.50
    const medicare = "176333.97336"; //     0.0145 x (5776 x 105271.50 x 0.02 = 12,160,963.68)
    expect(byLabel(b)).toEqual({
      Optical: optical,
      "Dental (self)": dentalSelf,
      "Dental (family)": "0", //            no family enrollment (assumed)
      Legal: legal,
      "Medicare (employer)": medicare,
    });
    const total = new Decimal(optical).plus(dentalSelf).plus(legal).plus(medicare); // 505,739.25336
    expect(total.toString()).toBe("505739.25336");
    expect(partsTotal(b).equals(total)).toBe(true);
    expect(total.div(1000).toDecimalPlaces(0).toString()).toBe("506"); // the published $506K
    const shares = Object.fromEntries(b.parts.map((p) => [p.label, new Decimal(p.share!).toDecimalPlaces(4).toString()]));
    expect(shares).toEqual({
      Optical: "0.0668", //                 33,789.60 / 505,739.25
      "Dental (self)": "0.259", //          130,999.68 / 505,739.25
      "Dental (family)": "0",
      Legal: "0.3255", //                   164,616 / 505,739.25
      "Medicare (employer)": "0.3487", //   176,333.97 / 505,739.25
    });
  });

  it("TOTAL COST FY2025 ($52,137K published): the five cost lines", () => {
    const b = breakdownOf(cellOf("totalCost", "FY2025").explanation);
    expect(byLabel(b)).toEqual({
      "Base Salary Increases": "12160963.68", //   5776 x 105271.50 x 0.02
      "4 Percent Bonus in FY 2024": "23854000", // 0.04 x 596,350,000
      "Additional Pay": "15280000", //             2 x 7,640,000 (FY2025 and the FY2024 retro year)
      Benefits: "505739.25336", //                 the five items above
      "Other NPS (AEDs and ice machines)": "336000",
    });
    // 12,160,963.68 + 23,854,000 + 15,280,000 + 505,739.25336 + 336,000 = 52,136,702.93336 -> $52,137K
    expect(partsTotal(b).toString()).toBe("52136702.93336");
    expect(
      b.parts
        .reduce((s, p) => s.plus(p.share!), new Decimal(0))
        .toDecimalPlaces(15)
        .toString(),
    ).toBe("1");
  });

  it("the WIA line nets the funding available: a negative part and shares either side of 100%", () => {
    const b = breakdownOf(cellOf("costFundedByWia", "FY2025").explanation);
    const local = new Decimal("0.993582").times("52136702.93336"); // the local share of TOTAL COST
    expect(byLabel(b)).toEqual({
      "Local Portion of Total Cost": local.toString(),
      "Funding available in DCPS Budget and Financial Plan": "-21437200",
    });
    expect(partsTotal(b).div(1000).toDecimalPlaces(0).toString()).toBe("30365"); // published $30,365K
    expect(new Decimal(b.parts[1]!.share!).isNegative()).toBe(true);
  });

  it("a total column is the sum of its fiscal years, labelled by year alone", () => {
    const b = breakdownOf(cellOf("totalCost", "Total").explanation);
    expect(b.parts.map((p) => p.label)).toEqual(["FY2025", "FY2026", "FY2027", "FY2028"]);
    expect(partsTotal(b).div(1000).toDecimalPlaces(0).toString()).toBe("238980"); // published $238,980K
  });

  it("a line that subtracts another: the subtracted part enters negative", () => {
    const s = fisAsPublished();
    s.table.lines.push({ id: "withoutBonus", label: "Cost without the bonus", sum: ["totalCost"], minus: ["bonus"] });
    const checked = validateScenario(s, "test");
    expect(checked.ok).toBe(true);
    const cell = computeTable(checked.ok ? checked.value : s).lines.find((l) => l.id === "withoutBonus")!.cells.FY2025!;
    const b = breakdownOf(cell.explanation);
    expect(b.kind).toBe("sum");
    // 52,136,702.93336 - 23,854,000 = 28,282,702.93336
    expect(byLabel(b)).toEqual({ "TOTAL COST": "52136702.93336", "4 Percent Bonus in FY 2024": "-23854000" });
    expect(cell.exact.toString()).toBe("28282702.93336");
  });
});

describe("a cell computed by a formula lists its inputs", () => {
  it("Base Salary Increases FY2026: members x average salary x (1.02 x 1.03 - 1), no shares", () => {
    const b = breakdownOf(cellOf("baseSalaryIncreases", "FY2026").explanation);
    expect(b.kind).toBe("formula");
    expect(b.formula).toBe("members x average salary x (cumulative raise factor - 1)");
    expect(b.parts.map((p) => [p.value, p.unit])).toEqual([
      ["5776", "members"],
      ["105271.50", "USD/year"],
      ["0.02", "rate"],
      ["0.03", "rate"],
    ]);
    expect(b.parts.every((p) => p.share === undefined)).toBe(true);
    // 5776 x 105271.50 x (1.0506 - 1) = 30,767,238.1104 -> the published $30,767K
    expect(cellOf("baseSalaryIncreases", "FY2026").exact.toString()).toBe("30767238.1104");
  });
});

describe("each calibration stated once", () => {
  it("the Jan-2025 start of the benefit increases is one note, though three benefit items carry it", () => {
    const e = cellOf("benefits", "FY2025").explanation;
    const mentions = JSON.stringify(e).split("FY2025 benefit increases counted from 1 Jan 2025").length - 1;
    expect(mentions).toBeGreaterThanOrEqual(3);
    const notes = breakdownOf(e).notes;
    expect(notes.filter((n) => n.note.startsWith("FY2025 benefit increases counted from 1 Jan 2025"))).toHaveLength(1);
    expect(notes.map((n) => n.n)).toEqual(notes.map((_, i) => i + 1));
    expect(notes.every((n) => n.kind === "calibrated" || n.kind === "assumed")).toBe(true);
  });
});

describe("part labels", () => {
  it("drop the words they share with the cell", () => {
    expect(partLabel("Benefits FY2025", "Optical FY2025")).toBe("Optical");
    expect(partLabel("TOTAL COST, 4-Yr Total", "TOTAL COST FY2025")).toBe("FY2025");
    expect(partLabel("TOTAL COST FY2025", "TOTAL COST FY2025")).toBe("TOTAL COST FY2025");
    expect(partLabel("Net FY2026", "Other")).toBe("Other");
  });

  it("keep the year when a sibling names another year of the same line (a change line: this year - last year)", () => {
    const leaf = (label: string, value: string, subtracted = false): Explanation => ({
      label,
      value,
      unit: "USD",
      children: [],
      ...(subtracted ? { subtracted } : {}),
    });
    const change: Explanation = {
      label: "Salary increase FY2026",
      value: "153000",
      unit: "USD",
      children: [leaf("Salaries FY2026", "253000"), leaf("Salaries FY2025", "100000", true)],
    };
    const b = breakdownOf(change);
    expect(b.parts.map((p) => [p.label, p.value])).toEqual([
      ["Salaries FY2026", "253000"],
      ["Salaries FY2025", "-100000"],
    ]);
    expect(partLabels("Benefits FY2025", ["Optical FY2025", "Dental FY2025", "Other NPS"])).toEqual(["Optical", "Dental", "Other NPS"]);
  });

  it("a wrapper with one part of its own value is looked through", () => {
    const leaf = (label: string, value: string): Explanation => ({ label, value, unit: "USD", children: [] });
    const inner: Explanation = { label: "Inner FY2025", value: "3", unit: "USD", children: [leaf("A FY2025", "1"), leaf("B FY2025", "2")] };
    const outer: Explanation = { label: "Line FY2025", value: "3", unit: "USD", children: [inner] };
    expect(breakdownOf(outer).parts.map((p) => [p.label, p.value])).toEqual([
      ["A", "1"],
      ["B", "2"],
    ]);
  });
});
