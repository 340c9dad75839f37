/**
 * The fast path on every example scenario (examples/**\/*.json) and on each template filled with
 * test values: either the plan declines the scenario (Plan.tryCompile gives undefined, and the
 * analyses use the exact engine), or every cell of it, as the file stands and with some inputs
 * changed, lies within its proven bound of the exact engine's value, equals it to the cent and is
 * displayed as the exact engine displays it (property-check.ts's `check`).
 *
 * The examples are where the fiscal-note capabilities live (proration by months and by stated
 * payrolls, rounding up and to a step, totals over the first years or to their own step, lines
 * printed as zero, cost lines shown negated, headcount-only groups, scenarios without groups): the
 * first test names the files that use each, so a capability dropped from the examples is noticed
 * rather than silently untested.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { computeTable, type TableResult } from "../../model/engine/compute";
import { NoFastPathError } from "../../model/engine/fast/context";
import { Plan } from "../../model/engine/fast/plan";
import { inputsToFill } from "../../model/engine/scenario/drafts";
import { hasPayroll } from "../../model/engine/scenario/groups";
import { listInputs, setInputValue } from "../../model/engine/scenario/paths";
import { parseScenarioJson } from "../../model/engine/scenario/schema";
import type { Scenario } from "../../model/engine/scenario/types";
import { TEMPLATES } from "../../model/templates/index";
import { check, type Tally } from "./property-check";
import { randomEdits } from "./random-scenario";

const ROOT = join(process.cwd(), "examples");

function jsonFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? jsonFiles(path) : name.endsWith(".json") ? [path] : [];
  });
}

const examples: [string, Scenario][] = jsonFiles(ROOT).map((file) => {
  const name = relative(process.cwd(), file);
  const parsed = parseScenarioJson(readFileSync(file, "utf8"), name);
  if (!parsed.ok) throw new Error(`${name} is not a valid scenario`);
  return [name, parsed.value];
});

/** A template with every input to fill given a plain value of its unit (the fast path needs no particular figures). */
function filledTemplate(id: string): Scenario {
  let s = TEMPLATES.find((t) => t.id === id)!.scenario();
  const units = new Map(listInputs(s).map((e) => [e.path, e.spec.unit]));
  const value: Record<string, string> = { count: "618", rate: "0.031", share: "0.45", USD: "1234567.89" };
  for (const t of inputsToFill(s)) {
    const unit = units.get(t.path) ?? "USD";
    s = setInputValue(s, t.path, t.path.includes(".steps.") && unit === "USD" ? "1500" : (value[unit] ?? "1000"));
  }
  return s;
}

const templates: [string, Scenario][] = TEMPLATES.map((t) => [`template ${t.id} (filled)`, filledTemplate(t.id)]);

/** The files that use each capability the fiscal notes brought, read from the scenarios themselves. */
function capabilities(all: readonly [string, Scenario][]): Record<string, string[]> {
  const uses = (test: (s: Scenario) => boolean) => all.filter(([, s]) => test(s)).map(([name]) => name);
  const total = (s: Scenario) => (s.table.columns.total === false ? undefined : s.table.columns.total);
  return {
    "proration by months": uses((s) => s.settings.proration === "months"),
    "proration by stated payrolls": uses((s) => s.items.some((i) => i.kind === "raises" && i.steps.some((x) => x.periodsPaid))),
    "lines printed as zero": uses((s) => s.table.lines.some((l) => l.printedAsZero !== undefined)),
    "cost lines shown negated": uses((s) => s.table.lines.some((l) => l.negate === true && l.amounts === undefined && !l.sum)),
    "rounding up": uses((s) => s.table.display.rounding === "up"),
    "rounding to a step": uses((s) => s.table.display.roundTo !== undefined || total(s)?.roundTo !== undefined),
    "a total over the first years": uses((s) => total(s)?.through !== undefined),
    "headcount-only groups": uses((s) => s.groups.some((g) => !hasPayroll(g))),
    "no groups": uses((s) => s.groups.length === 0),
  };
}

describe("the fast path on the example scenarios and the filled templates", () => {
  const all = [...examples, ...templates];

  it("covers every capability the fiscal notes brought, in at least one file", () => {
    const byCapability = capabilities(all);
    const missing = Object.entries(byCapability)
      .filter(([, files]) => files.length === 0)
      .map(([c]) => c);
    expect(missing, `no example uses: ${missing.join(", ")}`).toEqual([]);
  });

  for (const [name, scenario] of all)
    it(`${name}: the fast path declines it or equals the exact engine in every cell`, () => {
      const plan = Plan.tryCompile(scenario);
      const exact = computeTable(scenario);
      if (!plan) {
        // Declined: the analyses use the exact engine, which costs it. Only a declared refusal of
        // the fast path counts: anything else thrown while compiling is a fault of the compiler.
        let reason: unknown;
        try {
          Plan.compile(scenario);
        } catch (e) {
          reason = e;
        }
        expect(reason, `compiling threw ${String(reason)}`).toBeInstanceOf(NoFastPathError);
        expect(exact.lines.length).toBeGreaterThan(0);
        return;
      }
      const tally: Tally = { scenarios: 0, cells: 0, centNearTies: 0, displayFallbacks: 0, unstable: 0, worstBound: 0 };
      const ev = plan.evaluator();
      check(ev, exact, tally, `${name}, as written`);
      expect(tally.cells).toBe(exact.lines.length * exact.columns.length);
      // Some inputs changed inside their fields' ranges, a few times over (the same plan, registers re-read).
      let edited = 0;
      for (const seed of [1, 2, 3, 4, 5]) {
        ev.reset();
        for (const [slot, text] of randomEdits(seed, plan.inputs)) ev.setText(slot, text);
        let table: TableResult;
        try {
          table = computeTable(ev.scenario());
        } catch {
          continue; // an edit the scenario's own checks refuse (say, more periods paid than the year has)
        }
        check(ev, table, tally, `${name}, edited (seed ${seed})`);
        edited++;
      }
      expect(edited).toBeGreaterThan(0);
    });
});
