/**
 * Attribution of a comparison, by hand. The reference ("FIS as published"): P = 5,776 members x
 * $105,271.50 = $608,048,184, raises 2%, 3%, 3%, 4%, Medicare 1.45% on base salary only (so TOTAL
 * COST moves by the base-salary change x 1.0145). Every row of every cell plus the interaction
 * must equal the cell's total difference exactly.
 */
import { describe, expect, it } from "vitest";
import {
  attribute,
  Exact,
  interactionShares,
  type Attribution,
  type CellValues,
  type TableLike,
} from "../../model/engine/analysis/attribution";
import { attributeScenarios } from "../../model/engine/analysis/compare";
import { Decimal } from "../../model/engine/decimal";
import { listInputs, setInputValue } from "../../model/engine/scenario/paths";
import { fisAsPublished } from "../../model/built-ins";
import type { Scenario } from "../../model/engine/scenario/types";

const MEDICARE = new Decimal("1.0145");

function setRaise(s: Scenario, fiscalYear: number, rate: string): Scenario {
  const entry = listInputs(s).find((e) => e.param.label === `FY${fiscalYear} base salary increase`)!;
  return setInputValue(s, entry.path, rate);
}

const input = (s: Scenario, label: string) => listInputs(s).find((e) => e.param.label === label)!.path;

/** Rows + interaction = total in every cell, in Decimal, to the last digit; returns the cells checked. */
function expectExactSums(a: Attribution): number {
  let cells = 0;
  for (const l of a.lines)
    for (const c of a.columns) {
      const sum = a.differences.reduce((acc, d) => acc.plus(d.alone[l.id]![c.id]!), a.interaction[l.id]![c.id]!);
      expect(sum.equals(a.total[l.id]![c.id]!), `${l.id}.${c.id}`).toBe(true);
      if (a.shapley) {
        const phi = a.differences.reduce((acc, d) => acc.plus(a.shapley!.values[d.id]![l.id]![c.id]!), new Exact(0));
        expect(phi.equals(a.total[l.id]![c.id]!), `Shapley ${l.id}.${c.id}`).toBe(true);
      }
      cells++;
    }
  return cells;
}

const at = (cells: CellValues, line: string, column: string) => cells[line]![column]!;
const row = (a: Attribution, id: string) => a.differences.find((d) => d.id === id)!;

describe("two raises that compound: FY2026 and FY2027 each from 3% to 4% (the worked example of docs/attribution.md)", () => {
  const base = fisAsPublished();
  const scenario = setRaise(setRaise(base, 2026, "0.04"), 2027, "0.04");
  const a = attributeScenarios(base, scenario);
  const fy26 = row(a, input(base, "FY2026 base salary increase"));
  const fy27 = row(a, input(base, "FY2027 base salary increase"));

  it("finds the two differences, in words", () => {
    expect(a.differences.map((d) => d.label)).toEqual(["FY2026 base salary increase: 3% → 4%", "FY2027 base salary increase: 3% → 4%"]);
  });

  it("each raise alone: P x 1.02 x 0.01 in its own year, compounded by the later raises", () => {
    // FY2026: 608,048,184 x 1.02 x 0.01 = 6,202,091.4768; the FY2027 raise does nothing in FY2026.
    expect(at(fy26.alone, "baseSalaryIncreases", "FY2026").toString()).toBe("6202091.4768");
    expect(at(fy27.alone, "baseSalaryIncreases", "FY2026").isZero()).toBe(true);
    // FY2027: either raise alone is P x 1.02 x 1.03 x 0.01 = P x 0.010506 = 6,388,154.221104.
    expect(at(fy26.alone, "baseSalaryIncreases", "FY2027").toString()).toBe("6388154.221104");
    expect(at(fy27.alone, "baseSalaryIncreases", "FY2027").toString()).toBe("6388154.221104");
  });

  it("the interaction is the raise on the raise: P x 1.02 x (1.04 x 1.04 - 1.03 x 1.03 - 2 x 0.0103) = P x 1.02 x 0.0001", () => {
    expect(at(a.interaction, "baseSalaryIncreases", "FY2025").isZero()).toBe(true);
    expect(at(a.interaction, "baseSalaryIncreases", "FY2026").isZero()).toBe(true);
    // FY2027: 608,048,184 x 0.000102 = 62,020.914768
    expect(at(a.interaction, "baseSalaryIncreases", "FY2027").toString()).toBe("62020.914768");
    // FY2028: x 1.04 (the FY2028 raise) = 64,501.75135872
    expect(at(a.interaction, "baseSalaryIncreases", "FY2028").toString()).toBe("64501.75135872");
    // Four-year total: 62,020.914768 + 64,501.75135872 = 126,522.66612672
    expect(at(a.interaction, "baseSalaryIncreases", "Total").toString()).toBe("126522.66612672");
    // TOTAL COST carries Medicare: 126,522.66612672 x 1.0145 = 128,357.24478555744
    expect(at(a.interaction, "totalCost", "Total").toString()).toBe("128357.24478555744");
    expect(at(a.interaction, "totalCost", "FY2027").equals(new Decimal("62020.914768").times(MEDICARE))).toBe(true);
  });

  it("Shapley splits the interaction evenly between two symmetric raises: alone + half of it", () => {
    expect(a.shapley!.method).toBe("exact");
    // 6,388,154.221104 + 62,020.914768 / 2 = 6,419,164.678488
    expect(at(a.shapley!.values[fy26.id]!, "baseSalaryIncreases", "FY2027").toString()).toBe("6419164.678488");
    expect(at(a.shapley!.values[fy27.id]!, "baseSalaryIncreases", "FY2027").toString()).toBe("6419164.678488");
    expect(at(interactionShares(a)![fy26.id]!, "baseSalaryIncreases", "FY2027").toString()).toBe("31010.457384");
  });

  it("rows + interaction = total in all 45 cells, exactly", () => {
    expect(expectExactSums(a)).toBe(45);
    // Total FY2027 by hand: P x 1.02 x (1.04^2 - 1.03^2) = P x 0.021114 = 12,838,329.356976
    expect(at(a.total, "baseSalaryIncreases", "FY2027").toString()).toBe("12838329.356976");
  });
});

describe("calibration differences", () => {
  const base = fisAsPublished();
  const salary = input(base, "Average salary");

  it("the average salary as stated ($105,272, not the calibrated $105,271.50): 5,776 x $0.50 x (raise factor - 1), no interaction", () => {
    const a = attributeScenarios(base, setInputValue(base, salary, "105272"));
    expect(a.differences.map((d) => d.label)).toEqual(["Average salary: $105,271.50 → $105,272"]);
    const d = a.differences[0]!;
    // 2,888 x 0.02 = 57.76; 2,888 x (1.02 x 1.03 - 1) = 2,888 x 0.0506 = 146.1328
    expect(at(d.alone, "baseSalaryIncreases", "FY2025").toString()).toBe("57.76");
    expect(at(d.alone, "baseSalaryIncreases", "FY2026").toString()).toBe("146.1328");
    // Medicare on it: 57.76 x 0.0145 = 0.83752
    expect(at(d.alone, "benefits", "FY2025").toString()).toBe("0.83752");
    for (const l of a.lines) for (const c of a.columns) expect(at(a.interaction, l.id, c.id).isZero()).toBe(true);
    expect(expectExactSums(a)).toBe(45);
  });

  it("with the local share as stated too (99.4%, not 99.3582%): the interaction is the share change x the cost change", () => {
    const scenario = setInputValue(setInputValue(base, salary, "105272"), "table.lines.localPortion.rate", "0.994");
    const a = attributeScenarios(base, scenario);
    expect(a.differences.map((d) => d.label)).toEqual([
      "Average salary: $105,271.50 → $105,272",
      "Local share of total cost: 99.3582% → 99.4%",
    ]);
    // Local portion = share x TOTAL COST, so its change = dShare x T + share x dT + dShare x dT; the last is the interaction.
    // FY2025: dT = 57.76 x 1.0145 = 58.59752; dShare = 0.000418; 58.59752 x 0.000418 = 0.02449376336
    expect(at(a.interaction, "localPortion", "FY2025").toString()).toBe("0.02449376336");
    expect(at(a.interaction, "costFundedByWia", "FY2025").toString()).toBe("0.02449376336");
    expect(at(a.interaction, "totalCost", "FY2025").isZero()).toBe(true);
    expect(expectExactSums(a)).toBe(45);
  });
});

describe("four raise differences (each once credited with the whole combined change)", () => {
  const base = fisAsPublished();
  let scenario = base;
  for (const [fy, rate] of [
    [2025, "0.03"],
    [2026, "0.04"],
    [2027, "0.04"],
    [2028, "0.05"],
  ] as const)
    scenario = setRaise(scenario, fy, rate);
  const a = attributeScenarios(base, scenario);

  it("no difference is credited with the whole change; each has its own effect, by hand", () => {
    expect(a.differences).toHaveLength(4);
    const total = at(a.total, "totalCost", "Total");
    for (const d of a.differences) expect(at(d.alone, "totalCost", "Total").lessThan(total)).toBe(true);
    // The FY2025 raise alone: P x 0.01 x (1 + 1.03 + 1.03^2 + 1.03^2 x 1.04) x 1.0145 = 25,872,768.98021901648
    const fy25 = row(a, input(base, "FY2025 base salary increase"));
    expect(at(fy25.alone, "totalCost", "Total").toString()).toBe("25872768.98021901648");
    // FY2026 interaction: (1.03 x 1.04 - 1.02 x 1.03) - 0.0103 - 0.0102 = 0.0001 of P = 60,804.8184
    expect(at(a.interaction, "baseSalaryIncreases", "FY2026").toString()).toBe("60804.8184");
    expect(at(a.interaction, "baseSalaryIncreases", "FY2025").isZero()).toBe(true);
  });

  it("rows + interaction = total in every cell; Shapley values equal the average over all 24 orders", () => {
    expect(expectExactSums(a)).toBe(45);
    // Shapley by brute force, independently: every order of the four differences, the mean marginal effect.
    const orders: number[][] = [];
    const permute = (rest: number[], prefix: number[]) =>
      rest.length === 0
        ? orders.push(prefix)
        : rest.forEach((x, i) => permute([...rest.slice(0, i), ...rest.slice(i + 1)], [...prefix, x]));
    permute([0, 1, 2, 3], []);
    expect(orders).toHaveLength(24);
    const rate = (i: number) => ["0.03", "0.04", "0.04", "0.05"][i]!;
    const totalCost = (applied: number[]) => {
      let s = base;
      for (const i of applied) s = setRaise(s, 2025 + i, rate(i));
      return attributeScenarios(base, s, { shapley: "none" }).scenario.totalCost!.Total!;
    };
    const cache = new Map<string, Decimal>();
    const v = (set: number[]) => {
      const key = [...set].sort().join();
      if (!cache.has(key)) cache.set(key, totalCost(set));
      return cache.get(key)!;
    };
    for (let i = 0; i < 4; i++) {
      let sum = new Exact(0);
      for (const order of orders) {
        const before = order.slice(0, order.indexOf(i));
        sum = sum.plus(v([...before, i]).minus(v(before)));
      }
      const id = row(a, input(base, `FY${2025 + i} base salary increase`)).id;
      expect(at(a.shapley!.values[id]!, "totalCost", "Total").toDecimalPlaces(8).equals(sum.div(24).toDecimalPlaces(8))).toBe(true);
    }
  });
});

describe("structural differences that cannot be made alone", () => {
  it("a line renamed with its item: both differences are rows, zero alone, the whole move in the interaction", () => {
    // Published figures name the lines; neither side carries them here, so the rename is all that differs.
    const base = fisAsPublished();
    delete base.table.published;
    const renamed = fisAsPublished();
    renamed.table.lines = renamed.table.lines.map((l) =>
      l.id === "otherNps"
        ? { ...l, id: "otherNonPersonal" }
        : l.id === "totalCost"
          ? { ...l, sum: l.sum!.map((x) => (x === "otherNps" ? "otherNonPersonal" : x)) }
          : l,
    );
    delete renamed.table.published;
    renamed.items = renamed.items.map((i) => (i.line === "otherNps" ? { ...i, line: "otherNonPersonal" } : i));
    const a = attributeScenarios(base, renamed);
    expect(a.differences.map((d) => [d.label, d.appliesAlone])).toEqual([
      ["AEDs and ice machines: defined differently (table line under another id)", false],
      // The table's TOTAL COST names its lines, so its sum changes with the rename.
      ["Table lines: “Other NPS (AEDs and ice machines)” under another id; “TOTAL COST”: sum changed", false],
    ]);
    expect(a.lines.filter((l) => l.side !== "both").map((l) => [l.id, l.side])).toEqual([
      ["otherNps", "baseline"],
      ["otherNonPersonal", "scenario"],
    ]);
    // Other NPS: $438,000 over the four years moves from one line to the other; TOTAL COST does not move.
    expect(at(a.interaction, "otherNps", "Total").toString()).toBe("-438000");
    expect(at(a.interaction, "otherNonPersonal", "Total").toString()).toBe("438000");
    expect(at(a.total, "totalCost", "Total").isZero()).toBe(true);
    expect(expectExactSums(a)).toBe(10 * 5);
  });
});

describe("a group's field given on one side only is named with its value", () => {
  it("a vacancy rate added: 'vacancy rate added (5%)', not '“Teachers” changed'", () => {
    const base = fisAsPublished();
    const withVacancy = fisAsPublished();
    withVacancy.groups[0]!.vacancyRate = { value: "0.05", label: "Vacancy rate", source: { kind: "assumed", ref: "test" } };
    const label = `Employee groups: “${base.groups[0]!.label}”: vacancy rate added (5%)`;
    expect(attributeScenarios(base, withVacancy).differences.map((d) => d.label)).toEqual([label]);
    expect(attributeScenarios(withVacancy, base).differences.map((d) => d.label)).toEqual([
      `Employee groups: “${base.groups[0]!.label}”: vacancy rate removed (was 5%)`,
    ]);
  });
});

describe("a structural difference is said in words, for any nested value, never [object Object]", () => {
  type Steps = Extract<Scenario["items"][number], { kind: "raises" }>["steps"];
  const withSteps = (edit: (steps: Steps) => Steps): Scenario => {
    const s = fisAsPublished();
    const raise = s.items.find((i) => i.id === "baseSalary")!;
    if (raise.kind !== "raises") throw new Error("fixture");
    raise.steps = edit(raise.steps);
    return s;
  };
  const labels = (b: Scenario) => attributeScenarios(fisAsPublished(), b, { shapley: "none" }).differences.map((d) => d.label);

  it("a raise step removed from four: that step, by fiscal year and amount", () => {
    // The built-in's raises: FY2025 2%, FY2026 3%, FY2027 3%, FY2028 4%; the FY2026 step deleted.
    const labelsOf = labels(withSteps((steps) => steps.filter((st) => st.fiscalYear !== 2026)));
    expect(labelsOf).toEqual(["Base salary increases: defined differently (steps: FY2026 3% removed)"]);
  });

  it("the two-step COLA of the report (F15): steps FY2025 2%, FY2026 3% → FY2025 2%", () => {
    const two = withSteps((steps) => steps.filter((st) => st.fiscalYear <= 2026));
    const one = withSteps((steps) => steps.filter((st) => st.fiscalYear === 2025));
    expect(attributeScenarios(two, one, { shapley: "none" }).differences.map((d) => d.label)).toEqual([
      "Base salary increases: defined differently (steps FY2025 2%, FY2026 3% → FY2025 2%)",
    ]);
  });

  it("a flat step, and a step moved within its year: the effective date is said when it is what differs", () => {
    const flat = withSteps((steps) => [
      ...steps,
      {
        fiscalYear: 2028,
        type: "flat",
        amount: { value: "1500", label: "FY2028 flat", source: { kind: "assumed", ref: "t" } },
        effective: "2028-01-01",
        source: { kind: "assumed", ref: "t" },
      },
    ]);
    expect(labels(flat)).toEqual(["Base salary increases: defined differently (steps: FY2028 $1,500 added)"]);
    const moved = withSteps((steps) => steps.map((st) => (st.fiscalYear === 2026 ? { ...st, effective: "2026-01-01" } : st)));
    expect(labels(moved)).toEqual([
      "Base salary increases: defined differently (steps: FY2026 3% from 2025-10-01 removed, FY2026 3% from 2026-01-01 added)",
    ]);
  });

  it("other nested values (a date with its source, a table column's settings) are said by their fields", () => {
    const b = fisAsPublished();
    const optical = b.items.find((i) => i.id === "optical")!;
    if (optical.kind !== "perHeadBenefit") throw new Error("fixture");
    optical.countFrom = { ...optical.countFrom!, date: "2025-04-01" };
    b.table.columns.total = { label: "Total", through: 2027 };
    const said = labels(b);
    expect(said).toEqual([
      "Optical: defined differently (costed-from date date 2025-01-01 → date 2025-04-01)",
      // The total column's label is wording; without "through" it adds every year.
      "Table columns: total default → through 2027",
    ]);
    expect(said.join("\n")).not.toMatch(/object Object/);
  });
});

/** A synthetic table: one line "cost" whose value is (sum of the weights of the differences made)^2. */
const squareGame = (weights: number[]) => {
  const compute = (s: number[]): TableLike => {
    const w = s.reduce((acc, i) => acc.plus(weights[i]!), new Decimal(0));
    return { columns: ["Total"], lines: [{ id: "cost", label: "Cost", cells: { Total: { exact: w.times(w) } } }] };
  };
  const differences = weights.map((_, i) => ({ id: `d${i}`, label: `Difference ${i}`, apply: (s: number[]) => [...s, i] }));
  return { compute, differences, all: weights.map((_, i) => i) };
};

describe("the generic method", () => {
  it("above 8 differences the split is sampled over 32 seeded orders, sums exactly, and is within 4 standard errors", () => {
    // For v(S) = (sum of w over S)^2 the Shapley value is w_i x (sum of all w): exact by hand.
    const weights = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    const { compute, differences, all } = squareGame(weights);
    const a = attribute<number[]>([], all, differences, { compute });
    expect(a.shapley!.method).toBe("sampled");
    expect(a.shapley!.permutations).toBe(32);
    expect(expectExactSums(a)).toBe(1);
    // v(N) = 55^2 = 3,025; alone: w_i^2; interaction 3,025 - 385 = 2,640.
    expect(at(a.interaction, "cost", "Total").toString()).toBe("2640");
    weights.forEach((w, i) => {
      const value = at(a.shapley!.values[`d${i}`]!, "cost", "Total");
      const error = at(a.shapley!.standardError![`d${i}`]!, "cost", "Total");
      expect(
        value
          .minus(w * 55)
          .abs()
          .lessThanOrEqualTo(error.times(4).plus("0.01")),
        `d${i}: ${value} vs ${w * 55} ± ${error}`,
      ).toBe(true);
    });
    // The same seed gives the same split.
    const again = attribute<number[]>([], all, differences, { compute });
    expect(at(again.shapley!.values.d3!, "cost", "Total").equals(at(a.shapley!.values.d3!, "cost", "Total"))).toBe(true);
  });

  it("up to 8 differences the split is exact: w_i x (sum of w)", () => {
    const { compute, differences, all } = squareGame([1, 2, 3, 4, 5, 6, 7, 8]);
    const a = attribute<number[]>([], all, differences, { compute });
    expect(a.shapley!.method).toBe("exact");
    expect(a.evaluations).toBe(2 ** 8 + 1);
    [1, 2, 3, 4, 5, 6, 7, 8].forEach((w, i) => expect(at(a.shapley!.values[`d${i}`]!, "cost", "Total").toString()).toBe(String(w * 36)));
  });

  it("a difference that cannot be made alone is still a row: zero alone, its effect in the interaction", () => {
    // d1 needs d0 first (an item on a line only the other side has): alone it is refused.
    const { compute, differences } = squareGame([3, 4]);
    const isValid = (s: number[]) => !s.includes(1) || s.includes(0);
    const a = attribute<number[]>([], [0, 1], differences, { compute, isValid });
    expect(a.differences.map((d) => d.appliesAlone)).toEqual([true, false]);
    expect(at(a.differences[1]!.alone, "cost", "Total").isZero()).toBe(true);
    // Alone d0: 9; total 49; the interaction holds the rest: 40.
    expect(at(a.interaction, "cost", "Total").toString()).toBe("40");
    expect(expectExactSums(a)).toBe(1);
  });

  it("when making every difference does not reproduce the scenario, the gap is a row of its own", () => {
    // The scenario also has a third difference (weight 5) that the list leaves out.
    const { compute, differences } = squareGame([3, 4, 5]);
    const a = attribute<number[]>([], [0, 1, 2], differences.slice(0, 2), { compute });
    const gap = a.differences.find((d) => d.id === "notItemised")!;
    expect(gap.label).toBe("Differences not itemised");
    // (3+4+5)^2 - (3+4)^2 = 144 - 49 = 95
    expect(at(gap.alone, "cost", "Total").toString()).toBe("95");
    expect(expectExactSums(a)).toBe(1);
  });

  it("lines and columns on one side only are compared against zero and say which side has them", () => {
    const tableA: TableLike = {
      columns: ["FY1", "Total"],
      lines: [{ id: "x", label: "X", cells: { FY1: { exact: new Decimal(5) }, Total: { exact: new Decimal(5) } } }],
    };
    const tableB: TableLike = {
      columns: ["FY1", "FY2", "Total"],
      lines: [
        {
          id: "y",
          label: "Y",
          cells: { FY1: { exact: new Decimal(1) }, FY2: { exact: new Decimal(2) }, Total: { exact: new Decimal(3) } },
        },
      ],
    };
    const a = attribute<string>("A", "B", [{ id: "swap", label: "Swap", apply: () => "B" }], {
      compute: (s) => (s === "A" ? tableA : tableB),
    });
    expect(a.lines).toEqual([
      { id: "x", label: "X", side: "baseline" },
      { id: "y", label: "Y", side: "scenario" },
    ]);
    expect(a.columns).toEqual([
      { id: "FY1", side: "both" },
      { id: "FY2", side: "scenario" },
      { id: "Total", side: "both" },
    ]);
    expect(at(a.total, "x", "Total").toString()).toBe("-5");
    expect(at(a.total, "y", "FY2").toString()).toBe("2");
    expect(at(a.total, "x", "FY2").isZero()).toBe(true);
    expect(expectExactSums(a)).toBe(6);
  });
});
