/**
 * Does a scenario reproduce the note it was written from? Each figure of table.published against
 * the computed cell as the table displays it (the table's unit, decimals and rounding rule), by the
 * rule of the workbench's Variance column: computed displayed figure minus printed figure, a match
 * when that is zero. Nothing is rounded again here: a printed figure with more decimals than the
 * table shows is compared as printed, so a difference below the display's precision still shows.
 */
import { Decimal } from "../decimal";
import type { TableResult } from "../compute";
import type { Display } from "../table/schema";
import { printedLines } from "../table/printed";

/** The Variance column's figure: the computed cell as displayed minus the printed figure, in the display unit. */
export function publishedVariance(displayed: Decimal, published: number | Decimal): Decimal {
  return displayed.minus(published);
}

/**
 * matches: the displayed cell is the printed figure. differs: it is not. recorded: it is not, and the
 * file lists the cell under expectedDisagreements with the figure the note's stated inputs give,
 * which is the one computed. notInTable: the table has no such cell (a Total or Annualized column it
 * does not show, or a line a salary method left out), so the figure cannot be reproduced.
 */
export type PublishedCellStatus = "matches" | "differs" | "recorded" | "notInTable";

export interface PublishedCellCheck {
  /** "lineId.column", as expectedDisagreements and --explain name a cell. */
  cell: string;
  line: string;
  column: string;
  /** The line's and column's labels as the table prints them; the ids when the table has no such line or column. */
  lineLabel: string;
  columnLabel: string;
  published: Decimal;
  /** What the table lacks when the status is notInTable. */
  missing?: "line" | "column";
  /** The computed cell as displayed; absent when the table has no such cell. */
  computed?: Decimal;
  /** computed - published (publishedVariance); absent when the table has no such cell. */
  difference?: Decimal;
  status: PublishedCellStatus;
  /** The file's record of a printed figure the note's stated inputs do not give. */
  disagreement?: { fromStatedInputs: Decimal; reason: string };
  /** An input was calibrated from this figure: it is reproduced by construction, not an independent check. */
  calibrated: boolean;
}

export interface PublishedCheck {
  source: string;
  unit: Display["unit"];
  /** In the order of table.published.values. */
  cells: PublishedCellCheck[];
  matches: number;
  /** Cells that differ as the file records (status recorded). */
  recorded: number;
  /** Every cell matches or differs only as recorded. */
  reproduced: boolean;
}

/** Each published figure of the result's scenario against its computed cell; undefined when the scenario carries none. */
export function checkPublishedFigures(result: TableResult): PublishedCheck | undefined {
  const published = result.published;
  if (!published) return undefined;
  // Validation refuses figures in another unit than the table's; a figure compared across units would be off by 1,000.
  if (published.unit !== result.display.unit)
    throw new Error(`the published figures are in ${published.unit} but the table displays ${result.display.unit}`);
  // A helper line prints no cell to check against (validation refuses figures for one).
  const lines = new Map(printedLines(result).map((l) => [l.id, l]));
  const disagreements = new Map((published.expectedDisagreements ?? []).map((d) => [d.cell, d]));
  const calibrated = new Set((published.calibratedFrom ?? []).map((c) => c.cell));
  const cells: PublishedCellCheck[] = [];
  for (const [lineId, row] of Object.entries(published.values))
    for (const [column, figure] of Object.entries(row)) {
      const ref = `${lineId}.${column}`;
      const line = lines.get(lineId);
      const shown = line?.cells[column]?.display;
      const recorded = disagreements.get(ref);
      const base = {
        cell: ref,
        line: lineId,
        column,
        lineLabel: line?.label ?? lineId,
        columnLabel: result.columnLabels[column] ?? column,
        published: new Decimal(figure),
        calibrated: calibrated.has(ref),
        ...(recorded ? { disagreement: { fromStatedInputs: new Decimal(recorded.fromStatedInputs), reason: recorded.reason } } : {}),
      };
      if (shown === undefined) {
        cells.push({ ...base, status: "notInTable", missing: line ? "column" : "line" });
        continue;
      }
      const difference = publishedVariance(shown, figure);
      const status: PublishedCellStatus = difference.isZero()
        ? "matches"
        : recorded && shown.equals(recorded.fromStatedInputs)
          ? "recorded"
          : "differs";
      cells.push({ ...base, computed: shown, difference, status });
    }
  const matches = cells.filter((c) => c.status === "matches").length;
  const recordedCount = cells.filter((c) => c.status === "recorded").length;
  return {
    source: published.source,
    unit: published.unit,
    cells,
    matches,
    recorded: recordedCount,
    reproduced: matches + recordedCount === cells.length,
  };
}
