/**
 * Inputs a derivation cannot use are refused, not applied in silence:
 *  - a one-time payment's earnings derived from a raises item (payroll / (1 + its first raise))
 *    whose first step is a flat raise: the flat step was skipped (earnings 4,000,000 / 1, or the
 *    next year's 5% taken out of FY2025's payroll: 4,000,000 / 1.05);
 *  - a dollar floor or cap on a group stating a payroll and 0 members: the floor is per member
 *    (payroll / members), so the 2% FY2026 raise on $3,090,000 read as $0.
 */
import { describe, expect, it } from "vitest";
import { validateScenario } from "../../model/engine";

const src = { kind: "contract", ref: "Art. 12" };
const p = (value: string, label: string) => ({ value, label, source: src });
const step = (fiscalYear: number, type: string, amount: string, effective: string, extra: object = {}) => ({
  fiscalYear,
  type,
  amount: p(amount, `FY${fiscalYear} raise`),
  effective,
  source: src,
  ...extra,
});

function errors(group: object, items: object[]) {
  const checked = validateScenario({
    schemaVersion: 2,
    id: "x",
    name: "x",
    description: "x",
    agreement: { name: "A", employer: "City", union: "U", effectiveFrom: "2024-07-01", effectiveTo: "2026-06-30" },
    calendar: { fiscalYearStartMonth: 7, payFrequency: "monthly", payPeriodAnchor: "2024-07-01" },
    settings: { proration: "months", calendarToFiscal: "monthsInForce", salaryMethod: "averageSalary" },
    groups: [group],
    items,
    table: {
      lines: [
        { id: "salaries", label: "Salaries" },
        { id: "bonus", label: "Bonus" },
      ],
      columns: { fiscalYears: [2025, 2026] },
      display: { unit: "dollars", decimals: 0, rounding: "halfUp", totals: "roundedExact" },
    },
  });
  return checked.ok ? [] : checked.errors.map((e) => [e.field, e.message]);
}

const techs = { id: "b", label: "Techs", members: p("100", "members"), averageSalary: p("40000", "average salary") };
const bonus = {
  kind: "oneTime",
  id: "bonus",
  label: "Bonus",
  line: "bonus",
  paidInFiscalYear: 2025,
  rate: p("0.04", "bonus rate"),
  earningsFromRaisesItem: "cola",
};

describe("earnings derived from a raises item", () => {
  it("are refused when its first step is a flat raise (there is no percent to take out)", () => {
    for (const steps of [
      [step(2025, "flat", "1000", "2024-10-01")],
      [step(2025, "flat", "1000", "2024-10-01"), step(2026, "percent", "0.05", "2025-10-01")],
    ]) {
      expect(errors(techs, [{ kind: "raises", id: "cola", label: "COLA", line: "salaries", steps }, bonus])).toEqual([
        [
          "items.bonus.earningsFromRaisesItem",
          'the earnings are derived as the payroll / (1 + the first raise of "cola"), but its first raise (FY2025) is a flat $1,000; ' +
            "state the earnings (earnings)",
        ],
      ]);
    }
  });

  it("are accepted when its first step is a percent raise", () => {
    const steps = [step(2025, "percent", "0.03", "2024-10-01"), step(2026, "flat", "1000", "2025-10-01")];
    expect(errors(techs, [{ kind: "raises", id: "cola", label: "COLA", line: "salaries", steps }, bonus])).toEqual([]);
  });
});

describe("a dollar floor or cap on a payroll group", () => {
  it("is refused when the group states 0 members (the floor is per member: payroll / members)", () => {
    const group = { id: "b", label: "Techs", members: p("0", "members"), payroll: p("3000000", "payroll") };
    const steps = [step(2025, "percent", "0.02", "2024-10-01", { atMost: p("700", "cap") })];
    expect(errors(group, [{ kind: "raises", id: "cola", label: "COLA", line: "salaries", steps }])).toEqual([
      [
        "groups.b.members",
        'COLA has a dollar floor or cap per member, but group "b" (Techs) states a payroll and 0 members; ' +
          "give the members the payroll pays",
      ],
    ]);
  });
});
