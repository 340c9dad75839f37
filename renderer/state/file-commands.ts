/**
 * File commands (New, Open, Save, Save As, Recent, Export, Import) over the PlatformApi. Each one
 * reports through the message bar; a failed open or import leaves the current work untouched.
 */
import type { Dispatch } from "react";
import type { PlatformApi } from "../../electron/ipc/contract";
import { formatInputError, type InputError } from "../../model/engine/errors";
import { inputsToFill, parseDraftJson } from "../../model/engine/scenario/drafts";
import { serializeScenario } from "../../model/engine/scenario/schema";
import type { Scenario } from "../../model/engine/scenario/types";
import { censusTemplateCsv } from "../../model/engine/schedule/census";
import { censusOf } from "../io/census-import-job";
import { importAssumptionsInBackground, prepareAssumptionsImport } from "../io/assumptions-import-client";
import { importCensusInBackground, prepareCensusImport } from "../io/census-import-client";
import { exportTableCsv } from "../../model/io/table-csv";
import { censusToJson } from "../../model/engine/schedule/census";
import { loadExportWorkbook } from "../io/spreadsheet-io";
import { compareSelection } from "./compare-selection";
import { computeOptionsFor } from "./compute-cache";
import { isJobCancelled, tableWhenReady } from "./table-jobs";
import { activeEntry, type Action, type AppState } from "./store";

/** A question with buttons, answered in the app (never a native confirm()). */
export interface Question {
  text: string;
  choices: { id: string; label: string }[];
}

export interface FileCommandContext {
  platform: PlatformApi;
  getState: () => AppState;
  dispatch: Dispatch<Action>;
  /** Asks the user; resolves to the chosen id, or null when dismissed. Absent: nothing is asked. */
  ask?: (question: Question) => Promise<string | null>;
}

const fileName = (name: string, ext: string) => `${name.replace(/[^\w .()-]+/g, "_").trim() || "scenario"}.${ext}`;

/** `total`: how many problems there were, when `errors` is only the first of them. */
function showErrors(dispatch: Dispatch<Action>, what: string, errors: InputError[], total = errors.length) {
  dispatch({
    type: "notice",
    notice: {
      kind: "error",
      text: `${what}: ${total} problem(s); nothing was changed.`,
      details: errors.slice(0, 30).map(formatInputError),
    },
  });
}

/** An export waiting on a heavy table that was cancelled says so, rather than "Cancelled.". */
const exportError = (e: unknown) =>
  isJobCancelled(e)
    ? "the table was not costed (cancelled); cost the table, then export again"
    : e instanceof Error
      ? e.message
      : String(e);

function fail(dispatch: Dispatch<Action>, what: string, error: string) {
  dispatch({ type: "notice", notice: { kind: "error", text: `${what}: ${error}` } });
}

export function openText(ctx: FileCommandContext, file: { token?: string; name: string; text: string }) {
  // A file made from a template may still have inputs to fill: it opens, and the Inputs tab lists them.
  const parsed = parseDraftJson(file.text, file.name);
  if (!parsed.ok) return showErrors(ctx.dispatch, `Could not open "${file.name}"`, parsed.errors);
  ctx.dispatch({ type: "opened", scenario: parsed.value, ...(file.token ? { file: { token: file.token, name: file.name } } : {}) });
}

export async function openScenario(ctx: FileCommandContext) {
  const r = await ctx.platform.openScenarioFile();
  if (!r.ok) return fail(ctx.dispatch, "Open failed", r.error);
  if (r.value) openText(ctx, r.value);
}

export async function openRecent(ctx: FileCommandContext, token: string) {
  const r = await ctx.platform.openRecent(token);
  if (!r.ok) return fail(ctx.dispatch, "Open recent failed", r.error);
  if (r.value) openText(ctx, r.value);
}

export async function saveScenario(ctx: FileCommandContext, saveAs: boolean): Promise<void> {
  const entry = activeEntry(ctx.getState());
  const token = saveAs || entry.builtIn ? undefined : entry.file?.token;
  const suggestedName = entry.file?.name ?? fileName(entry.scenario.name, "json");
  const text = serializeScenario(entry.scenario);
  let r = await ctx.platform.saveScenarioFile({ ...(token ? { token } : {}), suggestedName, text });
  // A read-only file is replaced only when the user says so (it stays read-only afterwards).
  if (!r.ok && r.readOnly && ctx.ask) {
    const file = r.readOnly;
    const choice = await ctx.ask({
      text: `"${file.name}" is read-only. Replace it with "${entry.scenario.name}" anyway? It stays read-only afterwards.`,
      choices: [
        { id: "overwrite", label: "Overwrite" },
        { id: "saveAs", label: "Save As…" },
        { id: "cancel", label: "Cancel" },
      ],
    });
    if (choice === "saveAs") return saveScenario(ctx, true);
    if (choice !== "overwrite") {
      ctx.dispatch({ type: "notice", notice: { kind: "info", text: `Not saved: "${file.name}" is read-only and was left as it is.` } });
      return;
    }
    r = await ctx.platform.saveScenarioFile({ token: file.token, suggestedName, text, overwriteReadOnly: true });
  }
  if (!r.ok) return fail(ctx.dispatch, "Save failed", r.error);
  if (r.value) ctx.dispatch({ type: "saved", key: entry.key, file: r.value });
}

/** A scenario with inputs to fill is not costed, so it cannot be exported: say which inputs are missing. */
function refuseDraft(ctx: FileCommandContext, scenario: Scenario): boolean {
  const toFill = inputsToFill(scenario);
  if (toFill.length === 0) return false;
  ctx.dispatch({
    type: "notice",
    notice: {
      kind: "error",
      text: `"${scenario.name}" has ${toFill.length} input(s) to fill; it is exported once they are filled.`,
      details: toFill.map((t) => `${t.path}: ${t.label}`),
    },
  });
  return true;
}

/** The active scenario in a workbook of its own (the analyst's workbook: its Inputs, Calculation and Cost Table). */
export async function exportXlsx(ctx: FileCommandContext) {
  const entry = activeEntry(ctx.getState());
  await writeWorkbook(ctx, [entry.scenario], fileName(entry.scenario.name, "xlsx"));
}

/** The Compare tab's scenarios side by side in one workbook, each with its own Inputs and Calculation sheets. */
export async function exportXlsxComparison(ctx: FileCommandContext) {
  const chosen = compareSelection(ctx.getState()).chosen;
  if (chosen.length < 2) return fail(ctx.dispatch, "Export failed", "pick two or more scenarios on the Compare tab first");
  await writeWorkbook(
    ctx,
    chosen.map((c) => c.scenario),
    fileName(
      `${chosen[0]!.name} vs ${chosen
        .slice(1)
        .map((c) => c.name)
        .join(", ")}`,
      "xlsx",
    ),
  );
}

async function writeWorkbook(ctx: FileCommandContext, scenarios: Scenario[], suggestedName: string) {
  try {
    const state = ctx.getState();
    if (scenarios.some((s) => refuseDraft(ctx, s))) return;
    // A heavy table is the worker's (the same job the screen shows, if it runs): waited for, not computed here.
    const results = await Promise.all(scenarios.map((s) => tableWhenReady(s)));
    const build = await loadExportWorkbook();
    const bytes = build(scenarios, { computeOptions: computeOptionsFor(scenarios[0]!, state.census?.census), results });
    const r = await ctx.platform.exportFile({ suggestedName, kind: "xlsx", bytes });
    if (!r.ok) return fail(ctx.dispatch, "Export failed", r.error);
    if (r.value) ctx.dispatch({ type: "notice", notice: { kind: "info", text: `Exported "${r.value.name}".` } });
  } catch (e) {
    fail(ctx.dispatch, "Export failed", exportError(e));
  }
}

export async function exportCsv(ctx: FileCommandContext) {
  try {
    const state = ctx.getState();
    const entry = activeEntry(state);
    if (refuseDraft(ctx, entry.scenario)) return;
    const bytes = new TextEncoder().encode(exportTableCsv(await tableWhenReady(entry.scenario)));
    const r = await ctx.platform.exportFile({ suggestedName: fileName(entry.scenario.name, "csv"), kind: "csv", bytes });
    if (!r.ok) return fail(ctx.dispatch, "Export failed", r.error);
    if (r.value) ctx.dispatch({ type: "notice", notice: { kind: "info", text: `Exported "${r.value.name}".` } });
  } catch (e) {
    fail(ctx.dispatch, "Export failed", exportError(e));
  }
}

/** An empty census file to fill in, saved where the user chooses; the message points to the filled-in sample. */
export async function saveCensusTemplate(ctx: FileCommandContext) {
  try {
    const bytes = new TextEncoder().encode(censusTemplateCsv());
    const r = await ctx.platform.exportFile({ suggestedName: "census-template.csv", kind: "csv", bytes });
    if (!r.ok) return fail(ctx.dispatch, "Could not save the census template", r.error);
    if (r.value)
      ctx.dispatch({
        type: "notice",
        notice: {
          kind: "info",
          text:
            `Saved the empty census template "${r.value.name}": fill in one row per group of members in the same cell of a ` +
            `salary schedule (schedule, lane, step, years of service, headcount) and load it with Import census. A filled-in ` +
            `example is examples/census/sample-census.csv; docs/census-files.md describes each column.`,
        },
      });
  } catch (e) {
    fail(ctx.dispatch, "Could not save the census template", e instanceof Error ? e.message : String(e));
  }
}

/**
 * Imports the Value column of a workbook, read and checked in a worker
 * (renderer/io/assumptions-import-client.ts) as census imports are. The notice lists what was
 * applied and what was ignored and why; a workbook from another scenario or method, or values more
 * than 10 times (or less than a tenth of) their baseline, are shown first with a button to apply
 * them anyway.
 */
export async function importAssumptionsFile(ctx: FileCommandContext) {
  try {
    prepareAssumptionsImport();
    const r = await ctx.platform.openSpreadsheetFile();
    if (!r.ok) return fail(ctx.dispatch, "Import failed", r.error);
    if (!r.value) return;
    const { name, bytes } = r.value;
    const entry = activeEntry(ctx.getState());
    const census = computeOptionsFor(entry.scenario, ctx.getState().census?.census).scheduleMethod?.census;
    ctx.dispatch({ type: "notice", notice: { kind: "info", text: `Importing assumptions from "${name}"…` } });
    const { answer } = await importAssumptionsInBackground({
      bytes,
      fileName: name,
      base: entry.scenario,
      ...(census ? { census: censusToJson(census) } : {}),
    });
    if (!answer.ok) return showErrors(ctx.dispatch, `Could not import "${name}"`, answer.errors, answer.total);
    // Edits made while the file was read would be lost under a scenario built on the old one.
    if (activeEntry(ctx.getState()).scenario !== entry.scenario)
      return fail(
        ctx.dispatch,
        `Could not import "${name}"`,
        "the scenario changed while the file was read; nothing was changed, import it again.",
      );
    const details = answer.summary.slice(0, 40);
    const apply = {
      type: "replaceScenario" as const,
      scenario: answer.scenario,
      expect: entry.scenario,
      what: `Imported assumptions from "${name}": ${answer.applied} applied, ${answer.ignored} ignored.`,
    };
    if (answer.needsConfirmation)
      return ctx.dispatch({
        type: "notice",
        notice: {
          kind: "info",
          text: `"${name}" needs your confirmation before it is applied to "${entry.scenario.name}".`,
          details,
          confirm: { label: `Apply to "${entry.scenario.name}"`, action: apply },
        },
      });
    if (answer.applied === 0 && answer.ignored === 0)
      return ctx.dispatch({
        type: "notice",
        notice: { kind: "info", text: `"${name}": every value equals the scenario's; nothing to apply.` },
      });
    ctx.dispatch(apply);
    ctx.dispatch({ type: "notice", notice: { kind: "info", text: apply.what, details } });
  } catch (e) {
    fail(ctx.dispatch, "Import failed", e instanceof Error ? e.message : String(e));
  }
}

/**
 * The file is read and checked in a worker (renderer/io/census-import-client.ts) while the page
 * shows "Importing census…" and stays usable; the census replaces the current one only when the
 * whole file validated. One import at a time: the button is disabled meanwhile.
 */
export async function importCensusFile(ctx: FileCommandContext) {
  if (ctx.getState().censusImport) return;
  let started = false;
  try {
    // The worker loads its script (SheetJS included) while the user picks the file.
    prepareCensusImport();
    const r = await ctx.platform.openSpreadsheetFile();
    if (!r.ok) return fail(ctx.dispatch, "Import failed", r.error);
    if (!r.value) return;
    const { name, bytes } = r.value;
    ctx.dispatch({ type: "censusImporting", file: { fileName: name, bytes: bytes.byteLength } });
    started = true;
    const { answer, where } = await importCensusInBackground(bytes, name);
    if (!answer.ok) {
      ctx.dispatch({ type: "censusImporting", file: null });
      return showErrors(ctx.dispatch, `Could not import "${name}"`, answer.errors, answer.total);
    }
    const notes = answer.notes.map(formatInputError);
    ctx.dispatch({ type: "census", census: censusOf(answer), fileName: name, importedIn: where, ...(notes.length ? { notes } : {}) });
  } catch (e) {
    if (started) ctx.dispatch({ type: "censusImporting", file: null });
    fail(ctx.dispatch, "Import failed", e instanceof Error ? e.message : String(e));
  }
}
