/**
 * Fuzz: thousands of random and mutated scenario files and census CSVs go through the same entry
 * points a user's file does. Whatever comes in, no exception escapes; a refusal is a list of
 * structured InputErrors each naming where (field, or row and column) and what; and anything
 * accepted computes a table of finite numbers. Seeds are fixed so a failure reproduces; fast-check
 * prints the shrunk counterexample.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeTable, type TableResult } from "../../model/engine/compute";
import type { InputError } from "../../model/engine/errors";
import { contractAsStated, fisAsPublished } from "../../model/built-ins";
import { parseScenarioJson, serializeScenario, validateScenario } from "../../model/engine/scenario/schema";
import { checkCensus } from "../../model/engine/schedule";
import type { Checked } from "../../model/engine/errors";
import type { Scenario } from "../../model/engine/scenario/types";
import { toDisplay } from "../../model/engine/index";
import { censusToCsv, parseCensusCsv } from "../../model/engine/schedule/census";
import { referenceCensus } from "../../model/engine/schedule";

const SEED = 20241203; // the FIS date
type Json = unknown;
type Path = (string | number)[];

const BUILT_INS = [fisAsPublished(), contractAsStated()].map((s) => JSON.parse(serializeScenario(s)) as Json);
const KINDS = ["raises", "oneTime", "premiumPay", "perHeadBenefit", "payRate", "fixedAmounts"];
const ITEM_IDS = [
  "baseSalary",
  "bonus",
  "coveragePremium",
  "optical",
  "dentalSelf",
  "dentalFamily",
  "legal",
  "medicare",
  "otherNps",
  "wtu",
  "benefits",
  "nowhere",
];

/** Strings that have broken parsers before: number edge cases, bad dates, prototype keys, whitespace. */
const NASTY_STRINGS = [
  "",
  " ",
  "\t",
  "NaN",
  "Infinity",
  "-Infinity",
  "1e400",
  "-1e400",
  "1e-400",
  "  0.5",
  "0.5 ",
  "-0",
  "1.",
  "+.5",
  ".",
  "-",
  "e5",
  "0x1F",
  "1_000",
  "5,776",
  "2025-02-30",
  "0000-00-00",
  "9999-12-31",
  "2025-13-01",
  "2024-02-29",
  "__proto__",
  "constructor",
  "toString",
  "-1",
  "1.0000000001",
  "100",
  "0",
  "1e15",
  "999999999999999",
  "1234567890.1234567890123456789012345",
  "schedule",
  "days",
  "truncate",
  "calendarYearOfFiscalYearEnd",
  "FY2025",
  "FY99999",
  "\u0000",
  "\uFEFF1",
  "١٢٣",
];

const junk: fc.Arbitrary<Json> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
  { weight: 2, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 2, arbitrary: fc.integer() },
  { weight: 2, arbitrary: fc.double() }, // NaN, -0 and Infinity reach validateScenario as values; JSON turns them into null
  { weight: 1, arbitrary: fc.constantFrom(null, true, false, [], {}) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
  { weight: 1, arbitrary: fc.constantFrom(...KINDS, ...ITEM_IDS) },
);

/** A decimal string a user could type: valid-looking, sometimes out of range. */
const decimalText: fc.Arbitrary<string> = fc
  .tuple(fc.integer({ min: -2_000_000, max: 2_000_000 }), fc.integer({ min: 0, max: 8 }), fc.boolean())
  .map(([n, places, exp]) => (exp ? `${n}e-${places}` : places === 0 ? String(n) : (n / 10 ** places).toFixed(places)));

type Mutation =
  | { op: "set"; at: number; value: Json }
  | { op: "number"; at: number; value: Json }
  | { op: "delete"; at: number }
  | { op: "duplicate"; at: number }
  | { op: "kind"; at: number; kind: string }
  | { op: "id"; at: number; id: string };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ op: fc.constant("set" as const), at: fc.nat(), value: junk }) },
  {
    weight: 4,
    arbitrary: fc.record({
      op: fc.constant("number" as const),
      at: fc.nat(),
      value: fc.oneof({ weight: 3, arbitrary: decimalText }, { weight: 1, arbitrary: fc.constantFrom(...NASTY_STRINGS) }),
    }),
  },
  { weight: 2, arbitrary: fc.record({ op: fc.constant("delete" as const), at: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant("duplicate" as const), at: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant("kind" as const), at: fc.nat(), kind: fc.constantFrom(...KINDS, "bogus") }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant("id" as const), at: fc.nat(), id: fc.constantFrom(...ITEM_IDS) }) },
);

function allPaths(root: Json): Path[] {
  const out: Path[] = [];
  const stack: [Json, Path][] = [[root, []]];
  while (stack.length) {
    const [v, path] = stack.pop()!;
    if (path.length) out.push(path);
    if (Array.isArray(v)) v.forEach((c, i) => stack.push([c, [...path, i]]));
    else if (v && typeof v === "object") for (const [k, c] of Object.entries(v)) stack.push([c, [...path, k]]);
  }
  return out;
}

function parentOf(root: Json, path: Path): Record<string | number, Json> {
  let cur = root as Record<string | number, Json>;
  for (const key of path.slice(0, -1)) cur = cur[key] as Record<string | number, Json>;
  return cur;
}

/** Applies a mutation where it lands; paths are re-listed each time since earlier mutations change the tree. */
function mutate(root: Json, m: Mutation): void {
  const all = allPaths(root);
  // Number edits land on input values (Param.value), where a user's typing goes.
  const valuePaths = all.filter((p) => p[p.length - 1] === "value");
  const paths = m.op === "number" && valuePaths.length > 0 ? valuePaths : all;
  if (paths.length === 0) return;
  const path = paths[m.at % paths.length]!;
  const parent = parentOf(root, path);
  const key = path[path.length - 1]!;
  switch (m.op) {
    case "set":
      parent[key] = m.value;
      return;
    case "number":
      parent[key] = m.value;
      return;
    case "delete":
      if (Array.isArray(parent)) parent.splice(Number(key), 1);
      else delete parent[key];
      return;
    case "duplicate":
      if (Array.isArray(parent)) parent.push(structuredClone(parent[key]));
      else parent[`${String(key)}Copy`] = structuredClone(parent[key]);
      return;
    case "kind":
    case "id": {
      const target = parent[key];
      const holder = (target && typeof target === "object" && !Array.isArray(target) ? target : parent) as Record<string, Json>;
      if (m.op === "kind") holder.kind = m.kind;
      else holder.id = m.id;
      return;
    }
  }
}

function expectStructured(errors: InputError[]): void {
  expect(errors.length).toBeGreaterThan(0);
  for (const e of errors) {
    expect(typeof e.message).toBe("string");
    expect(e.message.trim().length).toBeGreaterThan(0);
    const where = e.field ?? (e.row !== undefined && e.column !== undefined ? `${e.row}:${e.column}` : "");
    expect(where.length, JSON.stringify(e)).toBeGreaterThan(0);
  }
}

/** Accepted means computable: no throw, every cell finite and displayed by the rule. */
function expectComputes(scenario: Scenario): TableResult {
  const table = computeTable(scenario);
  for (const line of table.lines) {
    for (const [col, cell] of Object.entries(line.cells)) {
      expect(cell.exact.isFinite(), `${line.id}.${col} = ${cell.exact}`).toBe(true);
      expect(cell.display.equals(toDisplay(cell.exact, scenario.table.display))).toBe(true);
    }
  }
  return table;
}

function checkOutcome(result: Checked<Scenario>): "accepted" | "refused" {
  if (!result.ok) {
    expectStructured(result.errors);
    return "refused";
  }
  expectComputes(result.value);
  return "accepted";
}

describe("fuzz: scenarios", () => {
  it("mutated built-ins: validateScenario and computeTable never throw; errors are structured", () => {
    const tally = { accepted: 0, refused: 0 };
    fc.assert(
      fc.property(fc.nat({ max: BUILT_INS.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 6 }), (which, mutations) => {
        const data = structuredClone(BUILT_INS[which]);
        for (const m of mutations) mutate(data, m);
        tally[checkOutcome(validateScenario(data, "fuzz.json"))]++;
        // The same file through the text path (NaN and Infinity become null there; __proto__ becomes an own key).
        checkOutcome(parseScenarioJson(JSON.stringify(data), "fuzz.json"));
      }),
      { seed: SEED, numRuns: 1500 },
    );
    // Both outcomes must be exercised, or the fuzz only tests one path. Strict keys refuse every
    // "duplicate" mutation of an object key (version 1 ignored those), so fewer mutants are accepted.
    expect(tally.accepted).toBeGreaterThan(100);
    expect(tally.refused).toBeGreaterThan(150);
  });

  it("accepted mutations survive a save and reopen with the same table", () => {
    fc.assert(
      fc.property(
        fc.nat({ max: BUILT_INS.length - 1 }),
        fc.array(fc.record({ op: fc.constant("number" as const), at: fc.nat(), value: decimalText as fc.Arbitrary<Json> }), {
          minLength: 1,
          maxLength: 4,
        }),
        (which, mutations) => {
          const data = structuredClone(BUILT_INS[which]);
          for (const m of mutations) mutate(data, m);
          const first = validateScenario(data);
          if (!first.ok) return;
          const reopened = parseScenarioJson(serializeScenario(first.value));
          expect(reopened.ok).toBe(true);
          if (!reopened.ok) return;
          const a = computeTable(first.value);
          const b = computeTable(reopened.value);
          for (const line of a.lines)
            for (const [col, cell] of Object.entries(line.cells))
              expect(b.lines.find((l) => l.id === line.id)!.cells[col]!.exact.equals(cell.exact)).toBe(true);
        },
      ),
      { seed: SEED + 1, numRuns: 500 },
    );
  });

  it("random and truncated text through parseScenarioJson never throws", () => {
    const serialized = serializeScenario(fisAsPublished());
    const text = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
      fc
        .tuple(fc.nat({ max: serialized.length }), fc.nat({ max: serialized.length }))
        .map(([a, b]) => serialized.slice(0, Math.min(a, b)) + serialized.slice(Math.max(a, b))),
      fc
        .tuple(fc.nat({ max: serialized.length }), fc.string({ minLength: 1, maxLength: 5 }))
        .map(([at, s]) => serialized.slice(0, at) + s + serialized.slice(at)),
    );
    fc.assert(
      fc.property(text, (t) => {
        checkOutcome(parseScenarioJson(t, "fuzz.json"));
      }),
      { seed: SEED + 2, numRuns: 2000 },
    );
  });
});

describe("fuzz: census CSV", () => {
  const referenceCsv = censusToCsv(referenceCensus());
  const referenceRows = referenceCsv.trimEnd().split("\n");
  const CELL_JUNK = [
    "",
    " ",
    "-1",
    "1.5",
    "1e400",
    "NaN",
    "Doctorate",
    "12-15",
    "0",
    "17",
    "99999999999",
    '"',
    '""',
    ",",
    "\r\n",
    "\uFEFF",
    "EG09",
    "ET15-12M",
    "Bachelors",
    "Masters+30",
    "3 ",
    " 7",
    "1,234",
  ];

  function expectCensusErrors(errors: { file: string; row: number; column: string; message: string }[]): void {
    expect(errors.length).toBeGreaterThan(0);
    for (const e of errors) {
      expect(e.file).toBe("fuzz.csv");
      expect(Number.isInteger(e.row) && e.row >= 1, JSON.stringify(e)).toBe(true);
      expect(e.column.trim().length, JSON.stringify(e)).toBeGreaterThan(0);
      expect(e.message.trim().length).toBeGreaterThan(0);
    }
  }

  it("mutated reference census and random text: parseCensusCsv never throws; what it accepts fits the schedules", () => {
    const mutatedCsv = fc
      .array(fc.tuple(fc.nat(), fc.nat(), fc.oneof(fc.constantFrom(...CELL_JUNK), fc.string({ maxLength: 6 }))), {
        minLength: 1,
        maxLength: 5,
      })
      .map((edits) => {
        const rows = referenceRows.map((r) => r.split(","));
        for (const [r, c, value] of edits) {
          const row = rows[r % rows.length]!;
          row[c % row.length] = value;
        }
        return rows.map((r) => r.join(",")).join("\n");
      });
    const text = fc.oneof(
      mutatedCsv,
      fc.string({ maxLength: 300 }),
      fc
        .array(fc.array(fc.constantFrom(...CELL_JUNK), { maxLength: 6 }), { maxLength: 8 })
        .map((rows) => ["schedule,lane,step,headcount", ...rows.map((r) => r.join(","))].join("\n")),
    );
    let accepted = 0;
    fc.assert(
      fc.property(text, (csv) => {
        const result = parseCensusCsv(csv, "fuzz.csv");
        if (!result.ok) return expectCensusErrors(result.errors);
        accepted++;
        // The importer and the in-memory check agree on what a valid census is.
        expect(checkCensus(result.value)).toEqual([]);
      }),
      { seed: SEED + 3, numRuns: 1500 },
    );
    // A header with no rows, or only zero headcounts, is refused (an empty census), so what is
    // accepted here is a mutated census that still has members.
    expect(accepted).toBeGreaterThan(10);
  });

  it("accepted mutated censuses cost on the schedules without throwing", () => {
    const runs = { total: 0, costed: 0 };
    const scheduleScenario: Scenario = { ...fisAsPublished(), settings: { ...fisAsPublished().settings, salaryMethod: "schedule" } };
    // Plausible edits (step, years of service, headcount), so most files are accepted and costed.
    const edit = fc.oneof(
      fc.tuple(fc.nat(), fc.constant(2), fc.constantFrom("1", "2", "11", "12", "16")),
      fc.tuple(fc.nat(), fc.constant(3), fc.constantFrom("", "0", "1", "17", "19", "21", "40")),
      fc.tuple(fc.nat(), fc.constant(4), fc.constantFrom("0", "1", "250", "5000")),
    );
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 4 }), (edits) => {
        runs.total++;
        const rows = referenceRows.map((r) => r.split(","));
        for (const [r, c, value] of edits) rows[1 + (r % (rows.length - 1))]![c] = value;
        const parsed = parseCensusCsv(rows.map((r) => r.join(",")).join("\n"), "fuzz.csv");
        if (!parsed.ok) return expectCensusErrors(parsed.errors);
        runs.costed++;
        const table = computeTable(scheduleScenario, { scheduleMethod: { census: parsed.value } });
        for (const line of table.lines) for (const cell of Object.values(line.cells)) expect(cell.exact.isFinite()).toBe(true);
      }),
      { seed: SEED + 4, numRuns: 40 },
    );
    expect(runs.costed).toBeGreaterThan(10);
  });
});
