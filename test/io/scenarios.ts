/** Scenarios the io tests export: the two built-ins, an edited one, and one that exercises every formula branch. */
import { contractAsStated, fisAsPublished } from "../../model/built-ins";
import { setInputValue, type Param, type Scenario, type TableLine, type Unit } from "../../model/engine";
import { agreement, group, p as buildParam, payRate, percent } from "../agreements/build";

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

/**
 * The table starts a year before the agreement: FY2008 (July 2007 - June 2008) ends the day the
 * agreement (2008-07-01 - 2010-06-30) starts, so the engine costs nothing in it, although every
 * item's own fields would cost it: a rate on payroll with no start year, premium pay from FY2008, a
 * per-head increase over 2007, a FY2008 fixed amount, a rate of pay for one group on them. Two
 * groups pay different general-fund shares, so the fund line takes each group's part.
 */
export function beforeAgreementScenario(): Scenario {
  const groupOf = (id: string, label: string, members: string, share: string) => ({
    id,
    label,
    members: param(members, "members", `${label} members`),
    averageSalary: param("100000", "USD/year", `${label} average salary`),
    fundShares: { gf: param(share, "share", `${label} general-fund share`) },
  });
  const fy = (year: number, value: string) => ({ [`FY${year}`]: param(value, "USD", `Fixed FY${year}`) });
  return {
    schemaVersion: 2,
    id: "before-agreement",
    name: "Table from the year before the agreement",
    description: "Every kind of item, FY2008 before the agreement",
    agreement: { name: "Test", employer: "State", union: "Union", effectiveFrom: "2008-07-01", effectiveTo: "2010-06-30" },
    calendar: { fiscalYearStartMonth: 7, payFrequency: "semimonthly", payPeriodAnchor: "2007-07-01" },
    settings: { proration: "months", calendarToFiscal: "monthsInForce", salaryMethod: "averageSalary" },
    groups: [groupOf("a", "Group A", "10", "1"), groupOf("b", "Group B", "30", "0.5")],
    funds: [{ id: "gf", label: "General fund" }],
    items: [
      { kind: "payrollRate", id: "holiday", label: "Paid holiday", line: "pay", rate: param("0.01", "rate", "Holiday rate") },
      {
        kind: "raises",
        id: "raise",
        label: "FY2009 raise",
        line: "pay",
        steps: [
          {
            fiscalYear: 2009,
            type: "percent",
            amount: param("0.02", "rate", "FY2009 raise"),
            effective: "2008-07-01",
            source: { kind: "assumed", ref: "test" },
          },
        ],
      },
      { kind: "oneTime", id: "bonus", label: "Bonus", line: "pay", paidInFiscalYear: 2009, rate: param("0.01", "rate", "Bonus rate") },
      {
        kind: "premiumPay",
        id: "premium",
        label: "Premium",
        line: "pay",
        units: param("100", "count", "Units"),
        hoursPerUnit: param("2", "hours", "Hours per unit"),
        hourlyRate: param("50", "USD/hour", "Hourly rate"),
        payRateIds: [],
        growthRate: param("0", "rate", "Growth"),
        firstFiscalYear: 2008,
        yearsPaidInFirstYear: param("1", "count", "Years paid in the first year"),
      },
      {
        kind: "perHeadBenefit",
        id: "dental",
        label: "Dental",
        line: "benefits",
        frequency: "monthly",
        basis: "fiscalYear",
        baselineYear: 2007,
        amounts: {
          "2007": param("10", "USD/month", "2007"),
          "2008": param("11", "USD/month", "2008"),
          "2009": param("12", "USD/month", "2009"),
        },
      },
      { kind: "fixedAmounts", id: "fixed", label: "Fixed", line: "other", amounts: { ...fy(2008, "5000"), ...fy(2009, "6000") } },
      {
        kind: "payRate",
        id: "benefitsB",
        label: "Benefits (group B)",
        line: "benefits",
        groupIds: ["b"],
        rate: param("0.2", "rate", "Benefits rate"),
        appliesTo: ["holiday", "premium", "fixed"],
      },
    ],
    table: {
      lines: [
        { id: "pay", label: "Pay" },
        { id: "benefits", label: "Benefits" },
        { id: "other", label: "Other" },
        { id: "total", label: "TOTAL", style: "total", sum: ["pay", "benefits", "other"] },
      ],
      columns: { fiscalYears: [2008, 2009, 2010], total: { label: "Total" }, annualized: false },
      display: { unit: "dollars", decimals: 2, rounding: "halfUp", totals: "roundedExact" },
    },
  } as Scenario;
}

/**
 * West Virginia's additional paid holiday (fiscal note RecordID=20052904): one day's pay, 1/260 of
 * $1,358,503,563, from the agreement's start (FY2009) with no start year of its own, and benefits of
 * 20.15% on it; the table starts in FY2008, which the note prints as 0.
 */
export function wvPaidHolidayScenario(): Scenario {
  return {
    schemaVersion: 2,
    id: "wv-paid-holiday",
    name: "WV additional paid holiday",
    description: "RecordID=20052904",
    agreement: {
      name: "Paid holiday",
      employer: "State of West Virginia",
      union: "none",
      effectiveFrom: "2008-07-01",
      effectiveTo: "2009-06-30",
    },
    calendar: { fiscalYearStartMonth: 7, payFrequency: "semimonthly", payPeriodAnchor: "2007-07-01" },
    settings: { proration: "months", calendarToFiscal: "monthsInForce", salaryMethod: "averageSalary" },
    groups: [{ id: "all", label: "All filled positions", payroll: param("1358503563", "USD/year", "Personal services") }],
    items: [
      {
        kind: "payrollRate",
        id: "holiday",
        label: "One day of pay",
        line: "personalServices",
        rate: param("0.003846153846153846153846153846", "rate", "1/260"),
      },
      {
        kind: "payRate",
        id: "benefits",
        label: "Benefits",
        line: "other",
        rate: param("0.2015", "rate", "Benefits"),
        appliesTo: ["holiday"],
      },
    ],
    table: {
      lines: [
        { id: "totalCost", label: "Total", style: "total", sum: ["personalServices", "other"] },
        { id: "personalServices", label: "Personal Services" },
        { id: "other", label: "Other" },
      ],
      columns: { fiscalYears: [2008, 2009], total: false, annualized: { label: "Upon Full Implementation" } },
      display: { unit: "dollars", decimals: 0, rounding: "halfUp", totals: "roundedExact" },
    },
  } as Scenario;
}

/**
 * A flat one-time payment (rate 0, $1,200 per member) on a group that states only its headcount
 * (3,500 substitutes), beside a 2% raise on a group with a payroll (100 x $50,000), Medicare 1.45% on both.
 *   FY2025: raise 100 x 50,000 x 0.02 = 100,000; payment 3,500 x 1,200 = 4,200,000;
 *           Medicare 0.0145 x 4,300,000 = 62,350; total 4,362,350. FY2026: raise 100,000 + Medicare 1,450.
 */
export function headcountOnlyPaymentScenario(): Scenario {
  return agreement({
    id: "headcount-only-payment",
    fiscalYears: [2025, 2026],
    fiscalYearStartMonth: 7,
    firstPayPeriodStart: "2024-07-07",
    effectiveFrom: "2024-07-01",
    effectiveTo: "2026-06-30",
    groups: [
      group("clerks", "100", "50000"),
      { id: "subs", label: "Substitutes", members: buildParam("3500", "members", "Substitutes (headcount only)") },
    ],
    lines: ["salaries", "payments", "benefits"],
    items: [
      { kind: "raises", id: "raise", label: "Raise", line: "salaries", groupIds: ["clerks"], steps: [percent(2025, "0.02", "2024-07-01")] },
      {
        kind: "oneTime",
        id: "stipend",
        label: "Ratification stipend",
        line: "payments",
        groupIds: ["subs"],
        paidInFiscalYear: 2025,
        rate: buildParam("0", "rate", "Stipend rate"),
        amountPerMember: buildParam("1200", "USD", "Stipend per member"),
      },
      payRate("medicare", "0.0145", ["raise", "stipend"]),
    ],
  });
}
