/**
 * Premium pay (Art. 23.17.6, 36.8; FIS p.3): units x hours x hourly rate x (1 + loading) a year;
 * the first fiscal year carries `yearsPaidInFirstYear` years (FY2025 + FY2024 retro), later
 * years grow by the growth rate compounded from the first year.
 */
import { Decimal, ONE, ZERO, sum } from "../decimal";
import type { PayRateItem, PremiumPayItem } from "../scenario/types";
import { dec, paramLeaf, type ItemCell, type LineContext, usdCell } from "./context";
import { payRateInForce } from "./pay-rate";

function annualAmount(item: PremiumPayItem, ctx: LineContext, fy: number): ItemCell {
  if (item.annualAmount)
    return { exact: dec(item.annualAmount), explanation: paramLeaf(item.annualAmount, `items.${item.id}.annualAmount`) };
  const loadings = ctx.scenario.items.filter(
    (i): i is PayRateItem => i.kind === "payRate" && item.loadingItemIds.includes(i.id) && payRateInForce(i, fy),
  );
  const loading = sum(loadings.map((l) => dec(l.rate)));
  const units = dec(item.units);
  const hours = dec(item.hoursPerUnit);
  const rate = dec(item.hourlyRate);
  const value = units.times(hours).times(rate).times(ONE.plus(loading));
  return {
    exact: value,
    explanation: {
      label: "Annual premium incl. loading",
      value: value.toString(),
      unit: "USD/year",
      formula: "units x hours per unit x hourly rate x (1 + loading rates)",
      symbols: `${units} x ${hours} x ${rate} x (1 + ${loading})`,
      children: [
        paramLeaf(item.units, `items.${item.id}.units`),
        paramLeaf(item.hoursPerUnit, `items.${item.id}.hoursPerUnit`),
        paramLeaf(item.hourlyRate, `items.${item.id}.hourlyRate`),
        ...loadings.map((l) => paramLeaf(l.rate, `items.${l.id}.rate`)),
      ],
    },
  };
}

export function premiumPayCost(item: PremiumPayItem, ctx: LineContext, fy: number): ItemCell {
  if (fy < item.firstFiscalYear) {
    return usdCell(`${item.label} FY${fy}`, ZERO, `starts in FY${item.firstFiscalYear}`);
  }
  const annual = annualAmount(item, ctx, fy);
  const growth = dec(item.growthRate);
  const years = fy - item.firstFiscalYear;
  const growthFactor: Decimal = ONE.plus(growth).pow(years);
  const multiplier = years === 0 ? dec(item.yearsPaidInFirstYear) : ONE;
  const cost = annual.exact.times(growthFactor).times(multiplier);
  const children = [annual.explanation, paramLeaf(item.growthRate, `items.${item.id}.growthRate`)];
  if (years === 0) children.push(paramLeaf(item.yearsPaidInFirstYear, `items.${item.id}.yearsPaidInFirstYear`));
  return usdCell(
    `${item.label} FY${fy}`,
    cost,
    years === 0 ? "annual premium x years paid in the first year (incl. retro)" : `annual premium x (1 + growth)^${years}`,
    children,
    years === 0 ? `${annual.exact} x ${multiplier}` : `${annual.exact} x ${growthFactor}`,
  );
}
