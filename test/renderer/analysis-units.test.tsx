/**
 * The analyses speak in the scenario's display unit: a table printed in whole dollars gets dollars in
 * their headings and amounts (retro pay, the cost of 1%), never "$9,490,000 thousand" or dollars
 * under a "$ thousands" heading.
 */
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { fisAsPublished } from "../../model/built-ins";
import { RetroPay } from "../../renderer/analysis/RetroPay";
import { CostOfOnePercent } from "../../renderer/analysis/CostOfOnePercent";
import { runAnalysis, type CostOfOnePercentData } from "../../renderer/analysis/jobs";

const inUnit = (unit: "dollars" | "thousands") => {
  const s = fisAsPublished();
  return { ...s, table: { ...s.table, display: { ...s.table.display, unit } } };
};
const render = (unit: "dollars" | "thousands") =>
  renderToStaticMarkup(<RetroPay scenario={inUnit(unit)} selected={null} onSelect={() => {}} />);

// Approved on the fiscal note's date (2024-12-03, the card's default) + the agreement's 120 days =
// 2025-04-02: 13 of 26 FY2025 pay periods of the 2% raise on 5,776 x $105,271.50, with Medicare:
// 608,048,184 x 0.02 x 13/26 x 1.0145 = $6,168,648.83.
describe("retro pay's units", () => {
  it("are the table's: $ thousands for the reference", () => {
    const html = render("thousands");
    expect(html).toContain("Wages ($ thousands)");
    expect(html).toMatch(/\$6,169<\/button> thousand|\$6,169 thousand/);
  });

  it("are dollars for a table printed in dollars", () => {
    const html = render("dollars");
    expect(html).toContain("Wages (dollars)");
    expect(html).not.toContain("thousand");
    expect(html).toContain("$6,168,649");
  });
});

describe("the cost of 1%'s units", () => {
  it("are dollars for a table printed in dollars", () => {
    const scenario = inUnit("dollars");
    const data = runAnalysis({ kind: "costOfOnePercent", scenario: JSON.stringify(scenario) }) as CostOfOnePercentData;
    const html = renderToStaticMarkup(
      <CostOfOnePercent data={data} years={4} units={{ scale: "dollars", decimals: 0 }} selected={null} onSelect={() => {}} />,
    );
    expect(html).toContain("+1 point of raise that year (dollars)");
    expect(html).not.toContain("thousand");
    // One more point of raise costs about $6.3 million a year here: printed in whole dollars.
    expect(html).toMatch(/>\$6,29\d,\d{3}</);
  });
});
