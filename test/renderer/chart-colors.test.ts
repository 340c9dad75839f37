/** Chart colours against the white chart background: 4.5:1 (text-safe) for every series, by the WCAG 2.1 formula. */
import { describe, expect, it } from "vitest";
import { BASELINE_COLOR, INK, LINE_STYLES, SERIES_COLORS } from "../../renderer/charts/chart-parts";

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5]
    .map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
    .map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
};

describe("chart colours", () => {
  it("the formula: black on white is 21:1, the old orange #e08a1e was 2.68:1", () => {
    expect(contrast("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrast("#e08a1e", "#ffffff")).toBeCloseTo(2.68, 2);
  });
  it("every series, every drawn line, the baseline and the ink reach 4.5:1 on white", () => {
    for (const c of [...SERIES_COLORS, ...LINE_STYLES.map((l) => l.color), BASELINE_COLOR, INK])
      expect(contrast(c, "#ffffff"), c).toBeGreaterThanOrEqual(4.5);
  });
});
