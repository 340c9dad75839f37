/**
 * Retro pay: raises implemented a lag after approval (the agreement's retroPay terms, e.g. the DC
 * teachers' Art. 36.2.2, "within 120 days"), the pay owed for the periods before that paid as one
 * lump sum. Shows what was earned by year and the lump sum by the fiscal
 * year it is paid in; cheap (no costings), so it runs on the main thread.
 */
import { ScrollRegion } from "../panels/ScrollRegion";
import { useMemo, useState } from "react";
import { Decimal } from "../../model/engine/decimal";
import { retroPay } from "../../model/engine/analysis/retro";
import { toDisplay } from "../../model/engine/table/display";
import type { Scenario } from "../../model/engine/scenario/types";
import { thousandsText } from "../format/money";
import { unitNoun, unitWords } from "../format/number";
import type { ExplainTarget } from "./CostOfOnePercent";

export function RetroPay({
  scenario,
  selected,
  onSelect,
}: {
  scenario: Scenario;
  selected: string | null;
  onSelect: (id: string, target: ExplainTarget) => void;
}) {
  const terms = scenario.agreement.retroPay;
  // Approval follows the fiscal note: its date is the earliest the agreement can be approved.
  const [approved, setApproved] = useState(
    scenario.agreement.document?.date ?? scenario.agreement.source?.date ?? scenario.agreement.effectiveFrom,
  );
  const [lag, setLag] = useState(terms ? String(terms.implementationLagDays) : "");
  const lagDays = /^\d{1,4}$/.test(lag.trim()) ? Number(lag.trim()) : Number.NaN;
  const outcome = useMemo(
    () =>
      lag.trim() === ""
        ? { ok: false as const, message: "The agreement states no days from approval to implementation: enter them." }
        : Number.isNaN(lagDays)
          ? { ok: false as const, message: `lag "${lag}" is not a whole number of days` }
          : retroPay(scenario, { approved, implementationLagDays: lagDays }),
    [scenario, approved, lagDays, lag],
  );
  // The table's own unit: a note printed in whole dollars reads "$9,490,123", not "… thousand".
  const units = { scale: scenario.table.display.unit, decimals: scenario.table.display.decimals };
  const k = (d: Decimal) => thousandsText(toDisplay(d, scenario.table.display), units);
  const inUnits = unitWords(units);
  const pick = (id: string, title: string, exact: Decimal, explanation: ExplainTarget["explanation"]) =>
    onSelect(id, { title, exact, display: toDisplay(exact, scenario.table.display), explanation });
  return (
    <div className="retro" data-testid="retro">
      <div className="form-row">
        <label>
          Approved on <input type="date" data-testid="retro-approved" value={approved} onChange={(e) => setApproved(e.target.value)} />
        </label>{" "}
        <label>
          +{" "}
          <input
            data-testid="retro-lag"
            className="narrow"
            value={lag}
            onChange={(e) => setLag(e.target.value)}
            aria-label="Days from approval to implementation"
          />{" "}
          days to implement
          {terms && ` (the agreement${terms.source ? `, ${terms.source.ref}` : ""}: ${terms.implementationLagDays})`}
        </label>
      </div>
      {/* Always present, so the error is announced when it appears. */}
      <p className="error-text" data-testid={outcome.ok ? undefined : "retro-error"} role="alert">
        {outcome.ok ? "" : outcome.message}
      </p>
      {outcome.ok && (
        <>
          <p>
            Implemented <strong data-testid="retro-implementation">{outcome.value.implementation}</strong>; lump sum paid in{" "}
            <strong data-testid="retro-paid-fy">FY{outcome.value.paidInFiscalYear}</strong>:{" "}
            <button
              type="button"
              className={`link${selected === "retro-total" ? " cell-selected" : ""}`}
              data-testid="retro-total"
              data-exact={outcome.value.total.toString()}
              onClick={() =>
                pick(
                  "retro-total",
                  `Retro lump sum paid FY${outcome.value.paidInFiscalYear}`,
                  outcome.value.total,
                  outcome.value.explanation,
                )
              }
            >
              {k(outcome.value.total)}
              {unitNoun(units)}
            </button>
          </p>
          {outcome.value.earned.length === 0 ? (
            <p className="muted">Nothing is owed: every raise is implemented by the time it takes effect.</p>
          ) : (
            <ScrollRegion label="Retro pay earned by year">
              <table className="analysis-table small">
                <thead>
                  <tr>
                    <th scope="col">Earned in</th>
                    <th scope="col">Periods owed</th>
                    <th scope="col">Wages ({inUnits})</th>
                    <th scope="col">Rates of pay ({inUnits})</th>
                    <th scope="col">Total ({inUnits})</th>
                  </tr>
                </thead>
                <tbody>
                  {outcome.value.earned.map((e) => (
                    <tr key={e.fiscalYear}>
                      <th scope="row">FY{e.fiscalYear}</th>
                      <td>{e.counted}</td>
                      <td className="num">{k(e.wages)}</td>
                      <td className="num">{k(e.ratesOfPay)}</td>
                      <td className={`num${selected === `retro-${e.fiscalYear}` ? " cell-selected" : ""}`}>
                        <button
                          type="button"
                          className="cell-button"
                          data-testid={`retro-earned-FY${e.fiscalYear}`}
                          aria-pressed={selected === `retro-${e.fiscalYear}`}
                          aria-label={`${k(e.total)}${unitNoun(units)}: retro pay earned in FY${e.fiscalYear}. Explain`}
                          onClick={() => pick(`retro-${e.fiscalYear}`, `Retro earned FY${e.fiscalYear}`, e.total, e.explanation)}
                          title="Show how this was computed"
                        >
                          {k(e.total)}
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollRegion>
          )}
          <ScrollRegion label="Retro pay by fiscal year of payment">
            <table className="analysis-table small" data-testid="retro-by-payment-year">
              <thead>
                <tr>
                  <th scope="col">By fiscal year of payment ({inUnits})</th>
                  {Object.keys(outcome.value.cashShift).map((c) => (
                    <th key={c} scope="col">
                      {c}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                <tr>
                  <th scope="row">Lump sum paid</th>
                  {Object.keys(outcome.value.cashShift).map((c) => (
                    <td key={c} className="num" data-testid={`retro-paid-${c}`}>
                      {k(c === `FY${outcome.value.paidInFiscalYear}` ? outcome.value.total : new Decimal(0))}
                    </td>
                  ))}
                </tr>
                <tr>
                  <th scope="row">Cash moved vs. the table</th>
                  {Object.entries(outcome.value.cashShift).map(([c, v]) => (
                    <td key={c} className="num">
                      {k(v)}
                    </td>
                  ))}
                </tr>
              </tbody>
            </table>
          </ScrollRegion>
          <p className="muted small">
            The FIS table costs these periods in the years they were worked; the lump sum moves that cash to the year it is paid.
          </p>
        </>
      )}
    </div>
  );
}
