/**
 * Two scenarios -> a comparison memo: how much the scenario's cost differs from the baseline's by
 * line and year, and what each difference between them adds on its own plus what they add only
 * together (compare attribution, docs/attribution.md), in words and in tables, in the scenario's
 * display unit and rounding.
 */
import {
  attributeScenarios,
  computeTable,
  dateWords,
  formatDisplayed,
  printedLines,
  toDisplay,
  unitsHeading,
  type CellValues,
  type Decimal,
  type Scenario,
  type ScenarioAttribution,
} from "../engine/index";
import type { Block, DocTable, FisDocument } from "./document";
import { statedCostLine, type DocumentOptions } from "./fis-document";
import { capitalized, compactAmount } from "./words";

const NUMBER_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];
const countWords = (n: number): string => NUMBER_WORDS[n] ?? String(n);

/** "FY2026 base salary increase: 3% → 4%" -> "Raising the FY2026 base salary increase from 3% to 4%". */
export function changeWords(label: string): string {
  const m = label.match(/^(.*?):\s*(.+?)\s*→\s*(.+)$/);
  // Only a plain "what: from → to"; a structural change ("defined differently (… → …)") is said as it is.
  if (!m || /[()]/.test(`${m[2]}${m[3]}`) || m[3]!.includes("→")) return capitalized(label);
  const [, what, from, to] = m as unknown as [string, string, string, string];
  const number = (s: string) => {
    const n = s.replace(/[$,%\s]/g, "");
    return /^-?\d+(\.\d+)?$/.test(n) ? Number(n) : undefined;
  };
  const a = number(from);
  const b = number(to);
  const verb = a === undefined || b === undefined || a === b ? "Changing" : b > a ? "Raising" : "Lowering";
  const subject = /^[A-Z]{2,}|^FY\d/.test(what) ? `the ${what}` : `the ${what.charAt(0).toLowerCase()}${what.slice(1)}`;
  return `${verb} ${subject} from ${from} to ${to}`;
}

export function buildMemoDocument(baseline: Scenario, scenario: Scenario, options: DocumentOptions): FisDocument {
  const compute = options.compute;
  const a: ScenarioAttribution = attributeScenarios(baseline, scenario, compute ? { compute } : {});
  const ours = computeTable(scenario, compute);
  const theirs = computeTable(baseline, compute);
  const display = scenario.table.display;
  const shown = (d: Decimal) => toDisplay(d, display);
  const cell = (d: Decimal) => formatDisplayed(shown(d), display.decimals);
  const compact = (d: Decimal) => compactAmount(shown(d).abs(), display.unit, display.decimals);
  const signed = (d: Decimal) => `${shown(d).isNegative() ? "−" : shown(d).isZero() ? "" : "+"}${compact(d)}`;
  const labels = { ...theirs.columnLabels, ...ours.columnLabels };
  const columns = a.columns.map((c) => c.id);
  const years = columns.filter((c) => /^FY\d{4}$/.test(c));
  const totalColumn = columns.find((c) => c === "Total");
  // The statement's own choice, so the memo never summarizes a hidden line no table of either document prints.
  const costLine = statedCostLine(scenario, ours);
  const costId = costLine.id;
  const costLabel = costLine.label;
  // A line each statement prints as 0 still moves in cost; its row says so, or it would contradict both statements.
  const zeroIn = (id: string): string => {
    const inOurs = ours.lines.find((l) => l.id === id)?.printedAsZero !== undefined;
    const inTheirs = theirs.lines.find((l) => l.id === id)?.printedAsZero !== undefined;
    if (inOurs && inTheirs) return " (printed as 0 in the statements)";
    if (inOurs) return " (printed as 0 in the scenario's statement)";
    return inTheirs ? " (printed as 0 in the baseline's statement)" : "";
  };
  const overAll = (cells: Record<string, Decimal> | undefined): Decimal | undefined =>
    cells ? (totalColumn ? cells[totalColumn] : years.map((c) => cells[c]!).reduce((x, y) => x.plus(y))) : undefined;
  const span = `over the ${countWords(years.length)} years`;

  /** "adds $6,292K in FY2026 and $25,873K over the four years". */
  const effect = (cells: Record<string, Decimal> | undefined): string => {
    const total = overAll(cells);
    if (!cells || !total) return "changes nothing";
    const verb = (d: Decimal) => (d.isNegative() ? "saves" : "adds");
    const first = years.find((c) => !shown(cells[c]!).isZero());
    if (!first) {
      if (!shown(total).isZero()) return `${verb(total)} ${compact(total)} ${span}`;
      return total.isZero() ? "changes nothing" : "changes less than the table's rounding";
    }
    const firstText = `${verb(cells[first]!)} ${compact(cells[first]!)} in ${labels[first] ?? first}`;
    const nonzero = years.filter((c) => !shown(cells[c]!).isZero());
    if (nonzero.length === 1 || years.length === 1) return firstText;
    const same = total.isNegative() === cells[first]!.isNegative();
    return `${firstText} and ${same ? "" : `${verb(total)} `}${compact(total)} ${span}`;
  };

  const totalCost = a.total[costId];
  const totalAll = overAll(totalCost);
  const summary =
    totalAll === undefined || shown(totalAll).isZero()
      ? `${scenario.name} costs the same as ${baseline.name} in ${costLabel} ${span}, as the table shows it.`
      : `${scenario.name} costs ${compact(totalAll)} ${totalAll.isNegative() ? "less" : "more"} than ${baseline.name} ${span} ` +
        `(${costLabel}; ${years.map((c) => `${signed(totalCost![c]!)} in ${labels[c] ?? c}`).join(", ")}).`;

  const sentences = a.differences.map((d) =>
    d.appliesAlone
      ? `${changeWords(d.label)} ${effect(d.alone[costId])}.`
      : `${changeWords(d.label)} cannot be made on its own (the scenario it would make is refused); its effect is in the interaction.`,
  );
  const interaction = a.interaction[costId];
  const interactionAll = overAll(interaction);
  const interactionText =
    interactionAll && !shown(interactionAll).isZero()
      ? `Made together, the differences ${effect(interaction).replace(/^(add|save)s /, "$1 ")} ` +
        "beyond the sum of their effects alone (the interaction: " +
        "what they add only in combination, such as a raise compounding on another raise)."
      : a.differences.length > 1
        ? "The differences do not interact here: their effects alone add up to the total, to the table's rounding."
        : "";

  const byLine: DocTable = {
    id: "difference",
    title: [`Difference by line and year: ${scenario.name} less ${baseline.name}`],
    unit: unitsHeading(display.unit),
    layout: "numbers",
    columns: [{ label: "", align: "left" }, ...columns.map((c) => ({ label: labels[c] ?? c, align: "right" as const }))],
    rows: printedLines(a).map((l) => ({
      cells: [
        `${l.label}${l.side === "baseline" ? " (only in the baseline)" : l.side === "scenario" ? " (only in the scenario)" : ""}` +
          zeroIn(l.id),
        ...columns.map((c) => cell(a.total[l.id]![c]!)),
      ],
      ...(l.id === costId ? { style: "total" as const } : {}),
    })),
  };
  const rowOf = (label: string, cells: CellValues[string] | undefined, style?: "total") => ({
    cells: [label, ...columns.map((c) => (cells ? cell(cells[c]!) : ""))],
    ...(style ? { style } : {}),
  });
  const attribution: DocTable = {
    id: "attribution",
    title: [`What each difference adds to ${costLabel}`],
    unit: unitsHeading(display.unit),
    layout: "numbers",
    columns: byLine.columns,
    rows: [
      ...a.differences.map((d) => rowOf(d.appliesAlone ? d.label : `${d.label} (cannot be made alone)`, d.alone[costId])),
      rowOf("Interaction (only together)", interaction),
      rowOf("Total difference", totalCost, "total"),
    ],
  };

  const reasons = a.found.map((f) => ({ mark: "•", text: `${f.label}. Baseline: ${f.reasonA || "—"}. Scenario: ${f.reasonB || "—"}.` }));
  const blocks: Block[] = [
    { type: "heading", text: "Summary" },
    { type: "paragraph", runs: [summary] },
    { type: "heading", text: "What each difference adds" },
    {
      type: "paragraph",
      runs: [
        `${a.differences.length} ${a.differences.length === 1 ? "difference" : "differences"} between the two scenarios. ` +
          `Each is costed alone (the baseline with only that change made); the interaction is what they add only together. ` +
          `Rows and interaction add up to the total difference exactly in unrounded dollars; each cell is rounded on its own.`,
      ],
    },
    ...(sentences.length ? [{ type: "bullets" as const, items: sentences.map((s) => [s]) }] : []),
    ...(interactionText ? [{ type: "paragraph" as const, runs: [interactionText] }] : []),
    { type: "table", table: attribution },
    { type: "table", table: byLine },
    ...(reasons.length ? [{ type: "notes" as const, title: "Why each side has its value", notes: reasons }] : []),
  ];
  const d = scenario.agreement.document;
  const subject = `${scenario.name} compared with ${baseline.name}`;
  return {
    kind: "memo",
    letterhead: d?.letterhead ?? [],
    title: "Comparison Memo",
    header: [
      ...(d?.to ? [{ label: "TO", lines: d.to }] : []),
      ...(d?.from ? [{ label: "FROM", lines: d.from }] : []),
      { label: "DATE", lines: [dateWords(options.today)] },
      { label: "SUBJECT", lines: [subject] },
      { label: "REFERENCE", lines: [scenario.agreement.name] },
    ],
    runningHead: `Comparison memo: ${subject}`,
    blocks,
    meta: {
      title: subject,
      subject: scenario.agreement.name,
      author: d?.from?.[0] ?? "",
      date: options.today,
      fileName: `Memo ${subject}`,
    },
  };
}
