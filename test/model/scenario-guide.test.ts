/** The scenario guide's units-and-ranges table is generated from the field specs: it must match them. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { withUnitsTable } from "../../model/cli/write-schema";

describe("docs/scenario-format.md", () => {
  const guide = readFileSync(join(process.cwd(), "docs", "scenario-format.md"), "utf8");
  it("has the current units-and-ranges table (run `npm run schema` after changing a field)", () => {
    expect(guide).toBe(withUnitsTable(guide));
  });
  it("has a worked example for every kind of item and every kind of derived line", () => {
    for (const kind of ["raises", "oneTime", "premiumPay", "perHeadBenefit", "payRate", "payrollRate", "fixedAmounts"])
      expect(guide).toContain(`### ${kind}`);
    for (const key of ['"sum"', '"share"', '"amounts"', '"fund"', '"change"']) expect(guide).toContain(key);
  });
});
