/**
 * Scenarios that are heavy to compute though every count is within its own limit: many positions
 * x years x raise steps, rates limited to some groups over many items. Used by the work-limit
 * test, the bench (the worst accepted scenario's time) and the app's end-to-end test (a heavy
 * table computed in the worker with progress and Cancel).
 */
const P = (value: string, label = "input") => ({ value, label, source: { kind: "assumed", ref: "heavy test" } });

function steps(n: number, years: number) {
  return Array.from({ length: n }, (_, k) => {
    const fy = 2025 + (k % years);
    const month = 10 + (k % 12);
    const year = month > 12 ? fy : fy - 1;
    return {
      id: `s${k}`,
      fiscalYear: fy,
      type: "percent",
      amount: P("0.01", `Raise ${k + 1}`),
      effective: `${year}-${String(month > 12 ? month - 12 : month).padStart(2, "0")}-15`,
      source: { kind: "contract", ref: "heavy test" },
    };
  });
}

/** One raises item over `groups` groups of `positions` positions each, `years` years, `stepCount` mid-year steps. */
export function heavyScenario(groups: number, positions: number, years: number, stepCount: number): Record<string, unknown> {
  return {
    schemaVersion: 2,
    id: `heavy-${groups}x${positions}x${years}x${stepCount}`,
    name: `Heavy: ${groups} groups x ${positions} positions, ${years} years, ${stepCount} steps`,
    description: "A scenario heavy to compute though every count is within its own limit.",
    agreement: { name: "Heavy", employer: "Employer", union: "Union", effectiveFrom: "2024-10-01", effectiveTo: `${2024 + years}-09-30` },
    calendar: { fiscalYearStartMonth: 10, payFrequency: "weekly", payPeriodAnchor: "2024-10-06" },
    settings: { proration: "payPeriods", calendarToFiscal: "monthsInForce", salaryMethod: "averageSalary" },
    groups: Array.from({ length: groups }, (_, g) => ({
      id: `g${g}`,
      label: `Group ${g + 1}`,
      positions: Array.from({ length: positions }, (_, k) => ({
        id: `p${k}`,
        label: `Position ${k + 1}`,
        count: P("3", "Positions"),
        salary: P("50000.5", "Salary"),
      })),
    })),
    items: [{ kind: "raises", id: "raise", label: "Raises", line: "salaries", steps: steps(stepCount, years) }],
    table: {
      lines: [
        { id: "salaries", label: "Salaries" },
        { id: "total", label: "TOTAL", style: "total", sum: ["salaries"] },
      ],
      columns: { fiscalYears: Array.from({ length: years }, (_, i) => 2025 + i) },
      display: { unit: "thousands", decimals: 0, rounding: "halfUp", totals: "roundedExact" },
    },
  };
}
