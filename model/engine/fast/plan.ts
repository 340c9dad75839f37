/**
 * The fast evaluation path: a scenario compiled once into a plan (compile.ts), evaluated many
 * times with some inputs changed. An evaluator holds the varied inputs' values (addressed by
 * path) and runs the plan:
 *   run()         every cell as a float64, in dollars (Monte Carlo draws, sweeps);
 *   runTracked()  every cell with a proven bound on its distance from the exact engine's value;
 *   displayed()   every displayed cell, identical to the exact engine's: from the tracked run
 *                 where no rounding boundary lies within a bound, else from the exact engine;
 *   scenario()    the scenario with the evaluator's values, for an exact evaluation.
 * A choice the exact engine makes on values (the schedule basis) is re-checked on every run; each
 * outcome has its own compiled tape.
 */
import { computeTable, type ComputeOptions, type TableResult } from "../compute";
import { Decimal } from "../decimal";
import type { Param } from "../fields";
import { DEFAULT_REGISTRY, type Registry } from "../kinds/registry";
import { setInputValue, type InputEntry } from "../scenario/paths";
import type { Scenario, ScenarioBase } from "../scenario/types";
import { censusOfBlock } from "../schedule/method";
import { referenceCensus } from "../schedule";
import type { Census } from "../schedule/types";
import { TOTAL_COLUMN, type Display } from "../table/schema";
import { compileScenario, FIRST_INPUT, variedInputs, type Compiled, type PlanLine } from "./compile";
import { NoFastPathError } from "./context";
import { roundedUnits, roundUnitsToStep } from "./rounding";
import { conversionError, numberError } from "./tape";

export interface PlanOptions {
  registry?: Registry;
  /** The exact engine's options (an imported census for the schedule method). */
  computeOptions?: ComputeOptions;
  /** Paths of the inputs to vary; default every input. The others are folded in as constants. */
  vary?: readonly string[];
}

/** Does a decimal text survive the trip through a double (so a double comparison decides as Decimal does)? */
function roundTrips(text: string): boolean {
  const d = new Decimal(text);
  return new Decimal(String(Number(text))).equals(d);
}

export class Plan {
  readonly inputs: readonly InputEntry[];
  readonly slotOf: ReadonlyMap<string, number>;
  readonly lines: readonly PlanLine[];
  readonly columns: readonly string[];
  readonly display: Display;
  private readonly variants = new Map<string, Compiled>();
  private readonly base: Compiled;
  private readonly census: Census | undefined;

  private constructor(
    readonly scenario: ScenarioBase,
    private readonly options: PlanOptions,
  ) {
    const registry = options.registry ?? DEFAULT_REGISTRY;
    this.inputs = variedInputs(scenario, registry, options.vary);
    this.slotOf = new Map(this.inputs.map((e, i) => [e.path, i]));
    this.census =
      scenario.settings.salaryMethod === "schedule" && scenario.scheduleMethod
        ? (options.computeOptions?.scheduleMethod?.census ?? censusOfBlock(scenario.scheduleMethod, referenceCensus))
        : undefined;
    this.base = this.compile();
    this.variants.set(this.keyOf(this.base), this.base);
    this.lines = this.base.lines;
    this.columns = this.base.columns;
    this.display = scenario.table.display;
  }

  /** The scenario's plan, or undefined when the fast path cannot take it (a kind without a fast evaluator, an unusual census). */
  static tryCompile(scenario: Scenario | ScenarioBase, options: PlanOptions = {}): Plan | undefined {
    try {
      return new Plan(scenario as ScenarioBase, options);
    } catch (e) {
      if (e instanceof NoFastPathError) return undefined;
      // Anything else the exact engine reports on its own (it refuses the same scenario with its words).
      return undefined;
    }
  }

  static compile(scenario: Scenario | ScenarioBase, options: PlanOptions = {}): Plan {
    return new Plan(scenario as ScenarioBase, options);
  }

  private compile(outcomes?: ReadonlyMap<string, boolean>, values?: ArrayLike<number>): Compiled {
    return compileScenario(this.scenario, this.inputs, {
      ...(this.options.registry ? { registry: this.options.registry } : {}),
      ...(this.census ? { census: this.census } : {}),
      ...(this.options.vary ? { vary: this.options.vary } : {}),
      ...(outcomes ? { outcomes } : {}),
      ...(values ? { values } : {}),
    });
  }

  private keyOf(c: Compiled): string {
    return [...c.guards.values()].map((g) => (g.outcome ? "1" : "0")).join("");
  }

  /** The compiled variant for the guards' outcomes at these input values. */
  variantFor(valueOf: (p: Param) => number, values: ArrayLike<number>): Compiled {
    if (this.base.guards.size === 0) return this.base;
    const outcomes = new Map<string, boolean>();
    for (const [id, g] of this.base.guards) outcomes.set(id, g.test(g.inputs.map(valueOf)));
    const key = [...outcomes.values()].map((o) => (o ? "1" : "0")).join("");
    let v = this.variants.get(key);
    if (!v) {
      v = this.compile(outcomes, values);
      this.variants.set(key, v);
    }
    return v;
  }

  /** Instructions of the plan as compiled for the scenario's own values. */
  get instructions(): number {
    return this.base.instructions;
  }

  /** Register of a cell in a variant. */
  cellIndex(lineId: string, column: string): number {
    const li = this.lines.findIndex((l) => l.id === lineId);
    const ci = this.columns.indexOf(column);
    if (li < 0 || ci < 0) throw new Error(`no cell ${lineId}.${column}`);
    return li * this.columns.length + ci;
  }

  evaluator(): Evaluator {
    return new Evaluator(this, this.options, this.census);
  }

  guardInputs(): readonly Param[] {
    return [...this.base.guards.values()].flatMap((g) => g.inputs);
  }
}

export interface TrackedCells {
  /** Dollars, cell by cell (line-major, in the plan's columns). */
  values: Float64Array;
  /** A bound on |value - exact value| of each cell. */
  bounds: Float64Array;
  /** A choice on values could go either way: use the exact engine. */
  unstable: boolean;
}

/** Displayed cells, in units of 10^-decimals of the display unit, line-major; `exact` when the exact engine decided. */
export interface DisplayedCells {
  /**
   * Displayed values as counts of 10^-decimals units. Exact when `exact` is null (the fast path
   * proved them below 2^53); after a fallback they are only the doubles nearest the exact engine's
   * values, so read cells through displayedCell, which then takes them from `exact`.
   */
  units: Float64Array;
  decimals: number;
  exact: TableResult | null;
}

/** One displayed cell as the exact engine shows it: from the proven units, or from the exact table after a fallback. */
export function displayedCell(shown: DisplayedCells, plan: Plan, lineId: string, column: string): Decimal {
  if (shown.exact) return shown.exact.lines.find((l) => l.id === lineId)!.cells[column]!.display;
  return new Decimal(shown.units[plan.cellIndex(lineId, column)]!).div(new Decimal(10).pow(shown.decimals));
}

/** Bounds are doubled on the way out: covers the rounding of the bound arithmetic and decimal.js's own 40-digit rounding (see docs/ranges-and-fast-path.md). */
const SAFETY = 2;

export class Evaluator {
  private readonly values: Float64Array;
  /** Each input's conversion bound (0 when its double is its decimal exactly). */
  private readonly errs: Float64Array;
  private readonly texts: (string | undefined)[];
  private readonly files = new Map<Compiled, { values: Float64Array; errs: Float64Array }>();
  private readonly slotOfParam: Map<Param, number>;

  constructor(
    readonly plan: Plan,
    private readonly options: PlanOptions,
    private readonly census: Census | undefined,
  ) {
    this.values = Float64Array.from(plan.inputs.map((e) => Number(e.param.value)));
    this.texts = plan.inputs.map((e) => e.param.value);
    this.errs = Float64Array.from(plan.inputs.map((e, i) => conversionError(this.values[i]!, e.param.value)));
    this.slotOfParam = new Map(plan.inputs.map((e, i) => [e.param, i]));
  }

  /** Sets an input (by slot, see plan.slotOf) to a double; the exact engine's counterpart is its shortest decimal text. */
  set(slot: number, value: number): void {
    this.values[slot] = value;
    this.errs[slot] = numberError(value);
    this.texts[slot] = undefined;
  }

  /** Sets an input to decimal text, as the scenario would hold it. */
  setText(slot: number, text: string): void {
    this.values[slot] = Number(text);
    this.errs[slot] = conversionError(this.values[slot]!, text);
    this.texts[slot] = text;
  }

  setPath(path: string, text: string): void {
    const slot = this.plan.slotOf.get(path);
    if (slot === undefined) throw new Error(`the plan does not vary "${path}"`);
    this.setText(slot, text);
  }

  reset(): void {
    this.plan.inputs.forEach((e, i) => this.setText(i, e.param.value));
  }

  valueText(slot: number): string {
    return this.texts[slot] ?? String(this.values[slot]);
  }

  private valueOf = (p: Param): number => {
    const slot = this.slotOfParam.get(p);
    return slot === undefined ? Number(p.value) : this.values[slot]!;
  };

  private prepare(): { compiled: Compiled; file: { values: Float64Array; errs: Float64Array } } {
    const compiled = this.plan.variantFor(this.valueOf, this.values);
    let file = this.files.get(compiled);
    if (!file) {
      file = compiled.tape.registersFor();
      this.files.set(compiled, file);
    }
    file.values.set(this.values, FIRST_INPUT);
    file.errs.set(this.errs, FIRST_INPUT);
    return { compiled, file };
  }

  /** Every cell's value in dollars (line-major in plan.columns). Writes into `out` when given. */
  run(out?: Float64Array): Float64Array {
    const { compiled, file } = this.prepare();
    compiled.tape.run(file.values);
    const n = compiled.cells.length;
    const result = out ?? new Float64Array(n);
    for (let k = 0; k < n; k++) result[k] = file.values[compiled.cells[k]!]!;
    return result;
  }

  /** Reads one cell from the last run without copying the table (for sweeps of one cell). */
  runCell(index: number): number {
    const { compiled, file } = this.prepare();
    compiled.tape.run(file.values);
    return file.values[compiled.cells[index]!]!;
  }

  runTracked(): TrackedCells {
    const { compiled, file } = this.prepare();
    const unstableAt = compiled.tape.runTracked(file.values, file.errs);
    const n = compiled.cells.length;
    const values = new Float64Array(n);
    const bounds = new Float64Array(n);
    for (let k = 0; k < n; k++) {
      values[k] = file.values[compiled.cells[k]!]!;
      bounds[k] = SAFETY * file.errs[compiled.cells[k]!]!;
    }
    return { values, bounds, unstable: unstableAt >= 0 || !this.guardsStable() };
  }

  /** A guard compares doubles; it decides as the exact engine does when every text it reads survives the trip through a double. */
  private guardsStable(): boolean {
    for (const p of this.plan.guardInputs()) {
      const slot = this.slotOfParam.get(p);
      const text = slot === undefined ? p.value : this.texts[slot];
      if (text !== undefined && !roundTrips(text)) return false;
    }
    return true;
  }

  /** Cents of every cell (half-up, as money is shown to the cent), null where a half cent lies within the bound. */
  cents(tracked: TrackedCells): (number | null)[] {
    return Array.from(tracked.values, (v, k) =>
      tracked.unstable ? null : roundedUnits(v, tracked.bounds[k]!, { unit: "dollars", decimals: 2, rounding: "halfUp" }),
    );
  }

  /** The displayed table, identical to the exact engine's: fast where proven, else from one exact evaluation. */
  displayed(tracked: TrackedCells = this.runTracked()): DisplayedCells {
    const units = tracked.unstable ? null : displayedUnits(this.plan, tracked);
    if (units) return { units, decimals: this.plan.display.decimals, exact: null };
    const exact = this.exact();
    const plan = this.plan;
    const out = new Float64Array(plan.lines.length * plan.columns.length);
    const scale = new Decimal(10).pow(plan.display.decimals);
    plan.lines.forEach((l, li) => {
      const line = exact.lines.find((x) => x.id === l.id)!;
      plan.columns.forEach((c, ci) => (out[li * plan.columns.length + ci] = line.cells[c]!.display.times(scale).toNumber()));
    });
    return { units: out, decimals: plan.display.decimals, exact };
  }

  /** The scenario with this evaluator's values. */
  scenario(): Scenario {
    let s = this.plan.scenario as Scenario;
    this.plan.inputs.forEach((e, i) => {
      const text = this.valueText(i);
      if (text !== e.param.value) s = setInputValue(s, e.path, text, this.options.registry);
    });
    return s;
  }

  /** One exact evaluation of the evaluator's values, with explanations. */
  exact(): TableResult {
    const options: ComputeOptions = {
      ...(this.options.registry ? { registry: this.options.registry } : {}),
      ...(this.census && this.options.computeOptions?.scheduleMethod ? { scheduleMethod: this.options.computeOptions.scheduleMethod } : {}),
    };
    return computeTable(this.scenario(), options);
  }
}

/**
 * Displayed units of every cell, or null when one lies too near a rounding boundary. Mirrors
 * compute.ts's roundedOf and displayOf: the total column adds the years it names and may round
 * to its own step; a line printed as zero shows 0 while its rounded cost stays in every sum.
 */
function displayedUnits(plan: Plan, tracked: TrackedCells): Float64Array | null {
  const { columns, lines, display } = plan;
  const nc = columns.length;
  const out = new Float64Array(lines.length * nc).fill(Number.NaN);
  const rowOf = new Map(lines.map((l, i) => [l.id, i]));
  const totalSpec = plan.scenario.table.columns.total === false ? undefined : plan.scenario.table.columns.total;
  const through = totalSpec?.through;
  const totalColumns = columns.filter((c) => c.startsWith("FY") && (through === undefined || Number(c.slice(2)) <= through));
  const totalDisplay = totalSpec?.roundTo === undefined ? display : { ...display, roundTo: totalSpec.roundTo };
  let failed = false;
  const unitsOf = (li: number, column: string): number => {
    const ci = columns.indexOf(column);
    const k = li * nc + ci;
    if (!Number.isNaN(out[k]!)) return out[k]!;
    const line = lines[li]!;
    let v: number;
    if (display.totals === "sumOfRounded" && column === TOTAL_COLUMN) {
      v = totalColumns.reduce((acc, c) => acc + unitsOf(li, c), 0);
      if (totalSpec?.roundTo !== undefined) {
        const r = roundUnitsToStep(v, totalDisplay);
        if (r === undefined) failed = true;
        v = r ?? 0;
      }
    } else if (display.totals === "sumOfRounded" && line.kind === "sum")
      v =
        line.plus!.reduce((acc, id) => acc + unitsOf(rowOf.get(id)!, column), 0) -
        line.minus!.reduce((acc, id) => acc + unitsOf(rowOf.get(id)!, column), 0);
    else {
      const r = roundedUnits(tracked.values[k]!, tracked.bounds[k]!, column === TOTAL_COLUMN ? totalDisplay : display);
      if (r === null) {
        failed = true;
        v = 0;
      } else v = r;
    }
    out[k] = v;
    return v;
  };
  for (let li = 0; li < lines.length && !failed; li++) for (const c of columns) unitsOf(li, c);
  if (failed) return null;
  // Integer sums stay exact below 2^53 units; beyond that the exact engine decides.
  for (const v of out) if (!(Math.abs(v) < 2 ** 53)) return null;
  lines.forEach((l, li) => {
    if (l.printedAsZero) out.fill(0, li * nc, (li + 1) * nc);
  });
  return out;
}
