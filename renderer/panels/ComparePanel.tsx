/** Compare: two or more scenarios side by side per line and year, with $K and % variance against the first. */
import { Fragment, useMemo } from "react";
import { compareScenarios, type ScenarioComparison } from "../../model/engine/analysis/diff";
import type { Scenario } from "../../model/engine/scenario/types";
import { thousandsText, percentChangeText, varianceText } from "../format/money";
import { tableFor } from "../state/compute-cache";
import { useApp } from "../state/context";

/** Per-pair attribution is a recompute per difference: cache it by the (immutable) scenario pair. */
const attributions = new WeakMap<Scenario, WeakMap<Scenario, ScenarioComparison>>();
function attribution(a: Scenario, b: Scenario): ScenarioComparison {
  let byB = attributions.get(a);
  if (!byB) attributions.set(a, (byB = new WeakMap()));
  let c = byB.get(b);
  if (!c) byB.set(b, (c = compareScenarios(a, b)));
  return c;
}

function WhyTheyDiffer({ a, b, open }: { a: Scenario; b: Scenario; open: boolean }) {
  const c = useMemo(() => attribution(a, b), [a, b]);
  return (
    <details className="why" data-testid="compare-why" open={open}>
      <summary>
        Why “{b.name}” differs from “{a.name}”{" "}
        {`(${c.differences.length} difference${c.differences.length === 1 ? "" : "s"}, ` +
          `${c.cells.length} displayed cell${c.cells.length === 1 ? "" : "s"} moved)`}
      </summary>
      {c.differences.length === 0 ? (
        <p className="muted">Same inputs and settings.</p>
      ) : (
        <ul>
          {c.differences.map((d) => {
            const moved = c.cells.filter((x) => x.causes.includes(d.id));
            return (
              <li key={d.id}>
                <strong>{d.what}</strong>
                <div className="small muted">
                  {a.name}: {d.reasonA || "—"} · {b.name}: {d.reasonB || "—"}
                </div>
                <div className="small">
                  {moved.length === 0
                    ? "Moves no displayed cell."
                    : `Moves ${moved
                        .map((x) => `${x.lineLabel} ${x.column} (${x.difference.startsWith("-") ? "" : "+"}${x.difference}K)`)
                        .join(", ")}.`}
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </details>
  );
}

export function ComparePanel() {
  const { state, dispatch } = useApp();
  const chosen = state.compareKeys.map((k) => state.entries.find((e) => e.key === k)).filter((e) => e !== undefined);
  const results = chosen.map((e) => tableFor(e.scenario, state.census?.census));
  const first = results[0];
  const toggle = (key: string, on: boolean) =>
    dispatch({ type: "compareKeys", keys: on ? [...state.compareKeys, key] : state.compareKeys.filter((k) => k !== key) });

  return (
    <section className="compare" data-testid="compare-panel">
      <div className="compare-pick">
        <span>Compare (the first ticked is the base):</span>
        {state.entries.map((e) => (
          <label key={e.key}>
            <input
              type="checkbox"
              data-testid="compare-pick"
              data-key={e.key}
              checked={state.compareKeys.includes(e.key)}
              onChange={(ev) => toggle(e.key, ev.target.checked)}
            />{" "}
            {e.scenario.name}
          </label>
        ))}
      </div>
      {results.length < 2 || !first ? (
        <p className="muted">Tick two or more scenarios to compare them.</p>
      ) : (
        <div className="table-scroll">
          <table className="compare-table" data-testid="compare-table">
            <thead>
              <tr>
                <th rowSpan={2}>$ thousands</th>
                {first.columns.map((c) => (
                  <th key={c} colSpan={1 + (results.length - 1) * 3} className="year-head">
                    {c === "Total" ? "Four-Year Total" : c}
                  </th>
                ))}
              </tr>
              <tr>
                {first.columns.map((c) => (
                  <Fragment key={c}>
                    <th title={chosen[0]!.scenario.name}>{chosen[0]!.scenario.name}</th>
                    {chosen.slice(1).map((e) => (
                      <Fragment key={e.key}>
                        <th title={e.scenario.name}>{e.scenario.name}</th>
                        <th>Δ $K</th>
                        <th>Δ %</th>
                      </Fragment>
                    ))}
                  </Fragment>
                ))}
              </tr>
            </thead>
            <tbody>
              {first.lines.map((line) => (
                <tr key={line.id} className={line.kind === "total" ? "row-total" : ""} data-line={line.id}>
                  <th className="line-label">{line.label}</th>
                  {first.columns.map((c) => {
                    const base = line.cells[c]!.display;
                    return (
                      <Fragment key={c}>
                        <td className="num" data-testid={`cmp-${line.id}-${c}-0`}>
                          {thousandsText(base)}
                        </td>
                        {results.slice(1).map((r, i) => {
                          const other = r.lines.find((l) => l.id === line.id)?.cells[c]?.display;
                          if (!other)
                            return (
                              <td key={i} colSpan={3} className="muted">
                                n/a
                              </td>
                            );
                          const diff = other.minus(base);
                          return (
                            <Fragment key={i}>
                              <td className="num" data-testid={`cmp-${line.id}-${c}-${i + 1}`}>
                                {thousandsText(other)}
                              </td>
                              <td
                                className={`num ${diff.isZero() ? "muted" : "variance-off"}`}
                                data-testid={`cmp-${line.id}-${c}-${i + 1}-diff`}
                              >
                                {varianceText(diff)}
                              </td>
                              <td className={`num ${diff.isZero() ? "muted" : ""}`}>{percentChangeText(base, other)}</td>
                            </Fragment>
                          );
                        })}
                      </Fragment>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
          {chosen.slice(1).map((e, i) => (
            <WhyTheyDiffer key={e.key} a={chosen[0]!.scenario} b={e.scenario} open={i === 0} />
          ))}
        </div>
      )}
    </section>
  );
}
