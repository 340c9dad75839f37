/**
 * The range dialog's form as plain data: each parameter as the user typed it, in the input's own
 * units ("6%", "$52,000", "5,776"), turned into a distribution of the scenario file and checked by
 * the engine's own uncertainty checks (model/engine/risk/distributions.ts), with every message
 * worded in the user's units ("max 6% must be more than min 12%", not 0.06 and 0.12).
 */
import { Decimal } from "../../model/engine/decimal";
import { outsideRange } from "../../model/engine/fields";
import { distributionErrors, distributionSchema, DRAW_DIGITS, type Distribution } from "../../model/engine/risk/distributions";
import { distributionText } from "../../model/engine/risk/words";
import type { InputEntry } from "../../model/engine/scenario/paths";
import { inputText } from "../format/money";
import { parseInputNumber } from "../format/parse-number";

export type Kind = Distribution["distribution"];

export const KINDS: { kind: Kind; label: string; help: string }[] = [
  { kind: "fixed", label: "Fixed (no range)", help: "The input keeps its value in every draw." },
  { kind: "uniform", label: "Uniform", help: "Every value from the lowest to the highest equally likely." },
  { kind: "triangular", label: "Triangular", help: "Most likely at one value, less and less likely towards the lowest and highest." },
  {
    kind: "normal",
    label: "Normal (truncated)",
    help: "A bell curve around the mean, cut off at the input's range (and at a lowest/highest if given).",
  },
  { kind: "discrete", label: "Discrete", help: "One of a few listed values, each with a relative weight." },
];

export interface RangeForm {
  kind: Kind;
  min: string;
  mode: string;
  max: string;
  mean: string;
  sd: string;
  values: { value: string; weight: string }[];
  note: string;
}

export interface FieldError {
  /** The form field: "min", "max", "mode", "mean", "sd", "values.2.value", "values", or "" for the whole range. */
  field: string;
  message: string;
}

const show = (raw: string | undefined, entry: InputEntry) => (raw === undefined ? "" : inputText(raw, entry.unit));

/** The form for an input's current distribution, or a suggestion around its value (±10%) when it has none. */
export function formFor(entry: InputEntry, d: Distribution | undefined): RangeForm {
  const value = entry.param.value;
  const v = new Decimal(value);
  const lo = v.times("0.9").toSignificantDigits(DRAW_DIGITS).toString();
  const hi = v.times("1.1").toSignificantDigits(DRAW_DIGITS).toString();
  const blank: RangeForm = {
    kind: d?.distribution ?? "uniform",
    min: show(lo, entry),
    mode: show(value, entry),
    max: show(hi, entry),
    mean: show(value, entry),
    sd: show(v.abs().times("0.05").toSignificantDigits(DRAW_DIGITS).toString(), entry),
    values: [
      { value: show(lo, entry), weight: "1" },
      { value: show(value, entry), weight: "2" },
      { value: show(hi, entry), weight: "1" },
    ],
    note: d?.note ?? "",
  };
  if (!d) return blank;
  switch (d.distribution) {
    case "fixed":
      return blank;
    case "uniform":
      return { ...blank, min: show(d.min, entry), max: show(d.max, entry) };
    case "triangular":
      return { ...blank, min: show(d.min, entry), mode: show(d.mode, entry), max: show(d.max, entry) };
    case "normal":
      return { ...blank, mean: show(d.mean, entry), sd: show(d.sd, entry), min: show(d.min, entry), max: show(d.max, entry) };
    case "discrete":
      return { ...blank, values: d.values.map((x) => ({ value: show(x.value, entry), weight: x.weight })) };
  }
}

/** The engine's words with each raw value it quotes put back in the input's units. */
function inUnits(message: string, d: Distribution, entry: InputEntry): string {
  const raws = new Set<string>();
  for (const [k, x] of Object.entries(d)) if (typeof x === "string" && k !== "note" && k !== "distribution") raws.add(x);
  if (d.distribution === "discrete") d.values.forEach((x) => raws.add(x.value));
  let out = message;
  // Longest first, so "0.105" is not rewritten as "0.1" + "05"; only whole numbers are replaced.
  for (const raw of [...raws].sort((a, b) => b.length - a.length)) {
    const escaped = raw.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    out = out.replace(new RegExp(`(?<![\\d.])${escaped}(?![\\d.])`, "g"), inputText(raw, entry.unit));
  }
  // The dialog's own words for the parameters.
  out = out
    .replace(/\bmin\b/g, "lowest")
    .replace(/\bmax\b/g, "highest")
    .replace(/\bmode\b/g, "most likely");
  // The dialog is titled with the input's name already.
  const prefix = `${entry.param.label}: `;
  return out.startsWith(prefix) ? out.slice(prefix.length) : out;
}

/**
 * The distribution the form describes (null: no range, the input stays fixed), or what is wrong
 * with it, field by field. `source` marks the range as the analyst's assumption.
 */
export function distributionOf(
  form: RangeForm,
  entry: InputEntry,
): { ok: true; distribution: Distribution | null } | { ok: false; errors: FieldError[] } {
  if (form.kind === "fixed") return { ok: true, distribution: null };
  const errors: FieldError[] = [];
  const lo = entry.spec.min;
  const hi = entry.spec.max;
  const rangeWords = () =>
    lo !== undefined && hi !== undefined
      ? `${inputText(lo, entry.unit)} to ${inputText(hi, entry.unit)}${entry.spec.maxExclusive ? " (excluded)" : ""}`
      : lo !== undefined
        ? `${inputText(lo, entry.unit)} or more`
        : `${inputText(hi!, entry.unit)} or less`;
  const num = (field: string, name: string, text: string, opts: { optional?: boolean; inRange?: boolean } = {}): string | undefined => {
    if (opts.optional && text.trim() === "") return undefined;
    const parsed = parseInputNumber(text, entry.unit);
    if (!parsed.ok) {
      errors.push({ field, message: `${name}: ${parsed.message}` });
      return undefined;
    }
    const d = new Decimal(parsed.value);
    if (d.sd() > DRAW_DIGITS) {
      errors.push({ field, message: `${name}: at most ${DRAW_DIGITS} significant digits.` });
      return undefined;
    }
    if (opts.inRange !== false) {
      if (outsideRange(d, entry.spec)) {
        errors.push({ field, message: `${name}: ${inputText(parsed.value, entry.unit)} is outside this input's range, ${rangeWords()}.` });
        return undefined;
      }
    }
    return parsed.value;
  };
  const about = {
    ...(form.note.trim() ? { note: form.note.trim() } : {}),
    source: { kind: "assumed" as const, ref: "range entered by the analyst" },
  };
  let d: Distribution | null = null;
  switch (form.kind) {
    case "uniform": {
      const min = num("min", "Lowest", form.min);
      const max = num("max", "Highest", form.max);
      if (min !== undefined && max !== undefined) d = { distribution: "uniform", min, max, ...about };
      break;
    }
    case "triangular": {
      const min = num("min", "Lowest", form.min);
      const mode = num("mode", "Most likely", form.mode);
      const max = num("max", "Highest", form.max);
      if (min !== undefined && mode !== undefined && max !== undefined) d = { distribution: "triangular", min, mode, max, ...about };
      break;
    }
    case "normal": {
      const mean = num("mean", "Mean", form.mean);
      const sd = num("sd", "Standard deviation", form.sd, { inRange: false });
      const min = num("min", "Lowest", form.min, { optional: true });
      const max = num("max", "Highest", form.max, { optional: true });
      if (mean !== undefined && sd !== undefined && !errors.length)
        d = { distribution: "normal", mean, sd, ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}), ...about };
      break;
    }
    case "discrete": {
      const values: { value: string; weight: string }[] = [];
      form.values.forEach((row, i) => {
        const value = num(`values.${i}.value`, `Value ${i + 1}`, row.value);
        const w = row.weight.trim();
        const weight = /^\d+(\.\d+)?$/.test(w) ? w : undefined;
        if (weight === undefined)
          errors.push({ field: `values.${i}.weight`, message: `Weight ${i + 1}: "${w}" is not a weight (0 or more, e.g. 1).` });
        if (value !== undefined && weight !== undefined) values.push({ value, weight });
      });
      if (form.values.length === 0) errors.push({ field: "values", message: "List at least one value." });
      if (!errors.length) d = { distribution: "discrete", values, ...about };
      break;
    }
  }
  if (errors.length || !d) return { ok: false, errors: errors.length ? errors : [{ field: "", message: "Fill in the range." }] };
  const shape = distributionSchema.safeParse(d);
  if (!shape.success) return { ok: false, errors: shape.error.issues.map((i) => ({ field: String(i.path[0] ?? ""), message: i.message })) };
  const checked = distributionErrors(d, entry, "range");
  if (checked.length)
    return {
      ok: false,
      errors: checked.map((e) => ({ field: e.field.replace(/^range\.?/, ""), message: inUnits(e.message, d, entry) })),
    };
  return { ok: true, distribution: d };
}

/** "5,776 ± 2%", "6%–12%", or "" for an input without a range. */
export function rangeTextOf(entry: InputEntry, d: Distribution | undefined): string {
  return d && d.distribution !== "fixed" ? distributionText(d, entry.param.value, entry.unit) : "";
}
