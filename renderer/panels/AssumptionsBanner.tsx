/**
 * The schedule method projects the census with assumptions no document states (separations,
 * step holds, where replacements enter). While any of them is still the engine's assumption, the
 * Inputs screen says that the schedule-method totals are illustrative, and links to those inputs.
 */
import { listInputs } from "../../model/engine/scenario/paths";
import { listSettings, SETTING_PATHS } from "../../model/engine/scenario/settings";
import type { Scenario } from "../../model/engine/scenario/types";

/**
 * The schedule method's assumptions still marked "assumed", in grid order: its inputs, then its
 * settings (the placement of replacements named once, on its step's row; the step date).
 */
export function assumedScheduleInputs(scenario: Scenario): { path: string; label: string }[] {
  if (scenario.settings.salaryMethod !== "schedule") return [];
  const inputs = listInputs(scenario)
    .filter((e) => e.path.startsWith("scheduleMethod.") && e.param.source.kind === "assumed")
    .map((e) => ({ path: e.path, label: e.spec.label.toLowerCase() }));
  const settings = listSettings(scenario)
    .filter((e) => e.source.kind === "assumed" && (e.path === SETTING_PATHS.step || e.path === SETTING_PATHS.anniversary))
    .map((e) => ({ path: e.path, label: e.path === SETTING_PATHS.step ? "placement of replacements" : "step date" }));
  return [...inputs, ...settings];
}

export function AssumptionsBanner({ scenario, onJump }: { scenario: Scenario; onJump: (path: string) => void }) {
  const assumed = assumedScheduleInputs(scenario);
  if (assumed.length === 0) return null;
  const names = assumed.map((a) => a.label);
  const list = names.length > 1 ? `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}` : names[0];
  return (
    <div className="notice notice-warning assumptions-banner" role="note" data-testid="assumptions-banner">
      <strong>Schedule-method totals are illustrative</strong> until real attrition data is entered: the {list}{" "}
      {names.length > 1 ? "are" : "is"} ASSUMED, not taken from the agreement or from data.{" "}
      <button type="button" className="link" data-testid="assumptions-jump" onClick={() => onJump(assumed[0]!.path)}>
        Go to the assumptions
      </button>
    </div>
  );
}
