/**
 * Which entry a fiscal year of an "amounts per year" item costs: entered for the year, carried from
 * an earlier entry (recurring), or none. One rule for the engine, the fast path and the workbook.
 */
import type { Param } from "../fields";
import { fyKey } from "../table/schema";
import type { FixedAmountsItem } from "./fixed-amounts";

/** Where a year's amount comes from: entered for the year, carried from an earlier entry, or none. */
type Origin = { kind: "entered"; key: string; p: Param } | { kind: "carried"; key: string; p: Param; years: number } | { kind: "none" };

export function amountOrigin(item: FixedAmountsItem, fy: number): Origin {
  const own = item.amounts[fyKey(fy)];
  if (own) return { kind: "entered", key: fyKey(fy), p: own };
  if (!item.recurring || (item.throughFiscalYear !== undefined && fy > item.throughFiscalYear)) return { kind: "none" };
  const from = Object.keys(item.amounts)
    .map((k) => Number.parseInt(k.slice(2), 10))
    .filter((y) => y < fy)
    .sort((a, b) => b - a)[0];
  if (from === undefined) return { kind: "none" };
  const key = fyKey(from);
  return { kind: "carried", key, p: item.amounts[key]!, years: fy - from };
}
