/**
 * Formulas typed into an input, as a spreadsheet user writes them: "=105000*1.01", "=5776-200",
 * "=3%+0.5%". Numbers, + - * /, parentheses, unary minus and percent literals, nothing else (no
 * functions, no cell references, no eval). Every step is exact: sums and products are computed
 * with all their digits, and a division is accepted only when its quotient is a finite decimal
 * (100/4 = 25, 100/3 is refused), so the value an input keeps is the formula's true result.
 */
import DecimalJs from "decimal.js";
import { Decimal } from "./decimal";

export type FormulaResult = { ok: true; value: string } | { ok: false; message: string };

export const FORMULA_LIMITS = {
  /** Characters of one formula, "=" included. */
  length: 300,
  /** Parentheses and unary signs nested in one another. */
  depth: 40,
  /** Largest power of ten a number in a formula may carry (1e1000). */
  exponent: 1000,
  /** Significant digits any intermediate result may reach before the formula is refused. */
  digits: 5000,
} as const;

/**
 * Sums and products never round: decimal.js computes every digit and rounds only beyond the
 * precision, which is set out of reach (the digit limit above keeps the work small).
 */
const Exact = DecimalJs.clone({ precision: 1e9, rounding: DecimalJs.ROUND_HALF_UP, toExpNeg: -9e15, toExpPos: 9e15 });
type Exact = InstanceType<typeof Exact>;

export const isFormula = (text: string): boolean => text.trimStart().startsWith("=");

const GRAMMAR = "a formula takes numbers, + - * /, parentheses and % (no functions or cell references)";

class FormulaError extends Error {}
function refuse(message: string): never {
  throw new FormulaError(message);
}

type Token = { kind: "number"; text: string; at: number } | { kind: "op"; text: string; at: number } | { kind: "end"; at: number };

const NUMBER = /^(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?/;

/** What a stray character is, named for the message: a word (a function or cell name), a sign, a separator. */
function stray(body: string, at: number): string {
  const word = /^[A-Za-z_$][A-Za-z0-9_$.:]*/.exec(body.slice(at));
  if (word) {
    const w = word[0];
    if (body[at + w.length] === "(") return `"${w}(" is not understood: ${GRAMMAR}`;
    if (w.startsWith("$")) return `"$" is not understood: write amounts in a formula without a currency sign`;
    return `"${w}" is not understood: ${GRAMMAR}`;
  }
  const c = body[at]!;
  if (c === ",") return `the "," at character ${at + 2} is not understood: write numbers in a formula without thousands separators`;
  if (c === "^") return `"^" is not understood: ${GRAMMAR}`;
  return `"${c}" at character ${at + 2} is not understood: ${GRAMMAR}`;
}

function tokenize(body: string): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  while (at < body.length) {
    const c = body[at]!;
    if (/\s/.test(c)) {
      at++;
      continue;
    }
    const n = NUMBER.exec(body.slice(at));
    if (n) {
      if (n[2] && Math.abs(Number(n[2].slice(1))) > FORMULA_LIMITS.exponent) refuse(`${n[0]} is too large`);
      tokens.push({ kind: "number", text: n[0], at });
      at += n[0].length;
      continue;
    }
    // Minus signs people paste from documents: Unicode minus, en dash; times and divide signs.
    const op = { "\u2212": "-", "\u2013": "-", "\u00d7": "*", "\u00f7": "/" }[c] ?? c;
    if ("+-*/()%".includes(op)) {
      tokens.push({ kind: "op", text: op, at });
      at++;
      continue;
    }
    refuse(stray(body, at));
  }
  tokens.push({ kind: "end", at: body.length });
  return tokens;
}

function checkSize(d: Exact): Exact {
  if (!d.isFinite() || d.sd() > FORMULA_LIMITS.digits) refuse("the result is too large to stay exact");
  return d;
}

/** Recursive descent: expr = term {(+|-) term}; term = factor {(*|/) factor}; factor = (+|-) factor | primary [%]. */
class Parser {
  private i = 0;
  private depth = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly source: string,
  ) {}

  private peek(): Token {
    return this.tokens[this.i]!;
  }

  private isOp(text: string): boolean {
    const t = this.peek();
    return t.kind === "op" && t.text === text;
  }

  private where(t: Token): string {
    return t.kind === "end" ? "at the end" : `at character ${t.at + 2}`;
  }

  private nest<T>(f: () => T): T {
    if (++this.depth > FORMULA_LIMITS.depth) refuse(`the formula nests more than ${FORMULA_LIMITS.depth} levels deep`);
    try {
      return f();
    } finally {
      this.depth--;
    }
  }

  parse(): Exact {
    if (this.peek().kind === "end") refuse("the formula is empty: type a calculation after =, e.g. =105000*1.01");
    const v = this.expr();
    const t = this.peek();
    if (t.kind !== "end") {
      if (t.text === ")") refuse(`the ")" ${this.where(t)} has no "(" to close`);
      refuse(`"${t.text}" ${this.where(t)} is not understood: an operator (+ - * /) is missing before it`);
    }
    return v;
  }

  private expr(): Exact {
    let v = this.term();
    for (let t = this.peek(); t.kind === "op" && (t.text === "+" || t.text === "-"); t = this.peek()) {
      this.i++;
      const r = this.term();
      v = checkSize(t.text === "+" ? v.plus(r) : v.minus(r));
    }
    return v;
  }

  private term(): Exact {
    let v = this.factor();
    for (let t = this.peek(); t.kind === "op" && (t.text === "*" || t.text === "/"); t = this.peek()) {
      this.i++;
      const r = this.factor();
      v = checkSize(t.text === "*" ? v.times(r) : this.divide(v, r));
    }
    return v;
  }

  private divide(a: Exact, b: Exact): Exact {
    if (b.isZero()) refuse("it divides by zero");
    // The quotient of a terminating division has at most this many digits (1/2^k has k digits, 2^k < 10^(0.302k)).
    const digits = a.sd() + 4 * b.sd() + Math.abs(a.e - b.e) + 10;
    const q = DecimalJs.clone({ precision: Math.min(digits, 1e9), rounding: DecimalJs.ROUND_DOWN }).div(a, b);
    const exact = new Exact(q);
    if (!exact.times(b).eq(a)) refuse(`${a.toString()} / ${b.toString()} does not come out as an exact decimal; type the value you mean`);
    return exact;
  }

  private factor(): Exact {
    const t = this.peek();
    if (t.kind === "op" && (t.text === "-" || t.text === "+")) {
      this.i++;
      return this.nest(() => (t.text === "-" ? this.factor().negated() : this.factor()));
    }
    let v = this.primary();
    if (this.isOp("%")) {
      this.i++;
      v = v.div(100); // exact: a power of ten only moves the point
      if (this.isOp("%")) refuse(`"%%" ${this.where(this.peek())} is not understood`);
    }
    return v;
  }

  private primary(): Exact {
    const t = this.peek();
    if (t.kind === "number") {
      this.i++;
      return new Exact(t.text);
    }
    if (t.kind === "op" && t.text === "(") {
      this.i++;
      const v = this.nest(() => this.expr());
      const close = this.peek();
      if (close.kind !== "op" || close.text !== ")") {
        if (close.kind === "end") refuse(`the "(" at character ${t.at + 2} is not closed`);
        refuse(`"${close.text}" ${this.where(close)} is not understood: ")" or an operator was expected`);
      }
      this.i++;
      return v;
    }
    if (t.kind === "end") refuse(`the formula ${this.source.trim()} ends where a number was expected`);
    return refuse(`"${t.text}" ${this.where(t)} is not understood: a number or "(" was expected`);
  }
}

/**
 * The exact value of a formula ("=" first), as a decimal string, or why it was not understood. The
 * value is not checked against any field: its caller validates the result as if it had been typed.
 */
export function evaluateFormula(text: string): FormulaResult {
  const trimmed = text.trim();
  if (!trimmed.startsWith("=")) return { ok: false, message: `${trimmed} is not a formula: a formula starts with =` };
  if (trimmed.length > FORMULA_LIMITS.length)
    return { ok: false, message: `the formula is longer than ${FORMULA_LIMITS.length} characters` };
  try {
    const body = trimmed.slice(1);
    const v = new Parser(tokenize(body), trimmed).parse();
    const value = new Decimal(v.toFixed());
    return { ok: true, value: (value.isZero() ? new Decimal(0) : value).toString() };
  } catch (e) {
    if (e instanceof FormulaError) return { ok: false, message: e.message };
    throw e;
  }
}
