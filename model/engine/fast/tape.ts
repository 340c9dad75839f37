/**
 * The fast path's machine: a straight-line program of float64 operations on numbered registers
 * (single assignment), built once per scenario and run many times. Registers below the first
 * computed one hold constants and inputs; each instruction writes one new register.
 *
 * Two interpreters run the same program:
 *  - `run`: values only (Monte Carlo draws, sweeps);
 *  - `runTracked`: values and, beside each, a rigorous bound on its distance from the exact real
 *    value of the same formula over the same decimal inputs (running error analysis, Higham,
 *    "Accuracy and Stability of Numerical Algorithms", 2nd ed., sec. 3.3). With u = 2^-53:
 *      input x (decimal text)   e = 0 if the double is the decimal exactly (an integer below 2^53), else u|x|
 *      a + b, a - b             e = ea + eb + r
 *      a * b                    e = |a| eb + |b| ea + ea eb + r
 *      a / b                    e = (ea + |a/b| eb) / (|b| - eb) + r        (needs |b| > eb)
 *      max(a, b), min(a, b)     e = max(ea, eb)    (both are 1-Lipschitz in each operand, and exact)
 *    where r, the rounding of the operation itself, is u|result| (plus 2^-1074 when the result is
 *    subnormal or underflowed to zero), and 0 when the operation is exact: integer operands
 *    without error giving an integer below 2^53, or a product with an exact zero.
 *  Constant subexpressions are folded when the program is built, with their bounds.
 *
 * A branch on a value (a share whose payroll is zero) is "unstable" when the value is within its
 * bound of the branch point; the tracked run then reports it and the caller uses the exact engine.
 */

export const U = 2 ** -53;
const TINY = 2 ** -1074;
const MIN_NORMAL = 2.2250738585072014e-308;
const EXACT_INT = 2 ** 53;

export const ADD = 1;
export const SUB = 2;
export const MUL = 3;
export const DIV = 4;
/** a / b, or 0 when b is 0 (a group's share of a payroll that may be zero). */
export const SHARE = 5;
/** The larger of a and b (a raise with a dollar floor). */
export const MAX = 6;
/** The smaller of a and b (a raise with a dollar cap). */
export const MIN = 7;

/** A register number. */
export type Reg = number;

/** Registers a plan may have: keys of repeated subexpressions stay exact doubles below it. */
const REG_LIMIT = 2 ** 24;

const isExactInt = (x: number) => Number.isInteger(x) && Math.abs(x) <= EXACT_INT;

/** The rounding term of one operation whose operands have bounds ea, eb. */
function roundingOf(op: number, a: number, b: number, v: number, ea: number, eb: number): number {
  if (ea === 0 && eb === 0 && isExactInt(a) && isExactInt(b) && isExactInt(v)) {
    if (op === ADD || op === SUB || op === MUL) return 0;
    if ((op === DIV || op === SHARE) && v * b === a) return 0;
  }
  if (v === 0) return (op === MUL || op === DIV || op === SHARE) && a !== 0 && b !== 0 ? TINY : 0;
  const abs = Math.abs(v);
  return abs < MIN_NORMAL ? U * abs + TINY : U * abs;
}

/** Value and bound of one operation; `NaN` bound when the operation is unstable. */
export function applyTracked(op: number, a: number, b: number, ea: number, eb: number): [number, number] {
  switch (op) {
    case ADD: {
      const v = a + b;
      return [v, ea + eb + roundingOf(op, a, b, v, ea, eb)];
    }
    case SUB: {
      const v = a - b;
      return [v, ea + eb + roundingOf(op, a, b, v, ea, eb)];
    }
    case MUL: {
      const v = a * b;
      return [v, Math.abs(a) * eb + Math.abs(b) * ea + ea * eb + roundingOf(op, a, b, v, ea, eb)];
    }
    case MAX:
      return [Math.max(a, b), Math.max(ea, eb)];
    case MIN:
      return [Math.min(a, b), Math.max(ea, eb)];
    case SHARE:
    case DIV: {
      if (op === SHARE && b === 0 && eb === 0) return [0, 0];
      const den = Math.abs(b) - eb;
      if (!(den > 0)) return [a / b, Number.NaN];
      const v = a / b;
      return [v, (ea + Math.abs(v) * eb) / den + roundingOf(op, a, b, v, ea, eb)];
    }
    default:
      throw new Error(`unknown operation ${op}`);
  }
}

/** Builds a program: constants folded, repeated subexpressions shared, x*1, x+0 and x*0 simplified. */
export class TapeBuilder {
  /** Initial register contents (constants, and inputs' current values). */
  readonly init: number[] = [];
  readonly initErr: number[] = [];
  /** 0 constant, 1 input, 2 computed. */
  private readonly role: number[] = [];
  private readonly code: number[] = [];
  /** (a + b * 2^24) * 8 + op -> register: repeated subexpressions are built once. */
  private readonly seen = new Map<number, Reg>();
  private readonly consts = new Map<number, Reg>();
  readonly zero: Reg;
  readonly one: Reg;

  constructor() {
    this.zero = this.exact(0);
    this.one = this.exact(1);
  }

  get size(): number {
    return this.init.length;
  }

  get instructions(): number {
    return this.code.length / 4;
  }

  private push(value: number, err: number, role: number): Reg {
    this.init.push(value);
    this.initErr.push(err);
    this.role.push(role);
    return this.init.length - 1;
  }

  /** A constant known exactly as a double (an integer count, a whole-dollar schedule amount). */
  exact(value: number): Reg {
    if (!isExactInt(value)) throw new Error(`internal: ${value} is not an exactly representable integer`);
    return this.constant(value, 0);
  }

  /** A constant with its error bound. */
  constant(value: number, err: number): Reg {
    const r = this.consts.get(value);
    if (r !== undefined && this.initErr[r] === err) return r;
    const fresh = this.push(value, err, 0);
    if (r === undefined) this.consts.set(value, fresh);
    return fresh;
  }

  /** A constant from decimal text, with its conversion bound. */
  decimal(text: string): Reg {
    const v = Number(text);
    return this.constant(v, conversionError(v, text));
  }

  /** A new input register holding `value` for now. */
  input(value: number, err: number): Reg {
    return this.push(value, err, 1);
  }

  isConst(r: Reg): boolean {
    return this.role[r] === 0;
  }

  valueOf(r: Reg): number {
    return this.init[r]!;
  }

  private isExactConst(r: Reg, value: number): boolean {
    return this.role[r] === 0 && this.init[r] === value && this.initErr[r] === 0;
  }

  private op(op: number, a: Reg, b: Reg): Reg {
    if (this.role[a] === 0 && this.role[b] === 0) {
      const [v, e] = applyTracked(op, this.init[a]!, this.init[b]!, this.initErr[a]!, this.initErr[b]!);
      if (Number.isNaN(e)) throw new Error("internal: a constant division by a value that may be zero");
      return this.constant(v, e);
    }
    if (a >= REG_LIMIT || b >= REG_LIMIT) throw new Error(`a plan of more than ${REG_LIMIT} registers`);
    const key = (a + b * REG_LIMIT) * 8 + op;
    const hit = this.seen.get(key);
    if (hit !== undefined) return hit;
    const r = this.push(Number.NaN, 0, 2);
    this.code.push(op, r, a, b);
    this.seen.set(key, r);
    return r;
  }

  add(a: Reg, b: Reg): Reg {
    if (this.isExactConst(a, 0)) return b;
    if (this.isExactConst(b, 0)) return a;
    return this.op(ADD, a, b);
  }

  sub(a: Reg, b: Reg): Reg {
    if (this.isExactConst(b, 0)) return a;
    return this.op(SUB, a, b);
  }

  mul(a: Reg, b: Reg): Reg {
    if (this.isExactConst(a, 0) || this.isExactConst(b, 0)) return this.zero;
    if (this.isExactConst(a, 1)) return b;
    if (this.isExactConst(b, 1)) return a;
    return this.op(MUL, a, b);
  }

  div(a: Reg, b: Reg): Reg {
    if (this.isExactConst(b, 1)) return a;
    return this.op(DIV, a, b);
  }

  /** a / b, or 0 when b is 0. */
  share(a: Reg, b: Reg): Reg {
    return this.op(SHARE, a, b);
  }

  /** The larger of a and b: picks one operand, so adds no rounding. */
  max(a: Reg, b: Reg): Reg {
    if (a === b) return a;
    return this.op(MAX, a, b);
  }

  /** The smaller of a and b. */
  min(a: Reg, b: Reg): Reg {
    if (a === b) return a;
    return this.op(MIN, a, b);
  }

  neg(a: Reg): Reg {
    return this.sub(this.zero, a);
  }

  /** Left-to-right sum, as the exact engine's sum(); the empty sum is 0. */
  sum(regs: readonly Reg[]): Reg {
    let total = this.zero;
    for (const r of regs) total = this.add(total, r);
    return total;
  }

  build(): Tape {
    return new Tape(Int32Array.from(this.code), Float64Array.from(this.init), Float64Array.from(this.initErr));
  }
}

/** The bound of reading decimal text as the double `v`: 0 when exact. */
export function conversionError(v: number, text: string): number {
  if (isExactInt(v) && /^[-+]?\d+(\.0*)?$/.test(text.trim())) return 0;
  return U * Math.abs(v);
}

/** The bound of a double drawn or typed as a number: its shortest decimal text is what the exact engine gets. */
export function numberError(v: number): number {
  return isExactInt(v) ? 0 : U * Math.abs(v);
}

export class Tape {
  constructor(
    readonly code: Int32Array,
    readonly init: Float64Array,
    readonly initErr: Float64Array,
  ) {}

  get registers(): number {
    return this.init.length;
  }

  /** Fresh register files holding the constants and the inputs' built-in values. */
  registersFor(): { values: Float64Array; errs: Float64Array } {
    return { values: Float64Array.from(this.init), errs: Float64Array.from(this.initErr) };
  }

  /** Values only. The caller has written the inputs into `r`. */
  run(r: Float64Array): void {
    const c = this.code;
    const n = c.length;
    for (let i = 0; i < n; i += 4) {
      const op = c[i]!;
      const a = r[c[i + 2]!]!;
      const b = r[c[i + 3]!]!;
      let v: number;
      switch (op) {
        case MUL:
          v = a * b;
          break;
        case ADD:
          v = a + b;
          break;
        case SUB:
          v = a - b;
          break;
        case DIV:
          v = a / b;
          break;
        case SHARE:
          v = b === 0 ? 0 : a / b;
          break;
        case MAX:
          v = Math.max(a, b);
          break;
        default:
          v = Math.min(a, b);
      }
      r[c[i + 1]!] = v;
    }
  }

  /**
   * Values and bounds. Returns -1, or the register of the first unstable operation (then the
   * exact engine must decide).
   */
  runTracked(r: Float64Array, e: Float64Array): number {
    const c = this.code;
    const n = c.length;
    let unstable = -1;
    for (let i = 0; i < n; i += 4) {
      const op = c[i]!;
      const ia = c[i + 2]!;
      const ib = c[i + 3]!;
      const a = r[ia]!;
      const b = r[ib]!;
      const ea = e[ia]!;
      const eb = e[ib]!;
      let v: number;
      let err: number;
      if (op === MUL) {
        v = a * b;
        err = Math.abs(a) * eb + Math.abs(b) * ea + ea * eb;
      } else if (op === ADD) {
        v = a + b;
        err = ea + eb;
      } else if (op === SUB) {
        v = a - b;
        err = ea + eb;
      } else if (op === SHARE && b === 0 && eb === 0) {
        v = 0;
        err = 0;
      } else if (op === MAX || op === MIN) {
        // Picks an operand: exact, and within the larger of the two bounds.
        r[c[i + 1]!] = op === MAX ? Math.max(a, b) : Math.min(a, b);
        e[c[i + 1]!] = Math.max(ea, eb);
        continue;
      } else {
        v = a / b;
        const den = Math.abs(b) - eb;
        err = den > 0 ? (ea + Math.abs(v) * eb) / den : Number.NaN;
      }
      err += roundingOf(op, a, b, v, ea, eb);
      r[c[i + 1]!] = v;
      e[c[i + 1]!] = err;
      if (unstable < 0 && Number.isNaN(err)) unstable = c[i + 1]!;
    }
    return unstable;
  }
}
