/**
 * A fund line takes its lines with the signs the table shows them with. Two items paid wholly by
 * the General Fund: Cost $1,000 and Saving $400, the Saving line printed negated (a saving shown
 * as (400)). Every dollar is the General Fund's, so its part of a line is the line itself:
 *   TOTAL = Cost + Saving = 1,000 - 400 = 600; its GF part 600 (it read 1,400).
 *   TOTAL = Cost minus Saving = 1,000 - (-400) = 1,400; its GF part 1,400 (it read 600).
 *   The GF part of Saving alone: (400), as the line shows (it read 400).
 * The exported workbook's fund formulas recompute (HyperFormula) to the same figures. A fund line
 * reaching a line with no fund shares (entered amounts, a share, a change) is refused, not dropped.
 */
import { describe, expect, it } from "vitest";
import * as XLSX from "xlsx";
import { computeTable, validateScenario, type Scenario } from "../../model/engine";
import { exportWorkbook } from "../../model/io/xlsx-export";
import { hyperFormulaRecalc, poisonCachedValues } from "../io/recalc-engines";

const src = { kind: "contract", ref: "x" };
const p = (value: string, label: string) => ({ value, label, source: src });
const gfItem = (id: string, line: string, amount: string) => ({
  kind: "fixedAmounts",
  id,
  label: id,
  line,
  amounts: { FY2025: p(amount, `${id} amount`) },
  fundShares: { gf: p("1", `${id} GF share`) },
});

function json(lines: object[]) {
  return {
    schemaVersion: 2,
    id: "fund-signs",
    name: "Fund signs",
    description: "a negated saving under a fund line",
    agreement: { name: "A", employer: "City", union: "U", effectiveFrom: "2024-07-01", effectiveTo: "2025-06-30" },
    calendar: { fiscalYearStartMonth: 7, payFrequency: "monthly", payPeriodAnchor: "2024-07-01" },
    settings: { proration: "months", calendarToFiscal: "monthsInForce", salaryMethod: "averageSalary" },
    funds: [{ id: "gf", label: "General Fund" }],
    groups: [],
    items: [gfItem("cost", "cost", "1000"), gfItem("saving", "saving", "400")],
    table: {
      lines: [{ id: "cost", label: "Cost" }, { id: "saving", label: "Saving", negate: true }, ...lines],
      columns: { fiscalYears: [2025], total: false },
      display: { unit: "dollars", decimals: 0, rounding: "halfUp", totals: "roundedExact" },
    },
  };
}

function scenario(lines: object[]): Scenario {
  const checked = validateScenario(json(lines));
  if (!checked.ok) throw new Error(JSON.stringify(checked.errors));
  return checked.value;
}

const cell = (s: Scenario, id: string) =>
  computeTable(s)
    .lines.find((l) => l.id === id)!
    .cells["FY2025"]!.exact.toFixed();

/** The line's FY2025 cell on the Calculation sheet, recomputed from the workbook's formulas alone. */
function recomputed(s: Scenario, id: string): unknown {
  const bytes = poisonCachedValues(exportWorkbook([s]));
  const wb = XLSX.read(bytes);
  const sheet = wb.SheetNames.find((n) => n.startsWith("Calculation"))!;
  const ws = wb.Sheets[sheet]!;
  const range = XLSX.utils.decode_range(ws["!ref"]!);
  for (let r = 0; r <= range.e.r; r++)
    if (ws[XLSX.utils.encode_cell({ r, c: 0 })]?.v === `line:${id}`)
      return hyperFormulaRecalc(bytes).value(sheet, XLSX.utils.encode_cell({ r, c: 2 }));
  throw new Error(`no row line:${id}`);
}

describe("a fund line over a negated line", () => {
  it("TOTAL = Cost + Saving (shown negated): 600, and its General Fund part 600", () => {
    const s = scenario([
      { id: "total", label: "TOTAL", style: "total", sum: ["cost", "saving"] },
      { id: "gf", label: "General Fund part", fund: { fund: "gf", of: ["total"] } },
    ]);
    expect([cell(s, "total"), cell(s, "gf")]).toEqual(["600", "600"]);
    expect(recomputed(s, "gf")).toBe(600);
  });

  it("TOTAL = Cost minus Saving: 1,400, and its General Fund part 1,400", () => {
    const s = scenario([
      { id: "total", label: "TOTAL", style: "total", sum: ["cost"], minus: ["saving"] },
      { id: "gf", label: "General Fund part", fund: { fund: "gf", of: ["total"] } },
    ]);
    expect([cell(s, "total"), cell(s, "gf")]).toEqual(["1400", "1400"]);
    expect(recomputed(s, "gf")).toBe(1400);
  });

  it("the General Fund part of the Saving line alone is (400), as the line shows", () => {
    const s = scenario([{ id: "gf", label: "General Fund part of Saving", fund: { fund: "gf", of: ["saving"] } }]);
    expect([cell(s, "saving"), cell(s, "gf")]).toEqual(["-400", "-400"]);
    expect(recomputed(s, "gf")).toBe(-400);
  });
});

describe("a fund line reaching a line with no fund shares", () => {
  it("is refused, naming the line and the sum it is reached through", () => {
    const checked = validateScenario(
      json([
        { id: "funding", label: "Funding", amounts: { FY2025: p("300", "funding") } },
        { id: "net", label: "Net", sum: ["cost", "funding"] },
        { id: "gf", label: "General Fund part of Net", fund: { fund: "gf", of: ["net"] } },
      ]),
    );
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.errors.map((e) => [e.field, e.message])).toEqual([
      [
        "table.lines.gf.fund.of",
        '"funding" (through "net") is a line of entered amounts, which no fund share splits; a fund line takes cost lines or sums of them',
      ],
    ]);
  });
});
