/**
 * The table's cost lines, with "Add cost line" (amounts per year, a rate of pay, a one-time
 * payment) and "Remove". Values typed here are parsed by unit like grid entries; the store then
 * adds the line through model/engine/scenario/cost-lines.ts, which refuses anything checkScenario would.
 */
import { useRef, useState } from "react";
import { unusedHelperLines } from "../../model/engine/scenario/checks";
import { COST_LINE_KINDS, lineDependents, type NewCostItem, type NewCostLine } from "../../model/engine/scenario/cost-lines";
import type { Scenario, Unit } from "../../model/engine/scenario/types";
import { lineKind } from "../../model/engine/table/schema";
import { parseInputNumber } from "../format/parse-number";

type Kind = NewCostItem["kind"];

function parse(text: string, unit: Unit, what: string): { ok: true; value: string } | { ok: false; message: string } {
  const r = parseInputNumber(text, unit);
  return r.ok ? r : { ok: false, message: `${what}: ${r.message}` };
}

/** What removing a line does to an item that refers to it, in words. */
const dependentWords = (d: { via: string; refersTo: string; blocks: boolean }) =>
  d.via === "earningsFromRaisesItem"
    ? "takes its earnings from it — refused"
    : d.blocks
      ? "would apply to nothing — refused"
      : `loses ${d.refersTo}`;

export function CostLinesPanel({
  scenario,
  builtIn,
  onAdd,
  onRemove,
  onPrinted,
}: {
  scenario: Scenario;
  builtIn: boolean;
  onAdd: (line: NewCostLine) => void;
  onRemove: (lineId: string) => void;
  /** Print the line, or make it a helper line (computed for the lines that use it, never a row). */
  onPrinted?: (lineId: string, printed: boolean) => void;
}) {
  const years = scenario.table.columns.fiscalYears;
  const targets = scenario.items.filter((i) => i.kind !== "payRate");
  const [open, setOpen] = useState(false);
  const [label, setLabel] = useState("");
  const [kind, setKind] = useState<Kind>("fixedAmounts");
  const [amounts, setAmounts] = useState<Record<string, string>>({});
  const [recurring, setRecurring] = useState(false);
  const [growth, setGrowth] = useState("");
  const [rate, setRate] = useState("");
  const [appliesTo, setAppliesTo] = useState<string[]>([]);
  const [startYear, setStartYear] = useState("");
  const [paidIn, setPaidIn] = useState(String(years[0] ?? ""));
  const [perMember, setPerMember] = useState("");
  const [earningsFrom, setEarningsFrom] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [confirm, setConfirm] = useState<string | null>(null);
  const addButton = useRef<HTMLButtonElement | null>(null);
  const unused = unusedHelperLines(scenario);
  const chips = useRef<HTMLUListElement | null>(null);
  // The confirmation's buttons go away with it: focus returns to the line's "remove" (cancel) or to "Add cost line…" (removed).
  const endConfirm = (lineId: string, removed: boolean) => {
    setConfirm(null);
    requestAnimationFrame(() =>
      (removed
        ? addButton.current
        : chips.current?.querySelector<HTMLElement>(`[data-testid="cost-line-remove"][data-line="${lineId}"]`)
      )?.focus(),
    );
  };

  const build = (): { ok: true; line: NewCostLine } | { ok: false; message: string } => {
    if (label.trim() === "") return { ok: false, message: "Give the new line a name." };
    if (kind === "fixedAmounts") {
      const out: Record<string, string> = {};
      for (const fy of years) {
        const text = amounts[`FY${fy}`]?.trim() ?? "";
        if (text === "") continue;
        const r = parse(text, "USD", `FY${fy}`);
        if (!r.ok) return r;
        out[`FY${fy}`] = r.value;
      }
      if (!recurring) return { ok: true, line: { label, item: { kind, amounts: out } } };
      const g = growth.trim() === "" ? null : parse(growth, "rate", "Growth a year");
      if (g && !g.ok) return g;
      return { ok: true, line: { label, item: { kind, amounts: out, recurring: true, ...(g ? { growthRate: g.value } : {}) } } };
    }
    if (kind === "payRate") {
      const r = parse(rate, "rate", "Rate");
      if (!r.ok) return r;
      return {
        ok: true,
        line: { label, item: { kind, rate: r.value, appliesTo, ...(startYear ? { startFiscalYear: Number(startYear) } : {}) } },
      };
    }
    const r = rate.trim() === "" ? { ok: true as const, value: "0" } : parse(rate, "rate", "Rate");
    if (!r.ok) return r;
    const m = perMember.trim() === "" ? null : parse(perMember, "USD", "Amount per member");
    if (m && !m.ok) return m;
    if (r.value === "0" && !m) return { ok: false, message: "Enter a rate of earnings, an amount per member, or both." };
    return {
      ok: true,
      line: {
        label,
        item: {
          kind,
          paidInFiscalYear: Number(paidIn),
          rate: r.value,
          ...(m ? { amountPerMember: m.value } : {}),
          ...(earningsFrom ? { earningsFromRaisesItem: earningsFrom } : {}),
        },
      },
    };
  };

  const add = () => {
    const b = build();
    if (!b.ok) return setError(b.message);
    setError(null);
    onAdd(b.line);
    setLabel("");
  };

  return (
    <section className="cost-lines" data-testid="cost-lines">
      <div className="cost-lines-head">
        <strong>Cost lines</strong>
        <ul className="line-chips" ref={chips}>
          {scenario.table.lines
            .filter((l) => lineKind(l) === "cost")
            .map((l) => {
              const deps = lineDependents(scenario, l.id);
              const asking = confirm === l.id;
              return (
                <li key={l.id} className={asking ? "asking" : ""} data-testid="cost-line" data-line={l.id}>
                  {l.label}{" "}
                  {l.printed === false && (
                    <span className="muted small" data-testid="cost-line-not-printed">
                      (not printed){" "}
                    </span>
                  )}
                  {onPrinted && !asking && (
                    <label
                      className="small"
                      title="Unchecked: a helper line, computed for the lines that use it but never a row of the table"
                    >
                      <input
                        type="checkbox"
                        data-testid="cost-line-printed"
                        data-line={l.id}
                        checked={l.printed !== false}
                        onChange={(e) => onPrinted(l.id, e.target.checked)}
                      />{" "}
                      printed
                      <span className="sr-only"> {l.label}</span>
                    </label>
                  )}{" "}
                  {!asking && (
                    <button
                      type="button"
                      className="link small"
                      data-testid="cost-line-remove"
                      data-line={l.id}
                      onClick={() => {
                        setConfirm(l.id);
                        requestAnimationFrame(() =>
                          chips.current?.querySelector<HTMLElement>('[data-testid="cost-line-confirm"]')?.focus(),
                        );
                      }}
                      title="Remove this line and its items"
                    >
                      remove<span className="sr-only"> {l.label}</span>
                    </button>
                  )}
                  {asking && (
                    <span className="confirm" role="group" aria-label={`Remove "${l.label}"?`}>
                      Remove "{l.label}"{deps.length ? ` (also: ${deps.map((d) => `${d.itemLabel} ${dependentWords(d)}`).join("; ")})` : ""}
                      {builtIn ? " in a new copy" : ""}?{" "}
                      <button
                        type="button"
                        className="danger small"
                        data-testid="cost-line-confirm"
                        onClick={() => (endConfirm(l.id, true), onRemove(l.id))}
                      >
                        Remove
                      </button>{" "}
                      <button type="button" className="small" onClick={() => endConfirm(l.id, false)}>
                        Cancel
                      </button>
                    </span>
                  )}
                </li>
              );
            })}
        </ul>
        <button type="button" data-testid="cost-line-add-open" onClick={() => setOpen(!open)} ref={addButton} aria-expanded={open}>
          {open ? "Close" : "Add cost line…"}
        </button>
      </div>
      {unused.length > 0 && (
        <div className="notice notice-warning" role="note" data-testid="cost-lines-unused-helper">
          {unused.map((w) => (
            <p key={w.field}>{w.message}.</p>
          ))}
        </div>
      )}
      {open && (
        <div className="cost-line-form" data-testid="cost-line-form">
          <label>
            Name{" "}
            <input
              data-testid="cl-label"
              value={label}
              onChange={(e) => setLabel(e.target.value)}
              placeholder="e.g. FICA 7.65% on base salary"
            />
          </label>
          <label>
            Kind{" "}
            <select data-testid="cl-kind" value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
              {COST_LINE_KINDS.map((k) => (
                <option key={k.kind} value={k.kind}>
                  {k.label}
                </option>
              ))}
            </select>
          </label>
          {kind === "fixedAmounts" &&
            years.map((fy) => (
              <label key={fy}>
                FY{fy} ${" "}
                <input
                  className="narrow"
                  data-testid={`cl-amount-FY${fy}`}
                  value={amounts[`FY${fy}`] ?? ""}
                  onChange={(e) => setAmounts({ ...amounts, [`FY${fy}`]: e.target.value })}
                  placeholder="0"
                />
              </label>
            ))}
          {kind === "fixedAmounts" && (
            <label>
              <input type="checkbox" data-testid="cl-recurring" checked={recurring} onChange={(e) => setRecurring(e.target.checked)} /> each
              amount recurs in later years
            </label>
          )}
          {kind === "fixedAmounts" && recurring && (
            <label>
              growing{" "}
              <input
                className="narrow"
                data-testid="cl-growth"
                value={growth}
                onChange={(e) => setGrowth(e.target.value)}
                placeholder="0%"
              />{" "}
              a year
            </label>
          )}
          {kind !== "fixedAmounts" && (
            <label>
              {kind === "payRate" ? "Rate" : "Rate of earnings"}{" "}
              <input
                className="narrow"
                data-testid="cl-rate"
                value={rate}
                onChange={(e) => setRate(e.target.value)}
                placeholder={kind === "payRate" ? "7.65%" : "0%"}
              />
            </label>
          )}
          {kind === "payRate" && (
            <>
              <fieldset className="inline">
                <legend>applied to</legend>
                {targets.map((t) => (
                  <label key={t.id}>
                    <input
                      type="checkbox"
                      data-testid="cl-applies"
                      data-item={t.id}
                      checked={appliesTo.includes(t.id)}
                      onChange={(e) => setAppliesTo(e.target.checked ? [...appliesTo, t.id] : appliesTo.filter((x) => x !== t.id))}
                    />{" "}
                    {t.label}
                  </label>
                ))}
              </fieldset>
              <label>
                from{" "}
                <select data-testid="cl-start" value={startYear} onChange={(e) => setStartYear(e.target.value)}>
                  <option value="">every year</option>
                  {years.map((fy) => (
                    <option key={fy} value={String(fy)}>
                      FY{fy} on
                    </option>
                  ))}
                </select>
              </label>
            </>
          )}
          {kind === "oneTime" && (
            <>
              <label>
                Amount per member ${" "}
                <input
                  className="narrow"
                  data-testid="cl-per-member"
                  value={perMember}
                  onChange={(e) => setPerMember(e.target.value)}
                  placeholder="1,500"
                />
              </label>
              <label>
                Paid in{" "}
                <select data-testid="cl-paid-in" value={paidIn} onChange={(e) => setPaidIn(e.target.value)}>
                  {years.map((fy) => (
                    <option key={fy} value={String(fy)}>
                      FY{fy}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                Earnings{" "}
                <select data-testid="cl-earnings" value={earningsFrom} onChange={(e) => setEarningsFrom(e.target.value)}>
                  <option value="">members x average salary</option>
                  {scenario.items
                    .filter((i) => i.kind === "raises")
                    .map((i) => (
                      <option key={i.id} value={i.id}>
                        payroll before the first raise of {i.label}
                      </option>
                    ))}
                </select>
              </label>
            </>
          )}
          <button type="button" data-testid="cl-add" onClick={add}>
            Add line{builtIn ? " (in a new copy)" : ""}
          </button>
          <span className="error-text" role="alert">
            {error && <span data-testid="cl-error">{error}</span>}
          </span>
        </div>
      )}
    </section>
  );
}
