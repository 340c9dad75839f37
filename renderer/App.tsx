/** The workbench: scenarios on the left, one screen at a time on the right, file commands on top. */
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { MenuCommand } from "../electron/ipc/contract";
import { getPlatform } from "./platform";
import { FisTable } from "./grid/FisTable";
import { InputsGrid, inputRows, reuseUnchangedRows, type InputRow } from "./grid/InputsGrid";
import { CostLinesPanel } from "./panels/CostLinesPanel";
import { ExplainPanel } from "./panels/ExplainPanel";
import { KeptScreen } from "./panels/KeptScreen";
import { ScreenErrorBoundary } from "./panels/ScreenErrorBoundary";
import { LiveRegions, useAnnounce } from "./panels/LiveRegions";
import { MessageBar } from "./panels/MessageBar";
import { NewAgreementDialog } from "./panels/NewAgreementDialog";
import { ToFillList } from "./panels/ToFillList";
import { ScenarioList } from "./panels/ScenarioList";
import { SettingsBar } from "./panels/SettingsBar";
import { Toolbar, type ToolbarActions } from "./panels/Toolbar";
import { changedCells, recomputeAnnouncement, type ChangedCells } from "./state/changes";
import { AssumptionsBanner } from "./panels/AssumptionsBanner";
import { AutosaveStatus } from "./panels/AutosaveStatus";
import { QuestionBar } from "./panels/QuestionBar";
import { RecoveryBanner } from "./panels/RecoveryBanner";
import { TableJobStatus } from "./panels/TableJobStatus";
import { useTable, type TableView } from "./state/use-table";
import { tableJob } from "./state/table-jobs";
import { useApp } from "./state/context";
import * as files from "./state/file-commands";
import { hasPublished } from "./state/reference";
import { roundingRuleText, unitsHeading } from "../model/engine/table/display";
import { inputsToFill } from "../model/engine/scenario/drafts";
import { withLinePrinted } from "../model/engine/scenario/cost-lines";
import { copyFisTable } from "./grid/copy-table";
import { columnLabelOf, countText, unitWords, unitsOfResult } from "./format/number";
import type { TableResult } from "../model/engine/compute";
import type { Scenario } from "../model/engine/scenario/types";
import { TABS, activeEntry, cellErrorKey, windowTitle, type Tab } from "./state/store";
import { useAutosave } from "./state/use-autosave";

// Screens not on the first paint load when first shown (their own chunks: recharts, the census
// grids, the document preview), so the entry script the first paint waits for stays small.
const AnalysisPanel = lazy(() => import("./analysis/AnalysisPanel").then((m) => ({ default: m.AnalysisPanel })));
const Charts = lazy(() => import("./charts/Charts").then((m) => ({ default: m.Charts })));
const ComparePanel = lazy(() => import("./panels/ComparePanel").then((m) => ({ default: m.ComparePanel })));
const SchedulePanel = lazy(() => import("./panels/SchedulePanel").then((m) => ({ default: m.SchedulePanel })));
const ExportDocumentDialog = lazy(() => import("./report/ExportDocumentDialog").then((m) => ({ default: m.ExportDocumentDialog })));
const loading = (
  <p className="muted" data-testid="screen-loading">
    Loading…
  </p>
);

const VIEW_TABS: Partial<Record<MenuCommand, Tab>> = {
  "view.table": "table",
  "view.inputs": "inputs",
  "view.census": "census",
  "view.compare": "compare",
  "view.charts": "charts",
  "view.analysis": "analysis",
};

/** Moves focus to an element once React has drawn it (after a tab switch, say). */
function focusSoon(find: () => HTMLElement | null | undefined, tries = 150): void {
  const el = find();
  if (el) {
    el.focus();
    return;
  }
  if (tries > 0) requestAnimationFrame(() => focusSoon(find, tries - 1));
}

/** The first amount cell of a FIS grid, or the first value cell of the inputs grid. */
const firstCell = (grid: string, col?: string) =>
  document.querySelector<HTMLElement>(
    `[data-testid="${grid}"] .ag-row[row-index="0"] .ag-cell${col ? `[col-id="${col}"]` : ':not([col-id="label"])'}`,
  );

/**
 * The cells the last edit moved and its announcement: kept while the same scenario (or the copy an
 * edit of a built-in made) is shown, cleared when another scenario is picked. While a heavy table
 * is being costed, `previous` is the last table of the same scenario (before the edit), for the
 * screen to show dimmed as out of date; the new table, once costed, is compared with it.
 */
function useLastChange(entryKey: string, scenario: Scenario, baseline: Scenario, view: TableView) {
  const last = useRef<{ key: string; scenario: Scenario; result: TableResult; changed: ChangedCells; text: string; seq: number } | null>(
    null,
  );
  const prev = last.current;
  const result = view.status === "ready" ? view.result : undefined;
  if (!result) {
    // A draft (inputs still to fill) has no table: nothing moved, and the next table starts afresh.
    if (view.status === "none") last.current = null;
    const same = prev !== null && (prev.key === entryKey || baseline === prev.scenario) && prev.scenario !== scenario;
    return {
      changed: new Map() as ChangedCells,
      text: "",
      seq: prev?.seq ?? 0,
      previous: view.status === "computing" && same ? prev.result : undefined,
    };
  }
  if (!prev || prev.result !== result) {
    const sameLine = prev !== null && (prev.key === entryKey || baseline === prev.scenario) && prev.scenario !== scenario;
    const changed = sameLine ? changedCells(prev.result, result) : new Map();
    const text = sameLine ? recomputeAnnouncement(prev.result, result) : "";
    last.current = { key: entryKey, scenario, result, changed, text, seq: (prev?.seq ?? 0) + (text ? 1 : 0) };
  }
  return { ...last.current!, previous: undefined };
}

const NO_CHANGES: ChangedCells = new Map();
const ignoreSelect = () => {};

function isTextField(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.tagName === "INPUT" || el.tagName === "TEXTAREA" || el.tagName === "SELECT" || el.isContentEditable);
}

export function App() {
  const { state, dispatch } = useApp();
  const platform = useMemo(() => getPlatform(), []);
  const stateRef = useRef(state);
  stateRef.current = state;
  const [question, setQuestion] = useState<{ question: files.Question; answer: (id: string | null) => void } | null>(null);
  const ask = useCallback(
    (q: files.Question) =>
      new Promise<string | null>((resolve) =>
        setQuestion({
          question: q,
          answer: (id) => {
            setQuestion(null);
            resolve(id);
          },
        }),
      ),
    [],
  );
  const ctx = useMemo<files.FileCommandContext>(
    () => ({ platform, getState: () => stateRef.current, dispatch, ask }),
    [platform, dispatch, ask],
  );
  const entry = activeEntry(state);
  const census = state.census?.census ?? null;
  // A new agreement with inputs still to fill is not costed: its table, charts and analyses wait for them.
  const toFill = useMemo(() => inputsToFill(entry.scenario), [entry.scenario]);
  // A light scenario is computed right here, as always; a heavy one in the table worker (use-table.ts).
  const table = useTable(toFill.length === 0 ? entry.scenario : null);
  const result = table.status === "ready" ? table.result : undefined;
  const [newAgreement, setNewAgreement] = useState(false);
  const reference = hasPublished(entry.scenario);
  const [show, setShow] = useState({ computed: true, published: false, variance: false });
  const [explainOpen, setExplainOpen] = useState(false);
  const [sidebarOpen, setSidebarOpen] = useState(false);
  // The narrow-screen sidebar is an overlay: picking a scenario or Escape closes it (focus back on its toggle).
  useEffect(() => setSidebarOpen(false), [state.activeKey]);
  useEffect(() => {
    if (!sidebarOpen) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== "Escape") return;
      setSidebarOpen(false);
      document.querySelector<HTMLElement>('[data-testid="sidebar-toggle"]')?.focus();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [sidebarOpen]);
  const announce = useAnnounce();
  const lastChange = useLastChange(entry.key, entry.scenario, entry.baseline, table);
  // The figures before the last edit while the edit is costed: shown dimmed, never explained or copied.
  const stale = lastChange.previous;
  const job = tableJob(entry.scenario);
  const costed = result && job?.state.status === "done" && job.state.result === result ? job.state : undefined;
  // A chart against the baseline wants the baseline's table too (a built-in is its own baseline; a draft has none).
  const chartBaseline =
    state.tab === "charts" && result && entry.baseline !== entry.scenario && !inputsToFill(entry.baseline).length ? entry.baseline : null;
  const baselineTable = useTable(chartBaseline);
  useEffect(() => {
    if (lastChange.text) announce(lastChange.text);
  }, [lastChange.seq, lastChange.text, announce]);
  const autosave = useAutosave(platform, stateRef, state.changeSeq);
  const [exportingDocument, setExportingDocument] = useState(false);
  const closeDocumentExport = useCallback(() => setExportingDocument(false), []);

  const actions: ToolbarActions = useMemo(
    () => ({
      newScenario: () => dispatch({ type: "newFrom", key: "fis", name: "Untitled scenario" }),
      newAgreement: () => setNewAgreement(true),
      open: () => void files.openScenario(ctx),
      save: () => void files.saveScenario(ctx, false),
      saveAs: () => void files.saveScenario(ctx, true),
      recent: async () => {
        const r = await platform.recentFiles();
        return r.ok ? r.value : [];
      },
      openRecent: (token) => void files.openRecent(ctx, token),
      exportXlsx: () => void files.exportXlsx(ctx),
      exportXlsxComparison: () => void files.exportXlsxComparison(ctx),
      exportCsv: () => void files.exportCsv(ctx),
      exportDocument: () => setExportingDocument(true),
      importAssumptions: () => void files.importAssumptionsFile(ctx),
      importCensus: () => void files.importCensusFile(ctx),
      censusTemplate: () => void files.saveCensusTemplate(ctx),
    }),
    [ctx, dispatch, platform],
  );

  /** A tab by command: shown, and its tab button focused when asked (Ctrl+1…6, arrows on the strip). */
  const showTab = useCallback(
    (tab: Tab, focus = false) => {
      dispatch({ type: "tab", tab });
      if (focus) focusSoon(() => document.getElementById(`tab-${tab}`));
    },
    [dispatch],
  );

  const runCommand = useCallback(
    (command: MenuCommand, token?: string) => {
      const tab = VIEW_TABS[command];
      if (tab) return dispatch({ type: "tab", tab });
      switch (command) {
        case "file.new":
          return actions.newScenario();
        case "file.newAgreement":
          return actions.newAgreement();
        case "file.open":
          return actions.open();
        case "file.openRecent":
          return token ? actions.openRecent(token) : undefined;
        case "file.save":
          return actions.save();
        case "file.saveAs":
          return actions.saveAs();
        case "file.exportXlsx":
          return actions.exportXlsx();
        case "file.exportXlsxComparison":
          return actions.exportXlsxComparison();
        case "file.exportCsv":
          return actions.exportCsv();
        case "file.exportDocument":
          return actions.exportDocument();
        case "file.importAssumptions":
          return actions.importAssumptions();
        case "file.importCensus":
          return actions.importCensus();
        case "file.censusTemplate":
          return actions.censusTemplate();
        case "edit.undo":
        case "edit.redo":
          // The native menu sends these even while a text field (or a grid cell editor) has focus:
          // there they mean the field's own undo, not a scenario step.
          if (isTextField(document.activeElement)) {
            document.execCommand(command === "edit.undo" ? "undo" : "redo");
            return undefined;
          }
          return dispatch({ type: command === "edit.undo" ? "undo" : "redo" });
        default:
          return undefined;
      }
    },
    [actions, dispatch],
  );

  useEffect(() => platform.onMenuCommand(runCommand), [platform, runCommand]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
      const key = e.key.toLowerCase();
      const n = Number(key);
      if (!e.shiftKey && Number.isInteger(n) && n >= 1 && n <= TABS.length) {
        e.preventDefault();
        showTab(TABS[n - 1]!.id, true);
        return;
      }
      // Text fields (and AG Grid's cell editor) keep their own undo.
      if ((key === "z" || key === "y") && isTextField(e.target)) return;
      if (key === "z" && !e.shiftKey) dispatch({ type: "undo" });
      else if (key === "y" || (key === "z" && e.shiftKey)) dispatch({ type: "redo" });
      else if (key === "s") (e.shiftKey ? actions.saveAs : actions.save)();
      else if (key === "o") actions.open();
      else return;
      e.preventDefault();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [actions, dispatch, showTab]);

  useEffect(() => {
    platform.setWindowTitle(windowTitle({ name: entry.scenario.name, dirty: entry.dirty, builtIn: entry.builtIn }));
  }, [platform, entry.scenario.name, entry.dirty, entry.builtIn]);

  const userScenarios = useMemo(() => state.entries.filter((e) => !e.builtIn).map((e) => e.scenario), [state.entries]);

  // The Table and Inputs screens stay mounted, hidden, once shown (KeptScreen): switching between them then
  // updates their grids instead of building them again.
  const tableActive = state.tab === "table";
  const inputsActive = state.tab === "inputs";
  const kept = useRef(new Set<Tab>());
  if (tableActive || inputsActive) kept.current.add(state.tab);

  const selected = state.selectedCell;
  const selectedLine = selected ? result?.lines.find((l) => l.id === selected.line) : undefined;
  const selectedCell = selected ? selectedLine?.cells[selected.column] : undefined;
  const previousRows = useRef<InputRow[]>([]);
  const rows = useMemo(() => {
    const next = reuseUnchangedRows(
      previousRows.current,
      inputRows(entry.scenario, entry.baseline, (p) => state.cellErrors[cellErrorKey(entry.key, p)]),
    );
    previousRows.current = next;
    return next;
  }, [entry.scenario, entry.baseline, entry.key, state.cellErrors]);
  const onSelect = useCallback(
    (line: string, column: string) => {
      dispatch({ type: "selectCell", line, column });
      setExplainOpen(true);
    },
    [dispatch],
  );
  useEffect(() => {
    if (!selectedCell) setExplainOpen(false);
  }, [selectedCell]);
  const explainUpdate =
    selectedCell && selected && explainOpen ? `Explanation: ${selectedLine?.label}, ${columnLabelOf(result, selected.column)}` : "";
  useEffect(() => {
    if (explainUpdate) announce(explainUpdate);
  }, [explainUpdate, announce]);
  const units = unitsOfResult(result);
  const moved = lastChange.changed.size;
  const changedLegend = `▲ / ▼: ${moved} cell${moved === 1 ? "" : "s"} moved up or down by the last edit (kept until the next edit).`;
  const closeExplain = useCallback(() => {
    setExplainOpen(false);
    focusSoon(() => document.querySelector<HTMLElement>('[data-testid="explain-toggle"]'));
  }, []);
  const skipTo = (tab: Tab) => {
    dispatch({ type: "tab", tab });
    focusSoon(() => (tab === "inputs" ? firstCell("inputs-grid", "value") : firstCell("fis-grid")));
  };
  const onTabKey = (e: React.KeyboardEvent<HTMLButtonElement>, index: number) => {
    const next =
      e.key === "ArrowRight"
        ? (index + 1) % TABS.length
        : e.key === "ArrowLeft"
          ? (index - 1 + TABS.length) % TABS.length
          : e.key === "Home"
            ? 0
            : e.key === "End"
              ? TABS.length - 1
              : -1;
    if (next < 0) return;
    e.preventDefault();
    showTab(TABS[next]!.id, true);
  };
  const onJump = useCallback((path: string) => dispatch({ type: "jump", path }), [dispatch]);
  const explainTitle = selectedLine && selected ? `${selectedLine.label}, ${columnLabelOf(result, selected.column)}` : "";
  // One drawer, beside the table of whichever of the two screens shows.
  const explainPanel = (
    <ExplainPanel cell={explainOpen ? selectedCell : undefined} title={explainTitle} units={units} onJump={onJump} onClose={closeExplain} />
  );

  // A heavy table still being costed (or cancelled, or failed): its status, and on the Table and Inputs screens the
  // figures before the last edit, dimmed. On the Inputs screen it stands where the live table stands, so nothing jumps.
  const tableWait =
    toFill.length === 0 && result === undefined ? (
      <div className="table-wait" data-testid="table-wait">
        <TableJobStatus scenario={entry.scenario} view={table} />
        {stale && (state.tab === "table" || state.tab === "inputs") && (
          <>
            <p className="stale-label" data-testid="table-stale">
              <strong>Out of date:</strong> the figures before the last edit, dimmed until the table is costed again. They cannot be
              explained or copied.
            </p>
            {/* inert: not clickable, not focusable, not read as the scenario's figures. */}
            <div className="stale-table" inert data-testid="stale-table">
              <FisTable
                compact={state.tab === "inputs"}
                result={stale}
                showComputed
                showPublished={false}
                showVariance={false}
                selected={null}
                onSelect={ignoreSelect}
                changed={NO_CHANGES}
              />
            </div>
          </>
        )}
      </div>
    ) : null;

  return (
    <div className="app">
      <nav className="skip-links" aria-label="Skip links">
        <a href="#main" data-testid="skip-table" onClick={(e) => (e.preventDefault(), skipTo("table"))}>
          Skip to table
        </a>
        <a href="#main" data-testid="skip-inputs" onClick={(e) => (e.preventDefault(), skipTo("inputs"))}>
          Skip to inputs
        </a>
      </nav>
      <header className="topbar">
        <button
          type="button"
          className="sidebar-toggle"
          data-testid="sidebar-toggle"
          aria-expanded={sidebarOpen}
          aria-controls="scenario-sidebar"
          onClick={() => setSidebarOpen(!sidebarOpen)}
        >
          ☰ Scenarios
        </button>
        <h1>Fiscal Impact Studio</h1>
        <Toolbar actions={actions} />
        <AutosaveStatus source={autosave.status} onRetry={autosave.retryNow} />
      </header>
      <LiveRegions />
      {autosave.offer && (
        <RecoveryBanner
          offer={autosave.offer}
          current={userScenarios}
          autosave={autosave.status}
          census={census}
          onRecover={(scenarios, skipped) => {
            dispatch({ type: "recovered", scenarios });
            if (skipped.length)
              dispatch({
                type: "notice",
                notice: {
                  kind: "error",
                  text: `Recovered ${scenarios.length} scenario(s); skipped ${skipped.length} that no longer validate.`,
                  details: skipped,
                },
              });
            autosave.answered();
          }}
          onDiscard={autosave.answered}
        />
      )}
      {question && <QuestionBar question={question.question} onAnswer={question.answer} />}
      <MessageBar />
      {exportingDocument && (
        <Suspense fallback={null}>
          <ExportDocumentDialog platform={platform} onClose={closeDocumentExport} />
        </Suspense>
      )}
      <NewAgreementDialog
        open={newAgreement}
        onClose={() => setNewAgreement(false)}
        onCreate={(scenario) => {
          dispatch({ type: "addScenario", scenario, from: "", what: "Created the new agreement" });
          const first = inputsToFill(scenario)[0];
          dispatch(first ? { type: "jump", path: first.path } : { type: "tab", tab: "inputs" });
        }}
      />
      <div className={sidebarOpen ? "body sidebar-open" : "body"}>
        <ScenarioList />
        <main className="content" id="main" tabIndex={-1}>
          <div className="tabs">
            <div role="tablist" aria-label="Screens" className="tablist">
              {TABS.map((t, i) => (
                <button
                  key={t.id}
                  type="button"
                  role="tab"
                  id={`tab-${t.id}`}
                  aria-selected={state.tab === t.id}
                  aria-controls={`panel-${t.id}`}
                  aria-keyshortcuts={`Control+${i + 1}`}
                  tabIndex={state.tab === t.id ? 0 : -1}
                  data-testid={`tab-${t.id}`}
                  className={state.tab === t.id ? "tab active" : "tab"}
                  onClick={() => dispatch({ type: "tab", tab: t.id })}
                  onKeyDown={(e) => onTabKey(e, i)}
                  title={`${t.label} (Ctrl+${i + 1})`}
                >
                  {t.label}
                </button>
              ))}
            </div>
            <span className="active-name" data-testid="active-scenario">
              {entry.scenario.name}
              {entry.builtIn ? " (built-in, read-only)" : ""}
            </span>
          </div>
          <div role="tabpanel" id={`panel-${state.tab}`} aria-labelledby={`tab-${state.tab}`} className="tabpanel">
            {toFill.length > 0 && state.tab !== "inputs" && state.tab !== "census" && (
              <ToFillList toFill={toFill} onJump={onJump} where="elsewhere" />
            )}
            {state.tab !== "inputs" && state.tab !== "census" && tableWait}
            {result && (tableActive || kept.current.has("table")) && (
              <KeptScreen active={tableActive} name="table">
                <ScreenErrorBoundary screen="FIS table" resetKey={entry.key}>
                  <div className={explainOpen ? "table-screen explain-open" : "table-screen"}>
                    <div className="table-main">
                      {tableActive && (
                        <p className="hint" data-testid="hint">
                          Click any number to see where it comes from (or move to it with the arrow keys).{" "}
                          {entry.builtIn ? "Edit inputs on the Inputs tab (a copy is made for you)." : ""}
                        </p>
                      )}
                      {tableActive && (
                        <div className="toggles">
                          <label>
                            <input
                              type="checkbox"
                              data-testid="show-computed"
                              checked={show.computed}
                              onChange={(e) => setShow({ ...show, computed: e.target.checked })}
                            />{" "}
                            Computed
                          </label>
                          <label
                            title={
                              entry.scenario.table.published
                                ? entry.scenario.table.published.source
                                : "This scenario carries no published figures"
                            }
                          >
                            <input
                              type="checkbox"
                              data-testid="show-published"
                              disabled={!reference}
                              checked={reference && show.published}
                              onChange={(e) => setShow({ ...show, published: e.target.checked })}
                            />{" "}
                            Published
                          </label>
                          <label>
                            <input
                              type="checkbox"
                              data-testid="show-variance"
                              disabled={!reference}
                              checked={reference && show.variance}
                              onChange={(e) => setShow({ ...show, variance: e.target.checked })}
                            />{" "}
                            Variance (computed − published)
                          </label>
                          <span className="toggles-end">
                            <button
                              type="button"
                              data-testid="copy-table"
                              onClick={() =>
                                void copyFisTable(result, entry.scenario, roundingRuleText(entry.scenario.table.display)).then((ok) =>
                                  announce(
                                    ok ? "Copied the table with its title, units and notes." : "Could not copy the table.",
                                    ok ? "polite" : "assertive",
                                  ),
                                )
                              }
                              title="Copy the whole table with its title, units and footnote (pastes into Excel and Word)"
                            >
                              Copy table
                            </button>
                            <button
                              type="button"
                              data-testid="explain-toggle"
                              aria-expanded={explainOpen}
                              aria-controls="explain-drawer"
                              disabled={!selectedCell}
                              title={selectedCell ? "" : "Select a number first"}
                              onClick={() => (explainOpen ? closeExplain() : setExplainOpen(true))}
                            >
                              {explainOpen ? "Hide explanation" : "Show explanation"}
                            </button>
                          </span>
                        </div>
                      )}
                      <FisTable
                        result={result}
                        showComputed={show.computed}
                        showPublished={reference && show.published}
                        showVariance={reference && show.variance}
                        selected={selected}
                        onSelect={onSelect}
                        changed={lastChange.changed}
                      />
                      {tableActive && (
                        <p className="muted small" data-testid="table-footnote">
                          Amounts {unitsHeading(entry.scenario.table.display.unit).slice(1, -1)}. Rounding:{" "}
                          {roundingRuleText(entry.scenario.table.display)}. {entry.scenario.description}
                          {lastChange.changed.size > 0 && (
                            <span className="changed-legend" data-testid="changed-legend">
                              {" "}
                              {changedLegend}
                            </span>
                          )}
                          {reference && show.variance && <span> Variance = computed − published, {unitWords(units)}.</span>}
                          {costed && (
                            <span
                              data-testid="table-timing"
                              data-where={costed.where}
                              data-ms={Math.round(costed.wallMs)}
                              data-revive-ms={Math.round(costed.reviveMs)}
                            >
                              {" "}
                              A heavy scenario: costed {costed.where === "worker" ? "in the background" : "on the main thread"} in{" "}
                              {countText(Math.round(costed.wallMs))} ms.
                            </span>
                          )}
                        </p>
                      )}
                    </div>
                    {tableActive && explainPanel}
                  </div>
                </ScreenErrorBoundary>
              </KeptScreen>
            )}
            {(inputsActive || kept.current.has("inputs")) && (
              <KeptScreen active={inputsActive} name="inputs">
                <ScreenErrorBoundary screen="Inputs" resetKey={entry.key}>
                  {inputsActive && <AssumptionsBanner scenario={entry.scenario} onJump={onJump} />}
                  {inputsActive && (
                    <SettingsBar
                      scenario={entry.scenario}
                      imported={state.census}
                      onChange={(scenario, what) => dispatch({ type: "replaceScenario", scenario, what })}
                    />
                  )}
                  {inputsActive && (
                    <CostLinesPanel
                      scenario={entry.scenario}
                      builtIn={entry.builtIn}
                      onAdd={(line) => dispatch({ type: "addCostLine", line })}
                      onRemove={(lineId) => dispatch({ type: "removeCostLine", lineId })}
                      onPrinted={(lineId, printed) => {
                        const label = entry.scenario.table.lines.find((l) => l.id === lineId)?.label ?? lineId;
                        dispatch({
                          type: "replaceScenario",
                          scenario: withLinePrinted(entry.scenario, lineId, printed),
                          what: printed
                            ? `Printing "${label}" again.`
                            : `Not printing "${label}" (a helper line: computed for the lines that use it).`,
                        });
                      }}
                    />
                  )}
                  {inputsActive && toFill.length > 0 && <ToFillList toFill={toFill} onJump={onJump} where="inputs" />}
                  {inputsActive && tableWait}
                  {/* The live table: the same store and the same memoized result as the Table tab, so an edit shows here at once. */}
                  {result && (
                    <div className={explainOpen && selectedCell ? "inputs-live explain-open" : "inputs-live"} data-testid="inputs-live">
                      <div className="inputs-live-table">
                        <FisTable
                          compact
                          result={result}
                          showComputed
                          showPublished={false}
                          showVariance={false}
                          selected={selected}
                          onSelect={onSelect}
                          changed={lastChange.changed}
                        />
                        {inputsActive && (
                          <p className="muted small">
                            {unitWords(units)}, recomputed as you type. Click a number to see where it comes from.
                            {lastChange.changed.size > 0 ? " ▲ / ▼: moved by the last edit." : ""}
                          </p>
                        )}
                      </div>
                      {inputsActive && explainPanel}
                    </div>
                  )}
                  <InputsGrid
                    rows={rows}
                    readOnlyHint={entry.builtIn}
                    jump={state.jump}
                    onEdit={(edits) => dispatch({ type: "edit", edits })}
                  />
                </ScreenErrorBoundary>
              </KeptScreen>
            )}
            <Suspense fallback={loading}>
              <ScreenErrorBoundary screen={TABS.find((t) => t.id === state.tab)?.label ?? "This"} resetKey={`${state.tab}|${entry.key}`}>
                {state.tab === "census" && (
                  <SchedulePanel imported={state.census} scenario={entry.scenario} onTemplate={actions.censusTemplate} />
                )}
                {state.tab === "compare" && result && <ComparePanel onExport={actions.exportXlsxComparison} />}
                {state.tab === "analysis" && result && (
                  <AnalysisPanel
                    scenario={entry.scenario}
                    census={census}
                    onCreateScenario={(scenario, what) => dispatch({ type: "addScenario", scenario, from: entry.key, what })}
                    onJump={(path) => dispatch({ type: "jump", path })}
                  />
                )}
                {state.tab === "charts" && result && (
                  <Charts
                    result={result}
                    baseline={
                      // A built-in is its own baseline, and a baseline with inputs still to fill has no table: no chart against it.
                      // A heavy baseline still being costed joins the chart when it is ready.
                      baselineTable.status === "ready" ? { result: baselineTable.result, name: entry.baselineName } : null
                    }
                  />
                )}
              </ScreenErrorBoundary>
            </Suspense>
          </div>
        </main>
      </div>
    </div>
  );
}
