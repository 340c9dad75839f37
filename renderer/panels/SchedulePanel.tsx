/** Screen 3: the reference census and the salary schedules, read-only. */
import type { ColDef } from "ag-grid-community";
import { AgGridReact } from "ag-grid-react";
import { useMemo, useState } from "react";
import { gridTheme } from "../grid/ag-setup";
import { referenceCensus } from "../../model/engine/schedule";
import { censusMembersGap } from "../../model/engine/schedule/census-members";
import type { Census } from "../../model/engine/schedule/types";
import type { Scenario } from "../../model/engine/scenario/types";
import { censusView, scheduleViews, type CensusView, type ScheduleView } from "./schedule-adapter";

type CensusRow = CensusView["rows"][number];
type ScheduleRow = ScheduleView["rows"][number];

const money = (v: string | null | undefined) => (v == null ? "N/A" : `$${v.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}`);

export function SchedulePanel({
  imported,
  scenario,
}: {
  imported: { census: Census; fileName: string; importedIn?: "worker" | "main thread" } | null;
  /** The scenario on screen: its members are compared with the census headcount. */
  scenario: Scenario;
}) {
  const { census, schedules, error } = useMemo(() => {
    try {
      return { census: censusView(imported), schedules: scheduleViews(), error: null };
    } catch (e) {
      return { census: null, schedules: [] as ScheduleView[], error: e instanceof Error ? e.message : String(e) };
    }
  }, [imported]);
  const gap = useMemo(() => censusMembersGap(scenario, imported?.census ?? referenceCensus()), [scenario, imported]);
  const [scheduleId, setScheduleId] = useState(() => schedules.find((s) => !s.id.includes("2024"))?.id ?? schedules[0]?.id ?? "");
  const schedule = schedules.find((s) => s.id === scheduleId);

  const censusCols = useMemo<ColDef<CensusRow>[]>(
    () =>
      census
        ? [
            { headerName: "Schedule", field: "schedule", pinned: "left", width: 110 },
            { headerName: "Lane", field: "lane", pinned: "left", width: 150 },
            ...census.steps.map((s): ColDef<CensusRow> => ({
              colId: `step${s}`,
              headerName: `Step ${s}`,
              valueGetter: (p) => p.data?.counts[s] ?? "",
              width: 78,
              cellClass: "num",
            })),
            { headerName: "Total", field: "total", width: 90, cellClass: "num strong" },
          ]
        : [],
    [census],
  );
  const scheduleCols = useMemo<ColDef<ScheduleRow>[]>(
    () =>
      schedule
        ? [
            { headerName: "Lane", field: "lane", pinned: "left", width: 150 },
            ...schedule.steps.map((label, i): ColDef<ScheduleRow> => ({
              colId: `c${i}`,
              headerName: label,
              valueGetter: (p) => money(p.data?.cells[i]),
              width: 96,
              cellClass: "num",
            })),
          ]
        : [],
    [schedule],
  );

  if (error || !census) return <p className="notice notice-error">The salary schedules could not be loaded: {error}</p>;
  return (
    <section className="schedules" data-testid="schedule-panel">
      <h3>
        Census: {census.label}, FY{census.asOf}, {census.total.replace(/\B(?=(\d{3})+(?!\d))/g, ",")} members
      </h3>
      <p className="muted small" data-testid="census-source" data-where={imported?.importedIn ?? ""}>
        {census.description}
      </p>
      {gap && (
        <p className="notice notice-warning" role="status" data-testid="census-gap">
          Census and members disagree for &ldquo;{scenario.name}&rdquo;: {gap.message}
        </p>
      )}
      <div className="grid-box" style={{ height: 300 }}>
        {/* An imported census replaces every row at once; rows sliding into new places read as a glitch. */}
        <AgGridReact<CensusRow>
          theme={gridTheme}
          animateRows={false}
          rowData={census.rows}
          columnDefs={censusCols}
          getRowId={(p) => p.data.key}
          defaultColDef={{ sortable: false, suppressHeaderMenuButton: true }}
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
          <p className="muted small">Source: {schedule.source}</p>
          <div className="grid-box" style={{ height: 34 + schedule.rows.length * 30 + 22 }}>
            <AgGridReact<ScheduleRow>
              theme={gridTheme}
              rowData={schedule.rows}
              columnDefs={scheduleCols}
              getRowId={(p) => p.data.lane}
              defaultColDef={{ sortable: false, suppressHeaderMenuButton: true }}
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
