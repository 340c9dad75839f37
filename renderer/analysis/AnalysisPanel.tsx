/**
 * The Analysis screen for the active scenario: cost of 1%, goal seek, retro pay, ranges under
 * uncertainty (Ranges.tsx), and the sensitivity tornado and two-way table. The many-costing parts run in a Web Worker (see
 * client.ts) and show "computing…" until they answer; a click on an amount explains it.
 */
import { useEffect, useState } from "react";
import { percentRaiseOf, percentRaiseYears } from "../../model/engine/analysis/raise-edits";
import type { Census } from "../../model/engine/schedule/types";
import type { Scenario } from "../../model/engine/scenario/types";
import { ExplainPanel } from "../panels/ExplainPanel";
import { computeOptionsFor } from "../state/compute-cache";
import { unitWords, unitsOfResult } from "../format/number";
import { CostOfOnePercent, type ExplainTarget } from "./CostOfOnePercent";
import { GoalSeek } from "./GoalSeek";
import { RetroPay } from "./RetroPay";
import { Tornado, TwoWay } from "./Sensitivity";
import { useAnalysis, type AnalysisState } from "./use-analysis";
import { canCancelBackground, cancelBackground } from "./client";
import { JobProgress } from "./JobProgress";
import { announce } from "../panels/LiveRegions";
import { Ranges } from "./Ranges";

/** FY2026 x FY2027 for the reference agreement: the second and third years with a percent raise, else the first two. */
function twoWayYears(scenario: Scenario): { rowYear: number; columnYear: number } | null {
  const years = percentRaiseYears(scenario);
  if (years.length < 2) return null;
  const [a, b] = years.length >= 3 ? [years[1]!, years[2]!] : [years[0]!, years[1]!];
  return { rowYear: a, columnYear: b };
}

/** The progress / error / timing line. Progress (with Cancel) shows for a job over 100 ms; errors are announced by their alert. */
function Status({ state, what, steps = "steps" }: { state: AnalysisState | null; what: string; steps?: string }) {
  const error = state?.status === "error" ? state.message : null;
  const answer = state?.status === "done" ? state.answer : null;
  return (
    <>
      {state?.status === "computing" && (
        <JobProgress
          what={what}
          progress={state.progress}
          steps={steps}
          cancellable={canCancelBackground()}
          onCancel={() => cancelBackground() && announce(`Cancelled ${what}.`)}
        />
      )}
      {state?.status === "cancelled" && (
        <p className="muted small" data-testid="job-cancelled">
          Cancelled {what}.{" "}
          <button type="button" className="small" onClick={state.retry}>
            Compute again
          </button>
        </p>
      )}
      <div role="alert">
        {error !== null && (
          <p className="error-text">
            Could not compute {what}: {error}
          </p>
        )}
      </div>
      {answer && (
        <p
          className="muted small"
          data-testid={`timing-${answer.data.kind}`}
          data-ms={Math.round(answer.data.ms)}
          data-where={answer.where}
        >
          {answer.data.evaluations} costings in {Math.round(answer.data.ms)} ms (
          {answer.where === "worker" ? "background worker" : "main thread"}; {Math.round(answer.wallMs)} ms from request to answer)
        </p>
      )}
    </>
  );
}

export function AnalysisPanel({
  scenario,
  census,
  onCreateScenario,
  onJump,
}: {
  scenario: Scenario;
  census: Census | null;
  onCreateScenario: (s: Scenario, what: string) => void;
  onJump: (path: string) => void;
}) {
  const [explain, setExplain] = useState<{ id: string; target: ExplainTarget } | null>(null);
  useEffect(() => setExplain(null), [scenario]);
  const years = twoWayYears(scenario);
  const c1 = useAnalysis(scenario, census, { kind: "costOfOnePercent" });
  const tornado = useAnalysis(scenario, census, { kind: "tornado" });
  const twoWay = useAnalysis(scenario, census, years ? { kind: "twoWay", ...years } : null);
  const select = (id: string, target: ExplainTarget) => setExplain({ id, target });
  const display = scenario.table.display;
  const tableUnits = unitsOfResult({ display });

  return (
    <div className="analysis" data-testid="analysis">
      <div className="analysis-top">
        <div className="analysis-cards">
          <section className="card">
            <h3>Cost of 1%</h3>
            <p className="muted small">
              What one more point of raise in a year costs (in that year, and with compounding and the rates of pay on salaries over all
              years), and $1,000 flat per member, in {unitWords(tableUnits)}. Choose an amount to see how it was computed.
            </p>
            <Status state={c1} what="the cost of 1%" />
            {c1?.status === "done" && c1.answer.data.kind === "costOfOnePercent" && (
              <CostOfOnePercent
                data={c1.answer.data}
                years={scenario.table.columns.fiscalYears.length}
                units={tableUnits}
                selected={explain?.id ?? null}
                onSelect={select}
              />
            )}
          </section>
          <section className="card">
            <h3>Goal seek</h3>
            <GoalSeek key={scenario.id} scenario={scenario} options={computeOptionsFor(scenario, census)} onCreate={onCreateScenario} />
          </section>
          <section className="card">
            <h3>Retroactive pay</h3>
            <RetroPay key={scenario.id} scenario={scenario} selected={explain?.id ?? null} onSelect={select} />
          </section>
        </div>
        <ExplainPanel
          cell={explain?.target}
          title={explain?.target.title ?? ""}
          units={unitsOfResult({ display })}
          onJump={onJump}
          onClose={() => setExplain(null)}
        />
      </div>
      <Ranges scenario={scenario} census={census} />
      <section className="card">
        <h3>Sensitivity: which inputs move the four-year total</h3>
        <Status state={tornado} what="the tornado" steps="inputs" />
        {tornado?.status === "done" && tornado.answer.data.kind === "tornado" && <Tornado data={tornado.answer.data} display={display} />}
      </section>
      <section className="card">
        <h3>Two-way table: {years ? `FY${years.rowYear} raise x FY${years.columnYear} raise` : "two years' raises"}</h3>
        {!years && <p className="muted">This scenario has fewer than two years with a percent raise, so there is nothing to sweep.</p>}
        {years && <Status state={twoWay} what="the two-way table" steps="rows" />}
        {years && twoWay?.status === "done" && twoWay.answer.data.kind === "twoWay" && (
          <TwoWay
            data={twoWay.answer.data}
            display={display}
            reference={{ row: percentRaiseOf(scenario, years.rowYear), column: percentRaiseOf(scenario, years.columnYear) }}
          />
        )}
      </section>
    </div>
  );
}
