/**
 * The scenario's settings (rounding rule, proration, calendar-to-fiscal rule, salary method). Each
 * change is one undoable scenario step; on a built-in it lands in a copy, like an input edit.
 */
import type { Scenario, Settings } from "../../model/engine/scenario/types";

const CHOICES: { key: keyof Settings; label: string; options: { value: string; label: string }[] }[] = [
  {
    key: "rounding",
    label: "Rounding",
    options: [
      { value: "halfUp", label: "Round half up to $1K (DC CFO)" },
      { value: "truncate", label: "Truncate to $1K" },
    ],
  },
  {
    key: "proration",
    label: "Mid-year raises",
    options: [
      { value: "payPeriods", label: "Prorate by pay periods" },
      { value: "days", label: "Prorate by days" },
    ],
  },
  {
    key: "calendarToFiscal",
    label: "Calendar-year benefits",
    options: [
      { value: "monthsInForce", label: "Each month at its calendar year's rate" },
      { value: "calendarYearOfFiscalYearEnd", label: "Whole FY at the rate of the year it ends in" },
    ],
  },
  {
    key: "salaryMethod",
    label: "Salary method",
    options: [
      { value: "averageSalary", label: "Members × average salary" },
      { value: "schedule", label: "Salary schedules × census (steps)" },
    ],
  },
];

export function SettingsBar({ scenario, onChange }: { scenario: Scenario; onChange: (next: Scenario, what: string) => void }) {
  return (
    <div className="settings-bar" data-testid="settings-bar">
      {CHOICES.map((c) => (
        <label key={c.key}>
          {c.label}{" "}
          <select
            data-testid={`setting-${c.key}`}
            value={scenario.settings[c.key]}
            onChange={(e) => {
              const option = c.options.find((o) => o.value === e.target.value);
              if (!option) return;
              onChange(
                { ...scenario, settings: { ...scenario.settings, [c.key]: option.value } as Settings },
                `${c.label}: ${option.label}.`,
              );
            }}
          >
            {c.options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </label>
      ))}
    </div>
  );
}
