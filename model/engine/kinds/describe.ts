/** What each item provides, one sentence each, by its kind's module (for a document generator and the CLI). */
import type { ScenarioBase } from "../scenario/base";
import { DEFAULT_REGISTRY, kindIndex, type Registry } from "./registry";

export function describeItems(scenario: ScenarioBase, registry: Registry = DEFAULT_REGISTRY): { id: string; text: string }[] {
  const kinds = kindIndex(registry);
  return scenario.items.map((item) => ({ id: item.id, text: kinds.get(item.kind)?.describe(item, scenario) ?? `${item.label}.` }));
}
