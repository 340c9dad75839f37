/**
 * A helper line that nothing uses shows no figure anywhere: the Cost lines panel says so, in the
 * words the command line prints on stderr, and says nothing when every helper line feeds a row.
 */
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { Scenario } from "../../model/engine/scenario/types";
import { CostLinesPanel } from "../../renderer/panels/CostLinesPanel";
import { helperLineScenario, unusedHelperScenario } from "../fixtures/helper-line-scenario";

const render = (scenario: Scenario) =>
  renderToStaticMarkup(<CostLinesPanel scenario={scenario} builtIn={false} onAdd={() => {}} onRemove={() => {}} onPrinted={() => {}} />);

describe("the Cost lines panel and an unused helper line", () => {
  it("warns that its figures show nowhere", () => {
    const html = render(unusedHelperScenario());
    expect(html).toContain('data-testid="cost-lines-unused-helper"');
    expect(html).toContain("&quot;Salaries&quot; is not printed and no other line uses it, so none of its figures shows");
  });

  it("says nothing when the helper line feeds a printed line", () => {
    expect(render(helperLineScenario())).not.toContain("cost-lines-unused-helper");
  });
});
