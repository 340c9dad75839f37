/**
 * The statement's prose states only what its table prints (audit: doc-text-vs-sumofrounded): every
 * amount is the printed cell (totals that are sums of rounded cells included), no sentence names or
 * quotes a helper line, and a line printed as 0 is said to be so, not given its unprinted cost.
 *
 * Hand figures (test/fixtures/doc-text-scenario.ts; 100 members at $50,000; $ thousands, 1 decimal,
 * half to even, totals the sums of the rounded cells):
 *   Salaries (helper)  100 x 50,000 x 0.02 = 100,000; x (1.02 x 1.03 - 1) = 253,000; 253,000
 *   Salary increase    100,000; 153,000; 0                     -> 100.0, 153.0, 0.0, total 253.0
 *   Benefits 10%       10,000; 25,300; 25,300 (printed as 0)   -> 0.0 everywhere
 *   TOTAL COST (helper)110,000; 278,300; 278,300               -> 110.0, 278.3, 278.3
 *   Federal part (helper, 40%) 44,000; 111,320; 111,320
 *   Federal local share 33%: 14,520; 36,735.6; 36,735.6        -> 14.5, 36.7, 36.7, total 87.9
 *                      (the unrounded sum 87,991.2 would say $88,000)
 *   Offset             -1,234.56; 0; 999.99                     -> (1.2), 0.0, 1.0, total (0.2)
 *                      (the unrounded sum -234.57 would say $235)
 *   NET COST           110.0 - 1.2 = 108.8; 278.3; 278.3 + 1.0 = 279.3, total 666.4
 */
import pdfmake from "pdfmake";
import { describe, expect, it } from "vitest";
import { nodeFonts } from "../../model/cli/report-command";
import { InputRejectedError, setInputValue } from "../../model/engine/index";
import { validateScenario } from "../../model/engine/scenario/schema";
import { buildFisDocument, buildMemoDocument, documentText, renderPdf } from "../../model/report/index";
import { docTextJson, docTextScenario } from "../fixtures/doc-text-scenario";
import { pdfText } from "./files";

const TODAY = "2026-12-02";
const doc = buildFisDocument(docTextScenario(), { today: TODAY });
const text = documentText(doc);
/** The prose before the cost table: the Conclusion, Background and Financial Plan Impact. */
const prose = text.slice(0, text.indexOf("Cost of the Clerks agreement"));

describe("the statement's prose and its table agree (sumOfRounded, helper lines, a line printed as 0)", () => {
  it("the table prints the hand figures", () => {
    const table = doc.blocks.find((b) => b.type === "table" && b.table.id === "cost");
    if (table?.type !== "table") throw new Error("no cost table");
    expect(table.table.rows.map((r) => r.cells)).toEqual([
      ["Salary increase", "$100.0", "$153.0", "$0.0", "$253.0"],
      ["Benefits", "$0.0", "$0.0", "$0.0", "$0.0"],
      ["Federal local share", "$14.5", "$36.7", "$36.7", "$87.9"],
      ["Offset", "($1.2)", "$0.0", "$1.0", "($0.2)"],
      ["NET COST", "$108.8", "$278.3", "$279.3", "$666.4"],
    ]);
  });

  it("states each line's printed cells, the total as printed (the sum of the rounded cells)", () => {
    expect(prose).toContain(
      "Salary increase will total $100,000 in fiscal year 2025 and $253,000 from fiscal year 2025 through fiscal year 2027.",
    );
    expect(prose).toContain(
      "The Federal local share is $14,500 in fiscal year 2025 and $87,900 from fiscal year 2025 through fiscal year 2027.",
    );
    // The offsets keep the sign the table prints them with.
    expect(prose).toContain("The Offset is -$1,200 in fiscal year 2025 and -$200 from fiscal year 2025 through fiscal year 2027.");
    for (const unprinted of ["$88,000", "$15,000", "$235", "$1,000 in", "$61,000"]) expect(prose).not.toContain(unprinted);
  });

  it("the Conclusion states the printed total line (NET COST), not the hidden TOTAL COST", () => {
    expect(prose).toContain(
      "The agreement provides pay increases and other compensation that will cost city $108,800 in fiscal year 2025 " +
        "and a total of $666,400 from fiscal year 2025 through fiscal year 2027.",
    );
    expect(prose).not.toContain("$110,000");
    expect(prose).not.toContain("$667,000");
  });

  it("names no helper line", () => {
    expect(prose).not.toMatch(/Federal part|total cost|Salaries/i);
  });

  it("says the Benefits line is printed as $0 and why, with no amount of its own", () => {
    expect(prose).toContain(
      "The Benefits line is printed as $0 in the table; its cost is counted in the lines built on it. " +
        "The note counts benefits in its total only.",
    );
    expect(prose).not.toMatch(/Benefits will total/);
  });

  it("the PDF carries the same sentences and cells", async () => {
    const pdf = pdfText(await renderPdf(doc, pdfmake, nodeFonts));
    expect(pdf).toContain(
      "The Federal local share is $14,500 in fiscal year 2025 and $87,900 from fiscal year 2025 through fiscal year 2027.",
    );
    expect(pdf).toContain("Federal local share $14.5 $36.7 $36.7 $87.9");
  });

  it("refuses a document whose Conclusion would state a helper line", () => {
    const json = docTextJson();
    // Validation refuses it when a file is read; a scenario built in code reaches the document, which refuses it too.
    const refused = validateScenario({ ...json, agreement: { ...json.agreement, document: { costLine: "total" } } });
    expect(!refused.ok && refused.errors.map((e) => e.field)).toEqual(["agreement.document.costLine"]);
    const checked = validateScenario(json);
    if (!checked.ok) throw new Error(JSON.stringify(checked.errors));
    const built = { ...checked.value, agreement: { ...checked.value.agreement, document: { costLine: "total" } } };
    let caught: unknown;
    try {
      buildFisDocument(built, { today: TODAY });
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(InputRejectedError);
    expect((caught as InputRejectedError).errors[0]!.field).toBe("agreement.document.costLine");
  });
});

describe("the comparison memo states the printed total line, not a hidden one", () => {
  // FY2026 raise 3% -> 4%: salaries FY2026 5,000,000 x (1.02 x 1.04 - 1) = 304,000, up 51,000 on 253,000,
  // and the same in FY2027; benefits 10% of it, 5,100; NET COST (= the hidden TOTAL COST + the offsets,
  // which do not change) up 56,100 in FY2026 and FY2027 -> $56.1K each, $112.2K over the three years.
  const baseline = docTextScenario();
  const at4 = { ...setInputValue(baseline, "items.raise.steps.2025-07-01.amount", "0.04"), name: "Doc text at 4%" };
  const memo = documentText(buildMemoDocument(baseline, at4, { today: TODAY }));

  it("summarizes and attributes the NET COST line the statement prints", () => {
    expect(memo).toContain(
      "Doc text at 4% costs $112.2K more than Doc text over the three years " +
        "(NET COST; $0.0K in FY 2025, +$56.1K in FY 2026, +$56.1K in FY 2027).",
    );
    expect(memo).toContain("What each difference adds to NET COST");
    expect(memo).toMatch(/NET COST \| \$0\.0 \| \$56\.1 \| \$56\.1 \| \$112\.2/);
    expect(memo).not.toMatch(/TOTAL COST|Federal part|Salaries/);
  });

  it("marks the Benefits row, which both statements print as 0, when it shows the difference in its cost", () => {
    // Benefits 10% of the 51,000 raise difference: 5,100 in FY2026 and FY2027 -> $5.1, $10.2 over the years.
    expect(memo).toMatch(/Benefits \(printed as 0 in the statements\) \| \$0\.0 \| \$5\.1 \| \$5\.1 \| \$10\.2/);
  });

  it("refuses a costLine naming a helper line", () => {
    const json = docTextJson();
    const checked = validateScenario(json);
    if (!checked.ok) throw new Error(JSON.stringify(checked.errors));
    const built = { ...checked.value, agreement: { ...checked.value.agreement, document: { costLine: "total" } } };
    expect(() => buildMemoDocument(baseline, built, { today: TODAY })).toThrow(
      /agreement\.document\.costLine: "TOTAL COST" is a helper line/,
    );
  });
});
