/**
 * Retroactive pay: when an agreement is approved after its raises take effect, the raises are
 * implemented some time after approval (the agreement's retroPay terms; the DC teachers' Art.
 * 36.2.2: "within 120 days of approval by the Council ... and the raise paid retroactively to
 * October 1, 2024") and the raise due for the pay periods from each effective date to
 * implementation is paid as one lump sum. The FIS table
 * already costs those periods in the years they were worked; the lump sum moves that cash to the
 * fiscal year of payment. This module measures both: retro earned by fiscal year and paid by
 * fiscal year, wages plus the rates of pay (Medicare etc.) that apply to the raises.
 *
 * The periods before implementation are counted with the scenario's proration rule (pay periods
 * starting before the implementation date, or days), the same rule the raises line uses, so the
 * retro for a year implemented after its end equals that year's raise cost exactly.
 */
import {
  fiscalYearEndExclusive,
  fiscalYearOfDate,
  fiscalYearStart,
  fractionOfFiscalYear,
  isIsoDate,
  dayOrdinal,
  isoFromDayOrdinal,
  periodsInFiscalYear,
} from "../calendar";
import { Decimal, ZERO, sum } from "../decimal";
import type { Explanation } from "../explain";
import { coveredGroups, moneyText } from "../kinds/common";
import { payRateInForce } from "../kinds/pay-rate";
import { applyStep, clampWords, isPerSalary, levelAfter, salaryBases, sortedSteps, type SalaryBase } from "../kinds/raises";
import { dec, paramLeaf } from "../scenario/groups";
import { fyKey, type PayRateItem, type RaisesItem, type Scenario } from "../scenario/types";

export interface RetroRequest {
  /** Date the agreement is approved (ISO). */
  approved: string;
  /** Days from approval to implementation (default: the agreement's retroPay.implementationLagDays). */
  implementationLagDays?: number;
}

export interface RetroYear {
  fiscalYear: number;
  /** Share of the fiscal year owed: a raise in force and before implementation (pay periods or days, by the scenario's rule). */
  shareOwed: Decimal;
  /** "16 of 26 pay periods" or "61 of 365 days". */
  counted: string;
  wages: Decimal;
  ratesOfPay: Decimal;
  total: Decimal;
  explanation: Explanation;
}

export interface RetroResult {
  approved: string;
  /** Days from approval to implementation: the request's, else the agreement's. */
  lagDays: number;
  implementation: string;
  paidInFiscalYear: number;
  /** Retro earned in each fiscal year before implementation (years with nothing owed are left out). */
  earned: RetroYear[];
  total: Decimal;
  /** Cash moved by fiscal year: minus what was earned that year, plus the lump sum in the year of payment. */
  cashShift: Record<string, Decimal>;
  explanation: Explanation;
}

export type RetroOutcome = { ok: true; value: RetroResult } | { ok: false; message: string };

/** "16 of 26 pay periods" / "61 of 365 days": the owed share of the year in the units it was counted in. */
function counted(scenario: Scenario, fy: number, share: Decimal): string {
  const method = scenario.settings.proration;
  const whole = periodsInFiscalYear(fy, scenario.calendar, method);
  const unit = method === "payPeriods" ? "pay periods" : method;
  return `${share.times(whole).toDecimalPlaces(0).toString()} of ${whole} ${unit}`;
}

/** Retro wages for one salary base (a group's members, a position, a payroll) of one raises item in one fiscal year. */
function baseRetro(
  scenario: Scenario,
  item: RaisesItem,
  b: SalaryBase,
  fy: number,
  implementation: string,
): { wages: Decimal; owedShare: Decimal; explanation: Explanation } {
  const m = scenario.calendar.fiscalYearStartMonth;
  const frac = (date: string) => fractionOfFiscalYear(date, fy, scenario.calendar, scenario.settings.proration);
  const steps = sortedSteps(item);
  const base = b.base;
  const members = b.multiplier;
  let level = levelAfter(base, steps, fy - 1, b.flatScale);
  let segStart = fiscalYearStart(fy, m);
  const end = fiscalYearEndExclusive(fy, m);
  const parts: { increase: Decimal; share: Decimal }[] = [];
  const close = (segEnd: string) => {
    if (segStart < implementation && segStart < segEnd)
      parts.push({ increase: level.minus(base), share: frac(segStart).minus(frac(segEnd < implementation ? segEnd : implementation)) });
  };
  for (const s of steps.filter((st) => st.fiscalYear === fy)) {
    const eff = s.effective > segStart ? s.effective : segStart;
    close(eff);
    level = applyStep(level, s, b.flatScale);
    segStart = eff;
  }
  close(end);
  const perMember = sum(parts.map((p) => p.increase.times(p.share)));
  const wages = members.times(perMember);
  return {
    wages,
    // The part of the year with a raise in force before implementation: what the lump sum covers.
    owedShare: sum(parts.filter((x) => !x.increase.isZero()).map((x) => x.share)),
    explanation: {
      label: `${item.label}, ${b.label}: retro wages earned FY${fy}`,
      value: wages.toString(),
      unit: "USD",
      formula:
        "members x sum over salary levels in force before implementation of (level - base salary) x share of the year" +
        (steps.some(isPerSalary) ? `; ${clampWords(b.form, steps)}` : ""),
      symbols: `${members} x (${parts.map((p) => `${moneyText(p.increase)} x ${p.share}`).join(" + ") || "0"})`,
      children: b.leaves,
    },
  };
}

export function retroPay(scenario: Scenario, request: RetroRequest): RetroOutcome {
  if (!isIsoDate(request.approved))
    return { ok: false, message: `approval date "${request.approved}" is not a real date written YYYY-MM-DD` };
  const lag = request.implementationLagDays ?? scenario.agreement.retroPay?.implementationLagDays;
  if (lag === undefined)
    return {
      ok: false,
      message:
        "the agreement states no implementation lag (agreement.retroPay in the scenario): give the days from approval to implementation",
    };
  if (!Number.isInteger(lag) || lag < 0 || lag > 3650)
    return { ok: false, message: `implementation lag ${lag} must be a whole number of days between 0 and 3650` };
  // A step paid in stated payrolls (periodsPaid: pay in arrears) is costed as the note pays it, not
  // by the periods it was in force, so what is owed before implementation is not this module's count.
  const arrears = scenario.items.flatMap((i) =>
    i.kind === "raises" ? i.steps.filter((s) => s.periodsPaid).map((s) => `${i.label} (effective ${s.effective})`) : [],
  );
  if (arrears.length > 0)
    return {
      ok: false,
      message:
        `retro pay is not computed for a raise paid in stated payrolls (periodsPaid): ${arrears.join(", ")}; ` +
        "the table already costs it in the payrolls the note gives",
    };
  const implementation = isoFromDayOrdinal(dayOrdinal(request.approved) + lag);
  const m = scenario.calendar.fiscalYearStartMonth;
  const paidIn = fiscalYearOfDate(implementation, m);
  const raises = scenario.items.filter((i): i is RaisesItem => i.kind === "raises");
  const rates = scenario.items.filter((i): i is PayRateItem => i.kind === "payRate");
  const earned: RetroYear[] = [];
  for (const fy of scenario.table.columns.fiscalYears) {
    if (fiscalYearStart(fy, m) >= implementation) continue;
    const groupParts = raises.flatMap((item) =>
      coveredGroups(scenario, item).flatMap((g) =>
        salaryBases(g).map((b) => ({ item, group: g, ...baseRetro(scenario, item, b, fy, implementation) })),
      ),
    );
    const wages = sum(groupParts.map((p) => p.wages));
    if (wages.isZero()) continue;
    const rateNodes: Explanation[] = [];
    let ratesOfPay = ZERO;
    for (const r of rates) {
      if (!payRateInForce(r, fy)) continue;
      const on = groupParts.filter((p) => r.appliesTo.includes(p.item.id) && (!r.groupIds || r.groupIds.includes(p.group.id)));
      const b = sum(on.map((p) => p.wages));
      if (b.isZero()) continue;
      const v = dec(r.rate).times(b);
      ratesOfPay = ratesOfPay.plus(v);
      rateNodes.push({
        label: `${r.label} on retro FY${fy}`,
        value: v.toString(),
        unit: "USD",
        formula: "rate x retro wages it applies to",
        symbols: `${r.rate.value} x ${b}`,
        children: [paramLeaf(r.rate, `items.${r.id}.rate`, "rate")],
      });
    }
    const share = groupParts.reduce((a, x) => Decimal.max(a, x.owedShare), ZERO);
    const total = wages.plus(ratesOfPay);
    const countedText = counted(scenario, fy, share);
    earned.push({
      fiscalYear: fy,
      shareOwed: share,
      counted: countedText,
      wages,
      ratesOfPay,
      total,
      explanation: {
        label: `Retro earned FY${fy}, paid FY${paidIn}`,
        value: total.toString(),
        unit: "USD",
        formula: `raise cost for the ${countedText} of FY${fy} before implementation on ${implementation}, plus rates of pay`,
        symbols: `${wages} + ${ratesOfPay}`,
        children: [...groupParts.map((p) => p.explanation), ...rateNodes],
      },
    });
  }
  const total = sum(earned.map((e) => e.total));
  const columns = [...new Set([...scenario.table.columns.fiscalYears, paidIn])].sort((a, b) => a - b);
  const cashShift = Object.fromEntries(
    columns.map((fy) => [fyKey(fy), (fy === paidIn ? total : ZERO).minus(earned.find((e) => e.fiscalYear === fy)?.total ?? ZERO)]),
  );
  return {
    ok: true,
    value: {
      approved: request.approved,
      lagDays: lag,
      implementation,
      paidInFiscalYear: paidIn,
      earned,
      total,
      cashShift,
      explanation: {
        label: `Retroactive lump sum paid FY${paidIn}`,
        value: total.toString(),
        unit: "USD",
        formula: `approved ${request.approved} + ${lag} days = implemented ${implementation}; the raise for every pay period from its effective date to implementation is paid then${
          scenario.settings.salaryMethod === "schedule"
            ? " (priced as members x average salary: the census method's step and turnover parts are not retroactive raise pay)"
            : ""
        }`,
        symbols: earned.map((e) => e.total.toString()).join(" + ") || "0",
        children: earned.map((e) => e.explanation),
      },
    },
  };
}
