/**
 * Switching a scenario to the schedule method needs its census and assumptions: the scenario's own
 * block when it has one, else the engine's stated assumptions (each marked "assumed") with the
 * census given, or the reference census named explicitly so the switch never hides it.
 */
import type { Scenario } from "../scenario/types";
import type { Census } from "./types";
import { defaultScheduleMethod, embedCensus } from "./method";

export function withScheduleMethod(scenario: Scenario, census?: Census): Scenario {
  const block = scenario.scheduleMethod ?? defaultScheduleMethod();
  return {
    ...scenario,
    settings: { ...scenario.settings, salaryMethod: "schedule" },
    scheduleMethod: census ? { ...block, census: embedCensus(census) } : block,
  };
}
