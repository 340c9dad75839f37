/**
 * A TableResult as data a structured clone (postMessage) carries intact, and back. A Decimal does
 * not survive a clone (its instances hold their constructor, a function), so every amount travels
 * as its exact decimal string. Explanation trees are the bulk: a heavy scenario's table holds
 * about 280,000 explanation nodes sharing some 16,000 distinct strings, and cloned as objects they
 * take longer to unpack on the receiving thread than the frame budget allows. So the nodes travel
 * as one flat Int32Array (transferable, no copy) indexing one table of distinct strings, and
 * a node shared by several trees stays shared. Reviving builds the same objects (the same keys,
 * an explicitly undefined key kept as such) in one pass.
 */
import type { Cell, ItemResult, LineResult, TableResult } from "./compute";
import { Decimal } from "./decimal";
import type { Explanation } from "./explain";
import type { ItemCell } from "./kinds/kind";

/** A cell with its amounts as strings and its explanation as an index into `nodes`. */
interface CellData {
  exact: string;
  display?: string;
  explanation: number;
}

export interface TableResultData {
  format: "fis-table-result/1";
  /** The table with its lines' and items' cells replaced by CellData. */
  table: Omit<TableResult, "lines" | "items"> & {
    lines: (Omit<LineResult, "cells"> & { cells: Record<string, CellData> })[];
    items: (Omit<ItemResult, "cells"> & { cells: Record<string, CellData> })[];
  };
  strings: string[];
  /** NODE_FIELDS numbers per explanation node (see the field indices below). */
  nodes: Int32Array;
  /** Child node indices, each node's run starting at its FIRST_CHILD. */
  children: Int32Array;
}

// A node's numbers: its six text fields (label, value, unit, formula, symbols, inputPath), its source's three, flags, first child, child count.
const TEXT = ["label", "value", "unit", "formula", "symbols", "inputPath"] as const;
const SOURCE_KIND = TEXT.length;
const SOURCE_REF = SOURCE_KIND + 1;
const SOURCE_NOTE = SOURCE_KIND + 2;
const FLAGS = SOURCE_KIND + 3;
const FIRST_CHILD = FLAGS + 1;
const CHILD_COUNT = FLAGS + 2;
export const NODE_FIELDS = FLAGS + 3;
/** A string slot: the key is absent; or present with the value undefined. */
const ABSENT = -1;
const UNDEFINED = -2;
/** Flags: `source` present, or present but undefined; `subtracted` present (and true), or present but undefined. */
const HAS_SOURCE = 1;
const UNDEFINED_SOURCE = 2;
const HAS_SUBTRACTED = 4;
const SUBTRACTED = 8;
const UNDEFINED_SUBTRACTED = 16;

const NODE_KEYS = new Set<string>([...TEXT, "source", "subtracted", "children"]);
const SOURCE_KEYS = new Set<string>(["kind", "ref", "note"]);

/** A key this codec does not know would be lost on the way: refuse, rather than arrive with less than was sent. */
function checkKeys(o: object, known: Set<string>, what: string): void {
  for (const key of Object.keys(o)) if (!known.has(key)) throw new Error(`cannot transfer the table: ${what} has a field "${key}"`);
}

export function encodeTableResult(result: TableResult): TableResultData {
  const strings: string[] = [];
  const stringIndex = new Map<string, number>();
  const intern = (s: string): number => {
    let i = stringIndex.get(s);
    if (i === undefined) {
      i = strings.length;
      strings.push(s);
      stringIndex.set(s, i);
    }
    return i;
  };
  const slot = (s: unknown, present: boolean, key: string): number => {
    if (!present) return ABSENT;
    if (s === undefined) return UNDEFINED;
    if (typeof s !== "string") throw new Error(`cannot transfer the table: an explanation's "${key}" is not text`);
    return intern(s);
  };
  let nodes = new Int32Array(NODE_FIELDS * 1024);
  let children = new Int32Array(1024);
  let nodeCount = 0;
  let childCount = 0;
  const nodeIndex = new Map<Explanation, number>();

  // Iterative (a tree may be deeper than the call stack): a node's children are numbered before its own run is written.
  const encodeNode = (root: Explanation): number => {
    const known = nodeIndex.get(root);
    if (known !== undefined) return known;
    const stack: { node: Explanation; next: number }[] = [{ node: root, next: 0 }];
    while (stack.length) {
      const top = stack[stack.length - 1]!;
      const kids = top.node.children;
      if (top.next < kids.length) {
        const child = kids[top.next++]!;
        if (!nodeIndex.has(child)) stack.push({ node: child, next: 0 });
        continue;
      }
      stack.pop();
      const n = top.node;
      if (nodeIndex.has(n)) continue;
      checkKeys(n, NODE_KEYS, "an explanation");
      if (nodeCount * NODE_FIELDS + NODE_FIELDS > nodes.length) {
        const grown = new Int32Array(nodes.length * 2);
        grown.set(nodes);
        nodes = grown;
      }
      while (childCount + kids.length > children.length) {
        const grown = new Int32Array(children.length * 2);
        grown.set(children);
        children = grown;
      }
      const at = nodeCount * NODE_FIELDS;
      // Fields read by name, not through a key list: nodes of one shape then share the property lookups.
      nodes[at] = slot(n.label, "label" in n, "label");
      nodes[at + 1] = slot(n.value, "value" in n, "value");
      nodes[at + 2] = slot(n.unit, "unit" in n, "unit");
      nodes[at + 3] = slot(n.formula, "formula" in n, "formula");
      nodes[at + 4] = slot(n.symbols, "symbols" in n, "symbols");
      nodes[at + 5] = slot(n.inputPath, "inputPath" in n, "inputPath");
      let flags = 0;
      const source = n.source;
      if (source !== undefined) {
        checkKeys(source, SOURCE_KEYS, "an explanation's source");
        flags |= HAS_SOURCE;
        nodes[at + SOURCE_KIND] = slot(source.kind, "kind" in source, "source.kind");
        nodes[at + SOURCE_REF] = slot(source.ref, "ref" in source, "source.ref");
        nodes[at + SOURCE_NOTE] = slot(source.note, "note" in source, "source.note");
      } else {
        if ("source" in n) flags |= UNDEFINED_SOURCE;
        nodes[at + SOURCE_KIND] = nodes[at + SOURCE_REF] = nodes[at + SOURCE_NOTE] = ABSENT;
      }
      if ("subtracted" in n) flags |= n.subtracted === undefined ? UNDEFINED_SUBTRACTED : HAS_SUBTRACTED | (n.subtracted ? SUBTRACTED : 0);
      nodes[at + FLAGS] = flags;
      nodes[at + FIRST_CHILD] = childCount;
      nodes[at + CHILD_COUNT] = kids.length;
      for (const child of kids) children[childCount++] = nodeIndex.get(child)!;
      nodeIndex.set(n, nodeCount++);
    }
    return nodeIndex.get(root)!;
  };

  const cellData = (c: Cell | ItemCell): CellData => ({
    // valueOf keeps the sign of a negative zero, which toString drops.
    exact: c.exact.valueOf(),
    ...("display" in c ? { display: c.display.valueOf() } : {}),
    explanation: encodeNode(c.explanation),
  });
  const cellsData = (cells: Record<string, Cell | ItemCell>) =>
    Object.fromEntries(Object.entries(cells).map(([column, c]) => [column, cellData(c)]));
  const table: TableResultData["table"] = {
    ...result,
    lines: result.lines.map((l) => ({ ...l, cells: cellsData(l.cells) })),
    items: result.items.map((i) => ({ ...i, cells: cellsData(i.cells) })),
  };
  return {
    format: "fis-table-result/1",
    table,
    strings,
    nodes: nodes.slice(0, nodeCount * NODE_FIELDS),
    children: children.slice(0, childCount),
  };
}

/** What to transfer (not copy) with the data in postMessage. */
export const transferablesOf = (data: TableResultData): ArrayBuffer[] => [
  data.nodes.buffer as ArrayBuffer,
  data.children.buffer as ArrayBuffer,
];

export function decodeTableResult(data: TableResultData): TableResult {
  const steps = decodeTableResultInSteps(data, Number.POSITIVE_INFINITY);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * The same decoding, pausing (yielding how many nodes are built) after every `nodesPerStep`
 * nodes, so a UI thread can revive a heavy table in slices between frames.
 */
export function* decodeTableResultInSteps(data: TableResultData, nodesPerStep = 20_000): Generator<number, TableResult, void> {
  if (data.format !== "fis-table-result/1") throw new Error(`not a transferred table (format ${String(data.format)})`);
  const { strings, nodes, children } = data;
  const count = nodes.length / NODE_FIELDS;
  const revived: Explanation[] = new Array<Explanation>(count);
  // Children are numbered before their parents, so one pass in index order finds each child built.
  const text = (slot: number) => (slot === UNDEFINED ? undefined : strings[slot]);
  for (let i = 0; i < count; i++) {
    const at = i * NODE_FIELDS;
    // Keys set one by one in a fixed order (not through a key list), so nodes of one shape share their hidden class: ten times faster.
    const node = {} as Record<string, unknown>;
    let slot = nodes[at]!;
    if (slot !== ABSENT) node.label = text(slot);
    if ((slot = nodes[at + 1]!) !== ABSENT) node.value = text(slot);
    if ((slot = nodes[at + 2]!) !== ABSENT) node.unit = text(slot);
    if ((slot = nodes[at + 3]!) !== ABSENT) node.formula = text(slot);
    if ((slot = nodes[at + 4]!) !== ABSENT) node.symbols = text(slot);
    if ((slot = nodes[at + 5]!) !== ABSENT) node.inputPath = text(slot);
    const flags = nodes[at + FLAGS]!;
    if (flags & HAS_SOURCE) {
      const source = {} as Record<string, unknown>;
      if ((slot = nodes[at + SOURCE_KIND]!) !== ABSENT) source.kind = text(slot);
      if ((slot = nodes[at + SOURCE_REF]!) !== ABSENT) source.ref = text(slot);
      if ((slot = nodes[at + SOURCE_NOTE]!) !== ABSENT) source.note = text(slot);
      node.source = source;
    } else if (flags & UNDEFINED_SOURCE) node.source = undefined;
    if (flags & HAS_SUBTRACTED) node.subtracted = (flags & SUBTRACTED) !== 0;
    else if (flags & UNDEFINED_SUBTRACTED) node.subtracted = undefined;
    const first = nodes[at + FIRST_CHILD]!;
    const n = nodes[at + CHILD_COUNT]!;
    const kids = new Array<Explanation>(n);
    for (let k = 0; k < n; k++) kids[k] = revived[children[first + k]!]!;
    node.children = kids;
    revived[i] = node as unknown as Explanation;
    if ((i + 1) % nodesPerStep === 0) yield i + 1;
  }
  const cell = (c: CellData) => ({
    exact: new Decimal(c.exact),
    ...(c.display !== undefined ? { display: new Decimal(c.display) } : {}),
    explanation: revived[c.explanation]!,
  });
  const cells = <T>(data: Record<string, CellData>) => {
    const out: Record<string, T> = {};
    for (const [column, c] of Object.entries(data)) out[column] = cell(c) as T;
    return out;
  };
  return {
    ...data.table,
    lines: data.table.lines.map((l) => ({ ...l, cells: cells<Cell>(l.cells) })),
    items: data.table.items.map((i) => ({ ...i, cells: cells<ItemCell>(i.cells) })),
  };
}
