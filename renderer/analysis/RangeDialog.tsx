/**
 * The dialog that gives one input a range (a distribution for Monte Carlo): its kind and
 * parameters in the input's own units, checked by the engine's uncertainty checks as you type,
 * applied to the active scenario as one undo step (a built-in gets a copy, as any edit does).
 * Opened from the inputs grid's Range column or the Ranges card with openRangeDialog(path); a
 * RangeDialogHost on the screen shows it.
 */
import { useEffect, useId, useMemo, useRef, useState } from "react";
import { listInputs } from "../../model/engine/scenario/paths";
import { checkScenario } from "../../model/engine/scenario/schema";
import type { Scenario } from "../../model/engine/scenario/types";
import { inputText } from "../format/money";
import { describeUnit } from "../format/parse-number";
import { useApp } from "../state/context";
import { activeEntry } from "../state/store";
import { KINDS, distributionOf, formFor, rangeTextOf, type FieldError, type RangeForm } from "./distribution-form";

type Opener = (path: string) => void;
const openers: Opener[] = [];

/** Opens the range dialog of the input at `path` on the host mounted last. */
export function openRangeDialog(path: string): void {
  openers[openers.length - 1]?.(path);
}

/** The scenario with the input's range set (or removed when `d` is null), dropping an empty uncertainty block. */
function withRange(s: Scenario, path: string, d: ReturnType<typeof distributionOf> & { ok: true }): Scenario {
  const inputs = { ...(s.uncertainty?.inputs ?? {}) };
  if (d.distribution) inputs[path] = d.distribution;
  else delete inputs[path];
  const rest = { ...(s.uncertainty ?? {}) };
  delete (rest as { inputs?: unknown }).inputs;
  if (Object.keys(inputs).length === 0 && Object.keys(rest).length === 0) {
    const copy = { ...s };
    delete copy.uncertainty;
    return copy;
  }
  return { ...s, uncertainty: { ...rest, inputs } };
}

export function RangeDialogHost() {
  const [path, setPath] = useState<string | null>(null);
  useEffect(() => {
    const open: Opener = (p) => setPath(p);
    openers.push(open);
    return () => {
      openers.splice(openers.indexOf(open), 1);
    };
  }, []);
  return path ? <RangeDialog key={path} path={path} onClose={() => setPath(null)} /> : null;
}

function RangeDialog({ path, onClose }: { path: string; onClose: () => void }) {
  const { state, dispatch } = useApp();
  const entry = activeEntry(state);
  const scenario = entry.scenario;
  const input = useMemo(() => listInputs(scenario).find((e) => e.path === path), [scenario, path]);
  const current = scenario.uncertainty?.inputs[path];
  const [form, setForm] = useState<RangeForm | null>(() => (input ? formFor(input, current) : null));
  const [tried, setTried] = useState(false);
  const [scenarioErrors, setScenarioErrors] = useState<string[]>([]);
  const ref = useRef<HTMLDialogElement>(null);
  const opener = useRef<Element | null>(document.activeElement);
  const id = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    const back = opener.current;
    return () => {
      if (back instanceof HTMLElement) back.focus();
    };
  }, []);

  if (!input || !form) return null;
  const checked = distributionOf(form, input);
  const errors: FieldError[] = checked.ok ? [] : checked.errors;
  const errorOf = (field: string) => (tried ? errors.find((e) => e.field === field)?.message : undefined);
  const preview = checked.ok ? rangeTextOf(input, checked.distribution ?? undefined) || "no range: the input stays fixed" : "";
  const units = describeUnit(input.unit);
  const set = (patch: Partial<RangeForm>) => setForm({ ...form, ...patch });

  const apply = () => {
    setTried(true);
    if (!checked.ok) return;
    const next = withRange(scenario, path, checked);
    const problems = checkScenario(next);
    if (problems.length) return setScenarioErrors(problems.map((p) => p.message));
    dispatch({
      type: "replaceScenario",
      scenario: next,
      what: checked.distribution
        ? `Range of ${input.param.label}: ${rangeTextOf(input, checked.distribution)} (an assumption).`
        : `${input.param.label} has no range now.`,
    });
    onClose();
  };

  const field = (key: "min" | "mode" | "max" | "mean" | "sd", label: string, hint?: string) => {
    const err = errorOf(key);
    return (
      <label className="range-field">
        <span>{label}</span>
        <input
          type="text"
          inputMode="decimal"
          value={form[key]}
          onChange={(e) => set({ [key]: e.target.value })}
          aria-invalid={err ? true : undefined}
          aria-describedby={err ? `${id}-${key}-err` : undefined}
          data-testid={`range-${key}`}
          placeholder={hint}
        />
        {err && (
          <span className="error-text small" id={`${id}-${key}-err`}>
            {err}
          </span>
        )}
      </label>
    );
  };

  return (
    <dialog
      ref={ref}
      className="range-dialog"
      aria-labelledby={`${id}-title`}
      data-testid="range-dialog"
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <h2 id={`${id}-title`}>Range of {input.param.label}</h2>
      <p className="small muted">
        Today&rsquo;s value: <strong>{inputText(input.param.value, input.unit)}</strong> ({units}). The table keeps this value; the range is
        only drawn from in the Monte Carlo run on the Analysis tab. A range is an assumption and is labelled so.
      </p>
      <fieldset className="range-kinds">
        <legend>Kind of range</legend>
        {KINDS.map((k) => (
          <label key={k.kind} title={k.help}>
            <input
              type="radio"
              name={`${id}-kind`}
              checked={form.kind === k.kind}
              onChange={() => set({ kind: k.kind })}
              data-testid={`range-kind-${k.kind}`}
            />{" "}
            {k.label}
          </label>
        ))}
      </fieldset>
      <p className="small muted">{KINDS.find((k) => k.kind === form.kind)!.help}</p>
      <div className="range-fields">
        {form.kind === "uniform" && (
          <>
            {field("min", "Lowest")}
            {field("max", "Highest")}
          </>
        )}
        {form.kind === "triangular" && (
          <>
            {field("min", "Lowest")}
            {field("mode", "Most likely")}
            {field("max", "Highest")}
          </>
        )}
        {form.kind === "normal" && (
          <>
            {field("mean", "Mean")}
            {field("sd", input.unit === "rate" || input.unit === "share" ? "Standard deviation (points, e.g. 1%)" : "Standard deviation")}
            {field("min", "Lowest (optional)", "the input's own minimum")}
            {field("max", "Highest (optional)", "the input's own maximum")}
          </>
        )}
        {form.kind === "discrete" && (
          <table className="analysis-table small">
            <caption className="sr-only">Values and their weights</caption>
            <thead>
              <tr>
                <th scope="col">Value</th>
                <th scope="col">Weight</th>
                <th scope="col">
                  <span className="sr-only">Remove</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {form.values.map((row, i) => {
                const ve = errorOf(`values.${i}.value`);
                const we = errorOf(`values.${i}.weight`);
                return (
                  <tr key={i}>
                    <td>
                      <input
                        type="text"
                        className="narrow"
                        aria-label={`Value ${i + 1}`}
                        value={row.value}
                        aria-invalid={ve ? true : undefined}
                        onChange={(e) => set({ values: form.values.map((r, j) => (j === i ? { ...r, value: e.target.value } : r)) })}
                      />
                      {ve && <div className="error-text small">{ve}</div>}
                    </td>
                    <td>
                      <input
                        type="text"
                        className="narrow"
                        aria-label={`Weight ${i + 1}`}
                        value={row.weight}
                        aria-invalid={we ? true : undefined}
                        onChange={(e) => set({ values: form.values.map((r, j) => (j === i ? { ...r, weight: e.target.value } : r)) })}
                      />
                      {we && <div className="error-text small">{we}</div>}
                    </td>
                    <td>
                      <button
                        type="button"
                        className="small"
                        aria-label={`Remove value ${i + 1}`}
                        onClick={() => set({ values: form.values.filter((_, j) => j !== i) })}
                      >
                        Remove
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
            <tfoot>
              <tr>
                <td colSpan={3}>
                  <button
                    type="button"
                    className="small"
                    disabled={form.values.length >= 100}
                    onClick={() => set({ values: [...form.values, { value: "", weight: "1" }] })}
                  >
                    Add a value
                  </button>
                </td>
              </tr>
            </tfoot>
          </table>
        )}
      </div>
      {form.kind !== "fixed" && (
        <label className="range-field range-note">
          <span>Why this range (saved with the scenario)</span>
          <textarea value={form.note} rows={2} onChange={(e) => set({ note: e.target.value })} data-testid="range-note" />
        </label>
      )}
      <p className="small" data-testid="range-preview" aria-live="polite">
        {checked.ok ? (
          <>
            Shown as: <strong>{preview}</strong>
            {checked.distribution ? " (ASSUMED)" : ""}
          </>
        ) : tried ? (
          ""
        ) : (
          <span className="muted">Fill in the range; it is checked as you type.</span>
        )}
      </p>
      <div role="alert" className="error-text small" data-testid="range-errors">
        {tried &&
          errors
            .filter((e) => !["min", "mode", "max", "mean", "sd"].includes(e.field) && !e.field.startsWith("values."))
            .map((e) => <p key={e.field + e.message}>{e.message}</p>)}
        {scenarioErrors.map((m) => (
          <p key={m}>{m}</p>
        ))}
      </div>
      <div className="range-actions">
        <button type="button" onClick={onClose} data-testid="range-cancel">
          Cancel
        </button>
        <button type="button" className="primary" onClick={apply} data-testid="range-apply">
          Apply
        </button>
      </div>
    </dialog>
  );
}
