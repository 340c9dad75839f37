/**
 * Issue: a 1.9 MB scenario within every count limit took 15 s to compute and its sensitivity run
 * did not finish in 120 s. Limits by count cannot catch a product of counts, so a scenario is now
 * sized by the work it asks for (cost steps: salary bases x years x raise segments, rates and fund
 * shares splitting items by group, census cells x years, derived lines x columns) and refused above
 * WORK_LIMIT with the estimate and the limit named. (The worst accepted scenario's time is in the bench.)
 */
import { describe, expect, it } from "vitest";
import { fisAsPublished } from "../../model/built-ins";
import { computeTable } from "../../model/engine/compute";
import { DEFAULT_REGISTRY, kindIndex } from "../../model/engine/kinds/registry";
import { validateScenario } from "../../model/engine/scenario/schema";
import { WORK_LIMIT, workEstimate } from "../../model/engine/scenario/work";
import { withScheduleMethod } from "../../model/engine/schedule/with-method";
import { heavyScenario } from "./heavy";

const kinds = kindIndex(DEFAULT_REGISTRY);
const estimate = (s: Parameters<typeof workEstimate>[0]) => workEstimate(s, (i) => kinds.get(i.kind)).units;

describe("a scenario is limited by the work it asks for", () => {
  it("refuses 100 groups x 500 positions x 30 years x 30 raise steps, naming the estimate, its largest part and the limit", () => {
    // 50,000 positions x 30 years x (30 steps + 2) = 48,000,000 salary levels, each with its explanation.
    const r = validateScenario(heavyScenario(100, 500, 30, 30));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]!.field).toBe("(root)");
    const message = r.errors[0]!.message;
    expect(message).toMatch(/^the scenario needs about 48,000,\d{3} cost steps \(items x groups or positions x years x segments; /);
    expect(message).toMatch(/raises items 48,000,000, .*\), more than the limit of 500,000: split it/);
  });

  it("accepts a scenario just under the limit (its time is in the bench: heavy.worstAccepted)", () => {
    // 10 groups x 50 positions x 30 years x (30 + 2) = 480,000.
    const r = validateScenario(heavyScenario(10, 50, 30, 30));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(estimate(r.value)).toBeLessThanOrEqual(WORK_LIMIT);
    expect(estimate(r.value)).toBeGreaterThan(WORK_LIMIT * 0.9);
  });

  it("sizes the reference scenario at a few hundred cost steps, and its schedule-method form at about 20,000", () => {
    expect(estimate(fisAsPublished())).toBeLessThan(1000);
    // 4 years x 12 x 400 census cells (the reference census has 390; 400 is the least counted).
    expect(estimate(withScheduleMethod(fisAsPublished()))).toBeGreaterThan(19_200);
    expect(estimate(withScheduleMethod(fisAsPublished()))).toBeLessThan(20_000);
  });

  it("reports progress item-year by item-year and line by line, ending at done = total", () => {
    const seen: [number, number][] = [];
    computeTable(fisAsPublished(), { onProgress: (done, total) => seen.push([done, total]) });
    const total = seen[0]![1];
    // 9 items x 4 fiscal years, then 9 lines: a heavy item over many years moves the bar year by year.
    expect(total).toBe(9 * 4 + 9);
    expect(seen.map(([d]) => d)).toEqual(Array.from({ length: total }, (_, i) => i + 1));
  });
});
