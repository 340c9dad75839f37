/** Scenarios the io tests export: the two built-ins, an edited one, and one that exercises every formula branch. */
import { contractAsStated, fisAsPublished, setInputValue, type Scenario } from "../../model";

export const editedFy2026Raise = (): Scenario => setInputValue(fisAsPublished(), "items.baseSalary.steps.1.amount", "0.04");

const param = (value: string, unit: Scenario["localShare"]["unit"], label: string) => ({ value, unit, label, source: { kind: "assumed" as const, ref: "test" } });

/**
 * Two groups, a flat raise effective mid-year (prorated by days), a pension rate that starts in
 * FY2027, a one-time payment on one group, truncation: none of which the reference case has.
 */
export function multiGroupScenario(): Scenario {
  // A deep copy: the built-ins share their line objects (reference.ts LINES), and this scenario adds to them.
  const s = structuredClone(contractAsStated());
  s.id = "multi-group";
  s.name = "Two groups, flat mid-year raise, truncating";
  s.settings = { ...s.settings, rounding: "truncate", proration: "days" };
  s.groups.push({ id: "aides", label: "Aides", members: param("812", "members", "Aides"), averageSalary: param("48210.25", "USD/year", "Aides average salary") });
  s.lines.push({ id: "aidesPay", label: "Aides flat raise", note: "(x) =HYPERLINK(\"http://evil\") a hostile note stays text" });
  s.items.push(
    {
      kind: "raises",
      id: "aidesFlat",
      label: "Aides flat raise",
      line: "aidesPay",
      groupIds: ["aides"],
      steps: [
        { fiscalYear: 2026, type: "flat", amount: param("1500", "USD/year", "Flat raise FY2026"), effective: "2026-01-15", source: { kind: "assumed", ref: "test" } },
        { fiscalYear: 2027, type: "percent", amount: param("0.025", "rate", "FY2027 raise"), effective: "2026-10-01", source: { kind: "assumed", ref: "test" } },
        { fiscalYear: 2027, type: "flat", amount: param("700", "USD/year", "Second FY2027 flat"), effective: "2027-04-01", source: { kind: "assumed", ref: "test" } },
      ],
    },
    { kind: "payRate", id: "pension", label: "Pension", line: "aidesPay", rate: param("0.0712", "rate", "Pension rate"), appliesTo: ["aidesFlat"], startFiscalYear: 2027 },
    { kind: "oneTime", id: "aidesBonus", label: "Aides bonus", line: "aidesPay", groupIds: ["aides"], paidInFiscalYear: 2026, rate: param("0.015", "rate", "Aides bonus rate") },
  );
  return s;
}
