/**
 * Two spreadsheet engines independent of this project, for recomputing an exported workbook from its
 * formulas alone: LibreOffice headless (a real office suite, told to recalculate every formula
 * on load) and HyperFormula in-process.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { HyperFormula } from "hyperformula";
import * as XLSX from "xlsx";

export function findSoffice(): string | undefined {
  const r = spawnSync("sh", ["-c", "command -v soffice || command -v libreoffice"], { encoding: "utf8" });
  const path = r.stdout.trim();
  return r.status === 0 && path ? path : undefined;
}

/**
 * LibreOffice trusts an xlsx file's cached values unless told otherwise; a fresh profile per run
 * (so parallel runs never share a lock) whose settings say "always recalculate" on OOXML and ODF load.
 */
function freshProfile(dir: string, recalcOnLoad: boolean): string {
  const profile = join(dir, "lo-profile");
  mkdirSync(join(profile, "user"), { recursive: true });
  const mode = recalcOnLoad ? 0 : 1; // 0 = always recalculate, 1 = never
  writeFileSync(
    join(profile, "user", "registrymodifications.xcu"),
    `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load">
  <prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>${mode}</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>${mode}</value></prop></item>
</oor:items>
`,
  );
  return `file://${profile}`;
}

/** Opens the bytes in LibreOffice, lets it recalculate, saves as xlsx, returns the workbook SheetJS reads back. */
export function libreOfficeRecalc(soffice: string, bytes: Uint8Array, options: { recalcOnLoad?: boolean } = {}): XLSX.WorkBook {
  const dir = mkdtempSync(join(tmpdir(), "fis-lo-"));
  try {
    const input = join(dir, "in.xlsx");
    const outDir = join(dir, "out");
    writeFileSync(input, bytes);
    execFileSync(
      soffice,
      [
        `-env:UserInstallation=${freshProfile(dir, options.recalcOnLoad ?? true)}`,
        "--headless",
        "--norestore",
        "--calc",
        "--convert-to",
        "xlsx",
        "--outdir",
        outDir,
        input,
      ],
      {
        stdio: "pipe",
        timeout: 120_000,
      },
    );
    return XLSX.read(readFileSync(join(outDir, "in.xlsx")));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Several workbooks through one LibreOffice process (one start-up for all): each opened,
 * recalculated and saved as xlsx; returns the saved files' bytes.
 */
export function libreOfficeSave(soffice: string, files: Uint8Array[]): Uint8Array[] {
  const dir = mkdtempSync(join(tmpdir(), "fis-lo-"));
  try {
    const outDir = join(dir, "out");
    const inputs = files.map((bytes, i) => {
      const path = join(dir, `in${i}.xlsx`);
      writeFileSync(path, bytes);
      return path;
    });
    execFileSync(
      soffice,
      [
        `-env:UserInstallation=${freshProfile(dir, true)}`,
        "--headless",
        "--norestore",
        "--calc",
        "--convert-to",
        "xlsx",
        "--outdir",
        outDir,
        ...inputs,
      ],
      { stdio: "pipe", timeout: 1_800_000 },
    );
    return files.map((_, i) => new Uint8Array(readFileSync(join(outDir, `in${i}.xlsx`))));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** libreOfficeSave, read back by SheetJS (only the named sheets). */
export function libreOfficeRecalcMany(soffice: string, files: Uint8Array[], sheets?: string[]): XLSX.WorkBook[] {
  return libreOfficeSave(soffice, files).map((bytes) => XLSX.read(bytes, sheets ? { sheets } : {}));
}

/**
 * The workbook with one number cell's value replaced in its XML, every other byte of every part
 * kept (styles, validations, protection): what a user typing into that cell and saving leaves.
 */
export function setCellNumber(bytes: Uint8Array, sheet: string, addr: string, value: number): Uint8Array {
  const files = unzipSync(bytes);
  const workbook = strFromU8(files["xl/workbook.xml"]!);
  const rels = strFromU8(files["xl/_rels/workbook.xml.rels"]!);
  const escaped = sheet.replace(/&/g, "&amp;").replace(/'/g, "&apos;");
  const rid = new RegExp(`<sheet name="${escaped.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}" sheetId="\\d+" r:id="([^"]+)"`).exec(
    workbook,
  )?.[1];
  const target = rid && new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels)?.[1];
  if (!target) throw new Error(`no sheet ${sheet}`);
  const path = `xl/${target}`;
  const xml = strFromU8(files[path]!);
  const cell = new RegExp(`(<c r="${addr}"[^>]*>)<v>[^<]*</v>`);
  if (!cell.test(xml)) throw new Error(`no number cell ${sheet}!${addr}`);
  files[path] = strToU8(xml.replace(cell, `$1<v>${value}</v>`));
  return zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, [v, { level: 6 }]])));
}

/** Every formula cell's cached value replaced: whatever a reader shows afterwards, it computed itself. */
export function poisonCachedValues(bytes: Uint8Array, poison = -999999): Uint8Array {
  const wb = XLSX.read(bytes, { cellFormula: true, cellNF: true });
  for (const name of wb.SheetNames) {
    const ws = wb.Sheets[name]!;
    for (const addr of Object.keys(ws)) {
      if (addr.startsWith("!")) continue;
      const cell = ws[addr] as XLSX.CellObject;
      if (cell.f) {
        cell.v = poison;
        cell.t = "n";
        delete cell.w;
      }
    }
  }
  return new Uint8Array(XLSX.write(wb, { type: "array", bookType: "xlsx" }) as ArrayBuffer);
}

/** A sheet's value at an A1 address, or undefined. */
export function cellValue(wb: XLSX.WorkBook, sheet: string, addr: string): unknown {
  return (wb.Sheets[sheet]?.[addr] as XLSX.CellObject | undefined)?.v;
}

export interface HfWorkbook {
  value(sheet: string, addr: string): unknown;
  set(sheet: string, addr: string, value: number): void;
}

/** Loads the workbook's formulas and constants (not its cached values) and defined names into HyperFormula. */
export function hyperFormulaRecalc(bytes: Uint8Array): HfWorkbook {
  const wb = XLSX.read(bytes, { cellFormula: true });
  const sheets: Record<string, (string | number | null)[][]> = {};
  for (const name of wb.SheetNames) {
    const ws = wb.Sheets[name]!;
    const range = XLSX.utils.decode_range(ws["!ref"] ?? "A1");
    const grid: (string | number | null)[][] = [];
    for (let r = 0; r <= range.e.r; r++) {
      const row: (string | number | null)[] = [];
      for (let c = 0; c <= range.e.c; c++) {
        const cell = ws[XLSX.utils.encode_cell({ r, c })] as XLSX.CellObject | undefined;
        if (!cell) row.push(null);
        else if (cell.f) row.push(`=${cell.f}`);
        else if (cell.t === "n") row.push(cell.v as number);
        // Text goes in as a string literal so HyperFormula never parses a label as a formula.
        else row.push(cell.v === undefined ? null : `'${String(cell.v)}`);
      }
      grid.push(row);
    }
    sheets[name] = grid;
  }
  const hf = HyperFormula.buildEmpty({ licenseKey: "gpl-v3", smartRounding: false });
  for (const name of Object.keys(sheets)) hf.addSheet(name);
  // Names before formulas, so every formula resolves on first parse.
  for (const n of wb.Workbook?.Names ?? []) hf.addNamedExpression(n.Name, `=${n.Ref}`);
  for (const [name, grid] of Object.entries(sheets)) hf.setSheetContent(hf.getSheetId(name)!, grid);
  const at = (sheet: string, addr: string) => {
    const { r, c } = XLSX.utils.decode_cell(addr);
    return { sheet: hf.getSheetId(sheet)!, row: r, col: c };
  };
  return {
    value: (sheet, addr) => hf.getCellValue(at(sheet, addr)),
    set: (sheet, addr, value) => void hf.setCellContents(at(sheet, addr), value),
  };
}
