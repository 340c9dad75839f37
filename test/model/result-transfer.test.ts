/**
 * The table crosses the worker boundary as encoded data (model/engine/result-transfer.ts): what
 * arrives must be the table that was computed, exactly. Each round trip below goes through a real
 * structured clone (the algorithm postMessage uses), typed arrays transferred, and compares the
 * revived table with the original: every amount with Decimal.eq and as the same decimal string,
 * every explanation node field by field (no field lost, none added), a node shared by several
 * trees still shared.
 */
import { describe, expect, it } from "vitest";
import { fisAsPublished } from "../../model/built-ins";
import { computeTable, type TableResult } from "../../model/engine/compute";
import { Decimal } from "../../model/engine/decimal";
import type { Explanation } from "../../model/engine/explain";
import {
  decodeTableResult,
  decodeTableResultInSteps,
  encodeTableResult,
  NODE_FIELDS,
  transferablesOf,
} from "../../model/engine/result-transfer";
import { validateScenario } from "../../model/engine/scenario/schema";
import type { Scenario } from "../../model/engine/scenario/types";
import { withScheduleMethod } from "../../model/engine/schedule/with-method";
import { heavyScenario } from "../robustness/heavy";

function roundTrip(result: TableResult): TableResult {
  const data = encodeTableResult(result);
  return decodeTableResult(structuredClone(data, { transfer: transferablesOf(data) }));
}

const FIELDS = ["label", "value", "unit", "formula", "symbols", "inputPath", "subtracted"] as const;

/**
 * The first difference between two explanation graphs, or null; `pairs` maps each original node to
 * its copy (sharing must match). Plain comparisons, not an expect per node: the heavy table has
 * about 280,000 nodes.
 */
function explanationDifference(a: Explanation, b: Explanation, pairs: Map<Explanation, Explanation>): string | null {
  const stack: [Explanation, Explanation][] = [[a, b]];
  while (stack.length) {
    const [x, y] = stack.pop()!;
    const seen = pairs.get(x);
    if (seen) {
      // A node met again is the same copy as before: sharing survives, the graph does not grow.
      if (seen !== y) return `node "${x.label}" was shared but arrived as two copies`;
      continue;
    }
    pairs.set(x, y);
    const keys = (o: object) => Object.keys(o).sort().join(",");
    if (keys(x) !== keys(y)) return `node "${x.label}": fields ${keys(x)} arrived as ${keys(y)}`;
    for (const f of FIELDS) if (x[f] !== y[f]) return `node "${x.label}": ${f} ${String(x[f])} arrived as ${String(y[f])}`;
    if ((x.source === undefined) !== (y.source === undefined)) return `node "${x.label}": source lost or added`;
    if (x.source && y.source) {
      if (keys(x.source) !== keys(y.source)) return `node "${x.label}": source fields differ`;
      if (x.source.kind !== y.source.kind || x.source.ref !== y.source.ref || x.source.note !== y.source.note)
        return `node "${x.label}": source differs`;
    }
    if (x.children.length !== y.children.length) return `node "${x.label}": ${x.children.length} children arrived as ${y.children.length}`;
    for (let i = 0; i < x.children.length; i++) stack.push([x.children[i]!, y.children[i]!]);
  }
  return null;
}

/** Asserts the revived table equals the original; returns how many cells were compared and how many distinct explanation nodes. */
function expectSameTable(original: TableResult, revived: TableResult): { cells: number; nodes: number } {
  const pairs = new Map<Explanation, Explanation>();
  const { lines: ol, items: oi, ...oRest } = original;
  const { lines: rl, items: ri, ...rRest } = revived;
  expect(rRest).toStrictEqual(oRest);
  let cells = 0;
  for (const [o, r] of [
    [ol, rl],
    [oi, ri],
  ] as const) {
    expect(r.map((x) => x.id)).toEqual(o.map((x) => x.id));
    o.forEach((line, k) => {
      const copy = r[k]!;
      const { cells: oc, ...oMeta } = line;
      const { cells: rc, ...rMeta } = copy;
      expect(rMeta).toStrictEqual(oMeta);
      expect(Object.keys(rc)).toEqual(Object.keys(oc));
      for (const [column, cell] of Object.entries(oc as Record<string, { exact: Decimal; display?: Decimal; explanation: Explanation }>)) {
        const back = (rc as Record<string, typeof cell>)[column]!;
        expect(back.exact).toBeInstanceOf(Decimal);
        expect(back.exact.eq(cell.exact)).toBe(true);
        expect(back.exact.toString()).toBe(cell.exact.toString());
        if (cell.display) {
          expect(back.display!.eq(cell.display)).toBe(true);
          expect(back.display!.toString()).toBe(cell.display.toString());
        } else expect("display" in back).toBe(false);
        expect(explanationDifference(cell.explanation, back.explanation, pairs)).toBeNull();
        cells++;
      }
    });
  }
  return { cells, nodes: pairs.size };
}

const heavy = () => {
  // 10 groups x 50 positions x 30 years x (30 steps + 2): 480,000 cost steps, just under the work limit.
  const r = validateScenario(heavyScenario(10, 50, 30, 30));
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join("; "));
  return r.value as Scenario;
};

describe("a table result crosses a structured clone intact", () => {
  it("a TableResult itself cannot be cloned (a Decimal holds its constructor): the reason for the encoding", () => {
    expect(() => structuredClone(computeTable(fisAsPublished()))).toThrow();
  });

  it("FIS as published: every cell's amounts and explanation, to the digit and the field", () => {
    const original = computeTable(fisAsPublished());
    const revived = roundTrip(original);
    // 9 lines x 5 columns (4 fiscal years and the total) and 9 items x 5.
    expect(expectSameTable(original, revived).cells).toBe(9 * 5 + 9 * 5);
    // Small enough to compare whole as well, with the standard deep equality.
    expect(revived.lines.map((l) => Object.values(l.cells).map((c) => c.explanation))).toStrictEqual(
      original.lines.map((l) => Object.values(l.cells).map((c) => c.explanation)),
    );
    expect(revived.lines.find((l) => l.id === "totalCost")!.cells.Total!.display.toString()).toBe(
      original.lines.find((l) => l.id === "totalCost")!.cells.Total!.display.toString(),
    );
  });

  it("the schedule method's companion lines (census cells in the explanations) arrive intact", () => {
    const original = computeTable(withScheduleMethod(fisAsPublished()));
    expect(expectSameTable(original, roundTrip(original)).cells).toBeGreaterThan(90);
  });

  it("a heavy scenario (480,000 cost steps): the same table, shared explanation nodes still shared", () => {
    const original = computeTable(heavy());
    const data = encodeTableResult(original);
    // Far fewer distinct strings than explanation nodes: the reason the strings travel once each.
    // Counted before the clone below transfers (detaches) the typed arrays.
    const nodeCount = data.nodes.length / NODE_FIELDS;
    expect(data.strings.length).toBeLessThan(nodeCount / 10);
    const revived = decodeTableResult(structuredClone(data, { transfer: transferablesOf(data) }));
    // 2 lines x 31 columns (30 fiscal years and the total) and 1 item x 31.
    const compared = expectSameTable(original, revived);
    expect(compared.cells).toBe(2 * 31 + 31);
    expect(compared.nodes).toBe(nodeCount);
  }, 60_000);

  it("decoded in slices (as the app revives a heavy table between frames): the same table, pausing every slice", () => {
    const original = computeTable(fisAsPublished());
    const data = encodeTableResult(original);
    const nodes = data.nodes.length / NODE_FIELDS;
    const steps = decodeTableResultInSteps(data, 7);
    const pauses: number[] = [];
    let step = steps.next();
    for (; !step.done; step = steps.next()) pauses.push(step.value);
    // A pause after every 7 nodes built.
    expect(pauses).toEqual(Array.from({ length: Math.floor(nodes / 7) }, (_, i) => 7 * (i + 1)));
    expect(step.value).toStrictEqual(decodeTableResult(data));
    expect(expectSameTable(original, step.value).cells).toBe(90);
  });

  it("keeps a negative zero's sign, an explicitly undefined field and a subtracted child", () => {
    const original = computeTable(fisAsPublished());
    const line = original.lines[0]!;
    const column = Object.keys(line.cells)[0]!;
    const cell = line.cells[column]!;
    const child: Explanation = { label: "a part", value: "-0", unit: "USD", inputPath: undefined, subtracted: true, children: [] };
    line.cells[column] = { ...cell, exact: new Decimal("-0"), explanation: { ...cell.explanation, source: undefined, children: [child] } };
    const back = roundTrip(original).lines[0]!.cells[column]!;
    expect(back.exact.isNegative() && back.exact.isZero()).toBe(true);
    expect("source" in back.explanation && back.explanation.source === undefined).toBe(true);
    expect(back.explanation.children[0]).toStrictEqual(child);
  });

  it("refuses a field it does not know rather than drop it", () => {
    const original = computeTable(fisAsPublished());
    const cell = Object.values(original.lines[0]!.cells)[0]!;
    (cell.explanation as unknown as Record<string, unknown>).extra = "x";
    expect(() => encodeTableResult(original)).toThrow(/an explanation has a field "extra"/);
  });
});
