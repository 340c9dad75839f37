/** Screen 3: the reference census and the salary schedules, read-only. */
import type { ColDef, GridApi } from "ag-grid-community";
import { AgGridReact } from "ag-grid-react";
import { useMemo, useRef, useState } from "react";
import { gridTheme } from "../grid/ag-setup";
import { fitColumnsWhenDrawn } from "../grid/measure-columns";
import { PlainHeader } from "../grid/plain-header";
import { tabOutOfGrid, useGridA11y } from "../grid/grid-a11y";
import { countText, money as moneyText } from "../format/number";
import { referenceCensus } from "../../model/engine/schedule";
import { censusMembersGap } from "../../model/engine/schedule/census-members";
import type { Scenario } from "../../model/engine/scenario/types";
import {
  censusHeading,
  censusOnScreen,
  censusView,
  scheduleViews,
  type CensusView,
  type ScheduleView,
  type ShownCensus,
} from "./schedule-adapter";

type CensusRow = CensusView["rows"][number];
type ScheduleRow = ScheduleView["rows"][number];

const money = (v: string | null | undefined) => (v == null ? "N/A" : moneyText(v));
const DEFAULT_COL: ColDef = { sortable: false, suppressHeaderMenuButton: true, suppressMovable: true, headerComponent: PlainHeader };

export function SchedulePanel({
  imported,
  scenario,
  onTemplate,
}: {
  /** Saves the empty census template (File > Census Template… in the desktop app). */
  onTemplate: () => void;
  imported: ShownCensus | null;
  /** The scenario on screen: its members are compared with the census headcount. */
  scenario: Scenario;
}) {
  const shown = useMemo(() => censusOnScreen(scenario, imported), [scenario, imported]);
  const { census, schedules, error } = useMemo(() => {
    try {
      return { census: censusView(shown), schedules: scheduleViews(), error: null };
    } catch (e) {
      return { census: null, schedules: [] as ScheduleView[], error: e instanceof Error ? e.message : String(e) };
    }
  }, [shown]);
  const gap = useMemo(() => censusMembersGap(scenario, shown?.census ?? referenceCensus()), [scenario, shown]);
  const [scheduleId, setScheduleId] = useState(() => schedules.find((s) => !s.id.includes("2024"))?.id ?? schedules[0]?.id ?? "");
  const schedule = schedules.find((s) => s.id === scheduleId);
  const censusBox = useRef<HTMLDivElement | null>(null);
  const scheduleBox = useRef<HTMLDivElement | null>(null);
  const [censusApi, setCensusApi] = useState<GridApi<CensusRow> | null>(null);
  const [scheduleApi, setScheduleApi] = useState<GridApi<ScheduleRow> | null>(null);
  useGridA11y(censusBox, censusApi, { label: `Census: members by schedule, lane and step`, readOnly: true });
  useGridA11y(scheduleBox, scheduleApi, { label: `Salary schedule: ${schedule?.title ?? ""}, dollars per year`, readOnly: true });

  const censusCols = useMemo<ColDef<CensusRow>[]>(
    () =>
      census
        ? [
            { headerName: "Schedule", field: "schedule", pinned: "left" },
            { headerName: "Lane", field: "lane", pinned: "left", cellAriaRole: "rowheader" },
            ...census.steps.map((s): ColDef<CensusRow> => ({
              colId: `step${s}`,
              headerName: `Step ${s}`,
              valueGetter: (p) => (p.data?.counts[s] ? countText(p.data.counts[s]!) : ""),
              cellClass: "num",
            })),
            { headerName: "Total", colId: "total", valueGetter: (p) => (p.data ? countText(p.data.total) : ""), cellClass: "num strong" },
          ]
        : [],
    [census],
  );
  const scheduleCols = useMemo<ColDef<ScheduleRow>[]>(
    () =>
      schedule
        ? [
            { headerName: "Lane", field: "lane", pinned: "left", cellAriaRole: "rowheader" },
            ...schedule.steps.map((label, i): ColDef<ScheduleRow> => ({
              colId: `c${i}`,
              headerName: label,
              valueGetter: (p) => money(p.data?.cells[i]),
              cellClass: "num",
            })),
          ]
        : [],
    [schedule],
  );

  if (error || !census) return <p className="notice notice-error">The salary schedules could not be loaded: {error}</p>;
  return (
    <section className="schedules" data-testid="schedule-panel">
      <h3>Census: {censusHeading(census, countText(census.total, "members"))}</h3>
      <p className="muted small" data-testid="census-source" data-where={shown?.importedIn ?? ""}>
        {census.description}
      </p>
      <p className="small census-actions">
        Your own census: start from an empty{" "}
        <button type="button" data-testid="census-template" onClick={onTemplate}>
          Census template…
        </button>{" "}
        (one row per schedule, lane and step; a filled-in example is examples/census/sample-census.csv), then load it with Import census.
      </p>
      {gap && (
        <p className="notice notice-warning" role="status" data-testid="census-gap">
          Census and members disagree for &ldquo;{scenario.name}&rdquo;: {gap.message}
        </p>
      )}
      <div className="grid-box" style={{ height: 300 }} ref={censusBox} data-testid="census-grid">
        {/* An imported census replaces every row at once; rows sliding into new places read as a glitch. */}
        <AgGridReact<CensusRow>
          theme={gridTheme}
          animateRows={false}
          rowData={census.rows}
          columnDefs={censusCols}
          getRowId={(p) => p.data.key}
          defaultColDef={DEFAULT_COL}
          ensureDomOrder
          suppressColumnVirtualisation
          tabToNextCell={tabOutOfGrid}
          tabToNextHeader={tabOutOfGrid}
          onGridReady={(e) => setCensusApi(e.api)}
          // Every column as wide as its widest text (header included), so nothing is cut off.
          onFirstDataRendered={(e) => fitColumnsWhenDrawn(e.api, censusBox.current)}
          onRowDataUpdated={(e) => fitColumnsWhenDrawn(e.api, censusBox.current)}
        />
      </div>
      <h3>
        Salary schedule{" "}
        <select aria-label="Salary schedule" value={scheduleId} onChange={(e) => setScheduleId(e.target.value)} data-testid="schedule-pick">
          {schedules.map((s) => (
            <option key={s.id} value={s.id}>
              {s.title}
            </option>
          ))}
        </select>
      </h3>
      {schedule && (
        <>
          <p className="muted small" title={schedule.sourceFile ? `Source text: ${schedule.sourceFile}` : undefined}>
            Source: {schedule.source}
          </p>
          <div className="grid-box" style={{ height: 34 + schedule.rows.length * 30 + 22 }} ref={scheduleBox} data-testid="schedule-grid">
            <AgGridReact<ScheduleRow>
              theme={gridTheme}
              rowData={schedule.rows}
              columnDefs={scheduleCols}
              getRowId={(p) => p.data.lane}
              defaultColDef={DEFAULT_COL}
              ensureDomOrder
              suppressColumnVirtualisation
              tabToNextCell={tabOutOfGrid}
              tabToNextHeader={tabOutOfGrid}
              onGridReady={(e) => setScheduleApi(e.api)}
              onFirstDataRendered={(e) => fitColumnsWhenDrawn(e.api, scheduleBox.current)}
              onRowDataUpdated={(e) => fitColumnsWhenDrawn(e.api, scheduleBox.current)}
            />
          </div>
          {schedule.notes.length > 0 && (
            <ul className="small muted">
              {schedule.notes.map((n, i) => (
                <li key={i}>{n}</li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
