/** Amounts entered per fiscal year (FIS "Other NPS (AEDs and ice machines)"). */
import { ZERO } from "../decimal";
import { fyKey, type FixedAmountsItem } from "../scenario/types";
import { dec, paramLeaf, type ItemCell, usdCell } from "./context";

export function fixedAmountsCost(item: FixedAmountsItem, fy: number): ItemCell {
  const param = item.amounts[fyKey(fy)];
  if (!param) return usdCell(`${item.label} FY${fy}`, ZERO, "no amount entered for this year");
  return { exact: dec(param), explanation: paramLeaf(param, `items.${item.id}.amounts.${fyKey(fy)}`) };
}
