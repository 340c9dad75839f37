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
import { censusOf } from "../io/census-import-job";
import { importCensusInBackground, prepareCensusImport } from "../io/census-import-client";
import { exportTableCsv } from "../../model/io/table-csv";
import { loadExportWorkbook, loadImportAssumptions } from "../io/spreadsheet-io";
import { computeOptionsFor, tableFor } from "./compute-cache";
import { activeEntry, type Action, type AppState } from "./store";

export interface FileCommandContext {
  platform: PlatformApi;
  getState: () => AppState;
  dispatch: Dispatch<Action>;
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

export async function saveScenario(ctx: FileCommandContext, saveAs: boolean) {
  const entry = activeEntry(ctx.getState());
  const token = saveAs || entry.builtIn ? undefined : entry.file?.token;
  const r = await ctx.platform.saveScenarioFile({
    ...(token ? { token } : {}),
    suggestedName: entry.file?.name ?? fileName(entry.scenario.name, "json"),
    text: serializeScenario(entry.scenario),
  });
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

export async function exportXlsx(ctx: FileCommandContext) {
  try {
    const state = ctx.getState();
    const entry = activeEntry(state);
    if (refuseDraft(ctx, entry.scenario)) return;
    const build = await loadExportWorkbook();
    const others = state.entries.filter((e) => e.key !== entry.key && inputsToFill(e.scenario).length === 0).map((e) => e.scenario);
    const bytes = build([entry.scenario, ...others], {
      computeOptions: computeOptionsFor(entry.scenario, state.census?.census),
    });
    const r = await ctx.platform.exportFile({ suggestedName: fileName(entry.scenario.name, "xlsx"), kind: "xlsx", bytes });
    if (!r.ok) return fail(ctx.dispatch, "Export failed", r.error);
    if (r.value) ctx.dispatch({ type: "notice", notice: { kind: "info", text: `Exported "${r.value.name}".` } });
  } catch (e) {
    fail(ctx.dispatch, "Export failed", e instanceof Error ? e.message : String(e));
  }
}

export async function exportCsv(ctx: FileCommandContext) {
  try {
    const state = ctx.getState();
    const entry = activeEntry(state);
    if (refuseDraft(ctx, entry.scenario)) return;
    const bytes = new TextEncoder().encode(exportTableCsv(tableFor(entry.scenario, state.census?.census)));
    const r = await ctx.platform.exportFile({ suggestedName: fileName(entry.scenario.name, "csv"), kind: "csv", bytes });
    if (!r.ok) return fail(ctx.dispatch, "Export failed", r.error);
    if (r.value) ctx.dispatch({ type: "notice", notice: { kind: "info", text: `Exported "${r.value.name}".` } });
  } catch (e) {
    fail(ctx.dispatch, "Export failed", e instanceof Error ? e.message : String(e));
  }
}

export async function importAssumptionsFile(ctx: FileCommandContext) {
  try {
    const run = await loadImportAssumptions();
    const r = await ctx.platform.openSpreadsheetFile();
    if (!r.ok) return fail(ctx.dispatch, "Import failed", r.error);
    if (!r.value) return;
    const entry = activeEntry(ctx.getState());
    const checked = run(r.value.bytes, r.value.name, entry.scenario);
    if (!checked.ok) return showErrors(ctx.dispatch, `Could not import "${r.value.name}"`, checked.errors);
    ctx.dispatch({ type: "replaceScenario", scenario: checked.value, what: `Imported assumptions from "${r.value.name}".` });
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
    ctx.dispatch({ type: "census", census: censusOf(answer), fileName: name, importedIn: where });
  } catch (e) {
    if (started) ctx.dispatch({ type: "censusImporting", file: null });
    fail(ctx.dispatch, "Import failed", e instanceof Error ? e.message : String(e));
  }
}
