/**
 * An .xlsx file is a zip of XML parts, and a few hundred kilobytes of zip can inflate to gigabytes
 * (a "decompression bomb"): a sheet padded with 300 MB of spaces, or 30 million shared strings.
 * SheetJS inflates and parses everything it is given, so this looks first, without building a
 * single cell:
 *
 *   1. the zip's central directory: number of parts, each part's declared size and their sum,
 *      compression method, encryption, local headers agreeing with the directory;
 *   2. every part actually inflated, in small steps with fflate's streaming inflater that stops at
 *      the first byte past a limit (a part that inflates to more than it declares is refused);
 *      the output is scanned as it streams and thrown away;
 *   3. while scanning: rows, cells and value cells per worksheet, shared strings, and whether each
 *      worksheet's XML reaches its closing tag; the workbook's sheet list and relationships map
 *      sheet names to parts, so a sheet whose part is missing or damaged is named.
 *
 * Nothing here keeps more than one small chunk of inflated bytes at a time, apart from the
 * workbook and relationship parts (a few kilobytes, capped).
 */
import { Inflate } from "fflate";

export interface ZipLimits {
  /** Parts in the zip. */
  maxEntries: number;
  /** Sum of all parts' inflated sizes, in bytes. */
  maxInflatedBytes: number;
  /** Rows of one worksheet. */
  maxRows: number;
  /** Cells of one worksheet (<c> elements, empty or not). */
  maxCells: number;
  /** Entries of the shared-string table. */
  maxSharedStrings: number;
}

export interface InspectedSheet {
  name: string;
  /** The worksheet's part, e.g. xl/worksheets/sheet1.xml. */
  part: string;
  rows: number;
  cells: number;
  /** Cells holding a value (<v> or inline string): what a reader must come back with. */
  valueCells: number;
}

export interface XlsxInspection {
  sheets: InspectedSheet[];
  inflatedBytes: number;
  entries: number;
  sharedStrings: number;
}

export type Inspected = { ok: true; value: XlsxInspection } | { ok: false; message: string; sheet?: string };

/** Small XML parts read whole (workbook, relationships); anything larger is not a real one. */
const MAX_SMALL_PART = 4 * 1024 * 1024;
/** Compressed bytes fed to the inflater per step: at most ~1 MB of output per step at deflate's 1:1032 ratio. */
const INFLATE_STEP = 1024;

const fmt = (n: number) => n.toLocaleString("en-US");
const mb = (n: number) => `${(n / 1048576).toFixed(n < 10 * 1048576 ? 1 : 0)} MB`;

class Refusal extends Error {
  constructor(
    message: string,
    readonly sheet?: string,
  ) {
    super(message);
  }
}

interface Entry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

function u16(b: Uint8Array, o: number): number {
  return b[o]! | (b[o + 1]! << 8);
}
function u32(b: Uint8Array, o: number): number {
  return (b[o]! | (b[o + 1]! << 8) | (b[o + 2]! << 16)) + b[o + 3]! * 0x1000000;
}
function u64(b: Uint8Array, o: number): number {
  return u32(b, o) + u32(b, o + 4) * 0x100000000;
}

const latin1 = new TextDecoder("latin1");
const utf8 = new TextDecoder("utf-8");

function readDirectory(bytes: Uint8Array, limits: ZipLimits): Entry[] {
  const damaged = "cannot be read as an .xlsx workbook (damaged or truncated?)";
  // End of central directory: 22 bytes plus a comment of up to 65,535 bytes, at the very end.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--) {
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 0x05 && bytes[i + 3] === 0x06) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Refusal(`${damaged}: no zip directory at its end`);
  let count = u16(bytes, eocd + 10);
  let cdSize = u32(bytes, eocd + 12);
  let cdOffset = u32(bytes, eocd + 16);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    // ZIP64: the locator sits just before the end record and points at the zip64 end record.
    const loc = eocd - 20;
    if (loc < 0 || u32(bytes, loc) !== 0x07064b50) throw new Refusal(`${damaged}: a ZIP64 directory without its locator`);
    const rec = u64(bytes, loc + 8);
    if (rec + 56 > bytes.length || u32(bytes, rec) !== 0x06064b50) throw new Refusal(`${damaged}: a ZIP64 directory out of bounds`);
    count = u64(bytes, rec + 32);
    cdSize = u64(bytes, rec + 40);
    cdOffset = u64(bytes, rec + 48);
  }
  if (count > limits.maxEntries)
    throw new Refusal(`is a zip of ${fmt(count)} parts; the limit is ${fmt(limits.maxEntries)} (a workbook has a few dozen)`);
  if (cdOffset + cdSize > bytes.length) throw new Refusal(`${damaged}: its zip directory points past the end of the file`);
  const entries: Entry[] = [];
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > bytes.length || u32(bytes, p) !== 0x02014b50) throw new Refusal(`${damaged}: zip directory entry ${i + 1} is broken`);
    const flags = u16(bytes, p + 8);
    const method = u16(bytes, p + 10);
    let compressedSize = u32(bytes, p + 20);
    let size = u32(bytes, p + 24);
    const nameLen = u16(bytes, p + 28);
    const extraLen = u16(bytes, p + 30);
    const commentLen = u16(bytes, p + 32);
    let localOffset = u32(bytes, p + 42);
    const nameBytes = bytes.subarray(p + 46, p + 46 + nameLen);
    const name = (flags & 0x800 ? utf8 : latin1).decode(nameBytes);
    // ZIP64 extra field (id 1): the 64-bit values, in order, for each 32-bit field that is all ones.
    for (let e = p + 46 + nameLen; e + 4 <= p + 46 + nameLen + extraLen;) {
      const id = u16(bytes, e);
      const len = u16(bytes, e + 2);
      if (id === 1) {
        let q = e + 4;
        if (size === 0xffffffff) {
          size = u64(bytes, q);
          q += 8;
        }
        if (compressedSize === 0xffffffff) {
          compressedSize = u64(bytes, q);
          q += 8;
        }
        if (localOffset === 0xffffffff) localOffset = u64(bytes, q);
      }
      e += 4 + len;
    }
    entries.push({ name, method, flags, compressedSize, size, localOffset });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/** The data of one entry, after checking its local header against the directory. */
function entryData(bytes: Uint8Array, e: Entry): Uint8Array {
  const damaged = `cannot be read as an .xlsx workbook (damaged or truncated?): part ${e.name}`;
  const h = e.localOffset;
  if (h + 30 > bytes.length || u32(bytes, h) !== 0x04034b50) throw new Refusal(`${damaged} has no local header`);
  if (u16(bytes, h + 8) !== e.method) throw new Refusal(`${damaged}: its headers disagree on the compression method`);
  const start = h + 30 + u16(bytes, h + 26) + u16(bytes, h + 28);
  if (start + e.compressedSize > bytes.length) throw new Refusal(`${damaged} runs past the end of the file`);
  return bytes.subarray(start, start + e.compressedSize);
}

/**
 * Counts elements by local name as XML streams past ("<x:c " and "<c>" are both a cell), and
 * whether the root's closing tag was seen. It jumps from "<" to "<" (a native indexOf) and reads
 * only tag names. NUL bytes are skipped, so UTF-16 XML of ASCII tag names scans the same.
 */
class TagCounter {
  private readonly keys: number[];
  private readonly opened: number[];
  private readonly closedFlags: boolean[];
  /** Inside a tag name that continues into the next chunk. */
  private inTag = false;
  private closing = false;
  private started = false;
  /** The local name so far as a number, base 28 (a-z, anything else); longer than 10 characters is no watched name. */
  private key = 0;
  private length = 0;

  constructor(private readonly watch: readonly string[]) {
    this.keys = watch.map((w) => [...w].reduce((k, ch) => k * 28 + nameCode(ch.charCodeAt(0)), 0));
    this.opened = watch.map(() => 0);
    this.closedFlags = watch.map(() => false);
  }

  push(chunk: Uint8Array): void {
    let i = this.inTag ? this.readName(chunk, 0) : 0;
    for (;;) {
      const lt = chunk.indexOf(0x3c, i);
      if (lt < 0) return;
      this.inTag = true;
      this.closing = false;
      this.started = false;
      this.key = 0;
      this.length = 0;
      i = this.readName(chunk, lt + 1);
    }
  }

  /** Reads the tag name from `i`; returns where it stopped (the chunk's end when the name goes on). */
  private readName(chunk: Uint8Array, i: number): number {
    for (; i < chunk.length; i++) {
      const b = chunk[i]!;
      if (b === 0) continue;
      if (b === 0x2f && !this.started && !this.closing) {
        this.closing = true;
        continue;
      }
      if (b === 0x3a) {
        // A namespace prefix ends: the local name starts again.
        this.started = true;
        this.key = 0;
        this.length = 0;
        continue;
      }
      if (isNameByte(b)) {
        this.started = true;
        if (++this.length <= 10) this.key = this.key * 28 + nameCode(b);
        continue;
      }
      this.endName();
      return i;
    }
    return i;
  }

  private endName(): void {
    this.inTag = false;
    if (this.length === 0 || this.length > 10) return;
    const k = this.keys.indexOf(this.key);
    if (k < 0 || this.watch[k]!.length !== this.length) return;
    if (this.closing) this.closedFlags[k] = true;
    else this.opened[k]!++;
  }

  count(name: string): number {
    const k = this.watch.indexOf(name);
    return k < 0 ? 0 : this.opened[k]!;
  }

  closed(name: string): boolean {
    const k = this.watch.indexOf(name);
    return k >= 0 && this.closedFlags[k]!;
  }
}

function nameCode(b: number): number {
  return b >= 0x61 && b <= 0x7a ? b - 0x60 : 27;
}

function isNameByte(b: number): boolean {
  return (
    (b >= 0x61 && b <= 0x7a) || (b >= 0x41 && b <= 0x5a) || (b >= 0x30 && b <= 0x39) || b === 0x3a || b === 0x5f || b === 0x2d || b === 0x2e
  );
}

const WORKSHEET_TAGS = ["worksheet", "row", "c", "v", "is"];
const SST_TAGS = ["si"];

/** Inflates one entry in small steps, handing each chunk to `sink`; refuses past the limits. */
function inflateEntry(bytes: Uint8Array, e: Entry, budget: { left: number; limit: number }, sink: (chunk: Uint8Array) => void): void {
  const data = entryData(bytes, e);
  let produced = 0;
  const take = (chunk: Uint8Array) => {
    produced += chunk.length;
    if (produced > e.size)
      throw new Refusal(`part ${e.name} unpacks to more than the ${fmt(e.size)} bytes its zip directory declares (a decompression bomb?)`);
    budget.left -= chunk.length;
    if (budget.left < 0)
      throw new Refusal(`unpacks to more than ${mb(budget.limit)}; the limit for a workbook is ${mb(budget.limit)} unpacked`);
    sink(chunk);
  };
  if (e.method === 0) {
    if (e.compressedSize !== e.size) throw new Refusal(`cannot be read as an .xlsx workbook: stored part ${e.name} has two sizes`);
    for (let i = 0; i < data.length; i += 65536) take(data.subarray(i, Math.min(data.length, i + 65536)));
    return;
  }
  let ended = false;
  const inflater = new Inflate((chunk, final) => {
    take(chunk);
    if (final) ended = true;
  });
  try {
    for (let i = 0; i < data.length; i += INFLATE_STEP)
      inflater.push(data.subarray(i, Math.min(data.length, i + INFLATE_STEP)), i + INFLATE_STEP >= data.length);
    if (data.length === 0) inflater.push(new Uint8Array(0), true);
  } catch (err) {
    if (err instanceof Refusal) throw err;
    throw new Refusal(
      `cannot be read as an .xlsx workbook (damaged or truncated?): part ${e.name} does not inflate (${(err as Error).message})`,
    );
  }
  if (!ended && e.size > 0) throw new Refusal(`cannot be read as an .xlsx workbook (damaged or truncated?): part ${e.name} is cut short`);
  if (produced !== e.size)
    throw new Refusal(
      `cannot be read as an .xlsx workbook (damaged?): part ${e.name} inflates to ${fmt(produced)} bytes, ` +
        `not the ${fmt(e.size)} it declares`,
    );
}

const xmlText = (s: string) =>
  s.replace(/&(lt|gt|amp|quot|apos|#x[0-9a-fA-F]+|#\d+);/g, (_, n: string) =>
    n === "lt"
      ? "<"
      : n === "gt"
        ? ">"
        : n === "amp"
          ? "&"
          : n === "quot"
            ? '"'
            : n === "apos"
              ? "'"
              : String.fromCodePoint(n[1] === "x" ? parseInt(n.slice(2), 16) : parseInt(n.slice(1), 10)),
  );

function attr(tag: string, local: string): string | undefined {
  const m = new RegExp(`(?:^|\\s)(?:[\\w.-]+:)?${local}\\s*=\\s*("([^"]*)"|'([^']*)')`).exec(tag);
  return m ? xmlText(m[2] ?? m[3] ?? "") : undefined;
}

/** Relationship id -> target part (resolved against the folder of the part that owns them). */
function relationships(xml: string, baseFolder: string): Map<string, { target: string; type: string }> {
  const out = new Map<string, { target: string; type: string }>();
  for (const m of xml.matchAll(/<(?:[\w.-]+:)?Relationship\b([^>]*)>/g)) {
    const id = attr(m[1]!, "Id");
    const target = attr(m[1]!, "Target");
    if (id === undefined || target === undefined) continue;
    out.set(id, { target: resolvePart(baseFolder, target), type: attr(m[1]!, "Type") ?? "" });
  }
  return out;
}

function resolvePart(baseFolder: string, target: string): string {
  const parts = (target.startsWith("/") ? target.slice(1) : `${baseFolder}${target}`).split("/");
  const out: string[] = [];
  for (const p of parts) {
    if (p === "..") out.pop();
    else if (p !== "." && p !== "") out.push(p);
  }
  return out.join("/");
}

/** Inspects an .xlsx (zip) before any parser sees it. Never throws. */
export function inspectXlsx(bytes: Uint8Array, limits: ZipLimits): Inspected {
  try {
    return { ok: true, value: inspect(bytes, limits) };
  } catch (e) {
    if (e instanceof Refusal) return { ok: false, message: e.message, ...(e.sheet !== undefined ? { sheet: e.sheet } : {}) };
    return { ok: false, message: `cannot be read as an .xlsx workbook (damaged or truncated?): ${(e as Error).message}` };
  }
}

function inspect(bytes: Uint8Array, limits: ZipLimits): XlsxInspection {
  const entries = readDirectory(bytes, limits);
  const byName = new Map<string, Entry>();
  let declared = 0;
  for (const e of entries) {
    const key = e.name.toLowerCase();
    if (byName.has(key)) throw new Refusal(`cannot be read as an .xlsx workbook: it holds two parts named ${e.name}`);
    byName.set(key, e);
    if (e.flags & 1) throw new Refusal("is encrypted (password-protected); save an unprotected copy as .xlsx");
    if (e.method !== 0 && e.method !== 8)
      throw new Refusal(
        `cannot be read as an .xlsx workbook: part ${e.name} uses compression method ${e.method} (only stored and deflate are read)`,
      );
    declared += e.size;
    if (declared > limits.maxInflatedBytes)
      throw new Refusal(
        `unpacks to ${mb(declared)} or more (its zip directory says so); ` +
          `the limit for a workbook is ${mb(limits.maxInflatedBytes)} unpacked`,
      );
  }
  const get = (name: string) => byName.get(name.toLowerCase());
  if (get("mimetype") && get("content.xml"))
    throw new Refusal("is an OpenDocument spreadsheet (.ods), which is not read; save it as .xlsx or CSV");
  const budget = { left: limits.maxInflatedBytes, limit: limits.maxInflatedBytes };
  const small = (e: Entry): string => {
    if (e.size > MAX_SMALL_PART) throw new Refusal(`part ${e.name} is ${mb(e.size)}; the limit for it is ${mb(MAX_SMALL_PART)}`);
    const chunks: Uint8Array[] = [];
    inflateEntry(bytes, e, budget, (c) => chunks.push(c.slice()));
    return utf8.decode(concat(chunks));
  };

  // The workbook part: from the package relationships (officeDocument), xl/workbook.xml by default.
  const rootRels = get("_rels/.rels");
  const main = rootRels
    ? [...relationships(small(rootRels), "").values()].find((r) => r.type.endsWith("/officeDocument"))?.target
    : undefined;
  const workbookName = main ?? "xl/workbook.xml";
  if (/\.bin$/i.test(workbookName) || get("xl/workbook.bin"))
    throw new Refusal("is an Excel binary workbook (.xlsb), which is not read; save it as .xlsx");
  const workbook = get(workbookName);
  if (!workbook) throw new Refusal(`is a zip archive but not an Excel workbook: it has no ${workbookName} part`);
  const folder = workbookName.includes("/") ? workbookName.slice(0, workbookName.lastIndexOf("/") + 1) : "";
  const workbookXml = small(workbook);
  const relsEntry = get(`${folder}_rels/${workbookName.slice(folder.length)}.rels`);
  const rels = relsEntry ? relationships(small(relsEntry), folder) : new Map<string, { target: string; type: string }>();

  const sheets: InspectedSheet[] = [];
  const partSheet = new Map<string, InspectedSheet>();
  for (const m of workbookXml.matchAll(/<(?:[\w.-]+:)?sheet\b([^>]*)>/g)) {
    const name = attr(m[1]!, "name") ?? "";
    const rel = rels.get(attr(m[1]!, "id") ?? "");
    if (!rel) throw new Refusal("is listed in the workbook but points at no part (damaged workbook)", name);
    if (!/\/worksheet$/.test(rel.type)) continue; // chart sheets and dialog sheets hold no cells
    if (!get(rel.target))
      throw new Refusal(`is listed in the workbook but its part ${rel.target} is missing from the file (damaged workbook)`, name);
    const sheet: InspectedSheet = { name, part: rel.target, rows: 0, cells: 0, valueCells: 0 };
    sheets.push(sheet);
    partSheet.set(rel.target.toLowerCase(), sheet);
  }

  let sharedStrings = 0;
  const done = new Set([rootRels, workbook, relsEntry]);
  for (const e of entries) {
    if (done.has(e)) continue;
    const sheet = partSheet.get(e.name.toLowerCase());
    const isSst = /(^|\/)sharedStrings\.xml$/i.test(e.name);
    if (!sheet && !isSst) {
      inflateEntry(bytes, e, budget, () => undefined);
      continue;
    }
    const counter = new TagCounter(sheet ? WORKSHEET_TAGS : SST_TAGS);
    let checked = 0;
    inflateEntry(bytes, e, budget, (chunk) => {
      counter.push(chunk);
      // Counting as it streams: a sheet of ten million empty cells is refused on the way, not at the end.
      if (++checked % 64 === 0) check(counter, sheet, limits);
    });
    check(counter, sheet, limits);
    if (sheet) {
      if (counter.count("worksheet") === 0) throw new Refusal(`is damaged: its part ${e.name} is not worksheet XML`, sheet.name);
      if (!counter.closed("worksheet")) throw new Refusal("is damaged: its XML ends before </worksheet> (truncated?)", sheet.name);
      sheet.rows = counter.count("row");
      sheet.cells = counter.count("c");
      sheet.valueCells = counter.count("v") + counter.count("is");
    } else sharedStrings = counter.count("si");
  }
  return { sheets, inflatedBytes: limits.maxInflatedBytes - budget.left, entries: entries.length, sharedStrings };
}

function check(counter: TagCounter, sheet: InspectedSheet | undefined, limits: ZipLimits): void {
  if (!sheet) {
    const si = counter.count("si");
    if (si > limits.maxSharedStrings)
      throw new Refusal(`has more than ${fmt(limits.maxSharedStrings)} shared strings; the limit is ${fmt(limits.maxSharedStrings)}`);
    return;
  }
  if (counter.count("row") > limits.maxRows)
    throw new Refusal(`has more than ${fmt(limits.maxRows)} rows; the limit is ${fmt(limits.maxRows)}`, sheet.name);
  if (counter.count("c") > limits.maxCells)
    throw new Refusal(`has more than ${fmt(limits.maxCells)} cells; the limit is ${fmt(limits.maxCells)}`, sheet.name);
}

function concat(chunks: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}
