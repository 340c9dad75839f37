/**
 * Small agreements in other jurisdictions' styles, built as data with as little ceremony as a
 * test needs. Every value is a decimal string, as in a scenario file.
 */
import { expect } from "vitest";
import { computeTable, type TableResult } from "../../model/engine/compute";
import { validateScenario } from "../../model/engine/scenario/schema";
import type { CostItem, Display, Group, Param, RaiseStep, Scenario, Settings, Unit } from "../../model/engine/scenario/types";

/** An input as a file writes it; the unit is repeated for readability and checked against the field's own. */
export const p = (value: string, unit: Unit, label = "test input"): Param =>
  ({
    value,
    unit,
    label,
    source: { kind: "contract", ref: "test agreement" },
  }) as Param;

export const group = (id: string, members: string, averageSalary: string): Group => ({
  id,
  label: id,
  members: p(members, "members", `${id} members`),
  averageSalary: p(averageSalary, "USD/year", `${id} average salary`),
});

export const percent = (fiscalYear: number, rate: string, effective: string): RaiseStep => ({
  fiscalYear,
  type: "percent",
  amount: p(rate, "rate", `FY${fiscalYear} raise`),
  effective,
  source: { kind: "contract", ref: "test agreement" },
});

export const flat = (fiscalYear: number, dollars: string, effective: string): RaiseStep => ({
  fiscalYear,
  type: "flat",
  amount: p(dollars, "USD/year", `FY${fiscalYear} flat raise`),
  effective,
  source: { kind: "contract", ref: "test agreement" },
});

export const payRate = (
  id: string,
  rate: string,
  appliesTo: string[],
  extra: { groupIds?: string[]; startFiscalYear?: number; line?: string } = {},
): CostItem => ({
  kind: "payRate",
  id,
  label: id,
  line: extra.line ?? "benefits",
  rate: p(rate, "rate", `${id} rate`),
  appliesTo,
  ...(extra.groupIds ? { groupIds: extra.groupIds } : {}),
  ...(extra.startFiscalYear ? { startFiscalYear: extra.startFiscalYear } : {}),
});

export interface AgreementSpec {
  id: string;
  fiscalYears: number[];
  fiscalYearStartMonth: number;
  firstPayPeriodStart: string;
  effectiveFrom: string;
  effectiveTo: string;
  settings?: Partial<Settings>;
  rounding?: Display["rounding"];
  groups: Group[];
  lines: string[];
  items: CostItem[];
  localShare?: string;
  fundingAvailable?: Record<string, string>;
}

/**
 * A scenario from the spec, checked by the same validation a scenario file goes through. Its table
 * is the cost lines, "totalCost" (their sum), and "localPortion" (a share of the total) when a local
 * share is given, then "fundingAvailable" (entered, negated) and "costFundedByWia" when funding is given.
 */
export function agreement(spec: AgreementSpec): Scenario {
  const funding = spec.fundingAvailable;
  const scenario = {
    schemaVersion: 2,
    id: spec.id,
    name: spec.id,
    description: "test agreement",
    agreement: { name: spec.id, employer: "employer", union: "union", effectiveFrom: spec.effectiveFrom, effectiveTo: spec.effectiveTo },
    calendar: { fiscalYearStartMonth: spec.fiscalYearStartMonth, payFrequency: "biweekly", payPeriodAnchor: spec.firstPayPeriodStart },
    settings: { proration: "payPeriods", calendarToFiscal: "monthsInForce", salaryMethod: "averageSalary", ...spec.settings },
    groups: spec.groups,
    items: spec.items,
    table: {
      lines: [
        ...spec.lines.map((id) => ({ id, label: id })),
        { id: "totalCost", label: "TOTAL COST", style: "total", sum: spec.lines },
        ...(spec.localShare !== undefined
          ? [{ id: "localPortion", label: "Local portion", share: { of: "totalCost", rate: p(spec.localShare, "share", "local share") } }]
          : []),
        ...(funding
          ? [
              {
                id: "fundingAvailable",
                label: "Funding available",
                negate: true,
                amounts: Object.fromEntries(Object.entries(funding).map(([k, v]) => [k, p(v, "USD", `funding ${k}`)])),
              },
              {
                id: "costFundedByWia",
                label: "Cost funded",
                style: "total",
                sum: [spec.localShare !== undefined ? "localPortion" : "totalCost", "fundingAvailable"],
              },
            ]
          : []),
      ],
      columns: { fiscalYears: spec.fiscalYears },
      display: { unit: "thousands", decimals: 0, rounding: spec.rounding ?? "halfUp", totals: "roundedExact" },
    },
  };
  const checked = validateScenario(JSON.parse(JSON.stringify(scenario)));
  if (!checked.ok) throw new Error(`test agreement ${spec.id} is invalid: ${JSON.stringify(checked.errors)}`);
  return checked.value;
}

/** Expects every listed cell's unrounded dollars (to 4 places) and, when given, its displayed $K. */
export function expectCells(result: TableResult, lineId: string, expected: Record<string, { exact: string; display?: number }>): void {
  const line = result.lines.find((l) => l.id === lineId);
  expect(line, `line ${lineId}`).toBeDefined();
  for (const [column, want] of Object.entries(expected)) {
    const cell = line!.cells[column]!;
    expect(cell.exact.toFixed(4), `${lineId}.${column} exact`).toBe(want.exact);
    if (want.display !== undefined) expect(cell.display.toNumber(), `${lineId}.${column} display`).toBe(want.display);
  }
}

export const table = (s: Scenario): TableResult => computeTable(s);
