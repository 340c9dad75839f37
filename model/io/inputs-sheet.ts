/**
 * The Inputs sheet: one row per input of the scenario (listInputs order) with its value formatted
 * in its field's unit (2.0% not 0.02, $596,350,000 not 596350000), styled as a cell to type in,
 * validated against the field's range, and named from its path so formulas read
 * `items_bonus_rate` rather than `Inputs!E12`. Below the inputs: the counts the formulas take from
 * the calendar (months, pay periods, days), named and marked "from the calendar"; then what does
 * not flow into the formulas, if anything. Above: the scenario the sheet was exported from, which
 * the import compares with the scenario it is applied to.
 */
import type * as XLSX from "xlsx";
import { rangeText, type FieldSpec, type InputEntry, type Scenario, type SettingEntry, type Unit } from "../engine/index";
import { num, quoteSheet, sheetFromRows, spreadsheetNumber, text, type Row } from "./sheet-cells";
import { emptyDecor, type SheetDecor, type Validation } from "./xlsx-decorate";

/** Read left to right as an analyst reads a row: what it is, its value, where it comes from; the Path (matched on import) last. */
export const INPUT_HEADERS = [
  "Section",
  "Item",
  "Label",
  "Value",
  "Unit",
  "Allowed range",
  "Source kind",
  "Source ref",
  "Source note",
  "Stated value",
  "Used by",
  "Name",
  "Path",
] as const;
const COL = Object.fromEntries(INPUT_HEADERS.map((h, i) => [h, i])) as Record<(typeof INPUT_HEADERS)[number], number>;
/** 1-based row of the Inputs header; input rows follow it. */
export const INPUTS_HEADER_ROW = 6;
export const VALUE_COLUMN = COL.Value;
export const PATH_COLUMN = COL.Path;
export const LABEL_COLUMN = COL.Label;
/** The Value column's letter ("D"). */
export const VALUE_LETTER = String.fromCharCode(65 + VALUE_COLUMN);
/** Row 3: "Exported from scenario" | id | "Salary method" | method: what the import compares. */
export const EXPORTED_FROM = "Exported from scenario";
export const SALARY_METHOD = "Salary method";
/** Calendar rows have this prefix in the Path column; the import checks them against the scenario's own calendar. */
export const CALENDAR_PREFIX = "calendar:";

/** Setting rows have this prefix in the Path column; the import reports a changed one as ignored (settings are edited in the app). */
export const SETTING_PREFIX = "setting:";

/** A count from the calendar as the workbook holds it. */
export interface CalendarCell {
  key: string;
  value: number;
  unit: string;
  label: string;
  name: string;
}

export interface InputsSheetSpec {
  scenario: Scenario;
  name: string;
  entries: InputEntry[];
  names: Map<string, string>;
  calendar: CalendarCell[];
  /** Defined name -> the sheets whose formulas use it. */
  usedBy: Map<string, Set<string>>;
  /** Why an input no formula uses is there (path -> reason); absent for inputs that are used. */
  documentation: Map<string, string>;
  /** What the formulas cannot follow, each one sentence. */
  doesNotFlow: string[];
  /** Words for the calendar, e.g. "October fiscal year; biweekly pay periods from 2024-10-06". */
  calendarWords: string;
  /** The scenario's settings (where replacements enter, the step date): listed, grey, not inputs of the formulas. */
  settings?: SettingEntry[];
  /** What the settings decide in this workbook, for their Used by column. */
  settingsUse?: string;
}

export interface InputsSheet {
  sheet: XLSX.WorkSheet;
  decor: SheetDecor;
  definedNames: { Name: string; Ref: string }[];
}

const DOLLAR_UNITS: readonly Unit[] = ["USD", "USD/year", "USD/month", "USD/pay period", "USD/hour"];
const decimalsOf = (value: string) => (value.includes(".") ? value.split(".")[1]!.replace(/0+$/, "").length : 0);

/** The number format of a value in its field's unit: percent for rates and shares, dollars, plain counts. */
export function inputFormat(unit: Unit, value: string): string {
  if (unit === "rate" || unit === "share") {
    // At least one decimal (so 2.5% typed later shows as 2.5%, not 3%), more when the value has them.
    const places = Math.max(decimalsOf(value) - 2, 1);
    return `0.${"0".repeat(1)}${"#".repeat(Math.max(places - 1, 1))}%`;
  }
  if (DOLLAR_UNITS.includes(unit)) {
    const cents = unit === "USD/month" || unit === "USD/pay period" || unit === "USD/hour" || decimalsOf(value) > 0;
    const places = Math.max(cents ? 2 : 0, decimalsOf(value));
    const body = places ? `$#,##0.${"0".repeat(places)}` : "$#,##0";
    return `${body};(${body})`;
  }
  const places = decimalsOf(value);
  return places ? `#,##0.${"0".repeat(places)}` : "#,##0";
}

/** Data validation from the field's range. */
export function rangeValidation(ref: string, spec: FieldSpec, label: string): Validation {
  const percent = spec.unit === "rate" || spec.unit === "share";
  const hint = percent ? " Type a percent (3% or 0.03), not 3." : "";
  const base = { sqref: ref, title: label.slice(0, 32), error: `${label}: ${rangeText(spec)} (${spec.unit}).${hint}`, prompt: spec.help };
  const { min, max } = spec;
  if (min !== undefined && max !== undefined && (spec.minExclusive || spec.maxExclusive))
    return {
      ...base,
      type: "custom",
      formula1: `AND(ISNUMBER(${ref}),${ref}${spec.minExclusive ? ">" : ">="}${min},${ref}${spec.maxExclusive ? "<" : "<="}${max})`,
    };
  if (min !== undefined && max !== undefined) return { ...base, type: "decimal", operator: "between", formula1: min, formula2: max };
  if (min !== undefined)
    return { ...base, type: "decimal", operator: spec.minExclusive ? "greaterThan" : "greaterThanOrEqual", formula1: min };
  if (max !== undefined) return { ...base, type: "decimal", operator: spec.maxExclusive ? "lessThan" : "lessThanOrEqual", formula1: max };
  // Unbounded fields (savings may be negative) still take only numbers, within the engine's magnitude limit.
  return { ...base, type: "decimal", operator: "between", formula1: "-1000000000000000", formula2: "1000000000000000" };
}

export function inputsSheet(spec: InputsSheetSpec): InputsSheet {
  const { scenario, entries, names } = spec;
  const decor = emptyDecor();
  const rows: Row[] = [];
  const put = (r: number, c: number, cell: XLSX.CellObject | null, style?: Parameters<SheetDecor["styles"]["set"]>[1]) => {
    (rows[r - 1] ??= [])[c] = cell;
    if (style && cell) decor.styles.set(`${String.fromCharCode(65 + c)}${r}`, style);
  };
  const flows = spec.doesNotFlow.length === 0;
  put(1, 0, text(`Inputs: ${scenario.name}`), "title");
  put(
    2,
    0,
    text(
      "Type in the yellow Value cells: every formula on the Calculation and Cost Table sheets follows. Rates are percents " +
        "(2% = 0.02). Grey rows are counted from the calendar or are documentation. The sheets are protected without a " +
        "password so a formula is not overwritten by accident (Review > Unprotect Sheet). Rows are matched by Path on import.",
    ),
    "note",
  );
  put(3, 0, text(EXPORTED_FROM), "label");
  put(3, 1, text(scenario.id));
  put(3, 2, text(SALARY_METHOD), "label");
  put(3, 3, text(scenario.settings.salaryMethod));
  put(
    4,
    0,
    text(
      flows
        ? "Every input flows into the formulas."
        : `Not everything flows into the formulas: ${spec.doesNotFlow.length} item(s) listed under "Does not flow" below.`,
    ),
    flows ? "note" : "label",
  );
  const H = INPUTS_HEADER_ROW;
  INPUT_HEADERS.forEach((h, c) => put(H, c, text(h), c === VALUE_COLUMN ? "headerRight" : "header"));
  const definedNames: { Name: string; Ref: string }[] = [];
  const usedText = (name: string) => [...(spec.usedBy.get(name) ?? [])].join(", ");

  entries.forEach((e, i) => {
    const r = H + 1 + i;
    const p = e.param;
    const format = inputFormat(e.unit, p.value);
    const documentation = spec.documentation.get(e.path);
    const stated =
      p.stated === undefined ? null : /^-?\d+(\.\d+)?$/.test(p.stated) ? num(spreadsheetNumber(p.stated), format) : text(p.stated);
    put(r, COL.Section, text(e.section));
    put(r, COL.Item, text(e.owner));
    put(r, COL.Label, text(p.label));
    put(r, COL.Value, num(spreadsheetNumber(p.value), format), documentation ? "inputDocumentation" : "input");
    put(r, COL.Unit, text(e.unit));
    put(r, COL["Allowed range"], text(rangeWords(e.spec)));
    put(r, COL["Source kind"], text(p.source.kind));
    put(r, COL["Source ref"], text(p.source.ref));
    put(r, COL["Source note"], text(p.source.note ?? ""));
    put(r, COL["Stated value"], stated);
    put(
      r,
      COL["Used by"],
      text(documentation ? `documentation only: ${documentation}` : usedText(names.get(e.path)!)),
      documentation ? "note" : undefined,
    );
    put(r, COL.Name, text(names.get(e.path)!));
    put(r, COL.Path, text(e.path));
    definedNames.push({ Name: names.get(e.path)!, Ref: `${quoteSheet(spec.name)}!$${VALUE_LETTER}$${r}` });
    decor.validations.push(rangeValidation(`${VALUE_LETTER}${r}`, e.spec, p.label));
  });

  let r = H + entries.length + 2;
  if (spec.calendar.length) {
    put(
      r,
      0,
      text("From the calendar: not inputs. Counted from the scenario's calendar; change the calendar or settings in the app."),
      "label",
    );
    r++;
    for (const c of spec.calendar) {
      put(r, COL.Section, text("Calendar"));
      put(r, COL.Label, text(c.label));
      put(r, COL.Value, num(c.value, "#,##0"), "calendar");
      put(r, COL.Unit, text(c.unit));
      put(r, COL["Source kind"], text("derived"));
      put(r, COL["Source ref"], text("calendar"));
      put(r, COL["Source note"], text(spec.calendarWords));
      put(r, COL["Used by"], text(usedText(c.name)));
      put(r, COL.Name, text(c.name));
      put(r, COL.Path, text(`${CALENDAR_PREFIX}${c.key}`));
      definedNames.push({ Name: c.name, Ref: `${quoteSheet(spec.name)}!$${VALUE_LETTER}$${r}` });
      r++;
    }
    r++;
  }
  const settings = spec.settings ?? [];
  if (settings.length) {
    put(
      r,
      0,
      text(
        "Settings: not inputs. They set the Projection sheet's layout (the rows replacements enter, when steps move), so a value " +
          "typed here does not flow into the formulas and is ignored on import: change them in the app.",
      ),
      "label",
    );
    r++;
    for (const e of settings) {
      put(r, COL.Section, text(e.section));
      put(r, COL.Item, text(e.owner));
      put(r, COL.Label, text(e.label));
      put(r, COL.Value, e.kind === "whole number" ? num(Number(e.value), "0") : text(e.value), "calendar");
      put(r, COL.Unit, text(e.unit));
      put(r, COL["Allowed range"], text(e.allowed));
      put(r, COL["Source kind"], text(e.source.kind));
      put(r, COL["Source ref"], text(e.source.ref));
      put(r, COL["Source note"], text(e.source.note ?? ""));
      put(r, COL["Used by"], text(`setting, does not flow: ${spec.settingsUse ?? "the app's schedule-method costing"}`), "note");
      put(r, COL.Path, text(`${SETTING_PREFIX}${e.path}`));
      r++;
    }
    r++;
  }
  if (!flows) {
    put(r, 0, text("Does not flow: the formulas cannot follow these; the app does."), "label");
    r++;
    for (const line of spec.doesNotFlow) put(r++, 0, text(line), "note");
  }
  for (let k = 0; k < rows.length; k++) rows[k] ??= [];

  const widest = (values: string[], min: number, max: number) => Math.min(Math.max(min, ...values.map((v) => v.length + 2)), max);
  const widths = [
    widest(
      entries.map((e) => e.section),
      14,
      24,
    ),
    widest(
      entries.map((e) => e.owner),
      14,
      32,
    ),
    widest([...entries.map((e) => e.param.label), ...spec.calendar.map((c) => c.label), ...settings.map((e) => e.label)], 30, 64),
    widest(
      entries.map((e) => formatted(e.param.value, e.unit)),
      14,
      24,
    ),
    14,
    widest(
      entries.map((e) => rangeWords(e.spec)),
      14,
      34,
    ),
    12,
    16,
    60,
    14,
    24,
    widest([...names.values()], 24, 48),
    widest(
      entries.map((e) => e.path),
      24,
      48,
    ),
  ];
  const sheet = sheetFromRows(rows, widths);
  decor.freeze = { rows: H, cols: 0 };
  decor.print = "landscape";
  return { sheet, decor, definedNames };
}

/** The field's range in words that read as text in a cell ("from -1 (excluded) to 1", never a leading minus). */
const rangeWords = (spec: FieldSpec) => {
  const words = rangeText(spec);
  return /^[-+]/.test(words) ? `from ${words}` : words;
};

/** Roughly how a value shows in its format, for the column width. */
function formatted(value: string, unit: Unit): string {
  const n = Number(value);
  if (unit === "rate" || unit === "share") return `${(n * 100).toFixed(Math.max(decimalsOf(value) - 2, 1))}%`;
  const withCommas = Math.abs(n).toLocaleString("en-US", { maximumFractionDigits: 6 });
  return `${DOLLAR_UNITS.includes(unit) ? "$" : ""}${n < 0 ? `(${withCommas})` : withCommas}.00`;
}
