/**
 * What a scenario's shape cannot say: ids unique, references to lines, groups, funds and items
 * that exist, derived lines and items without loops, years that fit the agreement, groups that
 * give their payroll one way, headcount where an item needs it, fund shares that add up, a census
 * where the schedule method needs one. Each check is a named piece; all report field paths by id.
 */
import { anchorProblem, fiscalYearStart } from "../calendar";
import { Decimal, ZERO } from "../decimal";
import type { InputError } from "../errors";
import type { AnyKind, ItemBase } from "../kinds/kind";
import type { Registry } from "../kinds/registry";
import { distributionErrors } from "../risk/distributions";
import { raiseTerms } from "../kinds/raises-schedule";
import type { RaisesItem } from "../kinds/raises";
import { referenceCensus } from "../schedule";
import { embeddedCensusErrors } from "../schedule/method";
import { ANNUALIZED_COLUMN, fyKey, lineKind, TOTAL_COLUMN, type TableLine } from "../table/schema";
import type { ScenarioBase } from "./base";
import { groupFormProblem, hasMembers, hasPayroll } from "./groups";
import { listInputs } from "./paths";
import { suggestKey, unknownIdMessage } from "./zod-kit";
import { workEstimate, workProblem } from "./work";

type Report = (field: string, message: string) => void;

function duplicates(ids: readonly string[], what: string, at: string, err: Report): void {
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) err(`${at}.${id}`, `duplicate ${what} "${id}"`);
    seen.add(id);
  }
}

/** An id repeated in a list of references; `twice` says what the repeat would do. */
function listedTwice(ids: readonly string[], at: string, twice: string, err: Report): void {
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) err(at, `"${id}" is listed twice${twice}`);
    seen.add(id);
  }
}

/** A loop in a graph of references, as "a -> b -> a", or undefined. */
export function findLoop(nodes: readonly string[], edges: (id: string) => readonly string[]): string[] | undefined {
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const visit = (id: string): string[] | undefined => {
    if (state.get(id) === "done") return undefined;
    if (state.get(id) === "open") return [...stack.slice(stack.indexOf(id)), id];
    state.set(id, "open");
    stack.push(id);
    for (const next of edges(id)) {
      const loop = visit(next);
      if (loop) return loop;
    }
    stack.pop();
    state.set(id, "done");
    return undefined;
  };
  for (const id of nodes) {
    const loop = visit(id);
    if (loop) return loop;
  }
  return undefined;
}

function sharesAddUp(shares: Record<string, { value: string }> | undefined, at: string, funds: Set<string>, err: Report): void {
  if (!shares) return;
  let total = ZERO;
  for (const [fund, p] of Object.entries(shares)) {
    if (!funds.has(fund)) err(`${at}.${fund}`, unknownIdMessage(`fund "${fund}" is not one of the scenario's funds`, fund, funds, "funds"));
    try {
      total = total.plus(new Decimal(p.value));
    } catch {
      return;
    }
  }
  if (total.greaterThan(1)) err(at, `fund shares add up to ${total.toString()}, more than 1 (100%)`);
}

export function checkIds(s: ScenarioBase, err: Report): void {
  duplicates(
    s.groups.map((g) => g.id),
    "group id",
    "groups",
    err,
  );
  duplicates(
    s.items.map((i) => i.id),
    "item id",
    "items",
    err,
  );
  duplicates(
    s.table.lines.map((l) => l.id),
    "line id",
    "table.lines",
    err,
  );
  duplicates(
    (s.funds ?? []).map((f) => f.id),
    "fund id",
    "funds",
    err,
  );
  for (const g of s.groups)
    if (g.positions)
      duplicates(
        g.positions.map((p) => p.id),
        "position id",
        `groups.${g.id}.positions`,
        err,
      );
}

export function checkCalendar(s: ScenarioBase, err: Report): void {
  const years = s.table.columns.fiscalYears;
  years.forEach((fy, i) => {
    if (i > 0 && fy !== years[i - 1]! + 1) err("table.columns.fiscalYears", "fiscal years must be consecutive and ascending");
  });
  const { effectiveFrom, effectiveTo } = s.agreement;
  if (effectiveFrom > effectiveTo) err("agreement.effectiveTo", "ends before it starts");
  // Other methods cost a year after the agreement on its last terms; the salary schedules are priced only for its own years.
  const m = s.calendar.fiscalYearStartMonth;
  if (s.settings.salaryMethod === "schedule")
    for (const fy of years)
      if (fiscalYearStart(fy, m) > effectiveTo)
        err(
          "table.columns.fiscalYears",
          `FY${fy} (${fiscalYearStart(fy, m)} on) starts after the agreement ends (${effectiveTo}); the schedule method prices only the agreement's own years`,
        );
  const total = s.table.columns.total;
  if (total && total.through !== undefined && !years.includes(total.through))
    err("table.columns.total.through", `FY${total.through} is not one of the table's fiscal years`);
  const anchor = anchorProblem(s.calendar);
  if (anchor) err("calendar.payPeriodAnchor", anchor);
}

export function checkGroups(s: ScenarioBase, err: Report): void {
  const funds = new Set((s.funds ?? []).map((f) => f.id));
  for (const g of s.groups) {
    const problem = groupFormProblem(g);
    if (problem) err(`groups.${g.id}`, `${g.label} ${problem}`);
    sharesAddUp(g.fundShares, `groups.${g.id}.fundShares`, funds, err);
  }
}

/** The lines a derived line refers to. */
export function lineRefs(line: TableLine): string[] {
  return [
    ...(line.sum ?? []),
    ...(line.minus ?? []),
    ...(line.share ? [line.share.of] : []),
    ...(line.fund?.of ?? []),
    ...(line.change ? [line.change.of] : []),
  ];
}

const NOT_SPLIT_BY_FUND: Record<string, string> = {
  amounts: "a line of entered amounts, which no fund share splits",
  share: "a share line; name the line it takes a share of",
  change: "a change line; name the line it is the change of",
  fund: "a fund line, already one fund's part",
};

/**
 * A fund line splits cost items by their fund shares, so every line it reaches, directly or
 * through sums, must carry items: any other line would add nothing to the fund's part, in silence.
 */
function fundReachProblems(of: readonly string[], lines: ReadonlyMap<string, TableLine>): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const visit = (id: string, through: string | undefined) => {
    const line = lines.get(id);
    if (!line || seen.has(id)) return;
    seen.add(id);
    const kind = lineKind(line);
    if (kind === "sum") for (const r of [...(line.sum ?? []), ...(line.minus ?? [])]) visit(r, through ?? id);
    else if (kind !== "cost")
      out.push(
        `"${id}"${through ? ` (through "${through}")` : ""} is ${NOT_SPLIT_BY_FUND[kind]}; a fund line takes cost lines or sums of them`,
      );
  };
  for (const id of of) visit(id, undefined);
  return out;
}

export function checkLines(s: ScenarioBase, err: Report): void {
  const lines = new Map(s.table.lines.map((l) => [l.id, l]));
  const funds = new Set((s.funds ?? []).map((f) => f.id));
  const years = s.table.columns.fiscalYears;
  for (const line of s.table.lines) {
    const at = `table.lines.${line.id}`;
    const formulas = ["sum", "share", "amounts", "fund", "change"].filter((k) => line[k as keyof TableLine] !== undefined);
    if (formulas.length > 1) err(at, `a line has one formula; this one has ${formulas.join(" and ")}`);
    if (line.minus && !line.sum) err(`${at}.minus`, "minus goes with sum");
    if (line.negate !== undefined && lineKind(line) !== "amounts" && lineKind(line) !== "cost")
      err(`${at}.negate`, "negate goes with entered amounts or a cost line; a sum shows a line negated with minus");
    for (const ref of lineRefs(line))
      if (!lines.has(ref)) err(at, unknownIdMessage(`line "${ref}" does not exist`, ref, lines.keys(), "lines"));
    // A derived line adds each reference as often as it is listed.
    listedTwice(line.sum ?? [], `${at}.sum`, " (it would be added twice)", err);
    listedTwice(line.minus ?? [], `${at}.minus`, " (it would be subtracted twice)", err);
    if (line.fund) listedTwice(line.fund.of, `${at}.fund.of`, " (it would be counted twice)", err);
    if (line.fund && !funds.has(line.fund.fund))
      err(
        `${at}.fund.fund`,
        unknownIdMessage(`fund "${line.fund.fund}" is not one of the scenario's funds`, line.fund.fund, funds, "funds"),
      );
    if (line.fund) for (const message of fundReachProblems(line.fund.of, lines)) err(`${at}.fund.of`, message);
    for (const key of Object.keys(line.amounts ?? {}))
      if (key !== "annualized" && !years.includes(Number.parseInt(key.slice(2), 10)))
        err(`${at}.amounts.${key}`, `${key} is not one of the table's fiscal years`);
    if (line.printed === false && line.printedAsZero !== undefined)
      err(`${at}.printed`, "a line that is not printed has no cells to print as 0; remove printedAsZero or print the line");
  }
  if (s.table.lines.length > 0 && s.table.lines.every((l) => l.printed === false))
    err("table.lines", "no line is printed: the table would have no rows; print at least one line");
  const loop = findLoop([...lines.keys()], (id) => (lines.get(id) ? lineRefs(lines.get(id)!).filter((r) => lines.has(r)) : []));
  if (loop) err(`table.lines.${loop[0]}`, `lines refer to each other in a loop: ${loop.join(" -> ")}`);
}

export function checkItems(s: ScenarioBase, kindOf: (item: ItemBase) => AnyKind | undefined, err: Report): void {
  const lines = new Map(s.table.lines.map((l) => [l.id, l]));
  const groups = new Map(s.groups.map((g) => [g.id, g]));
  const funds = new Set((s.funds ?? []).map((f) => f.id));
  const items = new Map(s.items.map((i) => [i.id, i]));
  const years = s.table.columns.fiscalYears;
  for (const item of s.items) {
    const at = `items.${item.id}`;
    const line = lines.get(item.line);
    if (!line) err(`${at}.line`, unknownIdMessage(`line "${item.line}" does not exist`, item.line, lines.keys(), "lines"));
    else if (lineKind(line) !== "cost")
      err(`${at}.line`, `"${item.line}" is a ${lineKind(line)} line; items feed cost lines (lines without a formula)`);
    for (const g of item.groupIds ?? [])
      if (!groups.has(g)) err(`${at}.groupIds`, unknownIdMessage(`group "${g}" does not exist`, g, groups.keys(), "groups"));
    listedTwice(item.groupIds ?? [], `${at}.groupIds`, "; list each group once", err);
    sharesAddUp(item.fundShares, `${at}.fundShares`, funds, err);
    const kind = kindOf(item);
    if (!kind) continue;
    if (kind.needsMembers(item, s))
      for (const g of (item.groupIds ?? [...groups.keys()]).map((id) => groups.get(id)).filter((x) => x !== undefined))
        if (!hasMembers(g))
          err(`${at}`, `${item.label} needs headcount, but group "${g.id}" (${g.label}) gives only a payroll; add its members`);
    if (kind.needsPayroll?.(item, s))
      for (const g of (item.groupIds ?? [...groups.keys()]).map((id) => groups.get(id)).filter((x) => x !== undefined))
        if (!hasPayroll(g))
          err(
            `${at}`,
            `${item.label} needs a payroll, but group "${g.id}" (${g.label}) states only its members; add averageSalary, payroll or positions`,
          );
    for (const e of kind.check(item, { scenario: s, years, itemById: (id) => items.get(id), kindOf, at })) err(e.field ?? at, e.message);
  }
  const loop = findLoop([...items.keys()], (id) => {
    const item = items.get(id)!;
    return (
      kindOf(item)
        ?.dependsOn(item)
        .filter((d: string) => items.has(d)) ?? []
    );
  });
  if (loop) err(`items.${loop[0]}`, `items depend on each other's cost in a loop: ${loop.join(" -> ")}`);
}

export function checkScheduleMethod(s: ScenarioBase, err: Report): void {
  const block = s.scheduleMethod;
  if (s.settings.salaryMethod === "schedule") {
    if (!block)
      err(
        "scheduleMethod",
        'the schedule method needs a scheduleMethod block with its census (embedded, or "census": {"reference": "synthetic"}) and its assumptions',
      );
    // The census lists the people actually on the payroll: a vacancy rate would cut the benefits of
    // a group the census prices but not its census-priced raises, two workforces in one table.
    const raises = s.items.filter((i) => i.kind === "raises");
    for (const g of s.groups)
      if (g.vacancyRate && raises.some((i) => !i.groupIds || i.groupIds.includes(g.id)))
        err(
          `groups.${g.id}.vacancyRate`,
          `${g.label} is priced by the schedule method's census, which counts the people actually employed; ` +
            "a vacancy rate applies to the average-salary method only: remove it, or set the census to the filled positions",
        );
    const companions = new Set(raises.flatMap((i) => [`${i.line}Steps`, `${i.line}Turnover`]));
    for (const l of s.table.lines)
      if (companions.has(l.id))
        err(`table.lines.${l.id}`, `"${l.id}" is the id the schedule method gives its step or turnover line; rename the line`);
    // The census is priced on the schedules year after year from its own year: a raise year with a
    // gap before it (or before the census) would leave the years between unpriced.
    if (block) {
      const asOf = "cells" in block.census ? block.census.asOfFiscalYear : referenceCensus().asOfFiscalYear;
      for (const item of s.items) {
        if (item.kind !== "raises") continue;
        const years = [...new Set(raiseTerms(item as RaisesItem).map((t) => t.fiscalYear))].sort((a, b) => a - b);
        if (years.some((fy, i) => fy !== asOf + 1 + i))
          err(
            `items.${item.id}.steps`,
            `the schedule method prices the census (as of FY${asOf}) on the salary schedules year by year, so the percent raises ` +
              `must run from FY${asOf + 1} without a gap; "${item.label}" has ${years.map((fy) => `FY${fy}`).join(", ") || "none"}`,
          );
      }
    }
  }
  if (block && "cells" in block.census)
    for (const e of embeddedCensusErrors(block.census, "scheduleMethod.census")) err(e.field, e.message);
}

/**
 * The refusal of a document setting that names a helper line. The statement's prose quotes the
 * line's figures, which a helper line never prints. The report refuses it too, for a scenario built
 * in code that never passed this check, and says the same.
 */
export function helperLineNamedByDocument(label: string): string {
  return (
    `"${label}" is a helper line (printed: false): the document would state figures its table does not print; ` +
    "print the line or name a printed one"
  );
}

/** The document settings name lines of the table. */
export function checkDocument(s: ScenarioBase, err: Report): void {
  const doc = s.agreement.document;
  if (!doc) return;
  const lines = new Map(s.table.lines.map((l) => [l.id, l]));
  const at = "agreement.document";
  const refs: [string, string | undefined][] = [
    [`${at}.costLine`, doc.costLine],
    [`${at}.funding.available`, doc.funding?.available],
    [`${at}.funding.additional`, doc.funding?.additional],
  ];
  for (const [field, id] of refs) {
    if (id === undefined) continue;
    const line = lines.get(id);
    if (!line) err(field, `line "${id}" is not in the table`);
    else if (line.printed === false) err(field, helperLineNamedByDocument(line.label));
  }
}

export function checkPublished(s: ScenarioBase, err: Report): void {
  const published = s.table.published;
  if (!published) return;
  if (published.unit !== s.table.display.unit)
    err(
      "table.published.unit",
      `the figures are in ${published.unit} but the table displays ${s.table.display.unit}; print both in one unit`,
    );
  const lines = new Set(s.table.lines.map((l) => l.id));
  const unprinted = new Set(s.table.lines.filter((l) => l.printed === false).map((l) => l.id));
  const columns = new Set([...s.table.columns.fiscalYears.map(fyKey), TOTAL_COLUMN, ANNUALIZED_COLUMN]);
  for (const [lineId, row] of Object.entries(published.values)) {
    if (!lines.has(lineId)) err(`table.published.values.${lineId}`, `line "${lineId}" is not in the table`);
    else if (unprinted.has(lineId))
      err(`table.published.values.${lineId}`, `line "${lineId}" is not printed; remove its published figures or print it`);
    for (const column of Object.keys(row))
      if (!columns.has(column))
        err(`table.published.values.${lineId}.${column}`, `column "${column}" is not in the table (${[...columns].join(", ")})`);
  }
  const printed = (cell: string) => {
    const [lineId, column] = cell.split(".");
    return published.values[lineId ?? ""]?.[column ?? ""];
  };
  const seen = new Set<string>();
  for (const d of published.expectedDisagreements ?? []) {
    const at = `table.published.expectedDisagreements.${d.cell}`;
    if (seen.has(d.cell)) err(at, `${d.cell} is listed twice`);
    seen.add(d.cell);
    const figure = printed(d.cell);
    if (figure === undefined) err(at, `${d.cell} is not one of the published values; list the printed figure in values first`);
    else if (figure !== d.published) err(`${at}.published`, `${d.published} is not the figure in values (${figure})`);
    if (d.published === d.fromStatedInputs) err(`${at}.fromStatedInputs`, "equals the published figure: that is no disagreement");
  }
  for (const c of published.calibratedFrom ?? [])
    if (printed(c.cell) === undefined) err(`table.published.calibratedFrom.${c.cell}`, `${c.cell} is not one of the published values`);
}

/**
 * A figure an input was calibrated from names that input, marked calibrated with what the
 * documents state: `--check` then counts the figure as reproduced by construction, so a wrong
 * path would pass a figure off as no independent check while no input explains why.
 */
export function checkCalibrations(s: ScenarioBase, registry: Registry | undefined, err: Report): void {
  const calibrations = s.table.published?.calibratedFrom ?? [];
  if (calibrations.length === 0) return;
  const inputs = new Map(listInputs(s, registry).map((e) => [e.path, e.param]));
  for (const c of calibrations) {
    const at = `table.published.calibratedFrom.${c.cell}.input`;
    const param = inputs.get(c.input);
    if (!param) {
      const near = suggestKey(c.input, [...inputs.keys()]);
      err(at, `"${c.input}" is not an input of this scenario${near ? `; did you mean "${near}"?` : ""}`);
    }
    // An edit in the app makes the source "user" (was ..., calibrated): still the input the figure calibrated.
    else if (param.source.kind !== "calibrated" && param.source.kind !== "user")
      err(
        at,
        `${c.input} is not a calibrated input (its source is "${param.source.kind}"); mark it {"kind": "calibrated"} with the reason`,
      );
    else if (param.stated === undefined) err(at, `${c.input} gives no "stated" value: say what the documents state (or "not stated")`);
  }
}

/** Each uncertain input names an input the scenario has, and its distribution fits that input's field. */
export function checkUncertainty(s: ScenarioBase, registry: Registry | undefined, err: Report): void {
  if (!s.uncertainty) return;
  const inputs = new Map(listInputs(s, registry).map((e) => [e.path, e]));
  for (const [path, d] of Object.entries(s.uncertainty.inputs)) {
    const at = `uncertainty.inputs.${path}`;
    const entry = inputs.get(path);
    if (!entry) {
      const near = suggestKey(path, [...inputs.keys()]);
      err(at, `"${path}" is not an input of this scenario${near ? `; did you mean "${near}"?` : ""}`);
      continue;
    }
    for (const e of distributionErrors(d, entry, at)) err(e.field, e.message);
  }
}

/**
 * Helper lines (not printed) that no other line uses: allowed, since one may be kept for a later
 * formula, but nothing shows their figures, so they are worth a word. (The document settings may
 * not name one: checkDocument refuses it.)
 */
export function unusedHelperLines(s: ScenarioBase): InputError[] {
  const named = new Set(s.table.lines.flatMap(lineRefs));
  return s.table.lines
    .filter((l) => l.printed === false && !named.has(l.id))
    .map((l) => ({
      field: `table.lines.${l.id}.printed`,
      message: `"${l.label}" is not printed and no other line uses it, so none of its figures shows; print it or use it in a line`,
    }));
}

/** Every check, in order. */
export function scenarioErrors(s: ScenarioBase, kindOf: (item: ItemBase) => AnyKind | undefined, registry?: Registry): InputError[] {
  const errors: InputError[] = [];
  const err: Report = (field, message) => errors.push({ field, message });
  checkIds(s, err);
  checkCalendar(s, err);
  checkGroups(s, err);
  checkLines(s, err);
  checkItems(s, kindOf, err);
  checkScheduleMethod(s, err);
  checkPublished(s, err);
  checkDocument(s, err);
  checkUncertainty(s, registry, err);
  checkCalibrations(s, registry, err);
  // Only a scenario that is otherwise sound is sized (a loop or a missing reference would mislead the estimate).
  if (errors.length === 0) {
    const problem = workProblem(workEstimate(s, kindOf));
    if (problem) err("(root)", problem);
  }
  return errors;
}
