/**
 * A waterfall's axis is in the unit its caption names: a chart "in dollars" ticks in dollars, one in
 * $ thousands in thousands (with the K the number format gives ticks), and the zoomed-axis note says
 * where the axis starts in that unit. Before, the axis always drew $ thousands and wrote them as
 * bare dollars ("$20,000" under a $50.9 million bar captioned "dollars").
 */
import { describe, expect, it } from "vitest";
import { Decimal } from "../../model/engine/decimal";
import { waterfallAxis } from "../../renderer/charts/Waterfall";

const steps = (a: string, b: string) => [
  { label: "before", value: new Decimal(a), kind: "total" as const, text: "" },
  { label: "change", value: new Decimal(b).minus(a), kind: "change" as const, text: "" },
  { label: "after", value: new Decimal(b), kind: "total" as const, text: "" },
];

describe("the waterfall's axis", () => {
  it("ticks in dollars for a chart in dollars", () => {
    const axis = waterfallAxis(steps("0", "50859204.62"), { scale: "dollars", decimals: 0 });
    expect(axis.tickLabels).toEqual(["$0", "$20,000,000", "$40,000,000", "$60,000,000", "$80,000,000"]);
    expect(axis.zoomNote).toBe("");
  });

  it("ticks in thousands, marked K, for a chart in $ thousands", () => {
    const axis = waterfallAxis(steps("0", "50859204.62"), { scale: "thousands", decimals: 0 });
    expect(axis.tickLabels).toEqual(["$0K", "$20,000K", "$40,000K", "$60,000K", "$80,000K"]);
  });

  it("says where a zoomed axis starts, in the chart's unit", () => {
    // The published FY2026-4% case: $238,980K to $258,493K.
    const axis = waterfallAxis(steps("238980000", "258493000"), { scale: "thousands", decimals: 0 });
    expect(axis.zoomNote).toBe("The axis starts at $230,000K, not at zero, so the changes between the totals show.");
    expect(waterfallAxis(steps("238980000", "258493000"), { scale: "dollars", decimals: 0 }).zoomNote).toBe(
      "The axis starts at $230,000,000, not at zero, so the changes between the totals show.",
    );
  });
});
