/**
 * Goal seek: the largest raise (uniform, or one year's) that keeps a table line within a limit.
 * Solved on the main thread (about 15 costings, the bisection on the 0.01% grid); the answer can
 * become a new user scenario.
 */
import { useRef, useState } from "react";
import { totalLineId, type ComputeOptions } from "../../model/engine/compute";
import { Decimal } from "../../model/engine/decimal";
import { goalSeekRaise, type GoalSeekResult } from "../../model/engine/analysis/goal-seek";
import { amountsLine, type BudgetConstraint, type ColumnCheck, type ConstraintScope } from "../../model/engine/analysis/budget-constraint";
import { percentRaiseYears, type RaiseYear } from "../../model/engine/analysis/raise-edits";
import { unitFactor } from "../../model/engine/table/display";
import { linesSubtractingCosts } from "../../model/engine/table/net-lines";
import { lineKind } from "../../model/engine/table/schema";
import type { Scenario } from "../../model/engine/scenario/types";
import { dollarsInUnit, rateText, unitNoun, unitsOfResult, unitWords } from "../format/number";
import { parseInputNumber } from "../format/parse-number";

const pct = (rate: Decimal) => rateText(rate, { decimals: 2 });
const columnText = (c: string) => (c === "Total" ? "the all-years total" : c);

/**
 * The lines a limit can hold, the scenario's own: its total and other derived lines first (shares,
 * nets), then the cost lines; never a line of entered amounts, which nothing in the costing moves.
 * The default is the total line, else the first derived line.
 */
export function budgetLines(scenario: Scenario): { lines: { id: string; label: string }[]; preferred: string | undefined } {
  const held = scenario.table.lines.filter((l) => lineKind(l) !== "amounts");
  const derived = held.filter((l) => lineKind(l) !== "cost");
  const lines = [...derived, ...held.filter((l) => lineKind(l) === "cost")].map((l) => ({ id: l.id, label: l.label }));
  // The analyses' own total (never a net line that subtracts the costs), as the command line picks it.
  const subtracting = linesSubtractingCosts(scenario.table.lines, scenario.items);
  const total = totalLineId({
    lines: held.map((l) => ({
      id: l.id,
      kind: lineKind(l),
      ...(l.style ? { style: l.style } : {}),
      ...(subtracting.has(l.id) ? { subtractsCosts: true as const } : {}),
    })),
  });
  return { lines, preferred: total ?? (derived[0] ?? held[0])?.id };
}

function worst(checks: readonly ColumnCheck[]): ColumnCheck {
  return checks.reduce((a, b) => (b.headroom.lessThan(a.headroom) ? b : a));
}

export function GoalSeek({
  scenario,
  options,
  onCreate,
}: {
  scenario: Scenario;
  options: ComputeOptions;
  onCreate: (solved: Scenario, what: string) => void;
}) {
  const years = percentRaiseYears(scenario);
  const { lines, preferred } = budgetLines(scenario);
  const units = unitsOfResult({ display: scenario.table.display });
  const factor = unitFactor(scenario.table.display.unit);
  const noun = unitNoun(units).trim();
  const amounts = amountsLine(scenario);
  /** Exact dollars in the table's unit with one more decimal, for headroom text (finer than a table cell). */
  const k = (dollars: Decimal) => dollarsInUnit(dollars, units);
  const [raise, setRaise] = useState<string>("all");
  const [chosenLine, setLineId] = useState(preferred ?? "");
  // Another scenario may not have the line chosen for the last one.
  const lineId = lines.some((l) => l.id === chosenLine) ? chosenLine : (preferred ?? "");
  const [chosenKind, setLimitKind] = useState<"amount" | "amountsPlus">("amount");
  const limitKind = amounts ? chosenKind : "amount";
  const [amount, setAmount] = useState("");
  const [scope, setScope] = useState("total");
  const [busy, setBusy] = useState(false);
  const solveButton = useRef<HTMLButtonElement | null>(null);
  const [outcome, setOutcome] = useState<{ result: GoalSeekResult; ms: number; scenario: Scenario } | { error: string } | null>(null);

  const solve = () => {
    if (!lineId) return setOutcome({ error: "The table has no line to hold to a limit." });
    if (amount.trim() === "" && limitKind === "amount")
      return setOutcome({ error: `Limit: enter the most the line may cost, in ${unitWords(units)}.` });
    const parsed = amount.trim() === "" ? ({ ok: true, value: "0" } as const) : parseInputNumber(amount, "USD");
    if (!parsed.ok) return setOutcome({ error: `Limit: ${parsed.message}` });
    const dollars = new Decimal(parsed.value).times(factor);
    const constraintScope: ConstraintScope = scope === "total" || scope === "eachYear" ? scope : { fiscalYear: Number(scope) };
    const constraint: BudgetConstraint = { lineId, limit: { kind: limitKind, dollars }, scope: constraintScope };
    setBusy(true);
    // After a paint, so "Solving…" shows while the costings run.
    setTimeout(() => {
      const started = performance.now();
      try {
        const result = goalSeekRaise(scenario, {
          raise: (raise === "all" ? "all" : Number(raise)) as RaiseYear,
          constraint,
          computeOptions: options,
          money: k,
        });
        setOutcome({ result, ms: performance.now() - started, scenario });
      } catch (e) {
        setOutcome({ error: e instanceof Error ? e.message : String(e) });
      }
      setBusy(false);
    }, 20);
  };

  const current = outcome && "result" in outcome && outcome.scenario === scenario ? outcome : null;
  const r = current?.result;
  return (
    <div className="goal-seek" data-testid="goal-seek">
      <div className="form-row">
        <label>
          Solve for{" "}
          <select data-testid="goal-raise" value={raise} onChange={(e) => setRaise(e.target.value)}>
            <option value="all">the same raise every year</option>
            {years.map((y) => (
              <option key={y} value={String(y)}>
                the FY{y} raise only
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="form-row">
        <label>
          so that{" "}
          <select data-testid="goal-line" value={lineId} onChange={(e) => setLineId(e.target.value)}>
            {lines.map((l) => (
              <option key={l.id} value={l.id}>
                {l.label}
              </option>
            ))}
          </select>
        </label>{" "}
        <label>
          ≤{" "}
          <select
            data-testid="goal-limit-kind"
            value={limitKind}
            onChange={(e) => setLimitKind(e.target.value as "amount" | "amountsPlus")}
          >
            <option value="amount">$</option>
            {amounts && <option value="amountsPlus">{amounts.label} + $</option>}
          </select>
        </label>{" "}
        <input
          data-testid="goal-amount"
          aria-label={`Limit in ${unitWords(units)}`}
          placeholder="amount"
          className="narrow"
          value={amount}
          onChange={(e) => setAmount(e.target.value)}
        />{" "}
        {noun && `${noun} `}
        <select data-testid="goal-scope" aria-label="Over which years" value={scope} onChange={(e) => setScope(e.target.value)}>
          <option value="total">over all years</option>
          <option value="eachYear">in every year</option>
          {scenario.table.columns.fiscalYears.map((y) => (
            <option key={y} value={String(y)}>
              in FY{y}
            </option>
          ))}
        </select>{" "}
        <button type="button" data-testid="goal-solve" disabled={busy} onClick={solve} ref={solveButton}>
          {busy ? "Solving…" : "Solve"}
        </button>
      </div>
      {/* Always present, so a refusal is announced when it appears. */}
      <div role="alert" className="error-text">
        {outcome && "error" in outcome && <p data-testid="goal-error">{outcome.error}</p>}
        {r && !r.ok && <p data-testid="goal-error">No answer: {r.message}.</p>}
      </div>
      <p className="sr-only" role="status">
        {busy ? "Solving…" : r && r.ok ? `Answer: ${pct(r.raise)}.` : ""}
      </p>
      {r && r.ok && (
        <div className="goal-result" data-testid="goal-result">
          <p>
            Answer: <strong data-testid="goal-answer">{pct(r.raise)}</strong> — {r.description}.
          </p>
          <p className="small">
            Binding: <span data-testid="goal-binding">{columnText(worst(r.atNextStep).column)}</span> (headroom at the answer{" "}
            {k(worst(r.atAnswer).headroom)}; at {pct(r.raise.plus("0.0001"))} it is {k(worst(r.atNextStep).headroom.negated())} over).
          </p>
          <details className="small">
            <summary data-testid="goal-trace">
              Trace: {r.trace.evaluations} costings, bisection over {pct(r.trace.bracket.low)}–{pct(r.trace.bracket.high)} in{" "}
              {r.trace.iterations.length} steps, {Math.round(current!.ms)} ms
            </summary>
            <ol>
              {r.trace.iterations.map((it) => (
                <li key={it.iteration}>
                  tried {pct(it.tried)} in [{pct(it.low)}, {pct(it.high)}]: {it.satisfied ? "fits" : "over"}{" "}
                  {`(${columnText(it.worstColumn)} headroom ${k(it.worstHeadroom)})`}
                </li>
              ))}
            </ol>
          </details>
          <button
            type="button"
            data-testid="goal-create"
            onClick={() => {
              onCreate(r.scenario, "Created the goal-seek scenario");
              // The answer belongs to the old scenario and goes away: focus stays in the card.
              requestAnimationFrame(() => solveButton.current?.focus());
            }}
          >
            Create scenario
          </button>
        </div>
      )}
    </div>
  );
}
