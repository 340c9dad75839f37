/**
 * Compare names a changed setting in the settings bar's words, for every value a setting takes
 * ("Mid-year raises: prorated by pay periods → prorated by months", never the raw "months").
 */
import { describe, expect, it } from "vitest";
import { fisAsPublished } from "../../model/built-ins";
import { diffScenarios } from "../../model/engine/analysis/diff";
import { settingsSchema } from "../../model/engine/scenario/base";

describe("a changed setting in Compare", () => {
  it("is said in words for every value of every setting", () => {
    const base = fisAsPublished();
    for (const [key, field] of Object.entries(settingsSchema.shape)) {
      const values = (field as unknown as { options: string[] }).options;
      for (const value of values) {
        if (value === base.settings[key as keyof typeof base.settings]) continue;
        const other = { ...base, settings: { ...base.settings, [key]: value } };
        const d = diffScenarios(base, other).find((x) => x.id === `settings.${key}`)!;
        expect(d.reasonB, `${key} = ${value}`).not.toBe(value);
        expect(d.label, `${key} = ${value}`).toMatch(/^[A-Z][a-z-]+( [a-z-]+)*: /);
      }
    }
  });

  it("months: 'Mid-year raises: prorated by pay periods → prorated by months'", () => {
    const base = fisAsPublished();
    const d = diffScenarios(base, { ...base, settings: { ...base.settings, proration: "months" } }).find(
      (x) => x.id === "settings.proration",
    )!;
    expect(d.label).toBe("Mid-year raises: prorated by pay periods → prorated by months");
  });
});
