/**
 * The fiscal impact statement as a document: what it says (the model, checked against the published
 * FIS and hand arithmetic) and what the Word and PDF files contain when read back by tools outside
 * the program (pdftotext, unzip). Rendering through LibreOffice and pdftoppm is in render.test.ts.
 */
import { describe, expect, it } from "vitest";
import { fisAsPublished } from "../../model/built-ins";
import { computeTable, Decimal, formatDisplayed, setInputValue, type Scenario } from "../../model/engine/index";
import { buildFisDocument, documentText, renderDocx, renderPdf, type FisDocument } from "../../model/report/index";
import { nodeFonts, renderDocument } from "../../model/cli/report-command";
import pdfmake from "pdfmake";
import { docxText, docxXml, missingInOrder, pdfFonts, pdfText, squash } from "./files";
import { stateScenario } from "./state-scenario";
import { averageGroup, floorScenario, floorScenarioData, minimumStep, percentStep } from "../fixtures/raise-floor-scenario";
import { validateScenario } from "../../model/engine/scenario/schema";

const TODAY = "2026-12-02";

/** The published figures of the FIS table in reading order (line by line, column by column), as printed. */
function publishedFigures(s: Scenario): string[] {
  const published = s.table.published!;
  const columns = ["FY2025", "FY2026", "FY2027", "FY2028", "Total"];
  return s.table.lines.flatMap((l) => columns.map((c) => formatDisplayed(new Decimal(published.values[l.id]![c]!))));
}

/** The engine's displayed cells in reading order. */
function engineFigures(s: Scenario): string[] {
  const t = computeTable(s);
  return t.lines.flatMap((l) => t.columns.map((c) => formatDisplayed(l.cells[c]!.display, t.display.decimals)));
}

const tableStart = (text: string, doc: FisDocument) => {
  const table = doc.blocks.find((b) => b.type === "table");
  const title = table?.type === "table" ? table.table.title[0]! : "";
  // pdftotext and the XML keep the title's words; search from its last words on.
  const at = text.indexOf(squash(title).split(" ").slice(-6).join(" "));
  expect(at, `table title "${title}" in the text`).toBeGreaterThan(0);
  return at;
};

const calibrationNotes = (s: Scenario): string[] => {
  const notes = new Set<string>();
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === "object") {
      const o = v as Record<string, unknown>;
      const source = o.source as { kind?: string; note?: string } | undefined;
      if (source?.kind === "calibrated" && source.note) notes.add(source.note);
      Object.values(o).forEach(walk);
    }
  };
  walk(s);
  return [...notes];
};

describe("the FIS as published, as a document", () => {
  const scenario = fisAsPublished();
  const doc = buildFisDocument(scenario, { today: TODAY });
  const text = documentText(doc);

  it("reads like the published statement: header, conclusion, funding, background", () => {
    expect(doc.title).toBe("MEMORANDUM");
    expect(doc.header.map((h) => h.label)).toEqual(["TO", "FROM", "DATE", "SUBJECT", "REFERENCE"]);
    expect(doc.header.find((h) => h.label === "DATE")!.lines).toEqual(["December 3, 2024"]);
    expect(doc.blocks.filter((b) => b.type === "heading").map((b) => (b as { text: string }).text)).toEqual([
      "Conclusion",
      "Background",
      "Financial Plan Impact",
      "Assumptions",
    ]);
    // FIS p.1, word for word.
    expect(text).toContain(
      "Funds are sufficient in the fiscal year 2025 through fiscal year 2028 budget and financial plan to implement the resolution.",
    );
    // FIS p.1: "$52.1 million in fiscal year 2025"; the total $238,980K is $239.0 million half-up (the FIS text says 238.9).
    expect(text).toContain(
      "will cost the District of Columbia Public Schools (DCPS) approximately $52.1 million in fiscal year 2025 and a total of " +
        "approximately $239.0 million from fiscal year 2025 through fiscal year 2028.",
    );
    // FIS p.1: "additional funding of $30.4 million in fiscal year 2025 and a total of $161.7 million"; WIA $30,365K and $161,687K.
    expect(text).toContain(
      "To fund this cost, DCPS requires additional funding of $30.4 million in fiscal year 2025 and a total of $161.7 million " +
        "from fiscal year 2025 through fiscal year 2028. This funding is available from the Workforce Investments Account.",
    );
    expect(text).toContain("It is in effect from October 1, 2023 through September 30, 2028.");
    // FIS p.1 states the average salary as "approximately $105,272": the stated value, not the calibrated one.
    expect(text).toContain("5,776 members with an average salary of approximately $105,272");
    expect(text).toContain("• 3 percent in fiscal year 2026, effective October 1, 2025; Art. 36.2.1");
    // FIS p.2: "Optical: In calendar year 2025, DCPS will contribute $22.27 per month, an increase of $0.65"
    expect(text).toContain("• calendar year 2025: $22.27 a month, an increase of $0.65");
    // FIS p.3: the bonus "will be paid out in fiscal year 2025 at a cost of $23.9 million".
    expect(text).toContain("will be paid in fiscal year 2025 at a cost of $23.9 million");
  });

  it("the cost table is the scenario's: its lines, units heading, negatives in parentheses, lettered notes", () => {
    const table = doc.blocks.find((b) => b.type === "table")!;
    if (table.type !== "table") throw new Error("no table");
    expect(table.table.unit).toBe("($ in thousands)");
    expect(table.table.rows.map((r) => r.cells[0])).toEqual(scenario.table.lines.map((l) => l.label));
    expect(table.table.rows.find((r) => r.cells[0]!.startsWith("Funding available"))!.cells.slice(1)).toEqual([
      "($21,437)",
      "($15,519)",
      "($17,498)",
      "($21,304)",
      "($75,759)",
    ]);
    expect(table.table.rows.find((r) => r.cells[0] === "Additional Pay")!.marks).toContain("(e)");
    expect(table.table.rows.map((r) => r.cells.slice(1)).flat()).toEqual(publishedFigures(scenario));
  });

  it("every calibrated input is footnoted with its stated value and reason, and listed in the Assumptions", () => {
    for (const note of calibrationNotes(scenario)) expect(text.includes(note), note).toBe(true);
    expect(text).toContain("Average salary: $105,271.50 a year (stated: $105,272 a year).");
    expect(text).toContain("Local share of total cost: 99.3582% (stated: 99.4%).");
    expect(text).toMatch(/Average salary \| \$105,271\.50 a year \| Calibrated \(note 1\); stated \$105,272 a year/);
    expect(text).toMatch(/Active members \| 5,776 members \| FIS p\.1/);
  });
});

describe("the Word and PDF files carry every figure, in order, and every calibration note", () => {
  const cases: [string, Scenario, (s: Scenario) => string[]][] = [
    ["FIS as published (the 45 published figures)", fisAsPublished(), publishedFigures],
    [
      "FY2026 at 4% (the engine's figures)",
      { ...setInputValue(fisAsPublished(), "items.baseSalary.steps.2025-10-01.amount", "0.04"), name: "FY2026 at 4%" },
      engineFigures,
    ],
  ];
  for (const [name, scenario, figures] of cases) {
    it(name, async () => {
      const doc = buildFisDocument(scenario, { today: TODAY });
      const expected = figures(scenario);
      expect(expected).toHaveLength(45);
      const [pdf, docx] = await Promise.all([renderDocument(doc, "pdf"), renderDocument(doc, "docx")]);
      expect(Buffer.from(pdf.subarray(0, 5)).toString()).toBe("%PDF-");
      expect(Buffer.from(docx.subarray(0, 2)).toString()).toBe("PK");
      for (const [format, text] of [
        ["pdf", pdfText(pdf)],
        ["docx", docxText(docx)],
      ] as const) {
        expect(missingInOrder(text, expected, tableStart(text, doc)), `${format}: first figure missing or out of order`).toBeUndefined();
        // A line may break at a hyphen, which pdftotext then drops ("local-portion" -> "localportion").
        const flat = (t: string) => squash(t).replace(/-\s*/g, "");
        for (const note of calibrationNotes(scenario))
          expect(flat(text).includes(flat(note)), `${format}: calibration note "${note}"`).toBe(true);
      }
    });
  }

  it("the edited scenario's FY2026 total is the published one plus the raise's point (hand-derived)", () => {
    const edited = setInputValue(fisAsPublished(), "items.baseSalary.steps.2025-10-01.amount", "0.04");
    const total = computeTable(edited)
      .lines.find((l) => l.id === "totalCost")!
      .cells.FY2026!.display.toNumber();
    // P = 5,776 x 105,271.50 = 608,048,184; one more point in FY2026: P x 1.02 x 0.01 x 1.0145 (Medicare) = 6,292,021.80.
    // Published $39,866K + $6,292K = $46,158K (the unrounded sum 39,865,xxx + 6,292,021.80 rounds there too).
    expect(total).toBe(46158);
  });
});

describe("PDF details", () => {
  it("Word and PDF carry page numbers; the PDF embeds its fonts", async () => {
    const doc = buildFisDocument(fisAsPublished(), { today: TODAY });
    const pdf = await renderPdf(doc, pdfmake, nodeFonts);
    const text = pdfText(pdf);
    expect(text).toMatch(/Page 1 of (\d+)/);
    const pages = Number(/Page 1 of (\d+)/.exec(text)![1]);
    expect(text).toContain(`Page ${pages} of ${pages}`);
    const fonts = pdfFonts(pdf);
    expect(fonts).toMatch(/Tinos-Regular\s+CID TrueType\s+Identity-H\s+yes yes yes/);
    expect(fonts).not.toMatch(/DejaVu/);
    const xml = docxXml(await renderDocx(doc), "word/footer1.xml");
    expect(xml).toMatch(/PAGE/);
    expect(xml).toMatch(/NUMPAGES/);
  });

  it("a character the text font lacks (≥, →) is drawn in the fallback font, not dropped", async () => {
    const s = fisAsPublished();
    s.table.lines[0]!.label = "Raises ≥ 3% → base";
    const pdf = await renderPdf(buildFisDocument(s, { today: TODAY }), pdfmake, nodeFonts);
    expect(pdfText(pdf)).toContain("Raises ≥ 3% → base");
    expect(pdfFonts(pdf)).toMatch(/DejaVuSerif/);
  });
});

describe("a scenario from another government", () => {
  const scenario = stateScenario();
  const doc = buildFisDocument(scenario, { today: TODAY });

  it("prints its own layout, units and words, and nothing of DC's", async () => {
    const text = documentText(doc);
    const table = doc.blocks.find((b) => b.type === "table");
    if (table?.type !== "table") throw new Error("no table");
    expect(table.table.unit).toBe("(in dollars)");
    expect(table.table.columns.map((c) => c.label)).toEqual(["", "FY 2026", "FY 2027", "Two-Year Total"]);
    expect(table.table.rows.map((r) => r.cells[0])).toEqual(["Personal Services", "Current Expenses", "Total Cost"]);
    // Hand: 410 x $2,250 = $922,500; FICA 7.65% of it = $70,571.25; Personal Services $993,071.25 -> $993,071.
    expect(table.table.rows[0]!.cells).toEqual(["Personal Services", "$993,071", "$993,071", "$1,986,142"]);
    // sumOfRounded: $993,071 + $15,000 = $1,008,071; two years $2,001,142.
    expect(table.table.rows[2]!.cells).toEqual(["Total Cost", "$1,008,071", "$993,071", "$2,001,142"]);
    expect(text).toContain(
      "The bill will approve pay increases and other compensation that will cost the Supreme Court of Appeals (the Court) $1,008,071",
    );
    // No funding lines: the document states the cost only.
    expect(text).not.toMatch(/Funds are/);
    const [pdf, docx] = await Promise.all([renderDocument(doc, "pdf"), renderDocument(doc, "docx")]);
    for (const t of [text, pdfText(pdf), docxText(docx)]) {
      for (const word of ["DCPS", "Workforce", "District", "Council", "WTU"]) expect(t).not.toContain(word);
      expect(
        missingInOrder(t, ["$993,071", "$993,071", "$1,986,142", "$15,000", "$0", "$15,000", "$1,008,071", "$993,071", "$2,001,142"]),
      ).toBeUndefined();
    }
  });
});

describe("a wide table of large figures", () => {
  // 30 fiscal years of a 410,000-person raise: eight-digit cells that, at fixed column widths, broke
  // across two lines in the PDF ("$922,500,00" over "0") and could be read as another number.
  const wide = (years: number): Scenario => {
    const s = stateScenario();
    s.agreement.effectiveTo = `${2025 + years}-06-30`;
    s.groups[0]!.members!.value = "410000";
    s.table.columns.fiscalYears = Array.from({ length: years }, (_, k) => 2026 + k);
    return s;
  };

  for (const years of [6, 30])
    it(`${years} years: every figure of the table is printed whole, on one line`, async () => {
      const doc = buildFisDocument(wide(years), { today: TODAY });
      const table = doc.blocks.find((b) => b.type === "table");
      if (table?.type !== "table") throw new Error("no table");
      const figures = table.table.rows.flatMap((r) => r.cells.slice(1));
      // Hand: 410,000 x $2,250 = $922,500,000, + FICA 7.65% ($70,571,250) = $993,071,250 a year.
      expect(figures).toContain("$993,071,250");
      const text = pdfText(await renderPdf(doc, pdfmake, nodeFonts));
      const tokens = new Set(text.split(" "));
      for (const f of figures) expect(tokens.has(f), `${f} whole in the PDF`).toBe(true);
    });
});

describe("a table without a total line", () => {
  it("is refused for the document rather than quoting one cost line of several as the agreement's cost", () => {
    // It quoted Salaries ($95,000) as what the agreement costs, where salaries + benefits + other = $97,377.50.
    const s = structuredClone(fisAsPublished());
    s.table.lines = s.table.lines.filter((l) => !l.sum && !l.share && !l.amounts && !l.fund && !l.change);
    delete s.agreement.document;
    expect(() => buildFisDocument(s, { today: "2026-12-03" })).toThrow(
      /the table has no printed total line and \d+ cost lines: add a total line \(a sum of the cost lines\) or name the line/,
    );
    const named = structuredClone(s);
    named.agreement.document = { costLine: "baseSalaryIncreases" };
    expect(documentText(buildFisDocument(named, { today: "2026-12-03" }))).toContain("Base Salary Increases");
  });
});

describe("what the statement says of a raise's floor on an average, and of years after the agreement", () => {
  // A second audit: neither was said anywhere in the statement, only in the cells' explanations.
  it("a floor on a group costed at its average salary is said to apply to the average", () => {
    const s = floorScenario([averageGroup("100", "30000")], [percentStep(2025, "0.03", { atLeast: "1000" })]);
    const text = documentText(buildFisDocument(s, { today: TODAY }));
    expect(text).toContain("3 percent (at least $1,000 a year) in fiscal year 2025");
    expect(text).toContain(
      "The dollar floor is applied to the average salary of the Clerks, not to each member's salary: " +
        "the estimate is exact only if their salaries are near the average",
    );
    expect(text).not.toContain("after the agreement ends");
  });

  it("a minimum salary on an average is said to apply to the average: 100 at $38,000, minimum $40,000", () => {
    const s = floorScenario([averageGroup("100", "38000")], [minimumStep(2025, "40000")]);
    const text = documentText(buildFisDocument(s, { today: TODAY }));
    expect(text).toContain("a minimum salary of $40,000 a year in fiscal year 2025");
    expect(text).toContain(
      "The minimum salary is applied to the average salary of the Clerks, not to each member's salary: " +
        "the estimate is exact only if their salaries are near the average",
    );
  });

  it("a table year after the agreement ends says what it costs", () => {
    const data = floorScenarioData([averageGroup("100", "30000")], [percentStep(2025, "0.03")]);
    const later = { ...data, table: { ...data.table, columns: { ...data.table.columns, fiscalYears: [2025, 2026, 2027, 2028] } } };
    const checked = validateScenario(later);
    if (!checked.ok) throw new Error(JSON.stringify(checked.errors));
    const text = documentText(buildFisDocument(checked.value, { today: TODAY }));
    expect(text).toContain(
      "Fiscal years 2027 and 2028 fall after the agreement ends on September 30, 2026: the raises stay in the base " +
        "and no further raise is added; every other item costs what this estimate states for those years.",
    );
    expect(text).not.toContain("applied to the average salary");
  });
});
