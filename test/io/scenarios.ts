/** Scenarios the io tests export: the two built-ins, an edited one, and one that exercises every formula branch. */
import { contractAsStated, fisAsPublished } from "../../model/built-ins";
import { setInputValue, type Param, type Scenario, type TableLine, type Unit } from "../../model/engine";

export const editedFy2026Raise = (): Scenario => setInputValue(fisAsPublished(), "items.baseSalary.steps.2025-10-01.amount", "0.04");

const param = (value: string, _unit: Unit, label: string): Param => ({
  value,
  label,
  source: { kind: "assumed" as const, ref: "test" },
});

/** A cost line placed after the last cost line and added to TOTAL COST, as the app's "Add cost line" does. */
function pushCostLine(s: Scenario, line: TableLine): void {
  const at = s.table.lines.findIndex((l) => l.id === "totalCost");
  s.table.lines.splice(at, 0, line);
  const total = s.table.lines.find((l) => l.id === "totalCost")!;
  total.sum = [...total.sum!, line.id];
}

/**
 * Two groups, a flat raise effective mid-year (prorated by days), a pension rate that starts in
 * FY2027, a one-time payment on one group, truncation: none of which the reference case has.
 */
export function multiGroupScenario(): Scenario {
  const s = structuredClone(contractAsStated());
  s.id = "multi-group";
  s.name = "Two groups, flat mid-year raise, truncating";
  s.settings = { ...s.settings, proration: "days" };
  s.table.display = { ...s.table.display, rounding: "truncate" };
  s.groups.push({
    id: "aides",
    label: "Aides",
    members: param("812", "members", "Aides"),
    averageSalary: param("48210.25", "USD/year", "Aides average salary"),
  });
  pushCostLine(s, { id: "aidesPay", label: "Aides flat raise", note: '(x) =HYPERLINK("http://evil") a hostile note stays text' });
  s.items.push(
    {
      kind: "raises",
      id: "aidesFlat",
      label: "Aides flat raise",
      line: "aidesPay",
      groupIds: ["aides"],
      steps: [
        {
          fiscalYear: 2026,
          type: "flat",
          amount: param("1500", "USD/year", "Flat raise FY2026"),
          effective: "2026-01-15",
          source: { kind: "assumed", ref: "test" },
        },
        {
          fiscalYear: 2027,
          type: "percent",
          amount: param("0.025", "rate", "FY2027 raise"),
          effective: "2026-10-01",
          source: { kind: "assumed", ref: "test" },
        },
        {
          fiscalYear: 2027,
          type: "flat",
          amount: param("700", "USD/year", "Second FY2027 flat"),
          effective: "2027-04-01",
          source: { kind: "assumed", ref: "test" },
        },
      ],
    },
    {
      kind: "payRate",
      id: "pension",
      label: "Pension",
      line: "aidesPay",
      rate: param("0.0712", "rate", "Pension rate"),
      appliesTo: ["aidesFlat"],
      startFiscalYear: 2027,
    },
    {
      kind: "oneTime",
      id: "aidesBonus",
      label: "Aides bonus",
      line: "aidesPay",
      groupIds: ["aides"],
      paidInFiscalYear: 2026,
      rate: param("0.015", "rate", "Aides bonus rate"),
    },
  );
  return s;
}

type Item = Scenario["items"][number];
const itemOf = <K extends Item["kind"]>(s: Scenario, id: string, kind: K) => {
  const item = s.items.find((i) => i.id === id);
  if (!item || item.kind !== kind) throw new Error(`fixture: no ${kind} item ${id}`);
  return item as Extract<Item, { kind: K }>;
};

/** The contract as stated with a second group (aides): every item that covers all groups now covers both. */
function withAides(id: string, name: string): Scenario {
  const s = structuredClone(contractAsStated());
  s.id = id;
  s.name = name;
  s.groups.push({
    id: "aides",
    label: "Aides",
    members: param("812", "members", "Aides"),
    averageSalary: param("48210.25", "USD/year", "Aides average salary"),
  });
  return s;
}

/**
 * Rates of pay limited to groups (payRate.groupIds): FICA 7.65% for the aides only, on every kind
 * of target (raises and derived-earnings one-time pay recomputed for the aides, per-head benefits
 * recomputed, premium pay / explicit headcount / fixed amounts split by payroll share), and a
 * pension rate from FY2027 for the teachers only, which is zero on an aides-only raise.
 */
export function groupLoadingsScenario(): Scenario {
  const s = withAides("group-loadings", "Two groups: FICA for aides only, pension from FY2027 for teachers only");
  pushCostLine(s, { id: "aidesPay", label: "Aides stipend" });
  itemOf(s, "dentalFamily", "perHeadBenefit").headcount!.value = "140";
  s.items.push(
    {
      kind: "raises",
      id: "aidesStipend",
      label: "Aides stipend",
      line: "aidesPay",
      groupIds: ["aides"],
      steps: [
        {
          fiscalYear: 2026,
          type: "flat",
          amount: param("1200", "USD/year", "Aides stipend FY2026"),
          effective: "2026-02-01",
          source: { kind: "assumed", ref: "test" },
        },
      ],
    },
    {
      kind: "payRate",
      id: "fica",
      label: "FICA (aides)",
      line: "benefits",
      groupIds: ["aides"],
      rate: param("0.0765", "rate", "FICA rate"),
      appliesTo: ["baseSalary", "bonus", "coveragePremium", "optical", "dentalFamily", "otherNps", "aidesStipend"],
    },
    {
      kind: "payRate",
      id: "pension",
      label: "Pension (teachers)",
      line: "benefits",
      groupIds: ["wtu"],
      startFiscalYear: 2027,
      rate: param("0.0712", "rate", "Pension rate"),
      appliesTo: ["baseSalary", "bonus", "aidesStipend", "otherNps"],
    },
  );
  return s;
}

/**
 * One-time pay with a flat amount per member (oneTime.amountPerMember): a $1,500 ratification
 * payment to everyone (rate 0), a 2%-of-earnings bonus plus $250 a head for the aides only, both
 * carrying Medicare and an aides-only FICA; three fund shares that leave 5% unassigned.
 */
export function perMemberOneTimeScenario(): Scenario {
  const s = withAides("per-member-one-time", "Two groups: $1,500 per member ratification payment, 2% bonus + $250 for aides, fund shares");
  s.settings = { ...s.settings, proration: "days" };
  s.table.display = { ...s.table.display, rounding: "truncate" };
  s.items.push(
    {
      kind: "oneTime",
      id: "ratification",
      label: "Ratification payment",
      line: "bonus",
      paidInFiscalYear: 2026,
      rate: param("0", "rate", "Ratification rate"),
      amountPerMember: param("1500", "USD", "Ratification payment per member"),
    },
    {
      kind: "oneTime",
      id: "aidesBonus",
      label: "Aides bonus",
      line: "bonus",
      groupIds: ["aides"],
      paidInFiscalYear: 2027,
      rate: param("0.02", "rate", "Aides bonus rate"),
      earningsFromRaisesItem: "baseSalary",
      amountPerMember: param("250", "USD", "Aides bonus per member"),
    },
    {
      kind: "payRate",
      id: "fica",
      label: "FICA (aides)",
      line: "benefits",
      groupIds: ["aides"],
      rate: param("0.0765", "rate", "FICA rate"),
      appliesTo: ["ratification", "aidesBonus", "bonus"],
    },
  );
  itemOf(s, "medicare", "payRate").appliesTo.push("ratification", "aidesBonus");
  s.funds = [
    { id: "local", label: "Local funds" },
    { id: "stateGrant", label: "State grant" },
    { id: "federal", label: "Federal Title I" },
  ];
  // Every group pays the same shares, so each fund pays that share of TOTAL COST.
  for (const g of s.groups)
    g.fundShares = {
      local: param("0.6", "share", "Local share"),
      stateGrant: param("0.25", "share", "State grant share"),
      federal: param("0.1", "share", "Federal share"),
    };
  return s;
}

/** The schedule method with two groups: Medicare on all, FICA on the aides' payroll share of the raise, step and turnover parts. */
export function scheduleLoadingsScenario(): Scenario {
  const s = withAides("schedule-loadings", "Schedule method, two groups, FICA for aides only");
  s.settings = { ...s.settings, salaryMethod: "schedule" };
  s.items.push({
    kind: "payRate",
    id: "fica",
    label: "FICA (aides)",
    line: "benefits",
    groupIds: ["aides"],
    rate: param("0.0765", "rate", "FICA rate"),
    appliesTo: ["baseSalary", "bonus", "otherNps"],
  });
  return s;
}
