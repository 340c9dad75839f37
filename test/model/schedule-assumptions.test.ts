/**
 * The schedule method's assumptions (separation rate, share held on step) are
 * inputs like any other: listed with their ASSUMED source, editable by path, validated by field,
 * and the explanation's links name their rows (the placement of replacements and the step date
 * are settings, rows of the same grid).
 */
import { describe, expect, it } from "vitest";
import { computeTable } from "../../model/engine/compute";
import { listInputs } from "../../model/engine/scenario/paths";
import { listSettings, settingRowPath } from "../../model/engine/scenario/settings";
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
    // The banner names them, then the placement of replacements and the step date (settings, also ASSUMED).
    expect(assumedScheduleInputs(schedule())).toEqual([
      { path: "scheduleMethod.separationRate", label: "separation rate" },
      { path: "scheduleMethod.heldShare", label: "share held on step" },
      { path: "scheduleMethod.entry.step", label: "placement of replacements" },
      { path: "scheduleMethod.anniversary", label: "step date" },
    ]);
    expect(assumedScheduleInputs(fisAsPublished())).toEqual([]);
  });

  it("every input or setting an explanation of the schedule method links to is a row of the grid", () => {
    const s = schedule();
    // The grid's rows: the inputs, then the settings (a placement is not a Param, so not an input).
    const rows = new Set([...listInputs(s), ...listSettings(s)].map((e) => e.path));
    const linked = new Set<string>();
    for (const line of computeTable(s).lines) for (const cell of Object.values(line.cells)) inputPaths(cell.explanation, linked);
    const scheduleLinks = [...linked].filter((p) => p.startsWith("scheduleMethod."));
    expect(scheduleLinks.sort()).toEqual([
      "scheduleMethod.anniversary",
      "scheduleMethod.entry",
      "scheduleMethod.heldShare",
      "scheduleMethod.separationRate",
    ]);
    for (const p of scheduleLinks) expect(rows.has(settingRowPath(p)), p).toBe(true);
  });
});
