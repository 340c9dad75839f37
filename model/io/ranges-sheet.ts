/**
 * The workbook's "Ranges" sheet for a scenario with uncertain inputs: the Monte Carlo run's
 * percentiles of every cell, beside the assumptions they rest on. The statistics are values, not
 * formulas (a spreadsheet cannot redraw the run); the sheet says how to reproduce them.
 */
import type * as XLSX from "xlsx";
import { printedLines, type MonteCarloResult } from "../engine/index";
import { num, sheetFromRows, text, type Row } from "./sheet-cells";

export const RANGE_FORMAT = "#,##0;(#,##0)";
const PERCENT = "0.0%";

export function rangesSheet(r: MonteCarloResult): XLSX.WorkSheet {
  const rows: Row[] = [];
  const add = (...cells: (XLSX.CellObject | null)[]) => rows.push(cells);
  add(text(`Ranges: ${r.scenarioName}`));
  add(
    text(
      `Monte Carlo: ${r.draws.toLocaleString("en-US")} draws, seed ${r.seed}. ` +
        "These ranges rest on the assumed distributions below, not on published figures. " +
        "Dollars; percentiles by nearest rank (each is one drawn scenario's cost).",
    ),
  );
  add(text(`Reproduce: npm run --silent fis -- --scenario <this scenario's file> --monte-carlo ${r.draws} --seed ${r.seed}`));
  add();
  add(text("Uncertain input"), text("Path"), text("Distribution"), text("Note"));
  for (const i of r.inputs) add(text(i.label), text(i.path), text(i.text), i.distribution.note ? text(i.distribution.note) : null);
  add();
  add(
    text("Line"),
    text("Column"),
    text("P5"),
    text("P50"),
    text("P95"),
    text("Mean"),
    text("Std. error of the mean"),
    text("Min"),
    text("Max"),
  );
  for (const line of printedLines(r))
    for (const column of r.columns) {
      const c = line.cells[column]!;
      add(
        text(line.label),
        text(r.columnLabels[column] ?? column),
        ...[c.p5, c.p50, c.p95, c.mean, c.sem, c.min, c.max].map((v) => num(Math.round(v * 100) / 100, RANGE_FORMAT)),
      );
    }
  if (r.exceed.length) {
    add();
    add(text("Line"), text("Column"), text("Limit"), text("Probability above"), text("Standard error"));
    for (const x of r.exceed)
      add(
        text(x.lineLabel),
        text(x.columnLabel),
        num(Number(x.limit), RANGE_FORMAT),
        num(x.probability, PERCENT),
        num(x.standardError, PERCENT),
      );
  }
  add();
  add(text(`What drives ${r.focus.label}`), text("Spearman rank correlation"), text("Share of squared correlations"));
  for (const d of r.focus.drivers) add(text(d.label), num(Math.round(d.rankCorrelation * 1000) / 1000, "0.000"), num(d.share, PERCENT));
  return sheetFromRows(rows, [46, 34, 40, 16, 16, 16, 18, 16, 16]);
}
