/**
 * Compare: a baseline and one or more scenarios. For each scenario, what every difference from the
 * baseline adds to each cell (alone, plus the interaction: what the differences add only together),
 * as a table and a waterfall; then every line side by side. Method: docs/attribution.md.
 */
import { Fragment, useMemo, useState } from "react";
import { Exact } from "../../model/engine/analysis/attribution";
import { TOTAL_COLUMN, type TableResult } from "../../model/engine/compute";
import type { Decimal } from "../../model/engine/decimal";
import type { Census } from "../../model/engine/schedule/types";
import { printedLines } from "../../model/engine/table/printed";
import { useAttribution } from "../analysis/use-attribution";
import type { AttributionData, CellStrings } from "../analysis/jobs";
import { Waterfall, type WaterfallStep } from "../charts/Waterfall";
import { money } from "../format/number";
import { compareAmountText, dollarsText, percentChangeText, thousandsText, varianceText } from "../format/money";
import { compareSelection, type CompareChoice } from "../state/compare-selection";
import { tableFor } from "../state/compute-cache";
import { useTables, viewOf } from "../state/use-table";
import { sideBySideUnits } from "./side-by-side";
import { TableJobStatus } from "./TableJobStatus";
import { useApp } from "../state/context";

type Units = "thousands" | "dollars";
type View = "alone" | "shapley";

const columnTitle = (c: string) => (c === TOTAL_COLUMN ? "Total" : c.replace(/^FY(\d{4})$/, "FY $1"));
const exact = (cells: CellStrings, line: string, column: string): Decimal => new Exact(cells[line]?.[column] ?? "0");

/** The table's total line (TOTAL COST) where it has one. */
function defaultLine(data: AttributionData, table: TableResult): string {
  const rows = printedLines(data);
  const total = table.lines.find((l) => l.style === "total" && rows.some((x) => x.id === l.id));
  const moved = rows.find((l) => data.columns.some((c) => !exact(data.total, l.id, c.id).isZero()));
  return total?.id ?? moved?.id ?? rows[0]?.id ?? "";
}

function PairAttribution({ baseline, scenario, census }: { baseline: CompareChoice; scenario: CompareChoice; census: Census | null }) {
  const [view, setView] = useState<View>("alone");
  // The baseline's own unit first: a note printed in whole dollars is read in dollars.
  const [units, setUnits] = useState<Units>(baseline.scenario.table.display.unit === "dollars" ? "dollars" : "thousands");
  const [chosenLine, setLine] = useState<string | null>(null);
  const [chosenColumn, setColumn] = useState<string | null>(null);
  const [showAll, setShowAll] = useState(false);
  const alone = useAttribution(baseline.scenario, scenario.scenario, census, false);
  const shared = useAttribution(baseline.scenario, scenario.scenario, census, view === "shapley");
  const display = baseline.scenario.table.display;
  const baseTable = tableFor(baseline.scenario, census);

  if (alone.status === "computing")
    return (
      <p className="muted" data-testid="attribution-computing">
        Costing each difference…
      </p>
    );
  if (alone.status === "error") return <p className="error">The comparison could not be costed: {alone.message}</p>;
  const data = alone.data;
  const shapley = view === "shapley" && shared.status === "done" ? shared.data.shapley : null;
  // A helper line (printed on neither side) is attributed but offered as no line of the comparison.
  const lines = printedLines(data);
  const line = chosenLine && lines.some((l) => l.id === chosenLine) ? chosenLine : defaultLine(data, baseTable);
  const lineInfo = data.lines.find((l) => l.id === line);
  const columns = data.columns;
  const column =
    chosenColumn && columns.some((c) => c.id === chosenColumn) ? chosenColumn : (columns[columns.length - 1]?.id ?? TOTAL_COLUMN);
  const n = data.differences.length;

  const rows = data.differences.map((d) => ({ ...d, cells: shapley?.values[d.id] ?? d.alone }));
  const moves = (cells: CellStrings) => columns.some((c) => !exact(cells, line, c.id).isZero());
  const shown = showAll ? rows : rows.filter((r) => moves(r.cells));
  const hidden = rows.length - shown.length;
  const interaction = shapley ? null : data.interaction;
  const fmt = (d: Decimal, signed = false) => compareAmountText(d, units, display, signed);
  const unitWords = units === "dollars" ? "dollars" : "$ thousands";
  const cell = (cells: CellStrings, c: string, testId: string) => {
    const v = exact(cells, line, c);
    return (
      <td key={c} className="num" data-testid={testId} data-exact={v.toFixed()} title={`${money(v)} unrounded`}>
        {fmt(v)}
      </td>
    );
  };

  const steps: WaterfallStep[] = [
    {
      label: `${baseline.name} (baseline)`,
      value: exact(data.baseline, line, column),
      kind: "total",
      text: fmt(exact(data.baseline, line, column)),
    },
    ...rows
      .filter((r) => !exact(r.cells, line, column).isZero())
      .map((r): WaterfallStep => ({
        label: r.label,
        value: exact(r.cells, line, column),
        kind: "change",
        text: fmt(exact(r.cells, line, column), true),
      })),
    ...(interaction && !exact(interaction, line, column).isZero()
      ? [
          {
            label: "Interaction (only together)",
            value: exact(interaction, line, column),
            kind: "change" as const,
            text: fmt(exact(interaction, line, column), true),
          },
        ]
      : []),
    { label: scenario.name, value: exact(data.scenario, line, column), kind: "total", text: fmt(exact(data.scenario, line, column)) },
  ];
  const largestError = shapley?.standardError
    ? rows.reduce((m, r) => {
        const e = exact(shapley.standardError![r.id] ?? {}, line, column);
        return e.greaterThan(m) ? e : m;
      }, new Exact(0))
    : null;

  return (
    <div className="attribution" data-testid="attribution">
      <div className="attribution-controls">
        <label>
          Line{" "}
          <select data-testid="attribution-line" value={line} onChange={(e) => setLine(e.target.value)}>
            {lines.map((l) => (
              <option key={l.id} value={l.id}>
                {l.label}
                {l.side !== "both" ? ` (only in the ${l.side})` : ""}
                {columns.every((c) => exact(data.total, l.id, c.id).isZero()) ? " (no difference)" : ""}
              </option>
            ))}
          </select>
        </label>
        <label>
          Show{" "}
          <select data-testid="attribution-view" value={view} onChange={(e) => setView(e.target.value as View)}>
            <option value="alone">each difference alone + interaction</option>
            <option value="shapley">interaction shared out (Shapley)</option>
          </select>
        </label>
        <label>
          In{" "}
          <select data-testid="attribution-units" value={units} onChange={(e) => setUnits(e.target.value as Units)}>
            <option value="thousands">$ thousands</option>
            <option value="dollars">dollars</option>
          </select>
        </label>
      </div>
      {lineInfo && lineInfo.side !== "both" && (
        <p className="small muted">
          {lineInfo.label} is only in the {lineInfo.side}; it is compared with zero.
        </p>
      )}
      <div className="table-scroll" tabIndex={0} role="region" aria-label="What each difference adds (scrolls sideways)">
        <table className="compare-table attribution-table" data-testid="attribution-table">
          <thead>
            <tr>
              <th className="line-label">
                {lineInfo?.label ?? line}, {unitWords}
              </th>
              {columns.map((c) => (
                <th key={c.id} title={c.side === "both" ? "" : `Only in the ${c.side}: compared with zero`}>
                  {columnTitle(c.id)}
                  {c.side !== "both" ? ` (${c.side} only)` : ""}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => (
              <tr key={r.id} data-testid="attr-row">
                <th className="line-label attr-label">
                  {r.label}
                  {!r.appliesAlone && !shapley && (
                    <span className="muted small"> (cannot be made alone: its effect is in the interaction)</span>
                  )}
                </th>
                {columns.map((c) => cell(r.cells, c.id, `attr-${r.id}-${c.id}`))}
              </tr>
            ))}
            {interaction ? (
              <tr className="row-interaction" data-testid="attr-interaction-row">
                <th className="line-label attr-label">Interaction (only together)</th>
                {columns.map((c) => cell(interaction, c.id, `attr-interaction-${c.id}`))}
              </tr>
            ) : (
              <tr className="row-interaction">
                <th className="line-label attr-label">Interaction: shared out among the rows above</th>
                {columns.map((c) => (
                  <td key={c.id} className="num muted">
                    –
                  </td>
                ))}
              </tr>
            )}
            <tr className="row-total">
              <th className="line-label attr-label">Total difference</th>
              {columns.map((c) => cell(data.total, c.id, `attr-total-${c.id}`))}
            </tr>
          </tbody>
        </table>
      </div>
      {hidden > 0 && (
        <p className="small muted">
          {hidden} other difference{hidden === 1 ? " does" : "s do"} not move this line.{" "}
          <button type="button" className="link" onClick={() => setShowAll(true)}>
            Show {hidden === 1 ? "it" : "them"}
          </button>
        </p>
      )}
      <p className="small muted" data-testid="attribution-method">
        {shapley
          ? shapley.method === "exact"
            ? `Shapley values: each difference's average effect over every order the ${n} differences can be made in ` +
              `(exact, ${2 ** n} costings). `
            : `Shapley values sampled over ${shapley.permutations} random orders (seed ${shapley.seed}), since more than 8 ` +
              `differences would take 2^${n} costings; largest standard error here ${dollarsText(largestError!)}. `
          : view === "shapley"
            ? "Sharing out the interaction (Shapley values)… "
            : `Each difference is costed alone on “${baseline.name}”; the interaction is what the differences add only ` +
              `together (a raise compounding on another, a rate on a raised base). `}
        Rows plus interaction equal the total exactly in unrounded dollars; each amount is rounded on its own for display.
      </p>
      <div className="attribution-waterfall">
        <label className="small">
          Waterfall for{" "}
          <select data-testid="attribution-column" value={column} onChange={(e) => setColumn(e.target.value)}>
            {columns.map((c) => (
              <option key={c.id} value={c.id}>
                {columnTitle(c.id)}
              </option>
            ))}
          </select>
        </label>
        <Waterfall
          testId="attribution-waterfall"
          steps={steps}
          units={{ scale: units, decimals: 0 }}
          caption={`${lineInfo?.label ?? line}, ${columnTitle(column)}: “${baseline.name}” to “${scenario.name}”, ${unitWords}`}
        />
      </div>
      {data.differences.length > 0 && (
        <details className="why" data-testid="compare-why">
          <summary>
            Why each side has its value ({n} difference{n === 1 ? "" : "s"})
          </summary>
          <ul>
            {data.differences.map((d) => (
              <li key={d.id}>
                <strong>{d.label}</strong>
                <div className="small muted">
                  {baseline.name}: {d.reasonA || "—"} · {scenario.name}: {d.reasonB || "—"}
                </div>
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}

/** Ids of every result in order, those missing from the first placed before their successor. */
function union(lists: string[][]): string[] {
  const out = [...(lists[0] ?? [])];
  for (const list of lists.slice(1))
    list.forEach((id, i) => {
      if (out.includes(id)) return;
      const next = list.slice(i + 1).find((x) => out.includes(x));
      out.splice(next ? out.indexOf(next) : out.length, 0, id);
    });
  return out;
}

function SideBySide({ chosen, results }: { chosen: CompareChoice[]; results: TableResult[] }) {
  const lineIds = union(results.map((r) => printedLines(r).map((l) => l.id)));
  const columns = union(results.map((r) => r.columns));
  const lineOf = (id: string) => results.map((r) => printedLines(r).find((l) => l.id === id)).find((l) => l !== undefined)!;
  const unit = sideBySideUnits(
    results,
    chosen.map((c) => c.name),
  );
  // A scenario that computes the line but does not print it shows no figure for it.
  const amount = (i: number, id: string, c: string) => unit.amount(i, printedLines(results[i]!).find((l) => l.id === id)?.cells[c]);
  return (
    <>
      {/* Above the table, not in its caption: a caption is as wide as the table, which scrolls sideways. */}
      {unit.converted && (
        <p className="notice notice-warning small" data-testid="compare-converted">
          {unit.converted}
        </p>
      )}
      <div className="table-scroll" tabIndex={0} role="region" aria-label="Scenarios side by side (scrolls sideways)">
        <table className="compare-table" data-testid="compare-table">
          <caption className="table-caption">
            Each scenario per line and year, {unit.words}; Δ is the change from the first (base) scenario, in {unit.words} and in percent.
          </caption>
          <thead>
            <tr>
              <th rowSpan={2} scope="col">
                {unit.words}
              </th>
              {columns.map((c) => (
                <th key={c} colSpan={1 + (results.length - 1) * 3} className="year-head" scope="colgroup">
                  {columnTitle(c)}
                </th>
              ))}
            </tr>
            <tr>
              {columns.map((c) => (
                <Fragment key={c}>
                  <th scope="col">{chosen[0]!.name}</th>
                  {chosen.slice(1).map((e) => (
                    <Fragment key={e.key}>
                      <th scope="col">{e.name}</th>
                      <th scope="col" title={`Change from the base scenario, ${unit.words}`}>
                        <span aria-hidden="true">Δ $</span>
                        <span className="sr-only">Change from the base, {unit.words}</span>
                      </th>
                      <th scope="col" title="Change from the base scenario, percent">
                        <span aria-hidden="true">Δ %</span>
                        <span className="sr-only">Change from the base, percent</span>
                      </th>
                    </Fragment>
                  ))}
                </Fragment>
              ))}
            </tr>
          </thead>
          <tbody>
            {lineIds.map((id) => {
              const line = lineOf(id);
              return (
                <tr key={id} className={line.style === "total" ? "row-total" : ""} data-line={id}>
                  <th className="line-label" scope="row">
                    {line.label}
                  </th>
                  {columns.map((c) => {
                    const base = amount(0, id, c);
                    return (
                      <Fragment key={c}>
                        <td className="num" data-testid={`cmp-${id}-${c}-0`}>
                          {base ? thousandsText(base, unit.units) : <span className="muted">not in it</span>}
                        </td>
                        {results.slice(1).map((_r, i) => {
                          const other = amount(i + 1, id, c);
                          if (!other || !base)
                            return (
                              <Fragment key={i}>
                                <td className="num" data-testid={`cmp-${id}-${c}-${i + 1}`}>
                                  {other ? thousandsText(other, unit.units) : <span className="muted">not in it</span>}
                                </td>
                                <td colSpan={2} className="muted small">
                                  {/* Neither has it: agreements of other years share no column. */}
                                  {other || base ? `compared with zero: ${varianceText(other ?? base!.negated(), unit.units)}` : "–"}
                                </td>
                              </Fragment>
                            );
                          const diff = other.minus(base);
                          return (
                            <Fragment key={i}>
                              <td className="num" data-testid={`cmp-${id}-${c}-${i + 1}`}>
                                {thousandsText(other, unit.units)}
                              </td>
                              <td
                                className={`num ${diff.isZero() ? "muted" : "variance-off"}`}
                                data-testid={`cmp-${id}-${c}-${i + 1}-diff`}
                              >
                                {varianceText(diff, unit.units)}
                              </td>
                              <td className={`num ${diff.isZero() ? "muted" : ""}`}>{percentChangeText(base, other)}</td>
                            </Fragment>
                          );
                        })}
                      </Fragment>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}

/** `onExport`: writes the scenarios compared here side by side in one workbook (File > Export Comparison to Excel). */
export function ComparePanel({ onExport }: { onExport?: () => void } = {}) {
  const { state, dispatch } = useApp();
  const census = state.census?.census ?? null;
  const selection = useMemo(() => compareSelection(state), [state]);
  const { chosen, choices } = selection;
  const base = chosen[0];
  const others = chosen.slice(1);
  const setKeys = (keys: string[]) => dispatch({ type: "compareKeys", keys });
  // A heavy scenario's table comes from the table worker: the comparison waits for it, showing its progress.
  const results = useTables(chosen.map((c) => c.scenario));
  const waiting = chosen.filter((_, i) => results[i] === undefined);

  return (
    <section className="compare" data-testid="compare-panel">
      <div className="compare-pick">
        <label>
          Baseline{" "}
          <select
            data-testid="compare-baseline"
            value={base?.key ?? ""}
            onChange={(e) => setKeys([e.target.value, ...others.map((o) => o.key).filter((k) => k !== e.target.value)])}
          >
            {choices.map((c) => (
              <option key={c.key} value={c.key}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <span>compared with:</span>
        {choices
          .filter((c) => c.key !== base?.key)
          .map((c) => (
            <label key={c.key}>
              <input
                type="checkbox"
                data-testid="compare-pick"
                data-key={c.key}
                checked={others.some((o) => o.key === c.key)}
                onChange={(ev) =>
                  setKeys(ev.target.checked ? [...chosen.map((o) => o.key), c.key] : chosen.map((o) => o.key).filter((k) => k !== c.key))
                }
              />{" "}
              {c.name}
            </label>
          ))}
        {!selection.following && (
          <button type="button" data-testid="compare-follow" onClick={() => dispatch({ type: "compareKeys", keys: null })}>
            Back to the active scenario and its baseline
          </button>
        )}
        {onExport && base && others.length > 0 && (
          <button type="button" data-testid="compare-export-xlsx" onClick={onExport} title="One workbook with these scenarios side by side">
            Export comparison to Excel
          </button>
        )}
      </div>
      {selection.note && <p className="muted">{selection.note}</p>}
      {!base || others.length === 0 ? (
        !selection.note && <p className="muted">Tick a scenario to compare with the baseline.</p>
      ) : waiting.length > 0 ? (
        <div data-testid="compare-waiting">
          {waiting.map((c) => (
            <TableJobStatus key={c.key} scenario={c.scenario} view={viewOf(c.scenario)} name={c.name} />
          ))}
        </div>
      ) : (
        <>
          {others.map((o, i) => (
            // Keyed by the pair: another baseline starts afresh (its unit, its lines).
            <details key={`${base.key}|${o.key}`} className="pair" open={i === 0} data-testid="compare-pair">
              <summary>
                What makes “{o.name}” differ from “{base.name}”
              </summary>
              <PairAttribution baseline={base} scenario={o} census={census} />
            </details>
          ))}
          <details className="pair" open data-testid="compare-side-by-side">
            <summary>Every line side by side</summary>
            <SideBySide chosen={chosen} results={results as TableResult[]} />
          </details>
        </>
      )}
    </section>
  );
}
