/**
 * Switching a scenario to the schedule method needs its census and assumptions: the scenario's own
 * block when it has one, else the engine's stated assumptions (each marked "assumed") with the
 * census given, or the reference census named explicitly so the switch never hides it.
 */
import type { Scenario } from "../scenario/types";
import type { Census } from "./types";
import type { CheckedCensus } from "./census-check";
import { censusOfBlock, defaultScheduleMethod, embedCensus } from "./method";
import { referenceCensus } from "./index";

export function withScheduleMethod(scenario: Scenario, census?: Census): Scenario {
  const block = scenario.scheduleMethod ?? defaultScheduleMethod();
  return {
    ...scenario,
    settings: { ...scenario.settings, salaryMethod: "schedule" },
    scheduleMethod: census ? { ...block, census: embedCensus(census) } : block,
  };
}

/** The checked census a schedule-method scenario prices (its embedded census, or the named reference census). */
export function censusOfScenario(scenario: Scenario): CheckedCensus {
  if (!scenario.scheduleMethod) throw new Error("the scenario has no scheduleMethod block");
  return censusOfBlock(scenario.scheduleMethod, referenceCensus);
}
