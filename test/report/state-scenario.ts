/**
 * A state fiscal note's layout, not DC's: a July fiscal year, a flat raise with FICA and retirement
 * on it, Personal Services and Current Expenses in whole dollars, a bill rather than a resolution,
 * and the funding left out (the note states the cost only).
 */
import { validateScenario, type Scenario } from "../../model/engine/index";

const src = (ref: string) => ({ kind: "fis" as const, ref });

export const STATE_NOTE = {
  schemaVersion: 2,
  id: "state-court-staff",
  name: "Court staff raise (state fiscal note)",
  description: "A small state fiscal note: a $2,250 raise for 410 court staff, with FICA and retirement, in whole dollars.",
  agreement: {
    name: "Court Staff Salary Increase Act",
    employer: "Supreme Court of Appeals",
    union: "the court staff it employs",
    effectiveFrom: "2025-07-01",
    effectiveTo: "2027-06-30",
    document: {
      title: "Fiscal Note",
      date: "2025-02-14",
      subject: "Fiscal Note – Court Staff Salary Increase Act",
      measure: "the bill",
      agency: { name: "the Supreme Court of Appeals", short: "the Court" },
      tableTitle: "Fiscal Note Detail: Effect of Proposal",
    },
  },
  calendar: { fiscalYearStartMonth: 7, payFrequency: "semimonthly", payPeriodAnchor: "2025-07-01" },
  settings: { proration: "payPeriods", calendarToFiscal: "monthsInForce", salaryMethod: "averageSalary" },
  groups: [
    {
      id: "staff",
      label: "court staff",
      members: { value: "410", label: "Court staff positions", source: src("Fiscal note, Sec. 1") },
      averageSalary: { value: "38500", label: "Average salary", source: src("Fiscal note, Sec. 1") },
    },
  ],
  items: [
    {
      kind: "raises",
      id: "raise",
      label: "Annual salary increase",
      line: "personalServices",
      steps: [
        {
          fiscalYear: 2026,
          type: "flat",
          amount: { value: "2250", label: "Salary increase per employee", source: { kind: "contract", ref: "Sec. 51-9-1" } },
          effective: "2025-07-01",
          source: { kind: "contract", ref: "Sec. 51-9-1" },
        },
      ],
    },
    {
      kind: "payRate",
      id: "fica",
      label: "FICA",
      line: "personalServices",
      rate: { value: "0.0765", label: "FICA rate", source: src("Fiscal note, Sec. 2") },
      appliesTo: ["raise"],
    },
    {
      kind: "fixedAmounts",
      id: "payrollSystem",
      label: "Payroll system changes",
      line: "currentExpenses",
      amounts: { FY2026: { value: "15000", label: "Payroll system changes FY2026", source: src("Fiscal note, Sec. 2") } },
    },
  ],
  table: {
    lines: [
      { id: "personalServices", label: "Personal Services" },
      { id: "currentExpenses", label: "Current Expenses", note: "One-time changes to the payroll system." },
      { id: "total", label: "Total Cost", style: "total", sum: ["personalServices", "currentExpenses"] },
    ],
    columns: { fiscalYears: [2026, 2027], total: { label: "Two-Year Total" } },
    display: { unit: "dollars", decimals: 0, rounding: "halfUp", totals: "sumOfRounded" },
  },
};

export function stateScenario(): Scenario {
  const checked = validateScenario(STATE_NOTE, "state-court-staff.json");
  if (!checked.ok) throw new Error(JSON.stringify(checked.errors));
  return checked.value;
}
