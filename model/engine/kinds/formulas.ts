/** An item's dollars for one fiscal year as a spreadsheet formula, by its kind's module. */
import type { PayCalendar } from "../calendar";
import type { ScenarioBase } from "../scenario/base";
import { beforeAgreement, beforeAgreementNote } from "./common";
import { DEFAULT_REGISTRY, kindIndex, type Registry } from "./registry";
import type { CalendarCount, FormulaContext, ItemBase, ItemFormula } from "./kind";

export function formulaContextFor(
  scenario: ScenarioBase,
  refs: {
    ref: (path: string) => string;
    itemCell: (itemId: string, fy: number) => string | undefined;
    companions?: Map<string, string[]>;
    calendarCount?: (count: CalendarCount) => string;
  },
  registry: Registry = DEFAULT_REGISTRY,
): FormulaContext {
  const kinds = kindIndex(registry);
  const items = new Map(scenario.items.map((i) => [i.id, i]));
  const calendar: PayCalendar = scenario.calendar;
  return {
    scenario,
    calendar,
    ref: refs.ref,
    itemCell: refs.itemCell,
    kindOf: (item) => kinds.get(item.kind)!,
    itemById: (id) => items.get(id),
    companions: refs.companions ?? new Map(),
    calendarCount: refs.calendarCount ?? ((c) => String(c.value)),
  };
}

/**
 * The item's dollars in `fy` as a formula; undefined for an item the sheet cannot express (census-costed raises).
 * A year before the agreement is "0" as the engine costs it, whatever the kind's own formula would give.
 */
export function itemFormula(item: ItemBase, ctx: FormulaContext, fy: number): ItemFormula | undefined {
  if (beforeAgreement(ctx.scenario, fy)) return { formula: "0", note: beforeAgreementNote(ctx.scenario) };
  return ctx.kindOf(item).formula(item, ctx, fy);
}
