/**
 * An edit is checked by checkInputChange (the changed input and the checks across the scenario)
 * instead of the whole schema. It must say exactly what checkScenario says of the edited scenario:
 * for every input of every example scenario (and the reference scenario by the schedule method),
 * each of a set of values in and out of range, with and without a formula, gives the same
 * messages both ways (and none where checkScenario finds none).
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { fisAsPublished } from "../../model/built-ins";
import { withScheduleMethod } from "../../model/engine/schedule/with-method";
import { getInputEntry, listInputs, setInputValue } from "../../model/engine/scenario/paths";
import { checkInputChange, checkScenario, parseScenarioJson } from "../../model/engine/scenario/schema";
import type { Scenario } from "../../model/engine/scenario/types";

function jsonFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? jsonFiles(path) : name.endsWith(".json") ? [path] : [];
  });
}

const scenarios: [string, Scenario][] = [
  ...jsonFiles(join(process.cwd(), "examples")).flatMap((file): [string, Scenario][] => {
    const parsed = parseScenarioJson(readFileSync(file, "utf8"), relative(process.cwd(), file));
    return parsed.ok && checkScenario(parsed.value).length === 0 ? [[relative(process.cwd(), file), parsed.value]] : [];
  }),
  ["reference by the schedule method", withScheduleMethod(fisAsPublished())],
];

/** Values around each field's range: inside, on and past its ends, negative, huge, with a formula that does or does not give the value. */
function candidates(value: string, min?: string, max?: string): { value: string; formula?: string }[] {
  const out: { value: string; formula?: string }[] = [
    { value: "0" },
    { value: "-1" },
    { value: "-0.5" },
    { value: "0.5" },
    { value: "1" },
    { value: "1.5" },
    { value: "1e30" },
    { value: "999999999999" },
    { value: value === "" ? "1" : value, formula: `=${value === "" ? "1" : value}` },
    { value: "2", formula: "=1+2" },
    { value: "3", formula: "=1+" },
  ];
  for (const b of [min, max]) if (b !== undefined) out.push({ value: b }, { value: `${b}1` });
  return out;
}

describe("checkInputChange says what checkScenario says of a one-input edit", () => {
  it("covers the examples", () => {
    expect(scenarios.length).toBeGreaterThan(10);
  });
  for (const [name, scenario] of scenarios) {
    it(name, () => {
      let compared = 0;
      let rejected = 0;
      for (const entry of listInputs(scenario)) {
        for (const c of candidates(entry.param.value, entry.spec.min, entry.spec.max)) {
          const next = setInputValue(scenario, entry.path, c.value, undefined, c.formula);
          if (next === scenario) continue;
          const whole = checkScenario(next).map((e) => e.message);
          const changed = getInputEntry(next, entry.path)!.param;
          const one = checkInputChange(next, entry.path, changed, entry.spec).map((e) => e.message);
          expect(new Set(one), `${entry.path} = ${c.value}${c.formula ? ` (${c.formula})` : ""}`).toEqual(new Set(whole));
          compared++;
          if (whole.length) rejected++;
        }
      }
      expect(compared).toBeGreaterThan(0);
      // The values are chosen so that some are refused in every scenario.
      expect(rejected).toBeGreaterThan(0);
    });
  }
});
