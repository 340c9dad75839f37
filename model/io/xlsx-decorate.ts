/**
 * What SheetJS Community Edition does not write, added to its .xlsx afterwards: cell styles (font,
 * fill, border, and "unlocked" for the cells a user may type in), data validation and frozen
 * panes. SheetJS writes number formats, defined names and sheet protection itself; everything
 * else here is plain SpreadsheetML edited in the zip (fflate), so the writer stays the project's
 * one spreadsheet library (see README.md: why not a styling fork).
 *
 * The edit is small and checked: each styled cell's existing style (its number format) is kept
 * and combined with the requested font, fill, border and protection; validations go where the
 * schema orders them (after the cells and the sheet protection, before hyperlinks, margins and
 * ignored errors). Zip entries keep their order and get a fixed timestamp, so the same workbook
 * always gives the same bytes.
 */
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from "fflate";

/** The styles a cell can ask for; each names one combination of font, fill, border and protection. */
export type CellStyle =
  "title" | "header" | "headerRight" | "input" | "inputDocumentation" | "calendar" | "value" | "valueBold" | "note" | "total" | "label";

export interface Validation {
  /** A1 range, e.g. "E7". */
  sqref: string;
  /** "decimal" with an operator and bounds, or "custom" with a formula that must be TRUE. */
  type: "decimal" | "custom";
  operator?: "between" | "greaterThan" | "greaterThanOrEqual" | "lessThan" | "lessThanOrEqual";
  formula1: string;
  formula2?: string;
  title: string;
  error: string;
  prompt?: string;
}

export interface SheetDecor {
  styles: Map<string, CellStyle>;
  validations: Validation[];
  /** Rows and columns frozen at the top and left. */
  freeze?: { rows: number; cols: number };
  /** Printed landscape; "fitWidth": one page wide, as many pages tall as needed. */
  print?: "landscape" | "fitWidth";
}

export const emptyDecor = (): SheetDecor => ({ styles: new Map(), validations: [] });

interface StyleSpec {
  font: number;
  fill: number;
  border: number;
  unlocked?: boolean;
  right?: boolean;
}

// Indexes into the fonts, fills and borders lists after the ones SheetJS writes (1 font, 2 fills, 1 border).
const FONTS = [
  '<font><b/><sz val="12"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font>',
  '<font><b/><sz val="14"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font>',
  '<font><i/><sz val="12"/><color rgb="FF595959"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font>',
];
const FILLS = [
  // input: pale yellow, the common "type here" colour
  '<fill><patternFill patternType="solid"><fgColor rgb="FFFFF2CC"/><bgColor indexed="64"/></patternFill></fill>',
  // value or calendar: grey, "not a formula you drive"
  '<fill><patternFill patternType="solid"><fgColor rgb="FFE7E6E6"/><bgColor indexed="64"/></patternFill></fill>',
  // header: light blue-grey
  '<fill><patternFill patternType="solid"><fgColor rgb="FFDDEBF7"/><bgColor indexed="64"/></patternFill></fill>',
];
const THIN = '<left style="thin"><color rgb="FFA6A6A6"/></left><right style="thin"><color rgb="FFA6A6A6"/></right>';
const BORDERS = [
  `<border>${THIN}<top style="thin"><color rgb="FFA6A6A6"/></top><bottom style="thin"><color rgb="FFA6A6A6"/></bottom><diagonal/></border>`,
  '<border><left/><right/><top/><bottom style="thin"><color auto="1"/></bottom><diagonal/></border>',
  '<border><left/><right/><top style="thin"><color auto="1"/></top><bottom/><diagonal/></border>',
];
const F = { normal: 0, bold: 1, title: 2, note: 3 };
const FILL = { none: 0, input: 2, grey: 3, header: 4 };
const B = { none: 0, box: 1, bottom: 2, top: 3 };

const SPECS: Record<CellStyle, StyleSpec> = {
  title: { font: F.title, fill: FILL.none, border: B.none },
  header: { font: F.bold, fill: FILL.header, border: B.bottom },
  // Over a column of numbers: aligned with them.
  headerRight: { font: F.bold, fill: FILL.header, border: B.bottom, right: true },
  input: { font: F.normal, fill: FILL.input, border: B.box, unlocked: true },
  inputDocumentation: { font: F.note, fill: FILL.grey, border: B.box, unlocked: true },
  calendar: { font: F.note, fill: FILL.grey, border: B.box },
  value: { font: F.normal, fill: FILL.grey, border: B.none },
  valueBold: { font: F.bold, fill: FILL.grey, border: B.top },
  note: { font: F.note, fill: FILL.none, border: B.none },
  total: { font: F.bold, fill: FILL.none, border: B.top },
  label: { font: F.bold, fill: FILL.none, border: B.none },
};

const FIXED_TIME = new Date("2000-01-01T00:00:00Z");

const escapeXml = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
const unescapeXml = (s: string) =>
  s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");

/** Sheet name -> zip path of its XML, from workbook.xml and its relationships. */
function sheetParts(files: Record<string, Uint8Array>): Map<string, string> {
  const workbook = strFromU8(files["xl/workbook.xml"]!);
  const rels = strFromU8(files["xl/_rels/workbook.xml.rels"]!);
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]+)"/.exec(m[0])?.[1];
    const target = /\bTarget="([^"]+)"/.exec(m[0])?.[1];
    if (id && target) targets.set(id, target.startsWith("/") ? target.slice(1) : `xl/${target}`);
  }
  const out = new Map<string, string>();
  for (const m of workbook.matchAll(/<sheet\b[^>]*>/g)) {
    const name = /\bname="([^"]*)"/.exec(m[0])?.[1];
    const rid = /\br:id="([^"]+)"/.exec(m[0])?.[1];
    if (name !== undefined && rid && targets.has(rid)) out.set(unescapeXml(name), targets.get(rid)!);
  }
  return out;
}

/** Adds fonts, fills and borders to styles.xml; returns a function giving the xf index for (existing xf, style). */
function extendStyles(stylesXml: string): { xml: () => string; xfFor: (base: number, style: CellStyle) => number } {
  const list = (tag: string, extra: string[], xml: string): string => {
    const re = new RegExp(`<${tag}s count="(\\d+)">([\\s\\S]*?)</${tag}s>`);
    const m = re.exec(xml);
    if (!m) throw new Error(`internal: styles.xml has no <${tag}s> list`);
    const count = Number(m[1]) + extra.length;
    return xml.replace(re, `<${tag}s count="${count}">${m[2]}${extra.join("")}</${tag}s>`);
  };
  const base = (tag: string, xml: string) => Number(new RegExp(`<${tag}s count="(\\d+)">`).exec(xml)?.[1] ?? "0");
  const fontBase = base("font", stylesXml);
  const fillBase = base("fill", stylesXml);
  const borderBase = base("border", stylesXml);
  if (fontBase !== 1 || fillBase !== 2 || borderBase !== 1)
    throw new Error("internal: styles.xml is not the one SheetJS writes (fonts, fills or borders differ)");
  let xml = list("font", FONTS, list("fill", FILLS, list("border", BORDERS, stylesXml)));
  const xfsMatch = /<cellXfs count="(\d+)">([\s\S]*?)<\/cellXfs>/.exec(xml);
  if (!xfsMatch) throw new Error("internal: styles.xml has no <cellXfs>");
  const xfs = [...xfsMatch[2]!.matchAll(/<xf\b[^>]*?(?:\/>|>[\s\S]*?<\/xf>)/g)].map((m) => m[0]);
  const added = new Map<string, number>();
  const xfFor = (baseXf: number, style: CellStyle): number => {
    const key = `${baseXf}|${style}`;
    const hit = added.get(key);
    if (hit !== undefined) return hit;
    const spec = SPECS[style];
    const numFmt = /numFmtId="(\d+)"/.exec(xfs[baseXf] ?? "")?.[1] ?? "0";
    const attrs =
      `numFmtId="${numFmt}" fontId="${spec.font}" fillId="${spec.fill}" borderId="${spec.border}" xfId="0" applyNumberFormat="1"` +
      ' applyFont="1" applyFill="1" applyBorder="1"' +
      `${spec.right ? ' applyAlignment="1"' : ""}${spec.unlocked ? ' applyProtection="1"' : ""}`;
    const children = `${spec.right ? '<alignment horizontal="right"/>' : ""}${spec.unlocked ? '<protection locked="0"/>' : ""}`;
    xfs.push(children ? `<xf ${attrs}>${children}</xf>` : `<xf ${attrs}/>`);
    added.set(key, xfs.length - 1);
    return xfs.length - 1;
  };
  return {
    xfFor,
    xml: () => {
      xml = xml.replace(/<cellXfs count="\d+">[\s\S]*?<\/cellXfs>/, `<cellXfs count="${xfs.length}">${xfs.join("")}</cellXfs>`);
      return xml;
    },
  };
}

const AFTER_VALIDATIONS = [
  "<hyperlinks",
  "<printOptions",
  "<pageMargins",
  "<pageSetup",
  "<headerFooter",
  "<rowBreaks",
  "<colBreaks",
  "<customProperties",
  "<cellWatches",
  "<ignoredErrors",
  "<smartTags",
  "<drawing",
  "<legacyDrawing",
  "<tableParts",
  "<extLst",
  "</worksheet>",
];

const AFTER_PAGE_SETUP = AFTER_VALIDATIONS.slice(AFTER_VALIDATIONS.indexOf("<headerFooter"));
const MARGINS = '<pageMargins left="0.4" right="0.4" top="0.5" bottom="0.5" header="0.3" footer="0.3"/>';

const insertBefore = (xml: string, tags: readonly string[], what: string) => {
  const index = Math.min(...tags.map((tag) => xml.indexOf(tag)).filter((i) => i >= 0));
  return xml.slice(0, index) + what + xml.slice(index);
};

function validationsXml(list: readonly Validation[]): string {
  const items = list.map((v) => {
    const attrs = [
      `type="${v.type}"`,
      ...(v.operator && v.operator !== "between" ? [`operator="${v.operator}"`] : []),
      'allowBlank="0"',
      'showInputMessage="1"',
      'showErrorMessage="1"',
      `errorTitle="${escapeXml(v.title.slice(0, 32))}"`,
      `error="${escapeXml(v.error.slice(0, 255))}"`,
      ...(v.prompt ? [`promptTitle="${escapeXml(v.title.slice(0, 32))}"`, `prompt="${escapeXml(v.prompt.slice(0, 255))}"`] : []),
      `sqref="${v.sqref}"`,
    ];
    const second = v.formula2 === undefined ? "" : `<formula2>${escapeXml(v.formula2)}</formula2>`;
    const formulas = `<formula1>${escapeXml(v.formula1)}</formula1>${second}`;
    return `<dataValidation ${attrs.join(" ")}>${formulas}</dataValidation>`;
  });
  return `<dataValidations count="${items.length}">${items.join("")}</dataValidations>`;
}

function paneXml(freeze: { rows: number; cols: number }): string {
  const { rows, cols } = freeze;
  const topLeft = `${colName(cols)}${rows + 1}`;
  const pane = rows > 0 && cols > 0 ? "bottomRight" : rows > 0 ? "bottomLeft" : "topRight";
  const split = `${cols > 0 ? ` xSplit="${cols}"` : ""}${rows > 0 ? ` ySplit="${rows}"` : ""}`;
  const paneTag = `<pane${split} topLeftCell="${topLeft}" activePane="${pane}" state="frozen"/>`;
  return `<sheetView workbookViewId="0">${paneTag}<selection pane="${pane}"/></sheetView>`;
}

function colName(c: number): string {
  let s = "";
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function decorateSheet(xml: string, decor: SheetDecor, xfFor: (base: number, style: CellStyle) => number): string {
  let out = xml;
  if (decor.styles.size) {
    out = out.replace(/<c r="([A-Z]+\d+)"([^>]*?)(\/?)>/g, (whole, ref: string, attrs: string, close: string) => {
      const style = decor.styles.get(ref);
      if (!style) return whole;
      const base = Number(/\bs="(\d+)"/.exec(attrs)?.[1] ?? "0");
      const rest = attrs.replace(/\s*\bs="\d+"/, "");
      return `<c r="${ref}" s="${xfFor(base, style)}"${rest}${close}>`;
    });
  }
  if (decor.freeze) {
    const before = out;
    out = out.replace(/<sheetView workbookViewId="0"\/>/, paneXml(decor.freeze));
    if (out === before) throw new Error("internal: no plain <sheetView> to freeze panes in");
  }
  if (decor.validations.length) out = insertBefore(out, AFTER_VALIDATIONS, validationsXml(decor.validations));
  if (decor.print) {
    if (/<sheetPr[ >]/.test(out) || out.includes("<pageSetup ")) throw new Error("internal: the sheet already has print settings");
    const fit = decor.print === "fitWidth";
    if (fit) out = out.replace("<dimension ", '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr><dimension ');
    const setup = `<pageSetup orientation="landscape"${fit ? ' fitToWidth="1" fitToHeight="0"' : ""}/>`;
    out = insertBefore(out, AFTER_PAGE_SETUP, MARGINS + setup);
  }
  return out;
}

/** The workbook's bytes with each named sheet's styles, validations and frozen panes added. */
export function decorateWorkbook(bytes: Uint8Array, decor: ReadonlyMap<string, SheetDecor>): Uint8Array {
  const files = unzipSync(bytes);
  const parts = sheetParts(files);
  for (const name of decor.keys()) if (!parts.has(name)) throw new Error(`internal: no sheet "${name}" to decorate`);
  const styles = extendStyles(strFromU8(files["xl/styles.xml"]!));
  for (const [name, d] of decor) {
    const path = parts.get(name)!;
    files[path] = strToU8(decorateSheet(strFromU8(files[path]!), d, styles.xfFor));
  }
  files["xl/styles.xml"] = strToU8(styles.xml());
  const zippable: Zippable = {};
  for (const [path, data] of Object.entries(files)) zippable[path] = [data, { level: 6, mtime: FIXED_TIME }];
  return zipSync(zippable);
}
