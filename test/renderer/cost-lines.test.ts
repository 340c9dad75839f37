import { describe, expect, it } from "vitest";
import { computeTable } from "../../model/engine/compute";
import { Decimal } from "../../model/engine/decimal";
import { addCostLine, idFromLabel, lineDependents, removeCostLine } from "../../model/engine/scenario/cost-lines";
import { listInputs } from "../../model/engine/scenario/paths";
import { contractAsStated, fisAsPublished } from "../../model/built-ins";
import { checkScenario, validateScenario } from "../../model/engine/scenario/schema";
import { readFileSync } from "node:fs";
import type { Scenario } from "../../model/engine/scenario/types";

const total = (s: Scenario, column = "Total") => computeTable(s).lines.find((l) => l.id === "totalCost")!.cells[column]!.exact;
const line = (s: Scenario, id: string, column: string) => computeTable(s).lines.find((l) => l.id === id)!.cells[column]!.exact;
const added = (r: ReturnType<typeof addCostLine>) => {
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join("; "));
  return r;
};

describe("cost lines: add", () => {
  it("ids come from the label, skip digits and never collide", () => {
    expect(idFromLabel("FICA 7.65% on base salary", new Set())).toBe("ficaOnBaseSalary");
    expect(idFromLabel("FICA 7.65% on base salary", new Set(["ficaOnBaseSalary"]))).toBe("ficaOnBaseSalary2");
    expect(idFromLabel("2025 stipend", new Set())).toBe("stipend");
    expect(idFromLabel("%%%", new Set())).toBe("line");
    // Derived lines are lines like any other: a taken id is never reused.
    expect(idFromLabel("Total cost", new Set(["totalCost"]))).toBe("totalCost2");
  });

  it("FICA 7.65% on base salary from FY2027: a new line before TOTAL COST, costed as rate x the raise cost", () => {
    const s = fisAsPublished();
    const r = added(
      addCostLine(s, {
        label: "FICA 7.65% on base salary",
        item: { kind: "payRate", rate: "0.0765", appliesTo: ["baseSalary"], startFiscalYear: 2027 },
      }),
    );
    const t = computeTable(r.scenario);
    const ids = t.lines.map((l) => l.id);
    expect(ids.indexOf(r.lineId)).toBe(ids.indexOf("totalCost") - 1);
    expect(line(r.scenario, r.lineId, "FY2026").isZero()).toBe(true);
    for (const fy of ["FY2027", "FY2028"])
      expect(line(r.scenario, r.lineId, fy).toString()).toBe(new Decimal("0.0765").times(line(s, "baseSalaryIncreases", fy)).toString());
    expect(total(r.scenario).minus(total(s)).toString()).toBe(line(r.scenario, r.lineId, "Total").toString());
    expect(listInputs(r.scenario).some((e) => e.path === `items.${r.lineId}.rate` && e.param.source.kind === "user")).toBe(true);
    expect(checkScenario(r.scenario)).toEqual([]);
    // The input scenario is untouched.
    expect(s.table.lines.some((l) => l.id === r.lineId)).toBe(false);
  });

  it("amounts per year and a flat one-time payment per member", () => {
    const s = fisAsPublished();
    const a = added(
      addCostLine(s, { label: "Laptops", item: { kind: "fixedAmounts", amounts: { FY2026: "250000", FY2027: "125000.50" } } }),
    );
    expect(line(a.scenario, a.lineId, "Total").toString()).toBe("375000.5");
    const b = added(
      addCostLine(a.scenario, {
        label: "Ratification payment",
        item: { kind: "oneTime", paidInFiscalYear: 2026, rate: "0", amountPerMember: "1500" },
      }),
    );
    expect(line(b.scenario, b.lineId, "FY2026").toString()).toBe(new Decimal(5776).times(1500).toString());
    expect(line(b.scenario, b.lineId, "FY2025").isZero()).toBe(true);
  });

  it("an amount recurring each later year, growing 2%: 100,000, 102,000, 104,040 from FY2026", () => {
    const s = fisAsPublished();
    const r = added(
      addCostLine(s, {
        label: "Coaching",
        item: { kind: "fixedAmounts", amounts: { FY2026: "100000" }, recurring: true, growthRate: "0.02" },
      }),
    );
    // FY2025 nothing; FY2026 100,000; x 1.02 = 102,000; x 1.02 = 104,040; total 306,040.
    expect(["FY2025", "FY2026", "FY2027", "FY2028", "Total"].map((fy) => line(r.scenario, r.lineId, fy).toString())).toEqual([
      "0",
      "100000",
      "102000",
      "104040",
      "306040",
    ]);
    expect(listInputs(r.scenario).find((e) => e.path === `items.${r.lineId}.growthRate`)?.param.value).toBe("0.02");
    // Without recurring, the growth rate is not kept.
    const once = added(addCostLine(s, { label: "Once", item: { kind: "fixedAmounts", amounts: { FY2026: "5" }, growthRate: "0.02" } }));
    expect(line(once.scenario, once.lineId, "FY2027").isZero()).toBe(true);
  });

  it("refuses what checkScenario would reject, naming the field; the scenario is unchanged", () => {
    const s = fisAsPublished();
    const badRate = addCostLine(s, { label: "Pension", item: { kind: "payRate", rate: "1.5", appliesTo: ["baseSalary"] } });
    expect(badRate.ok).toBe(false);
    if (!badRate.ok) expect(badRate.errors[0]!.message).toMatch(/outside 0 to 1/);
    const onRate = addCostLine(s, { label: "Tax on tax", item: { kind: "payRate", rate: "0.01", appliesTo: ["medicare"] } });
    expect(onRate.ok).toBe(false);
    if (!onRate.ok) expect(onRate.errors[0]!.message).toContain("cannot apply to another rate of pay");
    const outside = addCostLine(s, { label: "Late", item: { kind: "fixedAmounts", amounts: { FY2031: "5" } } });
    expect(outside.ok).toBe(false);
    const unnamed = addCostLine(s, { label: "  ", item: { kind: "fixedAmounts", amounts: { FY2026: "5" } } });
    expect(unnamed.ok).toBe(false);
    const noTargets = addCostLine(s, { label: "OPEB", item: { kind: "payRate", rate: "0.02", appliesTo: [] } });
    expect(noTargets.ok).toBe(false);
    // A negative amount per year is a saving, a first-class line (not refused); a negative per-member payment is refused.
    const saving = addCostLine(s, { label: "Refund", item: { kind: "fixedAmounts", amounts: { FY2026: "-5" } } });
    expect(saving.ok && line(saving.scenario, saving.lineId, "FY2026").toString()).toBe("-5");
    const negative = addCostLine(s, {
      label: "Clawback",
      item: { kind: "oneTime", paidInFiscalYear: 2026, rate: "0", amountPerMember: "-5" },
    });
    expect(negative.ok).toBe(false);
  });
});

describe("cost lines: remove", () => {
  it("removing an added line restores the original table exactly", () => {
    const s = fisAsPublished();
    const r = added(addCostLine(s, { label: "Laptops", item: { kind: "fixedAmounts", amounts: { FY2026: "250000" } } }));
    const back = removeCostLine(r.scenario, r.lineId);
    expect(back.ok).toBe(true);
    if (back.ok) {
      expect(back.scenario.table.lines).toEqual(s.table.lines);
      expect(total(back.scenario).toString()).toBe(total(s).toString());
    }
  });

  it("a rate applied to the removed line's items is detached and named; its cost falls accordingly", () => {
    const s = fisAsPublished();
    const fica = added(
      addCostLine(s, { label: "FICA", item: { kind: "payRate", rate: "0.0765", appliesTo: ["baseSalary", "coveragePremium"] } }),
    );
    expect(lineDependents(fica.scenario, "additionalPay").map((d) => d.itemId)).toEqual(["fica"]);
    const r = removeCostLine(fica.scenario, "additionalPay");
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.message).toContain('"FICA" would no longer apply to coveragePremium');
    const rate = r.scenario.items.find((i) => i.id === "fica");
    expect(rate?.kind === "payRate" && rate.appliesTo).toEqual(["baseSalary"]);
    expect(r.scenario.items.some((i) => i.id === "coveragePremium")).toBe(false);
    expect(checkScenario(r.scenario)).toEqual([]);
  });

  it("refuses to remove base salary while the bonus takes its earnings from it, naming the bonus", () => {
    // "Contract terms as stated" derives the bonus base from the raises item (the published one has a calibrated figure).
    const r = removeCostLine(contractAsStated(), "baseSalaryIncreases");
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.errors[0]!.message).toBe(
        'Cannot remove "Base Salary Increases": "4% bonus on FY2024 earnings" takes its earnings from baseSalary; change or remove ' +
          '"4% bonus on FY2024 earnings" first.',
      );
  });

  it("refuses to remove base salary while Medicare applies to nothing else, naming Medicare (it would cost nothing)", () => {
    // The confirmation says so before the click: the dependent is marked as one that refuses.
    expect(lineDependents(fisAsPublished(), "baseSalaryIncreases").map((d) => [d.itemId, d.blocks])).toEqual([["medicare", true]]);
    const r = removeCostLine(fisAsPublished(), "baseSalaryIncreases");
    expect(r).toEqual({
      ok: false,
      errors: [
        {
          field: "items.medicare.appliesTo",
          message:
            'Cannot remove "Base Salary Increases": "Medicare (employer)" applies only to its items and would apply to nothing; ' +
            'change or remove "Medicare (employer)" first.',
        },
      ],
    });
  });

  it("removing Benefits also drops the Medicare loading of the coverage premium", () => {
    const s = fisAsPublished();
    const r = removeCostLine(s, "benefits");
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const premium = r.scenario.items.find((i) => i.id === "coveragePremium");
    expect(premium?.kind === "premiumPay" && premium.payRateIds).toEqual([]);
    expect(r.message).toContain("no longer be loaded by medicare");
  });

  it("removing a line whose printed figures calibrated an input, or disagree as recorded, drops those records with it", () => {
    const file = JSON.parse(readFileSync("examples/madison-2012-iaff-local-311/scenario.json", "utf8"));
    // The yearly-addition line is computed from wrsSavings: without it wrsSavings can go.
    file.table.lines = file.table.lines.filter((l: { id: string }) => l.id !== "wrsAdditional");
    delete file.table.published.values.wrsAdditional;
    file.table.published.expectedDisagreements = [
      { cell: "wrsSavings.Total", published: 6000000, fromStatedInputs: 1, reason: "a record on the line removed" },
    ];
    const checked = validateScenario(file);
    if (!checked.ok) throw new Error(checked.errors.map((e) => `${e.field}: ${e.message}`).join("; "));
    expect(checked.value.table.published?.calibratedFrom).toEqual([{ cell: "wrsSavings.FY2012", input: "groups.firefighters.payroll" }]);
    // wrsSavings.FY2012 calibrated the firefighters' payroll: with the line gone there is no figure to name.
    const r = removeCostLine(checked.value, "wrsSavings");
    if (!r.ok) throw new Error(r.errors.map((e) => `${e.field}: ${e.message}`).join("; "));
    expect(r.scenario.table.published?.calibratedFrom).toEqual([]);
    expect(r.scenario.table.published?.expectedDisagreements).toEqual([]);
    // West Virginia's raise was calibrated from the total: removing the raise's line leaves the total, not the calibration.
    const wv = validateScenario(JSON.parse(readFileSync("examples/wv-2013-corrections-2008-raise/scenario.json", "utf8")));
    if (!wv.ok) throw new Error("the West Virginia example does not validate");
    expect(wv.value.table.published?.calibratedFrom?.map((c) => c.input)).toEqual(["items.raise.steps.2013-04-01.periodsPaid.perYear"]);
    const without = removeCostLine(wv.value, "personalServices");
    if (!without.ok) throw new Error(without.errors.map((e) => `${e.field}: ${e.message}`).join("; "));
    expect(without.scenario.table.published?.calibratedFrom).toEqual([]);
  });

  it("an unknown line and the last line are refused", () => {
    expect(removeCostLine(fisAsPublished(), "nope").ok).toBe(false);
    const s = fisAsPublished();
    // Only "Other NPS" (and the derived lines, which are not cost lines) left: it cannot go.
    const keep = ["otherNps", "totalCost", "localPortion", "fundingAvailable", "costFundedByWia"];
    const lines = s.table.lines.filter((l) => keep.includes(l.id)).map((l) => (l.id === "totalCost" ? { ...l, sum: ["otherNps"] } : l));
    const one: Scenario = { ...s, table: { ...s.table, lines }, items: s.items.filter((i) => i.line === "otherNps") };
    const r = removeCostLine(one, "otherNps");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]!.message).toContain("only cost line");
  });
});
