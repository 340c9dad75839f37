/**
 * The scenario's settings (rounding rule, proration, calendar-to-fiscal rule, salary method). Each
 * change is one undoable scenario step; on a built-in it lands in a copy, like an input edit.
 * Rounding is the table's display rule (table.display.rounding); the others are costing settings.
 */
import { withScheduleMethod } from "../../model/engine/schedule/with-method";
import type { Scenario } from "../../model/engine/scenario/types";
import type { Census } from "../../model/engine/schedule/types";

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
      { value: "monthsCountingFirst", label: "Prorate by months, counting its month" },
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
 * The scenario with one setting changed; the schedule method brings its census block: the
 * scenario's own embedded census, else the imported census (embedded, so it is saved with the
 * scenario), else the reference census, named.
 */
function withSetting(s: Scenario, key: Key, value: string, imported: Census | null): Scenario {
  if (key === "rounding")
    return { ...s, table: { ...s.table, display: { ...s.table.display, rounding: value as Scenario["table"]["display"]["rounding"] } } };
  if (key === "salaryMethod" && value === "schedule") {
    const ownCensus = s.scheduleMethod !== undefined && !("reference" in s.scheduleMethod.census);
    return withScheduleMethod(s, ownCensus ? undefined : (imported ?? undefined));
  }
  return { ...s, settings: { ...s.settings, [key]: value } };
}

/** What the schedule method will price after the switch, said in the change's message. */
function censusWords(s: Scenario, imported: { census: Census; fileName: string } | null): string {
  const own = s.scheduleMethod?.census;
  if (own && !("reference" in own)) return ` Priced on the scenario's own census, "${own.label}".`;
  if (imported) return ` Priced on the imported census "${imported.fileName}", now saved with the scenario.`;
  return " Priced on the SYNTHETIC reference census until a census is imported.";
}

export function SettingsBar({
  scenario,
  imported,
  onChange,
}: {
  scenario: Scenario;
  /** The last imported census, embedded when this scenario switches to the schedule method without a census of its own. */
  imported: { census: Census; fileName: string } | null;
  onChange: (next: Scenario, what: string) => void;
}) {
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
              const next = withSetting(scenario, c.key, option.value, imported?.census ?? null);
              const schedule = c.key === "salaryMethod" && option.value === "schedule";
              onChange(next, `${c.label}: ${option.label}.${schedule ? censusWords(scenario, imported) : ""}`);
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
