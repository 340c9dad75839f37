/**
 * Every input of a scenario has a stable path ("groups.wtu.averageSalary",
 * "items.baseSalary.steps.1.amount", "fundingAvailable.FY2025"). Explanations name inputs by
 * path so the app can jump from a number to the row it came from; grids, Excel import and the
 * analysis sweeps read and write inputs by path.
 */
import type { CostItem, Param, Scenario } from "./types";

export type InputSection =
  | "Headcount and salary"
  | "Raises"
  | "One-time payments"
  | "Coverage premium"
  | "Benefits"
  | "Rates of pay"
  | "Other costs"
  | "Fund split and funding";

export interface InputEntry {
  path: string;
  section: InputSection;
  /** The item or group the input belongs to, for grouping rows. */
  owner: string;
  param: Param;
}

function itemSection(item: CostItem): InputSection {
  switch (item.kind) {
    case "raises":
      return "Raises";
    case "oneTime":
      return "One-time payments";
    case "premiumPay":
      return "Coverage premium";
    case "perHeadBenefit":
      return "Benefits";
    case "payRate":
      return "Rates of pay";
    case "fixedAmounts":
      return "Other costs";
  }
}

function itemParams(item: CostItem): [string, Param][] {
  switch (item.kind) {
    case "raises":
      return item.steps.map((s, i) => [`steps.${i}.amount`, s.amount]);
    case "oneTime":
      return [
        ["rate", item.rate],
        ...(item.earnings ? ([["earnings", item.earnings]] as [string, Param][]) : []),
        ...(item.amountPerMember ? ([["amountPerMember", item.amountPerMember]] as [string, Param][]) : []),
      ];
    case "premiumPay":
      return [
        ["units", item.units],
        ["hoursPerUnit", item.hoursPerUnit],
        ["hourlyRate", item.hourlyRate],
        ...(item.annualAmount ? ([["annualAmount", item.annualAmount]] as [string, Param][]) : []),
        ["growthRate", item.growthRate],
        ["yearsPaidInFirstYear", item.yearsPaidInFirstYear],
      ];
    case "perHeadBenefit":
      return [
        ...item.amounts.map((a): [string, Param] => [`amounts.${a.year}`, a.amount]),
        ...(item.headcount ? ([["headcount", item.headcount]] as [string, Param][]) : []),
      ];
    case "payRate":
      return [["rate", item.rate]];
    case "fixedAmounts":
      return Object.entries(item.amounts).map(([fy, param]): [string, Param] => [`amounts.${fy}`, param]);
  }
}

/** All inputs in the order the contract presents them. */
export function listInputs(scenario: Scenario): InputEntry[] {
  const out: InputEntry[] = [];
  for (const g of scenario.groups) {
    out.push({ path: `groups.${g.id}.members`, section: "Headcount and salary", owner: g.label, param: g.members });
    out.push({ path: `groups.${g.id}.averageSalary`, section: "Headcount and salary", owner: g.label, param: g.averageSalary });
  }
  const order: CostItem["kind"][] = ["raises", "oneTime", "premiumPay", "perHeadBenefit", "payRate", "fixedAmounts"];
  for (const kind of order) {
    for (const item of scenario.items) {
      if (item.kind !== kind) continue;
      for (const [rel, param] of itemParams(item))
        out.push({ path: `items.${item.id}.${rel}`, section: itemSection(item), owner: item.label, param });
    }
  }
  out.push({ path: "localShare", section: "Fund split and funding", owner: "Fund split", param: scenario.localShare });
  for (const f of scenario.fundShares ?? [])
    out.push({ path: `fundShares.${f.id}.share`, section: "Fund split and funding", owner: f.label, param: f.share });
  for (const [fy, param] of Object.entries(scenario.fundingAvailable))
    out.push({ path: `fundingAvailable.${fy}`, section: "Fund split and funding", owner: "Funding available", param });
  return out;
}

export function getInput(scenario: Scenario, path: string): Param | undefined {
  return listInputs(scenario).find((e) => e.path === path)?.param;
}

/**
 * A copy of the scenario with one input's value replaced (the value is validated by the caller or
 * by validateScenario). The source becomes "user" so an edited calibration is never shown as the CFO's.
 */
export function setInputValue(scenario: Scenario, path: string, value: string): Scenario {
  const copy = JSON.parse(JSON.stringify(scenario)) as Scenario;
  const entry = listInputs(copy).find((e) => e.path === path);
  if (!entry) throw new Error(`No input at path "${path}"`);
  if (entry.param.value !== value) {
    const was = `was ${entry.param.value}, ${entry.param.source.kind === "calibrated" ? "calibrated" : entry.param.source.ref}`;
    entry.param.value = value;
    entry.param.source = { kind: "user", ref: "edited", note: was };
  }
  return copy;
}
