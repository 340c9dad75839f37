/**
 * A scenario -> its fiscal impact statement as a document model: the letter's header, Conclusion,
 * Background, Financial Plan Impact, the cost table in the scenario's own layout and units with its
 * lettered notes and calibration footnotes, and the Assumptions. Every sentence is assembled from
 * the scenario (its labels, its document settings, the kinds' own descriptions of the items) and
 * every number is the engine's; nothing names a government.
 */
import {
  afterAgreement,
  computeTable,
  coveredGroups,
  dateWords,
  isClamped,
  salaryBases,
  Decimal,
  groupedNumber,
  helperLineNamedByDocument,
  InputRejectedError,
  isPrinted,
  statedPayroll,
  listWords,
  printedLines,
  provisionOf,
  totalLineId,
  unitFactor,
  TOTAL_COLUMN,
  type ComputeOptions,
  type LineResult,
  type Registry,
  type RaisesItem,
  type Scenario,
  type TableResult,
} from "../engine/index";
import { assumptionRows, calibrations, type Calibration } from "./assumptions";
import { costTable, tableNotes } from "./cost-table";
import type { Block, FisDocument, HeaderField, Inline } from "./document";
import { amountWords, approxWords, capitalized, periodWords, valueWords, fiscalYearWords } from "./words";

export interface DocumentOptions {
  /** The date (YYYY-MM-DD) a document carries when its scenario names none: the day it is generated. */
  today: string;
  compute?: ComputeOptions;
  registry?: Registry;
}

/** The names a document's sentences use, from the scenario's document settings or its agreement. */
export interface Wording {
  measure: string;
  /** Whether the scenario names the measure (then it "approves" the agreement). */
  namedMeasure: boolean;
  agencyFirst: string;
  agency: string;
  plan: string;
}

export function wordingOf(scenario: Scenario): Wording {
  const d = scenario.agreement.document;
  const name = d?.agency?.name ?? scenario.agreement.employer;
  const short = d?.agency?.short;
  return {
    measure: d?.measure ?? "the agreement",
    namedMeasure: d?.measure !== undefined,
    agencyFirst: short ? `${name} (${short})` : name,
    agency: short ?? name,
    plan: d?.funding?.plan ?? "budget",
  };
}

export const fyColumns = (result: TableResult): string[] => result.columns.filter((c) => /^FY\d{4}$/.test(c));
const yearOf = (column: string): number => Number(column.slice(2));

/**
 * The amount prose states for a cell: the cell as the table prints it, in dollars. Never the
 * unrounded value: rounded by the words' own rule it can differ from the printed cell ($16,000 beside
 * a total printed $17.0K as the sum of its rounded years), and a line printed as 0 would get a cost.
 */
function amountOf(line: LineResult, column: string, result: Pick<TableResult, "display">): Decimal {
  return line.cells[column]!.display.times(unitFactor(result.display.unit));
}

/** A line over all the fiscal years: its printed total, or the sum of its printed years when the table has none. */
function lineTotal(line: LineResult, years: readonly string[], result: Pick<TableResult, "display">): Decimal {
  if (line.cells[TOTAL_COLUMN]) return amountOf(line, TOTAL_COLUMN, result);
  return years.map((c) => amountOf(line, c, result)).reduce((a, b) => a.plus(b));
}

/**
 * "$52.1 million in fiscal year 2025 and a total of $238.9 million from fiscal year 2025 through
 * fiscal year 2028". `sign` -1 states a line whose sentence says "save": a year that costs instead
 * keeps a minus, so no figure reads as the opposite of the cell.
 */
function firstAndTotal(line: LineResult, result: TableResult, approx: boolean, sign: 1 | -1 = 1): string {
  const years = fyColumns(result);
  const rounding = result.display.rounding;
  const unit = result.display.unit;
  const words = (printed: Decimal) => {
    const d = printed.times(sign);
    const text = approx ? approxWords(d, rounding, unit) : amountWords(d, rounding, unit).text;
    return d.isNegative() ? `-${text}` : text;
  };
  // A note's table often opens on a year before the raise (the current year, all zeros): the
  // sentence leads with the first year that costs something, not with "$0 in fiscal year 2008".
  const lead = years.find((c) => !amountOf(line, c, result).isZero()) ?? years[0]!;
  const first = words(amountOf(line, lead, result));
  if (years.length === 1) return `${first} in ${fiscalYearWords(yearOf(lead))}`;
  const total = words(lineTotal(line, years, result));
  return `${first} in ${fiscalYearWords(yearOf(lead))} and a total of ${total} from ${periodWords(years.map(yearOf))}`;
}

interface Funding {
  sufficient: boolean;
  sentences: string[];
}

/**
 * The line a document setting names, refused when it is a helper line: the prose would state figures
 * (or a name) the table does not print.
 */
function printedLineNamed(result: TableResult, id: string | undefined, field: string): LineResult | undefined {
  if (id === undefined) return undefined;
  const line = result.lines.find((l) => l.id === id);
  // Validation refuses a missing line; a scenario built in code reaches here, and must not get another line's figures.
  if (!line) throw new InputRejectedError([{ field, message: `line "${id}" is not in the table` }]);
  if (!isPrinted(line)) throw new InputRejectedError([{ field, message: helperLineNamedByDocument(line.label) }]);
  return line;
}

/**
 * The line the Conclusion (and a memo's summary) states: the one the scenario names, else the
 * table's printed total line, else its one printed cost line. A hidden total is never it: its
 * figures are not in the table beside the sentence.
 */
export function statedCostLine(scenario: Scenario, result: TableResult): LineResult {
  const named = printedLineNamed(result, scenario.agreement.document?.costLine, "agreement.document.costLine");
  if (named) return named;
  const rows = printedLines(result);
  const totalId = totalLineId({ lines: rows });
  const costLines = rows.filter((l) => l.kind === "cost");
  // With no total line, one cost line of several is not what the agreement costs: the Conclusion would understate it.
  if (!totalId && costLines.length > 1)
    throw new InputRejectedError([
      {
        field: "agreement.document.costLine",
        message:
          `the table has no printed total line and ${costLines.length} cost lines: ` +
          "add a total line (a sum of the cost lines) or name the line the Conclusion states",
      },
    ]);
  const id = totalId ?? costLines[0]?.id;
  return rows.find((l) => l.id === id) ?? rows[0]!;
}

/** The funding lines the scenario names, else the printed entered offsets and the printed sum that nets them, if the table has them. */
function fundingLines(scenario: Scenario, result: TableResult): { available?: LineResult; additional?: LineResult; source?: string } {
  const byId = (id: string | undefined) => (id === undefined ? undefined : result.lines.find((l) => l.id === id));
  const named = scenario.agreement.document?.funding;
  if (named)
    return {
      available: printedLineNamed(result, named.available, "agreement.document.funding.available"),
      additional: printedLineNamed(result, named.additional, "agreement.document.funding.additional"),
      source: named.source,
    };
  const offset = scenario.table.lines.find((l) => l.amounts && l.negate && isPrinted(l));
  if (!offset) return {};
  const net = scenario.table.lines.find((l) => l.sum?.includes(offset.id) && isPrinted(l));
  return { available: byId(offset.id), additional: byId(net?.id) };
}

function fundingOf(scenario: Scenario, result: TableResult, cost: LineResult, w: Wording): Funding | undefined {
  const { available, additional, source } = fundingLines(scenario, result);
  if (!available && !additional) return undefined;
  const years = fyColumns(result);
  const period = `the ${periodWords(years.map(yearOf))} ${w.plan}`;
  // The cost not yet funded: the scenario's own line for it, else the cost less the funding available
  // as the two rows print them, so a reader adding the rows gets the sentence's figure.
  const gap = additional ?? {
    ...cost,
    cells: Object.fromEntries(
      years.map((c) => {
        const exact = cost.cells[c]!.exact.plus(available!.cells[c]!.exact);
        return [c, { ...cost.cells[c]!, exact, display: cost.cells[c]!.display.plus(available!.cells[c]!.display) }];
      }),
    ),
  };
  // Judged on the printed cells: a gap the table prints as 0 would read "additional funding of $0".
  const needs = years.some((c) => gap.cells[c]!.display.greaterThan(0));
  const sufficient = !needs || source !== undefined;
  const sentences = [`Funds are ${sufficient ? "" : "not "}sufficient in ${period} to implement ${w.measure}.`];
  if (needs) {
    sentences.push(`To fund this cost, ${w.agency} requires additional funding of ${firstAndTotal(gap, result, false)}.`);
    if (source) sentences.push(`This funding is available from ${source}.`);
  } else if (available) {
    sentences.push(`The ${available.label} covers the cost in every year.`);
  }
  return { sufficient, sentences };
}

function costSentence(scenario: Scenario, result: TableResult, cost: LineResult, w: Wording, first: boolean): string {
  const kinds = new Set(scenario.items.map((i) => i.kind));
  const what = kinds.has("raises") ? (kinds.size > 1 ? "pay increases and other compensation" : "pay increases") : "compensation";
  const total = lineTotal(cost, fyColumns(result), result);
  const verb = total.isNegative() ? "save" : "cost";
  const who = first ? w.agencyFirst : w.agency;
  const subject = w.namedMeasure ? `${capitalized(w.measure)} will approve ${what} that will` : `The agreement provides ${what} that will`;
  return `${subject} ${verb} ${who} ${firstAndTotal(cost, result, true, total.isNegative() ? -1 : 1)}.`;
}

function headerOf(scenario: Scenario, options: DocumentOptions): HeaderField[] {
  const d = scenario.agreement.document;
  const fields: HeaderField[] = [];
  if (d?.to) fields.push({ label: "TO", lines: d.to });
  if (d?.from) fields.push({ label: "FROM", lines: d.from });
  fields.push({ label: "DATE", lines: [dateWords(d?.date ?? options.today)] });
  fields.push({ label: "SUBJECT", lines: [d?.subject ?? `Fiscal Impact Statement – ${scenario.agreement.name}`] });
  if (d?.reference) fields.push({ label: "REFERENCE", lines: [d.reference] });
  return fields;
}

/** "approximately 5,776 members with an average salary of approximately $105,272", from the group's inputs. */
function groupWords(scenario: Scenario): string[] {
  return scenario.groups.map((g) => {
    const stated = (p: { value: string; stated?: string; source: { kind: string } }, unit: string) =>
      p.source.kind === "calibrated" && p.stated && /^\d+(\.\d+)?$/.test(p.stated)
        ? `approximately ${valueWords(p.stated, unit)}`
        : valueWords(p.value, unit);
    const parts: string[] = [];
    if (g.positions) {
      const each = g.positions.map((p) => `${groupedNumber(p.count.value)} ${p.label} at ${valueWords(p.salary.value, "USD/year")}`);
      parts.push(`${listWords(each)}`);
    } else {
      if (g.members) parts.push(stated(g.members, "members"));
      if (g.averageSalary) parts.push(`${g.members ? "with " : ""}an average salary of ${stated(g.averageSalary, "USD")}`);
      if (g.payroll) parts.push(`${g.members ? "with " : ""}a payroll of ${stated(g.payroll, "USD")} a year`);
    }
    // A group stating only its headcount has no payroll to name.
    const total = g.positions ? `, a payroll of ${valueWords(statedPayroll(g).exact.toFixed(), "USD")} a year` : "";
    // The vacancy assumption changes every cost of the group, so the background states it beside the headcount.
    const vacancy = g.vacancyRate
      ? `; the estimate assumes a ${stated(g.vacancyRate, "share")} vacancy rate, costing the filled positions only`
      : "";
    return `It covers the ${g.label}: ${parts.join(" ")}${total}${vacancy}.`;
  });
}

function background(scenario: Scenario, w: Wording, registry: Registry | undefined): Block[] {
  const a = scenario.agreement;
  const opening = w.namedMeasure ? `${capitalized(w.measure)} approves the` : "This statement costs the";
  const blocks: Block[] = [
    { type: "heading", text: "Background" },
    {
      type: "paragraph",
      runs: [
        `${opening} ${a.name}, an agreement between ${a.employer} and ${a.union}. ` +
          `It is in effect from ${dateWords(a.effectiveFrom)} through ${dateWords(a.effectiveTo)}. ` +
          groupWords(scenario).join(" "),
      ],
    },
  ];
  // One subsection per kind of provision, in the order the items first name them.
  const sections = new Map<string, Block[]>();
  for (const item of scenario.items) {
    const p = provisionOf(item, scenario, registry);
    const section = sections.get(p.title) ?? [];
    section.push({ type: "paragraph", runs: [p.text] });
    const points = [...p.points, ...(item.kind === "raises" ? clampBasisPoints(scenario, item as RaisesItem) : [])];
    if (points.length) section.push({ type: "bullets", items: points.map((t) => [t]) });
    sections.set(p.title, section);
  }
  for (const [title, section] of sections) blocks.push({ type: "subheading", text: title }, ...section);
  const later = outYearsSentence(scenario);
  if (later) blocks.push({ type: "paragraph", runs: [later] });
  return blocks;
}

/**
 * A raise's dollar floor or cap, or a minimum salary, on a group costed at its average salary (or
 * payroll) is applied to that average, not member by member: the statement says so, as the cell's
 * explanation does.
 */
function clampBasisPoints(scenario: Scenario, item: RaisesItem): string[] {
  const clamped = item.steps.filter(isClamped);
  const minimum = item.steps.some((s) => s.type === "minimum");
  if (clamped.length === 0 && !minimum) return [];
  const floor = clamped.some((s) => s.atLeast);
  const cap = clamped.some((s) => s.atMost);
  const bounds = floor && cap ? "dollar floor and cap" : floor ? "dollar floor" : cap ? "dollar cap" : "";
  const what = [...(bounds ? [bounds] : []), ...(minimum ? ["minimum salary"] : [])].join(" and ");
  return coveredGroups(scenario, item)
    .filter((g) => salaryBases(g).some((b) => b.form === "average" || b.form === "payroll"))
    .map(
      (g) =>
        `The ${what} ${bounds && minimum ? "are" : "is"} applied to the average salary of the ${g.label}, not to each member's salary: ` +
        "the estimate is exact only if their salaries are near the average",
    );
}

/** Fiscal years of the table after the agreement ends: what the statement costs in them. */
function outYearsSentence(scenario: Scenario): string | undefined {
  const later = scenario.table.columns.fiscalYears.filter((fy) => afterAgreement(scenario, fy));
  if (later.length === 0) return undefined;
  const years = later.length === 1 ? `Fiscal year ${later[0]}` : `Fiscal years ${listWords(later.map(String))}`;
  return (
    `${years} ${later.length === 1 ? "falls" : "fall"} after the agreement ends on ${dateWords(scenario.agreement.effectiveTo)}: ` +
    "the raises stay in the base and no further raise is added; every other item costs what this estimate states for those years."
  );
}

/** A label as prose names it: a label in capitals ("TOTAL COST") in lower case. */
const proseLabel = (label: string): string => (label === label.toUpperCase() ? label.toLowerCase() : label);

/** A share as a percentage to one decimal, "approximately" when that rounds it. */
function shareWords(rate: string): string {
  const pct = new Decimal(rate).times(100);
  const shown = pct.toDecimalPlaces(1);
  return `${shown.equals(pct) ? "" : "approximately "}${shown.toFixed()} percent`;
}

/** The scenario's own words as a sentence of the prose: capitalized, ending in a stop. */
function asSentence(text: string): string {
  const t = capitalized(text.trim());
  return /[.!?]["')]?$/.test(t) ? t : `${t}.`;
}

function lineSentences(scenario: Scenario, result: TableResult): string[] {
  const years = fyColumns(result);
  const out: string[] = [];
  // A helper line is said only through the lines that use it: the prose states no figure the table does not print.
  for (const line of printedLines(result)) {
    const spec = scenario.table.lines.find((l) => l.id === line.id);
    // A line shown negated (funding available, a cost to a fund) is said as what its label names,
    // so its printed (negative) cells read positive; any other sign is kept as printed.
    const sign = spec?.negate ? -1 : 1;
    const money = (printed: Decimal) => {
      const d = printed.times(sign);
      const text = amountWords(d, result.display.rounding, result.display.unit).text;
      return d.isNegative() ? `-${text}` : text;
    };
    const all = years.map((c) => amountOf(line, c, result));
    const nonzero = years.filter((_, k) => !all[k]!.isZero());
    if (line.style === "total") continue;
    const items = scenario.items.filter((i) => i.line === line.id).map((i) => i.label);
    const said = items.every((i) => line.label.toLowerCase().includes(i.toLowerCase()));
    const label = `${proseLabel(line.label)}${items.length && !said ? ` (${listWords(items)})` : ""}`;
    if (line.printedAsZero !== undefined) {
      // Its cost is real but the table prints 0: the text says so and why, and quotes no amount the table does not print.
      if (years.some((c) => !line.cells[c]!.exact.isZero()))
        out.push(
          `The ${label} line is printed as $0 in the table; its cost is counted in the lines built on it. ` +
            asSentence(line.printedAsZero),
        );
      continue;
    }
    if (nonzero.length === 0) continue;
    // From the first year that costs something (years before the raise are zeros, not news).
    const from = years.indexOf(nonzero[0]!);
    const cells = all.slice(from);
    const firstYear = fiscalYearWords(yearOf(years[from]!));
    const total = lineTotal(line, years, result);
    const over = years.length === 1 ? "" : ` and ${money(total)} from ${periodWords(years.map(yearOf))}`;
    if (spec?.share) {
      const of = result.lines.find((l) => l.id === spec.share!.of);
      // A share of a helper line: the rate of a figure the reader cannot see says nothing, and its
      // name would point at a row the table does not have; the rate stays in the Assumptions.
      const rate = of && isPrinted(of) ? `, ${shareWords(spec.share.rate.value)} of the ${proseLabel(of.label)},` : "";
      out.push(`The ${label}${rate} is ${money(cells[0]!)} in ${firstYear}${over}.`);
    } else if (line.kind === "amounts") {
      out.push(`The ${label} is ${money(cells[0]!)} in ${firstYear}${over}.`);
    } else if (nonzero.length === 1 && years.length > 1 && nonzero[0] !== years[years.length - 1]) {
      // Costed in one year and not after it: a payment. One costed only in the last year is the
      // first year of a recurring cost, and is said as the others are.
      out.push(`${capitalized(label)} will be paid in ${fiscalYearWords(yearOf(nonzero[0]!))} at a cost of ${money(total)}.`);
    } else {
      out.push(`${capitalized(label)} will total ${money(cells[0]!)} in ${firstYear}${over}.`);
    }
  }
  return out;
}

function assumptionsSection(result: TableResult, scenario: Scenario, found: Calibration[]): Block[] {
  const rows = assumptionRows(result, scenario, found);
  return [
    { type: "heading", text: "Assumptions" },
    {
      type: "paragraph",
      runs: [
        `Every input the table's figures are computed from, with its value and source (${rows.length} inputs). ` +
          `Amounts are computed unrounded and shown ${result.units === "USD" ? "in dollars" : `in ${result.units}`}: ` +
          `${result.roundingRule}.`,
      ],
    },
    {
      type: "table",
      table: {
        id: "assumptions",
        title: [],
        unit: "",
        layout: "text",
        columns: [
          { label: "Input", align: "left" },
          { label: "Value", align: "right" },
          { label: "Source", align: "left" },
        ],
        rows: rows.map((r) => ({ cells: [r.label, r.value, r.source] })),
      },
    },
    ...(found.length
      ? ([
          { type: "subheading", text: "Calibrated inputs" },
          {
            type: "paragraph",
            runs: [
              `${found.length} ${found.length === 1 ? "input differs" : "inputs differ"} from what the documents state, ` +
                "so that the table reproduces the published figures; each is footnoted in the table with the reason.",
            ],
          },
          {
            type: "bullets",
            items: found.map((c): Inline[] => [
              { text: `${c.label}: `, bold: true },
              `${c.value}${c.stated ? ` (stated: ${c.stated})` : ""}, note ${c.mark}.`,
            ]),
          },
        ] satisfies Block[])
      : []),
  ];
}

export function buildFisDocument(scenario: Scenario, options: DocumentOptions): FisDocument {
  const result = computeTable(scenario, options.compute);
  const d = scenario.agreement.document;
  const w = wordingOf(scenario);
  const cost = statedCostLine(scenario, result);
  const funding = fundingOf(scenario, result, cost, w);
  const found = calibrations(result, scenario);
  const conclusion: Block[] = [
    ...(funding ? [{ type: "paragraph" as const, runs: [funding.sentences[0]!] }] : []),
    {
      type: "paragraph",
      runs: [[costSentence(scenario, result, cost, w, true), ...(funding?.sentences.slice(1) ?? [])].join(" ")],
    },
  ];
  const table = costTable(scenario, result, found);
  const date = d?.date ?? options.today;
  const title = d?.title ?? "Fiscal Impact Statement";
  const subject = d?.subject ?? `Fiscal Impact Statement – ${scenario.agreement.name}`;
  const blocks: Block[] = [
    { type: "heading", text: "Conclusion" },
    ...conclusion,
    ...background(scenario, w, options.registry),
    { type: "heading", text: "Financial Plan Impact" },
    ...(funding ? [{ type: "paragraph" as const, runs: [funding.sentences[0]!] }] : []),
    {
      type: "paragraph",
      runs: [[costSentence(scenario, result, cost, w, false), ...(funding?.sentences.slice(1) ?? [])].join(" ")],
    },
    ...lineSentences(scenario, result).map((sentence): Block => ({ type: "paragraph", runs: [sentence] })),
    { type: "table", table },
    ...tableNotes(result, found),
    ...assumptionsSection(result, scenario, found),
  ];
  const to = d?.to?.[0];
  return {
    kind: "fis",
    letterhead: d?.letterhead ?? [],
    title,
    header: headerOf(scenario, options),
    runningHead: [to, `FIS: ${subject.replace(/^Fiscal Impact Statement\s*[–-]\s*/, "")}`].filter(Boolean).join(" · "),
    blocks,
    meta: {
      title: subject,
      subject: scenario.agreement.name,
      author: d?.from?.[0] ?? "",
      date,
      fileName: `FIS ${scenario.name}`,
    },
  };
}

export { TOTAL_COLUMN };
