/**
 * "New agreement…": starts a user scenario from a template (model/templates) for the agreement's
 * name, fiscal years and fiscal-year start. A native modal <dialog>: it takes focus on open, keeps
 * it inside while open, closes on Escape and gives focus back to what opened it. The new scenario
 * opens on the Inputs tab with its inputs to fill highlighted and listed.
 */
import { useEffect, useId, useMemo, useRef, useState } from "react";
import { scenarioFromTemplate, templateOptionsProblem, type Scenario } from "../../model/engine";
import { TEMPLATES, templateById } from "../../model/templates/index";

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

export interface NewAgreementDialogProps {
  open: boolean;
  onClose: () => void;
  /** The new scenario (a draft: its inputs to fill are empty). */
  onCreate: (scenario: Scenario) => void;
}

interface Form {
  template: string;
  name: string;
  agreement: string;
  first: string;
  last: string;
  month: string;
}

function defaults(templateId: string): Form {
  const t = templateById(templateId)!;
  const s = t.scenario();
  const years = s.table.columns.fiscalYears;
  return {
    template: t.id,
    name: `New ${t.title.toLowerCase()}`,
    agreement: "",
    first: String(years[0]),
    last: String(years[years.length - 1]),
    month: String(s.calendar.fiscalYearStartMonth),
  };
}

const slug = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .replace(/^(?![a-z])/, "s-")
    .slice(0, 60) || "new-agreement";

export function NewAgreementDialog({ open, onClose, onCreate }: NewAgreementDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const opener = useRef<Element | null>(null);
  const id = useId();
  const [form, setForm] = useState<Form>(() => defaults(TEMPLATES[0]!.id));
  const [problem, setProblem] = useState<string | null>(null);
  const template = templateById(form.template)!;
  const toFillCount = useMemo(() => template.toFill().length, [template]);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      opener.current = document.activeElement;
      setForm(defaults(form.template));
      setProblem(null);
      dialog.showModal();
    } else if (!open && dialog.open) dialog.close();
    // Only opening and closing move focus; the form's own state is not a reason to reopen.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open]);

  const close = () => {
    onClose();
    const back = opener.current as HTMLElement | null;
    if (back && typeof back.focus === "function") back.focus();
  };

  const set = (key: keyof Form) => (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value });

  const create = () => {
    const options = {
      id: slug(form.name),
      name: form.name,
      agreementName: form.agreement,
      firstFiscalYear: Number(form.first),
      lastFiscalYear: Number(form.last),
      fiscalYearStartMonth: Number(form.month),
    };
    const wrong =
      !/^\d{4}$/.test(form.first) || !/^\d{4}$/.test(form.last) ? "fiscal years are written YYYY" : templateOptionsProblem(options);
    if (wrong) return setProblem(`Cannot create the agreement: ${wrong}.`);
    const scenario = scenarioFromTemplate(template.scenario(), options);
    onCreate(scenario);
    close();
  };

  return (
    <dialog
      ref={ref}
      className="new-agreement"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-help`}
      data-testid="new-agreement-dialog"
      onCancel={(e) => {
        e.preventDefault();
        close();
      }}
    >
      <form
        method="dialog"
        onSubmit={(e) => {
          e.preventDefault();
          create();
        }}
      >
        <h2 id={`${id}-title`}>New agreement</h2>
        <p id={`${id}-help`} className="muted small">
          Starts a scenario from a template laid out like a published fiscal note. Its inputs are left blank to fill on the Inputs tab; the
          table is costed once every one is filled.
        </p>
        <div className="field">
          <label htmlFor={`${id}-template`}>Template</label>
          <select
            id={`${id}-template`}
            data-testid="new-agreement-template"
            value={form.template}
            onChange={(e) => setForm({ ...defaults(e.target.value), agreement: form.agreement })}
            aria-describedby={`${id}-template-help`}
          >
            {TEMPLATES.map((t) => (
              <option key={t.id} value={t.id}>
                {t.title}
              </option>
            ))}
          </select>
          <p id={`${id}-template-help`} className="muted small template-help">
            {template.description} <strong>{toFillCount} inputs to fill.</strong>
          </p>
        </div>
        <div className="field">
          <label htmlFor={`${id}-name`}>Scenario name</label>
          <input id={`${id}-name`} data-testid="new-agreement-name" value={form.name} onChange={set("name")} required maxLength={200} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-agreement`}>Agreement or bill</label>
          <input
            id={`${id}-agreement`}
            data-testid="new-agreement-agreement"
            value={form.agreement}
            onChange={set("agreement")}
            maxLength={500}
            placeholder="e.g. House Bill 2043 (2025): $1,000 raise for state employees"
          />
        </div>
        <fieldset className="field-row">
          <legend>Fiscal years</legend>
          <label htmlFor={`${id}-first`}>First</label>
          <input
            id={`${id}-first`}
            data-testid="new-agreement-first-year"
            inputMode="numeric"
            value={form.first}
            onChange={set("first")}
            size={5}
          />
          <label htmlFor={`${id}-last`}>Last</label>
          <input
            id={`${id}-last`}
            data-testid="new-agreement-last-year"
            inputMode="numeric"
            value={form.last}
            onChange={set("last")}
            size={5}
          />
          {/* The start month's label wraps with its select, never apart from it. */}
          <span className="field-pair">
            <label htmlFor={`${id}-month`}>Fiscal year starts</label>
            <select id={`${id}-month`} data-testid="new-agreement-start-month" value={form.month} onChange={set("month")}>
              {MONTHS.map((m, i) => (
                <option key={m} value={String(i + 1)}>
                  {m} 1
                </option>
              ))}
            </select>
          </span>
        </fieldset>
        {problem && (
          <p className="error" role="alert" data-testid="new-agreement-problem">
            {problem}
          </p>
        )}
        <div className="dialog-buttons">
          <button type="button" onClick={close} data-testid="new-agreement-cancel">
            Cancel
          </button>
          <button type="submit" className="primary" data-testid="new-agreement-create">
            Create
          </button>
        </div>
      </form>
    </dialog>
  );
}
