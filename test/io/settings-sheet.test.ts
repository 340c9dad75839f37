/**
 * The schedule method's settings on the exported Inputs sheet: listed with their values under
 * their own heading, grey and locked like the calendar counts, said not to flow; typed over in the
 * workbook they are reported as ignored by the assumptions import, never applied and never an error.
 */
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import * as XLSX from "xlsx";
import { fisAsPublished } from "../../model/built-ins";
import type { Scenario } from "../../model/engine";
import { importAssumptions } from "../../model/io/assumptions-import";
import { LABEL_COLUMN, PATH_COLUMN, VALUE_COLUMN } from "../../model/io/inputs-sheet";
import { exportWorkbook } from "../../model/io/xlsx-export";

const bySchedule = (): Scenario => {
  const s = fisAsPublished();
  return { ...s, settings: { ...s.settings, salaryMethod: "schedule" } };
};
const inputsName = (wb: XLSX.WorkBook) => wb.SheetNames.find((n) => n.startsWith("Inputs - "))!;
const rowsOf = (bytes: Uint8Array) => {
  const wb = XLSX.read(bytes);
  return XLSX.utils.sheet_to_json<(string | number)[]>(wb.Sheets[inputsName(wb)]!, { header: 1, blankrows: true });
};

describe("settings on the Inputs sheet", () => {
  const scenario = bySchedule();
  const bytes = exportWorkbook([scenario]);
  const rows = rowsOf(bytes);
  const settingRows = rows.filter((r) => String(r[PATH_COLUMN] ?? "").startsWith("setting:"));

  it("lists the four settings with the scenario's values, under a heading saying they do not flow", () => {
    // fis-as-published.json: entry {step 1, lane Bachelors, 1 year}; no step date, so the fiscal year's first day (10-01).
    expect(settingRows.map((r) => [r[LABEL_COLUMN], r[VALUE_COLUMN], r[PATH_COLUMN]])).toEqual([
      ["Replacement step", 1, "setting:scheduleMethod.entry.step"],
      ["Replacement lane", "Bachelors", "setting:scheduleMethod.entry.lane"],
      ["Replacement years of service", 1, "setting:scheduleMethod.entry.yearsOfService"],
      ["Step date", "10-01", "setting:scheduleMethod.anniversary"],
    ]);
    const text = rows.map((r) => r.join(" ")).join("\n");
    expect(text).toContain("Settings: not inputs. They set the Projection sheet's layout");
    expect(text).toContain("change them in the app");
    expect(settingRows.every((r) => r.join(" ").includes("setting, does not flow"))).toBe(true);
    // Row 4 and the "Does not flow" list name them too.
    expect(text).toContain("The schedule method's settings (replacement step, replacement lane, replacement years of service, step date");
  });

  it("are grey and locked, not yellow cells to type in", () => {
    const files = unzipSync(bytes);
    const styles = strFromU8(files["xl/styles.xml"]!);
    const wb = XLSX.read(bytes);
    const index = wb.SheetNames.indexOf(inputsName(wb));
    const sheet = strFromU8(files[`xl/worksheets/sheet${index + 1}.xml`]!);
    const xfs = [.../<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)![1]!.matchAll(/<xf\b[^>]*?(?:\/>|>[\s\S]*?<\/xf>)/g)].map(
      (m) => m[0],
    );
    const firstRow = rows.findIndex((r) => r[PATH_COLUMN] === "setting:scheduleMethod.entry.step") + 1;
    for (let r = firstRow; r < firstRow + 4; r++) {
      const s = new RegExp(`<c r="D${r}"[^>]*?\\bs="(\\d+)"`).exec(sheet)?.[1];
      const xf = xfs[Number(s)]!;
      expect(xf, `D${r}`).toContain('fillId="3"'); // the grey fill of the calendar counts
      expect(xf, `D${r}`).not.toContain('locked="0"');
    }
  });

  it("an unedited export imports with nothing ignored; a setting typed over is ignored with its reason, nothing applied", () => {
    const same = importAssumptions(bytes, "same.xlsx", scenario);
    expect(same.ok && same.value.ignored.filter((i) => i.reason.includes("setting"))).toEqual([]);
    const wb = XLSX.read(bytes, { cellFormula: true });
    const ws = wb.Sheets[inputsName(wb)]!;
    const at = (path: string) => rows.findIndex((r) => r[PATH_COLUMN] === path);
    ws[XLSX.utils.encode_cell({ r: at("setting:scheduleMethod.entry.step"), c: VALUE_COLUMN })] = { t: "n", v: 5 };
    ws[XLSX.utils.encode_cell({ r: at("setting:scheduleMethod.entry.lane"), c: VALUE_COLUMN })] = { t: "s", v: "Masters+30" };
    const edited = new Uint8Array(XLSX.write(wb, { type: "array", bookType: "xlsx" }) as ArrayBuffer);
    const r = importAssumptions(edited, "edited.xlsx", scenario);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.value.applied).toEqual([]);
    expect(r.value.scenario.scheduleMethod!.entry).toEqual(scenario.scheduleMethod!.entry);
    const reasons = r.value.ignored.map((i) => `${i.cell}: ${i.reason}`);
    const row = at("setting:scheduleMethod.entry.step") + 1;
    expect(reasons).toContain(
      `D${row}: Replacement step is a setting (1 in FIS as published); 5 was typed and is ignored: ` +
        "it sets the Projection sheet's layout, so change it in the app",
    );
    expect(reasons).toContain(
      `D${row + 1}: Replacement lane is a setting (Bachelors in FIS as published); Masters+30 was typed and is ignored: ` +
        "it sets the Projection sheet's layout, so change it in the app",
    );
  });

  it("a path that names no setting of the scenario is ignored, not an error", () => {
    const wb = XLSX.read(bytes, { cellFormula: true });
    const ws = wb.Sheets[inputsName(wb)]!;
    const r0 = rows.findIndex((r) => r[PATH_COLUMN] === "setting:scheduleMethod.anniversary");
    ws[XLSX.utils.encode_cell({ r: r0, c: PATH_COLUMN })] = { t: "s", v: "setting:scheduleMethod.nothing" };
    const edited = new Uint8Array(XLSX.write(wb, { type: "array", bookType: "xlsx" }) as ArrayBuffer);
    const r = importAssumptions(edited, "edited.xlsx", scenario);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.value.ignored.map((i) => i.reason)).toContain("scheduleMethod.nothing is not a setting of FIS as published; ignored");
  });
});
