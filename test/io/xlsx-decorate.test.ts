/**
 * The styles, validations, protection and frozen panes the exported workbook carries, read back
 * from the file's XML: input cells filled and unlocked, formula sheets protected with no password,
 * every input validated against its field's range, values formatted in their units.
 */
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import * as XLSX from "xlsx";
import { fisAsPublished } from "../../model/built-ins";
import { listInputs } from "../../model/engine";
import { inputFormat, rangeValidation } from "../../model/io/inputs-sheet";
import { decorateWorkbook, emptyDecor } from "../../model/io/xlsx-decorate";
import { exportWorkbook, workbookSheetNames } from "../../model/io/xlsx-export";

/** Sheet name -> its XML, and the styles part. */
function parts(bytes: Uint8Array): { sheets: Map<string, string>; styles: string } {
  const files = unzipSync(bytes);
  const workbook = strFromU8(files["xl/workbook.xml"]!);
  const rels = strFromU8(files["xl/_rels/workbook.xml.rels"]!);
  const sheets = new Map<string, string>();
  for (const m of workbook.matchAll(/<sheet name="([^"]+)" sheetId="\d+" r:id="(rId\d+)"\/>/g)) {
    const target = new RegExp(`Id="${m[2]}"[^>]*Target="([^"]+)"`).exec(rels)![1]!;
    sheets.set(m[1]!.replace(/&apos;/g, "'").replace(/&amp;/g, "&"), strFromU8(files[`xl/${target}`]!));
  }
  return { sheets, styles: strFromU8(files["xl/styles.xml"]!) };
}

/** The cellXfs entry a cell uses. */
function xfOf(sheetXml: string, styles: string, ref: string): string {
  const s = new RegExp(`<c r="${ref}"[^>]*?\\bs="(\\d+)"`).exec(sheetXml)?.[1];
  if (s === undefined) return "";
  const xfs = [.../<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)![1]!.matchAll(/<xf\b[^>]*?(?:\/>|>[\s\S]*?<\/xf>)/g)].map((m) => m[0]);
  return xfs[Number(s)]!;
}

describe("the exported workbook's styles, validation and protection", () => {
  const scenario = fisAsPublished();
  const bytes = exportWorkbook([scenario]);
  const names = workbookSheetNames([scenario]);
  const { sheets, styles } = parts(bytes);
  const inputs = sheets.get(names.scenarios[0]!.inputs)!;
  const entries = listInputs(scenario);

  it("every input's Value cell is filled, boxed and unlocked; the calendar counts are grey and locked", () => {
    entries.forEach((e, i) => {
      const xf = xfOf(inputs, styles, `D${7 + i}`);
      expect(xf, e.path).toContain('<protection locked="0"/>');
      expect(xf).toMatch(/fillId="[23]"/);
      expect(xf).toContain('borderId="1"');
    });
    const calendarRow = XLSX.utils.decode_cell(
      Object.entries(XLSX.read(bytes).Sheets[names.scenarios[0]!.inputs]!).find(([, c]) =>
        String((c as XLSX.CellObject).v).startsWith("calendar:"),
      )![0],
    ).r;
    const xf = xfOf(inputs, styles, `D${calendarRow + 1}`);
    expect(xf).toContain('fillId="3"');
    expect(xf).not.toContain("locked");
  });

  it("each formula sheet and the Inputs sheet are protected with no password; columns and rows may still be resized", () => {
    for (const name of [names.costTable, names.scenarios[0]!.inputs, names.scenarios[0]!.calc]) {
      expect(sheets.get(name), name).toContain('<sheetProtection sheet="1" formatColumns="0" formatRows="0"/>');
      expect(sheets.get(name)).not.toMatch(/<sheetProtection[^>]*(password|hashValue)/);
    }
  });

  it("every input is validated against its field's range, with the field's words", () => {
    const validations = [...inputs.matchAll(/<dataValidation [^>]*sqref="(D\d+)"[^>]*>([\s\S]*?)<\/dataValidation>/g)];
    expect(validations).toHaveLength(entries.length);
    const raise = entries.findIndex((e) => e.path === "items.baseSalary.steps.2025-10-01.amount");
    const v = validations.find((m) => m[1] === `D${7 + raise}`)![0];
    // A raise: more than -100% and at most 100%.
    expect(v).toContain('type="custom"');
    expect(v).toContain("<formula1>AND(ISNUMBER(D10),D10&gt;-1,D10&lt;=1)</formula1>");
    expect(v).toContain("Type a percent (3% or 0.03), not 3.");
    expect(rangeValidation("D7", entries[0]!.spec, "Active members")).toMatchObject({
      type: "decimal",
      operator: "between",
      formula1: "0",
      formula2: "10000000",
    });
  });

  it("values show in their units: percents, dollars, counts", () => {
    const ws = XLSX.read(bytes, { cellNF: true }).Sheets[names.scenarios[0]!.inputs]!;
    const at = (path: string) => ws[`D${7 + entries.findIndex((e) => e.path === path)}`] as XLSX.CellObject;
    expect(at("items.baseSalary.steps.2025-10-01.amount")).toMatchObject({ v: 0.03, z: "0.0#%", w: "3.0%" });
    expect(at("items.medicare.rate")).toMatchObject({ v: 0.0145, w: "1.45%" });
    expect(at("items.bonus.earnings")).toMatchObject({ v: 596350000, w: "$596,350,000" });
    expect(at("groups.wtu.members")).toMatchObject({ v: 5776, w: "5,776" });
    expect(inputFormat("USD/month", "21.62")).toBe("$#,##0.00;($#,##0.00)");
    expect(inputFormat("rate", "0.00125")).toBe("0.0##%");
  });

  it("the header rows are frozen, and the fills are defined in styles.xml", () => {
    expect(inputs).toContain('<pane ySplit="6" topLeftCell="A7" activePane="bottomLeft" state="frozen"/>');
    expect(styles).toContain('<fgColor rgb="FFFFF2CC"/>');
    expect(styles).toMatch(/<fills count="5">/);
  });

  it("decorating is deterministic and refuses a sheet the workbook does not have", () => {
    expect(Buffer.from(exportWorkbook([scenario])).equals(Buffer.from(bytes))).toBe(true);
    const decor = new Map([["No such sheet", emptyDecor()]]);
    expect(() => decorateWorkbook(bytes, decor)).toThrow(/no sheet "No such sheet"/);
  });
});
