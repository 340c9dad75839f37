/**
 * The inputs grid's Range column: an input's range for Monte Carlo ("5,776 ± 2%", "6%–12%") next
 * to its value, opened for editing in the range dialog (renderer/analysis/RangeDialog.tsx) by a
 * click, Enter or Space. The cell reads the range from the active scenario itself, so a changed
 * range shows at once while the rest of the row is left alone.
 */
import type { ColDef, ICellRendererParams } from "ag-grid-community";
import { distributionText } from "../../model/engine/risk/words";
import { openRangeDialog } from "../analysis/RangeDialog";
import { useApp } from "../state/context";
import { activeEntry } from "../state/store";

interface RowLike {
  path: string;
  value: string;
  unitRaw: string;
  label: string;
  /** A setting (a step, a lane, a date) takes no range: Monte Carlo varies inputs continuously. */
  setting?: string;
}

function RangeCell({ data }: ICellRendererParams<RowLike>) {
  const { state } = useApp();
  if (!data) return null;
  if (data.setting)
    return (
      <span className="range-cell range-none" title="A setting: Monte Carlo and sensitivity do not vary it">
        not varied
      </span>
    );
  const d = activeEntry(state).scenario.uncertainty?.inputs[data.path];
  const text = d && d.distribution !== "fixed" ? distributionText(d, data.value, data.unitRaw) : "";
  return (
    <span
      className={text ? "range-cell" : "range-cell range-none"}
      data-testid="range-cell"
      data-path={data.path}
      onClick={() => openRangeDialog(data.path)}
      title={text ? `Range for Monte Carlo (an assumption): ${text}. Enter to edit.` : "No range: Enter to give this input a range"}
    >
      {text || "+ add range"}
    </span>
  );
}

export function rangeColumn<Row extends RowLike>(): ColDef<Row> {
  return {
    colId: "range",
    headerName: "Range",
    headerTooltip: "A range of values for Monte Carlo on the Analysis tab (an assumption, not a published figure)",
    // "+ add range" on one line (81 px of text and 2 x 12 px of padding): rows stay one line where they can.
    width: 108,
    cellRenderer: RangeCell,
    // Long ranges ("2%–10%, most likely 5%") wrap onto more lines rather than being cut off.
    wrapText: true,
    autoHeight: true,
    cellClass: "range-col wrap-cell",
    // Enter or Space on the focused cell opens the dialog (the cell holds no focusable control of its own).
    suppressKeyboardEvent: (p) => {
      const e = p.event;
      if (e.type !== "keydown" || (e.key !== "Enter" && e.key !== " ") || !p.data || p.data.setting) return false;
      e.preventDefault();
      openRangeDialog(p.data.path);
      return true;
    },
  };
}
