/**
 * Golden test: the DC CFO's Fiscal Impact Statement for the DCPS-WTU agreement (Dec 3, 2024),
 * table on FIS pp.3-4, $ thousands. These figures are frozen and written here, independently of
 * the scenario file they check: changing one needs a commit note naming the source discrepancy.
 */
import { describe, expect, it } from "vitest";
import { computeTable } from "../../model/engine/compute";
import { contractAsStated, fisAsPublished } from "../../model/built-ins";

/** The published table, $ thousands, transcribed from FIS pp.3-4. */
const PUBLISHED_FIS_TABLE: Record<string, Record<string, number>> = {
  baseSalaryIncreases: { FY2025: 12161, FY2026: 30767, FY2027: 49932, FY2028: 76251, Total: 169111 },
  bonus: { FY2025: 23854, FY2026: 0, FY2027: 0, FY2028: 0, Total: 23854 },
  additionalPay: { FY2025: 15280, FY2026: 7793, FY2027: 7949, FY2028: 8108, Total: 39129 },
  benefits: { FY2025: 506, FY2026: 1272, FY2027: 1942, FY2028: 2728, Total: 6448 },
  otherNps: { FY2025: 336, FY2026: 34, FY2027: 34, FY2028: 34, Total: 438 },
  totalCost: { FY2025: 52137, FY2026: 39866, FY2027: 59856, FY2028: 87121, Total: 238980 },
  localPortion: { FY2025: 51802, FY2026: 39610, FY2027: 59472, FY2028: 86562, Total: 237446 },
  fundingAvailable: { FY2025: -21437, FY2026: -15519, FY2027: -17498, FY2028: -21304, Total: -75759 },
  costFundedByWia: { FY2025: 30365, FY2026: 24091, FY2027: 41974, FY2028: 65257, Total: 161687 },
};

const COLUMNS = ["FY2025", "FY2026", "FY2027", "FY2028", "Total"];

describe("FIS as published reproduces the CFO's table", () => {
  const result = computeTable(fisAsPublished());

  it("has the nine lines in the FIS order", () => {
    expect(result.lines.map((l) => l.id)).toEqual([
      "baseSalaryIncreases",
      "bonus",
      "additionalPay",
      "benefits",
      "otherNps",
      "totalCost",
      "localPortion",
      "fundingAvailable",
      "costFundedByWia",
    ]);
    expect(result.columns).toEqual(COLUMNS);
    expect(result.columnLabels.Total).toBe("4-Yr Total");
    expect(result.units).toBe("USD thousands");
  });

  it("the scenario file carries the same published figures (its Published and Variance columns show these)", () => {
    expect(fisAsPublished().table.published?.values).toEqual(PUBLISHED_FIS_TABLE);
  });

  for (const [lineId, row] of Object.entries(PUBLISHED_FIS_TABLE)) {
    for (const column of COLUMNS) {
      it(`${lineId} ${column} = ${row[column]}`, () => {
        const cell = result.lines.find((l) => l.id === lineId)!.cells[column]!;
        expect(cell.display.toNumber()).toBe(row[column]);
      });
    }
  }

  it("matches 45 of 45 cells", () => {
    let matched = 0;
    for (const [lineId, row] of Object.entries(PUBLISHED_FIS_TABLE))
      for (const c of COLUMNS) if (result.lines.find((l) => l.id === lineId)!.cells[c]!.display.toNumber() === row[c]) matched++;
    expect(matched).toBe(45);
  });

  it("keeps unrounded dollars: base salary FY2025 = 5,776 x 105,271.50 x 0.02", () => {
    // 5,776 x 105,271.50 = 608,048,184; x 0.02 = 12,160,963.68
    expect(result.lines[0]!.cells.FY2025!.exact.toFixed(2)).toBe("12160963.68");
  });

  it("four-year totals are the rounded sums of unrounded years, not sums of rounded cells", () => {
    // Funding: 21,437.2 + 15,519.2 + 17,498.2 + 21,304.4 = 75,759.0 while the rounded cells sum to 75,758.
    const funding = result.lines.find((l) => l.id === "fundingAvailable")!;
    expect(funding.cells.Total!.exact.toFixed(2)).toBe("-75759000.00");
    const roundedSum = ["FY2025", "FY2026", "FY2027", "FY2028"].reduce((s, c) => s + funding.cells[c]!.display.toNumber(), 0);
    expect(roundedSum).toBe(-75758);
  });
});

describe("Contract terms as stated: the known differences from the published table", () => {
  const stated = computeTable(contractAsStated());
  const display = (line: string, column: string) => stated.lines.find((l) => l.id === line)!.cells[column]!.display.toNumber();

  it("bonus on derived FY2024 earnings: 4% x 5,776 x 105,272 / 1.02 = 23,845K (published 23,854K)", () => {
    // 5,776 x 105,272 = 608,051,072; / 1.02 = 596,128,501.96; x 0.04 = 23,845,140.08
    expect(stated.lines.find((l) => l.id === "bonus")!.cells.FY2025!.exact.toFixed(2)).toBe("23845140.08");
    expect(display("bonus", "FY2025")).toBe(23845);
  });

  it("coverage premium at 17,930 x 7 h x $60 x 1.0145 = 7,639,793.70 a year misses FY2027 and FY2028 by $1K", () => {
    // FY2027: 7,639,793.70 x 1.02^2 = 7,948,442 -> 7,948 (published 7,949)
    expect(display("additionalPay", "FY2027")).toBe(7948);
    expect(display("additionalPay", "FY2028")).toBe(8107);
    expect(display("additionalPay", "FY2025")).toBe(15280);
  });

  it("benefits on the contract's timing: 26 legal periods and Medicare on the bonus in FY2025", () => {
    // optical+dental 9 x (0.65 + 2.52) = 28.53; legal 26 x 1.50 = 39; x 5,776 = 390,053.28
    // Medicare 1.45% x (12,161,021.44 + 23,845,140.08) = 522,089.34; total 912,142.62
    expect(stated.lines.find((l) => l.id === "benefits")!.cells.FY2025!.exact.toFixed(2)).toBe("912142.62");
    // FY2026 months in force: optical 3 x 0.65 + 9 x 1.32, dental 3 x 2.52 + 9 x 5.18, legal 26 x 2.50
    // = (13.83 + 54.18 + 65) x 5,776 = 768,265.76 + Medicare 1.45% x 30,767,384.24 = 446,127.07 -> 1,214,392.83
    expect(stated.lines.find((l) => l.id === "benefits")!.cells.FY2026!.exact.toFixed(2)).toBe("1214392.83");
  });

  it("local share 99.4% as stated", () => {
    expect(display("localPortion", "FY2025")).toBe(52219);
  });

  it("differs from the published table in 27 of 45 cells", () => {
    let differ = 0;
    for (const [lineId, row] of Object.entries(PUBLISHED_FIS_TABLE)) for (const c of COLUMNS) if (display(lineId, c) !== row[c]) differ++;
    expect(differ).toBe(27);
  });
});
