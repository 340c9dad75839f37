/**
 * The schedule method's assumptions (separation rate, share held on step) are
 * inputs like any other: listed with their ASSUMED source, editable by path, validated by field,
 * and the explanation's links name their rows.
 */
import { describe, expect, it } from "vitest";
import { computeTable } from "../../model/engine/compute";
import { listInputs } from "../../model/engine/scenario/paths";
import { withScheduleMethod } from "../../model/engine/schedule/with-method";
import { fisAsPublished } from "../../model/built-ins";
import { assumedScheduleInputs } from "../../renderer/panels/AssumptionsBanner";
import type { Explanation } from "../../model/engine/explain";

const schedule = () => withScheduleMethod(fisAsPublished());

function inputPaths(e: Explanation, out = new Set<string>()): Set<string> {
  if (e.inputPath) out.add(e.inputPath);
  for (const c of e.children ?? []) inputPaths(c, out);
  return out;
}

describe("schedule-method assumptions as inputs", () => {
  it("lists separation rate and share held on step, each ASSUMED", () => {
    const rows = listInputs(schedule()).filter((e) => e.path.startsWith("scheduleMethod."));
    expect(rows.map((e) => [e.path, e.param.value, e.param.source.kind])).toEqual([
      ["scheduleMethod.separationRate", "0.10", "assumed"],
      ["scheduleMethod.heldShare", "0.05", "assumed"],
    ]);
    expect(assumedScheduleInputs(schedule()).map((a) => a.path)).toEqual(rows.map((r) => r.path));
    expect(assumedScheduleInputs(fisAsPublished())).toEqual([]);
  });

  it("every input an explanation of the schedule method links to is a row of the grid", () => {
    const s = schedule();
    const rows = new Set(listInputs(s).map((e) => e.path));
    const linked = new Set<string>();
    for (const line of computeTable(s).lines) for (const cell of Object.values(line.cells)) inputPaths(cell.explanation, linked);
    // The entry placement and the step date are not inputs of the grid yet (a placement is not a Param).
    const scheduleLinks = [...linked].filter(
      (p) => p.startsWith("scheduleMethod.") && p !== "scheduleMethod.anniversary" && p !== "scheduleMethod.entry",
    );
    expect(scheduleLinks.sort()).toEqual(["scheduleMethod.heldShare", "scheduleMethod.separationRate"]);
    for (const p of scheduleLinks) expect(rows.has(p), p).toBe(true);
  });
});
