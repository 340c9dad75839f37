/** The workbench: scenarios on the left, one screen at a time on the right, file commands on top. */
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { AutosaveSnapshot, MenuCommand } from "../electron/ipc/contract";
import { getPlatform } from "./platform";
import { AnalysisPanel } from "./analysis/AnalysisPanel";
import { Charts } from "./charts/Charts";
import { FisTable } from "./grid/FisTable";
import { InputsGrid, inputRows, reuseUnchangedRows, type InputRow } from "./grid/InputsGrid";
import { ComparePanel } from "./panels/ComparePanel";
import { CostLinesPanel } from "./panels/CostLinesPanel";
import { ExplainPanel } from "./panels/ExplainPanel";
import { MessageBar } from "./panels/MessageBar";
import { NewAgreementDialog } from "./panels/NewAgreementDialog";
import { ToFillList } from "./panels/ToFillList";
import { ScenarioList } from "./panels/ScenarioList";
import { SchedulePanel } from "./panels/SchedulePanel";
import { SettingsBar } from "./panels/SettingsBar";
import { Toolbar, type ToolbarActions } from "./panels/Toolbar";
import { AUTOSAVE_INTERVAL_MS, parseAutosave } from "./state/autosave";
import { tableFor } from "./state/compute-cache";
import { useApp } from "./state/context";
import * as files from "./state/file-commands";
import { hasPublished } from "./state/reference";
import { roundingRuleText, unitsHeading } from "../model/engine/table/display";
import { inputsToFill } from "../model/engine/scenario/drafts";
import { TABS, activeEntry, autosaveText, cellErrorKey, type Tab } from "./state/store";

const VIEW_TABS: Partial<Record<MenuCommand, Tab>> = {
  "view.table": "table",
  "view.inputs": "inputs",
  "view.census": "census",
  "view.compare": "compare",
  "view.charts": "charts",
  "view.analysis": "analysis",
};

function isTextField(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.tagName === "INPUT" || el.tagName === "TEXTAREA" || el.tagName === "SELECT" || el.isContentEditable);
}

export function App() {
  const { state, dispatch } = useApp();
  const platform = useMemo(() => getPlatform(), []);
  const stateRef = useRef(state);
  stateRef.current = state;
  const ctx = useMemo<files.FileCommandContext>(() => ({ platform, getState: () => stateRef.current, dispatch }), [platform, dispatch]);
  const entry = activeEntry(state);
  const census = state.census?.census ?? null;
  // A new agreement with inputs still to fill is not costed: its table, charts and analyses wait for them.
  const toFill = useMemo(() => inputsToFill(entry.scenario), [entry.scenario]);
  const result = toFill.length === 0 ? tableFor(entry.scenario, census) : undefined;
  const [newAgreement, setNewAgreement] = useState(false);
  const reference = hasPublished(entry.scenario);
  const [show, setShow] = useState({ computed: true, published: false, variance: false });
  const [recover, setRecover] = useState<AutosaveSnapshot | null>(null);
  const recoverable = useMemo(() => (recover ? parseAutosave(recover.text) : null), [recover]);

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
      exportCsv: () => void files.exportCsv(ctx),
      importAssumptions: () => void files.importAssumptionsFile(ctx),
      importCensus: () => void files.importCensusFile(ctx),
    }),
    [ctx, dispatch, platform, setNewAgreement],
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
        case "file.exportCsv":
          return actions.exportCsv();
        case "file.importAssumptions":
          return actions.importAssumptions();
        case "file.importCensus":
          return actions.importCensus();
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
  }, [actions, dispatch]);

  useEffect(() => {
    platform.setWindowTitle(`${entry.scenario.name}${entry.dirty && !entry.builtIn ? " •" : ""} — Fiscal Impact Studio`);
  }, [platform, entry.scenario.name, entry.dirty, entry.builtIn]);

  // Offer unsaved work from the last session, even an unreadable one (so the user decides, and the
  // next autosave does not silently overwrite it); autosave waits until the user has answered.
  useEffect(() => {
    void platform.readAutosave().then((r) => {
      if (r.ok && r.value) setRecover(r.value);
    });
  }, [platform]);

  const written = useRef(0);
  useEffect(() => {
    if (recover) return;
    const timer = setInterval(() => {
      const s = stateRef.current;
      if (s.changeSeq === written.current) return;
      written.current = s.changeSeq;
      const hasUser = s.entries.some((e) => !e.builtIn && e.dirty);
      void (hasUser ? platform.writeAutosave(autosaveText(s)) : platform.clearAutosave()).then((r) => {
        if (!r.ok) dispatch({ type: "notice", notice: { kind: "error", text: `Autosave failed: ${r.error}` } });
      });
    }, AUTOSAVE_INTERVAL_MS);
    return () => clearInterval(timer);
  }, [platform, recover, dispatch]);

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
  const onSelect = useCallback((line: string, column: string) => dispatch({ type: "selectCell", line, column }), [dispatch]);
  const onJump = useCallback((path: string) => dispatch({ type: "jump", path }), [dispatch]);
  const explainTitle = selectedLine && selected ? `${selectedLine.label}, ${result?.columnLabels[selected.column] ?? selected.column}` : "";

  return (
    <div className="app">
      <header className="topbar">
        <h1>Fiscal Impact Studio</h1>
        <Toolbar actions={actions} />
      </header>
      {recover && recoverable && (
        <div className="notice notice-recover" data-testid="recover-banner">
          {recoverable.ok
            ? `Recover unsaved work from ${new Date(recover.savedAt).toLocaleString()}?` +
              (recoverable.skipped.length
                ? ` (${recoverable.skipped.length} scenario(s) in it can no longer be read and will be skipped.)`
                : "")
            : `Unsaved work from ${new Date(recover.savedAt).toLocaleString()} cannot be recovered: ${recoverable.error}`}
          {recoverable.ok && (
            <button
              type="button"
              onClick={() => {
                dispatch({ type: "recovered", scenarios: recoverable.scenarios });
                if (recoverable.skipped.length)
                  dispatch({
                    type: "notice",
                    notice: {
                      kind: "error",
                      text:
                        `Recovered ${recoverable.scenarios.length} scenario(s); skipped ${recoverable.skipped.length} that no longer ` +
                        `validate.`,
                      details: recoverable.skipped,
                    },
                  });
                setRecover(null);
              }}
            >
              Recover
            </button>
          )}
          <button
            type="button"
            onClick={() => {
              void platform.clearAutosave();
              setRecover(null);
            }}
          >
            Discard
          </button>
        </div>
      )}
      <MessageBar />
      <NewAgreementDialog
        open={newAgreement}
        onClose={() => setNewAgreement(false)}
        onCreate={(scenario) => {
          dispatch({ type: "addScenario", scenario, from: "", what: "Created the new agreement" });
          const first = inputsToFill(scenario)[0];
          dispatch(first ? { type: "jump", path: first.path } : { type: "tab", tab: "inputs" });
        }}
      />
      <div className="body">
        <ScenarioList />
        <main className="content">
          <div className="tabs" role="tablist">
            {TABS.map((t) => (
              <button
                key={t.id}
                type="button"
                role="tab"
                aria-selected={state.tab === t.id}
                data-testid={`tab-${t.id}`}
                className={state.tab === t.id ? "tab active" : "tab"}
                onClick={() => dispatch({ type: "tab", tab: t.id })}
              >
                {t.label}
              </button>
            ))}
            <span className="active-name" data-testid="active-scenario">
              {entry.scenario.name}
              {entry.builtIn ? " (built-in, read-only)" : ""}
            </span>
          </div>
          {result === undefined && state.tab !== "inputs" && state.tab !== "census" && (
            <ToFillList toFill={toFill} onJump={onJump} where="elsewhere" />
          )}
          {state.tab === "table" && result && (
            <div className="table-screen">
              <div className="table-main">
                <p className="hint" data-testid="hint">
                  Click any number to see where it comes from.{" "}
                  {entry.builtIn ? "Edit inputs on the Inputs tab (a copy is made for you)." : ""}
                </p>
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
                      entry.scenario.table.published ? entry.scenario.table.published.source : "This scenario carries no published figures"
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
                </div>
                <FisTable
                  result={result}
                  showComputed={show.computed}
                  showPublished={reference && show.published}
                  showVariance={reference && show.variance}
                  selected={selected}
                  onSelect={onSelect}
                />
                <p className="muted small">
                  Amounts {unitsHeading(entry.scenario.table.display.unit).slice(1, -1)}. Rounding:{" "}
                  {roundingRuleText(entry.scenario.table.display)}. {entry.scenario.description}
                </p>
              </div>
              <ExplainPanel cell={selectedCell} title={explainTitle} onJump={onJump} />
            </div>
          )}
          {state.tab === "inputs" && (
            <>
              <SettingsBar scenario={entry.scenario} onChange={(scenario, what) => dispatch({ type: "replaceScenario", scenario, what })} />
              <CostLinesPanel
                scenario={entry.scenario}
                builtIn={entry.builtIn}
                onAdd={(line) => dispatch({ type: "addCostLine", line })}
                onRemove={(lineId) => dispatch({ type: "removeCostLine", lineId })}
              />
              {result === undefined && <ToFillList toFill={toFill} onJump={onJump} where="inputs" />}
              {/* The live table: the same store and the same memoized result as the Table tab, so an edit shows here at once. */}
              {result && (
                <div className="inputs-live" data-testid="inputs-live">
                  <div className="inputs-live-table">
                    <FisTable
                      compact
                      result={result}
                      showComputed
                      showPublished={false}
                      showVariance={false}
                      selected={selected}
                      onSelect={onSelect}
                    />
                    <p className="muted small">
                      Amounts {unitsHeading(entry.scenario.table.display.unit).slice(1, -1)}, recomputed as you type. Click a number to see
                      where it comes from.
                    </p>
                  </div>
                  <ExplainPanel cell={selectedCell} title={explainTitle} onJump={onJump} />
                </div>
              )}
              <InputsGrid
                rows={rows}
                readOnlyHint={entry.builtIn}
                jump={state.jump}
                onEdit={(edits) => dispatch({ type: "edit", edits })}
              />
            </>
          )}
          {state.tab === "census" && <SchedulePanel imported={state.census} />}
          {state.tab === "compare" && result && <ComparePanel />}
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
              baseline={tableFor(inputsToFill(entry.baseline).length ? entry.scenario : entry.baseline, census)}
              baselineName={entry.baseline === entry.scenario ? entry.scenario.name : entry.baselineName}
            />
          )}
        </main>
      </div>
    </div>
  );
}
