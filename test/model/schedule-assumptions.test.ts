/**
 * The schedule method's assumptions (separation rate, share held on step, replacement step) are
 * inputs like any other: listed with their ASSUMED source, editable by path, validated by field,
 * and the explanation's links name their rows.
 */
import { describe, expect, it } from "vitest";
import { computeTable } from "../../model/engine/compute";
import { getInputEntry, listInputs, setInputValue } from "../../model/engine/scenario/paths";
import { checkScenario } from "../../model/engine/scenario/schema";
import { withScheduleMethod } from "../../model/engine/schedule/with-method";
import { fisAsPublished } from "../../model/built-ins";
import { readInput } from "../../renderer/format/parse-number";
import { assumedScheduleInputs } from "../../renderer/panels/AssumptionsBanner";
import type { Explanation } from "../../model/engine/explain";

const schedule = () => withScheduleMethod(fisAsPublished());
const total = (s: ReturnType<typeof schedule>) => computeTable(s).lines.find((l) => l.id === "totalCost")!.cells.Total!.exact;

function inputPaths(e: Explanation, out = new Set<string>()): Set<string> {
  if (e.inputPath) out.add(e.inputPath);
  for (const c of e.children ?? []) inputPaths(c, out);
  return out;
}

describe("schedule-method assumptions as inputs", () => {
  it("lists separation rate, share held and replacement step, each ASSUMED", () => {
    const rows = listInputs(schedule()).filter((e) => e.path.startsWith("scheduleMethod."));
    expect(rows.map((e) => [e.path, e.param.value, e.param.source.kind])).toEqual([
      ["scheduleMethod.separationRate", "0.10", "assumed"],
      ["scheduleMethod.heldShare", "0.05", "assumed"],
      ["scheduleMethod.entry", "1", "assumed"],
    ]);
    expect(assumedScheduleInputs(schedule()).map((a) => a.path)).toEqual(rows.map((r) => r.path));
    expect(assumedScheduleInputs(fisAsPublished())).toEqual([]);
  });

  it("every input an explanation of the schedule method links to is a row of the grid", () => {
    const s = schedule();
    const rows = new Set(listInputs(s).map((e) => e.path));
    const linked = new Set<string>();
    for (const line of computeTable(s).lines) for (const cell of Object.values(line.cells)) inputPaths(cell.explanation, linked);
    const scheduleLinks = [...linked].filter((p) => p.startsWith("scheduleMethod.") && p !== "scheduleMethod.anniversary");
    expect(scheduleLinks.sort()).toEqual(["scheduleMethod.entry", "scheduleMethod.heldShare", "scheduleMethod.separationRate"]);
    for (const p of scheduleLinks) expect(rows.has(p), p).toBe(true);
  });

  it("the replacement step is edited by path, validated as a whole step, and moves the total", () => {
    const s = schedule();
    const moved = setInputValue(s, "scheduleMethod.entry", "5");
    // The built-in names a placement (step 1, Bachelors) without a source: an assumption, now edited.
    expect(s.scheduleMethod!.entry).toMatchObject({ step: 1, lane: "Bachelors" });
    expect(moved.scheduleMethod!.entry).toMatchObject({ step: 5, lane: "Bachelors", yearsOfService: 1, source: { kind: "user" } });
    expect(checkScenario(moved)).toEqual([]);
    expect(getInputEntry(moved, "scheduleMethod.entry")!.param.source.kind).toBe("user");
    // Replacements entering at step 5 are paid more than at step 1, so the cost rises.
    expect(total(moved).greaterThan(total(s))).toBe(true);
    const spec = getInputEntry(s, "scheduleMethod.entry")!.spec;
    expect(readInput("2.5", spec)).toEqual({ ok: false, message: "2.5 is not a whole number." });
    expect(readInput("0", spec)).toMatchObject({ ok: false, message: expect.stringContaining("0 is below 1") });
    expect(readInput("3", spec)).toEqual({ ok: true, value: "3" });
  });
});
