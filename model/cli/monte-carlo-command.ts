/**
 * `npm run --silent fis -- --monte-carlo N [--seed S] [--exceed LINE.COL>AMOUNT[,…]] [--focus LINE.COL] [--json]`:
 * ranges of every cell from N draws of the scenario's uncertain inputs (its "uncertainty" block).
 * Text: P50 with P5–P95 by line and column in the table's unit, the probabilities asked for and
 * the inputs that drive the focus cell; JSON: the same numbers in dollars.
 */
import { Decimal, dollarsText, monteCarlo, printedLines, type ComputeOptions, type MonteCarloResult, type Scenario } from "../engine/index";
import { UsageError, type ParsedArgs } from "./args";
import type { CommandOutput } from "./analysis-commands";

export const MONTE_CARLO_VALUE_FLAGS = ["--monte-carlo", "--seed", "--exceed", "--focus"];

export const MONTE_CARLO_USAGE = `Ranges (Monte Carlo over the scenario's "uncertainty" block; see docs/ranges-and-fast-path.md):
  --monte-carlo N      N draws (1 to 1,000,000; the block's "draws", else 10,000, when N is "default")
     --seed S          seed of the draws (default: the block's, else 1); the same seed gives the same ranges
     --exceed LINE.COL>AMOUNT   probability the cell exceeds AMOUNT dollars, e.g. totalCost.FY2028>70000000
                       or costFundedByWia.FY2028>70M; several separated by commas
     --focus LINE.COL  the cell whose drivers and histogram are reported (default: the total line's total)`;

function cellRef(text: string, flag: string): { lineId: string; column: string } {
  const m = /^([A-Za-z][A-Za-z0-9_-]*)\.([A-Za-z0-9]+)$/.exec(text.trim());
  if (!m) throw new UsageError(`${flag} ${text}: write LINE.COLUMN, e.g. totalCost.FY2028`);
  return { lineId: m[1]!, column: m[2]! };
}

/** "70M", "$70,000,000", "1.5e6" -> dollars. */
export function parseAmount(text: string): Decimal | null {
  const t = text.replace(/[\s$,_]/g, "");
  const m = /^(-?\d+(?:\.\d+)?(?:e[-+]?\d+)?)([KMB])?$/i.exec(t);
  if (!m) return null;
  const scale = { K: 1e3, M: 1e6, B: 1e9 }[(m[2] ?? "").toUpperCase() as "K" | "M" | "B"] ?? 1;
  const dollars = new Decimal(m[1]!).times(scale);
  // Past a quadrillion dollars a threshold is a typing slip (1e400 was read, and printed as "$∞").
  return dollars.abs().greaterThan(MAX_AMOUNT) ? null : dollars;
}

const MAX_AMOUNT = new Decimal("1e15");

function parseExceed(text: string): { lineId: string; column: string; dollars: Decimal }[] {
  // A comma starts another threshold only before a LINE.COL>: "totalCost.FY2028>70,000" is one amount.
  return text.split(/,(?=\s*[A-Za-z][A-Za-z0-9_-]*\.[A-Za-z0-9]+\s*>)/).map((part) => {
    const [cell, amount] = part.split(">");
    if (cell === undefined || amount === undefined)
      throw new UsageError(`--exceed ${part}: write LINE.COL>AMOUNT, e.g. totalCost.FY2028>70000000`);
    const dollars = parseAmount(amount);
    if (!dollars)
      throw new UsageError(`--exceed ${part}: "${amount}" is not an amount of dollars up to 1e15 (e.g. 70000000, 70,000,000 or 70M)`);
    return { ...cellRef(cell, "--exceed"), dollars };
  });
}

const pct = (p: number) => `${(100 * p).toFixed(1)}%`;
const cents = (x: number) => Math.round(x * 100) / 100;

export function monteCarloJson(r: MonteCarloResult): unknown {
  return {
    draws: r.draws,
    seed: r.seed,
    path: r.path,
    note:
      "Statistics of the draws, in dollars (rounded to cents); percentiles by nearest rank. " +
      "The ranges rest on the assumed distributions listed.",
    inputs: r.inputs.map((i) => ({ path: i.path, label: i.label, distribution: i.distribution, text: i.text })),
    units: r.units,
    columns: r.columns,
    lines: printedLines(r).map((l) => ({
      id: l.id,
      label: l.label,
      cells: Object.fromEntries(
        Object.entries(l.cells).map(([c, x]) => [
          c,
          {
            mean: cents(x.mean),
            sem: cents(x.sem),
            sd: cents(x.sd),
            min: cents(x.min),
            p5: cents(x.p5),
            p50: cents(x.p50),
            p95: cents(x.p95),
            max: cents(x.max),
            display: x.display,
          },
        ]),
      ),
    })),
    exceed: r.exceed.map((x) => ({
      line: x.lineId,
      column: x.column,
      limit: x.limit,
      probability: x.probability,
      standardError: x.standardError,
      count: x.count,
    })),
    focus: { line: r.focus.lineId, column: r.focus.column, drivers: r.focus.drivers, histogram: r.focus.histogram },
  };
}

export function monteCarloText(r: MonteCarloResult): string {
  const out: string[] = [];
  out.push(
    `Ranges of ${r.scenarioName}: ${r.draws.toLocaleString("en-US")} draws, seed ${r.seed} (${r.path} path, ${Math.round(r.ms)} ms)`,
  );
  out.push("These ranges rest on assumptions, not published figures:");
  for (const i of r.inputs) out.push(`  ${i.label} (${i.path}): ${i.text}`);
  out.push("");
  out.push(`P50 (P5 to P95), ${r.units}:`);
  const rows = printedLines(r);
  const widths = r.columns.map((c) => Math.max((r.columnLabels[c] ?? c).length, ...rows.map((l) => cellText(l.cells[c]!).length)));
  const labelWidth = Math.max(...rows.map((l) => l.label.length));
  out.push(`${"".padEnd(labelWidth)}  ${r.columns.map((c, i) => (r.columnLabels[c] ?? c).padStart(widths[i]!)).join("  ")}`);
  for (const l of rows)
    out.push(`${l.label.padEnd(labelWidth)}  ${r.columns.map((c, i) => cellText(l.cells[c]!).padStart(widths[i]!)).join("  ")}`);
  for (const x of r.exceed)
    out.push(
      `\nP(${x.lineLabel}, ${x.columnLabel} > ${dollarsText(x.limit)}) = ` +
        `${pct(x.probability)} (standard error ${pct(x.standardError)})`,
    );
  out.push(`\nWhat drives ${r.focus.label} (Spearman rank correlation; share of the squared correlations):`);
  for (const d of r.focus.drivers) out.push(`  ${d.label} (${d.path}): ${d.rankCorrelation.toFixed(3)}; ${pct(d.share)}`);
  return out.join("\n");
}

const cellText = (c: MonteCarloResult["lines"][number]["cells"][string]) => `${c.display.p50} (${c.display.p5} to ${c.display.p95})`;

export function monteCarloCommand(args: ParsedArgs, scenario: Scenario, computeOptions: ComputeOptions = {}): CommandOutput | undefined {
  const n = args.values.get("--monte-carlo");
  if (n === undefined) {
    for (const flag of ["--seed", "--exceed", "--focus"])
      if (args.values.has(flag)) throw new UsageError(`${flag} goes with --monte-carlo N`);
    return undefined;
  }
  if (!scenario.uncertainty || Object.keys(scenario.uncertainty.inputs).length === 0)
    throw new UsageError(
      'the scenario has no uncertain inputs: add an "uncertainty" block giving inputs a distribution ' +
        '(docs/scenario-format.md, "Uncertain inputs")',
    );
  // Digits only: Number() also reads "0x10" (16 draws) and "1e3".
  const wholeNumber = (t: string) => (/^\d+$/.test(t.trim()) ? Number(t) : Number.NaN);
  const draws = n === "default" ? undefined : wholeNumber(n);
  if (draws !== undefined && !(Number.isInteger(draws) && draws >= 1 && draws <= 1_000_000))
    throw new UsageError(`--monte-carlo ${n}: write a whole number of draws from 1 to 1,000,000`);
  const seedText = args.values.get("--seed");
  const seed = seedText === undefined ? undefined : wholeNumber(seedText);
  if (seed !== undefined && !(Number.isInteger(seed) && seed >= 0 && seed <= 4_294_967_295))
    throw new UsageError(`--seed ${seedText}: write a whole number from 0 to 4294967295`);
  const exceedText = args.values.get("--exceed");
  const focus = args.values.get("--focus");
  let result: MonteCarloResult;
  try {
    result = monteCarlo(scenario, {
      ...(draws !== undefined ? { draws } : {}),
      ...(seed !== undefined ? { seed } : {}),
      ...(exceedText ? { exceed: parseExceed(exceedText) } : {}),
      ...(focus ? { focus: cellRef(focus, "--focus") } : {}),
      computeOptions,
      now: () => performance.now(),
    });
  } catch (e) {
    if (e instanceof UsageError) throw e;
    if (/^no (line|column) /.test((e as Error).message)) throw new UsageError((e as Error).message);
    throw e;
  }
  return { text: monteCarloText(result), json: monteCarloJson(result) };
}
