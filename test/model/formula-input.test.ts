import { describe, expect, it } from "vitest";
import { evaluateFormula, FORMULA_LIMITS, isFormula } from "../../model/engine/formula-input";

const value = (text: string) => {
  const r = evaluateFormula(text);
  if (!r.ok) throw new Error(`${text}: ${r.message}`);
  return r.value;
};
const refusal = (text: string) => {
  const r = evaluateFormula(text);
  if (r.ok) throw new Error(`${text} was accepted as ${r.value}`);
  return r.message;
};

describe("evaluateFormula: exact arithmetic", () => {
  it("computes the issue's examples by hand", () => {
    expect(value("=105000*1.01")).toBe("106050"); // 105,000 + 1,050
    expect(value("=5776-200")).toBe("5576");
    expect(value("=3%+0.5%")).toBe("0.035"); // 0.03 + 0.005
  });

  it("is exact where a float is not", () => {
    expect(value("=0.1+0.2")).toBe("0.3"); // 0.30000000000000004 in binary floating point
    expect(value("=1.1*1.1")).toBe("1.21");
    // 18 + 18 decimal places: the product keeps all 36 digits (checked with Python's decimal module at 100 digits;
    // bc's default scale shows the same leading 121932631356500531.347203169).
    expect(value("=123456789.123456789*987654321.987654321")).toBe("121932631356500531.347203169112635269");
  });

  it("follows precedence, parentheses, unary minus and percent", () => {
    expect(value("=2+3*4")).toBe("14");
    expect(value("=(2+3)*4")).toBe("20");
    expect(value("=-(2+3)*4")).toBe("-20");
    expect(value("=2*-3")).toBe("-6");
    expect(value("=--5")).toBe("5");
    expect(value("=10-4-3")).toBe("3"); // left to right: (10-4)-3
    expect(value("=24/4/2")).toBe("3");
    expect(value("=105000*(1+1%)")).toBe("106050");
    expect(value("=(1+2)%")).toBe("0.03");
    expect(value("= 5776 ")).toBe("5776");
    expect(value("=1.5e3")).toBe("1500");
    expect(value("=2\u22121")).toBe("1"); // a Unicode minus pasted from a document
  });

  it("divides only when the quotient is a finite decimal", () => {
    expect(value("=100/4")).toBe("25");
    expect(value("=7/8")).toBe("0.875");
    expect(value("=1/1024")).toBe("0.0009765625"); // 5^10 / 10^10
    expect(value("=105000/12")).toBe("8750");
    expect(refusal("=100/3")).toMatch(/100 \/ 3 does not come out as an exact decimal/);
    expect(refusal("=1/3*3")).toMatch(/exact decimal/);
    expect(refusal("=5/0")).toMatch(/divides by zero/);
  });

  it("writes no -0", () => {
    expect(value("=-0")).toBe("0");
    expect(value("=2-2")).toBe("0");
  });
});

describe("evaluateFormula: refusals name what was not understood", () => {
  it.each([
    ["=SUM(1,2)", /"SUM\(" is not understood.*no functions or cell references/],
    ["=A1*2", /"A1" is not understood/],
    ["=1,000*2", /"," at character 3 .*thousands separators/],
    ["=$5*2", /"\$" is not understood.*currency sign/],
    ["=2^3", /"\^" is not understood/],
    ["=(1+2", /"\(" at character 2 is not closed/],
    ["=1+2)", /"\)" at character 5 has no "\(" to close/],
    ["=2 3", /"3" at character 4 .*operator .* is missing/],
    ["=2*", /ends where a number was expected/],
    ["=*2", /"\*" at character 2 is not understood/],
    ["=", /formula is empty/],
    ["=5%%", /"%%"/],
    ["=1e2000", /1e2000 is too large/],
    ["=2;3", /";" at character 3 is not understood/],
  ])("%s", (text, message) => {
    expect(refusal(text)).toMatch(message);
  });

  it("never runs code", () => {
    expect(refusal("=globalThis.process")).toMatch(/is not understood/);
    expect(refusal("=(()=>1)()")).toMatch(/is not understood/);
  });

  it("keeps hostile formulas small", () => {
    expect(refusal(`=${"(".repeat(100)}1${")".repeat(100)}`)).toMatch(/nests more than/);
    expect(refusal(`=${"-".repeat(100)}1`)).toMatch(/nests more than/);
    expect(refusal(`=${"1+".repeat(200)}1`)).toMatch(new RegExp(`longer than ${FORMULA_LIMITS.length}`));
    // 1e1000^8 has a digit only in place 8000: fine; (1e1000+1e-1000) has 2001 digits and its cube over 5000.
    expect(refusal("=(1e1000+1e-1000)*(1e1000+1e-1000)*(1e1000+1e-1000)")).toMatch(/too large to stay exact/);
  });
});

describe("isFormula", () => {
  it("is a leading =", () => {
    expect(isFormula("=1+1")).toBe(true);
    expect(isFormula("  =1")).toBe(true);
    expect(isFormula("1=1")).toBe(false);
    expect(isFormula("3%")).toBe(false);
  });
});
