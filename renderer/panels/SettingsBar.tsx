/**
 * The scenario's settings (rounding rule, proration, calendar-to-fiscal rule, salary method). Each
 * change is one undoable scenario step; on a built-in it lands in a copy, like an input edit.
 * Rounding is the table's display rule (table.display.rounding); the others are costing settings.
 */
import { withScheduleMethod } from "../../model/engine/schedule/with-method";
import type { Scenario } from "../../model/engine/scenario/types";

type Key = "rounding" | "proration" | "calendarToFiscal" | "salaryMethod";

const CHOICES: { key: Key; label: string; options: { value: string; label: string }[] }[] = [
  {
    key: "rounding",
    label: "Rounding",
    options: [
      { value: "halfUp", label: "Round half up" },
      { value: "truncate", label: "Truncate" },
      { value: "halfEven", label: "Round half to even" },
      { value: "up", label: "Round up" },
    ],
  },
  {
    key: "proration",
    label: "Mid-year raises",
    options: [
      { value: "payPeriods", label: "Prorate by pay periods" },
      { value: "days", label: "Prorate by days" },
      { value: "months", label: "Prorate by months" },
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

const valueOf = (s: Scenario, key: Key): string => (key === "rounding" ? s.table.display.rounding : s.settings[key]);

/**
 * The scenario with one setting changed; the schedule method brings its census block (the
 * scenario's own, else the reference census, named).
 */
function withSetting(s: Scenario, key: Key, value: string): Scenario {
  if (key === "rounding")
    return { ...s, table: { ...s.table, display: { ...s.table.display, rounding: value as Scenario["table"]["display"]["rounding"] } } };
  if (key === "salaryMethod" && value === "schedule") return withScheduleMethod(s);
  return { ...s, settings: { ...s.settings, [key]: value } };
}

export function SettingsBar({ scenario, onChange }: { scenario: Scenario; onChange: (next: Scenario, what: string) => void }) {
  return (
    <div className="settings-bar" data-testid="settings-bar">
      {CHOICES.map((c) => (
        <label key={c.key}>
          {c.label}{" "}
          <select
            data-testid={`setting-${c.key}`}
            value={valueOf(scenario, c.key)}
            onChange={(e) => {
              const option = c.options.find((o) => o.value === e.target.value);
              if (!option) return;
              onChange(withSetting(scenario, c.key, option.value), `${c.label}: ${option.label}.`);
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
