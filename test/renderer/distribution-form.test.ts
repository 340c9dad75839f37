/**
 * The range dialog's form (renderer/analysis/distribution-form.ts): what the user types in the
 * input's units becomes the scenario file's decimal strings, and the engine's uncertainty checks
 * answer in the same units.
 */
import { describe, expect, it } from "vitest";
import { fisAsPublished } from "../../model/built-ins";
import { formFor, distributionOf, rangeTextOf, type RangeForm } from "../../renderer/analysis/distribution-form";
import { listInputs } from "../../model/engine/scenario/paths";

const entries = new Map(listInputs(fisAsPublished()).map((e) => [e.path, e]));
const separation = entries.get("scheduleMethod.separationRate")!;
const members = entries.get("groups.wtu.members")!;
const form = (over: Partial<RangeForm>): RangeForm => ({ ...formFor(separation, undefined), ...over });

describe("range form", () => {
  it("reads percentages as rates: 6%–12% is stored as 0.06 to 0.12 and shown back as 6%–12%", () => {
    const r = distributionOf(form({ kind: "uniform", min: "6%", max: "12%" }), separation);
    expect(r.ok && r.distribution).toMatchObject({ distribution: "uniform", min: "0.06", max: "0.12", source: { kind: "assumed" } });
    expect(rangeTextOf(separation, r.ok ? r.distribution! : undefined)).toBe("6%–12%");
  });

  it("the engine's order check speaks in percent: lowest 12%, highest 6%", () => {
    const r = distributionOf(form({ kind: "uniform", min: "12%", max: "6%" }), separation);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors).toEqual([{ field: "max", message: "highest 6% must be more than lowest 12%" }]);
  });

  it("a value outside the field's range is refused in the field's units (a rate above 100%)", () => {
    const r = distributionOf(form({ kind: "triangular", min: "2%", mode: "5%", max: "150%" }), separation);
    expect(!r.ok && r.errors.map((e) => e.field)).toEqual(["max"]);
    expect(!r.ok && r.errors[0]!.message).toMatch(/^Highest: 150% is outside this input's range, 0% to 100%\.$/);
  });

  it("a mode outside lowest..highest is named with the user's numbers", () => {
    const r = distributionOf(form({ kind: "triangular", min: "2%", mode: "11%", max: "10%" }), separation);
    expect(!r.ok && r.errors).toEqual([{ field: "mode", message: "most likely 11% must lie from lowest 2% to highest 10%" }]);
  });

  it("members ± 2% as a count: 5,660.48 to 5,891.52 reads back as 5,776 ± 2%", () => {
    const f = { ...formFor(members, undefined), kind: "uniform" as const, min: "5,660.48", max: "5,891.52" };
    const r = distributionOf(f, members);
    expect(r.ok && r.distribution).toMatchObject({ min: "5660.48", max: "5891.52" });
    expect(rangeTextOf(members, r.ok ? r.distribution! : undefined)).toBe("5,776 ± 2%");
  });

  it("normal: a zero standard deviation is refused; fixed means no range", () => {
    const r = distributionOf(form({ kind: "normal", mean: "8%", sd: "0%", min: "", max: "" }), separation);
    expect(!r.ok && r.errors).toEqual([{ field: "sd", message: "the standard deviation 0% must be more than 0%" }]);
    expect(distributionOf(form({ kind: "fixed" }), separation)).toEqual({ ok: true, distribution: null });
  });

  it("discrete: weights must be numbers, and all-zero weights are refused", () => {
    const bad = distributionOf(form({ kind: "discrete", values: [{ value: "6%", weight: "x" }] }), separation);
    expect(!bad.ok && bad.errors[0]!.field).toBe("values.0.weight");
    const zero = distributionOf(form({ kind: "discrete", values: [{ value: "6%", weight: "0" }] }), separation);
    expect(!zero.ok && zero.errors[0]!.message).toMatch(/weights add up to 0/);
    const ok = distributionOf(
      form({
        kind: "discrete",
        values: [
          { value: "6%", weight: "1" },
          { value: "12%", weight: "3" },
        ],
      }),
      separation,
    );
    expect(ok.ok && ok.distribution).toMatchObject({
      values: [
        { value: "0.06", weight: "1" },
        { value: "0.12", weight: "3" },
      ],
    });
  });

  it("an existing range fills the form in the user's units", () => {
    const f = formFor(separation, { distribution: "triangular", min: "0.02", mode: "0.05", max: "0.1" });
    expect([f.kind, f.min, f.mode, f.max]).toEqual(["triangular", "2%", "5%", "10%"]);
  });
});
