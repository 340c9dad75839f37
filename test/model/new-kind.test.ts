/**
 * Adding a kind of cost item is one module plus its test: here a per-member uniform allowance
 * (members x an amount a year), defined in this file alone and passed in a registry that includes
 * it. Validation (strict keys, the field's unit and range), input paths, the table and the
 * workbook formula pick it up with no change anywhere else.
 */
import { z } from "zod";
import { describe, expect, it } from "vitest";
import {
  computeTable,
  coveredGroups,
  defineKind,
  DEFAULT_REGISTRY,
  field,
  formulaContextFor,
  fundShareFields,
  itemBaseShape,
  itemLabel,
  listInputs,
  membersFormula,
  membersOf,
  param,
  paramLeaf,
  parseScenarioJson,
  setInputValue,
  strict,
  usdCell,
  validateScenario,
  type FieldSpec,
  type Registry,
} from "../../model/engine";
import { Decimal } from "../../model/engine/decimal";
import { agreement, group, p } from "../agreements/build";

// ---- the module: everything the kind is, in one place ----
const FIELDS = {
  amount: { label: "Allowance a year", unit: "USD/year", min: "0", max: "10000", help: "Uniform allowance per member per year." },
} satisfies Record<string, FieldSpec>;
const schema = strict({ ...itemBaseShape, kind: z.literal("uniformAllowance"), amount: param(FIELDS.amount) });
type UniformAllowance = z.infer<typeof schema>;
const uniformAllowance = defineKind<UniformAllowance>({
  kind: "uniformAllowance",
  title: "Uniform allowance",
  section: "Allowances",
  summary: "Members x an allowance a year.",
  schema,
  fieldSpecs: FIELDS,
  fields: (item) => [...field("amount", item.amount, FIELDS.amount), ...fundShareFields(item)],
  check: () => [],
  needsMembers: () => true,
  dependsOn: () => [],
  perGroup: () => true,
  cost(item, ctx, fy, only) {
    const members = membersOf(coveredGroups(ctx.scenario, item, only));
    const amount = new Decimal(item.amount.value);
    return usdCell(itemLabel(item, fy, only), members.exact.times(amount), "members x allowance a year", [
      members.explanation,
      paramLeaf(item.amount, `items.${item.id}.amount`, "USD/year"),
    ]);
  },
  annualized(item, ctx, only) {
    return this.cost(item, ctx, ctx.years[ctx.years.length - 1]!, only);
  },
  formula: (item, ctx, _fy, only) => ({
    formula: `(${membersFormula(ctx, coveredGroups(ctx.scenario, item, only))})*${ctx.ref(`items.${item.id}.amount`)}`,
    note: "members x allowance a year",
  }),
  describe: (item) => `${item.label}: $${item.amount.value} a year per member.`,
});
// ---- end of the module ----

const REGISTRY: Registry = [...DEFAULT_REGISTRY, uniformAllowance];

function scenarioJson() {
  const base = agreement({
    id: "uniforms",
    fiscalYears: [2026, 2027],
    fiscalYearStartMonth: 7,
    firstPayPeriodStart: "2025-07-06",
    effectiveFrom: "2025-07-01",
    effectiveTo: "2027-06-30",
    groups: [group("sworn", "120", "80000"), group("civilian", "40", "50000")],
    lines: ["uniforms"],
    items: [],
  });
  const json = JSON.parse(JSON.stringify(base));
  json.items = [
    {
      kind: "uniformAllowance",
      id: "uniform",
      label: "Uniform allowance",
      line: "uniforms",
      groupIds: ["sworn"],
      amount: p("950", "USD/year", "Uniform allowance"),
    },
  ];
  return json;
}

describe("a kind added by one module and a registry that includes it", () => {
  it("the default registry does not know it (so the registry is what adds it)", () => {
    const r = validateScenario(scenarioJson());
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatchObject({ field: "items.uniform.kind", message: expect.stringMatching(/unknown kind of item/) });
  });

  it("validates, costs, lists its input and names it in explanations", () => {
    const r = validateScenario(scenarioJson(), "uniforms.json", REGISTRY);
    expect(r.ok, JSON.stringify(!r.ok && r.errors)).toBe(true);
    if (!r.ok) return;
    const t = computeTable(r.value, { registry: REGISTRY });
    // 120 sworn officers x $950 = $114,000 a year; the table's sum line includes it
    expect(t.lines.find((l) => l.id === "uniforms")!.cells.FY2026!.exact.toString()).toBe("114000");
    expect(t.lines.find((l) => l.id === "totalCost")!.cells.Total!.exact.toString()).toBe("228000");
    expect(t.items.find((i) => i.id === "uniform")!.cells.FY2027!.explanation.label).toBe("Uniform allowance FY2027");
    const inputs = listInputs(r.value, REGISTRY).filter((e) => e.path.startsWith("items."));
    expect(inputs).toEqual([expect.objectContaining({ path: "items.uniform.amount", section: "Allowances", unit: "USD/year" })]);
    // An edit by path flows through: $1,000 x 120 = $120,000
    const edited = setInputValue(r.value, "items.uniform.amount", "1000", REGISTRY);
    expect(computeTable(edited, { registry: REGISTRY }).lines[0]!.cells.FY2026!.exact.toString()).toBe("120000");
  });

  it("its field's range and unit hold, and its keys are strict, with the same messages as the built-in kinds", () => {
    const over = scenarioJson();
    over.items[0].amount.value = "20000";
    const r1 = validateScenario(over, "u.json", REGISTRY);
    expect(!r1.ok && r1.errors).toContainEqual(
      expect.objectContaining({ field: "items.uniform.amount.value", message: expect.stringMatching(/outside 0 to 10000/) }),
    );
    const unit = scenarioJson();
    unit.items[0].amount.unit = "rate";
    const r2 = validateScenario(unit, "u.json", REGISTRY);
    expect(!r2.ok && r2.errors.map((e) => e.field)).toContain("items.uniform.amount.unit");
    const typo = scenarioJson();
    typo.items[0].ammount = typo.items[0].amount;
    const r3 = parseScenarioJson(JSON.stringify(typo), "u.json", REGISTRY);
    expect(!r3.ok && r3.errors).toContainEqual(
      expect.objectContaining({ field: "items.uniform.ammount", message: expect.stringMatching(/did you mean "amount"/) }),
    );
  });

  it("needs headcount: on a group given only as a payroll it is refused, naming the item and the group", () => {
    const s = scenarioJson();
    s.groups[0] = { id: "sworn", label: "Sworn", payroll: p("9600000", "USD/year", "Sworn payroll") };
    const r = validateScenario(s, "u.json", REGISTRY);
    expect(!r.ok && r.errors).toContainEqual({
      file: "u.json",
      field: "items.uniform",
      message: 'Uniform allowance needs headcount, but group "sworn" (Sworn) gives only a payroll; add its members',
    });
  });

  it("its workbook formula comes from its module", () => {
    const r = validateScenario(scenarioJson(), undefined, REGISTRY);
    if (!r.ok) throw new Error("invalid");
    const ctx = formulaContextFor(r.value, { ref: (path) => path.replace(/\./g, "_"), itemCell: () => undefined }, REGISTRY);
    expect(uniformAllowance.formula(r.value.items[0] as unknown as UniformAllowance, ctx, 2026)?.formula).toBe(
      "(groups_sworn_members)*items_uniform_amount",
    );
  });
});
