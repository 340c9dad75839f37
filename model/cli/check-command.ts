/**
 * --check: does the scenario reproduce the note it was written from? Each figure of
 * table.published against the computed cell as the table displays it, by the engine's rule for the
 * Variance column (checkPublishedFigures); the cells that differ as a table, a count of the matches,
 * and exit code 3 when a figure is not reproduced, so a script can tell that from bad input (2).
 */
import {
  checkPublishedFigures,
  formatDisplayed,
  unitsHeading,
  unitsWords,
  type Decimal,
  type PublishedCellCheck,
  type PublishedCheck,
  type TableResult,
} from "../engine/index";
import { UsageError, type ParsedArgs } from "./args";
import { textTable, type TextColumn } from "./text-table";

export const CHECK_BOOLEAN_FLAGS = ["--check"];
/** Exit code of a --check that finds a published figure the scenario does not reproduce. */
export const CHECK_FAILED = 3;

export const CHECK_USAGE = `  --check              does the scenario reproduce its published figures (table.published)? Each printed
                       cell against the computed one at the table's unit and rounding; prints the cells that differ
                       and "N of M published cells match"; exit 3 when one differs. Goes with --scenario, --json,
                       --method and its options, --assumptions and its options`;

/** What may go with --check: what changes the scenario checked, and --json. */
const WITH_CHECK = new Set([
  "--check",
  "--scenario",
  "--json",
  "--method",
  "--census",
  "--separation-rate",
  "--held-share",
  "--assumptions",
  "--assumptions-sheet",
  "--assumptions-from-other",
  "--confirm-outliers",
]);

/** Refuses the options --check would otherwise leave unheard (another output, another command). */
export function refuseWithCheck(args: ParsedArgs): void {
  if (!args.flags.has("--check")) return;
  const others = [...args.flags, ...args.values.keys()].filter((f) => !WITH_CHECK.has(f));
  if (others.length > 0)
    throw new UsageError(`--check compares the table with the scenario's published figures on its own; leave out ${others.join(", ")}`);
}

const LABEL_WIDTH = 60;

/** Signed as the Variance column shows it: "+1", "(1)". */
function signed(d: Decimal, decimals: number): string {
  const text = formatDisplayed(d, decimals, false);
  return d.isNegative() ? text : `+${text}`;
}

function noteOf(c: PublishedCellCheck, shown: (d: Decimal) => string): string {
  if (c.status === "notInTable") return c.missing === "line" ? `the table has no line ${c.line}` : `the table has no ${c.column} column`;
  const notes: string[] = [];
  if (c.disagreement)
    notes.push(
      c.status === "recorded"
        ? `as recorded: the note's stated inputs give ${shown(c.disagreement.fromStatedInputs)}`
        : `recorded: the stated inputs give ${shown(c.disagreement.fromStatedInputs)}, not what is computed`,
    );
  if (c.calibrated) notes.push("an input was calibrated from this figure");
  return notes.join("; ");
}

function verdict(check: PublishedCheck): string {
  if (!check.reproduced) {
    const differ = check.cells.filter((c) => c.status === "differs").length;
    const absent = check.cells.filter((c) => c.status === "notInTable").length;
    const parts = [
      ...(differ > 0 ? [`${differ} ${differ === 1 ? "cell differs" : "cells differ"}`] : []),
      ...(absent > 0 ? [`${absent} ${absent === 1 ? "is" : "are"} not in the table`] : []),
    ];
    return `The scenario does not reproduce the published table: ${parts.join(", ")}.`;
  }
  if (check.recorded > 0)
    return `The scenario reproduces every published figure but the ${check.recorded} the file records as the note's own disagreements.`;
  return "The scenario reproduces the published table.";
}

export function formatPublishedCheck(check: PublishedCheck, result: TableResult): string {
  const off = check.cells.filter((c) => c.status !== "matches");
  // A printed figure may carry more decimals than the table shows: shown as printed, so the difference never reads 0.
  const decimals = Math.max(
    result.display.decimals,
    ...off.flatMap((c) => [
      c.published.decimalPlaces(),
      c.difference?.decimalPlaces() ?? 0,
      c.disagreement?.fromStatedInputs.decimalPlaces() ?? 0,
    ]),
  );
  const shown = (d: Decimal) => formatDisplayed(d, decimals);
  const unit = unitsHeading(result.display.unit);
  const out = [`Published figures of "${result.scenarioName}" ${unit}: ${check.source}`, `Computed cells: ${result.roundingRule}.`, ""];
  if (off.length > 0) {
    const columns: TextColumn[] = [
      { align: "left", minWidth: 24 },
      { align: "left" },
      { align: "right", minWidth: 12 },
      { align: "right", minWidth: 12 },
      { align: "right", minWidth: 12 },
      { align: "left" },
    ];
    const rows = [
      ["Line", "Column", "Published", "Computed", "Difference", ""],
      ...off.map((c) => [
        c.lineLabel.slice(0, LABEL_WIDTH - 1),
        c.columnLabel,
        shown(c.published),
        c.computed ? shown(c.computed) : "-",
        c.difference ? signed(c.difference, decimals) : "-",
        noteOf(c, shown),
      ]),
    ];
    out.push(`Cells that differ ${unit}, difference = computed - published:`, ...textTable(columns, rows), "");
  }
  out.push(`${check.matches} of ${check.cells.length} published cells match.`);
  if (check.recorded > 0)
    out.push(
      `${check.recorded} more ${check.recorded === 1 ? "differs" : "differ"} as the file records ` +
        "(table.published.expectedDisagreements): the note prints a figure its stated inputs do not give.",
    );
  const calibrated = check.cells.filter((c) => c.calibrated && c.status === "matches").length;
  if (calibrated > 0)
    out.push(
      `${calibrated} of the matches ${calibrated === 1 ? "is a figure" : "are figures"} an input was calibrated from ` +
        "(table.published.calibratedFrom): reproduced by construction, not an independent check.",
    );
  out.push(verdict(check));
  return out.join("\n");
}

export function publishedCheckJson(check: PublishedCheck, result: TableResult): unknown {
  // Displayed figures have a few decimals at most, which a JS number holds exactly.
  const n = (d: Decimal | undefined) => d?.toNumber();
  return {
    scenario: result.scenarioName,
    source: check.source,
    units: unitsWords(check.unit),
    published: check.cells.length,
    matches: check.matches,
    recorded: check.recorded,
    reproduced: check.reproduced,
    cells: check.cells.map((c) => ({
      cell: c.cell,
      line: c.line,
      label: c.lineLabel,
      column: c.column,
      columnLabel: c.columnLabel,
      status: c.status,
      published: n(c.published),
      computed: n(c.computed),
      difference: n(c.difference),
      ...(c.disagreement ? { fromStatedInputs: n(c.disagreement.fromStatedInputs), reason: c.disagreement.reason } : {}),
      calibrated: c.calibrated,
    })),
  };
}

/** The check of a computed table, or a UsageError (exit 2) when the scenario carries no published figures to check. */
export function runCheck(result: TableResult, scenarioRef: string | undefined): PublishedCheck {
  const check = checkPublishedFigures(result);
  // A published block whose values are empty checks nothing: "0 of 0 match" with exit 0 read as a pass.
  if (!check || check.cells.length === 0)
    throw new UsageError(
      `${scenarioRef ?? result.scenarioName}: no published figures to check against; --check needs table.published, the figures ` +
        "the note prints (docs/scenario-format.md)",
      false,
    );
  return check;
}
